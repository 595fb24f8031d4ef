//! The missed-dose rules as the fact sheet revised them on 2026-12-07 (§13.1, §13.2; clinical
//! review M4, M5, M7), written from the fact sheet before the engine was changed.
//!
//! - §13.1: adults on four doses a day follow the NHS 2-hour rule (NHS-HOW makes no exception by
//!   dose count). "Ask your pharmacist" remains for a child whose 4-hour gap cannot fit and for
//!   irregular schedules, and every "ask" answer carries a safe default: if advice cannot be had
//!   before the next dose is due, leave out the missed dose and take the next one at the usual time.
//! - §13.2 (proposed rule, needs sign-off): doses missed within the last day → take the next dose
//!   at the usual time (never extra) and contact the prescriber or pharmacist today; more than a
//!   day's doses missed, or run out → ask before restarting.

use baclofen_logic::missed_dose::*;
use baclofen_logic::schedule::Schedule;
use baclofen_logic::time::{instant_at, ClockTime, Date, FixedZone, Instant};

#[path = "common/fact_sheet.rs"]
mod fact_sheet;
use fact_sheet::{LIMITS, RULES};

const UTC: FixedZone = FixedZone(0);

fn t(text: &str) -> ClockTime {
    ClockTime::parse(text).unwrap()
}

fn schedule(times: &[&str]) -> Schedule {
    Schedule::from_times(&times.iter().map(|s| t(s)).collect::<Vec<_>>(), &LIMITS).unwrap()
}

fn at(time: &str) -> Instant {
    instant_at(&UTC, Date::new(2026, 12, 7).unwrap(), t(time))
}

fn ask(sched: &Schedule, now: &str, s: Situation) -> Answer {
    advise(Some(sched), &UTC, at(now), &s, &RULES).unwrap()
}

const QDS: [&str; 4] = ["08:00", "12:00", "16:00", "20:00"];

#[test]
fn m4_an_adult_on_four_doses_a_day_takes_the_missed_dose_when_two_hours_or_more_remain() {
    // NHS-HOW: take it when remembered unless the next dose is due in less than 2 hours.
    let s = schedule(&QDS);
    let answer = ask(&s, "09:30", Situation::one_missed(Person::Adult));
    assert_eq!(answer.advice, Advice::TakeNow { next_dose_at: at("12:00") });
    // Exactly 2 hours before the next dose is not "less than 2 hours".
    let answer = ask(&s, "10:00", Situation::one_missed(Person::Adult));
    assert_eq!(answer.advice, Advice::TakeNow { next_dose_at: at("12:00") });
}

#[test]
fn m4_an_adult_on_four_doses_a_day_leaves_it_out_under_two_hours_before_the_next() {
    let s = schedule(&QDS);
    let answer = ask(&s, "10:01", Situation::one_missed(Person::Adult));
    assert_eq!(answer.advice, Advice::SkipAndTakeNextAt(at("12:00")));
    let answer = ask(&s, "11:45", Situation::one_missed(Person::Adult));
    assert_eq!(answer.advice, Advice::SkipAndTakeNextAt(at("12:00")));
}

#[test]
fn m4_a_child_on_four_doses_a_day_whose_four_hour_gap_cannot_fit_is_told_to_ask_with_the_safe_default() {
    // MFC: give it, then wait at least 4 hours. Given at 09:30, the next could not be before
    // 13:30, which leaves only 2.5 hours before 16:00: the gap cannot fit.
    let s = schedule(&QDS);
    let answer = ask(&s, "09:30", Situation::one_missed(Person::Child));
    assert!(matches!(answer.advice, Advice::AskNow(_)), "{:?}", answer.advice);
    // The safe default: leave out the missed dose and take the next one at the usual time.
    assert_eq!(answer.if_no_advice, Some(at("12:00")));
    // Doses exactly 4 hours apart: the gap can never fit, so ask at any time, with the same default.
    let answer = ask(&s, "11:00", Situation::one_missed(Person::Child));
    assert!(matches!(answer.advice, Advice::AskNow(_)), "{:?}", answer.advice);
    assert_eq!(answer.if_no_advice, Some(at("12:00")));
}

