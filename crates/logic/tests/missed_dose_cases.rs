//! Worked cases from the sources (NHS, Medicines for Children) and the fact sheet's safety rules.

use baclofen_logic::missed_dose::*;
use baclofen_logic::schedule::Schedule;
use baclofen_logic::time::rule_zones::{LONDON, NEW_YORK};
use baclofen_logic::time::{instant_at, local_at, ClockTime, Date, FixedZone, Instant, Zone};

#[path = "common/fact_sheet.rs"]
mod fact_sheet;
use fact_sheet::{LIMITS, RULES};

fn t(text: &str) -> ClockTime {
    ClockTime::parse(text).unwrap()
}

fn schedule(times: &[&str]) -> Schedule {
    Schedule::from_times(&times.iter().map(|s| t(s)).collect::<Vec<_>>(), &LIMITS).unwrap()
}

fn day(d: u8) -> Date {
    Date::new(2026, 11, d).unwrap()
}

fn at(zone: &impl Zone, date: Date, time: &str) -> Instant {
    instant_at(zone, date, t(time))
}

fn ask(zone: &impl Zone, sched: &Schedule, now: Instant, s: Situation) -> Answer {
    advise(Some(sched), zone, now, &s, &RULES).unwrap()
}

const UTC: FixedZone = FixedZone(0);

#[test]
fn nhs_adult_take_it_when_remembered_and_keep_the_next_dose() {
    let s = schedule(&["08:00", "14:00", "20:00"]);
    let answer = ask(&UTC, &s, at(&UTC, day(23), "10:00"), Situation::one_missed(Person::Adult));
    assert_eq!(answer.advice, Advice::TakeNow { next_dose_at: at(&UTC, day(23), "14:00") });
    assert_eq!(answer.rule, RuleId::TakeWhenRemembered);
    assert_eq!(answer.dose_at, Some(at(&UTC, day(23), "08:00")));
    // Two hours late: the older one-hour rule would have said skip, so the answer says they differ.
    assert_eq!(answer.disagreement, Some(Disagreement::OneHourRule));
}

#[test]
fn nhs_adult_skip_when_the_next_dose_is_under_two_hours_away() {
    let s = schedule(&["08:00", "14:00", "20:00"]);
    let answer = ask(&UTC, &s, at(&UTC, day(23), "13:30"), Situation::one_missed(Person::Adult));
    assert_eq!(answer.advice, Advice::SkipAndTakeNextAt(at(&UTC, day(23), "14:00")));
    assert_eq!(answer.rule, RuleId::SkipNearNextDose);
}

#[test]
fn exactly_two_hours_before_the_next_dose_is_not_under_two_hours() {
    let s = schedule(&["08:00", "14:00", "20:00"]);
    let answer = ask(&UTC, &s, at(&UTC, day(23), "12:00"), Situation::one_missed(Person::Adult));
    assert_eq!(answer.advice, Advice::TakeNow { next_dose_at: at(&UTC, day(23), "14:00") });
    let answer = ask(&UTC, &s, at(&UTC, day(23), "12:01"), Situation::one_missed(Person::Adult));
    assert_eq!(answer.advice, Advice::SkipAndTakeNextAt(at(&UTC, day(23), "14:00")));
}

#[test]
fn within_the_hour_no_disagreement_is_shown() {
    let s = schedule(&["08:00", "14:00", "20:00"]);
    let answer = ask(&UTC, &s, at(&UTC, day(23), "08:45"), Situation::one_missed(Person::Adult));
    assert_eq!(answer.disagreement, None);
}

#[test]
fn midnight_crossing_due_at_22_remembered_at_01_30() {
    let s = schedule(&["08:00", "15:00", "22:00"]);
    let answer = ask(&LONDON, &s, at(&LONDON, day(24), "01:30"), Situation::one_missed(Person::Adult));
    assert_eq!(answer.dose_at, Some(at(&LONDON, day(23), "22:00")));
    assert_eq!(answer.advice, Advice::TakeNow { next_dose_at: at(&LONDON, day(24), "08:00") });
}

