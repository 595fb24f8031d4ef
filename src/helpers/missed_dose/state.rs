//! What the missed-dose helper remembers while it is open, and how each action changes it: a
//! pure reducer (Yew's `Reducible`), with no storage, focus or clock. The device's clock and
//! what was stored are read in handlers and passed in. Native unit tests below.

use crate::components::dose_timeline::{lay_out, DrawnDose};
use crate::content::ui::missed_dose_helper as words;
use crate::content::OutOfHours;
use crate::missed_dose::device::{DeviceZone, Remembered};
use crate::missed_dose::form::{self, FieldError, Fields, Happened};
use crate::missed_dose::wording::{explain, Explained, Level};
use baclofen_logic::missed_dose::{advise, Form, Missed, Person, Rules, Situation};
use baclofen_logic::time::{FixedZone, Instant, Zone};
use std::rc::Rc;
use yew::Reducible;

/// The answer as the card shows it, worked out from the form when the person asked.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub explained: Explained,
    pub timeline: Vec<DrawnDose>,
    /// "Using the dose times 08:00 and 20:00."
    pub used: Option<String>,
    /// The checker's `?context=` for the "check symptoms" link.
    pub checker_context: &'static str,
    /// "Add my next dose to my calendar" (#19): one event at the engine's next dose time, none
    /// when the answer is to ask someone.
    pub next_dose_calendar: Option<String>,
    /// "Keep this answer for my appointment" (#19): the answer in the words shown.
    pub kept: crate::keep::record::Kept,
}

/// Times saved on this device, offered first.
#[derive(Clone, Debug, PartialEq)]
pub struct Saved {
    pub person: Person,
    pub form: Form,
    pub times: Vec<String>,
}

/// What the person did with the answer on screen (a new answer clears it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Took {
    /// Kept for the appointment summary.
    Kept,
    /// The browser refused to keep it.
    NotKept,
    /// The next dose was saved as a calendar file.
    Calendar,
}

/// A change to one answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    Person(Person),
    Form(Form),
    Count(usize),
    Time { key: u32, value: String },
    UseSaved,
    Happened(Happened),
    Dose(String),
    Missed(Missed),
    VomitedAfter(String),
    Withdrawal(bool),
}

/// The clocks the "which dose" menu follows: the device's in the browser; a fixed zone in native
/// tests (the device's cannot be read there).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Clocks {
    #[default]
    Device,
    Fixed(FixedZone),
}

impl Zone for Clocks {
    fn offset_minutes(&self, at: Instant) -> i32 {
        match self {
            Clocks::Device => DeviceZone.offset_minutes(at),
            Clocks::Fixed(zone) => zone.offset_minutes(at),
        }
    }
}

/// Everything the helper remembers while it is open.
#[derive(Clone, Debug, PartialEq)]
pub struct MissedDoseState {
    pub fields: Fields,
    /// Whose clocks turn the typed times into the doses of the "which dose" menu.
    pub clocks: Clocks,
    /// The device's time when the person last did something (for the "which dose" menu; the
    /// clock is never read during render).
    pub now: Instant,
    pub saved: Option<Saved>,
    pub remember: bool,
    /// The browser refused to keep the times.
    pub remember_failed: bool,
    pub errors: Vec<FieldError>,
    pub outcome: Option<Rc<Outcome>>,
    /// What the person did with the answer on screen.
    pub took: Option<Took>,
    pub notice: Option<&'static str>,
    /// Counts the person's "Show what to do" presses that gave an answer: each is said once.
    pub answers_shown: u32,
    /// Counts the presses that found problems: each moves focus to the summary.
    pub errors_shown: u32,
}

impl Default for MissedDoseState {
    fn default() -> Self {
        MissedDoseState {
            fields: Fields::default(),
            clocks: Clocks::Device,
            now: Instant(0),
            saved: None,
            remember: false,
            remember_failed: false,
            errors: Vec::new(),
            outcome: None,
            took: None,
            notice: None,
            answers_shown: 0,
            errors_shown: 0,
        }
    }
}

