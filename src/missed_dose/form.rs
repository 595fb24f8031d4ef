//! The helper's form as typed, and how it becomes engine inputs. Nothing is pre-filled: every
//! answer starts empty and must be given. Nothing typed is ever thrown away: errors point at a
//! field and the fields keep their text. Dose times have stable keys, so removing or editing one
//! can never reach the wrong field.

use crate::content::ui::missed_dose_form as words;
use baclofen_logic::missed_dose::{AdviceError, Form, Missed, Person, Situation, WhichDose};
use baclofen_logic::schedule::{Schedule, ScheduleError};
use baclofen_logic::time::{ClockTime, ClockTimeError, Instant, Zone};

/// What happened, asked after the dose times (a dose taken and brought back up was not missed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Happened {
    Missed,
    Vomited,
    RanOut,
}

/// One dose time as typed, with a key that stays with it whatever else changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeField {
    pub key: u32,
    pub value: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fields {
    pub person: Option<Person>,
    pub form: Option<Form>,
    /// Dose times as typed, in the order the person takes them.
    pub times: Vec<TimeField>,
    /// Times taken off the end when "How many times a day?" went down, the last one removed
    /// last: given back, with their keys and text, when it goes up again (nothing typed is lost).
    pub spare_times: Vec<TimeField>,
    /// The key the next added time gets.
    pub next_key: u32,
    pub happened: Option<Happened>,
    /// Empty until chosen, else the minutes-since-epoch of a scheduled dose.
    pub dose: String,
    /// For a missed dose: just this one, or two or more in a row.
    pub missed: Option<Missed>,
    pub vomited_after: String,
    /// Withdrawal signs: must be answered.
    pub withdrawal: Option<bool>,
}

impl Fields {
    /// Sets how many doses a day, keeping what was typed in the times that stay, and giving back
    /// the times taken off before (with what was typed in them) when the count goes up again.
    /// The chosen dose is the state's to keep or clear (it may still be in the menu).
    pub fn set_count(&mut self, count: usize) {
        let count = count.clamp(1, crate::content::SCHEDULE_LIMITS.max_doses_per_day);
        while self.times.len() > count {
            if let Some(field) = self.times.pop() {
                self.spare_times.push(field);
            }
        }
        while self.times.len() < count {
            let field = self.spare_times.pop().unwrap_or_else(|| {
                self.next_key += 1;
                TimeField { key: self.next_key - 1, value: String::new() }
            });
            self.times.push(field);
        }
    }

    /// Puts a time typed into the field with this key; unknown keys (and times taken off, whose
    /// fields are gone) change nothing. The chosen dose is the state's to keep or clear.
    pub fn set_time(&mut self, key: u32, value: String) {
        if let Some(field) = self.times.iter_mut().find(|t| t.key == key) {
            field.value = value;
        }
    }

    /// Uses saved times (and who and how, when they were saved with them).
    pub fn use_saved(&mut self, person: Person, form: Form, times: &[String]) {
        self.person = Some(person);
        self.form = Some(form);
        self.times.clear();
        self.spare_times.clear();
        for value in times {
            self.times.push(TimeField { key: self.next_key, value: value.clone() });
            self.next_key += 1;
        }
        self.dose.clear();
    }

