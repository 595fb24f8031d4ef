//! The missed-dose helper form. It asks in the order a person thinks (who, how it is taken, how
//! many times a day and when, what happened), starts empty, and keeps everything typed when
//! there is an error. State is a reducer over typed actions; the clock is read only in event
//! handlers and passed in, never during render.

use crate::components::citations::citations;
use crate::components::dose_timeline::lay_out;
use crate::components::focus::focus_and_show;
use crate::components::missed_dose_result::{missed_dose_result, Outcome};
use crate::content::ui::missed_dose_helper as words;
use crate::content::MISSED_DOSE;
use crate::missed_dose::device::{self, DeviceZone, Remembered};
use crate::missed_dose::form::{self, Field, FieldError, Fields, Happened};
use crate::missed_dose::wording::{explain, time_words};
use crate::settings::SharedSettings;
use baclofen_logic::missed_dose::{advise, Form, Missed, Person, Rules, Situation};
use baclofen_logic::time::Instant;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Times saved on this device, offered first.
#[derive(Clone, Debug, PartialEq)]
struct Saved {
    person: Person,
    form: Form,
    times: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
struct State {
    fields: Fields,
    /// The device's time when the person last did something (for the "which dose" menu).
    now: Instant,
    saved: Option<Saved>,
    remember: bool,
    /// The browser refused to keep the times.
    remember_failed: bool,
    errors: Vec<FieldError>,
    outcome: Option<Outcome>,
    notice: Option<&'static str>,
}

/// A change to one answer.
#[derive(Clone, Debug, PartialEq)]
enum Edit {
    Person(Person),
    Form(Form),
    Count(usize),
    Time { key: u32, value: String },
    UseSaved,
    Happened(Happened),
    Dose(String),
    Missed(Missed),
    VomitedAfter(String),
    Withdrawal(bool),
}

impl Default for State {
    fn default() -> Self {
        State {
            fields: Fields::default(),
            now: Instant(0),
            saved: None,
            remember: false,
            remember_failed: false,
            errors: Vec::new(),
            outcome: None,
            notice: None,
        }
    }
}

enum Action {
    Edit { edit: Edit, now: Instant },
    Remember(bool),
    Restore { found: Remembered, now: Instant },
    // Boxed: an answer is far larger than the other actions.
    Answered(Box<Result<Outcome, Vec<FieldError>>>),
    SaveFailed,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Edit { edit, now } => {
                next.now = now;
                let f = &mut next.fields;
                match edit {
                    Edit::Person(person) => f.person = Some(person),
                    Edit::Form(form) => f.form = Some(form),
                    Edit::Count(count) => f.set_count(count),
                    Edit::Time { key, value } => f.set_time(key, value),
                    Edit::UseSaved => {
                        if let Some(saved) = &self.saved {
                            f.use_saved(saved.person, saved.form, &saved.times);
                        }
                    }
                    Edit::Happened(happened) => {
                        f.happened = Some(happened);
                        f.dose.clear();
                    }
                    Edit::Dose(dose) => f.dose = dose,
                    Edit::Missed(missed) => f.missed = Some(missed),
                    Edit::VomitedAfter(value) => f.vomited_after = value,
                    Edit::Withdrawal(yes) => f.withdrawal = Some(yes),
                }
                // An answer must never stay on screen for inputs it was not worked out from.
                next.outcome = None;
            }
            Action::Remember(on) => {
                next.remember = on;
                next.remember_failed = false;
            }
            Action::Restore { found: Remembered::Found { person, form, times }, now } => {
                next.saved = Some(Saved { person, form, times });
                next.now = now;
            }
            Action::Restore { found: Remembered::Discarded, now } => {
                next.now = now;
                next.notice = Some(words::SAVED_DISCARDED);
            }
            Action::Restore { found: Remembered::Nothing, now } => next.now = now,
            Action::Answered(answer) => match *answer {
                Ok(outcome) => {
                    next.outcome = Some(outcome);
                    next.errors.clear();
                }
                Err(errors) => {
                    next.outcome = None;
                    next.errors = errors;
                }
            },
            Action::SaveFailed => next.remember_failed = true,
        }
        Rc::new(next)
    }
}

