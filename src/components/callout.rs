//! A boxed message whose level is shown by words and an icon as well as colour.

use crate::components::citations::citations;
use crate::components::level_icon::{level_icon, Icon};
use crate::content::ui::callout;
use crate::content::{Callout as CalloutContent, CalloutKind};
use yew::prelude::*;

fn label(kind: CalloutKind) -> &'static str {
    match kind {
        CalloutKind::Emergency => callout::EMERGENCY,
        CalloutKind::Urgent => callout::URGENT,
        CalloutKind::Warning => callout::WARNING,
        CalloutKind::Info => callout::INFO,
    }
}

fn modifier(kind: CalloutKind) -> &'static str {
    match kind {
        CalloutKind::Emergency => "callout--emergency",
        CalloutKind::Urgent => "callout--urgent",
        CalloutKind::Warning => "callout--warning",
        CalloutKind::Info => "callout--info",
    }
}

fn icon(kind: CalloutKind) -> Html {
    let icon = match kind {
        CalloutKind::Emergency => Icon::Danger,
        CalloutKind::Urgent => Icon::Today,
        CalloutKind::Warning => Icon::Important,
        CalloutKind::Info => Icon::Info,
    };
    level_icon(icon, "callout__icon", "28")
}

#[derive(Properties, PartialEq)]
pub struct CalloutProps {
    pub callout: &'static CalloutContent,
    /// 3 inside a section of the page, so the outline does not skip a level.
    #[prop_or(2)]
    pub level: u8,
    /// The box's id, for links and search results that lead to it.
    #[prop_or_default]
    pub id: Option<String>,
    /// Shown after the box's list, before its sources (an emergency box's call button).
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn Callout(props: &CalloutProps) -> Html {
    let callout = props.callout;
    let title = html! {
        <>
            { icon(callout.kind) }
            <span>
                <span class="callout__label">{ label(callout.kind) }{": "}</span>
                { callout.title }
            </span>
        </>
    };
    html! {
        <section class={classes!("callout", modifier(callout.kind))} id={props.id.clone()}>
            if props.level == 3 {
                <h3 class="callout__title">{ title }</h3>
            } else {
                <h2 class="callout__title">{ title }</h2>
            }
            <p>{ callout.text }</p>
            if !callout.items.is_empty() {
                <ul>{ for callout.items.iter().map(|item| html! { <li>{ *item }</li> }) }</ul>
            }
            { props.children.clone() }
            { citations(callout.sources) }
        </section>
    }
}
