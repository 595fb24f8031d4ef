//! Generates `docs/dose-planner-examples.md`, worked examples of the dose-change planner from
//! the sources' own schedules, laid out for a pharmacist to review, and fails if the committed
//! file is out of date. Refresh it with `UPDATE_DOCS=1 cargo test --test planner_examples`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use baclofen_guide::content::SITE;
use baclofen_guide::planner::content::{LIMITS, LIQUIDS, TABLETS};
use baclofen_guide::planner::wording;
use baclofen_logic::planner::{plan, Amount, Direction, Form, Per, PlanInput, Who};
use baclofen_logic::time::{ClockTime, Date};
use std::fmt::Write as _;

const DOC: &str = "docs/dose-planner-examples.md";

struct Example {
    title: &'static str,
    source: &'static str,
    input: PlanInput,
}

fn t(text: &str) -> ClockTime {
    ClockTime::parse(text).unwrap()
}

fn tablet(region: &str, mg: u64) -> Form {
    let t = TABLETS.iter().find(|t| t.regions.contains(&region) && t.strength_ug == mg * 1000).unwrap();
    Form::Tablet { strength_ug: t.strength_ug, split: t.split }
}

fn liquid(mg_per_ml: u64) -> Form {
    let l = LIQUIDS.iter().find(|l| l.ug_per_ml == mg_per_ml * 1000).unwrap();
    Form::Liquid { ug_per_ml: l.ug_per_ml }
}

#[allow(clippy::too_many_arguments)]
fn input(
    who: Who,
    form: Form,
    times: &[&str],
    start_ug: u64,
    direction: Direction,
    step: Amount,
    every_days: u32,
    end_ug: u64,
) -> PlanInput {
    PlanInput {
        who,
        form,
        times: times.iter().map(|s| t(s)).collect(),
        start_date: Date::new(2026, 12, 1).unwrap(),
        start: Amount { ug: start_ug, per: Per::Dose },
        direction,
        step,
        every_days,
        end_ug,
        child_under_8: false,
    }
}

fn per_dose(ug: u64) -> Amount {
    Amount { ug, per: Per::Dose }
}

fn examples() -> Vec<Example> {
    let tds = ["08:00", "14:00", "20:00"];
    vec![
        Example {
            title: "US label step-up, 5 mg tablets",
            source: "FDA-TAB Dosage: 5 mg three times a day for 3 days, then 10, 15 and 20 mg three times a day, each for 3 days.",
            input: input(Who::Adult, tablet("us", 5), &tds, 5000, Direction::Up, per_dose(5000), 3, 20000),
        },
        Example {
            title: "The same schedule with US 10 mg tablets, no score line confirmed (whole tablets only)",
            source: "FDA-TAB Dosage; fact sheet 13.14, decision (f): US 10 and 20 mg tablets are halved only after the person confirms a line across the tablet. Without it, 5 and 15 mg do not fit 10 mg tablets: the plan sends the person to the pharmacist.",
            input: input(Who::Adult, tablet("us", 10), &tds, 5000, Direction::Up, per_dose(5000), 3, 20000),
        },
        Example {
            title: "The same schedule with US 10 mg tablets, score line confirmed",
            source: "Fact sheet 13.14, decision (f): DailyMed How Supplied (Zydus break line, Chartwell/LCI bisected). With the line confirmed, 5 and 15 mg are a half and one and a half tablets.",
            input: input(Who::Adult, Form::Tablet { strength_ug: 10_000, split: baclofen_logic::planner::Split::Halves }, &tds, 5000, Direction::Up, per_dose(5000), 3, 20000),
        },
        Example {
            title: "UK start with half a 10 mg tablet",
            source: "NHS-HOW: usually 5 mg (half a 10 mg tablet) three times a day, raised gradually to 20 mg three times a day. The step (5 mg a dose every 3 days) is the prescriber's; CH-PIL: increase every 3 days.",
            input: input(Who::Adult, tablet("uk", 10), &["07:00", "14:00", "21:00"], 5000, Direction::Up, per_dose(5000), 3, 20000),
        },
        Example {
            title: "Adult two-week step-down to stopping, UK 10 mg tablets",
            source: "NHS-ABOUT: reduce slowly, usually over 1 to 2 weeks. The step (5 mg a dose every 5 days) is the prescriber's.",
            input: input(Who::Adult, tablet("uk", 10), &tds, 15000, Direction::Down, per_dose(5000), 5, 0),
        },
        Example {
            title: "A stop faster than the sources describe",
            source: "NHS-ABOUT (1 to 2 weeks); FDA-TAB Warnings, FDA-OS 5.1 (withdrawal). The plan is made, with the withdrawal card and the symptom checker link.",
            input: input(Who::Adult, tablet("uk", 10), &tds, 10000, Direction::Down, per_dose(5000), 3, 0),
        },
        Example {
            title: "A stop in one step after a week at the starting dose",
            source: "Clinical review S8, fact sheet 13.14: 20 mg three times a day for 7 days, then nothing. A stop in one step is always flagged, with the withdrawal signs and the symptom checker link (NHS-ABOUT; FDA-TAB Warnings b).",
            input: input(Who::Adult, tablet("uk", 10), &tds, 20000, Direction::Down, per_dose(20000), 7, 0),
        },
        Example {
            title: "A short taper after days at the starting dose",
            source: "Clinical review S8, fact sheet 13.14: 20 mg three times a day for 4 days, 10 mg for 4 days, then stop. The taper is counted from the first reduction (4 days), not from day 1 (8 days).",
            input: input(Who::Adult, tablet("uk", 10), &tds, 20000, Direction::Down, per_dose(10000), 4, 0),
        },
        Example {
            title: "Child's liquid step-up, 1 mg in 1 mL",
            source: "MFC, NHS-HOW: a child's dose is set by the specialist (the numbers are the letter's, not the guide's). 1 mg/mL liquid: NHS-HOW, MFC.",
            input: input(Who::Child, liquid(1), &["07:00", "13:00", "19:00"], 2500, Direction::Up, per_dose(2500), 7, 10000),
        },
        Example {
            title: "The same letter with 5 mg in 1 mL liquid",
            source: "FDA-OS 2: the 5 mg/mL suspension is concentrated; the same mg is a fifth of the mL. The strength must be the one on the bottle.",
            input: input(Who::Child, liquid(5), &["07:00", "13:00", "19:00"], 2500, Direction::Up, per_dose(2500), 7, 10000),
        },
        Example {
            title: "Child's liquid step-down to stopping, 2 mg in 1 mL",
            source: "QCH, MFC (specialist sets the plan); 2 mg/mL: UK-PIL-LIQ, MEDSCAPE.",
            input: input(Who::Child, liquid(2), &["07:00", "13:00", "19:00"], 7500, Direction::Down, per_dose(2500), 5, 0),
        },
        Example {
            title: "Adult daily total above the US label maximum",
            source: "FDA-TAB Dosage, PMS: the US maximum is 80 mg a day (20 mg four times a day). A higher prescribed dose is planned, with 'check this with your prescriber before you start'.",
            input: input(Who::Adult, tablet("us", 5), &["08:00", "12:00", "16:00", "20:00"], 15000, Direction::Up, per_dose(5000), 7, 25000),
        },
        Example {
            title: "A daily change that does not share equally between doses",
            source: "The letter says: 5 mg three times a day, raise the daily dose by 5 mg every 3 days to 10 mg three times a day. 20 and 25 mg a day do not split into three equal doses; the planner does not choose which dose changes.",
            input: input(Who::Adult, tablet("uk", 10), &tds, 5000, Direction::Up, Amount { ug: 5000, per: Per::Day }, 3, 10000),
        },
    ]
}