/// "08:00", "08:00 and 20:00", "08:00, 14:00 and 20:00".
fn list_words(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), crate::content::ui::words::AND),
    }
}

/// Where the "check symptoms" link leads: the checker with the situation ticked. One missed
/// dose is not "missed doses" (§11 row 27 vs row 13).
fn checker_context(situation: &Situation) -> &'static str {
    match (situation.form, situation.missed) {
        (Form::Pump, _) => "pump",
        (_, Missed::TwoOrMoreInARow) => "missed-several",
        (_, Missed::RanOut) => "ran-out",
        (_, Missed::One) if situation.vomited_after.is_some() => "",
        (_, Missed::One) => "missed-one",
    }
}

/// Reads the form, asks the engine, and words the answer for the device's time zone.
fn answer(fields: &Fields, rules: &Rules, now: Instant) -> Result<Outcome, Vec<FieldError>> {
    let (schedule, situation) = form::read(fields)?;
    let zone = DeviceZone;
    let answer =
        advise(schedule.as_ref(), &zone, now, &situation, rules).map_err(|e| vec![form::advice_error(e)])?;
    let used = schedule.as_ref().map(|s| {
        let times: Vec<String> = s.times().iter().map(|t| t.to_string()).collect();
        words::USING_TIMES.replace("{times}", &list_words(&times))
    });
    let explained = explain(&answer, &zone, now, rules);
    let words = &crate::keep::content::NEXT_DOSE;
    let date = crate::keep::content::date_words(baclofen_logic::time::local_at(&zone, now).0);
    let note = crate::keep::content::fill(words.next_note, "date", &date);
    let next_dose_calendar =
        baclofen_logic::calendar::next_dose_event(&answer, &zone, words.title_plain, &note, now);
    let kept = crate::keep::record::Kept {
        kind: crate::keep::record::KeptKind::Missed,
        at: now,
        level: explained.action.clone(),
        detail: explained.then.clone(),
    };
    Ok(Outcome {
        explained,
        timeline: lay_out(&answer.timeline, &zone, now),
        used,
        checker_context: checker_context(&situation),
        next_dose_calendar,
        kept,
    })
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
            <p class="field-error" id={format!("{id}-error")}><span class="visually-hidden">{ words::ERROR_PREFIX }</span>{ message }</p>
        },
        None => html! {},
    }
}

