//! The planner's form: what the person typed (kept exactly, never pre-filled) and reading the
//! fields into the engine's input, with every check a field needs. The planner helper's reducer
//! holds it (`src/helpers/planner/state.rs`).

use crate::planner::content::{Liquid, Tablet, LIMITS, LIQUIDS, MG_DECIMALS, TABLETS};
use baclofen_logic::planner::{
    parse_count, parse_date, parse_mg, Amount, Direction, Field, FieldError, Form, Per, PlanInput, Problem,
    Who,
};
use baclofen_logic::time::{ClockTime, Date};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormKind {
    Tablet,
    Liquid,
}

/// Exactly what the person entered. Text stays text until the plan is made, so nothing typed
/// is ever lost or changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fields {
    pub who: Option<Who>,
    pub form: Option<FormKind>,
    /// Index into TABLETS or LIQUIDS as text ("" = not chosen).
    pub strength: String,
    pub doses: String,
    /// One entry per possible dose (up to the limit); only the first `doses` are used.
    pub times: Vec<String>,
    pub start_date: String,
    pub start: String,
    pub start_per: Option<Per>,
    pub direction: Option<Direction>,
    pub step: String,
    pub step_per: Option<Per>,
    pub every: String,
    pub end: String,
    /// "My tablet has a line across it": asked only for a tablet whose content allows halves once
    /// the line is confirmed (US 10 and 20 mg, fact sheet §13.14); cleared when the strength or
    /// the form changes, so a confirmation never carries over to another tablet.
    pub score_line: bool,
    /// "The child is under 8 years old": asked only for a child (the specialist flag's limit).
    pub child_under_8: bool,
}

/// The chosen tablet, if the form is tablets and a strength is chosen.
fn chosen_tablet(fields: &Fields) -> Option<&'static Tablet> {
    (fields.form == Some(FormKind::Tablet))
        .then(|| fields.strength.parse::<usize>().ok())
        .flatten()
        .and_then(|i| TABLETS.get(i))
}

/// Whether to ask "my tablet has a line across it": only for a tablet that may be halved once
/// the line is confirmed (US 10 and 20 mg). Never for US 5 mg or 15 mg, or the UK 10 mg tablet
/// (always halves).
pub fn asks_score_line(fields: &Fields) -> bool {
    chosen_tablet(fields).is_some_and(|t| t.halves_if_scored)
}

/// Whether to ask "the child is under 8".
pub fn asks_child_under_8(fields: &Fields) -> bool {
    fields.who == Some(Who::Child)
}

/// How the chosen tablet may be divided: halves after a confirmed line where the content allows
/// it; otherwise the content's own split (whole, or the UK tablet's halves).
fn split_for(tablet: &Tablet, fields: &Fields) -> baclofen_logic::planner::Split {
    if tablet.halves_if_scored && fields.score_line {
        baclofen_logic::planner::Split::Halves
    } else {
        tablet.split
    }
}

/// The tablet strengths offered in a region (the "other" list when the region is unknown).
pub fn tablets_for(region: Option<&str>) -> Vec<(usize, &'static Tablet)> {
    let region = region.filter(|r| TABLETS.iter().any(|t| t.regions.contains(r))).unwrap_or("other");
    TABLETS.iter().enumerate().filter(|(_, t)| t.regions.contains(&region)).collect()
}

/// The liquid strengths offered in a region (the "other" list when the region is unknown).
pub fn liquids_for(region: Option<&str>) -> Vec<(usize, &'static Liquid)> {
    let region = region.filter(|r| LIQUIDS.iter().any(|l| l.regions.contains(r))).unwrap_or("other");
    LIQUIDS.iter().enumerate().filter(|(_, l)| l.regions.contains(&region)).collect()
}

/// How many dose times to show: the number typed, if it is one the form accepts.
pub fn dose_count(fields: &Fields) -> usize {
    match parse_count(&fields.doses) {
        Ok(n) if n >= 1 && n <= u32::from(LIMITS.max_doses_per_day) => n as usize,
        _ => 0,
    }
}

