//! The answer card: the action first (with a call button for an emergency and the clinic's
//! numbers when the answer is to contact someone), the next dose time, the day picture, and
//! why, with any disagreement between sources inside "Why this answer".

use crate::components::citations::citations;
use crate::components::clinic_contacts::clinic_contacts;
use crate::components::dose_timeline::dose_timeline;
use crate::components::level_icon::{level_icon, Icon};
use crate::components::link;
use crate::components::missed_dose_helper::Outcome;
use crate::components::red_flag_result::emergency_call;
use crate::content::{MISSED_DOSE, SITE};
use crate::missed_dose::wording::Level;
use crate::route::Route;
use crate::settings::Settings;
use yew::prelude::*;

pub const RESULT_ID: &str = "missed-dose-result";

/// A view function rather than a component: each component type adds its own lifecycle code
/// to the WebAssembly, and this one has no state of its own.
pub fn missed_dose_result(outcome: &Outcome, settings: &Settings, card_ref: NodeRef) -> Html {
    let e = &outcome.explained;
    let (modifier, label, icon) = match e.level {
        Level::Emergency => ("result--emergency", "Emergency", Icon::Danger),
        Level::Now => ("result--urgent", "Now", Icon::Today),
        Level::Urgent => ("result--urgent", "Today", Icon::Today),
        Level::Routine => ("result--routine", "What to do", Icon::Done),
    };
    let safety = &MISSED_DOSE.safety_net;
    let context = outcome.checker_context;
    html! {
        <article class={classes!("result", modifier)} id={RESULT_ID} tabindex="-1" aria-labelledby="result-action" ref={card_ref}>
            <h3 class="result__action" id="result-action">
                { level_icon(icon, "result__icon", "32") }
                <span><span class="result__label">{ label }{": "}</span>{ e.action.clone() }</span>
            </h3>
            if e.level == Level::Emergency {
                { emergency_call(settings) }
            }
            <p class="result__then">{ e.then.clone() }</p>
            if matches!(e.level, Level::Now | Level::Urgent) {
                { clinic_contacts(settings) }
            }
            if let Some(used) = &outcome.used {
                <p class="result__used">{ used.clone() }</p>
            }
            { for e.notes.iter().map(|(text, sources)| html! {
                <div class="result__note"><p>{ text.clone() }</p>{ citations(sources) }</div>
            }) }
            { dose_timeline(&outcome.timeline) }
            if e.level != Level::Routine && !context.is_empty() {
                <p>
                    <a href={link::href(Route::SideEffects, Some(&format!("context={context}")), Some("checker"))}
                        class="button button--secondary">{"Check symptoms for withdrawal now"}</a>
                </p>
            }
            <details class="result__why">
                <summary>{"Why this answer"}</summary>
                <p>{ e.why.clone() }</p>
                { citations(e.sources) }
                if let Some((text, sources)) = &e.differ {
                    <p>{ text.clone() }</p>
                    { citations(sources) }
                }
                <p class="result__version">
                    {"Rules from content version "}{ SITE.content_version }{", checked against their sources on "}{ SITE.checked_on }{"."}
                </p>
            </details>
            <p class="result__safety">{ safety.text }</p>
        </article>
    }
}