/// Each change a person can make. Actions are applied to the latest state, so two edits handled
/// before a re-render are both kept.
pub enum MissedDoseAction {
    Edit {
        edit: Edit,
        now: Instant,
    },
    Remember(bool),
    /// What was found in storage when the helper opened.
    Restore {
        found: Remembered,
        now: Instant,
    },
    /// "Show what to do": the answer, or every problem. Boxed: an answer is far larger than the
    /// other actions.
    Answered(Box<Result<Outcome, Vec<FieldError>>>),
    SaveFailed,
    Took(Took),
}

impl MissedDoseState {
    /// The state the helper opens with: what was saved on this device, offered.
    pub fn new(found: Remembered, now: Instant) -> Self {
        let state = Rc::new(MissedDoseState::default()).reduce(MissedDoseAction::Restore { found, now });
        Rc::try_unwrap(state).unwrap_or_else(|shared| (*shared).clone())
    }

    /// The "which dose" choices: any dose due in the last day, as (value, words), worked out
    /// from the typed times and the time of the person's last change.
    pub fn dose_options(&self, zone: &impl Zone) -> Vec<(String, String)> {
        form::schedule_of(&self.fields)
            .map(|schedule| {
                form::recent_doses(&schedule, zone, self.now)
                    .into_iter()
                    .map(|at| {
                        let time = crate::missed_dose::wording::time_words(zone, self.now, at);
                        (at.0.to_string(), words::THE_DOSE.replace("{time}", &time))
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// After the times changed: the chosen dose stays chosen while it is still one of the menu's
    /// doses (independent tester: editing another time lost it); else the menu asks again.
    fn keep_dose_if_still_listed(&mut self) {
        if self.fields.dose.is_empty() {
            return;
        }
        let listed = self.dose_options(&self.clocks).into_iter().any(|(value, _)| value == self.fields.dose);
        if !listed {
            self.fields.dose.clear();
        }
    }
}

impl Reducible for MissedDoseState {
    type Action = MissedDoseAction;

    fn reduce(self: Rc<Self>, action: MissedDoseAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            MissedDoseAction::Edit { edit, now } => {
                next.now = now;
                let times_changed = matches!(edit, Edit::Count(_) | Edit::Time { .. } | Edit::UseSaved);
                let f = &mut next.fields;
                match edit {
                    Edit::Person(person) => f.person = Some(person),
                    Edit::Form(form) => f.form = Some(form),
                    Edit::Count(count) => f.set_count(count),
                    Edit::Time { key, value } => f.set_time(key, value),
                    Edit::UseSaved => {
                        if let Some(saved) = &self.saved {
                            f.use_saved(saved.person, saved.form, &saved.times);
                        }
                    }
                    Edit::Happened(happened) => {
                        f.happened = Some(happened);
                        f.dose.clear();
                    }
                    Edit::Dose(dose) => f.dose = dose,
                    Edit::Missed(missed) => f.missed = Some(missed),
                    Edit::VomitedAfter(value) => f.vomited_after = value,
                    Edit::Withdrawal(yes) => f.withdrawal = Some(yes),
                }
                if times_changed {
                    next.keep_dose_if_still_listed();
                }
                // An answer must never stay on screen for inputs it was not worked out from.
                next.outcome = None;
                next.took = None;
            }
            MissedDoseAction::Remember(on) => {
                next.remember = on;
                next.remember_failed = false;
            }
            MissedDoseAction::Restore { found, now } => {
                next.now = now;
                match found {
                    Remembered::Found { person, form, times } => {
                        next.saved = Some(Saved { person, form, times });
                        // The box matches storage: times kept (here or in take-it-with-you) stay
                        // kept, so an answer with changed times updates the one record (H139).
                        next.remember = true;
                    }
                    Remembered::Discarded => next.notice = Some(words::SAVED_DISCARDED),
                    Remembered::Newer => next.notice = Some(words::SAVED_NEWER),
                    Remembered::Nothing => {}
                }
            }
            MissedDoseAction::Answered(answer) => {
                next.took = None;
                match *answer {
                    Ok(outcome) => {
                        next.outcome = Some(Rc::new(outcome));
                        next.errors.clear();
                        next.answers_shown = next.answers_shown.wrapping_add(1);
                    }
                    Err(errors) => {
                        next.outcome = None;
                        next.errors = errors;
                        next.errors_shown = next.errors_shown.wrapping_add(1);
                    }
                }
            }
            MissedDoseAction::SaveFailed => next.remember_failed = true,
            MissedDoseAction::Took(took) => {
                if next.outcome.is_none() {
                    // A late tap on an answer already gone: nothing to say.
                    return self;
                }
                next.took = Some(took);
            }
        }
        Rc::new(next)
    }
}

/// "08:00", "08:00 and 20:00", "08:00, 14:00 and 20:00".
pub fn list_words(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), crate::content::ui::words::AND),
    }
}

/// Where the "check symptoms" link leads: the checker with the situation ticked. One missed
/// dose is not "missed doses" (§11 row 27 vs row 13).
pub fn checker_context(situation: &Situation) -> &'static str {
    match (situation.form, situation.missed) {
        (Form::Pump, _) => "pump",
        (_, Missed::TwoOrMoreInARow | Missed::MoreThanADay) => "missed-several",
        (_, Missed::RanOut) => "ran-out",
        (_, Missed::One) if situation.vomited_after.is_some() => "",
        (_, Missed::One) => "missed-one",
    }
}