/// Reads the fields into the engine's input, or lists every field that needs another look.
pub fn read(fields: &Fields) -> Result<PlanInput, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut fail = |field, problem| errors.push(FieldError { field, problem });
    let who = fields.who;
    if who.is_none() {
        fail(Field::Who, Problem::Empty);
    }
    let form = match fields.form {
        None => {
            fail(Field::Form, Problem::Empty);
            None
        }
        Some(kind) => {
            let index: Option<usize> = fields.strength.parse().ok();
            let form = match kind {
                FormKind::Tablet => index
                    .and_then(|i| TABLETS.get(i))
                    .map(|t| Form::Tablet { strength_ug: t.strength_ug, split: split_for(t, fields) }),
                FormKind::Liquid => {
                    index.and_then(|i| LIQUIDS.get(i)).map(|l| Form::Liquid { ug_per_ml: l.ug_per_ml })
                }
            };
            if form.is_none() {
                fail(Field::Strength, Problem::Empty);
            }
            form
        }
    };
    let doses = match parse_count(&fields.doses) {
        Ok(0) => {
            fail(Field::DosesPerDay, Problem::Zero);
            0
        }
        Ok(n) if n > u32::from(LIMITS.max_doses_per_day) => {
            fail(Field::DosesPerDay, Problem::TooLarge);
            0
        }
        Ok(n) => n as usize,
        Err(problem) => {
            fail(Field::DosesPerDay, problem);
            0
        }
    };
    let mut times = Vec::new();
    for i in 0..doses {
        match ClockTime::parse(fields.times.get(i).map_or("", String::as_str)) {
            Ok(t) => times.push(t),
            Err(e) => fail(
                Field::Time(i as u8),
                if e == baclofen_logic::time::ClockTimeError::Empty {
                    Problem::Empty
                } else {
                    Problem::NotATime
                },
            ),
        }
    }
    let start_date = match parse_date(&fields.start_date) {
        Ok(date) if !in_window(date) => {
            fail(Field::StartDate, Problem::OutOfRange);
            None
        }
        Ok(date) => Some(date),
        Err(problem) => {
            fail(Field::StartDate, problem);
            None
        }
    };
    let mut mg = |field, text: &str| parse_mg(text, MG_DECIMALS).map_err(|p| fail(field, p)).ok();
    let start = mg(Field::StartDose, &fields.start);
    let step = mg(Field::Step, &fields.step);
    let end = mg(Field::End, &fields.end);
    let every = parse_count(&fields.every).map_err(|p| fail(Field::Every, p)).ok();
    // The engine checks these too; checking them here lists every problem at once.
    for (field, value) in [(Field::StartDose, start), (Field::Step, step), (Field::End, end)] {
        match value {
            Some(ug) if ug > LIMITS.input_max_ug => fail(field, Problem::TooLarge),
            Some(0) if field != Field::End => fail(field, Problem::Zero),
            _ => {}
        }
    }
    if every == Some(0) {
        fail(Field::Every, Problem::Zero);
    } else if every.is_some_and(|d| d > LIMITS.max_every_days) {
        fail(Field::Every, Problem::TooLarge);
    }
    if fields.start_per.is_none() {
        fail(Field::StartDose, Problem::Empty);
    }
    if fields.direction.is_none() {
        fail(Field::Direction, Problem::Empty);
    }
    if fields.step_per.is_none() {
        fail(Field::Step, Problem::Empty);
    }
    // One message per field: the first problem found.
    let mut seen = Vec::new();
    errors.retain(|e| {
        let first = !seen.contains(&e.field);
        seen.push(e.field);
        first
    });
    match (
        who,
        form,
        start_date,
        start,
        fields.start_per,
        fields.direction,
        step,
        fields.step_per,
        every,
        end,
    ) {
        (
            Some(who),
            Some(form),
            Some(start_date),
            Some(start),
            Some(start_per),
            Some(direction),
            Some(step),
            Some(step_per),
            Some(every_days),
            Some(end_ug),
        ) if errors.is_empty() => Ok(PlanInput {
            who,
            form,
            times,
            start_date,
            start: Amount { ug: start, per: start_per },
            direction,
            step: Amount { ug: step, per: step_per },
            every_days,
            end_ug,
            child_under_8: who == Who::Child && fields.child_under_8,
        }),
        _ => Err(errors),
    }
}

/// The first days a plan may start on, first and last (attack review B8). The last is the last
/// day a plan of the longest length the planner makes still ends within a four-digit year, so
/// every date in the plan and its calendar file can be written; the first is well before any
/// plan a person would enter now. A wrong century is then a message at the field, not a file a
/// calendar cannot read.
pub fn date_window() -> (Date, Date) {
    let first = Date { year: 2000, month: 1, day: 1 };
    let last = Date { year: 9999, month: 12, day: 31 }.plus_days(-i64::from(LIMITS.max_plan_days) - 1);
    (first, last)
}

fn in_window(date: Date) -> bool {
    let (first, last) = date_window();
    first <= date && date <= last
}

/// The element id of a field's first control (error summary links go there).
pub fn input_id(field: Field) -> String {
    let id = match field {
        Field::Who => "planner-who-adult",
        Field::Form => "planner-form-tablet",
        Field::Strength => "planner-strength",
        Field::DosesPerDay => "planner-doses",
        Field::Time(i) => return time_id(usize::from(i)),
        Field::StartDate => "planner-start-date",
        Field::StartDose => "planner-start",
        Field::Direction => "planner-direction-up",
        Field::Step => "planner-step",
        Field::Every => "planner-every",
        Field::End => "planner-end",
    };
    id.to_string()
}