fn generate() -> String {
    let mut out = String::new();
    writeln!(out, "# Dose-change planner: worked examples for review").unwrap();
    writeln!(
        out,
        "\nGenerated by `tests/planner_examples.rs` from the engine (`crates/logic/src/planner.rs`) and the reviewed \
         wording in `content/planner.toml`; do not edit by hand. Content version {}, checked against its sources on {}.",
        SITE.content_version, SITE.checked_on
    )
    .unwrap();
    writeln!(out, "\n## Rules\n").unwrap();
    writeln!(out, "- The planner never proposes a dose: every amount is the start, the end, or the start plus or minus whole steps the person entered. A last step that would pass the end stops at the end and is flagged.").unwrap();
    writeln!(out, "- Day 1 is the first day of the plan. Each step lasts the entered number of days. The last step is open-ended (a stop: no doses from that day).").unwrap();
    writeln!(out, "- Tablets: whole tablets, or halves only where the content names a source saying the tablet may be halved (the UK 10 mg tablet, NHS-HOW), and for US 10 and 20 mg tablets only after the person confirms a line across the tablet (fact sheet 13.14: never US 5 mg, US 15 mg whole, no quarters). Anything else does not fit and the person asks the pharmacist; nothing is rounded.").unwrap();
    writeln!(out, "- Liquids: mL = mg ÷ strength, exact to 0.01 mL, or it does not fit: then the exact mL the dose needs is shown with \"does not fit the syringe marks, ask your pharmacist\" (fact sheet 13.10: mg and mL together). A volume that is not whole tenths of a mL is shown with \"ask your pharmacist which syringe to use\" (review M8).
- Children: no adult maximum; a quiet \"check this with the specialist\" flag above {} mg a day ({} mg if the carer says the child is under 8; UK SmPC 4.2), never shown as a target or maximum.", LIMITS.child_check_daily_ug / 1000, LIMITS.child_under_8_check_daily_ug / 1000).unwrap();
    writeln!(out, "- Checks: an adult daily total above {} mg (US label); a stop in fewer than {} days counted from the first reduction to the stop (NHS: 1 to 2 weeks); a stop in one step, always; any single step that cuts more than {} % of the first day's total, always; a softer \"ask your prescriber\" note for a stop from {} mg a day or more in fewer than {} days; a child's plan (specialist sets doses, no adult maximum); a last step smaller than the others; a plan ending more than a year after it starts. Every check on how fast the dose comes down shows the withdrawal signs and links the symptom checker. A first step that would more than double the dose is refused at the step field (a typing-slip guard; an exact doubling, such as the US label's 5 to 10 mg, is allowed).", LIMITS.adult_max_daily_ug / 1000, LIMITS.shortest_taper_days, LIMITS.big_cut_percent, LIMITS.high_dose_daily_ug / 1000, LIMITS.high_dose_taper_days).unwrap();
    for (n, e) in examples().iter().enumerate() {
        writeln!(out, "\n## {}. {}\n", n + 1, e.title).unwrap();
        writeln!(out, "Source: {}\n", e.source).unwrap();
        let i = &e.input;
        let form = match i.form {
            Form::Tablet { strength_ug, split } => {
                format!("{} tablets ({split:?})", wording::mg_words(strength_ug))
            }
            Form::Liquid { ug_per_ml } => format!("liquid {} mg in 1 mL", wording::mg(ug_per_ml)),
        };
        let times: Vec<String> = i.times.iter().map(|t| t.to_string()).collect();
        writeln!(
            out,
            "Entered: {:?}; {form}; doses at {}; from {}; start {} a dose; {} by {} {} every {} days; end {} a dose.\n",
            i.who,
            times.join(", "),
            wording::date(i.start_date),
            wording::mg_words(i.start.ug),
            if i.direction == Direction::Up { "up" } else { "down" },
            wording::mg_words(i.step.ug),
            if i.step.per == Per::Day { "a day" } else { "a dose" },
            i.every_days,
            wording::mg_words(i.end_ug),
        )
        .unwrap();
        match plan(i, &LIMITS) {
            Err(errors) => writeln!(out, "No plan: {errors:?}").unwrap(),
            Ok(p) => {
                writeln!(
                    out,
                    "| from | to | each dose | tablets or liquid | day total |\n|---|---|---|---|---|"
                )
                .unwrap();
                for s in &p.steps {
                    let to = match s.days {
                        Some(d) => wording::date(s.first_date.plus_days(i64::from(d) - 1)),
                        None if s.daily_ug == 0 => "no doses from this day".to_string(),
                        None => "until the prescriber says otherwise".to_string(),
                    };
                    let dose = s.dose_ug.map_or("not shared equally".to_string(), wording::mg_words);
                    let measure =
                        if s.daily_ug == 0 { "—".to_string() } else { wording::measure(s.measure) };
                    writeln!(
                        out,
                        "| {} | {to} | {dose} | {measure} | {} |",
                        wording::date(s.first_date),
                        wording::mg_words(s.daily_ug)
                    )
                    .unwrap();
                }
                if p.checks.is_empty() {
                    writeln!(out, "\nChecks: none.").unwrap();
                } else {
                    writeln!(out, "\nChecks shown:").unwrap();
                    for c in &p.checks {
                        let (_, title, text, sources) = wording::check_card(c, i.form);
                        writeln!(out, "- **{title}** {text} (Sources: {})", sources.join(", ")).unwrap();
                    }
                }
            }
        }
    }
    out
}

