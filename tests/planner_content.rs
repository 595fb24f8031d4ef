//! The planner's content checks (build/planner_gen.rs) refuse what they must, with file:line, and
//! the planner's words read at grade 8 or below (Flesch-Kincaid, the one grader in crates/content-rules).
#![cfg(not(target_arch = "wasm32"))]

#[path = "../build/planner_gen.rs"]
#[allow(dead_code)]
mod planner_gen;

use baclofen_guide::planner::content::{ERRORS, LIQUIDS, TABLETS, WARNINGS, WORDS};
mod common;

use baclofen_content_rules::readability::grade;
use common::{banned_claims, Scratch};

/// Runs the generator on a copy of content/ whose planner.toml has `from` replaced by `to`.
fn errors_after(from: &str, to: &str) -> Vec<String> {
    let scratch = Scratch::new();
    scratch.edit("planner.toml", from, to);
    planner_gen::generate(scratch.path(), &banned_claims()).err().unwrap_or_default()
}

#[test]
fn planner_content_as_committed_passes_its_checks() {
    assert!(errors_after("[numbers]", "[numbers]").is_empty());
}

#[test]
fn planner_content_refuses_an_unknown_source_id_with_file_and_line() {
    let errors =
        errors_after("sources = [\"FDA-TAB\", \"PMS\"]", "sources = [\"FDA-TAB\", \"NOT-A-SOURCE\"]");
    assert!(
        errors.iter().any(|e| e.contains("planner.toml:") && e.contains("unknown source id `NOT-A-SOURCE`")),
        "{errors:?}"
    );
}

#[test]
fn planner_content_refuses_a_clinical_statement_without_sources() {
    let errors = errors_after("child_note_sources = [\"NHS-HOW\", \"MFC\", \"QCH\"]\n", "");
    assert!(errors.iter().any(|e| e.contains("`child_note` has no `child_note_sources`")), "{errors:?}");
    let errors =
        errors_after("sources = [\"NHS-ABOUT\", \"FDA-TAB\", \"FDA-OS\", \"FDA-OZO\"]", "sources = []");
    assert!(errors.iter().any(|e| e.contains("has no sources")), "{errors:?}");
}

#[test]
fn planner_content_refuses_ruled_out_claims_markup_and_unknown_placeholders() {
    let errors = errors_after("Make the plan\"", "Make the plan, it is well tolerated\"");
    assert!(errors.iter().any(|e| e.contains("ruled-out claim `well tolerated`")), "{errors:?}");
    let errors = errors_after("Make the plan\"", "<b>Make</b> the plan\"");
    assert!(errors.iter().any(|e| e.contains("raw HTML")), "{errors:?}");
    let errors = errors_after("{max} mg a day.", "{maximum} mg a day.");
    assert!(errors.iter().any(|e| e.contains("unknown placeholder `{maximum}`")), "{errors:?}");
    let errors = errors_after("strength_mg = \"15\"", "strength_mg = \"fifteen\"");
    assert!(errors.iter().any(|e| e.contains("strength_mg must be a number")), "{errors:?}");
}

#[test]
fn planner_strengths_match_the_fact_sheet() {
    // Fact sheet §2: UK tablets 10 mg (half a tablet = 5 mg); US 5, 10, 15, 20 mg; 25 mg only
    // outside the US and UK; liquids 1, 2 and 5 mg/mL (5 mg/mL not in the UK).
    let in_region = |r: &str| -> Vec<u64> {
        TABLETS.iter().filter(|t| t.regions.contains(&r)).map(|t| t.strength_ug / 1000).collect()
    };
    assert_eq!(in_region("uk"), [10]);
    assert_eq!(in_region("us"), [5, 10, 15, 20]);
    assert!(TABLETS
        .iter()
        .filter(|t| t.strength_ug == 25_000)
        .all(|t| !t.regions.contains(&"uk") && !t.regions.contains(&"us")));
    let liquids = |r: &str| -> Vec<u64> {
        LIQUIDS.iter().filter(|l| l.regions.contains(&r)).map(|l| l.ug_per_ml / 1000).collect()
    };
    assert_eq!(liquids("us"), [1, 2, 5]);
    assert_eq!(liquids("uk"), [1, 2]);
    // Only the UK 10 mg tablet has a source saying it may be halved (NHS-HOW); none says quarters.
    use baclofen_logic::planner::Split;
    for t in TABLETS {
        let halves = t.split == Split::Halves;
        assert_eq!(halves, t.strength_ug == 10_000 && t.regions.contains(&"uk"), "{}", t.label);
        assert!(t.split != Split::Quarters);
        // Fact sheet §13.14, decision (f): halves after a confirmed line for US 10 and 20 mg only
        // (never US 5 mg; US 15 mg whole until checked).
        let scored = t.strength_ug == 10_000 || t.strength_ug == 20_000;
        assert_eq!(t.halves_if_scored, scored && t.regions == ["us"], "{}", t.label);
    }
}

