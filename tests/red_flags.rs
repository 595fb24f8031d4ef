//! The red-flag rule table from `content/red-flags.toml`, run through the engine: every row,
//! monotonicity (adding a tick never lowers the level), every emergency row in every context.
#![cfg(not(target_arch = "wasm32"))]

use baclofen_guide::content::RED_FLAGS;
use baclofen_logic::red_flags::{triage, Level, Rule};

fn ticks(ids: &[&str]) -> u64 {
    ids.iter()
        .map(|id| RED_FLAGS.item(id).unwrap_or_else(|| panic!("no item {id}")).bit)
        .fold(0, |a, b| a | b)
}

fn level(ids: &[&str]) -> Option<Level> {
    triage(RED_FLAGS.rules, ticks(ids)).level
}

fn all_bits() -> Vec<u64> {
    RED_FLAGS.contexts.iter().chain(RED_FLAGS.symptoms).map(|i| i.bit).collect()
}

/// The smallest tick set that fires a rule: the first item of each clause.
fn minimal(rule: &Rule<'_>) -> u64 {
    rule.clauses.iter().map(|clause| 1u64 << clause.trailing_zeros()).fold(0, |a, b| a | b)
}

#[test]
fn every_row_fires_at_its_own_level_from_its_smallest_set_of_ticks() {
    for (i, rule) in RED_FLAGS.rules.iter().enumerate() {
        let result = triage(RED_FLAGS.rules, minimal(rule));
        assert!(result.fired.contains(&i), "{} did not fire", RED_FLAGS.rule_text[i].id);
        assert_eq!(result.level, Some(rule.level), "{}", RED_FLAGS.rule_text[i].id);
    }
}

#[test]
fn every_row_of_the_fact_sheet_table_is_in_the_rules() {
    let ids: Vec<&str> = RED_FLAGS.rule_text.iter().map(|r| r.id).collect();
    let rows = (1..=30).map(|n| n.to_string()).chain((1..=8).map(|n| format!("C{n}")));
    for row in rows {
        assert!(ids.iter().any(|id| id.split('-').next() == Some(row.as_str())), "row {row} is missing");
    }
    assert_eq!(RED_FLAGS.rules.len(), RED_FLAGS.rule_text.len());
}

#[test]
fn every_symptom_has_a_level_on_its_own() {
    for symptom in RED_FLAGS.symptoms {
        assert!(triage(RED_FLAGS.rules, symptom.bit).level.is_some(), "{} has no level", symptom.id);
    }
}

#[test]
fn adding_a_tick_never_lowers_the_level_for_all_sets_up_to_three() {
    let bits = all_bits();
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
        let before = triage(RED_FLAGS.rules, *set).level;
        for bit in &bits {
            let after = triage(RED_FLAGS.rules, set | bit).level;
            assert!(after >= before, "adding {bit:#x} to {set:#x} lowered {before:?} to {after:?}");
        }
    }
    assert!(sets.len() > 16_000);
}

#[test]
fn adding_a_tick_never_lowers_the_level_for_100000_random_sets() {
    let bits = all_bits();
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        // xorshift64*: deterministic, so a failure can be replayed.
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    for _ in 0..100_000 {
        let set = bits.iter().filter(|_| next() % 5 == 0).fold(0, |a, b| a | b);
        let extra = bits[(next() % bits.len() as u64) as usize];
        let (before, after) =
            (triage(RED_FLAGS.rules, set).level, triage(RED_FLAGS.rules, set | extra).level);
        assert!(after >= before, "adding {extra:#x} to {set:#x} lowered {before:?} to {after:?}");
    }
}

#[test]
fn every_emergency_row_is_an_emergency_in_every_combination_of_situations() {
    let contexts: Vec<u64> = RED_FLAGS.contexts.iter().map(|c| c.bit).collect();
    for (i, rule) in RED_FLAGS.rules.iter().enumerate().filter(|(_, r)| r.level == Level::Emergency) {
        for combination in 0..(1u32 << contexts.len()) {
            let situations = (0..contexts.len())
                .filter(|k| combination & (1 << k) != 0)
                .map(|k| contexts[k])
                .fold(0, |a, b| a | b);
            assert_eq!(
                triage(RED_FLAGS.rules, minimal(rule) | situations).level,
                Some(Level::Emergency),
                "{} with situations {situations:#x}",
                RED_FLAGS.rule_text[i].id
            );
        }
    }
}

#[test]
fn answers_are_deterministic() {
    let set = ticks(&["pump", "fever", "itch-no-rash", "refill"]);
    assert_eq!(triage(RED_FLAGS.rules, set), triage(RED_FLAGS.rules, set));
}

#[test]
fn worked_cases_from_the_fact_sheet() {
    use Level::*;
    let cases: &[(&[&str], Option<Level>)] = &[
        (&[], None),
        (&["pump"], None),
        (&["kidney", "older", "child", "sedatives", "baby"], None),
        (&["missed"], Some(Urgent)),
        (&["pregnant"], Some(Urgent)),
        (&["pump", "itch-no-rash"], Some(Emergency)),
        (&["itch-no-rash"], Some(Urgent)),
        (&["pump", "stiffness-back"], Some(Emergency)),
        (&["two-tone-alarm"], Some(Urgent)),
        (&["two-tone-alarm", "tingling"], Some(Emergency)),
        (&["missed", "jittery"], Some(Urgent)),
        (&["missed", "hallucinations"], Some(Emergency)),
        (&["sedatives", "more-drowsy"], Some(Urgent)),
        (&["sedatives", "too-sleepy"], Some(Emergency)),
        (&["kidney", "more-drowsy"], Some(Urgent)),
        (&["kidney", "confusion"], Some(Emergency)),
        (&["older", "falls"], Some(Urgent)),
        (&["child", "overdose"], Some(Emergency)),
        (&["baby", "baby-jittery"], Some(Urgent)),
        (&["baby", "seizure"], Some(Emergency)),
        (&["dark-urine"], Some(Urgent)),
        (&["dark-urine", "missed"], Some(Emergency)),
        (&["harm-thoughts"], Some(Urgent)),
        (&["harm-danger"], Some(Emergency)),
        (&["mild"], Some(Routine)),
        (&["weight", "operation"], Some(Routine)),
        (&["breathing"], Some(Emergency)),
    ];
    for (ids, expected) in cases {
        assert_eq!(level(ids), *expected, "{ids:?}");
    }
}
