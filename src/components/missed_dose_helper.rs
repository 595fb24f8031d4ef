//! The missed-dose helper form. State is a reducer over the typed fields (nothing typed is
//! lost on an error); the answer comes from the engine with the device's clock and zone.

use crate::components::citations::citations;
use crate::components::dose_timeline::{lay_out, DrawnDose};
use crate::components::missed_dose_result::{missed_dose_result, RESULT_ID};
use crate::content::MISSED_DOSE;
use crate::missed_dose::device::{self, DeviceZone, Remembered};
use crate::missed_dose::form::{self, Field, FieldError, Fields, LATEST};
use crate::missed_dose::wording::{explain, time_words, Explained};
use crate::settings::SharedSettings;
use baclofen_logic::missed_dose::{advise, Form, Missed, Person, Rules};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

const ERROR_SUMMARY_ID: &str = "missed-dose-errors";

#[derive(Clone, Debug, PartialEq)]
struct Outcome {
    explained: Explained,
    timeline: Vec<DrawnDose>,
}

#[derive(Clone, Debug, PartialEq, Default)]
struct State {
    fields: Fields,
    remember: bool,
    errors: Vec<FieldError>,
    outcome: Option<Outcome>,
    notice: Option<&'static str>,
}

enum Action {
    Edit(Box<dyn FnOnce(&mut Fields)>),
    Remember(bool),
    Restore(Remembered),
    Answered(Result<Outcome, Vec<FieldError>>),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Edit(change) => {
                change(&mut next.fields);
                // An answer must never stay on screen for inputs it was not worked out from.
                next.outcome = None;
            }
            Action::Remember(on) => {
                next.remember = on;
                next.notice = None;
            }
            Action::Restore(Remembered::Found { person, form, times }) => {
                next.fields = Fields { person, form, times, ..next.fields };
                next.remember = true;
            }
            Action::Restore(Remembered::Discarded) => {
                next.notice =
                    Some("Dose times saved on this device could not be read, so they were cleared.");
            }
            Action::Restore(Remembered::Nothing) => return self,
            Action::Answered(Ok(outcome)) => {
                next.outcome = Some(outcome);
                next.errors.clear();
            }
            Action::Answered(Err(errors)) => {
                next.outcome = None;
                next.errors = errors;
            }
        }
        Rc::new(next)
    }
}

/// Reads the form, asks the engine, and words the answer for the device's time zone.
fn answer(fields: &Fields, rules: &Rules) -> Result<Outcome, Vec<FieldError>> {
    let (schedule, situation) = form::read(fields)?;
    let (zone, now) = (DeviceZone, device::now());
    let answer =
        advise(schedule.as_ref(), &zone, now, &situation, rules).map_err(|e| vec![form::advice_error(e)])?;
    let doses_per_day = schedule.as_ref().map_or(0, |s| s.doses_per_day());
    Ok(Outcome {
        explained: explain(&answer, &zone, now, rules, doses_per_day),
        timeline: lay_out(&answer.timeline, &zone, now),
    })
}

fn focus(id: &str) {
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

fn input_value(event: &Event) -> String {
    event.target_unchecked_into::<HtmlInputElement>().value()
}

/// One radio button. Not generic over the value, so the WebAssembly holds one copy of it.
fn radio(
    name: &'static str,
    id: &'static str,
    checked: bool,
    label: &'static str,
    on_pick: Callback<()>,
) -> Html {
    html! {
        <div class="choice">
            <input type="radio" {name} {id} {checked} onchange={on_pick.reform(|_| ())} />
            <label for={id}>{ label }</label>
        </div>
    }
}

fn error_for(errors: &[FieldError], field: Field) -> Option<&'static str> {
    errors.iter().find(|e| e.field == field).map(|e| e.message)
}

fn error_message(id: &str, message: Option<&'static str>) -> Html {
    match message {
        Some(message) => html! {
            <p class="field-error" id={format!("{id}-error")}><span class="visually-hidden">{"Error: "}</span>{ message }</p>
        },
        None => html! {},
    }
}

