//! The planner's questions and its error summary. Fields start empty and keep exactly what was
//! typed; problems are listed in the summary and at each field (the GOV.UK pattern). Every
//! list is keyed.

use super::state::{PlannerAction, PlannerState};
use crate::components::citations::Citations;
use crate::components::radio::Radio;
use crate::planner::content::{fill, WORDS};
use crate::planner::form::{
    asks_child_under_8, asks_score_line, dose_count, input_id, liquids_for, tablets_for, time_id, FormKind,
};
use crate::planner::wording;
use baclofen_logic::planner::{parse_date, Direction, Field, FieldError, Per, Who};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

pub type Dispatch = UseReducerDispatcher<PlannerState>;

fn error_id(id: &str) -> String {
    [id, "-error"].concat()
}

fn hint_id(id: &str) -> String {
    [id, "-hint"].concat()
}

fn field_class(error: bool) -> &'static str {
    if error {
        "field field--error"
    } else {
        "field"
    }
}

fn words_id(id: &str) -> String {
    [id, "-words"].concat()
}

fn described_by(id: &str, hint: bool, error: bool) -> Option<AttrValue> {
    described_by_all(id, hint, error, false)
}

/// The ids that describe a field: its hint, its message and (for a date) the date in words.
fn described_by_all(id: &str, hint: bool, error: bool, words: bool) -> Option<AttrValue> {
    let ids: Vec<String> =
        [hint.then(|| hint_id(id)), error.then(|| error_id(id)), words.then(|| words_id(id))]
            .into_iter()
            .flatten()
            .collect();
    (!ids.is_empty()).then(|| AttrValue::from(ids.join(" ")))
}

/// The message at a field, if it has one.
fn message(id: &str, text: &Option<String>) -> Html {
    match text {
        Some(text) => html! { <p class="field-error" id={error_id(id)}>{ text.clone() }</p> },
        None => html! {},
    }
}

/// Whether a number was typed in a field whose "for each dose or the whole day" is missing.
fn typed(state: &PlannerState, field: Field) -> bool {
    match field {
        Field::StartDose => !state.fields.start.trim().is_empty(),
        Field::Step => !state.fields.step.trim().is_empty(),
        _ => false,
    }
}

fn words_for(state: &PlannerState, error: &FieldError) -> String {
    wording::error_message(error, state.fields.direction, typed(state, error.field))
}

/// The message for `field`, if the last submission found a problem with it.
fn error_at(state: &PlannerState, field: Field) -> Option<String> {
    state.errors.iter().find(|e| e.field == field).map(|e| words_for(state, e))
}

/// Sends `make(value)` when the text in an input or a select changes.
fn typing(dispatch: &Dispatch, make: impl Fn(String) -> PlannerAction + 'static) -> Callback<InputEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |event: InputEvent| {
        let target = event.target();
        let value = match target.as_ref().and_then(|t| wasm_bindgen::JsCast::dyn_ref::<HtmlSelectElement>(t))
        {
            Some(select) => select.value(),
            None => event.target_unchecked_into::<HtmlInputElement>().value(),
        };
        dispatch.dispatch(make(value));
    })
}

fn pick(dispatch: &Dispatch, action: PlannerAction) -> Callback<Event> {
    let dispatch = dispatch.clone();
    Callback::from(move |_: Event| dispatch.dispatch(action.clone()))
}

/// A text box with its label, hint and message. The type is text (or date) so that whatever is
/// typed, letters too, stays on screen to be corrected.
struct TextField {
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    kind: &'static str,
    inputmode: Option<&'static str>,
}

fn text_field(field: TextField, value: &str, error: Option<String>, oninput: Callback<InputEvent>) -> Html {
    let TextField { id, label, hint, kind, inputmode } = field;
    let has_error = error.is_some();
    // Issue 29: a date typed is confirmed in words under the field ("Monday 7 December 2026"),
    // read with it as its description; nothing shows until a real date is there.
    let words = (kind == "date").then(|| parse_date(value).ok()).flatten().map(wording::date);
    html! {
        <div class={field_class(has_error)} key={id}>
            <label for={id}>{ label }</label>
            if !hint.is_empty() { <p class="hint" id={hint_id(id)}>{ hint }</p> }
            { message(id, &error) }
            <input {id} name={id} type={kind} inputmode={inputmode} autocomplete="off"
                class={(kind == "text").then_some("input--short")}
                value={value.to_string()}
                aria-invalid={has_error.then_some("true")}
                aria-describedby={described_by_all(id, !hint.is_empty(), has_error, words.is_some())}
                {oninput} />
            if let Some(words) = words {
                <p class="field-date-words" id={words_id(id)}>{ words }</p>
            }
        </div>
    }
}

/// One radio button (the shared [`Radio`]), keyed by its id.
fn radio(
    name: &'static str,
    id: &'static str,
    checked: bool,
    label: &'static str,
    onchange: Callback<Event>,
) -> Html {
    html! { <Radio key={id} {name} {id} {label} {checked} {onchange} /> }
}

