//! Generates `docs/missed-dose-decision-table.md`, the missed-dose helper's answers laid out for
//! a pharmacist to review, and fails if the committed file is out of date.
//! Refresh it with `UPDATE_DOCS=1 cargo test --test decision_table`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use baclofen_guide::content::{MISSED_DOSE, SITE};
use baclofen_guide::missed_dose::table;
use baclofen_guide::missed_dose::wording::duration_words;
use baclofen_logic::missed_dose::{advise, Form, Missed, Person, Situation, WhichDose};
use baclofen_logic::schedule::Schedule;
use baclofen_logic::time::rule_zones::{LONDON, NEW_YORK};
use baclofen_logic::time::{instant_at, ClockTime, Date, FixedZone};
use std::fmt::Write as _;

const DOC: &str = "docs/missed-dose-decision-table.md";

/// Every worked table for the review document: the three-a-day tables, four a day, other situations, and clock changes.
fn all() -> Vec<table::Table> {
    let (utc, day) = (FixedZone(0), table::example_day());
    let mut tables = table::three_a_day();
    let four = table::schedule(&["08:00", "12:00", "16:00", "20:00"]);
    // Fact sheet §13.1 (revised 2026-12-07): adults on four doses a day follow the NHS rule.
    tables.push(table::timed(
        "Adult, four doses a day (08:00, 12:00, 16:00, 20:00), the 08:00 dose missed",
        &utc,
        &four,
        day,
        &["09:00", "10:00", "10:01", "11:30"],
        Person::Adult,
    ));
    tables.push(table::timed(
        "Child, four doses a day (08:00, 12:00, 16:00, 20:00), the 08:00 dose missed",
        &utc,
        &four,
        day,
        &["08:30", "09:00", "09:59", "10:00"],
        Person::Child,
    ));

    let three = table::schedule(&["08:00", "14:00", "20:00"]);
    let ten = instant_at(&utc, day, table::t("10:00"));
    let cases: [(&str, Situation); 8] = [
        (
            "two or more missed, all in the last day",
            Situation { missed: Missed::TwoOrMoreInARow, ..Situation::one_missed(Person::Adult) },
        ),
        (
            "more than a day's doses missed",
            Situation { missed: Missed::MoreThanADay, ..Situation::one_missed(Person::Adult) },
        ),
        ("ran out", Situation { missed: Missed::RanOut, ..Situation::one_missed(Person::Adult) }),
        ("pump user", Situation { form: Form::Pump, ..Situation::one_missed(Person::Adult) }),
        ("withdrawal signs", Situation { withdrawal_signs: true, ..Situation::one_missed(Person::Adult) }),
        (
            "adult, sick 20 min after",
            Situation { vomited_after: Some(20), ..Situation::one_missed(Person::Adult) },
        ),
        (
            "child, sick 20 min after",
            Situation { vomited_after: Some(20), ..Situation::one_missed(Person::Child) },
        ),
        (
            "child, sick 45 min after",
            Situation { vomited_after: Some(45), ..Situation::one_missed(Person::Child) },
        ),
    ];
    let mut rows: Vec<table::Row> =
        cases.into_iter().map(|(who, s)| table::row(&utc, &three, ten, s, who)).collect();
    let chosen = Situation {
        dose: WhichDose::At(instant_at(&utc, day, table::t("08:00"))),
        ..Situation::one_missed(Person::Adult)
    };
    rows.push(table::row(
        &utc,
        &three,
        instant_at(&utc, day, table::t("15:00")),
        chosen,
        "08:00 chosen at 15:00",
    ));
    tables.push(table::Table { title: "Other situations (adult unless stated; now 10:00)".into(), rows });

    let late = table::schedule(&["08:00", "15:00", "22:00"]);
    let autumn = Date::new(2026, 10, 25).expect("a real date");
    let six_hourly = table::schedule(&["03:00", "09:00", "15:00", "21:00"]);
    let first = instant_at(&LONDON, autumn, table::t("01:15"));
    let spring = Date::new(2026, 3, 8).expect("a real date");
    let five = table::schedule(&["01:00", "04:00", "10:00", "16:00", "22:00"]);
    tables.push(table::Table {
        title: "Midnight and daylight-saving days".into(),
        rows: vec![
            table::row(
                &LONDON,
                &late,
                instant_at(&LONDON, day.plus_days(1), table::t("01:30")),
                Situation::one_missed(Person::Adult),
                "adult, due 22:00",
            ),
            table::row(
                &LONDON,
                &six_hourly,
                first,
                Situation::one_missed(Person::Adult),
                "adult, London 25 Oct, first 01:15 (BST)",
            ),
            table::row(
                &LONDON,
                &six_hourly,
                first.plus_minutes(60),
                Situation::one_missed(Person::Adult),
                "adult, London 25 Oct, second 01:15 (GMT)",
            ),
            table::row(
                &NEW_YORK,
                &five,
                instant_at(&NEW_YORK, spring, table::t("01:30")),
                Situation::one_missed(Person::Adult),
                "adult, New York 8 Mar, 01:30 (next 04:00 is 90 real minutes away)",
            ),
        ],
    });
    tables
}

