//! The answer card: one plain action, the next dose time, the day picture, and why.

use crate::components::citations::Citations;
use crate::components::clinic_contacts::clinic_contacts;
use crate::components::dose_timeline::{DoseTimeline, DrawnDose};
use crate::components::level_icon::{level_icon, Icon};
use crate::components::link::Link;
use crate::content::{MISSED_DOSE, SITE};
use crate::missed_dose::wording::{Explained, Level};
use crate::route::Route;
use crate::settings::SharedSettings;
use yew::prelude::*;

pub const RESULT_ID: &str = "missed-dose-result";

#[derive(Properties, PartialEq)]
pub struct MissedDoseResultProps {
    pub explained: Explained,
    pub timeline: Vec<DrawnDose>,
    /// The situation to tick in the red-flag checker: `missed` or `pump`.
    pub checker_context: AttrValue,
    #[prop_or_default]
    pub settings: SharedSettings,
}

#[component]
pub fn MissedDoseResult(props: &MissedDoseResultProps) -> Html {
    let e = &props.explained;
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
                <p class="result__emergency"><strong>{ props.settings.emergency_sentence() }</strong></p>
            }
            if e.level == Level::Urgent {
                { clinic_contacts(&props.settings) }
            }
            { for e.notes.iter().map(|(text, sources)| html! {
                <div class="result__note"><p>{ text.clone() }</p><Citations ids={*sources} /></div>
            }) }
            <DoseTimeline doses={props.timeline.clone()} />
            if e.level != Level::Routine {
                <p>
                    <Link to={Route::SideEffects} query={AttrValue::from(format!("context={}", props.checker_context))}
                        anchor={AttrValue::from("checker")} classes="button button--secondary">
                        {"Check symptoms for withdrawal now"}
                    </Link>
                </p>
            }
            <details class="result__why">
                <summary>{"Why this answer"}</summary>
                <p>{ e.why.clone() }</p>
                <Citations ids={e.sources} />
                <p class="result__version">
                    {"Rules from content version "}{ SITE.content_version }{", checked against their sources on "}{ SITE.checked_on }{"."}
                </p>
            </details>
            <p class="result__safety">{ safety.text }</p>
        </article>
    }
}