/// A set of radio buttons with its legend and message.
fn choices(legend: &'static str, id: &'static str, error: Option<String>, items: Html) -> Html {
    let has_error = error.is_some();
    html! {
        <fieldset class={field_class(has_error)} key={id} aria-describedby={described_by(id, false, has_error)}>
            <legend>{ legend }</legend>
            { message(id, &error) }
            { items }
        </fieldset>
    }
}

/// A tick box with its label (and an optional hint read with it).
fn checkbox(
    id: &'static str,
    checked: bool,
    label: &'static str,
    hint: Option<&'static str>,
    onchange: Callback<Event>,
) -> Html {
    html! {
        <div class="field checkbox" key={id}>
            <input type="checkbox" {id} name={id} {checked} aria-describedby={hint.map(|_| hint_id(id))} {onchange} />
            <label for={id}>{ label }</label>
            if let Some(hint) = hint { <p class="hint" id={hint_id(id)}>{ hint }</p> }
        </div>
    }
}

/// The error summary: named by its heading, not a live region; it takes focus after a
/// submission with problems (the planner's effect), and each link moves to its field.
pub fn error_summary(state: &PlannerState, node: NodeRef) -> Html {
    if state.errors.is_empty() {
        return html! {};
    }
    let link = |error: &FieldError| {
        let id = input_id(error.field);
        let target = id.clone();
        let onclick = Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            if let Some(element) = crate::browser::element(&target) {
                let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(element).focus();
            }
        });
        html! { <li key={id.clone()}><a href={["#", &id].concat()} {onclick}>{ words_for(state, error) }</a></li> }
    };
    html! {
        <section class="error-summary" key="planner-error-summary" tabindex="-1" ref={node}
            aria-labelledby="planner-error-title">
            <h3 id="planner-error-title">{ WORDS.error_summary }</h3>
            <ul>{ for state.errors.iter().map(link) }</ul>
        </section>
    }
}

/// The strength: a list of the region's tablets or liquids, once the form is chosen (keyed by
/// the form, so a tablet's choice never shows in the liquid's list).
fn strength_field(state: &PlannerState, dispatch: &Dispatch, region: Option<&str>) -> Html {
    let Some(kind) = state.fields.form else { return html! {} };
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
    let id = "planner-strength";
    let error = error_at(state, Field::Strength);
    let has_error = error.is_some();
    let chosen = &state.fields.strength;
    html! {
        <div class={field_class(has_error)} key={if kind == FormKind::Tablet { "planner-strength-tablet" } else { "planner-strength-liquid" }}>
            <label for={id}>{ label }</label>
            <p class="hint" id={hint_id(id)}>{ hint }</p>
            if kind == FormKind::Liquid { <Citations ids={WORDS.liquid_hint_sources} /> }
            { message(id, &error) }
            <select {id} name={id} oninput={typing(dispatch, PlannerAction::Strength)}
                aria-invalid={has_error.then_some("true")} aria-describedby={described_by(id, true, has_error)}>
                <option value="" selected={chosen.is_empty()}>{ WORDS.choose }</option>
                { for options.into_iter().map(|(i, label)| {
                    let value = i.to_string();
                    let selected = *chosen == value;
                    html! { <option key={value.clone()} {selected} {value}>{ label }</option> }
                }) }
            </select>
        </div>
    }
}

/// Who the plan is for, what the medicine comes as, its strength and the questions they bring.
fn medicine(state: &PlannerState, dispatch: &Dispatch, region: Option<&str>) -> Html {
    let f = &state.fields;
    let who = |v: Who, id, label| {
        radio("planner-who", id, f.who == Some(v), label, pick(dispatch, PlannerAction::Who(v)))
    };
    let form = |v: FormKind, id, label| {
        radio("planner-form", id, f.form == Some(v), label, pick(dispatch, PlannerAction::Form(v)))
    };
    html! {
        <>
            { choices(WORDS.who_legend, "planner-who", error_at(state, Field::Who), html! {
                <>
                    { who(Who::Adult, "planner-who-adult", WORDS.who_adult) }
                    { who(Who::Child, "planner-who-child", WORDS.who_child) }
                </>
            }) }
            if f.who == Some(Who::Child) {
                <p class="notice" key="planner-child-note">{ WORDS.child_note }</p>
            }
            if asks_child_under_8(f) {
                { checkbox("planner-child-under-8", f.child_under_8, WORDS.child_under_8, None,
                    pick(dispatch, PlannerAction::ChildUnder8(!f.child_under_8))) }
            }
            { choices(WORDS.form_legend, "planner-form", error_at(state, Field::Form), html! {
                <>
                    { form(FormKind::Tablet, "planner-form-tablet", WORDS.form_tablet) }
                    { form(FormKind::Liquid, "planner-form-liquid", WORDS.form_liquid) }
                    <p class="hint" key="planner-pump-note">{ WORDS.pump_note }</p>
                </>
            }) }
            { strength_field(state, dispatch, region) }
            // Fact sheet §13.14, decision (f): halves of US 10 and 20 mg tablets only after the
            // person confirms the line (src/planner/form.rs decides; this is only the control).
            if asks_score_line(f) {
                { checkbox("planner-score-line", f.score_line, WORDS.score_line, Some(WORDS.score_line_hint),
                    pick(dispatch, PlannerAction::ScoreLine(!f.score_line))) }
            }
        </>
    }
}

