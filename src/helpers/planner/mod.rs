//! The dose-change planner (issue #20): the person enters the plan their prescriber gave them;
//! the page shows it as a dated table in mg and tablets or mL, with sourced checks, to print or
//! put in a calendar. Every word comes from `content/planner.toml`; the arithmetic and the
//! checks are `baclofen_logic::planner`'s.
//!
//! `state.rs` is the pure reducer; `form.rs` (the questions and the error summary), `plan.rs`
//! (the dated table and syringe pictures), `checks.rs` (the warnings) and `actions.rs` (print and
//! calendar) the views. The screen-reader contract: a new plan is said once, in one short
//! sentence, by the status line (the plan is outside it, and focus stays where it was); after a
//! submission with problems the error summary takes focus, and the status line is empty.

pub mod actions;
pub mod checks;
pub mod form;
pub mod plan;
pub mod state;

use crate::helpers::page_tools::use_page_tool_guard;
use crate::planner::content::WORDS;
use crate::settings::SharedSettings;
use state::{announcement, PlannerState};
use yew::prelude::*;

/// The planner's placeholder on the dose-planner page.
pub const PLANNER_ISLAND: &str = "planner-tool";

#[derive(Properties, PartialEq, Default)]
pub struct PlannerProps {
    #[prop_or_default]
    pub settings: SharedSettings,
    /// Called once, when the form is in the page.
    #[prop_or_default]
    pub on_shown: Callback<()>,
}

#[component]
pub fn Planner(props: &PlannerProps) -> Html {
    let state = use_reducer(PlannerState::default);
    let section = use_node_ref();
    let summary = use_node_ref();
    let plan_title = use_node_ref();
    let generation = use_page_tool_guard(section.clone());
    {
        let on_shown = props.on_shown.clone();
        use_effect_with((), move |_| on_shown.emit(()));
    }
    {
        // After "Make the plan": the error summary takes focus (it is not a live region); a new
        // plan is said by the status line, and only scrolled into view (focus stays put).
        let (summary, plan_title) = (summary.clone(), plan_title.clone());
        let has_errors = !state.errors.is_empty();
        use_effect_with(state.submitted, move |&submitted| {
            if submitted == 0 {
                return;
            }
            if has_errors {
                if let Some(element) = summary.cast::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                    element.scroll_into_view();
                }
            } else if let Some(element) = plan_title.cast::<web_sys::Element>() {
                element.scroll_into_view();
            }
        });
    }
    let dispatch = state.dispatcher();
    html! {
        <ContextProvider<SharedSettings> context={props.settings.clone()}>
            <div key={generation} ref={section} class="helper planner">
                <h2>{ WORDS.heading }</h2>
                <p>{ WORDS.intro }</p>
                <crate::components::citations::Citations ids={WORDS.intro_sources} />
                <p class="notice">{ WORDS.latest_only }</p>
                <crate::components::citations::Citations ids={WORDS.latest_only_sources} />
                { form::error_summary(&state, summary) }
                { form::planner_form(&state, &dispatch, props.settings.0.region_id()) }
                <p class="planner__announce visually-hidden" role="status" aria-live="polite">{ announcement(&state) }</p>
                if let Some(made) = &state.plan {
                    <plan::PlanView made={made.clone()} title={plan_title} />
                }
            </div>
        </ContextProvider<SharedSettings>>
    }
}

/// Shows the planner in `root` (its placeholder, whose static content it replaces). For tests and
/// the module's start ([`crate::mount::island`] does the same).
pub fn mount(root: web_sys::Element, settings: SharedSettings) -> yew::AppHandle<Planner> {
    yew::Renderer::<Planner>::with_root_and_props(root, PlannerProps { settings, on_shown: Callback::noop() })
        .render()
}
