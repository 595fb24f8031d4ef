//! The helper's questions: who and how (radio groups), what happened (with which dose, how many
//! and when it came back up), the withdrawal question, and the error summary. View functions:
//! each is cheap to render and changes with the state it is given.

use super::state::{Edit, MissedDoseAction, MissedDoseState};
use super::Dispatch;
use crate::components::citations::Citations;
use crate::components::radio::Radio;
use crate::content::ui::missed_dose_helper as words;
use crate::content::MISSED_DOSE;
use crate::missed_dose::device;
use crate::missed_dose::form::{Field, FieldError, Fields, Happened};
use baclofen_logic::missed_dose::{Form, Missed, Person};
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

pub const SUMMARY_ID: &str = "error-summary";

/// The message for `field`, if the form has one.
pub fn error_for(errors: &[FieldError], field: Field) -> Option<&'static str> {
    errors.iter().find(|e| e.field == field).map(|e| e.message)
}

/// "Error: …" under a field (`{id}-error`, which the field points at), or nothing.
pub fn error_message(id: &str, message: Option<&'static str>) -> Html {
    match message {
        Some(message) => html! {
            <p class="field-error" id={format!("{id}-error")}>
                <span class="visually-hidden">{ words::ERROR_PREFIX }</span>{ message }
            </p>
        },
        None => html! {},
    }
}

/// "field", with the error modifier when any of `of` has an error.
pub fn field_class(errors: &[FieldError], of: &[Field]) -> Classes {
    let error = of.iter().any(|&f| error_for(errors, f).is_some());
    classes!("field", error.then_some("field--error"))
}

/// A callback that applies `edit` with the device's time of the change.
pub fn edit_with<E: 'static>(dispatch: &Dispatch, edit: impl Fn(E) -> Edit + 'static) -> Callback<E> {
    let dispatch = dispatch.clone();
    Callback::from(move |event: E| {
        dispatch.dispatch(MissedDoseAction::Edit { edit: edit(event), now: device::now() })
    })
}

/// The value of the input or select an event came from.
pub fn value_of(event: &impl TargetCast) -> String {
    event.target_unchecked_into::<HtmlInputElement>().value()
}

/// One radio button (the shared [`Radio`]), choosing `to` when picked.
fn radio(
    name: &'static str,
    id: &'static str,
    checked: bool,
    label: &'static str,
    to: Edit,
    dispatch: &Dispatch,
) -> Html {
    let on_change = edit_with(dispatch, move |_: Event| to.clone());
    html! { <Radio {name} {id} {label} {checked} onchange={on_change} /> }
}

/// One radio button of a group: its id, its words, whether it is chosen, and the edit it makes.
type Choice = (&'static str, &'static str, bool, Edit);

/// A radio group: a fieldset with its legend, its message and its choices. (Not generic over
/// the answer's type, so the WebAssembly holds one copy.)
fn radio_group(
    name: &'static str,
    legend: Html,
    field: Field,
    errors: &[FieldError],
    choices: Vec<Choice>,
    dispatch: &Dispatch,
) -> Html {
    html! {
        <fieldset class={field_class(errors, &[field])}>
            { legend }
            { error_message(name, error_for(errors, field)) }
            { for choices.into_iter().map(|(id, label, checked, to)| radio(name, id, checked, label, to, dispatch)) }
        </fieldset>
    }
}

/// "Who is the medicine for?" and "How is it taken?": nothing chosen until the person chooses.
pub fn person_and_form(fields: &Fields, errors: &[FieldError], dispatch: &Dispatch) -> Html {
    let person = |id, label, who| (id, label, fields.person == Some(who), Edit::Person(who));
    let people = vec![
        person("person-adult", words::WHO_ADULT, Person::Adult),
        person("person-child", words::WHO_CHILD, Person::Child),
    ];
    let form = |id, label, how| (id, label, fields.form == Some(how), Edit::Form(how));
    let forms = vec![
        form("form-tablet", words::FORM_TABLET, Form::Tablet),
        form("form-liquid", words::FORM_LIQUID, Form::Liquid),
        form("form-granules", words::FORM_GRANULES, Form::Granules),
        form("form-pump", words::FORM_PUMP, Form::Pump),
    ];
    let who = html! { <legend>{ words::WHO_LEGEND }</legend> };
    let how = html! { <legend>{ words::FORM_LEGEND }</legend> };
    html! {
        <>
            { radio_group("person", who, Field::Person, errors, people, dispatch) }
            { radio_group("form", how, Field::Form, errors, forms, dispatch) }
        </>
    }
}

/// "What happened?", then what it needs: which dose (from the typed times), how many were
/// missed, or how long after the dose it came back up.
pub fn what_happened(state: &MissedDoseState, dispatch: &Dispatch) -> Html {
    let (fields, errors) = (&state.fields, &state.errors[..]);
    let happened = fields.happened;
    let what = |id, label, it| (id, label, happened == Some(it), Edit::Happened(it));
    let choices = vec![
        what("happened-missed", words::HAPPENED_MISSED, Happened::Missed),
        what("happened-vomited", words::HAPPENED_VOMITED, Happened::Vomited),
        what("happened-ran-out", words::HAPPENED_RAN_OUT, Happened::RanOut),
    ];
    let many = |id, label, it| (id, label, fields.missed == Some(it), Edit::Missed(it));
    let how_many = vec![
        many("missed-one", words::MISSED_ONE, Missed::One),
        many("missed-several", words::MISSED_SEVERAL, Missed::TwoOrMoreInARow),
        many("missed-days", words::MISSED_DAYS, Missed::MoreThanADay),
    ];
    let legend = html! { <legend>{ words::HAPPENED_LEGEND }</legend> };
    let missed_legend = html! { <legend>{ words::MISSED_LEGEND }</legend> };
    html! {
        <>
            { radio_group("happened", legend, Field::Happened, errors, choices, dispatch) }
            if matches!(happened, Some(Happened::Missed | Happened::Vomited)) {
                { which_dose(state, dispatch) }
            }
            if happened == Some(Happened::Missed) {
                { radio_group("missed", missed_legend, Field::Missed, errors, how_many, dispatch) }
            }
            if happened == Some(Happened::Vomited) {
                { vomited_after(fields, errors, dispatch) }
            }
        </>
    }
}

