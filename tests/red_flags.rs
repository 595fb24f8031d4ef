//! The red-flag rule table from `content/red-flags.toml`, run through the engine: every rule
//! reachable, monotonicity (adding a tick or a pump answer never lowers the answer), every
//! emergency rule an emergency whatever else is ticked, and the question logic (pump answer,
//! follow-up groups). Clinical expectations live in the independent vignettes
//! (`tests/vignettes.rs`), not here.
#![cfg(not(target_arch = "wasm32"))]

use baclofen_guide::content::{Answers, PumpAnswer, RED_FLAGS};
use baclofen_logic::red_flags::{triage, Level, Rule, Timing};

fn ticks(ids: &[&str]) -> u64 {
    ids.iter()
        .map(|id| RED_FLAGS.item(id).unwrap_or_else(|| panic!("no item {id}")).bit)
        .fold(0, |a, b| a | b)
}

/// What a person can tick as a box (not pump answers, not "a child").
fn boxes() -> Vec<u64> {
    RED_FLAGS.items.iter().filter(|i| !i.question && !i.hidden).map(|i| i.bit).collect()
}

/// The smallest tick set that fires a rule: the first item of each clause.
fn minimal(rule: &Rule<'_>) -> u64 {
    rule.clauses.iter().map(|clause| 1u64 << clause.trailing_zeros()).fold(0, |a, b| a | b)
}

/// (level, timing) as one comparable urgency.
fn urgency(set: u64) -> Option<(Level, Timing)> {
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
    let rows = (1..=30).map(|n| n.to_string()).chain((1..=8).map(|n| format!("C{n}")));
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
    let mut sets = vec![0u64];
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
    let situations: Vec<u64> = RED_FLAGS
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
    // Two-tone alarm (straight away) plus a fever (today): the title says straight away.
    let t = RED_FLAGS.evaluate(&Answers { ticked: ticks(&["two-tone-alarm"]), ..Answers::default() });
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
