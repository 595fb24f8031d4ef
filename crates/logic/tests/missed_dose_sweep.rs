//! Exhaustive sweep: every supported schedule shape × every minute of a 48-hour window ×
//! daylight-saving change days × every allowed skip window × adult/child × each situation.
//! Proves the safety properties hold for every answer, not just the worked cases.

use baclofen_logic::missed_dose::*;
use baclofen_logic::schedule::Schedule;
use baclofen_logic::time::rule_zones::{LONDON, NEW_YORK};
use baclofen_logic::time::{instant_at, ClockTime, Date, FixedZone, Instant, Zone, MINUTES_PER_DAY};
use std::collections::HashSet;

#[path = "common/fact_sheet.rs"]
mod fact_sheet;
use fact_sheet::{LIMITS, RULES};

const SHAPES: &[&[&str]] = &[
    &["08:00"],
    &["21:00"],
    &["08:00", "20:00"],
    &["08:00", "14:00", "20:00"],
    &["07:00", "15:00", "23:00"],
    &["08:00", "15:00", "22:00"],
    &["06:00", "12:00", "18:00", "00:00"],
    &["08:00", "12:00", "16:00", "20:00"],
    &["01:00", "04:00", "10:00", "16:00", "22:00"],
    &["02:00", "06:00", "10:00", "14:00", "18:00", "22:00"],
    &["00:30", "02:30", "09:00", "15:00", "21:00"],
];

/// Every skip window a clinic may choose (content/missed-dose.toml allows 120–180 minutes: longer
/// than the NHS 2 hours, never shorter; clinical review M7).
const SKIP_WINDOWS: [u16; 3] = [120, 150, 180];

/// The situations worth asking at one instant. Tablet, liquid and granules follow the same
/// rules, so one oral form stands for all three.
fn situations(previous: Instant, latest: Instant, now: Instant) -> Vec<Situation> {
    let mut all = Vec::new();
    for person in [Person::Adult, Person::Child] {
        let base = Situation::one_missed(person);
        all.push(base);
        all.push(Situation { dose: WhichDose::At(previous), ..base });
        all.push(Situation { missed: Missed::TwoOrMoreInARow, ..base });
        all.push(Situation { missed: Missed::MoreThanADay, ..base });
        all.push(Situation { missed: Missed::RanOut, ..base });
        all.push(Situation { form: Form::Pump, ..base });
        all.push(Situation { withdrawal_signs: true, ..base });
        let elapsed = latest.minutes_until(now);
        for minutes in [0u16, 30, 31, 90] {
            if i64::from(minutes) <= elapsed {
                all.push(Situation { vomited_after: Some(minutes), ..base });
            }
        }
        // A dose before the latest one came back up (a later dose has been due since).
        all.push(Situation { dose: WhichDose::At(previous), vomited_after: Some(30), ..base });
    }
    all
}

