//! The checker's answer as a care card: level in words, icon and colour; what to do; why each
//! rule fired, with its sources; and what to do if it gets worse.

use crate::components::citations::citations;
use crate::components::clinic_contacts::clinic_contacts;
use crate::components::level_icon::{level_icon, Icon};
use crate::content::{RED_FLAGS, SITE};
use crate::settings::Settings;
use baclofen_logic::red_flags::Level;
use yew::prelude::*;

/// Whose symptoms are being checked: the wording follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Viewer {
    Myself,
    Carer,
    Child,
}

pub const RESULT_ID: &str = "red-flag-result";

fn card(level: Option<Level>) -> (&'static str, &'static str, Icon) {
    match level {
        Some(Level::Emergency) => ("care-card--emergency", "Emergency", Icon::Danger),
        Some(Level::Urgent) => ("care-card--urgent", "Urgent", Icon::Today),
        _ => ("care-card--routine", "Not urgent", Icon::Info),
    }
}

/// A view function rather than a component: each component type adds its own lifecycle code
/// to the WebAssembly, and this one has no state of its own.
/// `level` is `None` when nothing ticked is a red flag.
pub fn red_flag_result(level: Option<Level>, fired: &[usize], viewer: Viewer, settings: &Settings) -> Html {
    let carer = viewer != Viewer::Myself;
    let (modifier, label, icon) = card(level);
    let header = match level {
        Some(level) => {
            let wording = RED_FLAGS.level(level);
            let title = wording.title_for(carer);
            html! {
                <>
                    <h3 class="care-card__title">
                        { level_icon(icon, "care-card__icon", "32") }
                        <span><span class="care-card__label">{ label }{": "}</span>{ title }</span>
                    </h3>
                    <p class="care-card__action">{ wording.action }</p>
                    { citations(wording.sources) }
                </>
            }
        }
        None => html! {
            <>
                <h3 class="care-card__title">
                    { level_icon(icon, "care-card__icon", "32") }
                    <span><span class="care-card__label">{ label }{": "}</span>{"No red flags ticked"}</span>
                </h3>
                <p>{ RED_FLAGS.none.text }</p>
                { citations(RED_FLAGS.none.sources) }
            </>
        },
    };
    let number = settings.call_number();
    let top = level;
    let reasons = |at_top: bool| {
        fired
            .iter()
            .filter(move |&&i| (Some(RED_FLAGS.rules[i].level) == top) == at_top)
            .map(|&i| {
                let text = &RED_FLAGS.rule_text[i];
                html! {
                    <li key={text.id}>
                        <p>{ if carer { text.carer_why } else { text.why } }</p>
                        <p><strong>{"If it gets worse: "}</strong>{ text.if_worse }</p>
                        { citations(text.sources) }
                    </li>
                }
            })
            .collect::<Html>()
    };
    let others = fired.iter().any(|&i| Some(RED_FLAGS.rules[i].level) != top);
    html! {
        <article class={classes!("care-card", modifier)} id={RESULT_ID} tabindex="-1" aria-labelledby="care-card-heading">
            <div id="care-card-heading" class="care-card__header">{ header }</div>
            if top == Some(Level::Emergency) {
                <p class="call">
                    <a class="call__button" href={format!("tel:{number}")}>{ format!("Call {number}") }</a>
                    if settings.configured_emergency_number().is_none() {
                        <span class="call__note">{ SITE.emergency_number_note }</span>
                    }
                </p>
            }
            if top == Some(Level::Urgent) {
                { clinic_contacts(settings) }
            }
            if top.is_some() {
                <h4>{"Why"}</h4>
                <ul class="care-card__reasons">{ reasons(true) }</ul>
            }
            if others {
                <h4>{"Also noted"}</h4>
                <ul class="care-card__reasons">{ reasons(false) }</ul>
            }
        </article>
    }
}