#[test]
fn decision_i_the_childrens_flag_never_states_a_number_a_maximum_or_a_wrong_dose() {
    // Fact sheet §13.14: "never show mg/kg or maximums as targets … worded so it never says the
    // dose is wrong".
    let w = WARNINGS.iter().find(|w| w.check == "child-check-with-specialist").expect("the flag");
    let words = format!("{} {}", w.title, w.text).to_lowercase();
    assert!(!words.chars().any(|c| c.is_ascii_digit()), "{words}");
    for banned in ["maximum", "the most", "too high", "wrong", "mg/kg", "limit"] {
        assert!(!words.contains(banned), "{banned}: {words}");
    }
    assert!(words.contains("check") && words.contains("specialist"), "{words}");
}

#[test]
fn m8_the_syringe_words_say_ask_your_pharmacist_which_syringe_to_use() {
    for text in [WORDS.syringe_ask, WORDS.syringe_ask_short] {
        assert!(text.contains("ask your pharmacist which syringe to use"), "{text}");
    }
    assert!(WORDS.syringe_ask.contains("{ml} mL"), "the volume is shown with it");
}

#[test]
fn planner_words_read_at_grade_8_or_below() {
    let mut text = String::new();
    let mut add = |t: &str| {
        text.push_str(t.trim_end_matches(['.', ':']));
        text.push_str(". ");
    };
    for t in [
        WORDS.heading,
        WORDS.intro,
        WORDS.latest_only,
        WORDS.child_note,
        WORDS.pump_note,
        WORDS.liquid_hint,
        WORDS.start_hint,
        WORDS.step_hint,
        WORDS.end_hint,
        WORDS.syringe_text,
        WORDS.syringe_measure,
        WORDS.plan_summary,
        WORDS.plan_continue,
        WORDS.print_note,
    ] {
        add(t);
    }
    for w in WARNINGS {
        add(w.title);
        add(w.text);
    }
    for e in [ERRORS.does_not_split, ERRORS.more_than_doubles, ERRORS.wrong_direction_up, ERRORS.too_large] {
        add(e);
    }
    let g = grade(&text);
    println!("planner words: Flesch-Kincaid grade {g:.1}");
    assert!(g <= 8.0, "the planner's words read at grade {g:.1}");
}

#[test]
fn a_stop_names_the_last_day_with_doses_and_the_first_day_without() {
    use baclofen_guide::planner::content::LIMITS;
    use baclofen_guide::planner::wording;
    use baclofen_logic::planner::{plan, Amount, Direction, Form, Per, PlanInput, Who};
    use baclofen_logic::time::{ClockTime, Date};
    // 20 mg three times a day from Monday 7 December 2026, 5 mg less a dose every 3 days, down to
    // 0: 20 mg from the 7th, 15 from the 10th, 10 from the 13th, 5 from the 16th, none from
    // Saturday 19 December. So the last doses are taken on Friday 18 December (worked by hand).
    let ten = TABLETS.iter().find(|t| t.regions.contains(&"uk") && t.strength_ug == 10_000).unwrap();
    let input = PlanInput {
        who: Who::Adult,
        form: Form::Tablet { strength_ug: ten.strength_ug, split: ten.split },
        times: ["08:00", "14:00", "20:00"].iter().map(|s| ClockTime::parse(s).unwrap()).collect(),
        start_date: Date::new(2026, 12, 7).unwrap(),
        start: Amount { ug: 20_000, per: Per::Dose },
        direction: Direction::Down,
        step: Amount { ug: 5_000, per: Per::Dose },
        every_days: 3,
        end_ug: 0,
        child_under_8: false,
    };
    let sentence = wording::summary(&plan(&input, &LIMITS).unwrap());
    assert_eq!(
        sentence,
        "The last doses are taken on Friday 18 December 2026. From Saturday 19 December 2026 there are no doses."
    );
}