/// Checks every safety property of one answer; returns a description of the first failure.
fn check(
    schedule: &Schedule,
    zone: &impl Zone,
    now: Instant,
    s: &Situation,
    rules: &Rules,
    answer: &Answer,
) -> Result<(), String> {
    let scheduled = schedule.instants_around(zone, now);
    let advice = answer.advice;
    if s.withdrawal_signs && !matches!(advice, Advice::Emergency(_)) {
        return Err("withdrawal signs were not an emergency".into());
    }
    if s.form == Form::Pump && matches!(advice, Advice::TakeNow { .. } | Advice::SkipAndTakeNextAt(_)) {
        return Err("a pump got oral dose advice".into());
    }
    if s.missed != Missed::One && matches!(advice, Advice::TakeNow { .. } | Advice::SkipAndTakeNextAt(_)) {
        return Err("several missed doses or running out did not escalate".into());
    }
    let first_after_now = *scheduled.iter().find(|d| **d > now).ok_or("no dose after now")?;
    // Fact sheet §13.1: every "ask" answer about oral doses carries the safe default, the next
    // usual dose; no other answer carries one.
    let oral_ask = matches!(advice, Advice::AskNow(_)) && s.form != Form::Pump;
    if oral_ask && answer.if_no_advice != Some(first_after_now) {
        return Err("an ask answer without the safe default at the next usual dose".into());
    }
    if !oral_ask && answer.if_no_advice.is_some() {
        return Err("a safe default on an answer that is not an oral ask".into());
    }
    // §13.1 (revised): an adult on a regular schedule (no gap under 4 hours) who missed one dose
    // and was not sick follows the NHS rule, whatever the number of doses a day.
    if s.person == Person::Adult
        && s.missed == Missed::One
        && s.vomited_after.is_none()
        && !s.withdrawal_signs
        && s.form != Form::Pump
        && schedule.shortest_gap() >= i64::from(rules.child_min_gap)
        && matches!(advice, Advice::AskNow(_))
    {
        return Err("a regular adult schedule was sent to ask instead of the NHS rule".into());
    }
    match advice {
        Advice::NextAtUsualTimeAndContactToday { next_dose_at } => {
            // §13.2: the next dose at its usual time, never extra, never now.
            if s.missed != Missed::TwoOrMoreInARow || next_dose_at != first_after_now {
                return Err("next-at-usual-time is not the first usual dose after now".into());
            }
            if answer.timeline.iter().any(|d| d.mark == DoseMark::TakeNow) {
                return Err("several missed doses: a dose was offered now".into());
            }
        }
        Advice::AskBeforeRestarting(_) => {
            if !matches!(s.missed, Missed::MoreThanADay | Missed::RanOut) {
                return Err("ask-before-restarting for a single or same-day miss".into());
            }
        }
        Advice::TakeNow { next_dose_at } => {
            let dose_at = answer.dose_at.ok_or("take-now without a dose")?;
            // Never a double dose: nothing else was due between the missed dose and now.
            if scheduled.iter().any(|d| *d > dose_at && *d <= now) {
                return Err("take-now although a later dose was already due".into());
            }
            let gap = now.minutes_until(next_dose_at);
            let needed = match s.person {
                Person::Adult => i64::from(rules.skip_window),
                Person::Child => i64::from(rules.child_min_gap),
            };
            if gap < needed {
                return Err(format!("next dose only {gap} minutes after the late dose (needs {needed})"));
            }
            let usual_next = *scheduled.iter().find(|d| **d > dose_at).unwrap();
            let moved = !scheduled.contains(&next_dose_at);
            if moved {
                let after = *scheduled.iter().find(|d| **d > usual_next).unwrap();
                if next_dose_at.minutes_until(after) < i64::from(rules.child_min_gap)
                    || s.person != Person::Child
                {
                    return Err("a moved dose crowds the dose after it".into());
                }
            }
            if !moved && next_dose_at != usual_next {
                return Err("the next dose is not the usual next dose".into());
            }
            // Never more doses in any 24 hours (starting at a scheduled dose) than the
            // prescription itself puts in those same hours.
            let mut plan: Vec<Instant> = scheduled.iter().copied().filter(|d| *d != dose_at).collect();
            if moved {
                plan.retain(|d| *d != usual_next);
                plan.push(next_dose_at);
            }
            plan.push(now);
            for start in &scheduled {
                let end = start.plus_minutes(MINUTES_PER_DAY);
                if end > *scheduled.last().unwrap() {
                    break;
                }
                let count = |list: &[Instant]| list.iter().filter(|d| *d >= start && *d < &end).count();
                if count(&plan) > count(&scheduled) {
                    return Err(format!("{} doses in the 24 hours from {start:?}", count(&plan)));
                }
            }
            // Never closer to the dose before than the schedule itself allows.
            let before = *scheduled.iter().rev().find(|d| **d < dose_at).unwrap();
            if before.minutes_until(now) < before.minutes_until(dose_at) {
                return Err("late dose closer to the previous dose than scheduled".into());
            }
        }
        Advice::SkipAndTakeNextAt(next) => {
            if next < now || !scheduled.contains(&next) {
                return Err("skip points at a time that is past or not scheduled".into());
            }
        }
        Advice::AskNow(_) | Advice::Emergency(_) => {}
    }
    Ok(())
}

