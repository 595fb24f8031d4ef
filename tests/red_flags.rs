//! The red-flag rule table from `content/red-flags.toml`, run through the engine: every rule
//! reachable, monotonicity (adding a tick or a pump answer never lowers the answer), every
//! emergency rule an emergency whatever else is ticked, and the question logic (pump answer,
//! follow-up groups). Clinical expectations live in the independent vignettes
//! (`tests/vignettes.rs`), not here.
#![cfg(not(target_arch = "wasm32"))]

use baclofen_guide::content::{Answers, PumpAnswer, RED_FLAGS};
use baclofen_guide::red_flag_words::answer_words;
use baclofen_guide::settings::{region_for_time_zone, Settings};
use baclofen_logic::red_flags::{triage, Level, Mask, Rule, Timing};

fn ticks(ids: &[&str]) -> Mask {
    ids.iter()
        .map(|id| RED_FLAGS.item(id).unwrap_or_else(|| panic!("no item {id}")).bit)
        .fold(0, |a, b| a | b)
}

/// What a person can tick as a box (not pump answers, not "a child").
fn boxes() -> Vec<Mask> {
    RED_FLAGS.items.iter().filter(|i| !i.question && !i.hidden).map(|i| i.bit).collect()
}

/// The smallest tick set that fires a rule: the first item of each clause.
fn minimal(rule: &Rule<'_>) -> Mask {
    rule.clauses.iter().map(|clause| 1 << clause.trailing_zeros()).fold(0, |a, b| a | b)
}

/// (level, timing) as one comparable urgency.
fn urgency(set: Mask) -> Option<(Level, Timing)> {
    let t = triage(RED_FLAGS.rules, set);
    t.level.zip(t.timing)
}

#[test]
fn every_rule_fires_at_its_own_level_and_timing_from_its_smallest_set_of_ticks() {
    for (i, rule) in RED_FLAGS.rules.iter().enumerate() {
        let result = triage(RED_FLAGS.rules, minimal(rule));
        assert!(result.fired.contains(&i), "{} did not fire", RED_FLAGS.rule_text[i].id);
        assert!(result.level >= Some(rule.level), "{}", RED_FLAGS.rule_text[i].id);
    }
}

#[test]
fn every_row_of_the_fact_sheet_table_is_in_the_rules() {
    let ids: Vec<&str> = RED_FLAGS.rule_text.iter().map(|r| r.id).collect();
    let revised = ["1b", "1c", "5b", "5c", "12a", "12b", "15b", "23b"].map(String::from);
    // Row 12 was split into 12a (missed refill) and 12b (hourly beep) on 2026-12-07.
    let rows = (1..=30)
        .filter(|n| *n != 12)
        .map(|n| n.to_string())
        .chain((1..=8).map(|n| format!("C{n}")))
        .chain(revised);
    for row in rows {
        assert!(ids.iter().any(|id| id.split('-').any(|part| part == row)), "row {row} is missing");
    }
    assert_eq!(RED_FLAGS.rules.len(), RED_FLAGS.rule_text.len());
}

#[test]
fn no_box_ticked_on_its_own_leaves_the_person_without_an_answer() {
    for item in RED_FLAGS.items.iter().filter(|i| !i.hidden) {
        assert!(triage(RED_FLAGS.rules, item.bit).level.is_some(), "{} has no answer", item.id);
    }
}

#[test]
fn adding_a_tick_never_lowers_the_answer_for_all_sets_up_to_three() {
    let mut bits = boxes();
    bits.extend([RED_FLAGS.pump.yes, RED_FLAGS.pump.not_sure, ticks(&["child"])]);
    let n = bits.len();
    let mut sets: Vec<Mask> = vec![0];
    for a in 0..n {
        sets.push(bits[a]);
        for b in a + 1..n {
            sets.push(bits[a] | bits[b]);
            for c in b + 1..n {
                sets.push(bits[a] | bits[b] | bits[c]);
            }
        }
    }
    for set in &sets {
        let before = urgency(*set);
        for bit in &bits {
            let after = urgency(set | bit);
            assert!(after >= before, "adding {bit:#x} to {set:#x} lowered {before:?} to {after:?}");
        }
    }
    assert!(sets.len() > 25_000);
}