#[test]
fn child_give_it_then_wait_at_least_four_hours_moving_the_next_dose() {
    let s = schedule(&["08:00", "14:00", "20:00"]);
    let now = at(&UTC, day(23), "11:00");
    let answer = ask(&UTC, &s, now, Situation::one_missed(Person::Child));
    assert_eq!(answer.advice, Advice::TakeNow { next_dose_at: at(&UTC, day(23), "15:00") });
    assert_eq!(answer.rule, RuleId::ChildGiveThenWait);
    let marks: Vec<(String, DoseMark)> =
        answer.timeline.iter().map(|d| (local_at(&UTC, d.at).1.to_string(), d.mark)).collect();
    assert_eq!(
        marks,
        [
            ("20:00".to_string(), DoseMark::Scheduled),
            ("08:00".to_string(), DoseMark::Missed),
            ("11:00".to_string(), DoseMark::TakeNow),
            ("14:00".to_string(), DoseMark::MovedFrom),
            ("15:00".to_string(), DoseMark::Next),
            ("20:00".to_string(), DoseMark::Scheduled),
        ]
    );
}

#[test]
fn child_early_enough_keeps_the_usual_next_dose() {
    let s = schedule(&["08:00", "14:00", "20:00"]);
    let answer = ask(&UTC, &s, at(&UTC, day(23), "09:00"), Situation::one_missed(Person::Child));
    assert_eq!(answer.advice, Advice::TakeNow { next_dose_at: at(&UTC, day(23), "14:00") });
}

#[test]
fn child_close_to_the_next_dose_follows_nhs_and_says_the_sources_differ() {
    // Worked case from the product anchors: missed 08:00, now 13:30, next due 14:00.
    let s = schedule(&["08:00", "14:00", "20:00"]);
    let answer = ask(&UTC, &s, at(&UTC, day(23), "13:30"), Situation::one_missed(Person::Child));
    assert_eq!(answer.advice, Advice::SkipAndTakeNextAt(at(&UTC, day(23), "14:00")));
    assert_eq!(answer.disagreement, Some(Disagreement::ChildGiveAnyway));
}

#[test]
fn irregular_schedules_mean_ask_straight_away_never_a_dose_left_out_by_arithmetic() {
    // Fact sheet §13.1 (revised 2026-12-07): irregular schedules (here a 3-hour gap) → ask your
    // pharmacist, with the safe default. Four doses a day 4 hours apart no longer ask for an
    // adult (crates/logic/tests/missed_dose_revised.rs).
    let now = at(&UTC, day(23), "09:30");
    for person in [Person::Adult, Person::Child] {
        let answer = ask(&UTC, &schedule(&["08:00", "11:00", "20:00"]), now, Situation::one_missed(person));
        assert_eq!(answer.advice, Advice::AskNow(Reason::CloseDoses), "{person:?}");
        assert_eq!(answer.if_no_advice, Some(at(&UTC, day(23), "11:00")));
    }
}

#[test]
fn a_child_whose_late_dose_leaves_no_room_for_the_gap_is_told_to_ask_now() {
    // The late dose at 10:30 would need the 13:00 dose moved to 14:30, only 3.5 hours before 18:00.
    let s = schedule(&["08:00", "13:00", "18:00"]);
    let answer =
        advise(Some(&s), &UTC, at(&UTC, day(23), "10:30"), &Situation::one_missed(Person::Child), &RULES)
            .unwrap();
    assert_eq!(answer.advice, Advice::AskNow(Reason::CloseDoses));
    assert_eq!(answer.if_no_advice, Some(at(&UTC, day(23), "13:00")));
}