fn sweep_zone_day(zone: impl Zone, change_day: Date) -> (u64, HashSet<RuleId>) {
    let mut answers = 0u64;
    let mut seen_rules = HashSet::new();
    // 48 hours: the day before the change day and the change day itself.
    let start = instant_at(&zone, change_day.plus_days(-1), ClockTime::MIDNIGHT);
    for shape in SHAPES {
        let times: Vec<ClockTime> = shape.iter().map(|s| ClockTime::parse(s).unwrap()).collect();
        let schedule = Schedule::from_times(&times, &LIMITS).unwrap();
        for skip_window in SKIP_WINDOWS {
            let rules = Rules { skip_window, child_min_gap: 240, child_vomit_window: 30, late_dose_note: 60 };
            for minute in 0..2 * MINUTES_PER_DAY {
                let now = start.plus_minutes(minute);
                let around = schedule.instants_around(&zone, now);
                let past = around.iter().rev().filter(|d| **d <= now);
                let (latest, previous) = {
                    let mut past = past.copied();
                    (past.next().unwrap(), past.next().unwrap())
                };
                for situation in situations(previous, latest, now) {
                    let answer = advise(Some(&schedule), &zone, now, &situation, &rules)
                        .unwrap_or_else(|e| panic!("{shape:?} at {now:?}: {situation:?} gave {e:?}"));
                    if let Err(problem) = check(&schedule, &zone, now, &situation, &rules, &answer) {
                        panic!("{problem}\n  schedule {shape:?}, now {now:?} ({change_day:?}), {situation:?}\n  {answer:?}");
                    }
                    seen_rules.insert(answer.rule);
                    answers += 1;
                }
            }
        }
    }
    (answers, seen_rules)
}

#[test]
fn every_answer_is_safe_for_every_minute_schedule_zone_and_rule() {
    let london = LONDON.precomputed(2025..=2027);
    let new_york = NEW_YORK.precomputed(2025..=2027);
    let india = FixedZone(330);
    let zone_days: [(&(dyn Zone + Sync), Date); 6] = [
        (&london, Date::new(2026, 11, 23).unwrap()),
        (&london, Date::new(2026, 3, 29).unwrap()),
        (&london, Date::new(2026, 10, 25).unwrap()),
        (&new_york, Date::new(2026, 3, 8).unwrap()),
        (&new_york, Date::new(2026, 11, 1).unwrap()),
        (&india, Date::new(2026, 11, 23).unwrap()),
    ];
    struct DynZone<'a>(&'a (dyn Zone + Sync));
    impl Zone for DynZone<'_> {
        fn offset_minutes(&self, at: Instant) -> i32 {
            self.0.offset_minutes(at)
        }
    }

    // One thread per zone and day: the machine has 2 cores and the sweep runs in `make test`.
    let results: Vec<(u64, HashSet<RuleId>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = zone_days
            .into_iter()
            .map(|(zone, change_day)| scope.spawn(move || sweep_zone_day(DynZone(zone), change_day)))
            .collect();
        workers.into_iter().map(|w| w.join().expect("a sweep thread panicked")).collect()
    });
    let answers: u64 = results.iter().map(|(count, _)| count).sum();
    let seen_rules: HashSet<RuleId> = results.into_iter().flat_map(|(_, rules)| rules).collect();
    assert!(answers > 1_000_000, "only {answers} answers checked");
    for rule in RuleId::ALL {
        assert!(seen_rules.contains(&rule), "the sweep never reached {rule:?}; reached {seen_rules:?}");
    }
    println!("{answers} answers checked; every rule reached");
}

#[test]
fn explicitly_chosen_doses_in_the_last_two_days_give_advice_or_a_typed_error() {
    let zone = LONDON;
    let schedule = Schedule::from_times(
        &[ClockTime::parse("08:00").unwrap(), ClockTime::parse("20:00").unwrap()],
        &LIMITS,
    )
    .unwrap();
    let rules = RULES;
    let start = instant_at(&zone, Date::new(2026, 3, 28).unwrap(), ClockTime::MIDNIGHT);
    for minute in (0..2 * MINUTES_PER_DAY).step_by(7) {
        let now = start.plus_minutes(minute);
        for candidate in (-3 * MINUTES_PER_DAY..MINUTES_PER_DAY).step_by(30) {
            let dose = WhichDose::At(now.plus_minutes(candidate));
            let situation = Situation { dose, ..Situation::one_missed(Person::Adult) };
            match advise(Some(&schedule), &zone, now, &situation, &rules) {
                Ok(answer) => check(&schedule, &zone, now, &situation, &rules, &answer).unwrap(),
                Err(AdviceError::DoseInTheFuture | AdviceError::NotAScheduledDose) => {}
                Err(other) => panic!("unexpected {other:?}"),
            }
        }
    }
}
