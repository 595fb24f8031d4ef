//! The answer card: the action first (with a call button for an emergency and the clinic's
//! numbers when the answer is to contact someone), the next dose time, the day picture, and
//! why, with any disagreement between sources inside "Why this answer".

use crate::components::call::clinic_contacts;
use crate::components::call::emergency_call;
use crate::components::citations::citations;
use crate::components::dose_timeline::dose_timeline;
use crate::components::dose_timeline::DrawnDose;
use crate::components::level_icon::{level_icon, Icon};
use crate::components::link;
use crate::content::ui::missed_dose_answer as words;
use crate::content::{MISSED_DOSE, SITE};
use crate::missed_dose::wording::{Explained, Level};
use crate::route::Route;
use crate::settings::Settings;
use yew::prelude::*;

pub const RESULT_ID: &str = "missed-dose-result";

/// The answer as the card shows it (made by the helper from the engine's answer).
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub explained: Explained,
    pub timeline: Vec<DrawnDose>,
    /// "Using your times 08:00 and 20:00."
    pub used: Option<String>,
    /// The checker's `?context=` for the "check symptoms" link.
    pub checker_context: &'static str,
    /// "Add my next dose to my calendar" (#19): one event at the engine's next dose time, none
    /// when the answer is to ask someone.
    pub next_dose_calendar: Option<String>,
    /// "Keep this answer for my appointment" (#19): the answer in the words shown.
    pub kept: crate::keep::record::Kept,
}

/// A view function rather than a component: each component type adds its own lifecycle code
/// to the WebAssembly, and this one has no state of its own.
pub fn missed_dose_result(outcome: &Outcome, settings: &Settings, card_ref: NodeRef) -> Html {
    let e = &outcome.explained;
    let (modifier, label, icon) = match e.level {
        Level::Emergency => ("result--emergency", words::LABEL_EMERGENCY, Icon::Danger),
        Level::Now => ("result--urgent", words::LABEL_NOW, Icon::Today),
        Level::Urgent => ("result--urgent", words::LABEL_TODAY, Icon::Today),
        Level::Routine => ("result--routine", words::LABEL_ROUTINE, Icon::Done),
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
            { take_it_with_you(outcome) }
            if e.level != Level::Routine && !context.is_empty() {
                <p>
                    <a href={link::href(Route::SideEffects, Some(&format!("context={context}")), Some("checker"))}
                        class="button button--secondary">{ words::CHECK_WITHDRAWAL }</a>
                </p>
            }
            <details class="result__why">
                <summary>{ words::WHY }</summary>
                <p>{ e.why.clone() }</p>
                { citations(e.sources) }
                if let Some((text, sources)) = &e.differ {
                    <p>{ text.clone() }</p>
                    { citations(sources) }
                }
                <p class="result__version">
                    { words::VERSION_BEFORE }{" "}{ SITE.content_version }{ words::VERSION_MIDDLE }{" "}{ SITE.checked_on }{"."}
                </p>
            </details>
            <p class="result__safety">{ safety.text }</p>
        </article>
    }
}

/// "Add my next dose to my calendar" and "Keep this answer for my appointment" (#19). The
/// message after a tap is set as text in a live region (this card has no state of its own).
fn take_it_with_you(outcome: &Outcome) -> Html {
    use crate::keep::content::{fill, NEXT_DOSE};
    let say = |text: &str| {
        if let Some(status) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("missed-dose-keep-status"))
        {
            status.set_text_content(Some(text));
        }
    };
    let calendar = outcome.next_dose_calendar.clone().map(|text| {
        let onclick = Callback::from(move |_: MouseEvent| {
            if crate::keep::device::download(NEXT_DOSE.next_file_name, "text/calendar;charset=utf-8", &text) {
                say(&fill(NEXT_DOSE.next_added, "file", NEXT_DOSE.next_file_name));
            }
        });
        html! { <button type="button" class="button button--secondary" id="missed-dose-calendar" {onclick}>{ NEXT_DOSE.next_button }</button> }
    });
    let kept = outcome.kept.clone();
    let on_keep = Callback::from(move |_: MouseEvent| {
        let ok = crate::keep::device::keep_answer(kept.clone());
        say(if ok { NEXT_DOSE.answer_kept } else { NEXT_DOSE.answer_not_kept });
    });
    html! {
        <div class="keep-actions result__keep">
            { for calendar }
            <button type="button" class="button button--secondary" id="missed-dose-keep" onclick={on_keep}>{ NEXT_DOSE.keep_answer }</button>
            <p class="notice" role="status" id="missed-dose-keep-status"></p>
        </div>
    }
}
