//! The missed-dose helper: from a schedule, the situation and the current instant, decide
//! whether to take the missed dose now, leave it out, or get advice. Never a double dose.
//!
//! Rules used (numbers come from the app's `content/missed-dose.toml`):
//! - NHS (adults and children): take it when you remember, unless the next dose is due within
//!   the skip window (2 hours) — then leave it out. Never take two doses together.
//! - Medicines for Children: after a late dose, wait at least 4 hours before the next one;
//!   sick within 30 minutes of a dose → give the same dose again.
//! - Fact sheet §13.2 (revised 2026-12-07, proposed rule): doses missed within the last day →
//!   take the next dose at the usual time (never extra) and contact the prescriber or pharmacist
//!   today; more than a day's doses missed, or run out → ask before restarting; withdrawal signs →
//!   emergency. A pump never gets oral arithmetic: call the pump team now.
//! - Fact sheet §13.1 (revised 2026-12-07): the NHS 2-hour rule for adults whatever the number of
//!   doses a day. Doses closer together than the child's gap (an irregular schedule), a child's
//!   late dose when the gap cannot fit, and an adult who was sick after a dose (no source gives an
//!   adult rule) → ask a pharmacist or prescriber straight away, and every such answer carries the
//!   safe default ([`Answer::if_no_advice`]): if advice cannot be had before the next dose is due,
//!   leave out the missed dose and take the next one at the usual time.
//! - A clinic may lengthen the skip window, never shorten it below the content's (NHS) window
//!   ([`effective_skip_window`]).

use crate::schedule::Schedule;
use crate::time::{Instant, Zone};

/// The numbers behind the rules, validated at build time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_logic::missed_dose))]
pub struct Rules {
    /// Leave the missed dose out if the next one is due in less than this many minutes.
    pub skip_window: u16,
    /// A child's next dose comes at least this many minutes after a late dose.
    pub child_min_gap: u16,
    /// A child sick within this many minutes of a dose gets the same dose again.
    pub child_vomit_window: u16,
    /// An adult's dose later than this many minutes: an older US guide would leave it out, so
    /// the answer says where the sources differ.
    pub late_dose_note: u16,
}

