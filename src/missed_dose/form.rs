//! The helper's form as typed, and how it becomes engine inputs. Nothing typed is ever
//! thrown away: errors point at a field and the fields keep their text.

use baclofen_logic::missed_dose::{AdviceError, Form, Missed, Person, Situation, WhichDose};
use baclofen_logic::schedule::{Schedule, ScheduleError, MAX_DOSES_PER_DAY};
use baclofen_logic::time::{ClockTime, ClockTimeError, Instant, Zone};

/// The value of the "which dose" choice that means "the latest one due".
pub const LATEST: &str = "latest";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fields {
    pub person: Person,
    pub form: Form,
    /// Dose times as typed, in the order the person takes them.
    pub times: Vec<String>,
    /// [`LATEST`], or the minutes-since-epoch of a chosen scheduled dose.
    pub dose: String,
    pub missed: Missed,
    pub vomited: bool,
    pub vomited_after: String,
    /// Withdrawal signs: must be answered.
    pub withdrawal: Option<bool>,
}

impl Default for Fields {
    fn default() -> Self {
        Fields {
            person: Person::Adult,
            form: Form::Tablet,
            times: vec!["08:00".into(), "14:00".into(), "20:00".into()],
            dose: LATEST.into(),
            missed: Missed::One,
            vomited: false,
            vomited_after: String::new(),
            withdrawal: None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// One dose time, by position.
    Time(usize),
    Times,
    Dose,
    VomitedAfter,
    Withdrawal,
}

impl Field {
    /// The id of the input the message belongs to.
    pub fn input_id(self) -> String {
        match self {
            Field::Time(i) => format!("dose-time-{i}"),
            Field::Times => "dose-time-0".into(),
            Field::Dose => "which-dose".into(),
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
    let schedule = if fields.form == Form::Pump { None } else { read_schedule(&fields.times, &mut errors) };
    let dose = match fields.dose.as_str() {
        LATEST => WhichDose::LatestDue,
        other => match other.parse::<i64>() {
            Ok(minutes) => WhichDose::At(Instant(minutes)),
            Err(_) => {
                errors.push(error(Field::Dose, "Choose which dose was missed."));
                WhichDose::LatestDue
            }
        },
    };
    let vomited_after = if fields.vomited && fields.form != Form::Pump {
        match fields.vomited_after.trim().parse::<u16>() {
            Ok(minutes) if minutes <= 24 * 60 => Some(minutes),
            _ => {
                errors.push(error(
                    Field::VomitedAfter,
                    "Enter how many minutes after the dose it was brought back up, as a number such as 20.",
                ));
                None
            }
        }
    } else {
        None
    };
    if fields.withdrawal.is_none() {
        errors.push(error(Field::Withdrawal, "Answer yes or no, so the helper can check it is safe."));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let situation = Situation {
        form: fields.form,
        person: fields.person,
        dose,
        missed: fields.missed,
        vomited_after,
        withdrawal_signs: fields.withdrawal == Some(true),
    };
    Ok((schedule, situation))
}

fn read_schedule(typed: &[String], errors: &mut Vec<FieldError>) -> Option<Schedule> {
    let before = errors.len();
    let mut times = Vec::new();
    for (i, text) in typed.iter().enumerate() {
        match ClockTime::parse(text) {
            Ok(time) => times.push(time),
            Err(ClockTimeError::Empty) => errors
                .push(error(Field::Time(i), "Enter the time of this dose, such as 08:00, or remove it.")),
            Err(ClockTimeError::NotATime) => {
                errors.push(error(Field::Time(i), "Enter a time between 00:00 and 23:59, such as 14:00."))
            }
        }
    }
    if errors.len() > before {
        return None;
    }
    match Schedule::from_times(&times) {
        Ok(schedule) => Some(schedule),
        Err(problem) => {
            errors.push(match problem {
                ScheduleError::NoDoses => error(Field::Times, "Add the time of at least one dose."),
                ScheduleError::TooManyDoses { .. } => error(
                    Field::Times,
                    "This helper works with up to 6 doses a day. Remove a time, or ask your pharmacist.",
                ),
                ScheduleError::Duplicate { index } => {
                    error(Field::Time(index), "This time is already in the list. Each dose needs its own time.")
                }
                ScheduleError::OutOfOrder { index } => error(
                    Field::Time(index),
                    "Put the times in the order you take them through the day, starting with the first dose.",
                ),
                ScheduleError::TooClose { index } => error(
                    Field::Time(index),
                    "This dose is less than 2 hours from the one before. Check the times on the label, or ask your pharmacist.",
                ),
                ScheduleError::UnsupportedInterval { .. } => {
                    error(Field::Times, "Enter each dose time separately.")
                }
            });
            None
        }
    }
}

/// A message for an engine error, placed next to the field it is about.
pub fn advice_error(problem: AdviceError) -> FieldError {
    match problem {
        AdviceError::DoseInTheFuture => {
            error(Field::Dose, "That dose is not due yet. Choose one that was due before now.")
        }
        AdviceError::NotAScheduledDose => {
            error(Field::Dose, "That is not one of the dose times above. Choose the dose again.")
        }
        AdviceError::VomitedAfterNow => {
            error(Field::VomitedAfter, "That is later than now. Check the dose you chose and the minutes.")
        }
        AdviceError::NoSchedule => error(Field::Times, "Add the time of at least one dose."),
    }
}

/// Scheduled doses due in the last day, newest first: the choices for "which dose was missed".
pub fn recent_doses(schedule: &Schedule, zone: &impl Zone, now: Instant) -> Vec<Instant> {
    let mut recent: Vec<Instant> = schedule
        .instants_around(zone, now)
        .into_iter()
        .filter(|at| *at <= now && at.minutes_until(now) < 24 * 60)
        .collect();
    recent.reverse();
    recent
}

/// Whether another dose time may be added.
pub fn can_add_time(fields: &Fields) -> bool {
    fields.times.len() < MAX_DOSES_PER_DAY
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(times: &[&str]) -> Fields {
        Fields {
            times: times.iter().map(|s| s.to_string()).collect(),
            withdrawal: Some(false),
            ..Fields::default()
        }
    }

    fn first_error(f: &Fields) -> FieldError {
        read(f).unwrap_err().remove(0)
    }

    #[test]
    fn good_fields_become_engine_inputs() {
        let (schedule, situation) = read(&fields(&["08:00", "14:00", "20:00"])).unwrap();
        assert_eq!(schedule.unwrap().doses_per_day(), 3);
        assert_eq!(situation.dose, WhichDose::LatestDue);
        assert!(!situation.withdrawal_signs);
    }

    #[test]
    fn each_bad_time_is_reported_at_its_own_field() {
        assert_eq!(first_error(&fields(&["08:00", ""])).field, Field::Time(1));
        assert_eq!(first_error(&fields(&["8 o'clock"])).field, Field::Time(0));
        assert_eq!(first_error(&fields(&["08:00", "08:00"])).field, Field::Time(1));
        assert_eq!(first_error(&fields(&["08:00", "20:00", "14:00"])).field, Field::Time(2));
        assert_eq!(first_error(&fields(&["08:00", "09:00"])).field, Field::Time(1));
        assert_eq!(first_error(&fields(&[])).field, Field::Times);
        let seven = ["01:00", "04:00", "07:00", "10:00", "13:00", "16:00", "19:00"];
        assert_eq!(first_error(&fields(&seven)).field, Field::Times);
    }

    #[test]
    fn the_withdrawal_question_must_be_answered() {
        let unanswered = Fields { withdrawal: None, ..fields(&["08:00"]) };
        assert_eq!(first_error(&unanswered).field, Field::Withdrawal);
    }

    #[test]
    fn vomiting_minutes_must_be_a_number() {
        let f = Fields { vomited: true, vomited_after: "soon".into(), ..fields(&["08:00"]) };
        assert_eq!(first_error(&f).field, Field::VomitedAfter);
        let f = Fields { vomited: true, vomited_after: " 20 ".into(), ..fields(&["08:00"]) };
        assert_eq!(read(&f).unwrap().1.vomited_after, Some(20));
    }

    #[test]
    fn a_pump_needs_no_dose_times() {
        let f = Fields { form: Form::Pump, ..fields(&["not a time"]) };
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
                let f = Fields {
                    times: vec![a.into(), b.into()],
                    dose: b.into(),
                    vomited: true,
                    vomited_after: a.into(),
                    ..Fields::default()
                };
                let _ = read(&f);
            }
        }
    }
}
