//! The dose-change planner (issue #20): the person enters the plan their prescriber gave them;
//! the page shows it as a dated table in mg and tablets or mL, with sourced checks.
//!
//! Fields start empty and keep exactly what was typed; problems are listed in an error summary
//! and at each field (GOV.UK pattern). Every word comes from `content/planner.toml`.

use crate::components::citations::citations;
use crate::components::focus::focus_and_show;
use crate::components::link;
use crate::planner::content::{fill, warning, LIQUIDS, TABLETS, WORDS};
use crate::planner::form::{
    dose_count, input_id, liquids_for, tablets_for, time_id, Action, FormKind, State,
};
use crate::planner::wording;
use crate::route::Route;
use crate::settings::SharedSettings;
use baclofen_logic::calendar::{Calendar, Event as CalendarEvent, LocalDateTime};
use baclofen_logic::planner::{
    Check, Direction, Field, FieldError, Form, Measure, Per, Plan, PlanInput, Who,
};
use baclofen_logic::time::Instant;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DosePlannerProps {
    pub settings: SharedSettings,
}

fn input_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

fn error_for(errors: &[FieldError], field: Field) -> Option<&FieldError> {
    errors.iter().find(|e| e.field == field)
}

fn error_id(id: &str) -> String {
    let mut s = String::from(id);
    s.push_str("-error");
    s
}

fn hint_id(id: &str) -> String {
    let mut s = String::from(id);
    s.push_str("-hint");
    s
}

fn field_class(error: bool) -> Classes {
    if error {
        classes!("field", "field--error")
    } else {
        classes!("field")
    }
}

fn message(id: &str, text: Option<String>) -> Html {
    match text {
        Some(text) => html! { <p class="field-error" id={error_id(id)}>{ text }</p> },
        None => html! {},
    }
}

fn described_by(id: &str, hint: bool, error: bool) -> Option<AttrValue> {
    let mut s = String::new();
    if hint {
        s.push_str(&hint_id(id));
    }
    if error {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(&error_id(id));
    }
    (!s.is_empty()).then(|| AttrValue::from(s))
}

/// A text box with its label, hint and message. `inputmode` "decimal" or "numeric"; the type is
/// text so that whatever is typed (letters too) stays on screen to be corrected.
#[allow(clippy::too_many_arguments)]
fn text_field(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    value: &str,
    kind: &'static str,
    inputmode: &'static str,
    error: Option<String>,
    oninput: Callback<InputEvent>,
) -> Html {
    let has_error = error.is_some();
    html! {
        <div class={field_class(has_error)}>
            <label for={id}>{ label }</label>
            if !hint.is_empty() {
                <p class="hint" id={hint_id(id)}>{ hint }</p>
            }
            { message(id, error) }
            <input id={id} name={id} type={kind} inputmode={(!inputmode.is_empty()).then_some(inputmode)}
                class={(kind == "text").then_some("input--short")} autocomplete="off"
                value={value.to_string()} aria-invalid={has_error.then_some("true")}
                aria-describedby={described_by(id, !hint.is_empty(), has_error)} {oninput} />
        </div>
    }
}

fn radio(
    name: &'static str,
    id: &'static str,
    checked: bool,
    label: &'static str,
    oninput: Callback<InputEvent>,
) -> Html {
    // "input" fires when a radio is chosen by pointer or keyboard; one event type for every
    // control keeps the module small.
    html! {
        <div class="choice">
            <input type="radio" {name} {id} {checked} {oninput} />
            <label for={id}>{ label }</label>
        </div>
    }
}

/// A set of radio buttons with its legend and message.
fn choices(legend: &'static str, id: &'static str, error: Option<String>, items: Html) -> Html {
    let has_error = error.is_some();
    html! {
        <fieldset class={field_class(has_error)} aria-describedby={described_by(id, false, has_error)}>
            <legend>{ legend }</legend>
            { message(id, error) }
            { items }
        </fieldset>
    }
}

