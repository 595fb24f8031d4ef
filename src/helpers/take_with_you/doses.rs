//! "My doses": who, a first name, how it is taken, the times, "keep on this device", and the
//! error summary (which takes focus when "Use these times" finds something to fix).

use super::on;
use super::state::{Action, State};
use crate::components::citations::Citations;
use crate::components::radio::radio;
use crate::content::ui::missed_dose_helper::ERROR_PREFIX;
use crate::keep::content::{fill, WORDS};
use crate::keep::device;
use crate::missed_dose::form::{Field, FieldError};
use baclofen_logic::missed_dose::{Form, Person};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::Dispatch;

/// "field", and "field field--error" when `error`.
fn field_class(error: bool) -> &'static str {
    if error {
        "field field--error"
    } else {
        "field"
    }
}

/// The message for `field`, if the form has one.
fn error_for(errors: &[FieldError], field: Field) -> Option<&'static str> {
    errors.iter().find(|e| e.field == field).map(|e| e.message)
}

/// "Error: …" under a field (`{id}-error`, which the field points at), or nothing.
fn error_message(id: &str, message: Option<&'static str>) -> Html {
    match message {
        Some(message) => html! {
            <p class="field-error" id={[id, "-error"].concat()}>
                <span class="visually-hidden">{ ERROR_PREFIX }</span>{ message }
            </p>
        },
        None => html! {},
    }
}

/// The list of what to fix, each a link to its field. It takes focus (no live region: focus or
/// announcement, never both).
pub fn error_summary(state: &State, node: NodeRef) -> Html {
    if state.errors.is_empty() && !state.name_error {
        return html! {};
    }
    html! {
        <section ref={node} class="error-summary" tabindex="-1" aria-labelledby="keep-error-title">
            <h3 id="keep-error-title">{ WORDS.fix_first }</h3>
            <ul>
                { for state.errors.iter().map(|e| {
                    let id = e.field.input_id();
                    html! { <li key={id.clone()}><a href={["#", &id].concat()}>{ e.message }</a></li> }
                }) }
                if state.name_error {
                    <li key="keep-name"><a href="#keep-name">{ WORDS.name_too_long }</a></li>
                }
            </ul>
        </section>
    }
}

/// How many doses, and a time field for each (keyed: a field keeps its key whatever else
/// changes).
fn times_part(state: &State, d: &Dispatch) -> Html {
    let fields = &state.fields;
    let errors = &state.errors;
    if fields.form == Some(Form::Pump) {
        return html! { <p>{ WORDS.pump_note }{ " " }<Citations ids={WORDS.pump_note_sources} /></p> };
    }
    if fields.form.is_none() {
        return html! {};
    }
    let count_error = error_for(errors, Field::Count).or(error_for(errors, Field::Times));
    let count = fields.times.len();
    let on_count = on(d, |e: Event| {
        Action::Count(e.target_unchecked_into::<HtmlSelectElement>().value().parse().unwrap_or(1))
    });
    let time_field = |(i, field): (usize, &crate::missed_dose::form::TimeField)| {
        let key = field.key;
        let id = ["dose-time-", &key.to_string()].concat();
        let message = error_for(errors, Field::Time(key));
        let oninput = on(d, move |e: InputEvent| {
            Action::Time(key, e.target_unchecked_into::<HtmlInputElement>().value())
        });
        html! {
            <div key={key} class={if message.is_some() { "field field--time field--error" } else { "field field--time" }}>
                <label for={id.clone()}>{ fill(WORDS.time_label, "n", &(i + 1).to_string()) }</label>
                { error_message(&id, message) }
                <input type="time" id={id.clone()} value={field.value.clone()} {oninput}
                    aria-invalid={message.map(|_| "true")}
                    aria-describedby={message.map(|_| [id.as_str(), "-error"].concat())} />
            </div>
        }
    };
    html! {
        <>
            <div class={field_class(count_error.is_some())}>
                <label for="dose-count">{ WORDS.count_label }</label>
                { error_message("dose-count", count_error) }
                <select id="dose-count" onchange={on_count}>
                    { for (1..=crate::content::SCHEDULE_LIMITS.max_doses_per_day).map(|n| html! {
                        <option key={n} value={n.to_string()} selected={count == n}>{ n }</option>
                    }) }
                </select>
            </div>
            { for fields.times.iter().enumerate().map(time_field) }
        </>
    }
}

/// The form: who, name, how, the times, "keep on this device", "Use these times".
pub fn doses_form(state: &State, d: &Dispatch) -> Html {
    let fields = &state.fields;
    let errors = &state.errors;
    let person = |p: Person| on(d, move |_: Event| Action::Person(p));
    let form = |f: Form| on(d, move |_: Event| Action::Form(f));
    let on_submit = on(d, |event: SubmitEvent| {
        event.prevent_default();
        Action::UseTimes(device::today())
    });
    let on_name = on(d, |e: InputEvent| Action::Name(e.target_unchecked_into::<HtmlInputElement>().value()));
    let on_keep = on(d, |e: Event| {
        let on = e.target_unchecked_into::<HtmlInputElement>().checked();
        if !on {
            // The person asked to forget: the one record goes (the missed-dose helper's too).
            device::forget_doses();
        }
        Action::Keep(on)
    });
    let form_error = error_for(errors, Field::Form);
    let person_error = error_for(errors, Field::Person);
    html! {
        <form class="helper__form" novalidate=true onsubmit={on_submit}>
            <fieldset class={field_class(person_error.is_some())}>
                <legend>{ WORDS.who_legend }</legend>
                { error_message("person", person_error) }
                { radio("keep-person", "person-adult", fields.person == Some(Person::Adult), WORDS.who_adult, person(Person::Adult)) }
                { radio("keep-person", "person-child", fields.person == Some(Person::Child), WORDS.who_child, person(Person::Child)) }
            </fieldset>
            <div class={field_class(state.name_error)}>
                <label for="keep-name">{ WORDS.name_label }</label>
                <p class="hint" id="keep-name-hint">{ WORDS.name_hint }</p>
                if state.name_error { { error_message("keep-name", Some(WORDS.name_too_long)) } }
                <input type="text" id="keep-name" autocomplete="off" maxlength="40" value={state.name.clone()}
                    oninput={on_name} aria-describedby="keep-name-hint"
                    aria-invalid={state.name_error.then_some("true")} />
            </div>
            <fieldset class={field_class(form_error.is_some())}>
                <legend>{ WORDS.form_legend }</legend>
                { error_message("form", form_error) }
                { radio("keep-form", "form-tablet", fields.form == Some(Form::Tablet), WORDS.form_tablet, form(Form::Tablet)) }
                { radio("keep-form", "form-liquid", fields.form == Some(Form::Liquid), WORDS.form_liquid, form(Form::Liquid)) }
                { radio("keep-form", "form-granules", fields.form == Some(Form::Granules), WORDS.form_granules, form(Form::Granules)) }
                { radio("keep-form", "form-pump", fields.form == Some(Form::Pump), WORDS.form_pump, form(Form::Pump)) }
            </fieldset>
            { times_part(state, d) }
            <div class="choice">
                <input type="checkbox" id="keep-on-device" checked={state.keep} onchange={on_keep}
                    aria-describedby="keep-on-device-hint" />
                <label for="keep-on-device">{ WORDS.keep_label }</label>
            </div>
            <p class="hint" id="keep-on-device-hint">{ WORDS.keep_hint }</p>
            <button type="submit" class="button">{ WORDS.use_times }</button>
        </form>
    }
}