/// "Which dose was missed?": the doses due in the last day, from the typed times. Each option
/// is keyed by its dose and its selectedness is set as a property, so the menu follows the
/// typed times on every change and shows the state's choice (kept while its dose is listed).
fn which_dose(state: &MissedDoseState, dispatch: &Dispatch) -> Html {
    let (fields, errors) = (&state.fields, &state.errors[..]);
    let options = state.dose_options(&state.clocks);
    let empty = if options.is_empty() { words::ENTER_TIMES_FIRST } else { words::CHOOSE_A_DOSE };
    let label =
        if fields.happened == Some(Happened::Vomited) { words::WHICH_TAKEN } else { words::WHICH_MISSED };
    let on_change = edit_with(dispatch, |event: Event| {
        Edit::Dose(event.target_unchecked_into::<HtmlSelectElement>().value())
    });
    html! {
        <div class={field_class(errors, &[Field::Dose])}>
            <label for="which-dose">{ label }</label>
            { error_message("which-dose", error_for(errors, Field::Dose)) }
            <select id="which-dose" onchange={on_change}>
                { option(String::new(), empty.to_string(), fields.dose.is_empty(), true) }
                { for options.into_iter().map(|(value, label)| {
                    let selected = fields.dose == value;
                    option(value, label, selected, false)
                }) }
            </select>
        </div>
    }
}

/// An `<option>` keyed by its value, whose selectedness is set as a property (the `selected`
/// attribute only sets the default, which a person's own choice overrides), so the menu always
/// shows the state's choice.
pub fn option(value: String, label: String, selected: bool, disabled: bool) -> Html {
    let mut node = html! { <option key={value.clone()} {value} {disabled}>{ label }</option> };
    if let yew::virtual_dom::VNode::VTag(tag) = &mut node {
        std::rc::Rc::make_mut(tag).add_property("selected", selected);
    }
    node
}

/// "How many minutes after taking it did it come back up?"
fn vomited_after(fields: &Fields, errors: &[FieldError], dispatch: &Dispatch) -> Html {
    let message = error_for(errors, Field::VomitedAfter);
    let on_input = edit_with(dispatch, |event: InputEvent| Edit::VomitedAfter(value_of(&event)));
    html! {
        <div class={field_class(errors, &[Field::VomitedAfter])}>
            <label for="vomited-after">{ words::VOMITED_LABEL }</label>
            <Citations ids={MISSED_DOSE.vomited_question.sources} />
            { error_message("vomited-after", message) }
            <input type="text" inputmode="numeric" id="vomited-after" class="input--short"
                value={fields.vomited_after.clone()} oninput={on_input}
                aria-invalid={message.map(|_| "true")}
                aria-describedby={message.map(|_| "vomited-after-error")} />
        </div>
    }
}

/// The withdrawal question (a pump's own wording for a pump), with its sources.
pub fn withdrawal_question(fields: &Fields, errors: &[FieldError], dispatch: &Dispatch) -> Html {
    let question = if fields.form == Some(Form::Pump) {
        &MISSED_DOSE.pump_withdrawal_question
    } else {
        &MISSED_DOSE.withdrawal_question
    };
    let legend = html! {
        <>
            <legend>{ question.text }</legend>
            <Citations ids={question.sources} />
        </>
    };
    let answer = |id, label, yes| (id, label, fields.withdrawal == Some(yes), Edit::Withdrawal(yes));
    let choices = vec![answer("withdrawal-no", words::NO, false), answer("withdrawal-yes", words::YES, true)];
    radio_group("withdrawal", legend, Field::Withdrawal, errors, choices, dispatch)
}

/// "There is a problem" and a link to each field with one. It takes focus when the person
/// presses "Show what to do" (so it is read once, by focus: it is in no live region).
pub fn error_summary(errors: &[FieldError], node: NodeRef) -> Html {
    if errors.is_empty() {
        return html! {};
    }
    let link = |e: &FieldError| {
        let id = e.field.input_id();
        let target = id.clone();
        let on_click = Callback::from(move |event: MouseEvent| {
            // Focus the field itself (the link's target is its id).
            event.prevent_default();
            if let Some(field) = crate::browser::element(&target) {
                let _ = field.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        });
        html! { <li key={[id.as_str(), e.message].concat()}><a href={format!("#{id}")} onclick={on_click}>{ e.message }</a></li> }
    };
    html! {
        <section class="error-summary" id={SUMMARY_ID} tabindex="-1" aria-labelledby="error-summary-title" ref={node}>
            <h3 id="error-summary-title">{ words::PROBLEM_TITLE }</h3>
            <ul>{ for errors.iter().map(link) }</ul>
        </section>
    }
}