/// How many doses a day, and one time box per dose (keyed by its id).
fn times(state: &PlannerState, dispatch: &Dispatch) -> Html {
    let f = &state.fields;
    let time = |i: usize| {
        let id = time_id(i);
        let error = error_at(state, Field::Time(i as u8));
        let has_error = error.is_some();
        let value = f.times.get(i).cloned().unwrap_or_default();
        html! {
            <div class={field_class(has_error)} key={id.clone()}>
                <label for={id.clone()}>{ fill(WORDS.time_label, &[("n", &(i + 1).to_string())]) }</label>
                { message(&id, &error) }
                <input id={id.clone()} type="time" {value} oninput={typing(dispatch, move |v| PlannerAction::Time(i, v))}
                    aria-invalid={has_error.then_some("true")} aria-describedby={described_by(&id, false, has_error)} />
            </div>
        }
    };
    html! {
        <>
            { text_field(
                TextField { id: "planner-doses", label: WORDS.doses_label, hint: WORDS.doses_hint, kind: "text", inputmode: Some("numeric") },
                &f.doses, error_at(state, Field::DosesPerDay), typing(dispatch, PlannerAction::Doses)) }
            <p class="hint" key="planner-one-change">{ WORDS.one_change_note }</p>
            { for (0..dose_count(f)).map(time) }
        </>
    }
}

/// "For each dose" or "for the whole day", for the starting dose or the change.
fn per(
    legend: &'static str,
    name: &'static str,
    ids: [&'static str; 2],
    value: Option<Per>,
    make: fn(Per) -> PlannerAction,
    dispatch: &Dispatch,
) -> Html {
    html! {
        <fieldset class="field field--nested" key={name}>
            <legend>{ legend }</legend>
            { radio(name, ids[0], value == Some(Per::Dose), WORDS.per_dose, pick(dispatch, make(Per::Dose))) }
            { radio(name, ids[1], value == Some(Per::Day), WORDS.per_day, pick(dispatch, make(Per::Day))) }
        </fieldset>
    }
}

/// The first day, the doses and how they change.
fn amounts(state: &PlannerState, dispatch: &Dispatch) -> Html {
    let f = &state.fields;
    let field = |id, label, hint, kind, inputmode| TextField { id, label, hint, kind, inputmode };
    let direction = |v: Direction, id, label| {
        radio(
            "planner-direction",
            id,
            f.direction == Some(v),
            label,
            pick(dispatch, PlannerAction::Direction(v)),
        )
    };
    html! {
        <>
            { text_field(field("planner-start-date", WORDS.start_date_label, WORDS.start_date_hint, "date", None),
                &f.start_date, error_at(state, Field::StartDate), typing(dispatch, PlannerAction::StartDate)) }
            { text_field(field("planner-start", WORDS.start_label, WORDS.start_hint, "text", Some("decimal")),
                &f.start, error_at(state, Field::StartDose), typing(dispatch, PlannerAction::Start)) }
            { per(WORDS.per_legend, "planner-start-per", ["planner-start-per-dose", "planner-start-per-day"],
                f.start_per, PlannerAction::StartPer, dispatch) }
            { choices(WORDS.direction_legend, "planner-direction", error_at(state, Field::Direction), html! {
                <>
                    { direction(Direction::Up, "planner-direction-up", WORDS.direction_up) }
                    { direction(Direction::Down, "planner-direction-down", WORDS.direction_down) }
                </>
            }) }
            { text_field(field("planner-step", WORDS.step_label, WORDS.step_hint, "text", Some("decimal")),
                &f.step, error_at(state, Field::Step), typing(dispatch, PlannerAction::Step)) }
            { per(WORDS.step_per_legend, "planner-step-per", ["planner-step-per-dose", "planner-step-per-day"],
                f.step_per, PlannerAction::StepPer, dispatch) }
            { text_field(field("planner-every", WORDS.every_label, WORDS.every_hint, "text", Some("numeric")),
                &f.every, error_at(state, Field::Every), typing(dispatch, PlannerAction::Every)) }
            { text_field(field("planner-end", WORDS.end_label, WORDS.end_hint, "text", Some("decimal")),
                &f.end, error_at(state, Field::End), typing(dispatch, PlannerAction::End)) }
        </>
    }
}

/// The whole form. "Make the plan" reads it (the planner's effect then moves focus or the
/// status line speaks).
pub fn planner_form(state: &PlannerState, dispatch: &Dispatch, region: Option<&str>) -> Html {
    let onsubmit = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            dispatch.dispatch(PlannerAction::Submit);
        })
    };
    html! {
        <form class="helper__form" novalidate=true {onsubmit}>
            { medicine(state, dispatch, region) }
            { times(state, dispatch) }
            { amounts(state, dispatch) }
            <button type="submit" class="button">{ WORDS.submit }</button>
        </form>
    }
}
