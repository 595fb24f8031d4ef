//! "When are the doses taken?": the saved times offered first, how many times a day, one time
//! field per dose (keyed, so a field keeps its text and focus whatever appears around it), and
//! "Remember these dose times".

use super::questions::{edit_with, error_for, error_message, field_class, option, value_of};
use super::state::{list_words, Edit, MissedDoseAction, MissedDoseState};
use super::Dispatch;
use crate::content::ui::missed_dose_helper as words;
use crate::missed_dose::device;
use crate::missed_dose::form::Field;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The schedule questions, for tablets, liquid and granules (a pump has no dose times).
pub fn schedule_questions(state: &MissedDoseState, dispatch: &Dispatch) -> Html {
    let (fields, errors) = (&state.fields, &state.errors[..]);
    let count = fields.times.len();
    let on_count = edit_with(dispatch, |event: Event| Edit::Count(value_of(&event).parse().unwrap_or(0)));
    let count_options = (1..=crate::content::SCHEDULE_LIMITS.max_doses_per_day).map(|n| {
        let label = if n == 1 {
            words::ONCE_A_DAY.to_string()
        } else {
            words::N_TIMES_A_DAY.replace("{n}", &n.to_string())
        };
        option(n.to_string(), label, count == n, false)
    });
    html! {
        <fieldset class={field_class(errors, &[Field::Count, Field::Times])}>
            <legend>{ words::TIMES_LEGEND }</legend>
            if let Some(saved) = &state.saved {
                <p>
                    <button type="button" class="button button--secondary"
                        onclick={edit_with(dispatch, |_: MouseEvent| Edit::UseSaved)}>
                        { words::USE_SAVED.replace("{times}", &list_words(&saved.times)) }
                    </button>
                </p>
            }
            <div class="field">
                <label for="dose-count">{ words::COUNT_LABEL }</label>
                { error_message("dose-count", error_for(errors, Field::Count).or(error_for(errors, Field::Times))) }
                <select id="dose-count" onchange={on_count}>
                    { option(String::new(), words::CHOOSE.to_string(), count == 0, true) }
                    { for count_options }
                </select>
            </div>
            if count > 0 {
                <p class="hint">{ words::TIMES_HINT }</p>
            }
            { for fields.times.iter().enumerate().map(|(i, field)| html! {
                <TimeField key={field.key} number={i + 1} time_key={field.key} value={field.value.clone()}
                    message={error_for(errors, Field::Time(field.key))} dispatch={dispatch.clone()} />
            }) }
            if count > 0 {
                { remember(state.remember, state.remember_failed, dispatch) }
            }
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
pub struct TimeFieldProps {
    /// "Dose 1 time".
    pub number: usize,
    /// The field's key in the form (stays with it whatever else changes).
    pub time_key: u32,
    pub value: String,
    pub message: Option<&'static str>,
    pub dispatch: Dispatch,
}

/// One dose time field (`input type="time"`). A component, so a field re-renders only when its
/// own text or message changes; its value is the state's, set only when that changes, so a
/// re-render never resets what is being typed.
#[component]
pub fn TimeField(props: &TimeFieldProps) -> Html {
    let id = format!("dose-time-{}", props.time_key);
    let key = props.time_key;
    let dispatch = props.dispatch.clone();
    let on_input = Callback::from(move |event: InputEvent| {
        let value = event.target_unchecked_into::<HtmlInputElement>().value();
        dispatch.dispatch(MissedDoseAction::Edit { edit: Edit::Time { key, value }, now: device::now() });
    });
    let message = props.message;
    html! {
        <div class={classes!("field", "field--time", message.map(|_| "field--error"))}>
            <label for={id.clone()}>{ words::DOSE_TIME.replace("{n}", &props.number.to_string()) }</label>
            { error_message(&id, message) }
            <input type="time" id={id.clone()} value={props.value.clone()} oninput={on_input}
                aria-invalid={message.map(|_| "true")}
                aria-describedby={message.map(|_| format!("{id}-error"))} />
        </div>
    }
}

/// "Remember these dose times on this device": unticking forgets them at once. If the browser
/// refused to keep them, it says so beside the box (not in a live region: the answer is what is
/// said after "Show what to do"; the box names the message as its description).
fn remember(on: bool, failed: bool, dispatch: &Dispatch) -> Html {
    let dispatch = dispatch.clone();
    let on_change = Callback::from(move |event: Event| {
        let on = event.target_unchecked_into::<HtmlInputElement>().checked();
        if !on {
            device::forget();
        }
        dispatch.dispatch(MissedDoseAction::Remember(on));
    });
    html! {
        <>
            <div class="choice">
                <input type="checkbox" id="remember" checked={on} onchange={on_change}
                    aria-describedby={failed.then_some("remember-failed")} />
                <label for="remember">{ words::REMEMBER }<span class="hint">{ words::REMEMBER_HINT }</span></label>
            </div>
            if failed {
                <p class="field-error" id="remember-failed">{ words::REMEMBER_FAILED }</p>
            }
        </>
    }
}