/// The skip window to use when a clinic chose `clinic_minutes`: longer (more cautious) is allowed,
/// shorter than the content's window (the NHS 2 hours) never is (clinical review M7).
pub fn effective_skip_window(clinic_minutes: u16, rules: &Rules) -> u16 {
    clinic_minutes.max(rules.skip_window)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Form {
    Tablet,
    Liquid,
    Granules,
    /// Intrathecal pump: doses are not taken by mouth.
    Pump,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Person {
    Adult,
    Child,
}

/// Which scheduled dose the question is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WhichDose {
    /// The latest scheduled dose at or before now.
    LatestDue,
    /// A particular scheduled dose.
    At(Instant),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Missed {
    /// Just this dose.
    One,
    /// This dose and the one before it, or more, all within the last day.
    TwoOrMoreInARow,
    /// More than a day's doses.
    MoreThanADay,
    /// The medicine has run out.
    RanOut,
}

/// Everything the person tells the helper.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Situation {
    pub form: Form,
    pub person: Person,
    pub dose: WhichDose,
    pub missed: Missed,
    /// The dose was taken but brought back up this many minutes later.
    pub vomited_after: Option<u16>,
    /// Fever, confusion, seeing things, fits or much worse stiffness since doses were missed.
    pub withdrawal_signs: bool,
}

impl Situation {
    /// The commonest case and the base for the others: one tablet dose missed (the latest one
    /// due), not brought back up, no withdrawal signs.
    pub fn one_missed(person: Person) -> Situation {
        Situation {
            form: Form::Tablet,
            person,
            dose: WhichDose::LatestDue,
            missed: Missed::One,
            vomited_after: None,
            withdrawal_signs: false,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Advice {
    /// Take the missed dose now, then the next one at `next_dose_at`.
    TakeNow {
        next_dose_at: Instant,
    },
    /// Leave the missed dose out; take the next one at this (usual) time.
    SkipAndTakeNextAt(Instant),
    /// Ask a pharmacist, prescriber or pump team (straight away; the pump team now), before any
    /// more doses. [`Answer::if_no_advice`] carries the safe default for tablets and liquids.
    AskNow(Reason),
    /// Doses missed within the last day: take the next one at its usual time (never extra), and
    /// contact the prescriber or pharmacist today.
    NextAtUsualTimeAndContactToday {
        next_dose_at: Instant,
    },
    /// More than a day's doses missed, or run out: contact the prescriber or pharmacist today and
    /// ask before restarting.
    AskBeforeRestarting(Reason),
    Emergency(Reason),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reason {
    SeveralMissed,
    RanOut,
    /// A pump user: pump guidance, never oral dose arithmetic.
    Pump,
    /// An adult was sick after a dose: no source gives an adult rule.
    VomitedAdult,
    WithdrawalSigns,
    /// Doses closer together than the child's gap, or no room for a child's gap.
    CloseDoses,
}

/// The rule that decided the answer; the app shows its wording and sources from content/.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RuleId {
    TakeWhenRemembered,
    SkipNearNextDose,
    ChildGiveThenWait,
    /// Gaps under the child's minimum gap (an irregular schedule), or no room for that gap after
    /// a child's late dose: ask straight away (fact sheet §13.1), with the safe default.
    CloseDoses,
    LaterDoseAlreadyDue,
    ChildVomitedRepeat,
    ChildVomitedWait,
    AdultVomited,
    /// A child's dose came back up soon enough to repeat it, but the next dose is due within the
    /// skip window: not given again (the vomiting route's words for [`RuleId::SkipNearNextDose`]).
    VomitedNearNextDose,
    /// A dose came back up and a later dose has been due since: not taken again (the vomiting
    /// route's words for [`RuleId::LaterDoseAlreadyDue`]).
    VomitedLaterDoseAlreadyDue,
    /// A dose came back up on a schedule with doses too close for a safe rule: ask straight away
    /// (the vomiting route's words for [`RuleId::CloseDoses`]).
    VomitedCloseDoses,
    SeveralMissed,
    MoreThanADay,
    RanOut,
    Pump,
    WithdrawalSigns,
}

impl RuleId {
    pub const ALL: [RuleId; 16] = [
        RuleId::TakeWhenRemembered,
        RuleId::SkipNearNextDose,
        RuleId::ChildGiveThenWait,
        RuleId::CloseDoses,
        RuleId::LaterDoseAlreadyDue,
        RuleId::ChildVomitedRepeat,
        RuleId::ChildVomitedWait,
        RuleId::AdultVomited,
        RuleId::VomitedNearNextDose,
        RuleId::VomitedLaterDoseAlreadyDue,
        RuleId::VomitedCloseDoses,
        RuleId::SeveralMissed,
        RuleId::MoreThanADay,
        RuleId::RanOut,
        RuleId::Pump,
        RuleId::WithdrawalSigns,
    ];

    /// How soon the answer of this rule asks the person to act, in the one timing vocabulary
    /// (fact sheet §11 design notes): `Some(Now)` for the emergency number or the pump team now;
    /// `Some(StraightAway)` for a pharmacist or prescriber before the next dose is due;
    /// `Some(Today)` to contact the prescriber or pharmacist today;
    /// `None` when the person can act on the answer themselves. The wording in content/ must say
    /// the same (checked at build time).
    pub fn timing(self) -> Option<crate::red_flags::Timing> {
        use crate::red_flags::Timing;
        match self {
            RuleId::WithdrawalSigns | RuleId::Pump => Some(Timing::Now),
            RuleId::CloseDoses | RuleId::AdultVomited | RuleId::VomitedCloseDoses => {
                Some(Timing::StraightAway)
            }
            RuleId::SeveralMissed | RuleId::MoreThanADay | RuleId::RanOut => Some(Timing::Today),
            RuleId::TakeWhenRemembered
            | RuleId::SkipNearNextDose
            | RuleId::ChildGiveThenWait
            | RuleId::LaterDoseAlreadyDue
            | RuleId::ChildVomitedRepeat
            | RuleId::ChildVomitedWait
            | RuleId::VomitedNearNextDose
            | RuleId::VomitedLaterDoseAlreadyDue => None,
        }
    }

    /// Whether the rule answers about a dose that was taken and came back up (vomited), never a
    /// missed one: its words, notes and safe default speak of that dose (issue 29).
    pub fn came_back_up(self) -> bool {
        matches!(
            self,
            RuleId::ChildVomitedRepeat
                | RuleId::ChildVomitedWait
                | RuleId::AdultVomited
                | RuleId::VomitedNearNextDose
                | RuleId::VomitedLaterDoseAlreadyDue
                | RuleId::VomitedCloseDoses
        )
    }

    /// The id used for this rule in `content/missed-dose.toml`.
    pub fn key(self) -> &'static str {
        match self {
            RuleId::TakeWhenRemembered => "take-when-remembered",
            RuleId::SkipNearNextDose => "skip-near-next-dose",
            RuleId::ChildGiveThenWait => "child-give-then-wait",
            RuleId::CloseDoses => "close-doses",
            RuleId::LaterDoseAlreadyDue => "later-dose-already-due",
            RuleId::ChildVomitedRepeat => "child-vomited-repeat",
            RuleId::ChildVomitedWait => "child-vomited-wait",
            RuleId::AdultVomited => "adult-vomited",
            RuleId::VomitedNearNextDose => "vomited-near-next-dose",
            RuleId::VomitedLaterDoseAlreadyDue => "vomited-later-dose-already-due",
            RuleId::VomitedCloseDoses => "vomited-close-doses",
            RuleId::SeveralMissed => "several-missed",
            RuleId::MoreThanADay => "more-than-a-day",
            RuleId::RanOut => "ran-out",
            RuleId::Pump => "pump",
            RuleId::WithdrawalSigns => "withdrawal-signs",
        }
    }
}

/// Where the sources disagree about this case; the app says so in one line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Disagreement {
    /// Medicines for Children would give a child's late dose even this close to the next one.
    ChildGiveAnyway,
    /// An older US source says to leave out any dose more than an hour late.
    OneHourRule,
    /// Medicines for Children would give a child's dose again (sick within its window) even this
    /// close to the next one.
    ChildRepeatAnyway,
}

impl Disagreement {
    pub const ALL: [Disagreement; 3] =
        [Disagreement::ChildGiveAnyway, Disagreement::OneHourRule, Disagreement::ChildRepeatAnyway];

    pub fn key(self) -> &'static str {
        match self {
            Disagreement::ChildGiveAnyway => "child-give-anyway",
            Disagreement::OneHourRule => "one-hour-rule",
            Disagreement::ChildRepeatAnyway => "child-repeat-anyway",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DoseMark {
    /// A scheduled dose, taken (or to be taken) as usual.
    Scheduled,
    /// The dose this question is about, missed.
    Missed,
    /// The dose this question is about, taken but brought back up (vomited): never called
    /// "missed" (issue 29).
    CameBackUp,
    /// Take the missed dose now.
    TakeNow,
    /// The next dose to take.
    Next,
    /// Where the next dose was before it was moved later.
    MovedFrom,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TimelineDose {
    pub at: Instant,
    pub mark: DoseMark,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    pub advice: Advice,
    pub rule: RuleId,
    /// The scheduled time of the dose the question is about (none for a pump).
    pub dose_at: Option<Instant>,
    pub disagreement: Option<Disagreement>,
    /// Doses around the answer, in time order, for the day picture.
    pub timeline: Vec<TimelineDose>,
    /// For an "ask" answer about tablets, liquid or granules: the safe default if no advice can
    /// be had before the next dose is due — leave out the missed dose and take the next one at
    /// this usual time (fact sheet §13.1). `None` for every other answer.
    pub if_no_advice: Option<Instant>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AdviceError {
    /// The chosen dose is later than now.
    DoseInTheFuture,
    /// The chosen instant is not one of the scheduled doses.
    NotAScheduledDose,
    /// Sick more minutes after the dose than have passed since it.
    VomitedAfterNow,
    /// Tablets, liquid or granules need the dose times.
    NoSchedule,
}

/// Decides what to do. Pure: same inputs, same answer.
/// `schedule` may be `None` only for a pump, which has no oral doses.
pub fn advise(
    schedule: Option<&Schedule>,
    zone: &impl Zone,
    now: Instant,
    situation: &Situation,
    rules: &Rules,
) -> Result<Answer, AdviceError> {
    let plain = |advice, rule| Answer {
        advice,
        rule,
        dose_at: None,
        disagreement: None,
        timeline: Vec::new(),
        if_no_advice: None,
    };
    // Withdrawal signs outrank everything, whatever the form (fact sheet §11 rows 4–6, C1, C2).
    if situation.withdrawal_signs {
        return Ok(plain(Advice::Emergency(Reason::WithdrawalSigns), RuleId::WithdrawalSigns));
    }
    if situation.form == Form::Pump {
        return Ok(plain(Advice::AskNow(Reason::Pump), RuleId::Pump));
    }

    let Some(schedule) = schedule else {
        return Err(AdviceError::NoSchedule);
    };
    let doses = schedule.instants_around(zone, now);
    let dose_at = match situation.dose {
        WhichDose::LatestDue => *doses.iter().rev().find(|d| **d <= now).expect("a dose within the last day"),
        WhichDose::At(at) if at > now => return Err(AdviceError::DoseInTheFuture),
        WhichDose::At(at) if !doses.contains(&at) => return Err(AdviceError::NotAScheduledDose),
        WhichDose::At(at) => at,
    };
    if let Some(minutes) = situation.vomited_after {
        if i64::from(minutes) > dose_at.minutes_until(now) {
            return Err(AdviceError::VomitedAfterNow);
        }
    }
    let after = |t: Instant| *doses.iter().find(|d| **d > t).expect("a dose within the next day");
    // The next usual dose from now: the safe default of every "ask" answer (§13.1).
    let next_usual = after(now);
    let ask_now = |reason, rule| Answer {
        advice: Advice::AskNow(reason),
        rule,
        dose_at: Some(dose_at),
        disagreement: None,
        timeline: Vec::new(),
        if_no_advice: Some(next_usual),
    };
    // Fact sheet §13.2: say plainly whether to take the next dose. Never a dose now.
    match situation.missed {
        Missed::TwoOrMoreInARow => {
            let mut answer = plain(
                Advice::NextAtUsualTimeAndContactToday { next_dose_at: next_usual },
                RuleId::SeveralMissed,
            );
            answer.timeline = vec![TimelineDose { at: next_usual, mark: DoseMark::Next }];
            return Ok(answer);
        }
        Missed::MoreThanADay => {
            return Ok(plain(Advice::AskBeforeRestarting(Reason::SeveralMissed), RuleId::MoreThanADay))
        }
        Missed::RanOut => return Ok(plain(Advice::AskBeforeRestarting(Reason::RanOut), RuleId::RanOut)),
        Missed::One => {}
    }
    // Doses closer than the child's gap (an irregular schedule), or a child whose doses are no
    // more than the gap apart (four a day, 4 hours apart: a late dose can never leave the gap
    // before the next without crowding the one after): no source gives a safe rule, so a
    // professional decides (fact sheet §13.1: "ask remains for a child whose 4-hour gap cannot
    // fit, and for irregular schedules"), with the safe default.
    // On the vomiting route each answer has its own words, about the dose that came back up.
    let came_back_up = situation.vomited_after.is_some();
    let close_doses = if came_back_up { RuleId::VomitedCloseDoses } else { RuleId::CloseDoses };
    let gap = i64::from(rules.child_min_gap);
    let shortest = schedule.shortest_gap();
    if shortest < gap || (situation.person == Person::Child && shortest <= gap) {
        return Ok(ask_now(Reason::CloseDoses, close_doses));
    }

    let next = after(dose_at);
    let upcoming = if next < now { after(now) } else { next };
    // The day picture: the dose before the missed one, through the dose after the next.
    let previous = doses.iter().rev().find(|d| **d < dose_at);
    let last = after(upcoming);
    let answer = |advice, rule, disagreement, marks: &[TimelineDose]| {
        let mut timeline: Vec<TimelineDose> = previous
            .into_iter()
            .chain(doses.iter().filter(|d| **d >= dose_at && **d <= last))
            .map(|at| TimelineDose {
                at: *at,
                mark: match (*at == dose_at, situation.vomited_after.is_some()) {
                    (true, true) => DoseMark::CameBackUp,
                    (true, false) => DoseMark::Missed,
                    (false, _) => DoseMark::Scheduled,
                },
            })
            .collect();
        for mark in marks {
            match timeline.iter_mut().find(|d| d.at == mark.at && d.mark == DoseMark::Scheduled) {
                Some(scheduled) => scheduled.mark = mark.mark,
                None => timeline.push(*mark),
            }
        }
        crate::sort_small_by_key(&mut timeline, |d| d.at);
        Ok(Answer { advice, rule, dose_at: Some(dose_at), disagreement, timeline, if_no_advice: None })
    };
    let next_mark = |at| TimelineDose { at, mark: DoseMark::Next };

    // A later dose has come due since: the missed one is out of date.
    if next <= now {
        let rule =
            if came_back_up { RuleId::VomitedLaterDoseAlreadyDue } else { RuleId::LaterDoseAlreadyDue };
        return answer(Advice::SkipAndTakeNextAt(upcoming), rule, None, &[next_mark(upcoming)]);
    }

    let vomited = situation.vomited_after;
    match (situation.person, vomited) {
        (Person::Adult, Some(_)) => Ok(ask_now(Reason::VomitedAdult, RuleId::AdultVomited)),
        (Person::Child, Some(minutes)) if minutes > rules.child_vomit_window => {
            answer(Advice::SkipAndTakeNextAt(next), RuleId::ChildVomitedWait, None, &[next_mark(next)])
        }
        (person, _) => {
            let to_next = now.minutes_until(next);
            if to_next < i64::from(rules.skip_window) {
                let (rule, disagreement) = match (person, came_back_up) {
                    (Person::Child, true) => (RuleId::VomitedNearNextDose, Disagreement::ChildRepeatAnyway),
                    (Person::Child, false) => (RuleId::SkipNearNextDose, Disagreement::ChildGiveAnyway),
                    (Person::Adult, _) => (RuleId::SkipNearNextDose, Disagreement::OneHourRule),
                };
                return answer(Advice::SkipAndTakeNextAt(next), rule, Some(disagreement), &[next_mark(next)]);
            }
            let take_now = TimelineDose { at: now, mark: DoseMark::TakeNow };
            if person == Person::Adult {
                let disagreement = (dose_at.minutes_until(now) > i64::from(rules.late_dose_note))
                    .then_some(Disagreement::OneHourRule);
                return answer(
                    Advice::TakeNow { next_dose_at: next },
                    RuleId::TakeWhenRemembered,
                    disagreement,
                    &[take_now, next_mark(next)],
                );
            }
            let rule = if came_back_up { RuleId::ChildVomitedRepeat } else { RuleId::ChildGiveThenWait };
            let earliest_next = now.plus_minutes(i64::from(rules.child_min_gap));
            if earliest_next <= next {
                return answer(
                    Advice::TakeNow { next_dose_at: next },
                    rule,
                    None,
                    &[take_now, next_mark(next)],
                );
            }
            // The next dose moves later; it must still leave the full gap before the one after.
            if earliest_next.minutes_until(after(next)) >= i64::from(rules.child_min_gap) {
                let moved = [
                    take_now,
                    TimelineDose { at: next, mark: DoseMark::MovedFrom },
                    next_mark(earliest_next),
                ];
                return answer(Advice::TakeNow { next_dose_at: earliest_next }, rule, None, &moved);
            }
            // Moving it would crowd the dose after: no source says what to do, so ask now. Never
            // a dose left out, never two doses close together.
            Ok(ask_now(Reason::CloseDoses, close_doses))
        }
    }
}