/// Reads the form, asks the engine (`crates/logic`, unchanged), and words the answer for the
/// time zone `zone` (the device's, in the browser).
pub fn work_out(
    fields: &Fields,
    rules: &Rules,
    zone: &impl Zone,
    now: Instant,
    route: OutOfHours<'_>,
) -> Result<Outcome, Vec<FieldError>> {
    let (schedule, situation) = form::read(fields)?;
    let answer =
        advise(schedule.as_ref(), zone, now, &situation, rules).map_err(|e| vec![form::advice_error(e)])?;
    let used = schedule.as_ref().map(|s| {
        let times: Vec<String> = s.times().iter().map(|t| t.to_string()).collect();
        words::USING_TIMES.replace("{times}", &list_words(&times))
    });
    let explained = explain(&answer, zone, now, rules, route);
    let next_words = &crate::keep::content::NEXT_DOSE;
    let date = crate::keep::content::date_words(baclofen_logic::time::local_at(zone, now).0);
    let note = crate::keep::content::fill(next_words.next_note, "date", &date);
    let next_dose_calendar =
        baclofen_logic::calendar::next_dose_event(&answer, zone, next_words.title_plain, &note, now);
    let kept = crate::keep::record::Kept {
        kind: crate::keep::record::KeptKind::Missed,
        at: now,
        level: explained.action.clone(),
        detail: explained.then.clone(),
    };
    Ok(Outcome {
        explained,
        timeline: lay_out(&answer.timeline, zone, now),
        used,
        checker_context: checker_context(&situation),
        next_dose_calendar,
        kept,
    })
}

/// The level's label on the card ("What to do", "Today", "Emergency").
pub fn level_label(level: Level) -> &'static str {
    use crate::content::ui::missed_dose_answer as answer;
    match level {
        Level::Emergency => answer::LABEL_EMERGENCY,
        Level::Now => answer::LABEL_NOW,
        Level::StraightAway => answer::LABEL_STRAIGHT_AWAY,
        Level::Urgent => answer::LABEL_TODAY,
        Level::Routine => answer::LABEL_ROUTINE,
    }
}