/// The syringe drawn with the fill mark, and the same in words.
fn syringe(hundredths: u64, strength: &'static str) -> Html {
    // The scale of the drawing: the smallest of these that holds the amount (a picture only).
    let scale = [100u64, 200, 500, 1000, 2000, 5000, 10000]
        .into_iter()
        .find(|s| *s >= hundredths)
        .unwrap_or(hundredths.div_ceil(1000) * 1000);
    let left = 40u64;
    let width = 260u64;
    let x = left + width * hundredths / scale;
    let ml = wording::ml(hundredths);
    let text = fill(WORDS.syringe_text, &[("ml", &ml), ("strength", strength)]);
    html! {
        <figure class="syringe">
            <svg viewBox="0 0 340 100" role="img" aria-label={text.clone()} width="100%" height="100" focusable="false">
                <rect x="40" y="30" width="260" height="30" class="syringe__barrel" />
                <rect x="40" y="30" width={(x - left).to_string()} height="30" class="syringe__fill" />
                <rect x="300" y="38" width="30" height="14" class="syringe__barrel" />
                <rect x="20" y="40" width="20" height="10" class="syringe__barrel" />
                <line x1={x.to_string()} y1="20" x2={x.to_string()} y2="64" class="syringe__mark" />
                <text x={x.to_string()} y="16" text-anchor="middle" class="syringe__label">{ ml.clone() }{" "}{ WORDS.ml }</text>
            </svg>
            <figcaption>{ text }</figcaption>
        </figure>
    }
}

fn care_card(
    id: &'static str,
    title: &'static str,
    text: String,
    sources: &'static [&'static str],
    extra: Html,
) -> Html {
    html! {
        <section class="callout callout--warning planner__check" data-check={id}>
            <h3 class="callout__title">{ title }</h3>
            <p>{ text }</p>
            { extra }
            { citations(sources) }
        </section>
    }
}

/// The times of day, as shown in the table ("08:00, 14:00, 20:00").
fn times_text(input: &PlanInput) -> String {
    let mut s = String::new();
    for (i, t) in input.times.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        if t.minutes() == 0 {
            // A dose at 00:00 belongs to the day it starts (README of tests/planner_cases).
            s.push_str(WORDS.midnight);
        } else {
            s.push_str(&t.to_string());
        }
    }
    s
}

fn strength_words(input: &PlanInput) -> &'static str {
    match input.form {
        Form::Liquid { ug_per_ml } => {
            LIQUIDS.iter().find(|l| l.ug_per_ml == ug_per_ml).map_or("", |l| l.label)
        }
        Form::Tablet { strength_ug, .. } => {
            TABLETS.iter().find(|t| t.strength_ug == strength_ug).map_or("", |t| t.label)
        }
    }
}

/// The calendar file: one event per dose until the last change; the last dose, if not a stop,
/// repeats daily from its first day (the person stays on it until told otherwise).
fn calendar_file(plan: &Plan, input: &PlanInput, now: Instant) -> String {
    let mut calendar = Calendar::new(now);
    for step in &plan.steps {
        if step.daily_ug == 0 {
            continue;
        }
        let summary = match step.dose_ug {
            Some(dose_ug) => {
                let mut dose = wording::mg_words(dose_ug);
                if step.measure != Measure::DoesNotFit {
                    dose.push_str(" (");
                    dose.push_str(&wording::measure(step.measure));
                    dose.push(')');
                }
                fill(WORDS.calendar_event, &[("dose", &dose)])
            }
            None => fill(WORDS.calendar_unknown, &[("total", &wording::mg(step.daily_ug))]),
        };
        let days = step.days.unwrap_or(1);
        for offset in 0..days {
            for time in &input.times {
                calendar.event(&CalendarEvent {
                    start: LocalDateTime::new(step.first_date.plus_days(i64::from(offset)), *time),
                    summary: &summary,
                    description: WORDS.calendar_note,
                    daily: step.days.is_none(),
                    alarm: true,
                });
            }
        }
    }
    calendar.finish()
}