fn generate() -> String {
    let rules = MISSED_DOSE.rules;
    let (min, max) = MISSED_DOSE.skip_window_range;
    let mut out = String::new();
    writeln!(out, "# Missed-dose helper: decision table for review").unwrap();
    writeln!(
        out,
        "\nGenerated by `tests/decision_table.rs` from the engine (`crates/logic`) and the reviewed wording in \
         `content/missed-dose.toml`; do not edit by hand. Content version {}, checked against its sources on {}.",
        SITE.content_version, SITE.checked_on
    )
    .unwrap();
    writeln!(out, "\n## Rules and numbers\n").unwrap();
    writeln!(out, "- Skip window (NHS-HOW): leave the missed dose out if the next one is due in less than {}, for adults and children, whatever the number of doses a day (fact sheet §13.1, revised 2026-12-07). A clinic may set {}–{} minutes: longer, never shorter.", duration_words(rules.skip_window), min, max).unwrap();
    writeln!(out, "- Irregular schedules (doses less than {} apart) → ask a pharmacist or prescriber straight away. Every \"ask\" answer carries the safe default: if no advice can be had before the next dose is due, leave out the missed dose and take the next one at the usual time (§13.1).", duration_words(rules.child_min_gap)).unwrap();
    writeln!(out, "- Child minimum gap (MFC): at least {} between a late dose and the next one. If moving the next dose would crowd the dose after it, the next dose is left out instead; if even that leaves too little room, the missed dose is left out.", duration_words(rules.child_min_gap)).unwrap();
    writeln!(out, "- Child vomiting (MFC): sick within {} of a dose → the same dose again; later → wait for the next dose. No source gives an adult rule, so adults are asked to check with a pharmacist.", duration_words(rules.child_vomit_window)).unwrap();
    writeln!(out, "- Two or more doses missed in a row, all in the last day → take the next dose at the usual time (never extra) and contact the prescriber or pharmacist today; more than a day's doses, or run out → contact them today and ask before restarting (fact sheet §13.2, proposed rule: needs clinical sign-off). Withdrawal signs → emergency. A pump never gets oral dose arithmetic: call the pump team now, or go to the emergency department now if they cannot be reached.").unwrap();
    writeln!(out, "- Every answer that says to contact a prescriber or pharmacist names who to call when they are closed, by region (UK: NHS 111; elsewhere the clinic's out-of-hours number if set, else \"your out-of-hours service\"). The tables below show the general wording.").unwrap();
    writeln!(out, "- Times are real instants in the device's time zone: midnight crossings and daylight-saving changes are counted in real minutes.").unwrap();
    writeln!(out, "\n## Answers\n\nUnless stated: dose times 08:00, 14:00, 20:00; the 08:00 dose was missed (London, 23 November 2026).").unwrap();
    for table in all() {
        writeln!(out, "\n### {}\n", table.title).unwrap();
        writeln!(out, "| who | time now | dose in question | answer | rule |\n|---|---|---|---|---|")
            .unwrap();
        for r in table.rows {
            writeln!(out, "| {} | {} | {} | {} | `{}` |", r.who, r.now, r.dose, r.answer, r.rule).unwrap();
        }
    }
    out
}

#[test]
fn the_published_decision_table_is_current() {
    common::assert_doc_current(DOC, &generate(), "decision_table");
}

#[test]
fn one_answer_takes_well_under_a_millisecond() {
    let zone = LONDON;
    let t = |s: &str| ClockTime::parse(s).unwrap();
    let sched = Schedule::from_times(
        &[t("08:00"), t("14:00"), t("20:00")],
        &baclofen_guide::content::SCHEDULE_LIMITS,
    )
    .unwrap();
    let child = Situation::one_missed(Person::Child);
    let start = instant_at(&zone, Date::new(2026, 11, 23).unwrap(), t("00:00"));
    let rounds = 20_000;
    let began = std::time::Instant::now();
    for i in 0..rounds {
        let answer = advise(Some(&sched), &zone, start.plus_minutes(i % 2880), &child, &MISSED_DOSE.rules);
        std::hint::black_box(answer.unwrap());
    }
    let each = began.elapsed() / rounds as u32;
    println!("one missed-dose answer: {each:?}");
    // Generous bound: a real answer takes microseconds; this only catches an accidental blow-up.
    assert!(each < std::time::Duration::from_millis(1), "one answer took {each:?}");
}

