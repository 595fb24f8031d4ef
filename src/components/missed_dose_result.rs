//! The answer card: one plain action, the next dose time, the day picture, and why.

use crate::components::citations::citations;
use crate::components::clinic_contacts::clinic_contacts;
use crate::components::dose_timeline::{dose_timeline, DrawnDose};
use crate::components::level_icon::{level_icon, Icon};
use crate::components::link;
use crate::content::{MISSED_DOSE, SITE};
use crate::missed_dose::wording::{Explained, Level};
use crate::route::Route;
use crate::settings::Settings;
use yew::prelude::*;

pub const RESULT_ID: &str = "missed-dose-result";

/// A view function rather than a component: each component type adds its own lifecycle code
/// to the WebAssembly, and this one has no state of its own.
pub fn missed_dose_result(
    e: &Explained,
    timeline: &[DrawnDose],
    checker_context: &str,
    settings: &Settings,
) -> Html {
    let (modifier, label, icon) = match e.level {
        Level::Emergency => ("result--emergency", "Emergency", Icon::Danger),
        Level::Urgent => ("result--urgent", "Today", Icon::Today),
        Level::Routine => ("result--routine", "What to do", Icon::Done),
    };
    let safety = &MISSED_DOSE.safety_net;
    html! {
        <article class={classes!("result", modifier)} id={RESULT_ID} tabindex="-1" aria-labelledby="result-action">
            <h3 class="result__action" id="result-action">
                { level_icon(icon, "result__icon", "32") }
                <span><span class="result__label">{ label }{": "}</span>{ e.action.clone() }</span>
            </h3>
            <p class="result__then">{ e.then.clone() }</p>
            if e.level == Level::Emergency {
                <p class="result__emergency"><strong>{ settings.emergency_sentence() }</strong></p>
            }
            if e.level == Level::Urgent {
                { clinic_contacts(settings) }
            }
            { for e.notes.iter().map(|(text, sources)| html! {
                <div class="result__note"><p>{ text.clone() }</p>{ citations(sources) }</div>
            }) }
            { dose_timeline(timeline) }
            if e.level != Level::Routine {
                <p>
                    <a href={link::href(Route::SideEffects, Some(&format!("context={checker_context}")), Some("checker"))}
                        class="button button--secondary">{"Check symptoms for withdrawal now"}</a>
                </p>
            }
            <details class="result__why">
                <summary>{"Why this answer"}</summary>
                <p>{ e.why.clone() }</p>
                { citations(e.sources) }
                <p class="result__version">
                    {"Rules from content version "}{ SITE.content_version }{", checked against their sources on "}{ SITE.checked_on }{"."}
                </p>
            </details>
            <p class="result__safety">{ safety.text }</p>
        </article>
    }
}