fn plan_view(plan: &Plan, input: &PlanInput, heading: &NodeRef) -> Html {
    let last = plan.last();
    let stops = last.daily_ug == 0;
    let last_date = wording::date(last.first_date);
    let summary = if stops {
        fill(WORDS.plan_summary_stop, &[("date", &last_date)])
    } else {
        fill(
            WORDS.plan_summary,
            &[("date", &last_date), ("days", &wording::days(u64::from(plan.days_to_end)))],
        )
    };
    let times = times_text(input);
    let days = plan.days();
    let rows = days.iter().map(|day| {
        let step = &plan.steps[day.step as usize];
        let change = if !day.step_starts {
            String::new()
        } else if day.step == 0 {
            WORDS.step_start.to_string()
        } else if step.daily_ug == 0 {
            WORDS.step_stop.to_string()
        } else {
            fill(WORDS.step_of, &[("n", &wording::number(u64::from(day.step)))])
        };
        let zero = step.daily_ug == 0;
        html! {
            <tr class={classes!(day.step_starts.then_some("planner__step-row"))}>
                <th scope="row"><time datetime={wording::iso_date(day.date)}>{ wording::date(day.date) }</time></th>
                <td>{ change }</td>
                <td>{ if zero { WORDS.no_doses.to_string() } else { times.clone() } }</td>
                <td>{ match step.dose_ug {
                    Some(dose) if !zero => wording::mg_words(dose),
                    Some(_) => String::from("0"),
                    None => WORDS.dose_unknown.to_string(),
                } }</td>
                <td>{ if zero { String::new() } else { wording::measure(step.measure) } }</td>
                <td>{ wording::mg_words(day.daily_ug) }</td>
            </tr>
        }
    });
    let strength = strength_words(input);
    let syringes = match input.form {
        Form::Liquid { .. } => {
            let mut seen: Vec<u64> = Vec::new();
            let pictures = plan.steps.iter().filter_map(|s| match s.measure {
                Measure::Millilitres { hundredths } if hundredths > 0 && !seen.contains(&hundredths) => {
                    seen.push(hundredths);
                    Some(syringe(hundredths, strength))
                }
                _ => None,
            });
            let pictures: Html = pictures.collect();
            html! {
                <section class="planner__syringes">
                    <h3>{ WORDS.syringe_heading }</h3>
                    <p>{ WORDS.syringe_measure }</p>
                    { citations(WORDS.syringe_measure_sources) }
                    { pictures }
                </section>
            }
        }
        Form::Tablet { .. } => html! {},
    };
    let checks = plan.checks.iter().map(|check| {
        let (id, title, text, sources) = wording::check_card(check);
        let extra = if matches!(check, Check::StopsFasterThanSources { .. }) {
            html! {
                <p><a class="button button--secondary" href={link::href(Route::SideEffects, None, Some("red-flag-tool"))}>{ WORDS.symptom_link }</a></p>
            }
        } else {
            html! {}
        };
        care_card(id, title, text, sources, extra)
    });
    let withdrawal = (input.direction == Direction::Down).then(|| {
        let w = warning("withdrawal-signs");
        let extra = html! {
            <p><a class="button button--secondary" href={link::href(Route::SideEffects, None, Some("red-flag-tool"))}>{ WORDS.symptom_link }</a></p>
        };
        care_card(w.check, w.title, w.text.to_string(), w.sources, extra)
    });
    let on_print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    html! {
        <section class="planner__plan" aria-labelledby="planner-plan-title">
            <h2 id="planner-plan-title" tabindex="-1" ref={heading.clone()}>{ WORDS.plan_heading }</h2>
            { for checks }
            { for withdrawal }
            <p>{ summary }</p>
            // Scrolls sideways on a narrow screen: a keyboard can reach it, and it has a name.
            <div class="planner__table-wrap" tabindex="0" role="region" aria-label={ WORDS.table_label }>
                <table class="planner__table">
                    <caption class="visually-hidden">{ WORDS.plan_heading }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ WORDS.col_date }</th>
                            <th scope="col">{ WORDS.col_step }</th>
                            <th scope="col">{ WORDS.col_times }</th>
                            <th scope="col">{ WORDS.col_dose }</th>
                            <th scope="col">{ WORDS.col_measure }</th>
                            <th scope="col">{ WORDS.col_total }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            if !stops {
                <p>{ WORDS.plan_continue }</p>
            }
            { syringes }
            <p>{ WORDS.print_note }</p>
            <p class="planner__actions">
                <button type="button" class="button print-action" onclick={on_print}>{ WORDS.print }</button>
                { " " }
                <a class="button button--secondary planner__calendar" href="#" download={WORDS.calendar_file}
                    onclick={calendar_click(plan, input)}>{ WORDS.calendar }</a>
            </p>
        </section>
    }
}

/// Makes the calendar file when the link is followed (the clock is read here, not in render).
fn calendar_click(plan: &Plan, input: &PlanInput) -> Callback<MouseEvent> {
    let plan = plan.clone();
    let input = input.clone();
    Callback::from(move |event: MouseEvent| {
        let now = Instant((js_sys::Date::now() / 60_000.0) as i64);
        let text = calendar_file(&plan, &input, now);
        let mut href = String::from("data:text/calendar;charset=utf-8,");
        href.push_str(&String::from(js_sys::encode_uri_component(&text)));
        if let Some(anchor) = event.target_dyn_into::<HtmlElement>() {
            let _ = anchor.set_attribute("href", &href);
        }
    })
}

