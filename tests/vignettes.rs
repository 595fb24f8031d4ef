//! The independent vignette audit (issue #13): patient stories written from the fact sheet
//! (`tests/vignettes/*.toml`, never from the rules), run natively through the same content and
//! engines the page uses. Prints one line,
//! `vignettes: N, appropriate A (P%), under-triaged U, over-triaged O, …, rows covered: emergency
//! E/28, urgent U/21, routine R/6`, and fails on any under-triage, or on a wrong answer at the right
//! urgency (for example "take it now" where the story says "leave it out", or the wrong next dose
//! time). The row denominators come from `tests/vignettes/rows.toml`, a table written from the fact
//! sheet's §11 (not from the rules).
#![cfg(not(target_arch = "wasm32"))]

use baclofen_guide::content::{Answers, Call, PumpAnswer, MISSED_DOSE, RED_FLAGS};
use baclofen_logic::missed_dose::{
    advise, Advice, Form, Missed, Person, Reason, RuleId, Situation, WhichDose,
};
use baclofen_logic::red_flags::{Level, Timing};
use baclofen_logic::schedule::Schedule;
use baclofen_logic::time::rule_zones::{RuleZone, LONDON, NEW_YORK};
use baclofen_logic::time::{instant_at, local_at, ClockTime, Date, Instant};
use serde::Deserialize;
use std::cmp::Ordering;