#[test]
fn planner_examples_doc_is_current() {
    common::assert_doc_current(DOC, &generate(), "planner_examples");
}

#[test]
fn planner_examples_match_hand_calculations() {
    // Fact sheet §3 (FDA-TAB): 5, 10, 15, 20 mg three times a day, steps on 1, 4, 7, 10 December.
    let e = &examples()[0];
    let p = plan(&e.input, &LIMITS).unwrap();
    let doses: Vec<u64> = p.steps.iter().map(|s| s.dose_ug.unwrap() / 1000).collect();
    assert_eq!(doses, [5, 10, 15, 20]);
    let starts: Vec<u8> = p.steps.iter().map(|s| s.first_date.day).collect();
    assert_eq!(starts, [1, 4, 7, 10]);
    // Two-week step-down: 15, 10, 5 mg a dose for 5 days each, no doses from 16 December.
    let p = plan(&examples()[4].input, &LIMITS).unwrap();
    assert_eq!(p.last().first_date, Date::new(2026, 12, 16).unwrap());
    assert_eq!(p.days_to_end, 15);
    // 1 mg/mL: 2.5 mg = 2.5 mL; 5 mg/mL: 2.5 mg = 0.5 mL (hand: 2.5 ÷ 5).
    let ml = |i: usize| match plan(&examples()[i].input, &LIMITS).unwrap().steps[0].measure {
        baclofen_logic::planner::Measure::Millilitres { hundredths } => hundredths,
        other => panic!("{other:?}"),
    };
    assert_eq!(ml(8), 250);
    assert_eq!(ml(9), 50);
}
