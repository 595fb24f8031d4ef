//! The plan as made: its checks first, the print and calendar actions, then a dated table (on a
//! narrow screen, one card per day, each value under its column's name) and the syringe
//! pictures for a liquid. A component, so typing in the form never re-renders the plan.

use super::actions::PlanActions;
use super::checks::checks;
use super::state::Made;
use crate::components::citations::Citations;
use crate::planner::content::{fill, LIQUIDS, TABLETS, WORDS};
use crate::planner::wording;
use baclofen_logic::planner::{Form, Measure, Plan, PlanDay, PlanInput};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlanProps {
    pub made: Made,
    /// The plan's heading (scrolled into view when a plan is made).
    pub title: NodeRef,
}

/// The times of day, as shown in the table ("08:00, 14:00, 20:00").
pub fn times_text(input: &PlanInput) -> String {
    let times: Vec<String> = input
        .times
        .iter()
        // A dose at 00:00 belongs to the day it starts (README of tests/planner_cases).
        .map(|t| if t.minutes() == 0 { WORDS.midnight.to_string() } else { t.to_string() })
        .collect();
    times.join(", ")
}

/// The strength's words, as the person chose it ("1 mg in 1 mL (5 mg in 5 mL)").
pub fn strength_words(input: &PlanInput) -> &'static str {
    match input.form {
        Form::Liquid { ug_per_ml } => {
            LIQUIDS.iter().find(|l| l.ug_per_ml == ug_per_ml).map_or("", |l| l.label)
        }
        Form::Tablet { strength_ug, .. } => {
            TABLETS.iter().find(|t| t.strength_ug == strength_ug).map_or("", |t| t.label)
        }
    }
}

const COLUMNS: [&str; 6] =
    [WORDS.col_date, WORDS.col_step, WORDS.col_times, WORDS.col_dose, WORDS.col_measure, WORDS.col_total];

/// One day of the plan: every cell carries its column's name (`data-label`), shown before the
/// value when the table reads as cards.
fn row(plan: &Plan, day: &PlanDay, times: &str) -> Html {
    let step = &plan.steps[day.step as usize];
    let zero = step.daily_ug == 0;
    let change = if !day.step_starts {
        String::new()
    } else if day.step == 0 {
        WORDS.step_start.to_string()
    } else if zero {
        WORDS.step_stop.to_string()
    } else {
        fill(WORDS.step_of, &[("n", &wording::number(u64::from(day.step)))])
    };
    let dose = match step.dose_ug {
        Some(dose) if !zero => wording::mg_words(dose),
        Some(_) => String::from("0"),
        None => WORDS.dose_unknown.to_string(),
    };
    let iso = wording::iso_date(day.date);
    let cells = [
        change,
        if zero { WORDS.no_doses.to_string() } else { times.to_string() },
        dose,
        if zero { String::new() } else { wording::measure(step.measure) },
        wording::mg_words(day.daily_ug),
    ];
    html! {
        <tr key={iso.clone()} class={day.step_starts.then_some("planner__step-row")}>
            <th scope="row" data-label={COLUMNS[0]}><time datetime={iso}>{ wording::date(day.date) }</time></th>
            { for cells.into_iter().zip(&COLUMNS[1..]).map(|(text, label)| html! { <td data-label={*label}>{ text }</td> }) }
        </tr>
    }
}

/// The dated table. It scrolls sideways on a screen too narrow for it (so a keyboard can reach
/// it, and it has a name), unless it reads as cards.
fn table(plan: &Plan, input: &PlanInput) -> Html {
    let times = times_text(input);
    html! {
        <div class="planner__table-wrap" tabindex="0" role="region" aria-label={WORDS.table_label}>
            <table class="planner__table">
                <caption class="visually-hidden">{ WORDS.plan_heading }</caption>
                <thead><tr>{ for COLUMNS.iter().map(|col| html! { <th scope="col">{ *col }</th> }) }</tr></thead>
                <tbody>{ for plan.days().iter().map(|day| row(plan, day, &times)) }</tbody>
            </table>
        </div>
    }
}

/// The syringe drawn with the fill mark, and the same in words.
fn syringe(hundredths: u64, strength: &'static str) -> Html {
    // The scale of the drawing: the smallest of these that holds the amount (a picture only).
    let scale = [100u64, 200, 500, 1000, 2000, 5000, 10000]
        .into_iter()
        .find(|s| *s >= hundredths)
        .unwrap_or(hundredths.div_ceil(1000) * 1000);
    let (left, width) = (40u64, 260u64);
    let x = (left + width * hundredths / scale).to_string();
    let fill_width = (width * hundredths / scale).to_string();
    let ml = wording::ml(hundredths);
    let text = wording::syringe_caption(hundredths, strength);
    html! {
        <figure class="syringe" key={ml.clone()}>
            <svg viewBox="0 0 340 100" role="img" aria-label={text.clone()} width="100%" height="100" focusable="false">
                <rect x="40" y="30" width="260" height="30" class="syringe__barrel" />
                <rect x="40" y="30" width={fill_width} height="30" class="syringe__fill" />
                <rect x="300" y="38" width="30" height="14" class="syringe__barrel" />
                <rect x="20" y="40" width="20" height="10" class="syringe__barrel" />
                <line x1={x.clone()} y1="20" x2={x.clone()} y2="64" class="syringe__mark" />
                <text x={x} y="16" text-anchor="middle" class="syringe__label">{ ml }{ " " }{ WORDS.ml }</text>
            </svg>
            <figcaption>{ text }</figcaption>
        </figure>
    }
}

/// One picture for each different amount of liquid in the plan.
fn syringes(plan: &Plan, input: &PlanInput) -> Html {
    let Form::Liquid { .. } = input.form else { return html! {} };
    let strength = strength_words(input);
    let mut seen: Vec<u64> = Vec::new();
    for step in &plan.steps {
        if let Measure::Millilitres { hundredths } = step.measure {
            if hundredths > 0 && !seen.contains(&hundredths) {
                seen.push(hundredths);
            }
        }
    }
    html! {
        <section class="planner__syringes">
            <h3>{ WORDS.syringe_heading }</h3>
            <p>{ WORDS.syringe_measure }</p>
            <Citations ids={WORDS.syringe_measure_sources} />
            { for seen.into_iter().map(|h| syringe(h, strength)) }
        </section>
    }
}

#[component]
pub fn PlanView(props: &PlanProps) -> Html {
    let (plan, input) = (&props.made.0, &props.made.1);
    let stops = plan.last().daily_ug == 0;
    html! {
        <section class="planner__plan" aria-labelledby="planner-plan-title">
            <h2 id="planner-plan-title" ref={props.title.clone()}>{ WORDS.plan_heading }</h2>
            { checks(plan, input) }
            <p>{ wording::summary(plan) }</p>
            // Before the table: on a phone with large text the plan is a long list of cards.
            <PlanActions made={props.made.clone()} />
            { table(plan, input) }
            if !stops { <p>{ WORDS.plan_continue }</p> }
            { syringes(plan, input) }
            <p class="planner__print-note">{ WORDS.print_note }</p>
        </section>
    }
}
