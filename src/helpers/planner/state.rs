//! What the planner remembers while it is open, and how each action changes it: a pure reducer
//! (Yew's `Reducible`) over the form's fields (`crate::planner::form`), with no storage, focus
//! or clock. Native unit tests below.

use crate::planner::content::{fill, LIMITS, WORDS};
use crate::planner::form::{read, Fields, FormKind};
use crate::planner::wording;
use baclofen_logic::planner::{self, Direction, FieldError, Per, Plan, PlanInput, Who};
use std::rc::Rc;
use yew::Reducible;

/// A plan as made, with the input it was made from.
pub type Made = Rc<(Plan, PlanInput)>;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlannerState {
    pub fields: Fields,
    pub errors: Vec<FieldError>,
    pub plan: Option<Made>,
    /// Counts submissions: each new value is one "Make the plan", after which the error summary
    /// (if any) takes focus.
    pub submitted: u32,
}

/// Everything the person can do to the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlannerAction {
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
    ScoreLine(bool),
    ChildUnder8(bool),
    /// "Make the plan": read the fields and plan, or list the problems.
    Submit,
}

impl Reducible for PlannerState {
    type Action = PlannerAction;

    fn reduce(self: Rc<Self>, action: PlannerAction) -> Rc<Self> {
        let mut next = (*self).clone();
        let f = &mut next.fields;
        match action {
            PlannerAction::Who(v) => f.who = Some(v),
            PlannerAction::Form(v) => {
                if f.form != Some(v) {
                    // A tablet strength is not a liquid strength: choosing the form again clears it.
                    f.strength.clear();
                    f.score_line = false;
                }
                f.form = Some(v)
            }
            PlannerAction::Strength(v) => {
                if f.strength != v {
                    f.score_line = false;
                }
                f.strength = v
            }
            PlannerAction::ScoreLine(v) => f.score_line = v,
            PlannerAction::ChildUnder8(v) => f.child_under_8 = v,
            PlannerAction::Doses(v) => f.doses = v,
            PlannerAction::Time(i, v) => {
                if i < usize::from(LIMITS.max_doses_per_day) {
                    if f.times.len() <= i {
                        f.times.resize(i + 1, String::new());
                    }
                    f.times[i] = v;
                }
            }
            PlannerAction::StartDate(v) => f.start_date = v,
            PlannerAction::Start(v) => f.start = v,
            PlannerAction::StartPer(v) => f.start_per = Some(v),
            PlannerAction::Direction(v) => f.direction = Some(v),
            PlannerAction::Step(v) => f.step = v,
            PlannerAction::StepPer(v) => f.step_per = Some(v),
            PlannerAction::Every(v) => f.every = v,
            PlannerAction::End(v) => f.end = v,
            PlannerAction::Submit => {
                next.submitted = next.submitted.wrapping_add(1);
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
            }
        }
        Rc::new(next)
    }
}

