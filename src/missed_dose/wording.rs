//! Turns an engine answer into the sentences the person reads, using the reviewed wording in
//! `content/missed-dose.toml`. Times are said the way people say them: "14:00 today".

use crate::content::ui::words;
use crate::content::{OutOfHours, RED_FLAGS};
use crate::content::{Statement, MISSED_DOSE};
use baclofen_logic::missed_dose::{Advice, Answer, Rules};
use baclofen_logic::red_flags::Timing;
use baclofen_logic::time::{local_at, Instant, Zone};

/// "2 hours", "30 minutes", "1 hour and 30 minutes".
pub fn duration_words(minutes: u16) -> String {
    let (hours, rest) = (minutes / 60, minutes % 60);
    let hours_words = match hours {
        0 => String::new(),
        1 => words::ONE_HOUR.to_string(),
        n => words::HOURS.replace("{n}", &n.to_string()),
    };
    let minute_words = match rest {
        0 => String::new(),
        1 => words::ONE_MINUTE.to_string(),
        n => words::MINUTES.replace("{n}", &n.to_string()),
    };
    match (hours_words.is_empty(), minute_words.is_empty()) {
        (false, false) => format!("{hours_words} {} {minute_words}", words::AND),
        (true, false) => minute_words,
        (false, true) => hours_words,
        (true, true) => words::MINUTES.replace("{n}", "0"),
    }
}

/// "14:00 today", "08:00 tomorrow", "22:00 yesterday", or "09:00 on 25/10" further away.
pub fn time_words(zone: &impl Zone, now: Instant, at: Instant) -> String {
    let (today, _) = local_at(zone, now);
    let (date, time) = local_at(zone, at);
    let day = match date.days_since_epoch() - today.days_since_epoch() {
        0 => words::TODAY.to_string(),
        1 => words::TOMORROW.to_string(),
        -1 => words::YESTERDAY.to_string(),
        _ => words::ON_DATE.replace("{date}", &format!("{:02}/{:02}", date.day, date.month)),
    };
    format!("{time} {day}")
}

/// Fills `{next}`, `{window}`, `{gap}` and `{vomit}` in a content text.
pub fn fill(text: &str, next: Option<&str>, rules: &Rules) -> String {
    text.replace("{next}", next.unwrap_or(words::USUAL_TIME))
        .replace("{window}", &duration_words(rules.skip_window))
        .replace("{gap}", &duration_words(rules.child_min_gap))
        .replace("{vomit}", &duration_words(rules.child_vomit_window))
}

/// How urgent the answer is, for the card's colour, icon and words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Emergency,
    /// Call the pump team now (the emergency department if they cannot be reached).
    Now,
    /// Ask a pharmacist or prescriber straight away, before the next dose is due.
    StraightAway,
    /// Contact the prescriber or pharmacist today.
    Urgent,
    Routine,
}

/// Everything the result card shows, already in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explained {
    pub level: Level,
    pub action: String,
    pub then: String,
    pub why: String,
    pub sources: &'static [&'static str],
    /// Extra lines, each with its sources: moved dose, never double.
    pub notes: Vec<(String, &'static [&'static str])>,
    /// Where the sources differ: said under "Why this answer", not beside the action.
    pub differ: Option<(String, &'static [&'static str])>,
    /// Who to call when the prescriber or pharmacist is closed, on every answer that says to
    /// contact or ask them (fact sheet §11 design note; issue 27 item 2). The pump answer names
    /// its own route (the emergency department) in its words.
    pub out_of_hours: Option<String>,
    /// The safe default of an "ask" answer (also the last of `notes`, with its sources).
    pub safe_default: Option<String>,
}

/// "If you cannot reach your prescriber or pharmacist (in the evening or at a weekend), call NHS
/// 111." The symptom checker's route and words (content/red-flags.toml `[closed]`), so the guide
/// says it one way: a clinic's own number, else the region's service, else the general words.
pub fn when_closed(route: OutOfHours<'_>) -> String {
    let closed = &RED_FLAGS.closed;
    let service = match route {
        OutOfHours::Clinic(phone) => closed.clinic.replace("{phone}", phone),
        OutOfHours::Named(name) => closed.named.replace("{name}", name),
        OutOfHours::General => closed.general.to_string(),
    };
    closed
        .urgent
        .replace("{who}", crate::content::ui::missed_dose_answer::CLOSED_WHO)
        .replace("{service}", &service)
}