fn focus_id(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
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
    let result_ref = use_node_ref();
    let errors_ref = use_node_ref();
    let focus_next = use_mut_ref(|| None::<NodeRef>);

    {
        let state = state.clone();
        use_effect_with((), move |_| {
            state.dispatch(Action::Restore { found: device::load(), now: device::now() })
        });
    }
    {
        // After an answer or an error, move focus to it so it is read out and seen.
        let focus_next = focus_next.clone();
        use_effect_with((state.outcome.clone(), state.errors.clone()), move |_| {
            if let Some(node) = focus_next.borrow_mut().take() {
                focus_and_show(&node);
            }
        });
    }

    let edit = {
        let dispatch = state.dispatcher();
        Callback::from(move |edit: Edit| dispatch.dispatch(Action::Edit { edit, now: device::now() }))
    };
    let fields = &state.fields;
    let errors = &state.errors;

    let onsubmit = {
        let state = state.clone();
        let focus_next = focus_next.clone();
        let (result_ref, errors_ref) = (result_ref.clone(), errors_ref.clone());
        let rules = props.settings.missed_dose_rules();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let result = answer(&state.fields, &rules, device::now());
            let f = &state.fields;
            if let (Ok(_), Some(person), Some(form)) = (&result, f.person, f.form) {
                if form != Form::Pump {
                    if state.remember {
                        if !device::save(person, form, &f.typed_times()) {
                            state.dispatch(Action::SaveFailed);
                        }
                    } else {
                        device::forget();
                    }
                }
            }
            *focus_next.borrow_mut() =
                Some(if result.is_ok() { result_ref.clone() } else { errors_ref.clone() });
            state.dispatch(Action::Answered(Box::new(result)));
        })
    };
    let on_remember = {
        let dispatch = state.dispatcher();
        Callback::from(move |event: Event| {
            let on = event.target_unchecked_into::<HtmlInputElement>().checked();
            if !on {
                device::forget();
            }
            dispatch.dispatch(Action::Remember(on));
        })
    };

    let pump = fields.form == Some(Form::Pump);
    let child = fields.person == Some(Person::Child);
    let pick = |edit_to: Edit| {
        let edit = edit.clone();
        Callback::from(move |()| edit.emit(edit_to.clone()))
    };

    let time_inputs = fields.times.iter().enumerate().map(|(i, field)| {
        let key = field.key;
        let id = format!("dose-time-{key}");
        let message = error_for(errors, Field::Time(key));
        let oninput = edit.reform(move |event: InputEvent| Edit::Time {
            key,
            value: event.target_unchecked_into::<HtmlInputElement>().value(),
        });
        html! {
            <div class={classes!("field", "field--time", message.map(|_| "field--error"))} key={key}>
                <label for={id.clone()}>{ words::DOSE_TIME.replace("{n}", &(i + 1).to_string()) }</label>
                { error_message(&id, message) }
                <input type="time" id={id.clone()} value={field.value.clone()} {oninput}
                    aria-invalid={message.map(|_| "true")}
                    aria-describedby={message.map(|_| format!("{id}-error"))} />
            </div>
        }
    });
    let on_count = edit.reform(|event: Event| {
        Edit::Count(event.target_unchecked_into::<HtmlSelectElement>().value().parse().unwrap_or(0))
    });

    // Choices for "which dose": any dose due in the last day, worked out from the time of the
    // person's last change (never the clock at render time).
    let dose_options: Vec<(String, String)> = form::schedule_of(fields)
        .map(|schedule| {
            let (zone, now) = (DeviceZone, state.now);
            form::recent_doses(&schedule, &zone, now)
                .into_iter()
                .map(|at| (at.0.to_string(), words::THE_DOSE.replace("{time}", &time_words(&zone, now, at))))
                .collect()
        })
        .unwrap_or_default();
    let on_dose =
        edit.reform(|event: Event| Edit::Dose(event.target_unchecked_into::<HtmlSelectElement>().value()));
    let on_vomited_after = edit.reform(|event: InputEvent| Edit::VomitedAfter(input_value(&event)));

    let error_class = |field: Field| error_for(errors, field).map(|_| "field--error");
    let withdrawal_question =
        if pump { &MISSED_DOSE.pump_withdrawal_question } else { &MISSED_DOSE.withdrawal_question };
    let happened = fields.happened;
    let count = fields.times.len();

    html! {
        <section class="helper" aria-labelledby="helper-title">
            <h2 id="helper-title">{ words::TITLE }</h2>
            <p>{ words::INTRO }</p>
            if let Some(notice) = state.notice {
                <p class="notice" role="status">{ notice }</p>
            }
            if !errors.is_empty() {
                <div class="error-summary" tabindex="-1" role="alert" aria-labelledby="error-summary-title" ref={errors_ref.clone()}>
                    <h3 id="error-summary-title">{ words::PROBLEM_TITLE }</h3>
                    <ul>
                        { for errors.iter().map(|e| {
                            let id = e.field.input_id();
                            html! {
                                <li><a href={format!("#{id}")} onclick={
                                    let id = id.clone();
                                    Callback::from(move |event: MouseEvent| { event.prevent_default(); focus_id(&id); })
                                }>{ e.message }</a></li>
                            }
                        }) }
                    </ul>
                </div>
            }
            <form class="helper__form" novalidate=true {onsubmit}>
                <fieldset class={classes!("field", error_class(Field::Person))}>
                    <legend>{ words::WHO_LEGEND }</legend>
                    { error_message("person", error_for(errors, Field::Person)) }
                    { radio("person", "person-adult", fields.person == Some(Person::Adult), words::WHO_ADULT, pick(Edit::Person(Person::Adult))) }
                    { radio("person", "person-child", fields.person == Some(Person::Child), words::WHO_CHILD, pick(Edit::Person(Person::Child))) }
                </fieldset>
                <fieldset class={classes!("field", error_class(Field::Form))}>
                    <legend>{ words::FORM_LEGEND }</legend>
                    { error_message("form", error_for(errors, Field::Form)) }
                    { radio("form", "form-tablet", fields.form == Some(Form::Tablet), words::FORM_TABLET, pick(Edit::Form(Form::Tablet))) }
                    { radio("form", "form-liquid", fields.form == Some(Form::Liquid), words::FORM_LIQUID, pick(Edit::Form(Form::Liquid))) }
                    { radio("form", "form-granules", fields.form == Some(Form::Granules), words::FORM_GRANULES, pick(Edit::Form(Form::Granules))) }
                    { radio("form", "form-pump", fields.form == Some(Form::Pump), words::FORM_PUMP, pick(Edit::Form(Form::Pump))) }
                </fieldset>
                if fields.form.is_some() && !pump {
                    <fieldset class={classes!("field", error_class(Field::Count), error_class(Field::Times))}>
                        <legend>{ words::TIMES_LEGEND }</legend>
                        if let Some(saved) = &state.saved {
                            <p>
                                <button type="button" class="button button--secondary" onclick={edit.reform(|_: MouseEvent| Edit::UseSaved)}>
                                    { words::USE_SAVED.replace("{times}", &list_words(&saved.times)) }
                                </button>
                            </p>
                        }
                        <div class="field">
                            <label for="dose-count">{ words::COUNT_LABEL }</label>
                            { error_message("dose-count", error_for(errors, Field::Count).or(error_for(errors, Field::Times))) }
                            <select id="dose-count" onchange={on_count}>
                                <option value="" selected={count == 0} disabled=true>{ words::CHOOSE }</option>
                                { for (1..=crate::content::SCHEDULE_LIMITS.max_doses_per_day).map(|n| html! {
                                    <option value={n.to_string()} selected={count == n}>{ if n == 1 { words::ONCE_A_DAY.to_string() } else { words::N_TIMES_A_DAY.replace("{n}", &n.to_string()) } }</option>
                                }) }
                            </select>
                        </div>
                        if count > 0 {
                            <p class="hint">{ words::TIMES_HINT }</p>
                        }
                        { for time_inputs }
                        if count > 0 {
                            <div class="choice">
                                <input type="checkbox" id="remember" checked={state.remember} onchange={on_remember} />
                                <label for="remember">{ words::REMEMBER }
                                    <span class="hint">{ words::REMEMBER_HINT }</span></label>
                            </div>
                            if state.remember_failed {
                                <p class="field-error" role="status">{ words::REMEMBER_FAILED }</p>
                            }
                        }
                    </fieldset>
                    <fieldset class={classes!("field", error_class(Field::Happened))}>
                        <legend>{ words::HAPPENED_LEGEND }</legend>
                        { error_message("happened", error_for(errors, Field::Happened)) }
                        { radio("happened", "happened-missed", happened == Some(Happened::Missed), words::HAPPENED_MISSED, pick(Edit::Happened(Happened::Missed))) }
                        { radio("happened", "happened-vomited", happened == Some(Happened::Vomited), words::HAPPENED_VOMITED, pick(Edit::Happened(Happened::Vomited))) }
                        { radio("happened", "happened-ran-out", happened == Some(Happened::RanOut), words::HAPPENED_RAN_OUT, pick(Edit::Happened(Happened::RanOut))) }
                    </fieldset>
                    if matches!(happened, Some(Happened::Missed | Happened::Vomited)) {
                        <div class={classes!("field", error_class(Field::Dose))}>
                            <label for="which-dose">{ if happened == Some(Happened::Vomited) { words::WHICH_TAKEN } else { words::WHICH_MISSED } }</label>
                            { error_message("which-dose", error_for(errors, Field::Dose)) }
                            <select id="which-dose" onchange={on_dose}>
                                <option value="" selected={fields.dose.is_empty()} disabled=true>
                                    { if dose_options.is_empty() { words::ENTER_TIMES_FIRST } else { words::CHOOSE_A_DOSE } }
                                </option>
                                { for dose_options.into_iter().map(|(value, label)| {
                                    let selected = fields.dose == value;
                                    html! { <option {selected} {value}>{ label }</option> }
                                }) }
                            </select>
                        </div>
                    }
                    if happened == Some(Happened::Missed) {
                        <fieldset class={classes!("field", error_class(Field::Missed))}>
                            <legend>{ words::MISSED_LEGEND }</legend>
                            { error_message("missed", error_for(errors, Field::Missed)) }
                            { radio("missed", "missed-one", fields.missed == Some(Missed::One), words::MISSED_ONE, pick(Edit::Missed(Missed::One))) }
                            { radio("missed", "missed-several", fields.missed == Some(Missed::TwoOrMoreInARow), words::MISSED_SEVERAL, pick(Edit::Missed(Missed::TwoOrMoreInARow))) }
                        </fieldset>
                    }
                    if happened == Some(Happened::Vomited) {
                        <div class={classes!("field", error_class(Field::VomitedAfter))}>
                            <label for="vomited-after">{ words::VOMITED_LABEL }</label>
                            { citations(MISSED_DOSE.vomited_question.sources) }
                            { error_message("vomited-after", error_for(errors, Field::VomitedAfter)) }
                            <input type="text" inputmode="numeric" id="vomited-after" class="input--short"
                                value={fields.vomited_after.clone()} oninput={on_vomited_after}
                                aria-invalid={error_for(errors, Field::VomitedAfter).map(|_| "true")}
                                aria-describedby={error_for(errors, Field::VomitedAfter).map(|_| "vomited-after-error")} />
                        </div>
                    }
                }
                <fieldset class={classes!("field", error_class(Field::Withdrawal))}>
                    <legend>{ withdrawal_question.text }</legend>
                    { citations(withdrawal_question.sources) }
                    { error_message("withdrawal", error_for(errors, Field::Withdrawal)) }
                    { radio("withdrawal", "withdrawal-no", fields.withdrawal == Some(false), words::NO, pick(Edit::Withdrawal(false))) }
                    { radio("withdrawal", "withdrawal-yes", fields.withdrawal == Some(true), words::YES, pick(Edit::Withdrawal(true))) }
                </fieldset>
                <button type="submit" class="button">{ if child { words::SHOW_CHILD } else { words::SHOW } }</button>
            </form>
            <div class="helper__answer" aria-live="polite">
                if let Some(outcome) = &state.outcome {
                    { missed_dose_result(outcome, &props.settings, result_ref.clone()) }
                }
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(state: Rc<State>, edit: Edit) -> Rc<State> {
        state.reduce(Action::Edit { edit, now: Instant(0) })
    }

    #[test]
    fn removing_a_time_twice_in_one_task_and_typing_into_a_removed_field_never_panic() {
        let state = with(Rc::new(State::default()), Edit::Count(3));
        let removed = state.fields.times[2].key;
        let state = with(state, Edit::Count(2));
        let state = with(state, Edit::Count(1));
        let state = with(state, Edit::Time { key: removed, value: "21:00".into() });
        assert_eq!(state.fields.typed_times(), vec![String::new()]);
    }

    #[test]
    fn the_times_in_the_answer_are_listed_in_words() {
        assert_eq!(list_words(&["08:00".into(), "20:00".into()]), "08:00 and 20:00");
        assert_eq!(list_words(&["08:00".into(), "14:00".into(), "20:00".into()]), "08:00, 14:00 and 20:00");
    }
}