/// The one short sentence the status line says when a plan is made (empty without one): the
/// plan's first day, and whether it has points to check first. The plan itself is not in the
/// live region; the person reads it next.
pub fn announcement(state: &PlannerState) -> String {
    let Some(made) = &state.plan else { return String::new() };
    let template = if made.0.checks.is_empty() { WORDS.plan_ready } else { WORDS.plan_ready_checks };
    fill(template, &[("from", &wording::date(made.1.start_date))])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::planner::form::choice::{liquid, tablet};
    use baclofen_logic::planner::{Field, Problem};

    fn run(state: PlannerState, actions: impl IntoIterator<Item = PlannerAction>) -> Rc<PlannerState> {
        actions.into_iter().fold(Rc::new(state), |s, a| s.reduce(a))
    }

    /// An adult's step-down on UK 10 mg tablets (NHS-HOW: half a tablet is 5 mg), typed as a
    /// person would, field by field.
    fn step_down(start_date: &str, start: &str, step: &str, every: &str) -> Vec<PlannerAction> {
        vec![
            PlannerAction::Who(Who::Adult),
            PlannerAction::Form(FormKind::Tablet),
            PlannerAction::Strength(tablet("uk", 10)),
            PlannerAction::Doses("3".into()),
            PlannerAction::Time(0, "08:00".into()),
            PlannerAction::Time(1, "14:00".into()),
            PlannerAction::Time(2, "20:00".into()),
            PlannerAction::StartDate(start_date.into()),
            PlannerAction::Start(start.into()),
            PlannerAction::StartPer(Per::Dose),
            PlannerAction::Direction(Direction::Down),
            PlannerAction::Step(step.into()),
            PlannerAction::StepPer(Per::Dose),
            PlannerAction::Every(every.into()),
            PlannerAction::End("0".into()),
            PlannerAction::Submit,
        ]
    }

    #[test]
    fn a_confirmed_line_never_carries_over_to_another_tablet_or_form() {
        let state = run(
            PlannerState::default(),
            [
                PlannerAction::Form(FormKind::Tablet),
                PlannerAction::Strength(tablet("us", 10)),
                PlannerAction::ScoreLine(true),
            ],
        );
        let other = state.clone().reduce(PlannerAction::Strength(tablet("us", 20)));
        assert!(!other.fields.score_line, "a new strength clears it");
        let same = state.clone().reduce(PlannerAction::Strength(tablet("us", 10)));
        assert!(same.fields.score_line, "choosing the same strength again keeps it");
        let liquid = state.reduce(PlannerAction::Form(FormKind::Liquid));
        assert!(!liquid.fields.score_line);
        assert_eq!(liquid.fields.strength, "", "a tablet strength is not a liquid's");
    }

    #[test]
    fn a_plan_is_made_and_announced_in_one_short_sentence() {
        // NHS: a step-down usually over 1 to 2 weeks; 15 mg a dose down 5 mg every 5 days.
        let state = run(PlannerState::default(), step_down("2026-12-01", "15", "5", "5"));
        assert!(state.errors.is_empty(), "{:?}", state.errors);
        assert!(state.plan.is_some());
        let said = announcement(&state);
        assert!(said.contains("Tuesday 1 December 2026"), "{said}");
        assert!(said.split_whitespace().count() <= 25, "{said}");
        assert_eq!(said.matches(". ").count(), 0, "one sentence: {said}");
        assert_eq!(state.submitted, 1);
    }

    #[test]
    fn s8_a_stop_in_one_step_after_a_week_is_announced_with_points_to_check() {
        // Clinical review S8 (fact sheet §13.14): 20 mg three times a day for a week, then none.
        let state = run(PlannerState::default(), step_down("2026-12-01", "20", "20", "7"));
        let made = state.plan.as_ref().expect("a plan");
        assert!(!made.0.checks.is_empty(), "S8 is always flagged");
        let calm = run(PlannerState::default(), step_down("2026-12-01", "15", "5", "5"));
        assert_ne!(
            announcement(&state),
            announcement(&calm),
            "the sentence says there is something to check"
        );
    }

    #[test]
    fn bad_input_lists_the_problems_keeps_what_was_typed_and_clears_the_plan() {
        let made = run(PlannerState::default(), step_down("2026-12-01", "15", "5", "5"));
        let state = run((*made).clone(), [PlannerAction::Start("ten".into()), PlannerAction::Submit]);
        assert_eq!(state.fields.start, "ten");
        assert!(state.errors.iter().any(|e| e.field == Field::StartDose && e.problem == Problem::NotANumber));
        assert!(state.plan.is_none(), "no plan from bad input");
        assert_eq!(announcement(&state), "", "nothing to announce: the summary takes focus");
        assert_eq!(state.submitted, 2);
    }

    #[test]
    fn b8_a_first_day_near_the_end_of_year_9999_is_a_message_at_the_date_and_nothing_is_lost() {
        let state = run(PlannerState::default(), step_down("9999-12-31", "30", "5", "3"));
        assert_eq!(state.errors, vec![FieldError { field: Field::StartDate, problem: Problem::OutOfRange }]);
        assert_eq!(state.fields.start_date, "9999-12-31", "what was typed stays");
        assert_eq!(state.fields.start, "30");
        assert!(state.plan.is_none(), "no plan, so no calendar file");
    }

    /// A child's liquid plan typed field by field: `start` mg a dose twice a day, down `step` mg
    /// a dose every 7 days, to `end` mg a dose.
    fn liquid_step_down(
        region: &str,
        mg_per_ml: u64,
        start: &str,
        step: &str,
        end: &str,
    ) -> Vec<PlannerAction> {
        vec![
            PlannerAction::Who(Who::Child),
            PlannerAction::Form(FormKind::Liquid),
            PlannerAction::Strength(liquid(region, mg_per_ml)),
            PlannerAction::Doses("2".into()),
            PlannerAction::Time(0, "08:00".into()),
            PlannerAction::Time(1, "20:00".into()),
            PlannerAction::StartDate("2026-12-07".into()),
            PlannerAction::Start(start.into()),
            PlannerAction::StartPer(Per::Dose),
            PlannerAction::Direction(Direction::Down),
            PlannerAction::Step(step.into()),
            PlannerAction::StepPer(Per::Dose),
            PlannerAction::Every("7".into()),
            PlannerAction::End(end.into()),
            PlannerAction::Submit,
        ]
    }

    #[test]
    fn a_liquid_dose_between_the_syringe_marks_shows_its_ml_and_a_note_about_liquid() {
        // Fact sheet §2: a UK 10 mg in 5 mL solution, so 2 mg in 1 mL. 2.5 mg a dose, down 0.25 mg
        // every 7 days, to 2 mg: 2.25 mg is 2.25 / 2 = 1.125 mL, which no syringe mark shows, so
        // the pharmacist is asked; §13.10: mg and mL are always shown together.
        let state = run(PlannerState::default(), liquid_step_down("uk", 2, "2.5", "0.25", "2"));
        assert!(state.errors.is_empty(), "{:?}", state.errors);
        let made = state.plan.as_ref().expect("a plan");
        let (plan, input) = (&made.0, &made.1);
        let words = wording::measure(plan.steps[1].measure);
        assert!(words.starts_with("1.125 mL"), "{words}");
        assert!(words.contains("pharmacist"), "{words}");
        assert_eq!(
            wording::measure(plan.steps[0].measure),
            "1.25 mL (ask your pharmacist which syringe to use)"
        );
        assert_eq!(wording::measure(plan.steps[2].measure), "1 mL");
        // The note above the plan speaks of the liquid and its syringe, never of tablets.
        let cards: Vec<String> = plan
            .checks
            .iter()
            .map(|c| {
                let (_, title, text, _) = wording::check_card(c, input.form);
                [title, " ", &text].concat()
            })
            .collect();
        let note = cards.iter().find(|c| c.contains("pharmacist how to")).expect("the does-not-fit note");
        assert!(note.contains("syringe") && note.contains("liquid"), "{note}");
        assert!(!cards.iter().any(|c| c.to_lowercase().contains("tablet")), "{cards:?}");
    }

    #[test]
    fn a_tablet_dose_that_does_not_fit_keeps_the_note_about_tablets() {
        // NHS-HOW: the UK 10 mg tablet halves to 5 mg; 7.5 mg would need a quarter, so it does not fit.
        let state = run(PlannerState::default(), step_down("2026-12-01", "10", "2.5", "7"));
        let made = state.plan.as_ref().expect("a plan");
        let (plan, input) = (&made.0, &made.1);
        assert_eq!(wording::measure(plan.steps[1].measure), WORDS.does_not_fit);
        let cards: Vec<String> =
            plan.checks.iter().map(|c| wording::check_card(c, input.form).1.to_string()).collect();
        assert!(cards.iter().any(|t| t.contains("tablets")), "{cards:?}");
    }

    #[test]
    fn a_time_beyond_the_most_doses_a_day_is_ignored() {
        let state = run(
            PlannerState::default(),
            [PlannerAction::Time(usize::from(LIMITS.max_doses_per_day), "08:00".into())],
        );
        assert!(state.fields.times.is_empty());
    }
}
