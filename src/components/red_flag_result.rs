//! The checker's answer as a care card. Its first screen is the action (the most urgent fired
//! rule's own words, with its own timing), the call button and "if it gets worse"; then one
//! reason per fired rule, with its sources.

use crate::components::call::{clinic_contacts, emergency_call, named_call};
use crate::components::citations::citations;
use crate::components::level_icon::{level_icon, Icon};
use crate::content::ui::checker as words;
use crate::content::{Call, RED_FLAGS};
use crate::settings::Settings;
use baclofen_logic::red_flags::{Level, Triage};
use yew::prelude::*;

/// Whose symptoms are being checked: the wording follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Viewer {
    Myself,
    Carer,
    Child,
}

pub const RESULT_ID: &str = "red-flag-result";

fn card(level: Option<Level>) -> (&'static str, Icon) {
    match level {
        Some(Level::Emergency) => ("care-card--emergency", Icon::Danger),
        Some(Level::Urgent) => ("care-card--urgent", Icon::Today),
        _ => ("care-card--routine", Icon::Info),
    }
}

/// A view function rather than a component: each component type adds its own lifecycle code
/// to the WebAssembly, and this one has no state of its own.
pub fn red_flag_result(result: &Triage, viewer: Viewer, settings: &Settings, card_ref: NodeRef) -> Html {
    let carer = viewer != Viewer::Myself;
    let (modifier, icon) = card(result.level);
    let top = result.fired.first().map(|&i| &RED_FLAGS.rule_text[i]);
    let (label, title) = match (result.level, top) {
        (Some(level), Some(top)) => {
            (RED_FLAGS.level(level).label, if carer { top.carer_action } else { top.action })
        }
        _ => (RED_FLAGS.level(Level::Routine).label, words::NO_RED_FLAGS),
    };
    // One reason per fired rule, the same words once. Under an emergency, only the reasons for
    // calling now: everything else can wait until help has been called.
    let mut seen: Vec<&str> = Vec::new();
    let reasons: Html = result
        .fired
        .iter()
        .filter(|&&i| result.level != Some(Level::Emergency) || RED_FLAGS.rules[i].level == Level::Emergency)
        .filter_map(|&i| {
            let text = &RED_FLAGS.rule_text[i];
            let why = if carer { text.carer_why } else { text.why };
            if seen.contains(&why) {
                return None;
            }
            seen.push(why);
            Some(html! {
                <li key={text.id}>
                    <p>{ why }</p>
                    { citations(text.sources) }
                </li>
            })
        })
        .collect();
    let crisis = top.filter(|t| t.call == Call::Crisis).is_some();
    html! {
        <article class={classes!("care-card", modifier)} id={RESULT_ID} tabindex="-1" aria-labelledby="care-card-heading" ref={card_ref}>
            <div class="care-card__header">
                <h3 class="care-card__title" id="care-card-heading">
                    { level_icon(icon, "care-card__icon", "32") }
                    <span><span class="care-card__label">{ label }{": "}</span>{ title }</span>
                </h3>
            </div>
            if let (Some(level), Some(top)) = (result.level, top) {
                if level == Level::Emergency {
                    { emergency_call(settings) }
                }
                if crisis {
                    if let Some((name, phone)) = settings.crisis_line() {
                        { named_call(name, phone) }
                    }
                }
                if level == Level::Urgent {
                    { clinic_contacts(settings) }
                }
                <p class="care-card__action">{ RED_FLAGS.level(level).detail }</p>
                <p class="care-card__worse"><strong>{ words::IF_WORSE }{" "}</strong>{ top.if_worse }</p>
                <h4>{ words::WHY }</h4>
                <ul class="care-card__reasons">{ reasons }</ul>
                { citations(RED_FLAGS.level(level).sources) }
                if level != Level::Emergency {
                    { keep_for_appointment(label, title, &seen) }
                }
            } else {
                <p>{ RED_FLAGS.none.text }</p>
                { citations(RED_FLAGS.none.sources) }
            }
        </article>
    }
}

/// "Keep this answer for my appointment" (#19): only when the person taps it, the level, the
/// action and the reasons, in the words shown, go to the summary on the "Take it with you" page.
/// The message after the tap is set as text in a live region (this card has no state).
fn keep_for_appointment(label: &'static str, title: &'static str, reasons: &[&'static str]) -> Html {
    use crate::keep::content::NEXT_DOSE;
    use crate::keep::record::{Kept, KeptKind};
    let level = [label, ": ", title].concat();
    let detail = reasons.join(" ");
    let onclick = Callback::from(move |_: MouseEvent| {
        let kept = Kept {
            kind: KeptKind::Symptoms,
            at: crate::missed_dose::device::now(),
            level: level.clone(),
            detail: detail.clone(),
        };
        let ok = crate::keep::device::keep_answer(kept);
        if let Some(status) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("red-flag-keep-status"))
        {
            status.set_text_content(Some(if ok { NEXT_DOSE.answer_kept } else { NEXT_DOSE.answer_not_kept }));
        }
    });
    html! {
        <div class="keep-actions">
            <button type="button" class="button button--secondary" id="red-flag-keep" {onclick}>{ NEXT_DOSE.keep_answer }</button>
            <p class="notice" role="status" id="red-flag-keep-status"></p>
        </div>
    }
}