#[test]
fn adding_a_tick_never_lowers_the_answer_for_100000_random_sets() {
    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestRunner};
    let bits = boxes();
    // A set with each box ticked about one time in five, and one more box; a failure shrinks to
    // the fewest ticks that still lower the answer.
    let set = proptest::collection::vec(proptest::bool::weighted(0.2), bits.len());
    let sets = (set, 0..bits.len());
    let config = Config { cases: 100_000, failure_persistence: None, ..Config::default() };
    let result = TestRunner::new(config).run(&sets, |(ticked, extra)| {
        let set = bits.iter().zip(&ticked).filter(|(_, t)| **t).fold(0, |a, (b, _)| a | b);
        let extra = bits[extra];
        let (before, after) = (urgency(set), urgency(set | extra));
        prop_assert!(after >= before, "adding {extra:#x} to {set:#x} lowered {before:?} to {after:?}");
        Ok(())
    });
    if let Err(failure) = result {
        panic!("{failure}");
    }
}

#[test]
fn every_emergency_rule_stays_an_emergency_whatever_situation_is_added() {
    let situations: Vec<Mask> = RED_FLAGS
        .items
        .iter()
        .filter(|i| matches!(i.group, "doses" | "person") || i.question)
        .map(|i| i.bit)
        .collect();
    for (i, rule) in RED_FLAGS.rules.iter().enumerate().filter(|(_, r)| r.level == Level::Emergency) {
        for extra in &situations {
            assert_eq!(
                triage(RED_FLAGS.rules, minimal(rule) | extra).level,
                Some(Level::Emergency),
                "{} with {extra:#x}",
                RED_FLAGS.rule_text[i].id
            );
        }
    }
}

#[test]
fn emergency_rules_say_now_and_the_first_rule_words_the_title() {
    for (rule, text) in RED_FLAGS.rules.iter().zip(RED_FLAGS.rule_text) {
        assert!(rule.timing.fits(rule.level), "{}", text.id);
    }
    // A missed refill (straight away) and an hourly beep (today): the title says straight away.
    let t = RED_FLAGS
        .evaluate(&Answers { ticked: ticks(&["refill-missed", "refill-beep"]), ..Answers::default() });
    assert_eq!(t.timing, Some(Timing::StraightAway));
}

#[test]
fn answering_no_to_the_pump_question_hides_the_pump_signs_and_they_stop_counting() {
    let tingling = ticks(&["pump-tingling"]);
    let pump_group = RED_FLAGS.groups.iter().find(|g| g.mask & tingling != 0).unwrap();
    let skipped = Answers { ticked: tingling, ..Answers::default() };
    let no = Answers { pump: Some(PumpAnswer::No), ..skipped };
    assert!(RED_FLAGS.group_shown(pump_group, &skipped));
    assert!(!RED_FLAGS.group_shown(pump_group, &no));
    assert_eq!(RED_FLAGS.evaluate(&skipped).level, Some(Level::Emergency), "a pump sign means a pump");
    assert_eq!(RED_FLAGS.effective(&no) & tingling, 0);
}

#[test]
fn a_follow_up_group_is_asked_only_after_its_situation_is_ticked() {
    let sleepy = ticks(&["baby-sleepy"]);
    let group = RED_FLAGS.groups.iter().find(|g| g.mask & sleepy != 0).unwrap();
    assert!(!RED_FLAGS.group_shown(group, &Answers { ticked: sleepy, ..Answers::default() }));
    assert!(
        RED_FLAGS.group_shown(group, &Answers { ticked: sleepy | ticks(&["baby"]), ..Answers::default() })
    );
}