    pub fn typed_times(&self) -> Vec<String> {
        self.times.iter().map(|t| t.value.clone()).collect()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Person,
    Form,
    Count,
    /// One dose time, by key.
    Time(u32),
    Times,
    Happened,
    Dose,
    Missed,
    VomitedAfter,
    Withdrawal,
}

impl Field {
    /// The id of the input the message belongs to.
    pub fn input_id(self) -> String {
        match self {
            Field::Person => "person-adult".into(),
            Field::Form => "form-tablet".into(),
            Field::Count => "dose-count".into(),
            Field::Time(key) => format!("dose-time-{key}"),
            Field::Times => "dose-count".into(),
            Field::Happened => "happened-missed".into(),
            Field::Dose => "which-dose".into(),
            Field::Missed => "missed-one".into(),
            Field::VomitedAfter => "vomited-after".into(),
            Field::Withdrawal => "withdrawal-no".into(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub message: &'static str,
}

fn error(field: Field, message: &'static str) -> FieldError {
    FieldError { field, message }
}

/// Reads the fields into a schedule (none for a pump) and a situation, or explains every problem.
pub fn read(fields: &Fields) -> Result<(Option<Schedule>, Situation), Vec<FieldError>> {
    let mut errors = Vec::new();
    if fields.person.is_none() {
        errors.push(error(Field::Person, words::CHOOSE_PERSON));
    }
    let pump = fields.form == Some(Form::Pump);
    if fields.form.is_none() {
        errors.push(error(Field::Form, words::CHOOSE_FORM));
    }
    let mut schedule = None;
    let mut dose = WhichDose::LatestDue;
    let mut missed = Missed::One;
    let mut vomited_after = None;
    if fields.form.is_some() && !pump {
        schedule = read_schedule(&fields.times, &mut errors);
        match fields.happened {
            None => errors.push(error(Field::Happened, words::CHOOSE_HAPPENED)),
            Some(Happened::RanOut) => missed = Missed::RanOut,
            Some(happened) => {
                match fields.dose.parse::<i64>() {
                    Ok(minutes) => dose = WhichDose::At(Instant(minutes)),
                    Err(_) if happened == Happened::Vomited => {
                        errors.push(error(Field::Dose, words::CHOOSE_DOSE_TAKEN))
                    }
                    Err(_) => errors.push(error(Field::Dose, words::CHOOSE_DOSE_MISSED)),
                }
                if happened == Happened::Missed {
                    match fields.missed {
                        Some(m) => missed = m,
                        None => errors.push(error(Field::Missed, words::CHOOSE_HOW_MANY_MISSED)),
                    }
                } else {
                    match fields.vomited_after.trim().parse::<u16>() {
                        Ok(minutes) if minutes <= 24 * 60 => vomited_after = Some(minutes),
                        _ => errors.push(error(Field::VomitedAfter, words::ENTER_VOMITED_MINUTES)),
                    }
                }
            }
        }
    }
    if fields.withdrawal.is_none() {
        errors.push(error(Field::Withdrawal, words::ANSWER_WITHDRAWAL));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let situation = Situation {
        form: fields.form.unwrap_or(Form::Tablet),
        person: fields.person.unwrap_or(Person::Adult),
        dose,
        missed,
        vomited_after,
        withdrawal_signs: fields.withdrawal == Some(true),
    };
    Ok((schedule, situation))
}

/// The schedule alone, for the "which dose" menu: `None` until every time is valid.
pub fn schedule_of(fields: &Fields) -> Option<Schedule> {
    let mut errors = Vec::new();
    read_schedule(&fields.times, &mut errors)
}

fn read_schedule(typed: &[TimeField], errors: &mut Vec<FieldError>) -> Option<Schedule> {
    if typed.is_empty() {
        errors.push(error(Field::Count, words::CHOOSE_COUNT));
        return None;
    }
    let before = errors.len();
    let mut times = Vec::new();
    for field in typed {
        match ClockTime::parse(&field.value) {
            Ok(time) => times.push(time),
            Err(ClockTimeError::Empty) => errors.push(error(Field::Time(field.key), words::ENTER_TIME)),
            Err(ClockTimeError::NotATime) => {
                errors.push(error(Field::Time(field.key), words::TIME_OUT_OF_RANGE))
            }
        }
    }
    if errors.len() > before {
        return None;
    }
    let key_at = |index: usize| typed.get(index).map_or(Field::Times, |t| Field::Time(t.key));
    match Schedule::from_times(&times, &crate::content::SCHEDULE_LIMITS) {
        Ok(schedule) => Some(schedule),
        Err(problem) => {
            errors.push(match problem {
                ScheduleError::NoDoses => error(Field::Count, words::CHOOSE_COUNT),
                ScheduleError::TooManyDoses { .. } => error(Field::Count, words::TOO_MANY_DOSES),
                ScheduleError::Duplicate { index } => error(key_at(index), words::DUPLICATE_TIME),
                ScheduleError::OutOfOrder { index } => error(key_at(index), words::OUT_OF_ORDER),
                ScheduleError::TooClose { index } => error(key_at(index), words::TOO_CLOSE),
            });
            None
        }
    }
}

/// A message for an engine error, placed next to the field it is about.
pub fn advice_error(problem: AdviceError) -> FieldError {
    match problem {
        AdviceError::DoseInTheFuture => error(Field::Dose, words::DOSE_IN_FUTURE),
        AdviceError::NotAScheduledDose => error(Field::Dose, words::NOT_A_SCHEDULED_DOSE),
        AdviceError::VomitedAfterNow => error(Field::VomitedAfter, words::VOMITED_AFTER_NOW),
        AdviceError::NoSchedule => error(Field::Count, words::CHOOSE_COUNT),
    }
}

/// Scheduled doses due in the last day, newest first: the choices for "which dose".
pub fn recent_doses(schedule: &Schedule, zone: &impl Zone, now: Instant) -> Vec<Instant> {
    let mut recent: Vec<Instant> = schedule
        .instants_around(zone, now)
        .into_iter()
        .filter(|at| *at <= now && at.minutes_until(now) < 24 * 60)
        .collect();
    recent.reverse();
    recent
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(times: &[&str]) -> Fields {
        let mut f = Fields {
            person: Some(Person::Adult),
            form: Some(Form::Tablet),
            happened: Some(Happened::Missed),
            dose: "100".into(),
            missed: Some(Missed::One),
            withdrawal: Some(false),
            ..Fields::default()
        };
        f.set_count(times.len().max(1));
        if times.is_empty() {
            f.times.clear();
        }
        for (field, value) in f.times.iter_mut().zip(times) {
            field.value = value.to_string();
        }
        f.dose = "100".into();
        f
    }

    fn first_error(f: &Fields) -> FieldError {
        read(f).unwrap_err().remove(0)
    }

    #[test]
    fn an_empty_form_asks_every_question_and_prefills_nothing() {
        let empty = Fields::default();
        let fields: Vec<Field> = read(&empty).unwrap_err().iter().map(|e| e.field).collect();
        assert_eq!(fields, vec![Field::Person, Field::Form, Field::Withdrawal]);
        assert!(empty.times.is_empty() && empty.happened.is_none() && empty.missed.is_none());
    }

    #[test]
    fn good_fields_become_engine_inputs() {
        let (schedule, situation) = read(&fields(&["08:00", "14:00", "20:00"])).unwrap();
        assert_eq!(schedule.unwrap().doses_per_day(), 3);
        assert_eq!(situation.dose, WhichDose::At(Instant(100)));
        assert!(!situation.withdrawal_signs);
    }

    #[test]
    fn each_bad_time_is_reported_at_its_own_field() {
        let f = fields(&["08:00", ""]);
        assert_eq!(first_error(&f).field, Field::Time(f.times[1].key));
        let f = fields(&["8 o'clock"]);
        assert_eq!(first_error(&f).field, Field::Time(f.times[0].key));
        let f = fields(&["08:00", "08:00"]);
        assert_eq!(first_error(&f).field, Field::Time(f.times[1].key));
        let f = fields(&["08:00", "20:00", "14:00"]);
        assert_eq!(first_error(&f).field, Field::Time(f.times[2].key));
        assert_eq!(first_error(&fields(&[])).field, Field::Count);
    }

    #[test]
    fn keys_stay_with_their_times_and_unknown_keys_change_nothing() {
        let mut f = fields(&["08:00", "14:00", "20:00"]);
        let last = f.times[2].key;
        f.set_count(2);
        f.set_time(last, "21:00".into()); // a late event for a removed field
        assert_eq!(f.typed_times(), vec!["08:00", "14:00"]);
        f.set_time(u32::MAX, "09:00".into());
        assert_eq!(f.typed_times(), vec!["08:00", "14:00"]);
    }

    /// Independent tester: "How many times a day?" lowered, then raised, lost the typed third
    /// time. Nothing typed is lost: the times come back, in their places, with their keys.
    #[test]
    fn lowering_then_raising_the_count_gives_back_every_typed_time() {
        let mut f = fields(&["08:00", "14:00", "20:00"]);
        let keys: Vec<u32> = f.times.iter().map(|t| t.key).collect();
        f.set_count(1);
        assert_eq!(f.typed_times(), vec!["08:00"]);
        f.set_count(3);
        assert_eq!(f.typed_times(), vec!["08:00", "14:00", "20:00"]);
        assert_eq!(f.times.iter().map(|t| t.key).collect::<Vec<_>>(), keys);
        // Beyond what was ever typed: a new, empty field with a new key.
        f.set_count(4);
        assert_eq!(f.times[3].value, "");
        assert!(!keys.contains(&f.times[3].key));
        // Saved times replace everything, including times taken off before.
        f.set_count(1);
        f.use_saved(Person::Adult, Form::Tablet, &["09:00".into()]);
        f.set_count(2);
        assert_eq!(f.typed_times(), vec!["09:00", ""]);
    }

    #[test]
    fn vomiting_is_its_own_question_about_a_dose_that_was_taken() {
        let f =
            Fields { happened: Some(Happened::Vomited), vomited_after: "soon".into(), ..fields(&["08:00"]) };
        assert_eq!(first_error(&f).field, Field::VomitedAfter);
        let f =
            Fields { happened: Some(Happened::Vomited), vomited_after: " 20 ".into(), ..fields(&["08:00"]) };
        let (_, situation) = read(&f).unwrap();
        assert_eq!((situation.vomited_after, situation.missed), (Some(20), Missed::One));
    }

    #[test]
    fn running_out_needs_no_dose_choice() {
        let f = Fields { happened: Some(Happened::RanOut), dose: String::new(), ..fields(&["08:00"]) };
        assert_eq!(read(&f).unwrap().1.missed, Missed::RanOut);
    }

    #[test]
    fn a_pump_needs_no_dose_times() {
        let f = Fields { form: Some(Form::Pump), ..fields(&["not a time"]) };
        let (schedule, situation) = read(&f).unwrap();
        assert!(schedule.is_none());
        assert_eq!(situation.form, Form::Pump);
    }

    #[test]
    fn odd_input_never_panics() {
        let samples =
            ["", " ", "::", "99:99", "12:00:00:00", "१२:००", "<script>", "javascript:alert(1)", "-1", "1e9"];
        for a in samples {
            for b in samples {
                let mut f = fields(&[a, b]);
                f.dose = b.into();
                f.happened = Some(Happened::Vomited);
                f.vomited_after = a.into();
                let _ = read(&f);
                f.set_time(u32::MAX, a.into());
            }
        }
    }
}