#[derive(Properties, PartialEq, Default)]
pub struct MissedDoseHelperProps {
    #[prop_or_default]
    pub settings: SharedSettings,
}

#[component]
pub fn MissedDoseHelper(props: &MissedDoseHelperProps) -> Html {
    let state = use_reducer(State::default);
    let focus_target = use_mut_ref(|| None::<String>);

    {
        let state = state.clone();
        use_effect_with((), move |_| state.dispatch(Action::Restore(device::load())));
    }
    {
        // After an answer or an error, move focus to it so it is read out and seen.
        let focus_target = focus_target.clone();
        use_effect_with((state.outcome.clone(), state.errors.clone()), move |_| {
            if let Some(id) = focus_target.borrow_mut().take() {
                focus(&id);
            }
        });
    }

    let edit = {
        let state = state.clone();
        Callback::from(move |change: Box<dyn FnOnce(&mut Fields)>| state.dispatch(Action::Edit(change)))
    };
    let fields = &state.fields;
    let errors = &state.errors;

    let onsubmit = {
        let state = state.clone();
        let focus_target = focus_target.clone();
        let rules = props.settings.missed_dose_rules();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let result = answer(&state.fields, &rules);
            if result.is_ok() && state.fields.form != Form::Pump {
                if state.remember {
                    device::save(&state.fields);
                } else {
                    device::forget();
                }
            }
            *focus_target.borrow_mut() =
                Some(if result.is_ok() { RESULT_ID } else { ERROR_SUMMARY_ID }.to_string());
            state.dispatch(Action::Answered(result));
        })
    };
    let on_remember = {
        let state = state.clone();
        Callback::from(move |event: Event| {
            let on = event.target_unchecked_into::<HtmlInputElement>().checked();
            if !on {
                device::forget();
            }
            state.dispatch(Action::Remember(on));
        })
    };

    let pick_person = edit.reform(|person: Person| {
        Box::new(move |f: &mut Fields| f.person = person) as Box<dyn FnOnce(&mut Fields)>
    });
    let pick_form = edit
        .reform(|form: Form| Box::new(move |f: &mut Fields| f.form = form) as Box<dyn FnOnce(&mut Fields)>);
    let pick_missed = edit.reform(|missed: Missed| {
        Box::new(move |f: &mut Fields| f.missed = missed) as Box<dyn FnOnce(&mut Fields)>
    });
    let pick_withdrawal = edit.reform(|yes: bool| {
        Box::new(move |f: &mut Fields| f.withdrawal = Some(yes)) as Box<dyn FnOnce(&mut Fields)>
    });

    let pump = fields.form == Form::Pump;
    let child = fields.person == Person::Child;

    let time_inputs = fields.times.iter().enumerate().map(|(i, value)| {
        let id = format!("dose-time-{i}");
        let message = error_for(errors, Field::Time(i));
        let oninput = edit.reform(move |event: InputEvent| {
            let value = input_value(&event);
            Box::new(move |f: &mut Fields| f.times[i] = value) as Box<dyn FnOnce(&mut Fields)>
        });
        let remove = edit.reform(move |_: MouseEvent| {
            Box::new(move |f: &mut Fields| {
                f.times.remove(i);
            }) as Box<dyn FnOnce(&mut Fields)>
        });
        html! {
            <div class={classes!("field", "field--time", message.map(|_| "field--error"))} key={i}>
                <label for={id.clone()}>{ format!("Dose {}", i + 1) }</label>
                { error_message(&id, message) }
                <div class="field__row">
                    <input type="time" id={id.clone()} value={value.clone()} {oninput}
                        aria-invalid={message.map(|_| "true")}
                        aria-describedby={message.map(|_| format!("{id}-error"))} />
                    if fields.times.len() > 1 {
                        <button type="button" class="button button--secondary" onclick={remove}>
                            { "Remove" }<span class="visually-hidden">{ format!(" dose {}", i + 1) }</span>
                        </button>
                    }
                </div>
            </div>
        }
    });
    let add_time = edit.reform(|_: MouseEvent| {
        Box::new(|f: &mut Fields| f.times.push(String::new())) as Box<dyn FnOnce(&mut Fields)>
    });

    // Choices for "which dose": the latest due, or any dose due in the last day.
    let dose_options = form::read(&Fields { withdrawal: Some(false), vomited: false, ..fields.clone() })
        .ok()
        .and_then(|(schedule, _)| schedule)
        .map(|schedule| {
            let (zone, now) = (DeviceZone, device::now());
            form::recent_doses(&schedule, &zone, now)
                .into_iter()
                .map(|at| (at.0.to_string(), format!("The {} dose", time_words(&zone, now, at))))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let on_dose = edit.reform(|event: Event| {
        let value = event.target_unchecked_into::<HtmlSelectElement>().value();
        Box::new(move |f: &mut Fields| f.dose = value) as Box<dyn FnOnce(&mut Fields)>
    });
    let on_vomited = edit.reform(|event: Event| {
        let on = event.target_unchecked_into::<HtmlInputElement>().checked();
        Box::new(move |f: &mut Fields| f.vomited = on) as Box<dyn FnOnce(&mut Fields)>
    });
    let on_vomited_after = edit.reform(|event: InputEvent| {
        let value = input_value(&event);
        Box::new(move |f: &mut Fields| f.vomited_after = value) as Box<dyn FnOnce(&mut Fields)>
    });

    let times_error = error_for(errors, Field::Times);
    let dose_error = error_for(errors, Field::Dose);
    let vomit_error = error_for(errors, Field::VomitedAfter);
    let withdrawal_error = error_for(errors, Field::Withdrawal);
    let withdrawal_question =
        if pump { &MISSED_DOSE.pump_withdrawal_question } else { &MISSED_DOSE.withdrawal_question };

    html! {
        <section class="helper" aria-labelledby="helper-title">
            <h2 id="helper-title">{"Work out what to do now"}</h2>
            <p>{"Answer a few questions. The helper uses your dose times and the time on this device. Nothing leaves this device."}</p>
            if let Some(notice) = state.notice {
                <p class="notice" role="status">{ notice }</p>
            }
            if !errors.is_empty() {
                <div class="error-summary" id={ERROR_SUMMARY_ID} tabindex="-1" role="alert" aria-labelledby="error-summary-title">
                    <h3 id="error-summary-title">{"There is a problem"}</h3>
                    <ul>
                        { for errors.iter().map(|e| html! {
                            <li><a href={format!("#{}", e.field.input_id())} onclick={
                                let id = e.field.input_id();
                                Callback::from(move |event: MouseEvent| { event.prevent_default(); focus(&id); })
                            }>{ e.message }</a></li>
                        }) }
                    </ul>
                </div>
            }
            <form class="helper__form" novalidate=true {onsubmit}>
                <fieldset class="field">
                    <legend>{"Who is the medicine for?"}</legend>
                    { radio("person", "person-adult", fields.person == Person::Adult, "An adult", pick_person.reform(|()| Person::Adult)) }
                    { radio("person", "person-child", fields.person == Person::Child, "A child (under 18)", pick_person.reform(|()| Person::Child)) }
                </fieldset>
                <fieldset class="field">
                    <legend>{"How is it taken?"}</legend>
                    { radio("form", "form-tablet", fields.form == Form::Tablet, "Tablets", pick_form.reform(|()| Form::Tablet)) }
                    { radio("form", "form-liquid", fields.form == Form::Liquid, "Liquid", pick_form.reform(|()| Form::Liquid)) }
                    { radio("form", "form-granules", fields.form == Form::Granules, "Granules", pick_form.reform(|()| Form::Granules)) }
                    { radio("form", "form-pump", fields.form == Form::Pump, "A pump under the skin (intrathecal)", pick_form.reform(|()| Form::Pump)) }
                </fieldset>
                if !pump {
                    <fieldset class={classes!("field", times_error.map(|_| "field--error"))}>
                        <legend>{"Usual dose times"}</legend>
                        <p class="hint" id="dose-times-hint">{"In the order they are taken, starting with the first dose of the day. Up to 6."}</p>
                        { error_message("dose-times", times_error) }
                        { for time_inputs }
                        if form::can_add_time(fields) {
                            <button type="button" class="button button--secondary" onclick={add_time}>{"Add a dose time"}</button>
                        }
                    </fieldset>
                    <div class={classes!("field", dose_error.map(|_| "field--error"))}>
                        <label for="which-dose">{"Which dose was missed?"}</label>
                        { error_message("which-dose", dose_error) }
                        <select id="which-dose" onchange={on_dose} aria-invalid={dose_error.map(|_| "true")}
                            aria-describedby={dose_error.map(|_| "which-dose-error")}>
                            <option value={LATEST} selected={fields.dose == LATEST}>{"The latest dose that was due"}</option>
                            { for dose_options.into_iter().map(|(value, label)| {
                                let selected = fields.dose == value;
                                html! { <option {selected} {value}>{ label }</option> }
                            }) }
                        </select>
                    </div>
                    <fieldset class="field">
                        <legend>{"How many doses were missed?"}</legend>
                        { radio("missed", "missed-one", fields.missed == Missed::One, "Just this one", pick_missed.reform(|()| Missed::One)) }
                        { radio("missed", "missed-several", fields.missed == Missed::TwoOrMoreInARow, "Two or more in a row", pick_missed.reform(|()| Missed::TwoOrMoreInARow)) }
                        { radio("missed", "missed-ran-out", fields.missed == Missed::RanOut, "The medicine has run out", pick_missed.reform(|()| Missed::RanOut)) }
                    </fieldset>
                    <div class="field">
                        <div class="choice">
                            <input type="checkbox" id="vomited" checked={fields.vomited} onchange={on_vomited} />
                            <label for="vomited">{ MISSED_DOSE.vomited_question.text }</label>
                        </div>
                        { citations(MISSED_DOSE.vomited_question.sources) }
                        if fields.vomited {
                            <div class={classes!("field", "field--nested", vomit_error.map(|_| "field--error"))}>
                                <label for="vomited-after">{"How many minutes after the dose?"}</label>
                                { error_message("vomited-after", vomit_error) }
                                <input type="text" inputmode="numeric" id="vomited-after" class="input--short"
                                    value={fields.vomited_after.clone()} oninput={on_vomited_after}
                                    aria-invalid={vomit_error.map(|_| "true")}
                                    aria-describedby={vomit_error.map(|_| "vomited-after-error")} />
                            </div>
                        }
                    </div>
                }
                <fieldset class={classes!("field", withdrawal_error.map(|_| "field--error"))}
                    aria-describedby={withdrawal_error.map(|_| "withdrawal-error")}>
                    <legend>{ withdrawal_question.text }</legend>
                    { citations(withdrawal_question.sources) }
                    { error_message("withdrawal", withdrawal_error) }
                    { radio("withdrawal", "withdrawal-no", fields.withdrawal == Some(false), "No", pick_withdrawal.reform(|()| false)) }
                    { radio("withdrawal", "withdrawal-yes", fields.withdrawal == Some(true), "Yes", pick_withdrawal.reform(|()| true)) }
                </fieldset>
                if !pump {
                    <div class="field choice">
                        <input type="checkbox" id="remember" checked={state.remember} onchange={on_remember} />
                        <label for="remember">{"Remember these dose times on this device"}
                            <span class="hint">{" (kept only in this browser; untick to forget them)"}</span></label>
                    </div>
                }
                <button type="submit" class="button">{ if child { "Show what to do for my child" } else { "Show what to do" } }</button>
            </form>
            <div class="helper__answer" aria-live="polite">
                if let Some(outcome) = &state.outcome {
                    { missed_dose_result(&outcome.explained, &outcome.timeline, if pump { "pump" } else { "missed" }, &props.settings) }
                }
            </div>
        </section>
    }
}