// ---- Fact sheet §11 as revised on 2026-12-07 (rows 1b, 1c, 5b, 5c, 11, 12a/b, 15/15b, 17, 19,
// 23/23b, C6 and the design notes). Written from the fact sheet and the clinical review
// (S1, S2, S4–S7, M2, M3, m7, R5), before the rules for these rows were read. ----

const NOW: Option<(Level, Timing)> = Some((Level::Emergency, Timing::Now));

fn answer_for(ids: &[&str], pump: Option<PumpAnswer>, child: bool) -> Option<(Level, Timing)> {
    let t = RED_FLAGS.evaluate(&Answers { ticked: ticks(ids), pump, child });
    t.level.zip(t.timing)
}

fn answer(ids: &[&str]) -> Option<(Level, Timing)> {
    answer_for(ids, None, false)
}

/// Every way a person can say who it is for and whether there is a pump (not "No").
fn everyone() -> Vec<(Option<PumpAnswer>, bool)> {
    [None, Some(PumpAnswer::No), Some(PumpAnswer::Yes), Some(PumpAnswer::NotSure)]
        .into_iter()
        .flat_map(|pump| [(pump, false), (pump, true)])
        .collect()
}

/// The answer in words, as the page shows it, for a region (`None`: no region known).
fn words(ids: &[&str], pump: Option<PumpAnswer>, zone: Option<&str>) -> String {
    let settings = Settings { time_zone_region: zone.and_then(region_for_time_zone), ..Settings::default() };
    let result = RED_FLAGS.evaluate(&Answers { ticked: ticks(ids), pump, child: false });
    let shown = answer_words(&result, false, &settings).expect("an answer");
    let reasons: Vec<&str> = shown.reasons.iter().map(|(_, why, _)| *why).collect();
    [
        shown.title,
        shown.when_closed.as_deref().unwrap_or(""),
        shown.detail,
        shown.if_worse,
        &reasons.join(" "),
    ]
    .join(" ")
}

const LONDON: Option<&str> = Some("Europe/London");
const NEW_YORK: Option<&str> = Some("America/New_York");

/// S1, row 1b: sudden new confusion is an emergency at any age, for anyone; so is confusion
/// whose onset the person cannot say (one box, one level: the higher one).
#[test]
fn s1_sudden_new_confusion_is_an_emergency_at_any_age() {
    for (pump, child) in everyone() {
        for confusion in ["confusion-sudden", "confusion"] {
            for extra in [&[][..], &["older"], &["kidney"]] {
                let ids: Vec<&str> = [confusion].iter().chain(extra).copied().collect();
                assert_eq!(answer_for(&ids, pump, child), NOW, "{ids:?} pump {pump:?} child {child}");
            }
        }
    }
    let sudden = RED_FLAGS.item("confusion-sudden").unwrap().label.to_lowercase();
    assert!(sudden.contains("suddenly") && sudden.contains("seeing or hearing things"), "{sudden}");
}

/// S1, row 1b and review (d): very sleepy, confused and sudden jerks, even if they can be woken
/// ("cannot be woken" not ticked).
#[test]
fn s1_very_sleepy_and_confused_with_jerks_is_an_emergency_even_if_they_can_be_woken() {
    for (pump, child) in everyone() {
        for ids in [
            &["confusion-days", "too-sleepy", "jerks"][..],
            &["confusion-days", "more-drowsy", "jerks"],
            &["confusion", "too-sleepy", "jerks"],
            &["too-sleepy", "jerks"],
        ] {
            assert_eq!(answer_for(ids, pump, child), NOW, "{ids:?}");
        }
    }
    assert!(RED_FLAGS.item("jerks").unwrap().label.to_lowercase().contains("jerks"));
}

/// S1, row 1c: confusion that crept in over days, person alert → straight away, never today.
#[test]
fn s1_confusion_that_crept_in_over_days_is_straight_away() {
    assert_eq!(answer(&["confusion-days"]), Some((Level::Urgent, Timing::StraightAway)));
    // Its route for when the prescriber is closed is named in every region.
    assert!(words(&["confusion-days"], None, LONDON).contains("NHS 111"));
    assert!(words(&["confusion-days"], None, NEW_YORK).contains("out-of-hours"));
}