#[test]
fn child_sick_within_30_minutes_gets_the_same_dose_again() {
    let s = schedule(&["08:00", "14:00", "20:00"]);
    let sick = Situation { vomited_after: Some(20), ..Situation::one_missed(Person::Child) };
    let answer = ask(&UTC, &s, at(&UTC, day(23), "08:25"), sick);
    assert_eq!(answer.advice, Advice::TakeNow { next_dose_at: at(&UTC, day(23), "14:00") });
    assert_eq!(answer.rule, RuleId::ChildVomitedRepeat);
    // The day picture calls the 08:00 dose the one that came back up, never a missed one
    // (usability review: the vomiting route never says "missed").
    let marks: Vec<DoseMark> = answer.timeline.iter().map(|d| d.mark).collect();
    assert!(
        answer.timeline.iter().any(|d| d.at == at(&UTC, day(23), "08:00") && d.mark == DoseMark::CameBackUp),
        "{marks:?}"
    );
    assert!(!marks.contains(&DoseMark::Missed), "{marks:?}");
}

#[test]
fn child_sick_after_30_minutes_waits_for_the_next_dose() {
    let s = schedule(&["08:00", "14:00", "20:00"]);
    let sick = Situation { vomited_after: Some(45), ..Situation::one_missed(Person::Child) };
    let answer = ask(&UTC, &s, at(&UTC, day(23), "09:00"), sick);
    assert_eq!(answer.advice, Advice::SkipAndTakeNextAt(at(&UTC, day(23), "14:00")));
    assert_eq!(answer.rule, RuleId::ChildVomitedWait);
    let marks: Vec<DoseMark> = answer.timeline.iter().map(|d| d.mark).collect();
    assert!(marks.contains(&DoseMark::CameBackUp) && !marks.contains(&DoseMark::Missed), "{marks:?}");
}

#[test]
fn an_adult_who_was_sick_is_told_to_ask_because_no_source_gives_an_adult_rule() {
    let s = schedule(&["08:00", "14:00", "20:00"]);
    let sick = Situation { vomited_after: Some(10), ..Situation::one_missed(Person::Adult) };
    let answer = ask(&UTC, &s, at(&UTC, day(23), "08:30"), sick);
    assert_eq!(answer.advice, Advice::AskNow(Reason::VomitedAdult));
}

/// Independent tester, issue 29: a dose that came back up is never answered with the words of a
/// missed dose. Where the rules for a missed dose decide (the next dose under the NHS 2 hours away,
/// a later dose already due, doses too close for the Medicines for Children 4-hour gap), the
/// answer is the vomiting route's own rule, with the same advice.
#[test]
fn a_dose_that_came_back_up_gets_its_own_rule_wherever_a_missed_dose_rule_would_decide() {
    let s = schedule(&["08:00", "14:00", "20:00"]);
    // Sick 20 minutes after 08:00 (within 30: MFC would repeat), asked at 12:30, 1.5 hours before
    // the 14:00 dose (NHS: under 2 hours): not given again, next at the usual time.
    let sick = Situation { vomited_after: Some(20), ..Situation::one_missed(Person::Child) };
    let answer = ask(&UTC, &s, at(&UTC, day(23), "12:30"), sick);
    assert_eq!(answer.advice, Advice::SkipAndTakeNextAt(at(&UTC, day(23), "14:00")));
    assert_eq!(answer.rule, RuleId::VomitedNearNextDose);
    assert_eq!(answer.disagreement, Some(Disagreement::ChildRepeatAnyway));
    assert!(answer.rule.came_back_up());
    // The 08:00 dose came back up and the 14:00 dose has been due since: not taken again.
    for person in [Person::Adult, Person::Child] {
        let chosen = Situation {
            dose: WhichDose::At(at(&UTC, day(23), "08:00")),
            vomited_after: Some(20),
            ..Situation::one_missed(person)
        };
        let answer = ask(&UTC, &s, at(&UTC, day(23), "15:00"), chosen);
        assert_eq!(answer.advice, Advice::SkipAndTakeNextAt(at(&UTC, day(23), "20:00")));
        assert_eq!(answer.rule, RuleId::VomitedLaterDoseAlreadyDue);
    }
    // A child on four doses 4 hours apart (no room for the 4-hour gap): ask straight away, with
    // the safe default at the next usual dose (§13.1).
    let four = schedule(&["08:00", "12:00", "16:00", "20:00"]);
    let answer = ask(&UTC, &four, at(&UTC, day(23), "08:30"), sick);
    assert_eq!(answer.advice, Advice::AskNow(Reason::CloseDoses));
    assert_eq!(answer.rule, RuleId::VomitedCloseDoses);
    assert_eq!(answer.if_no_advice, Some(at(&UTC, day(23), "12:00")));
    // And the missed route keeps its own rules.
    let missed = Situation::one_missed(Person::Child);
    assert_eq!(ask(&UTC, &four, at(&UTC, day(23), "08:30"), missed).rule, RuleId::CloseDoses);
    assert!(!RuleId::CloseDoses.came_back_up() && !RuleId::SkipNearNextDose.came_back_up());
}

