//! The planner's form state: what the person typed (kept exactly, never pre-filled), a typed
//! reducer, and reading the fields into the engine's input.

use crate::planner::content::{Liquid, Tablet, LIMITS, LIQUIDS, MG_DECIMALS, TABLETS};
use baclofen_logic::planner::{
    self, parse_count, parse_date, parse_mg, Amount, Direction, Field, FieldError, Form, Per, Plan,
    PlanInput, Problem, Who,
};
use baclofen_logic::time::ClockTime;
use std::rc::Rc;

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
}

/// Everything the person can do to the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Who(Who),
    Form(FormKind),
    Strength(String),
    Doses(String),
    Time(usize, String),
    StartDate(String),
    Start(String),
    StartPer(Per),
    Direction(Direction),
    Step(String),
    StepPer(Per),
    Every(String),
    End(String),
    /// "Make the plan": read the fields and plan, or list the problems.
    Submit,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct State {
    pub fields: Fields,
    pub errors: Vec<FieldError>,
    pub plan: Option<Rc<(Plan, PlanInput)>>,
    /// Counts submissions, so the view can move focus after each one.
    pub submitted: u32,
}

impl State {
    /// The state after `action`.
    pub fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let f = &mut next.fields;
        match action {
            Action::Who(v) => f.who = Some(v),
            Action::Form(v) => {
                if f.form != Some(v) {
                    // A tablet strength is not a liquid strength: choosing the form again clears it.
                    f.strength.clear();
                }
                f.form = Some(v)
            }
            Action::Strength(v) => f.strength = v,
            Action::Doses(v) => f.doses = v,
            Action::Time(i, v) => {
                if i < usize::from(LIMITS.max_doses_per_day) {
                    if f.times.len() <= i {
                        f.times.resize(i + 1, String::new());
                    }
                    f.times[i] = v;
                }
            }
            Action::StartDate(v) => f.start_date = v,
            Action::Start(v) => f.start = v,
            Action::StartPer(v) => f.start_per = Some(v),
            Action::Direction(v) => f.direction = Some(v),
            Action::Step(v) => f.step = v,
            Action::StepPer(v) => f.step_per = Some(v),
            Action::Every(v) => f.every = v,
            Action::End(v) => f.end = v,
            Action::Submit => {
                next.submitted += 1;
                match read(&next.fields)
                    .and_then(|input| planner::plan(&input, &LIMITS).map(|plan| Rc::new((plan, input))))
                {
                    Ok(plan) => {
                        next.errors.clear();
                        next.plan = Some(plan);
                    }
                    Err(errors) => {
                        next.errors = errors;
                        next.plan = None;
                    }
                }
                return Rc::new(next);
            }
        }
        Rc::new(next)
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
                    .map(|t| Form::Tablet { strength_ug: t.strength_ug, split: t.split }),
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
    let start_date = parse_date(&fields.start_date).map_err(|p| fail(Field::StartDate, p)).ok();
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
        }),
        _ => Err(errors),
    }
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
