//! The missed-dose helper. It asks in the order a person thinks (who, how it is taken, how many
//! times a day and when, what happened), starts empty, keeps everything typed when there is an
//! error, and answers from the engine (`crates/logic`) when the person presses "Show what to do".
//!
//! `state.rs` is the pure reducer; `questions.rs`, `times.rs` and `answer.rs` the views. Storage
//! goes through `crate::missed_dose::device`, in handlers; the clock is read in handlers and
//! passed in. The screen-reader contract: a new answer is said once, in one short sentence, by
//! the live region ([`answer::announcer`]); the card is outside it and focus stays where the
//! person pressed; problems move focus to the summary, which is in no live region.

pub mod answer;
pub mod questions;
pub mod state;
pub mod times;

use crate::content::ui::missed_dose_helper as words;
use crate::helpers::page_tools::use_page_tool_guard;
use crate::missed_dose::device::{self, DeviceZone};
use crate::settings::SharedSettings;
use answer::{announcer, AnswerCard};
use baclofen_logic::missed_dose::{Form, Person};
use questions::{error_summary, person_and_form, what_happened, withdrawal_question};
use state::{announcement, work_out, MissedDoseAction, MissedDoseState};
use times::schedule_questions;
use yew::prelude::*;

pub type Dispatch = UseReducerDispatcher<MissedDoseState>;

#[derive(Properties, PartialEq, Default)]
pub struct MissedDoseProps {
    #[prop_or_default]
    pub settings: SharedSettings,
    /// Called once, when the form is in the page.
    #[prop_or_default]
    pub on_shown: Callback<()>,
}

/// The element, focused and scrolled into view (so a screen reader reads it and it is seen).
fn focus_and_show(node: &NodeRef) {
    if let Some(element) = node.cast::<web_sys::HtmlElement>() {
        let _ = element.focus();
        element.scroll_into_view();
    }
}

/// "Show what to do": works the answer out with the device's clock and time zone, keeps the
/// times when the person ticked "Remember", and hands the answer (or the problems) to the state.
fn on_submit(
    state: &MissedDoseState,
    settings: &SharedSettings,
    dispatch: &Dispatch,
) -> Callback<SubmitEvent> {
    let (fields, remember) = (state.fields.clone(), state.remember);
    let (settings, dispatch) = (settings.clone(), dispatch.clone());
    Callback::from(move |event: SubmitEvent| {
        event.prevent_default();
        let route = crate::red_flag_words::out_of_hours(&settings);
        let result = work_out(&fields, &settings.missed_dose_rules(), &DeviceZone, device::now(), route);
        if let (Ok(_), Some(person), Some(form)) = (&result, fields.person, fields.form) {
            // The times are one record shared with take-it-with-you: only unticking the box
            // forgets them, never an answer given without the tick.
            if form != Form::Pump && remember && !device::save(person, form, &fields.typed_times()) {
                dispatch.dispatch(MissedDoseAction::SaveFailed);
            }
        }
        dispatch.dispatch(MissedDoseAction::Answered(Box::new(result)));
    })
}

#[component]
pub fn MissedDose(props: &MissedDoseProps) -> Html {
    // What was saved is read once, before the first render, so the form is shown once, whole.
    let state = use_reducer(|| MissedDoseState::new(device::load(), device::now()));
    let section = use_node_ref();
    let summary = use_node_ref();
    let card = use_node_ref();
    let generation = use_page_tool_guard(section.clone());
    {
        let on_shown = props.on_shown.clone();
        use_effect_with((), move |_| on_shown.emit(()));
    }
    {
        // Problems: focus moves to the summary (which is in no live region).
        let summary = summary.clone();
        use_effect_with(state.errors_shown, move |&shown| {
            if shown > 0 {
                focus_and_show(&summary);
            }
        });
    }
    {
        // An answer: the live region says it; the card is scrolled into view, focus stays.
        let card = card.clone();
        use_effect_with(state.answers_shown, move |&shown| {
            if shown > 0 {
                if let Some(element) = card.cast::<web_sys::Element>() {
                    element.scroll_into_view();
                }
            }
        });
    }
    let dispatch = state.dispatcher();
    let fields = &state.fields;
    let pump = fields.form == Some(Form::Pump);
    let child = fields.person == Some(Person::Child);
    html! {
        <ContextProvider<SharedSettings> context={props.settings.clone()}>
            <section key={generation} ref={section} class="helper" aria-labelledby="helper-title">
                <h2 id="helper-title">{ words::TITLE }</h2>
                <p>{ words::INTRO }</p>
                if let Some(notice) = state.notice {
                    <p class="notice">{ notice }</p>
                }
                { error_summary(&state.errors, summary) }
                <form class="helper__form" novalidate=true onsubmit={on_submit(&state, &props.settings, &dispatch)}>
                    { person_and_form(fields, &state.errors, &dispatch) }
                    if fields.form.is_some() && !pump {
                        { schedule_questions(&state, &dispatch) }
                        { what_happened(&state, &dispatch) }
                    }
                    { withdrawal_question(fields, &state.errors, &dispatch) }
                    <button type="submit" class="button">{ if child { words::SHOW_CHILD } else { words::SHOW } }</button>
                </form>
                { announcer(announcement(&state), state.answers_shown) }
                <div class="helper__answer">
                    if let Some(outcome) = &state.outcome {
                        <AnswerCard outcome={outcome.clone()} took={state.took} dispatch={dispatch.clone()} node_ref={card} />
                    }
                </div>
            </section>
        </ContextProvider<SharedSettings>>
    }
}

/// Shows the helper in `root` (its placeholder, whose static content it replaces). For tests;
/// the module's start ([`crate::mount::island`]) does the same.
pub fn mount(root: web_sys::Element, settings: SharedSettings) -> yew::AppHandle<MissedDose> {
    yew::Renderer::<MissedDose>::with_root_and_props(
        root,
        MissedDoseProps { settings, on_shown: Callback::noop() },
    )
    .render()
}