/// `route`: who to call when the prescriber or pharmacist is closed
/// (`crate::red_flag_words::out_of_hours(settings)`).
pub fn explain(
    answer: &Answer,
    zone: &impl Zone,
    now: Instant,
    rules: &Rules,
    route: OutOfHours<'_>,
) -> Explained {
    let wording = MISSED_DOSE.wording(answer.rule);
    let next = match answer.advice {
        Advice::TakeNow { next_dose_at } | Advice::NextAtUsualTimeAndContactToday { next_dose_at } => {
            Some(next_dose_at)
        }
        Advice::SkipAndTakeNextAt(at) => Some(at),
        Advice::AskNow(_) => answer.if_no_advice,
        Advice::AskBeforeRestarting(_) | Advice::Emergency(_) => None,
    };
    let next_words = next.map(|at| time_words(zone, now, at));
    let level = match answer.advice {
        Advice::Emergency(_) => Level::Emergency,
        Advice::AskNow(_) if answer.rule.timing() == Some(Timing::Now) => Level::Now,
        Advice::AskNow(_) => Level::StraightAway,
        Advice::NextAtUsualTimeAndContactToday { .. } | Advice::AskBeforeRestarting(_) => Level::Urgent,
        Advice::TakeNow { .. } | Advice::SkipAndTakeNextAt(_) => Level::Routine,
    };
    // Straight away or today: a prescriber or pharmacist, who may be closed. (Now is the
    // emergency number, or the pump team with the emergency department in the answer itself.)
    let out_of_hours = matches!(answer.rule.timing(), Some(Timing::StraightAway | Timing::Today))
        .then(|| when_closed(route));
    let note = |s: &'static Statement| (fill(s.text, next_words.as_deref(), rules), s.sources);
    let mut notes = Vec::new();
    let moved = answer.timeline.iter().any(|d| d.mark == baclofen_logic::missed_dose::DoseMark::MovedFrom);
    if moved {
        notes.push(note(&MISSED_DOSE.next_dose_moved));
    }
    let differ = answer.disagreement.map(|which| note(MISSED_DOSE.disagreement(which)));
    // Fact sheet §13.1: every "ask" answer carries the safe default, at the next usual dose.
    // The vomiting route speaks of the dose that came back up, never a missed one, and never
    // says "to make up for a missed one" beside a dose given again in its place (issue 29).
    let came_back_up = answer.rule.came_back_up();
    let (safe_default_words, never_double) = if came_back_up {
        (&MISSED_DOSE.safe_default_vomited, &MISSED_DOSE.never_double_vomited)
    } else {
        (&MISSED_DOSE.safe_default, &MISSED_DOSE.never_double)
    };
    let safe_default = answer.if_no_advice.map(|_| note(safe_default_words));
    notes.extend(safe_default.clone());
    if level == Level::Routine {
        notes.push(note(never_double));
    }
    Explained {
        level,
        action: fill(wording.action, next_words.as_deref(), rules),
        then: fill(wording.then, next_words.as_deref(), rules),
        why: fill(wording.why, next_words.as_deref(), rules),
        sources: wording.sources,
        notes,
        differ,
        out_of_hours,
        safe_default: safe_default.map(|(text, _)| text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use baclofen_logic::missed_dose::RuleId;
    use baclofen_logic::time::{instant_at, ClockTime, Date, FixedZone};

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration_words(120), "2 hours");
        assert_eq!(duration_words(60), "1 hour");
        assert_eq!(duration_words(30), "30 minutes");
        assert_eq!(duration_words(90), "1 hour and 30 minutes");
        assert_eq!(duration_words(241), "4 hours and 1 minute");
    }

    #[test]
    fn times_name_the_day() {
        let zone = FixedZone(60);
        let day = Date::new(2026, 11, 23).unwrap();
        let now = instant_at(&zone, day, ClockTime::parse("23:30").unwrap());
        let at = |d: Date, t: &str| instant_at(&zone, d, ClockTime::parse(t).unwrap());
        assert_eq!(time_words(&zone, now, at(day, "14:00")), "14:00 today");
        assert_eq!(time_words(&zone, now, at(day.plus_days(1), "08:00")), "08:00 tomorrow");
        assert_eq!(time_words(&zone, now, at(day.plus_days(-1), "22:00")), "22:00 yesterday");
        assert_eq!(time_words(&zone, now, at(day.plus_days(3), "09:00")), "09:00 on 26/11");
    }

    #[test]
    fn every_rule_and_note_is_filled_with_no_placeholder_left() {
        let rules = MISSED_DOSE.rules;
        for rule in RuleId::ALL {
            let w = MISSED_DOSE.wording(rule);
            for text in [w.action, w.then, w.why] {
                let filled = fill(text, Some("14:00 today"), &rules);
                assert!(!filled.contains('{') && !filled.contains('}'), "{rule:?}: {filled}");
            }
        }
        assert!(fill(MISSED_DOSE.next_dose_moved.text, None, &rules).contains("4 hours"));
    }

    /// Every text of a card, as the person reads it.
    fn card_text(e: &Explained) -> String {
        let mut all = vec![e.action.clone(), e.then.clone(), e.why.clone()];
        all.extend(e.notes.iter().map(|(text, _)| text.clone()));
        all.extend(e.differ.iter().map(|(text, _)| text.clone()));
        all.extend(e.out_of_hours.clone());
        all.push(MISSED_DOSE.safety_net.text.to_string());
        all.join(" ")
    }

    /// Independent tester, issue 29. Medicines for Children (fact sheet §4): a child sick within
    /// 30 minutes of a dose gets the same dose again; later, waits for the next dose. A dose that
    /// came back up was taken, not missed: every card on that route, whatever the schedule, time,
    /// person or signs, speaks of the dose that came back up and never of a missed dose, and a
    /// card that repeats the dose says it is not an extra one (so no line beside it says "never
    /// an extra dose to make up for a missed one").
    #[test]
    fn every_card_on_the_vomiting_route_speaks_of_the_dose_that_came_back_up_never_a_missed_one() {
        use crate::missed_dose::table;
        use baclofen_logic::missed_dose::{advise, Person, Situation, WhichDose};
        let utc = FixedZone(0);
        let day = table::example_day();
        let schedules = [
            table::schedule(&["08:00", "14:00", "20:00"]),
            table::schedule(&["08:00", "11:00", "20:00"]),
            table::schedule(&["08:00", "12:00", "16:00", "20:00"]),
            table::schedule(&["08:00", "20:00"]),
        ];
        let mut rules_seen = std::collections::BTreeSet::new();
        let mut repeats = 0;
        for sched in &schedules {
            for minute in (8 * 60..32 * 60).step_by(10) {
                let now = instant_at(&utc, day, ClockTime::MIDNIGHT).plus_minutes(minute);
                let recent = crate::missed_dose::form::recent_doses(sched, &utc, now);
                for person in [Person::Adult, Person::Child] {
                    for minutes in [0u16, 20, 30, 31, 45, 90] {
                        for dose in recent.iter().map(|at| WhichDose::At(*at)).chain([WhichDose::LatestDue]) {
                            for signs in [false, true] {
                                let situation = Situation {
                                    dose,
                                    vomited_after: Some(minutes),
                                    withdrawal_signs: signs,
                                    ..Situation::one_missed(person)
                                };
                                let Ok(answer) =
                                    advise(Some(sched), &utc, now, &situation, &MISSED_DOSE.rules)
                                else {
                                    continue;
                                };
                                rules_seen.insert(answer.rule.key());
                                let e = explain(&answer, &utc, now, &MISSED_DOSE.rules, OutOfHours::General);
                                let text = card_text(&e);
                                let rule = answer.rule.key();
                                assert!(!text.to_lowercase().contains("missed"), "{rule}: {text}");
                                assert!(!text.to_lowercase().contains("make up"), "{rule}: {text}");
                                assert!(signs || answer.rule.came_back_up(), "{rule} on the vomiting route");
                                if e.action.contains("same dose again") {
                                    repeats += 1;
                                    assert!(text.contains("not an extra dose"), "{rule}: {text}");
                                    assert!(
                                        text.contains("takes the place of the one that came back up"),
                                        "{text}"
                                    );
                                }
                            }
                        }
                    }
                }
            }
        }
        assert!(repeats > 0, "no card repeated the dose");
        for rule in [
            "child-vomited-repeat",
            "child-vomited-wait",
            "adult-vomited",
            "vomited-near-next-dose",
            "vomited-later-dose-already-due",
            "vomited-close-doses",
            "withdrawal-signs",
        ] {
            assert!(rules_seen.contains(rule), "the walk never reached {rule}: {rules_seen:?}");
        }
    }

    #[test]
    fn the_content_rules_lie_inside_what_the_engine_sweep_proves() {
        // crates/logic/tests/missed_dose_sweep.rs checks skip windows 60, 120 and 180 minutes with a
        // 240-minute child gap and a 30-minute vomiting window.
        let (min, max) = MISSED_DOSE.skip_window_range;
        assert!(120 <= min && max <= 180, "allowed range {min}..={max} is wider than the sweep");
        // A clinic may lengthen the window, never shorten it below the NHS 2 hours (review M7).
        assert_eq!(min, 120, "never shorter than the NHS 2 hours");
        assert_eq!(MISSED_DOSE.rules.skip_window, 120, "NHS: less than 2 hours");
        assert_eq!(MISSED_DOSE.rules.child_min_gap, 240, "Medicines for Children: at least 4 hours");
        assert_eq!(MISSED_DOSE.rules.child_vomit_window, 30, "Medicines for Children: within 30 minutes");
    }
}