/// Issue 27 item 2: walks every missed-dose answer (every rule the engine can give) in the UK, US,
/// Australia and with no region, and fails on a closed-door answer: one that says to contact or
/// ask a prescriber, pharmacist or pump team without naming who to call when they are closed.
#[test]
fn every_missed_dose_answer_names_a_route_when_the_prescriber_is_closed_in_every_region() {
    use baclofen_guide::content::{OutOfHours, REGIONS};
    use baclofen_guide::missed_dose::wording::explain;
    use baclofen_logic::missed_dose::RuleId;
    use std::collections::BTreeSet;

    let utc = FixedZone(0);
    let day = table::example_day();
    let schedules =
        [table::schedule(&["08:00", "14:00", "20:00"]), table::schedule(&["08:00", "11:00", "20:00"])];
    let mut situations = Vec::new();
    for person in [Person::Adult, Person::Child] {
        let base = Situation::one_missed(person);
        situations.extend([
            base,
            Situation { missed: Missed::TwoOrMoreInARow, ..base },
            Situation { missed: Missed::MoreThanADay, ..base },
            Situation { missed: Missed::RanOut, ..base },
            Situation { form: Form::Pump, ..base },
            Situation { withdrawal_signs: true, ..base },
            Situation { vomited_after: Some(20), ..base },
            Situation { vomited_after: Some(45), ..base },
            Situation { dose: WhichDose::At(instant_at(&utc, day, table::t("08:00"))), ..base },
            Situation {
                dose: WhichDose::At(instant_at(&utc, day, table::t("08:00"))),
                vomited_after: Some(20),
                ..base
            },
        ]);
    }
    // The route for each region as the settings give it (the checker's route: the region's named
    // service from content/site.toml, else the general words).
    let route = |id: &str| match REGIONS.iter().find(|r| r.id == id).and_then(|r| r.out_of_hours_name) {
        Some(name) => OutOfHours::Named(name),
        None => OutOfHours::General,
    };
    let regions: [(&str, OutOfHours); 4] =
        [("uk", route("uk")), ("us", route("us")), ("au", route("au")), ("unset", OutOfHours::General)];
    let mut rules_seen = BTreeSet::new();
    let mut checked = 0;
    for sched in &schedules {
        for minute in (8 * 60..32 * 60).step_by(15) {
            let now = instant_at(&utc, day, ClockTime::MIDNIGHT).plus_minutes(minute);
            for situation in &situations {
                let Ok(answer) = advise(Some(sched), &utc, now, situation, &MISSED_DOSE.rules) else {
                    continue;
                };
                rules_seen.insert(answer.rule.key());
                for (name, r) in regions {
                    let e = explain(&answer, &utc, now, &MISSED_DOSE.rules, r);
                    let mut all = vec![e.action.clone(), e.then.clone(), e.why.clone()];
                    all.extend(e.notes.iter().map(|(text, _)| text.clone()));
                    all.extend(e.out_of_hours.clone());
                    let text = all.join(" ");
                    let lower = text.to_lowercase();
                    let contacts = ["contact your", "ask your", "call your pump team", "ask them"]
                        .iter()
                        .any(|w| lower.contains(w));
                    let rule = answer.rule.key();
                    if contacts {
                        let named = lower.contains("emergency department")
                            || e.out_of_hours.as_deref().is_some_and(|s| s.contains("cannot reach"));
                        assert!(named, "{name}, {rule}: a closed-door answer: {text}");
                    }
                    assert!(!lower.contains("if they are closed"), "{name}, {rule}: no subject: {text}");
                    // No NHS 111 for a reader outside the UK; the UK reader is given it.
                    if name == "uk" && e.out_of_hours.is_some() {
                        assert!(text.contains("NHS 111"), "{rule}: {text}");
                    } else if name != "uk" {
                        assert!(!text.contains("NHS 111"), "{name}, {rule}: {text}");
                    }
                    checked += 1;
                }
            }
        }
    }
    let every: BTreeSet<&str> = RuleId::ALL.iter().map(|r| r.key()).collect();
    assert_eq!(rules_seen, every, "the walk must reach every rule");
    println!("out-of-hours walk: {checked} answers in 4 regions, every rule reached");
}

/// Fact sheet §13.2 and review M6: the emergency signs are named in the answer itself, with the
/// carer's threshold for a high temperature, on every answer about missed doses.
#[test]
fn m6_every_missed_dose_answer_names_the_emergency_signs_with_the_temperature_threshold() {
    let safety = MISSED_DOSE.safety_net.text;
    for sign in
        ["emergency number now", "38 °C", "confusion", "seeing or hearing things", "a fit", "stiffer muscles"]
    {
        assert!(safety.contains(sign), "{sign} missing from: {safety}");
    }
}