/// S1 (problem 1): confusion with a pump, after missed doses or stopping, with a high
/// temperature, or with kidney disease or dehydration is an emergency (rows 4, 6, C1, C5).
#[test]
fn s1_confusion_with_a_pump_missed_doses_fever_or_kidney_problems_is_an_emergency() {
    for confusion in ["confusion-sudden", "confusion", "confusion-days"] {
        assert_eq!(answer_for(&[confusion], Some(PumpAnswer::Yes), false), NOW);
        assert_eq!(answer_for(&[confusion], Some(PumpAnswer::NotSure), false), NOW);
        for extra in ["missed-several", "ran-out", "fever", "kidney", "dehydrated", "pump-recent"] {
            assert_eq!(answer(&[confusion, extra]), NOW, "{confusion} + {extra}");
        }
    }
}

/// S2, C6: an older adult is never told "today" or "next visit" about new confusion; falls with
/// no confusion → today.
#[test]
fn s2_an_older_adult_is_never_told_today_or_next_visit_about_new_confusion() {
    assert_eq!(answer(&["older", "confusion"]), NOW);
    assert_eq!(answer(&["older", "confusion-sudden"]), NOW);
    assert_eq!(answer(&["older", "confusion-days"]), Some((Level::Urgent, Timing::StraightAway)));
    assert!(answer(&["older", "falls"]) >= Some((Level::Urgent, Timing::Today)));
    // "Is an older adult" on its own: whatever is said about confusion, dizziness or falls is
    // never "next visit", and sudden confusion is called an emergency.
    let older = words(&["older"], None, LONDON);
    for sentence in older.split(['.', ';']) {
        let s = sentence.to_lowercase();
        if s.contains("confusion") || s.contains("falls") {
            assert!(!s.contains("next visit"), "{sentence}");
        }
    }
    assert!(older.to_lowercase().contains("sudden confusion is an emergency"), "{older}");
}

/// M2, row 15 and review (e): new hallucinations → straight away; an emergency with missed
/// doses, running out or stopping, any pump, fever, rigidity, confusion, a fit, marked
/// drowsiness or kidney disease. Long-standing ones slowly getting worse → today (15b).
#[test]
fn m2_new_hallucinations_are_straight_away_and_an_emergency_with_the_row_15_escalations() {
    assert_eq!(answer(&["hallucinations"]), Some((Level::Urgent, Timing::StraightAway)));
    for extra in [
        "missed-several",
        "ran-out",
        "dose-cut",
        "fever",
        "rigid",
        "seizure",
        "too-sleepy",
        "confusion-days",
        "kidney",
        "dehydrated",
        "pump-recent",
    ] {
        assert_eq!(answer(&["hallucinations", extra]), NOW, "hallucinations + {extra}");
    }
    assert_eq!(answer_for(&["hallucinations"], Some(PumpAnswer::Yes), false), NOW);
    assert_eq!(answer_for(&["hallucinations"], Some(PumpAnswer::NotSure), false), NOW);
    assert_eq!(answer(&["hallucinations-long"]), Some((Level::Urgent, Timing::Today)));
    assert_eq!(answer(&["low-mood"]), Some((Level::Urgent, Timing::Today)));
}