#[test]
fn two_missed_today_take_the_next_as_usual_and_run_out_asks_before_restarting() {
    // Fact sheet §13.2 (revised 2026-12-07): see crates/logic/tests/missed_dose_revised.rs.
    let s = schedule(&["08:00", "14:00", "20:00"]);
    let now = at(&UTC, day(23), "10:00");
    for person in [Person::Adult, Person::Child] {
        let several = Situation { missed: Missed::TwoOrMoreInARow, ..Situation::one_missed(person) };
        assert_eq!(
            ask(&UTC, &s, now, several).advice,
            Advice::NextAtUsualTimeAndContactToday { next_dose_at: at(&UTC, day(23), "14:00") }
        );
        let ran_out = Situation { missed: Missed::RanOut, ..Situation::one_missed(person) };
        assert_eq!(ask(&UTC, &s, now, ran_out).advice, Advice::AskBeforeRestarting(Reason::RanOut));
    }
}

#[test]
fn a_pump_never_gets_oral_dose_arithmetic() {
    let s = schedule(&["08:00", "14:00", "20:00"]);
    let pump = Situation { form: Form::Pump, ..Situation::one_missed(Person::Adult) };
    let answer = ask(&UTC, &s, at(&UTC, day(23), "10:00"), pump);
    assert_eq!(answer.advice, Advice::AskNow(Reason::Pump));
    assert!(answer.timeline.is_empty());
}

#[test]
fn withdrawal_signs_are_an_emergency_whatever_else_is_true() {
    let s = schedule(&["08:00", "14:00", "20:00"]);
    for form in [Form::Tablet, Form::Liquid, Form::Granules, Form::Pump] {
        let signs = Situation { form, withdrawal_signs: true, ..Situation::one_missed(Person::Child) };
        let answer = ask(&UTC, &s, at(&UTC, day(23), "10:00"), signs);
        assert_eq!(answer.advice, Advice::Emergency(Reason::WithdrawalSigns));
    }
}

#[test]
fn a_dose_whose_successor_is_already_due_is_left_out() {
    let s = schedule(&["08:00", "14:00", "20:00"]);
    let chosen =
        Situation { dose: WhichDose::At(at(&UTC, day(23), "08:00")), ..Situation::one_missed(Person::Adult) };
    let answer = ask(&UTC, &s, at(&UTC, day(23), "15:00"), chosen);
    assert_eq!(answer.advice, Advice::SkipAndTakeNextAt(at(&UTC, day(23), "20:00")));
    assert_eq!(answer.rule, RuleId::LaterDoseAlreadyDue);
}

