//! The answer card: the action first (with a call button for an emergency and the clinic's
//! numbers when the answer is to contact someone), the next dose time, the day picture, and
//! why, with any disagreement between sources inside "Why this answer".

use crate::components::call::clinic_contacts;
use crate::components::call::emergency_call;
use crate::components::citations::citation_node;
use crate::components::dose_timeline::dose_timeline;
use crate::components::dose_timeline::DrawnDose;
use crate::components::level_icon::{icon_node, Icon};
use crate::components::link;
use crate::content::ui::missed_dose_answer as words;
use crate::content::{MISSED_DOSE, SITE};
use crate::dom::{el, list, none, when, Node};
use crate::missed_dose::wording::{Explained, Level};
use crate::route::Route;
use crate::settings::Settings;

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

/// The answer card: a view function (the card has no state of its own).
pub fn missed_dose_result(outcome: &Outcome, settings: &Settings) -> Node {
    let e = &outcome.explained;
    let (modifier, label, icon) = match e.level {
        Level::Emergency => ("result--emergency", words::LABEL_EMERGENCY, Icon::Danger),
        Level::Now => ("result--urgent", words::LABEL_NOW, Icon::Today),
        Level::StraightAway => ("result--urgent", words::LABEL_STRAIGHT_AWAY, Icon::Today),
        Level::Urgent => ("result--urgent", words::LABEL_TODAY, Icon::Today),
        Level::Routine => ("result--routine", words::LABEL_ROUTINE, Icon::Done),
    };
    let safety = &MISSED_DOSE.safety_net;
    let context = outcome.checker_context;
    let differ = match &e.differ {
        Some((text, sources)) => list([el("p").text(text.clone()).into(), citation_node(sources)]),
        None => none(),
    };
    el("article")
        .class(format!("result {modifier}"))
        .id(RESULT_ID)
        .attr("tabindex", "-1")
        .attr("aria-labelledby", "result-action")
        .child(
            el("h3")
                .class("result__action")
                .id("result-action")
                .child(icon_node(icon, "result__icon", "32"))
                .child(
                    el("span")
                        .child(el("span").class("result__label").text(label).text(": "))
                        .text(e.action.clone()),
                ),
        )
        .child(when(e.level == Level::Emergency, || emergency_call(settings)))
        .child(el("p").class("result__then").text(e.then.clone()))
        .child(match &e.out_of_hours {
            Some(route) => el("p").class("result__out-of-hours").text(route.clone()).into(),
            None => none(),
        })
        .child(when(matches!(e.level, Level::Now | Level::StraightAway | Level::Urgent), || {
            clinic_contacts(settings)
        }))
        .child(match &outcome.used {
            Some(used) => el("p").class("result__used").text(used.clone()).into(),
            None => none(),
        })
        .children(e.notes.iter().map(|(text, sources)| {
            el("div").class("result__note").child(el("p").text(text.clone())).child(citation_node(sources))
        }))
        .child(dose_timeline(&outcome.timeline))
        .child(take_it_with_you(outcome))
        .child(when(e.level != Level::Routine && !context.is_empty(), || {
            el("p")
                .child(
                    el("a")
                        .attr(
                            "href",
                            link::href(
                                Route::SideEffects,
                                Some(&format!("context={context}")),
                                Some("checker"),
                            ),
                        )
                        .class("button button--secondary")
                        .text(words::CHECK_WITHDRAWAL),
                )
                .into()
        }))
        .child(
            el("details")
                .class("result__why")
                .child(el("summary").text(words::WHY))
                .child(el("p").text(e.why.clone()))
                .child(citation_node(e.sources))
                .child(differ)
                .child(
                    el("p")
                        .class("result__version")
                        .text(words::VERSION_BEFORE)
                        .text(" ")
                        .text(SITE.content_version)
                        .text(words::VERSION_MIDDLE)
                        .text(" ")
                        .text(SITE.checked_on)
                        .text("."),
                ),
        )
        .child(el("p").class("result__safety").text(safety.text))
        .into()
}

/// "Add my next dose to my calendar" and "Keep this answer for my appointment" (#19). The
/// message after a tap is set as text in a live region (this card has no state of its own).
fn take_it_with_you(outcome: &Outcome) -> Node {
    use crate::keep::content::{fill, NEXT_DOSE};
    fn say(text: &str) {
        if let Some(status) = crate::browser::element("missed-dose-keep-status") {
            status.set_text_content(Some(text));
        }
    }
    let calendar = match outcome.next_dose_calendar.clone() {
        Some(text) => el("button")
            .attr("type", "button")
            .class("button button--secondary")
            .id("missed-dose-calendar")
            .on("click", move |_| {
                if crate::keep::device::download(
                    NEXT_DOSE.next_file_name,
                    "text/calendar;charset=utf-8",
                    &text,
                ) {
                    say(&fill(NEXT_DOSE.next_added, "file", NEXT_DOSE.next_file_name));
                }
            })
            .text(NEXT_DOSE.next_button)
            .into(),
        None => none(),
    };
    let kept = outcome.kept.clone();
    el("div")
        .class("keep-actions result__keep")
        .child(calendar)
        .child(
            el("button")
                .attr("type", "button")
                .class("button button--secondary")
                .id("missed-dose-keep")
                .on("click", move |_| {
                    let ok = crate::keep::device::keep_answer(kept.clone());
                    say(if ok { NEXT_DOSE.answer_kept } else { NEXT_DOSE.answer_not_kept });
                })
                .text(NEXT_DOSE.keep_answer),
        )
        .child(el("p").class("notice").attr("role", "status").id("missed-dose-keep-status"))
        .into()
}