pub fn time_id(i: usize) -> String {
    let mut id = String::from("planner-time-");
    id.push_str(&(i + 1).to_string());
    id
}

/// For the planner's native tests (here and in `src/helpers/planner/state.rs`): the strength
/// list's value for a region's tablet or liquid, found as a person picks it, by its strength.
#[cfg(test)]
pub(crate) mod choice {
    use super::{liquids_for, tablets_for};

    /// The value of the `mg` tablet in `region`'s list.
    pub(crate) fn tablet(region: &str, mg: u64) -> String {
        tablets_for(Some(region))
            .into_iter()
            .find(|(_, t)| t.strength_ug == mg * 1000)
            .map(|(i, _)| i.to_string())
            .unwrap_or_else(|| panic!("no {mg} mg tablet in {region}"))
    }

    /// The value of the liquid of `mg_per_ml` mg in 1 mL in `region`'s list.
    pub(crate) fn liquid(region: &str, mg_per_ml: u64) -> String {
        liquids_for(Some(region))
            .into_iter()
            .find(|(_, l)| l.ug_per_ml == mg_per_ml * 1000)
            .map(|(i, _)| i.to_string())
            .unwrap_or_else(|| panic!("no {mg_per_ml} mg in 1 mL liquid in {region}"))
    }
}

#[cfg(test)]
mod tests {
    use super::choice::tablet;
    use super::*;
    use baclofen_logic::planner::Split;

    fn filled(region: &str, mg: u64, score_line: bool) -> Fields {
        Fields {
            who: Some(Who::Adult),
            form: Some(FormKind::Tablet),
            strength: tablet(region, mg),
            doses: "3".into(),
            times: vec!["08:00".into(), "14:00".into(), "20:00".into()],
            start_date: "2026-12-01".into(),
            start: "5".into(),
            start_per: Some(Per::Dose),
            direction: Some(Direction::Up),
            step: "5".into(),
            step_per: Some(Per::Dose),
            every: "3".into(),
            end: "20".into(),
            score_line,
            child_under_8: false,
        }
    }

    fn split(fields: &Fields) -> Split {
        match read(fields).unwrap().form {
            Form::Tablet { split, .. } => split,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn decision_f_us_10_and_20_mg_tablets_are_halved_only_after_the_line_is_confirmed() {
        for mg in [10, 20] {
            assert!(asks_score_line(&filled("us", mg, false)), "{mg} mg asks");
            assert_eq!(split(&filled("us", mg, false)), Split::Whole, "{mg} mg, no line");
            assert_eq!(split(&filled("us", mg, true)), Split::Halves, "{mg} mg, line confirmed");
        }
    }

    #[test]
    fn decision_f_never_halves_us_5_mg_and_keeps_15_mg_whole_even_if_a_line_is_claimed() {
        for mg in [5, 15] {
            assert!(!asks_score_line(&filled("us", mg, false)), "{mg} mg is never asked");
            assert_eq!(split(&filled("us", mg, true)), Split::Whole, "{mg} mg");
        }
        // The UK 10 mg tablet is halved without asking (NHS-HOW).
        assert!(!asks_score_line(&filled("uk", 10, false)));
        assert_eq!(split(&filled("uk", 10, false)), Split::Halves);
    }

    #[test]
    fn under_8_is_asked_for_a_child_only_and_read_only_for_a_child() {
        let mut f = filled("uk", 10, false);
        f.child_under_8 = true;
        assert!(!asks_child_under_8(&f));
        assert!(!read(&f).unwrap().child_under_8, "never for an adult");
        f.who = Some(Who::Child);
        assert!(asks_child_under_8(&f));
        assert!(read(&f).unwrap().child_under_8);
    }

    #[test]
    fn b8_a_first_day_whose_plan_would_leave_four_digit_years_is_refused_at_the_date_field() {
        let start_date = |text: &str| {
            let mut f = filled("uk", 10, false);
            f.start_date = text.into();
            read(&f)
        };
        for text in ["9999-12-31", "9999-01-01", "1999-12-31", "0001-01-01"] {
            let errors = start_date(text).expect_err(text);
            assert_eq!(
                errors,
                vec![FieldError { field: Field::StartDate, problem: Problem::OutOfRange }],
                "{text}"
            );
        }
        // The window's own ends are accepted, and a plan of the longest length from the last one
        // still ends in a four-digit year.
        let (first, last) = date_window();
        for date in [first, last] {
            let text = format!("{:04}-{:02}-{:02}", date.year, date.month, date.day);
            assert!(start_date(&text).is_ok(), "{text}");
        }
        assert!(last.plus_days(i64::from(LIMITS.max_plan_days)).year <= 9999);
        assert!(start_date("2026-12-07").is_ok());
    }
}