#[component]
pub fn DosePlanner(props: &DosePlannerProps) -> Html {
    let state = use_reducer(State::default);
    let summary_ref = use_node_ref();
    let plan_ref = use_node_ref();
    {
        let (summary_ref, plan_ref) = (summary_ref.clone(), plan_ref.clone());
        let has_errors = !state.errors.is_empty();
        use_effect_with(state.submitted, move |submitted| {
            if *submitted > 0 {
                focus_and_show(if has_errors { &summary_ref } else { &plan_ref });
            }
        });
    }
    let dispatch = |make: fn(String) -> Action| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| state.dispatch(make(input_value(&e))))
    };
    let pick = |action: Action| {
        let state = state.clone();
        Callback::from(move |_: InputEvent| state.dispatch(action.clone()))
    };
    let f = &state.fields;
    let errors = &state.errors;
    let typed = |field: Field| match field {
        Field::StartDose => !f.start.trim().is_empty(),
        Field::Step => !f.step.trim().is_empty(),
        _ => false,
    };
    let msg =
        |field: Field| error_for(errors, field).map(|e| wording::error_message(e, f.direction, typed(field)));
    let region = props.settings.0.region_id();

    let strength = match f.form {
        None => html! {},
        Some(kind) => {
            let (label, hint, options): (&str, &str, Vec<(usize, &str)>) = match kind {
                FormKind::Tablet => (
                    WORDS.tablet_label,
                    WORDS.tablet_hint,
                    tablets_for(region).into_iter().map(|(i, t)| (i, t.label)).collect(),
                ),
                FormKind::Liquid => (
                    WORDS.liquid_label,
                    WORDS.liquid_hint,
                    liquids_for(region).into_iter().map(|(i, l)| (i, l.label)).collect(),
                ),
            };
            let error = msg(Field::Strength);
            let has_error = error.is_some();
            let oninput = {
                let state = state.clone();
                Callback::from(move |e: InputEvent| {
                    state.dispatch(Action::Strength(e.target_unchecked_into::<HtmlSelectElement>().value()))
                })
            };
            let sources = if kind == FormKind::Liquid {
                citations(WORDS.liquid_hint_sources)
            } else {
                html! {}
            };
            html! {
                <div class={field_class(has_error)}>
                    <label for="planner-strength">{ label }</label>
                    <p class="hint" id="planner-strength-hint">{ hint }</p>
                    { sources }
                    { message("planner-strength", error) }
                    <select id="planner-strength" name="planner-strength" {oninput}
                        aria-invalid={has_error.then_some("true")}
                        aria-describedby={described_by("planner-strength", true, has_error)}>
                        <option value="" selected={f.strength.is_empty()}>{ WORDS.choose }</option>
                        { for options.into_iter().map(|(i, label)| {
                            let value = i.to_string();
                            let selected = f.strength == value;
                            html! { <option {selected} {value}>{ label }</option> }
                        }) }
                    </select>
                </div>
            }
        }
    };

    let times = (0..dose_count(f)).map(|i| {
        let id = time_id(i);
        let label = fill(WORDS.time_label, &[("n", &(i + 1).to_string())]);
        let value = f.times.get(i).cloned().unwrap_or_default();
        let error = msg(Field::Time(i as u8));
        let has_error = error.is_some();
        let oninput = {
            let state = state.clone();
            Callback::from(move |e: InputEvent| state.dispatch(Action::Time(i, input_value(&e))))
        };
        html! {
            <div class={field_class(has_error)}>
                <label for={id.clone()}>{ label }</label>
                { message(&id, error) }
                <input id={id.clone()} type="time" {value} {oninput} aria-invalid={has_error.then_some("true")}
                    aria-describedby={described_by(&id, false, has_error)} />
            </div>
        }
    });

    let onsubmit = {
        let state = state.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            state.dispatch(Action::Submit);
        })
    };
    let summary = (!errors.is_empty()).then(|| {
        html! {
            <div class="error-summary" tabindex="-1" role="alert" aria-labelledby="planner-error-title" ref={summary_ref.clone()}>
                <h3 id="planner-error-title">{ WORDS.error_summary }</h3>
                <ul>
                    { for errors.iter().map(|e| {
                        let id = input_id(e.field);
                        let mut href = String::from("#");
                        href.push_str(&id);
                        let onclick = Callback::from(move |event: MouseEvent| {
                            event.prevent_default();
                            if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&id)) {
                                if let Ok(el) = el.dyn_into::<HtmlElement>() {
                                    let _ = el.focus();
                                }
                            }
                        });
                        html! { <li><a {href} {onclick}>{ wording::error_message(e, f.direction, typed(e.field)) }</a></li> }
                    }) }
                </ul>
            </div>
        }
    });
    let per = |name: &'static str,
               dose_id: &'static str,
               day_id: &'static str,
               value: Option<Per>,
               make: fn(Per) -> Action| {
        html! {
            <>
                { radio(name, dose_id, value == Some(Per::Dose), WORDS.per_dose, pick(make(Per::Dose))) }
                { radio(name, day_id, value == Some(Per::Day), WORDS.per_day, pick(make(Per::Day))) }
            </>
        }
    };
    html! {
        <div class="helper planner">
            <h2>{ WORDS.heading }</h2>
            <p>{ WORDS.intro }</p>
            { citations(WORDS.intro_sources) }
            <p class="notice">{ WORDS.latest_only }</p>
            { citations(WORDS.latest_only_sources) }
            { for summary }
            <form class="helper__form" novalidate=true {onsubmit}>
                { choices(WORDS.who_legend, "planner-who", msg(Field::Who), html! { <>
                    { radio("planner-who", "planner-who-adult", f.who == Some(Who::Adult), WORDS.who_adult, pick(Action::Who(Who::Adult))) }
                    { radio("planner-who", "planner-who-child", f.who == Some(Who::Child), WORDS.who_child, pick(Action::Who(Who::Child))) }
                </> }) }
                if f.who == Some(Who::Child) {
                    <p class="notice">{ WORDS.child_note }</p>
                }
                { choices(WORDS.form_legend, "planner-form", msg(Field::Form), html! { <>
                    { radio("planner-form", "planner-form-tablet", f.form == Some(FormKind::Tablet), WORDS.form_tablet, pick(Action::Form(FormKind::Tablet))) }
                    { radio("planner-form", "planner-form-liquid", f.form == Some(FormKind::Liquid), WORDS.form_liquid, pick(Action::Form(FormKind::Liquid))) }
                    <p class="hint">{ WORDS.pump_note }</p>
                </> }) }
                { strength }
                { text_field("planner-doses", WORDS.doses_label, WORDS.doses_hint, &f.doses, "text", "numeric", msg(Field::DosesPerDay), dispatch(Action::Doses)) }
                <p class="hint">{ WORDS.one_change_note }</p>
                { for times }
                { text_field("planner-start-date", WORDS.start_date_label, WORDS.start_date_hint, &f.start_date, "date", "", msg(Field::StartDate), dispatch(Action::StartDate)) }
                { text_field("planner-start", WORDS.start_label, WORDS.start_hint, &f.start, "text", "decimal", msg(Field::StartDose), dispatch(Action::Start)) }
                <fieldset class="field field--nested">
                    <legend>{ WORDS.per_legend }</legend>
                    { per("planner-start-per", "planner-start-per-dose", "planner-start-per-day", f.start_per, Action::StartPer) }
                </fieldset>
                { choices(WORDS.direction_legend, "planner-direction", msg(Field::Direction), html! { <>
                    { radio("planner-direction", "planner-direction-up", f.direction == Some(Direction::Up), WORDS.direction_up, pick(Action::Direction(Direction::Up))) }
                    { radio("planner-direction", "planner-direction-down", f.direction == Some(Direction::Down), WORDS.direction_down, pick(Action::Direction(Direction::Down))) }
                </> }) }
                { text_field("planner-step", WORDS.step_label, WORDS.step_hint, &f.step, "text", "decimal", msg(Field::Step), dispatch(Action::Step)) }
                <fieldset class="field field--nested">
                    <legend>{ WORDS.step_per_legend }</legend>
                    { per("planner-step-per", "planner-step-per-dose", "planner-step-per-day", f.step_per, Action::StepPer) }
                </fieldset>
                { text_field("planner-every", WORDS.every_label, WORDS.every_hint, &f.every, "text", "numeric", msg(Field::Every), dispatch(Action::Every)) }
                { text_field("planner-end", WORDS.end_label, WORDS.end_hint, &f.end, "text", "decimal", msg(Field::End), dispatch(Action::End)) }
                <button type="submit" class="button">{ WORDS.submit }</button>
            </form>
            if let Some(plan) = &state.plan {
                { plan_view(&plan.0, &plan.1, &plan_ref) }
            }
        </div>
    }
}