/// S4, row 5b: a pump user (or not sure, or a sign ticked under the pump heading) with overdose
/// signs is an emergency.
#[test]
fn s4_a_pump_user_with_overdose_signs_is_an_emergency() {
    for pump in [Some(PumpAnswer::Yes), Some(PumpAnswer::NotSure)] {
        for sign in ["too-sleepy", "more-drowsy", "too-high", "falls", "breathing"] {
            assert_eq!(answer_for(&[sign], pump, false), NOW, "{sign} with pump {pump:?}");
            assert_eq!(answer_for(&[sign], pump, true), NOW, "{sign} with pump {pump:?}, a child");
        }
    }
    // Ticked under the pump heading, with the pump question skipped.
    assert_eq!(answer(&["pump-overdose"]), NOW);
    assert_eq!(answer(&["pump-recent", "too-sleepy"]), NOW);
    assert_eq!(answer(&["pump-recent", "too-high"]), NOW);
    let label = RED_FLAGS.item("pump-overdose").unwrap().label.to_lowercase();
    for sign in ["sleepy", "floppy", "slurred", "vision", "clumsy", "breathing"] {
        assert!(label.contains(sign), "the pump overdose box leaves out {sign}: {label}");
    }
}

/// S4: "a refill or a change to the pump settings" names the overdose signs as well as the
/// withdrawal signs.
#[test]
fn s4_a_recent_refill_or_setting_change_names_the_overdose_signs() {
    let said = words(&["pump-recent"], Some(PumpAnswer::Yes), LONDON).to_lowercase();
    for sign in ["sleepy", "slurred", "vision", "breathing", "itch"] {
        assert!(said.contains(sign), "pump-recent answer leaves out {sign}: {said}");
    }
}

/// S5, row 5c: a suspected pump or tube fault with no symptoms → go to hospital now.
#[test]
fn s5_a_suspected_pump_or_tube_fault_means_going_to_hospital_now() {
    for (pump, child) in [(None, false), (Some(PumpAnswer::Yes), false), (Some(PumpAnswer::NotSure), true)] {
        assert_eq!(answer_for(&["pump-fault"], pump, child), NOW);
    }
    assert!(words(&["pump-fault"], None, None).to_lowercase().contains("hospital"));
}

/// S5, row 11: a two-tone alarm → call the pump team now, and if you cannot speak to them
/// straight away, go to the emergency department now with the pump card; any row 4/5/5b sign
/// with it → emergency.
#[test]
fn s5_a_two_tone_alarm_means_the_pump_team_now_or_the_emergency_department_now() {
    let (level, timing) = answer(&["two-tone-alarm"]).unwrap();
    assert!(level >= Level::Urgent && timing == Timing::Now, "{level:?} {timing:?}");
    for zone in [LONDON, NEW_YORK, None] {
        let said = words(&["two-tone-alarm"], None, zone);
        assert!(said.contains("Call your pump team now"), "{said}");
        assert!(said.contains("go to the emergency department now with your pump card"), "{said}");
        assert!(said.contains("Do not wait for symptoms"), "{said}");
    }
    for sign in [
        "pump-itch",
        "pump-tingling",
        "pump-lightheaded",
        "pump-stiffness",
        "pump-overdose",
        "fever",
        "confusion-days",
        "rigid",
        "too-sleepy",
        "too-high",
    ] {
        assert_eq!(answer(&["two-tone-alarm", sign]), NOW, "two-tone alarm + {sign}");
    }
}

/// S5, rows 12a and 12b: a missed or overdue refill, an unknown refill date, or an hourly beep
/// for more than a day → straight away; an hourly beep → today. Any sign with either → emergency.
#[test]
fn s5_a_missed_refill_is_straight_away_and_an_hourly_beep_is_today() {
    let straight_away = Some((Level::Urgent, Timing::StraightAway));
    assert_eq!(answer(&["refill-missed"]), straight_away);
    assert_eq!(answer(&["refill-date-unknown"]), straight_away);
    assert_eq!(answer(&["refill-beep", "refill-beep-day"]), straight_away);
    assert_eq!(answer(&["refill-beep", "refill-date-unknown"]), straight_away);
    assert_eq!(answer(&["refill-beep"]), Some((Level::Urgent, Timing::Today)));
    for pump_sign in ["refill-missed", "refill-beep", "refill-date-unknown", "refill-beep-day"] {
        for sign in ["fever", "pump-itch", "pump-tingling", "confusion-days", "pump-stiffness", "too-sleepy"]
        {
            assert_eq!(answer(&[pump_sign, sign]), NOW, "{pump_sign} + {sign}");
        }
    }
}

