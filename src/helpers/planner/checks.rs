//! The plan's warnings: one care card per check the engine found (`baclofen_logic::planner`),
//! and, for any plan that goes down, the withdrawal signs with the way to the symptom checker.
//! Keyed by the check's id.

use crate::components::citations::Citations;
use crate::components::link;
use crate::planner::content::{warning, WORDS};
use crate::planner::wording;
use crate::route::Route;
use baclofen_logic::planner::{Direction, Plan, PlanInput};
use yew::prelude::*;

/// "Check symptoms now": the symptom checker on the side-effects page.
fn symptom_link() -> Html {
    html! {
        <p>
            <a class="button button--secondary" href={link::href(Route::SideEffects, None, Some("red-flag-tool"))}>
                { WORDS.symptom_link }
            </a>
        </p>
    }
}

fn card(
    id: &'static str,
    title: &'static str,
    text: String,
    sources: &'static [&'static str],
    link: bool,
) -> Html {
    html! {
        <section class="callout callout--warning planner__check" key={id} data-check={id}>
            <h3 class="callout__title">{ title }</h3>
            <p>{ text }</p>
            if link { { symptom_link() } }
            <Citations ids={sources} />
        </section>
    }
}

/// Every check's card, then the withdrawal signs when the dose goes down.
pub fn checks(plan: &Plan, input: &PlanInput) -> Html {
    let withdrawal = (input.direction == Direction::Down).then(|| warning("withdrawal-signs"));
    html! {
        <>
            { for plan.checks.iter().map(|check| {
                let (id, title, text, sources) = wording::check_card(check, input.form);
                card(id, title, text, sources, wording::links_symptom_checker(check))
            }) }
            if let Some(w) = withdrawal {
                { card(w.check, w.title, w.text.to_string(), w.sources, true) }
            }
        </>
    }
}