#[derive(Deserialize)]
struct RedFlagFile {
    story: Vec<RedFlagStory>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct RedFlagStory {
    id: String,
    row: String,
    story: String,
    viewer: String,
    pump: Option<String>,
    ticks: Vec<String>,
    expect_level: String,
    expect_timing: String,
    #[serde(default)]
    expect_crisis_line: bool,
}

/// The §11 rows and the levels each names (tests/vignettes/rows.toml, from the fact sheet).
#[derive(Deserialize)]
struct RowFile {
    row: Vec<Row>,
}

#[derive(Deserialize)]
struct Row {
    id: String,
    levels: Vec<String>,
}

#[derive(Deserialize)]
struct MissedDoseFile {
    story: Vec<MissedDoseStory>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct MissedDoseStory {
    id: String,
    source: String,
    story: String,
    zone: String,
    now: String,
    person: String,
    form: String,
    times: Option<Vec<String>>,
    event: String,
    dose: Option<String>,
    count: Option<String>,
    vomited_after_minutes: Option<u16>,
    #[serde(default)]
    withdrawal_signs: bool,
    expect: String,
    expect_next: Option<String>,
    // The three checks below read the words of the answer card; they run in the page harness
    // (tests/e2e/vignettes.test.mjs). Kept here so that every story field is read and typed.
    /// §13.1: an "ask" answer also says what to do if no advice comes before the next dose.
    #[serde(default)]
    expect_safe_default: bool,
    /// §13.2: `usual-time` (take the next dose at the usual time) or `ask-first` (ask before
    /// restarting).
    expect_next_dose: Option<String>,
    /// §13.2: the answer itself names the emergency signs.
    #[serde(default)]
    expect_emergency_signs: bool,
}

/// What happened to one story.
#[derive(Debug, PartialEq)]
enum Verdict {
    Appropriate,
    Under(String),
    Over(String),
    /// The right urgency but the wrong advice (or the wrong time).
    Wrong(String),
}

fn read<T: serde::de::DeserializeOwned>(name: &str) -> T {
    let path = format!("{}/tests/vignettes/{name}", env!("CARGO_MANIFEST_DIR"));
    toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// How urgent an answer is, in the fact sheet's one timing vocabulary (§11 design notes): now
/// (emergency number or department) > urgent now (row 11, row 19: the team or NHS 111 now, the
/// emergency department if they cannot be reached) > straight away > today > before the first dose
/// > next visit.
fn urgency_rank(level: &Level, timing: &Timing) -> u8 {
    match (level, timing) {
        (Level::Emergency, _) => 5,
        (Level::Urgent, Timing::Now) => 4,
        (Level::Urgent, Timing::StraightAway) => 3,
        (Level::Urgent, _) => 2,
        (Level::Routine, Timing::Before) => 1,
        (Level::Routine, _) => 0,
    }
}

fn expected_urgency(level: &str, timing: &str) -> (Level, Timing) {
    let level = match level {
        "emergency" => Level::Emergency,
        "urgent" => Level::Urgent,
        "routine" => Level::Routine,
        other => panic!("unknown level {other}"),
    };
    let timing = match timing {
        "now" => Timing::Now,
        "straight-away" => Timing::StraightAway,
        "today" => Timing::Today,
        "before" => Timing::Before,
        "next-visit" => Timing::NextVisit,
        other => panic!("unknown timing {other}"),
    };
    (level, timing)
}

/// The checker's answer for a story, read as the page reads the person's answers.
fn red_flag_verdict(story: &RedFlagStory) -> Verdict {
    // A box the page does not have (yet) cannot be ticked: the person cannot say it, so the story
    // is under-triaged (the boxes the stories need are listed in /work/team/new-ticks.md).
    if let Some(missing) = story.ticks.iter().find(|id| RED_FLAGS.item(id).is_none()) {
        return Verdict::Under(format!("no box `{missing}` on the page"));
    }
    let ticked = story.ticks.iter().map(|id| RED_FLAGS.item(id).unwrap().bit).fold(0, |a, b| a | b);
    let pump = match story.pump.as_deref() {
        None => None,
        Some("yes") => Some(PumpAnswer::Yes),
        Some("no") => Some(PumpAnswer::No),
        Some("not-sure") => Some(PumpAnswer::NotSure),
        Some(other) => panic!("{}: pump = {other}", story.id),
    };
    let answers = Answers { ticked, pump, child: story.viewer == "child" };
    let result = RED_FLAGS.evaluate(&answers);
    let expected = expected_urgency(&story.expect_level, &story.expect_timing);
    let Some(actual) = result.level.zip(result.timing) else {
        return Verdict::Under(format!("no answer, expected {expected:?}"));
    };
    let top = &RED_FLAGS.rule_text[result.fired[0]];
    let said = format!("{actual:?} ({}: \"{}\")", top.id, top.action);
    if story.expect_crisis_line && !result.fired.iter().any(|&i| RED_FLAGS.rule_text[i].call == Call::Crisis)
    {
        return Verdict::Under(format!("{said}: no crisis line offered"));
    }
    match urgency_rank(&actual.0, &actual.1).cmp(&urgency_rank(&expected.0, &expected.1)) {
        Ordering::Equal => Verdict::Appropriate,
        Ordering::Less => Verdict::Under(format!("{said}, expected {expected:?}")),
        Ordering::Greater => Verdict::Over(format!("{said}, expected {expected:?}")),
    }
}

/// "rows covered: emergency 28/28, urgent 21/21, routine 6/6": for each level, how many §11 rows
/// that name the level have at least one story for the row expecting that level.
fn rows_covered(rows: &RowFile, stories: &[RedFlagStory]) -> String {
    for story in stories {
        assert!(
            rows.row.iter().any(|r| r.id == story.row),
            "{}: row {} is not a §11 row in tests/vignettes/rows.toml",
            story.id,
            story.row
        );
    }
    let parts: Vec<String> = ["emergency", "urgent", "routine"]
        .iter()
        .map(|level| {
            let at_level: Vec<&Row> =
                rows.row.iter().filter(|r| r.levels.iter().any(|l| l == level)).collect();
            let covered = at_level
                .iter()
                .filter(|r| stories.iter().any(|s| s.row == r.id && s.expect_level == *level))
                .count();
            format!("{level} {covered}/{}", at_level.len())
        })
        .collect();
    format!("rows covered: {}", parts.join(", "))
}

fn zone(name: &str) -> RuleZone {
    match name {
        "Europe/London" => LONDON,
        "America/New_York" => NEW_YORK,
        other => panic!("no rules for zone {other}"),
    }
}

fn clock(text: &str) -> ClockTime {
    ClockTime::parse(text).unwrap_or_else(|_| panic!("bad time {text}"))
}

/// "2026-05-12 13:30" in the zone, as an instant.
fn local_instant(zone: &RuleZone, text: &str) -> Instant {
    let (date, time) = text.split_once(' ').unwrap();
    let mut parts = date.split('-').map(|p| p.parse::<i64>().unwrap());
    let (y, m, d) = (parts.next().unwrap(), parts.next().unwrap(), parts.next().unwrap());
    instant_at(zone, Date::new(y as i32, m as u8, d as u8).unwrap(), clock(time))
}

/// How urgent each missed-dose answer is: the self-care answers, then contact today, then ask
/// now (a pharmacist, prescriber or pump team), then the emergency number.
fn missed_dose_rank(category: &str) -> u8 {
    match category {
        "take-now" | "leave-out" | "repeat-dose" | "wait-for-next" => 0,
        "contact-today" => 1,
        "ask-now" | "pump-team-now" => 2,
        "emergency" => 3,
        other => panic!("unknown expectation {other}"),
    }
}

fn missed_dose_verdict(story: &MissedDoseStory) -> Verdict {
    let zone = zone(&story.zone);
    let now = local_instant(&zone, &story.now);
    let form = match story.form.as_str() {
        "tablet" => Form::Tablet,
        "liquid" => Form::Liquid,
        "granules" => Form::Granules,
        "pump" => Form::Pump,
        other => panic!("{}: form {other}", story.id),
    };
    let person = if story.person == "child" { Person::Child } else { Person::Adult };
    let schedule = story.times.as_ref().map(|times| {
        Schedule::from_times(
            &times.iter().map(|t| clock(t)).collect::<Vec<_>>(),
            &baclofen_guide::content::SCHEDULE_LIMITS,
        )
        .unwrap()
    });
    // The dose named in the story: its latest occurrence at or before now.
    let dose = match (&schedule, &story.dose) {
        (Some(schedule), Some(dose)) => {
            let wanted = clock(dose);
            let at = schedule
                .instants_around(&zone, now)
                .into_iter()
                .rfind(|d| *d <= now && local_at(&zone, *d).1 == wanted)
                .unwrap_or_else(|| panic!("{}: no {dose} dose before now", story.id));
            WhichDose::At(at)
        }
        _ => WhichDose::LatestDue,
    };
    let missed = match (story.event.as_str(), story.count.as_deref()) {
        ("ran-out", _) => Missed::RanOut,
        ("missed", Some("two-or-more")) => Missed::TwoOrMoreInARow,
        ("missed", Some("more-than-a-day")) => Missed::MoreThanADay,
        _ => Missed::One,
    };
    let situation = Situation {
        form,
        person,
        dose,
        missed,
        vomited_after: if story.event == "vomited" { story.vomited_after_minutes } else { None },
        withdrawal_signs: story.withdrawal_signs,
    };
    let answer = match advise(schedule.as_ref(), &zone, now, &situation, &MISSED_DOSE.rules) {
        Ok(answer) => answer,
        Err(e) => return Verdict::Wrong(format!("no answer: {e:?}")),
    };
    let (category, next) = match answer.advice {
        Advice::TakeNow { next_dose_at } if answer.rule == RuleId::ChildVomitedRepeat => {
            ("repeat-dose", Some(next_dose_at))
        }
        Advice::TakeNow { next_dose_at } => ("take-now", Some(next_dose_at)),
        Advice::SkipAndTakeNextAt(at) if answer.rule.came_back_up() => ("wait-for-next", Some(at)),
        Advice::SkipAndTakeNextAt(at) => ("leave-out", Some(at)),
        Advice::AskNow(Reason::Pump) => ("pump-team-now", None),
        Advice::AskNow(_) => ("ask-now", None),
        Advice::NextAtUsualTimeAndContactToday { next_dose_at } => ("contact-today", Some(next_dose_at)),
        Advice::AskBeforeRestarting(_) => ("contact-today", None),
        Advice::Emergency(_) => ("emergency", None),
    };
    let said = format!("{category} ({})", answer.rule.key());
    let (actual, expected) = (missed_dose_rank(category), missed_dose_rank(&story.expect));
    match actual.cmp(&expected) {
        Ordering::Less => return Verdict::Under(format!("{said}, expected {}", story.expect)),
        Ordering::Greater => return Verdict::Over(format!("{said}, expected {}", story.expect)),
        Ordering::Equal if category != story.expect => {
            return Verdict::Wrong(format!("{said}, expected {}", story.expect))
        }
        Ordering::Equal => {}
    }
    if let (Some(want), Some(next)) = (&story.expect_next, next) {
        let shown = local_at(&zone, next).1.to_string();
        if shown != *want {
            return Verdict::Wrong(format!("{said}: next dose {shown}, expected {want}"));
        }
    }
    Verdict::Appropriate
}

#[test]
fn every_vignette_gets_an_answer_at_least_as_urgent_as_the_fact_sheet_says() {
    let red: RedFlagFile = read("red-flags.toml");
    let missed: MissedDoseFile = read("missed-dose.toml");
    let rows: RowFile = read("rows.toml");
    let covered = rows_covered(&rows, &red.story);
    assert!(red.story.len() >= 75 && missed.story.len() >= 25, "too few stories");
    let verdicts: Vec<(String, String, Verdict)> = red
        .story
        .iter()
        .map(|s| (s.id.clone(), format!("row {}", s.row), red_flag_verdict(s)))
        .chain(missed.story.iter().map(|s| (s.id.clone(), s.source.clone(), missed_dose_verdict(s))))
        .collect();
    let count = |f: fn(&Verdict) -> bool| verdicts.iter().filter(|(_, _, v)| f(v)).count();
    let n = verdicts.len();
    let appropriate = count(|v| *v == Verdict::Appropriate);
    let under = count(|v| matches!(v, Verdict::Under(_)));
    let over = count(|v| matches!(v, Verdict::Over(_)));
    let wrong = count(|v| matches!(v, Verdict::Wrong(_)));
    for (id, row, verdict) in &verdicts {
        match verdict {
            Verdict::Appropriate => {}
            Verdict::Over(why) => println!("  over-triaged {id} ({row}): {why}"),
            Verdict::Under(why) => println!("  UNDER-TRIAGED {id} ({row}): {why}"),
            Verdict::Wrong(why) => println!("  WRONG {id} ({row}): {why}"),
        }
    }
    println!(
        "vignettes: {n} ({} symptom checker, {} missed dose), appropriate {appropriate} ({:.0}%), under-triaged {under}, over-triaged {over}, wrong advice at the right urgency {wrong}, {covered}",
        red.story.len(),
        missed.story.len(),
        100.0 * appropriate as f64 / n as f64
    );
    assert_eq!(under, 0, "under-triaged stories (listed above)");
    assert_eq!(wrong, 0, "wrong advice (listed above)");
}