/// Row 17: fainted and come round → urgent; for a pump user → emergency (row 5).
#[test]
fn row_17_a_faint_is_urgent_and_an_emergency_for_a_pump_user() {
    assert!(answer(&["fainted"]) >= Some((Level::Urgent, Timing::Today)));
    assert_eq!(answer(&["fainted", "fainted-hurt"]), NOW, "hurt in the faint");
    assert_eq!(answer_for(&["fainted"], Some(PumpAnswer::Yes), false), NOW);
    assert_eq!(answer_for(&["fainted"], Some(PumpAnswer::NotSure), false), NOW);
}

/// S6, row 19: cannot pass any urine → help now (NHS 111 or the emergency department now, by
/// region); an emergency with severe pain or with signs of autonomic dysreflexia.
#[test]
fn s6_cannot_pass_any_urine_means_help_now_and_an_emergency_with_severe_pain_or_dysreflexia() {
    assert_eq!(answer(&["no-urine"]), Some((Level::Urgent, Timing::Now)));
    let uk = words(&["no-urine"], None, LONDON);
    assert!(uk.contains("NHS 111") && uk.contains("emergency department"), "{uk}");
    let us = words(&["no-urine"], None, NEW_YORK);
    assert!(!us.contains("111") && us.contains("emergency department"), "{us}");
    assert!(uk.contains("catheter"), "people with catheters follow their own plan: {uk}");
    let label = RED_FLAGS.item("no-urine").unwrap().label.to_lowercase();
    assert!(label.contains("any urine") && label.contains("swollen"), "{label}");
    assert_eq!(answer(&["no-urine", "severe-tummy-pain"]), NOW);
    assert_eq!(answer(&["dysreflexia"]), NOW);
    assert_eq!(answer(&["no-urine", "dysreflexia"]), NOW);
    let ad = RED_FLAGS.item("dysreflexia").unwrap().label.to_lowercase();
    for sign in ["spinal cord injury", "pounding headache", "flushing", "sweating"] {
        assert!(ad.contains(sign), "{ad}");
    }
}

/// S7, rows 23 and 23b: a floppy, very hard to wake or not-feeding baby → help now; a bit
/// sleepier or feeding a little less → today; breathing pauses or cannot be woken → emergency.
#[test]
fn s7_a_floppy_very_hard_to_wake_or_not_feeding_baby_means_help_now() {
    assert_eq!(answer(&["baby", "baby-sleepy"]), NOW);
    assert_eq!(answer(&["baby", "baby-not-feeding"]), NOW);
    assert_eq!(answer(&["baby", "baby-pauses"]), NOW);
    assert_eq!(answer(&["baby", "baby-less"]), Some((Level::Urgent, Timing::Today)));
    let serious = RED_FLAGS.item("baby-sleepy").unwrap().label.to_lowercase();
    for sign in ["floppy", "very hard to wake"] {
        assert!(serious.contains(sign), "{serious}");
    }
    assert!(RED_FLAGS.item("baby-not-feeding").unwrap().label.to_lowercase().contains("not feeding"));
    let milder = RED_FLAGS.item("baby-less").unwrap().label.to_lowercase();
    assert!(milder.contains("a bit sleepier") && milder.contains("a little less"), "{milder}");
}

/// M3 (C4, row 28): never "take no more" of a sleepy medicine; keep regular medicines.
#[test]
fn m3_sedative_answers_say_no_extra_and_keep_regular_medicines() {
    for ids in [&["sedatives"][..], &["sedatives", "more-drowsy"]] {
        let said = words(ids, None, LONDON);
        assert!(said.contains("do not take any extra sleeping pills or painkillers"), "{said}");
        assert!(
            said.contains(
                "Keep taking your regular prescribed medicines, including baclofen and epilepsy medicines"
            ),
            "{said}"
        );
        assert!(!said.to_lowercase().contains("take no more"), "{said}");
    }
}

