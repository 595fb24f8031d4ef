//! The symptom checker. It asks in the order a person needs: who it is for, the emergency signs
//! first, whether there is a baclofen pump, then the other signs in groups the person opens. The
//! answer updates with every tick and stays in view in a bar at the bottom of the screen.
//!
//! `state.rs` is the pure reducer; `questions.rs` and `answer.rs` the views. The screen-reader
//! contract: a new answer is said once, in one short sentence, by the live region
//! ([`answer::Announcer`]); the card is outside it and takes focus only on "See the answer".

pub mod answer;
pub mod questions;
pub mod state;

use crate::content::ui::checker as words;
use crate::content::{Answers, PumpAnswer, Step, RED_FLAGS};
use crate::helpers::page_tools::use_page_tool_guard;
use crate::route::Route;
use crate::settings::SharedSettings;
use answer::{announcer, answer_bar, CareCard};
use questions::{none_of_these, pump_question, who_question, Shape, SignGroup};
use state::{announcement, CheckerState, Viewer};
use std::rc::Rc;
use yew::prelude::*;

pub const CHECKER_ID: &str = "checker";

/// How many parts the first showing is put in the page in, one task each (the title, who it is
/// for and the emergency signs; the pump question and its signs; the other signs), so no
/// start-up task is long on a slow phone (`docs/adr/0002-start-up-after-first-paint.md`).
const PARTS: u8 = 3;

#[derive(Properties, PartialEq, Default)]
pub struct CheckerProps {
    /// Answers given when the checker opens (a bridge link may name situations in the address).
    #[prop_or_default]
    pub answers: Answers,
    #[prop_or_default]
    pub settings: SharedSettings,
    /// Called once, when the whole form is in the page.
    #[prop_or_default]
    pub on_shown: Callback<()>,
}

/// The element the answer takes focus on, focused and scrolled to the top of the screen (so a
/// screen reader reads it, and a tall card's title is not left above the screen).
pub fn focus_and_show(node: &NodeRef) {
    if let Some(element) = node.cast::<web_sys::HtmlElement>() {
        let _ = element.focus();
        element.scroll_into_view();
    }
}

#[component]
pub fn Checker(props: &CheckerProps) -> Html {
    let state = use_reducer(|| CheckerState::new(props.answers));
    let section = use_node_ref();
    let card = use_node_ref();
    let generation = use_page_tool_guard(section.clone());
    let part = use_state(|| 1u8);
    {
        // The rest of the form in a later task; the page is live once it is whole.
        let (part, on_shown) = (part.clone(), props.on_shown.clone());
        use_effect_with(*part, move |&shown| {
            if shown < PARTS {
                crate::browser::next_task(move || part.set(shown + 1));
            } else {
                on_shown.emit(());
            }
        });
    }
    {
        let card = card.clone();
        use_effect_with(state.show_answer, move |&asked| {
            if asked > 0 {
                focus_and_show(&card);
            }
        });
    }
    let triage = Rc::new(state.triage());
    let dispatch = state.dispatcher();
    let carer = state.viewer() != Viewer::Myself;
    let ticked = state.answers.ticked;
    let groups = |step: Step| {
        let answers = state.answers;
        RED_FLAGS.groups.iter().filter(move |g| g.step == step && RED_FLAGS.group_shown(g, &answers))
    };
    let sign_group = |group: &'static crate::content::Group, shape: Shape| {
        html! { <SignGroup key={group.id} {group} {shape} ticked={ticked & group.mask} {carer} dispatch={dispatch.clone()} /> }
    };
    // Open for a pump user; a person who skipped the question can still open it.
    let pump_user = matches!(state.answers.pump, Some(PumpAnswer::Yes | PumpAnswer::NotSure));
    let opened = |group: &crate::content::Group| state.opened.contains(&group.id);
    let missed = ["missed-one", "missed-several", "ran-out"]
        .iter()
        .filter_map(|id| RED_FLAGS.item(id))
        .any(|i| ticked & i.bit != 0);
    let (second, whole) = (*part >= 2, *part >= PARTS);
    let snapshot: Rc<CheckerState> = Rc::new((*state).clone());

    html! {
        <ContextProvider<SharedSettings> context={props.settings.clone()}>
            <section key={generation} ref={section} class="helper checker" id={CHECKER_ID} aria-labelledby="checker-title">
                <h2 id="checker-title">{ words::TITLE }</h2>
                <p>{ words::INTRO }</p>
                { who_question(state.viewer, &dispatch) }
                { for groups(Step::First).map(|g| sign_group(g, Shape::Fieldset("field checker__first"))) }
                if second {
                    { pump_question(state.answers.pump, carer, &dispatch) }
                    { for groups(Step::Pump).map(|g| sign_group(g, Shape::Disclosure { open: pump_user || opened(g) })) }
                    <h3 class="checker__others">{ words::OTHERS_TITLE }</h3>
                    <p class="hint">{ words::OTHERS_HINT }</p>
                }
                if whole {
                    { for groups(Step::Others).map(|g| if g.shown_by != 0 {
                        // Asked because of an earlier answer: shown open.
                        sign_group(g, Shape::Fieldset("field checker__follow-up"))
                    } else {
                        sign_group(g, Shape::Disclosure { open: opened(g) })
                    }) }
                    { none_of_these(state.none_of_these, &dispatch) }
                    if missed {
                        <p><a href={Route::MissedDose.href()}>{ words::MISSED_DOSE_LINK }</a></p>
                    }
                }
                { answer_bar(&state, &triage, &props.settings, &dispatch) }
                { announcer(announcement(&state, &triage)) }
                <div class="checker__card">
                    if state.answered(&triage) {
                        <CareCard state={snapshot} {triage} {dispatch} node_ref={card} />
                    }
                </div>
            </section>
        </ContextProvider<SharedSettings>>
    }
}

/// Shows the checker in `root` (its placeholder, whose static content it replaces), opened with
/// `answers`. For tests and the module's start ([`crate::mount::island`] does the same).
pub fn mount(root: web_sys::Element, answers: Answers, settings: SharedSettings) -> yew::AppHandle<Checker> {
    yew::Renderer::<Checker>::with_root_and_props(
        root,
        CheckerProps { answers, settings, on_shown: Callback::noop() },
    )
    .render()
}