#[test]
fn m4_a_child_on_four_doses_a_day_whose_gap_fits_is_given_the_dose() {
    // Doses 5 hours apart: given at 06:30, the next (11:00) is 4.5 hours later (MFC: at least 4).
    let s = schedule(&["06:00", "11:00", "16:00", "21:00"]);
    let answer = ask(&s, "06:30", Situation::one_missed(Person::Child));
    assert_eq!(answer.advice, Advice::TakeNow { next_dose_at: at("11:00") });
}

#[test]
fn m4_every_ask_answer_for_tablets_or_liquid_carries_the_safe_default_at_the_next_usual_dose() {
    let cases: [(&[&str], &str, Situation); 3] = [
        // An adult who was sick after a dose (no adult source): ask, or leave it out.
        (
            &["08:00", "14:00", "20:00"],
            "08:30",
            Situation { vomited_after: Some(10), ..Situation::one_missed(Person::Adult) },
        ),
        // An irregular schedule (doses 3 hours apart, then 9).
        (&["08:00", "11:00", "20:00"], "09:30", Situation::one_missed(Person::Adult)),
        // A child whose gap cannot fit.
        (&QDS, "09:30", Situation::one_missed(Person::Child)),
    ];
    for (times, now, situation) in cases {
        let s = schedule(times);
        let answer = ask(&s, now, situation);
        assert!(matches!(answer.advice, Advice::AskNow(_)), "{times:?} {now}: {:?}", answer.advice);
        let next = *s.instants_around(&UTC, at(now)).iter().find(|d| **d > at(now)).expect("a next dose");
        assert_eq!(answer.if_no_advice, Some(next), "{times:?} {now}");
    }
}

#[test]
fn m4_answers_that_are_not_ask_answers_carry_no_separate_default() {
    let s = schedule(&["08:00", "14:00", "20:00"]);
    assert_eq!(ask(&s, "10:00", Situation::one_missed(Person::Adult)).if_no_advice, None);
}

#[test]
fn m5_doses_missed_within_the_last_day_take_the_next_dose_at_the_usual_time_never_extra() {
    // §13.2: take the next dose at the usual time (never extra) and contact today.
    let s = schedule(&["08:00", "14:00", "20:00"]);
    for person in [Person::Adult, Person::Child] {
        let several = Situation { missed: Missed::TwoOrMoreInARow, ..Situation::one_missed(person) };
        let answer = ask(&s, "15:00", several);
        assert_eq!(answer.advice, Advice::NextAtUsualTimeAndContactToday { next_dose_at: at("20:00") });
        // Nothing is taken now: the timeline has no "take now" mark.
        assert!(answer.timeline.iter().all(|d| d.mark != DoseMark::TakeNow));
    }
}

#[test]
fn m5_more_than_a_days_doses_missed_or_run_out_means_ask_before_restarting() {
    let s = schedule(&["08:00", "14:00", "20:00"]);
    for (missed, reason) in [(Missed::MoreThanADay, Reason::SeveralMissed), (Missed::RanOut, Reason::RanOut)]
    {
        for person in [Person::Adult, Person::Child] {
            let answer = ask(&s, "10:00", Situation { missed, ..Situation::one_missed(person) });
            assert_eq!(answer.advice, Advice::AskBeforeRestarting(reason), "{missed:?} {person:?}");
            assert!(answer.timeline.iter().all(|d| d.mark != DoseMark::TakeNow));
        }
    }
}

#[test]
fn m5_withdrawal_signs_still_outrank_every_missed_count() {
    let s = schedule(&["08:00", "14:00", "20:00"]);
    for missed in [Missed::One, Missed::TwoOrMoreInARow, Missed::MoreThanADay, Missed::RanOut] {
        let signs = Situation { missed, withdrawal_signs: true, ..Situation::one_missed(Person::Adult) };
        assert_eq!(ask(&s, "10:00", signs).advice, Advice::Emergency(Reason::WithdrawalSigns));
    }
}

#[test]
fn m7_a_skip_window_shorter_than_the_nhs_two_hours_is_never_used() {
    // A clinic may lengthen the window (more cautious), never shorten it below 120 minutes.
    assert_eq!(effective_skip_window(60, &RULES), RULES.skip_window);
    assert_eq!(effective_skip_window(119, &RULES), RULES.skip_window);
    assert_eq!(effective_skip_window(180, &RULES), 180);
    assert_eq!(effective_skip_window(120, &RULES), 120);
    // The fact sheet's own rule (NHS-HOW): two hours, checked at compile time.
    const { assert!(RULES.skip_window >= 120) };
}