/// m7, R3 and R5 (design notes): thresholds a carer can apply, in the boxes and the answers.
#[test]
fn carer_thresholds_are_given_in_the_checker() {
    let label = |id: &str| RED_FLAGS.item(id).unwrap().label;
    assert!(label("fever").contains("38"), "{}", label("fever"));
    assert!(label("cannot-wake").contains("firm shake"), "{}", label("cannot-wake"));
    let fits = words(&["more-fits"], None, None);
    assert!(fits.contains("more than 5 minutes") && fits.contains("one after another"), "{fits}");
    let everything: Vec<&str> = RED_FLAGS
        .items
        .iter()
        .flat_map(|i| [i.label, i.carer_label])
        .chain(
            RED_FLAGS
                .rule_text
                .iter()
                .flat_map(|r| [r.action, r.carer_action, r.why, r.carer_why, r.if_worse]),
        )
        .collect();
    for text in everything {
        let t = text.to_lowercase();
        assert!(
            !t.contains("low blood pressure"),
            "say \"faint or dizzy when sitting up or standing\": {text}"
        );
        assert!(!t.contains("does not stop"), "give the 5-minute threshold: {text}");
    }
}

/// Item 8 of issue 27, R2, m14, M13: every rule's answer, as the page words it for the UK, the
/// US, Australia and no known region, names a route for when the people it asks you to contact
/// are closed; never "If they are closed" with no subject; NHS 111 only in the UK.
#[test]
fn no_answer_in_any_region_leaves_a_closed_door() {
    let contact =
        ["prescriber", "pharmacist", "pump team", "doctor", "health visitor", "midwife", "clinic", "team"];
    let regions = [("uk", LONDON), ("us", NEW_YORK), ("au", Some("Australia/Sydney")), ("unset", None)];
    for (region, zone) in regions {
        let settings =
            Settings { time_zone_region: zone.and_then(region_for_time_zone), ..Settings::default() };
        assert_eq!(settings.region_id().unwrap_or("unset"), region);
        for (i, rule) in RED_FLAGS.rules.iter().enumerate() {
            let result = baclofen_logic::red_flags::Triage {
                level: Some(rule.level),
                timing: Some(rule.timing),
                fired: vec![i],
            };
            for carer in [false, true] {
                let shown = answer_words(&result, carer, &settings).expect("an answer");
                let reasons: Vec<&str> = shown.reasons.iter().map(|(_, why, _)| *why).collect();
                let all = [
                    shown.title,
                    shown.when_closed.as_deref().unwrap_or(""),
                    shown.detail,
                    shown.if_worse,
                    &reasons.join(" "),
                ]
                .join(" ");
                let id = RED_FLAGS.rule_text[i].id;
                let lower = all.to_lowercase();
                assert!(
                    !lower.contains("if they are closed") && !lower.contains("if they're closed"),
                    "{id} ({region}): \"If they are closed\" with no subject: {all}"
                );
                if region != "uk" {
                    assert!(!all.contains("111"), "{id} ({region}) shows NHS 111: {all}");
                }
                let asks_to_contact = contact.iter().any(|c| lower.contains(c));
                if rule.level != Level::Emergency && asks_to_contact {
                    let route = match region {
                        "uk" => all.contains("NHS 111") || lower.contains("emergency department"),
                        _ => lower.contains("out-of-hours service") || lower.contains("emergency department"),
                    };
                    assert!(
                        route,
                        "{id} ({region}) asks to contact someone with no route for when closed: {all}"
                    );
                }
            }
        }
    }
    // A clinic's own out-of-hours number is the route when it has set one.
    let clinic = Settings { out_of_hours_phone: Some("0300 123 4567".into()), ..Settings::default() };
    let shown = answer_words(
        &RED_FLAGS.evaluate(&Answers { ticked: ticks(&["confusion-days"]), ..Answers::default() }),
        false,
        &clinic,
    )
    .expect("an answer");
    assert!(shown.when_closed.unwrap().contains("0300 123 4567"));
}

