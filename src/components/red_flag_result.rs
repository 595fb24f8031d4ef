//! The checker's answer as a care card. Its first screen is the action (the most urgent fired
//! rule's own words, with its own timing), the call button and "if it gets worse"; then one
//! reason per fired rule, with its sources.

use crate::components::call::{clinic_contacts, emergency_call, named_call};
use crate::components::citations::citation_node;
use crate::components::level_icon::{icon_node, Icon};
use crate::content::ui::checker as words;
use crate::content::{Call, RED_FLAGS};
use crate::dom::{el, list, none, when, Node};
use crate::settings::Settings;
use baclofen_logic::red_flags::{Level, Triage};

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

/// The answer card for `result`: a view function (the card has no state of its own).
pub fn red_flag_result(result: &Triage, viewer: Viewer, settings: &Settings) -> Node {
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
    let mut reasons = Vec::new();
    for &i in &result.fired {
        if result.level == Some(Level::Emergency) && RED_FLAGS.rules[i].level != Level::Emergency {
            continue;
        }
        let text = &RED_FLAGS.rule_text[i];
        let why = if carer { text.carer_why } else { text.why };
        if seen.contains(&why) {
            continue;
        }
        seen.push(why);
        reasons.push(el("li").key(text.id).child(el("p").text(why)).child(citation_node(text.sources)));
    }
    let crisis = top.filter(|t| t.call == Call::Crisis).is_some();
    let body = if let (Some(level), Some(top)) = (result.level, top) {
        list([
            when(level == Level::Emergency, || emergency_call(settings)),
            match settings.crisis_line().filter(|_| crisis) {
                Some((name, phone)) => named_call(name, phone),
                None => none(),
            },
            when(level == Level::Urgent, || clinic_contacts(settings)),
            // Where to go when the person named is closed, for this region (red_flag_words).
            match crate::red_flag_words::answer_words(result, carer, settings).and_then(|w| w.when_closed) {
                Some(route) => el("p").class("care-card__action").text(route).into(),
                None => none(),
            },
            el("p").class("care-card__action").text(RED_FLAGS.level(level).detail).into(),
            el("p")
                .class("care-card__worse")
                .child(el("strong").text(words::IF_WORSE).text(" "))
                .text(top.if_worse)
                .into(),
            el("h4").text(words::WHY).into(),
            el("ul").class("care-card__reasons").children(reasons).into(),
            citation_node(RED_FLAGS.level(level).sources),
            when(level != Level::Emergency, || keep_for_appointment(label, title, &seen)),
        ])
    } else {
        list([el("p").text(RED_FLAGS.none.text).into(), citation_node(RED_FLAGS.none.sources)])
    };
    el("article")
        .class(format!("care-card {modifier}"))
        .id(RESULT_ID)
        .attr("tabindex", "-1")
        .attr("aria-labelledby", "care-card-heading")
        .child(
            el("div").class("care-card__header").child(
                el("h3")
                    .class("care-card__title")
                    .id("care-card-heading")
                    .child(icon_node(icon, "care-card__icon", "32"))
                    .child(
                        el("span")
                            .child(el("span").class("care-card__label").text(label).text(": "))
                            .text(title),
                    ),
            ),
        )
        .child(body)
        .into()
}

/// "Keep this answer for my appointment" (#19): only when the person taps it, the level, the
/// action and the reasons, in the words shown, go to the summary on the "Take it with you" page.
/// The message after the tap is set as text in a live region (this card has no state).
fn keep_for_appointment(label: &'static str, title: &'static str, reasons: &[&'static str]) -> Node {
    use crate::keep::content::NEXT_DOSE;
    use crate::keep::record::{Kept, KeptKind};
    let level = [label, ": ", title].concat();
    let detail = reasons.join(" ");
    let on_click = move |_: web_sys::Event| {
        let kept = Kept {
            kind: KeptKind::Symptoms,
            at: crate::missed_dose::device::now(),
            level: level.clone(),
            detail: detail.clone(),
        };
        let ok = crate::keep::device::keep_answer(kept);
        if let Some(status) = crate::browser::element("red-flag-keep-status") {
            status.set_text_content(Some(if ok { NEXT_DOSE.answer_kept } else { NEXT_DOSE.answer_not_kept }));
        }
    };
    el("div")
        .class("keep-actions")
        .child(
            el("button")
                .attr("type", "button")
                .class("button button--secondary")
                .id("red-flag-keep")
                .on("click", on_click)
                .text(NEXT_DOSE.keep_answer),
        )
        .child(el("p").class("notice").attr("role", "status").id("red-flag-keep-status"))
        .into()
}