/// The one short sentence the live region says for a new answer (empty with none): the level
/// and the first sentence of the action, "What to do: Take the missed dose now." The rest is the
/// card's, which the person reaches next.
pub fn announcement(state: &MissedDoseState) -> String {
    state
        .outcome
        .as_ref()
        .map(|outcome| {
            let action = outcome.explained.action.as_str();
            let first = action.find(". ").map_or(action, |end| &action[..=end]);
            [level_label(outcome.explained.level), ": ", first].concat()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::MISSED_DOSE;
    use baclofen_logic::time::{instant_at, ClockTime, Date, FixedZone};

    fn edit(state: Rc<MissedDoseState>, edit: Edit) -> Rc<MissedDoseState> {
        state.reduce(MissedDoseAction::Edit { edit, now: Instant(0) })
    }

    /// A helper on a device in London in winter (UTC).
    fn london() -> Rc<MissedDoseState> {
        Rc::new(MissedDoseState { clocks: Clocks::Fixed(FixedZone(0)), ..MissedDoseState::default() })
    }

    fn run(edits: impl IntoIterator<Item = Edit>) -> Rc<MissedDoseState> {
        edits.into_iter().fold(london(), edit)
    }

    /// London in winter (UTC), 23 November 2026, at `time`.
    fn at(time: &str) -> Instant {
        instant_at(&FixedZone(0), Date::new(2026, 11, 23).unwrap(), ClockTime::parse(time).unwrap())
    }

    /// An adult on tablets at 08:00, 14:00 and 20:00 who missed the 08:00 dose, asked at `now`.
    fn missed_eight(now: Instant) -> Rc<MissedDoseState> {
        let state = run([Edit::Person(Person::Adult), Edit::Form(Form::Tablet), Edit::Count(3)]);
        let keys: Vec<u32> = state.fields.times.iter().map(|t| t.key).collect();
        let mut state = state;
        for (key, time) in keys.into_iter().zip(["08:00", "14:00", "20:00"]) {
            state =
                state.reduce(MissedDoseAction::Edit { edit: Edit::Time { key, value: time.into() }, now });
        }
        let state = state.reduce(MissedDoseAction::Edit { edit: Edit::Happened(Happened::Missed), now });
        let dose = at("08:00").0.to_string();
        let state = state.reduce(MissedDoseAction::Edit { edit: Edit::Dose(dose), now });
        let state = state.reduce(MissedDoseAction::Edit { edit: Edit::Missed(Missed::One), now });
        state.reduce(MissedDoseAction::Edit { edit: Edit::Withdrawal(false), now })
    }

    fn answer(state: &Rc<MissedDoseState>, now: Instant) -> Rc<MissedDoseState> {
        let result = work_out(&state.fields, &MISSED_DOSE.rules, &FixedZone(0), now, OutOfHours::General);
        state.clone().reduce(MissedDoseAction::Answered(Box::new(result)))
    }

    #[test]
    fn removing_a_time_twice_in_one_task_and_typing_into_a_removed_field_never_panic() {
        let state = run([Edit::Count(3)]);
        let removed = state.fields.times[2].key;
        let state = run_from(
            state,
            [Edit::Count(2), Edit::Count(1), Edit::Time { key: removed, value: "21:00".into() }],
        );
        assert_eq!(state.fields.typed_times(), vec![String::new()]);
    }

    fn run_from(state: Rc<MissedDoseState>, edits: impl IntoIterator<Item = Edit>) -> Rc<MissedDoseState> {
        edits.into_iter().fold(state, edit)
    }

    #[test]
    fn the_times_in_the_answer_are_listed_in_words() {
        assert_eq!(list_words(&["08:00".into(), "20:00".into()]), "08:00 and 20:00");
        assert_eq!(list_words(&["08:00".into(), "14:00".into(), "20:00".into()]), "08:00, 14:00 and 20:00");
    }

    #[test]
    fn the_dose_menu_follows_the_typed_times_and_keeps_every_typed_time() {
        let state = missed_eight(at("08:50"));
        let options = state.dose_options(&FixedZone(0));
        // Doses due in the last day, newest first: 08:00 today, then yesterday's.
        assert_eq!(options.first().map(|o| o.1.as_str()), Some("The 08:00 today dose"));
        assert!(options.iter().all(|(_, label)| !label.contains("14:00 today")), "{options:?}");
        // Editing the chosen dose's own time keeps the other typed times and asks for the dose
        // again: the 08:00 dose is no longer in the menu.
        let key = state.fields.times[0].key;
        let edited = state.reduce(MissedDoseAction::Edit {
            edit: Edit::Time { key, value: "07:00".into() },
            now: at("08:50"),
        });
        assert_eq!(edited.fields.typed_times(), vec!["07:00", "14:00", "20:00"]);
        assert_eq!(edited.fields.dose, "");
        assert_eq!(edited.dose_options(&FixedZone(0))[0].1, "The 07:00 today dose");
    }

    /// Independent tester: editing a dose time cleared "Which dose was missed?" even when the
    /// chosen dose was still in the list. The choice stays while its dose is still listed.
    #[test]
    fn the_chosen_dose_stays_chosen_while_it_is_still_in_the_menu() {
        let now = at("08:50");
        let state = missed_eight(now);
        let chosen = at("08:00").0.to_string();
        assert_eq!(state.fields.dose, chosen);
        let time = |state: Rc<MissedDoseState>, index: usize, value: &str| {
            let key = state.fields.times[index].key;
            state.reduce(MissedDoseAction::Edit { edit: Edit::Time { key, value: value.into() }, now })
        };
        let count = |state: Rc<MissedDoseState>, n: usize| {
            state.reduce(MissedDoseAction::Edit { edit: Edit::Count(n), now })
        };
        // Another time edited (20:00 to 21:00): 08:00 today is still a dose, so still chosen.
        let state = time(state, 2, "21:00");
        assert_eq!(state.fields.dose, chosen);
        assert!(state.dose_options(&FixedZone(0)).iter().any(|(value, _)| *value == chosen));
        // Fewer times a day, the 08:00 time kept: still chosen; and back up: still chosen.
        let state = count(state, 2);
        assert_eq!(state.fields.dose, chosen);
        let state = count(state, 3);
        assert_eq!(
            (state.fields.dose.as_str(), state.fields.typed_times()[2].as_str()),
            (chosen.as_str(), "21:00")
        );
        // The chosen dose's own time edited: that dose is gone, so the menu asks again.
        let state = time(state, 0, "07:30");
        assert_eq!(state.fields.dose, "");
    }

    #[test]
    fn an_answer_never_outlives_the_inputs_it_was_worked_out_from() {
        // NHS: a missed dose is taken when remembered unless the next is due within 2 hours.
        let state = answer(&missed_eight(at("10:00")), at("10:00"));
        let outcome = state.outcome.as_ref().expect("an answer");
        assert_eq!(outcome.explained.level, Level::Routine);
        assert_eq!(state.answers_shown, 1);
        let state = state.reduce(MissedDoseAction::Took(Took::Kept));
        assert_eq!(state.took, Some(Took::Kept));
        let state = edit(state, Edit::Withdrawal(true));
        assert!(state.outcome.is_none(), "an edit clears the answer");
        assert_eq!(state.took, None, "and what was done with it");
        let late = state.clone().reduce(MissedDoseAction::Took(Took::Calendar));
        assert!(Rc::ptr_eq(&state, &late), "a late tap changes nothing");
    }

    #[test]
    fn problems_are_counted_so_each_press_moves_focus_to_the_summary() {
        let state = answer(&Rc::new(MissedDoseState::default()), at("10:00"));
        assert_eq!((state.errors_shown, state.answers_shown), (1, 0));
        assert!(!state.errors.is_empty());
        let state = answer(&state, at("10:00"));
        assert_eq!(state.errors_shown, 2);
        assert_eq!(announcement(&state), "", "a problem is never said by the live region");
    }

    #[test]
    fn the_announcement_is_the_answers_level_and_first_sentence() {
        // Fact sheet: within 2 hours of the next dose (14:00), leave out the missed dose.
        let state = answer(&missed_eight(at("12:30")), at("12:30"));
        assert_eq!(announcement(&state), "What to do: Leave out the missed dose.");
        // An action of two sentences is said up to its first full stop.
        let state = edit(missed_eight(at("10:00")), Edit::Missed(Missed::TwoOrMoreInARow));
        let state = answer(&state, at("10:00"));
        let said = announcement(&state);
        assert!(said.starts_with("Today: Take the next dose at the usual time"), "{said}");
        assert!(!said.trim_end_matches('.').contains(". "), "one sentence: {said}");
        assert!(said.split_whitespace().count() <= 25, "{said}");
    }

    #[test]
    fn saved_times_are_offered_and_a_damaged_record_is_said() {
        let found =
            Remembered::Found { person: Person::Child, form: Form::Liquid, times: vec!["08:00".into()] };
        let state = Rc::new(MissedDoseState::new(found, at("09:00")));
        assert!(state.fields.person.is_none(), "offered, never pre-filled");
        let state = edit(state, Edit::UseSaved);
        assert_eq!(state.fields.person, Some(Person::Child));
        assert_eq!(state.fields.typed_times(), vec!["08:00"]);
        assert!(state.remember, "the box matches storage (hazard H139)");
        let state = MissedDoseState::new(Remembered::Discarded, at("09:00"));
        assert_eq!(state.notice, Some(words::SAVED_DISCARDED));
        let state = MissedDoseState::new(Remembered::Newer, at("09:00"));
        assert_eq!(state.notice, Some(words::SAVED_NEWER));
        assert!(!state.remember, "a newer version's record is never written over");
    }
}