#[test]
fn bad_questions_get_typed_errors() {
    let s = schedule(&["08:00", "14:00", "20:00"]);
    let now = at(&UTC, day(23), "10:00");
    let future =
        Situation { dose: WhichDose::At(at(&UTC, day(23), "14:00")), ..Situation::one_missed(Person::Adult) };
    assert_eq!(advise(Some(&s), &UTC, now, &future, &RULES), Err(AdviceError::DoseInTheFuture));
    let odd =
        Situation { dose: WhichDose::At(at(&UTC, day(23), "09:00")), ..Situation::one_missed(Person::Adult) };
    assert_eq!(advise(Some(&s), &UTC, now, &odd, &RULES), Err(AdviceError::NotAScheduledDose));
    let sick_later = Situation { vomited_after: Some(180), ..Situation::one_missed(Person::Child) };
    assert_eq!(advise(Some(&s), &UTC, now, &sick_later, &RULES), Err(AdviceError::VomitedAfterNow));
}

#[test]
fn real_instants_across_the_uk_autumn_change() {
    // 25 Oct 2026: 01:00–02:00 happens twice. Doses every 8 hours from 03:00.
    let s = schedule(&["03:00", "11:00", "19:00"]);
    let date = Date::new(2026, 10, 25).unwrap();
    // The first 01:15 (summer time) is 165 real minutes before 03:00 (winter time): take it.
    let first = at(&LONDON, date, "01:15");
    let answer = ask(&LONDON, &s, first, Situation::one_missed(Person::Adult));
    assert_eq!(answer.advice, Advice::TakeNow { next_dose_at: at(&LONDON, date, "03:00") });
    // The second 01:15 is 105 minutes before it: leave it out.
    let second = first.plus_minutes(60);
    assert_eq!(local_at(&LONDON, second).1, t("01:15"));
    let answer = ask(&LONDON, &s, second, Situation::one_missed(Person::Adult));
    assert_eq!(answer.advice, Advice::SkipAndTakeNextAt(at(&LONDON, date, "03:00")));
}

#[test]
fn real_instants_across_the_us_spring_change() {
    // New York, 8 Mar 2026: clocks jump from 02:00 to 03:00.
    let s = schedule(&["04:00", "12:00", "20:00"]);
    let date = Date::new(2026, 3, 8).unwrap();
    // At 01:30 the 04:00 dose is only 90 real minutes away (clock faces say 150): leave it out.
    let answer = ask(&NEW_YORK, &s, at(&NEW_YORK, date, "01:30"), Situation::one_missed(Person::Adult));
    assert_eq!(answer.advice, Advice::SkipAndTakeNextAt(at(&NEW_YORK, date, "04:00")));
}

#[test]
fn a_pump_needs_no_schedule_but_oral_forms_do() {
    let now = at(&UTC, day(23), "10:00");
    let pump = Situation { form: Form::Pump, ..Situation::one_missed(Person::Adult) };
    assert_eq!(advise(None, &UTC, now, &pump, &RULES).unwrap().advice, Advice::AskNow(Reason::Pump));
    assert_eq!(
        advise(None, &UTC, now, &Situation::one_missed(Person::Adult), &RULES),
        Err(AdviceError::NoSchedule)
    );
}

#[test]
fn the_sources_differ_note_follows_the_late_dose_limit_it_is_given() {
    // WHMD's older rule: a dose more than 1 hour late is left out. At 09:00 the 08:00 dose is
    // exactly 1 hour late (no note); at 09:01 it is past it (the note).
    let s = schedule(&["08:00", "14:00", "20:00"]);
    let on_time = ask(&UTC, &s, at(&UTC, day(23), "09:00"), Situation::one_missed(Person::Adult));
    assert_eq!(on_time.disagreement, None);
    let late = ask(&UTC, &s, at(&UTC, day(23), "09:01"), Situation::one_missed(Person::Adult));
    assert_eq!(late.disagreement, Some(Disagreement::OneHourRule));
    // The limit comes from the content, not from the engine.
    let rules = Rules { late_dose_note: 90, ..RULES };
    let answer =
        advise(Some(&s), &UTC, at(&UTC, day(23), "09:15"), &Situation::one_missed(Person::Adult), &rules)
            .unwrap();
    assert_eq!(answer.disagreement, None);
}