/// "If it gets worse" names a condition to watch for, then what to do: it starts with "If", or
/// lists the signs before a colon ("A fit: call your emergency number now").
fn is_condition(line: &str) -> bool {
    line.starts_with("If ") || line.split_once(": ").is_some_and(|(signs, _)| !signs.is_empty())
}

fn if_worse(ids: &[&str], child: bool, carer: bool) -> String {
    let result = RED_FLAGS.evaluate(&Answers { ticked: ticks(ids), pump: None, child });
    answer_words(&result, carer, &Settings::default()).expect("an answer").if_worse.to_lowercase()
}

/// Fact sheet §11 rows 3 and C7, with §6 and row 1: after too much baclofen, what to watch for
/// while help comes is the overdose signs (very sleepy or not waking, a fit, slow or shallow
/// breathing). The line is that condition, never only an instruction.
#[test]
fn the_overdose_answer_says_what_to_watch_for_if_it_gets_worse() {
    for (ids, child) in
        [(&["overdose"][..], false), (&["overdose"][..], true), (&["baby", "overdose"][..], false)]
    {
        for carer in [false, true] {
            let result = RED_FLAGS.evaluate(&Answers { ticked: ticks(ids), pump: None, child });
            let shown = answer_words(&result, carer, &Settings::default()).expect("an answer");
            assert!(
                is_condition(shown.if_worse),
                "{ids:?} child {child}: not a condition: {}",
                shown.if_worse
            );
            let line = shown.if_worse.to_lowercase();
            for sign in ["sleepy", "fit", "breathing"] {
                assert!(line.contains(sign), "{ids:?} child {child}: §6 sign `{sign}` missing: {line}");
            }
        }
    }
}

/// Fact sheet §11 C8: a newborn whose mother took baclofen, with tremor or jitteriness, is urgent
/// the same day, an emergency with a seizure; row 14 (an adult jittery after missed doses) is an
/// emergency with the row 6 signs. Chest pain (row 8) and fainting (row 17) belong to neither.
#[test]
fn a_jittery_baby_and_a_jittery_adult_each_get_their_own_rows_escalation() {
    for ids in [&["baby", "baby-jittery"][..], &["baby", "jittery"][..]] {
        let result = RED_FLAGS.evaluate(&Answers { ticked: ticks(ids), pump: None, child: false });
        assert_eq!(result.level.zip(result.timing), Some((Level::Urgent, Timing::Today)), "{ids:?}");
        for carer in [false, true] {
            let shown = answer_words(&result, carer, &Settings::default()).expect("an answer");
            assert!(
                shown.title.contains("baby's doctor"),
                "{ids:?}: C8 asks for the baby's doctor: {}",
                shown.title
            );
            let line = if_worse(ids, false, carer);
            assert!(is_condition(shown.if_worse), "{ids:?}: not a condition: {line}");
            assert!(
                line.contains("fit") && line.contains("emergency number now"),
                "{ids:?}: C8 seizure: {line}"
            );
            for other in ["chest", "faint"] {
                assert!(!line.contains(other), "{ids:?}: `{other}` is not in row C8: {line}");
            }
        }
    }
    for ids in [&["jittery"][..], &["missed-several", "jittery"][..]] {
        let result = RED_FLAGS.evaluate(&Answers { ticked: ticks(ids), pump: None, child: false });
        let shown = answer_words(&result, false, &Settings::default()).expect("an answer");
        assert!(is_condition(shown.if_worse), "{ids:?}: not a condition: {}", shown.if_worse);
        let line = shown.if_worse.to_lowercase();
        for sign in ["high temperature", "confusion", "seeing things", "stiff"] {
            assert!(line.contains(sign), "{ids:?}: row 6 sign `{sign}` missing: {line}");
        }
        for other in ["chest", "faint"] {
            assert!(!line.contains(other), "{ids:?}: `{other}` is not in row 14: {line}");
        }
    }
}
