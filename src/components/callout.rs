//! A boxed message whose level is shown by words and an icon as well as colour.

use crate::components::citations::Citations;
use crate::content::{Callout as CalloutContent, CalloutKind};
use yew::prelude::*;

fn label(kind: CalloutKind) -> &'static str {
    match kind {
        CalloutKind::Emergency => "Emergency",
        CalloutKind::Urgent => "Urgent",
        CalloutKind::Warning => "Important",
        CalloutKind::Info => "Good to know",
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
    let shape = match kind {
        // A triangle with "!" for danger, a clock for today, a circle with "!" or "i" otherwise.
        CalloutKind::Emergency => {
            html! { <><path d="M12 2 1 22h22z" /><path class="icon-mark" d="M12 9v6m0 3v1" /></> }
        }
        CalloutKind::Urgent => {
            html! { <><circle cx="12" cy="12" r="10" /><path class="icon-mark" d="M12 6v6l4 3" /></> }
        }
        CalloutKind::Warning => {
            html! { <><circle cx="12" cy="12" r="10" /><path class="icon-mark" d="M12 6v8m0 3v1" /></> }
        }
        CalloutKind::Info => {
            html! { <><circle cx="12" cy="12" r="10" /><path class="icon-mark" d="M12 11v7m0-11v1" /></> }
        }
    };
    html! {
        <svg class="callout__icon" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
            { shape }
        </svg>
    }
}

#[derive(Properties, PartialEq)]
pub struct CalloutProps {
    pub callout: &'static CalloutContent,
}

#[component]
pub fn Callout(props: &CalloutProps) -> Html {
    let callout = props.callout;
    html! {
        <section class={classes!("callout", modifier(callout.kind))}>
            <h2 class="callout__title">
                { icon(callout.kind) }
                <span>
                    <span class="callout__label">{ label(callout.kind) }{": "}</span>
                    { callout.title }
                </span>
            </h2>
            <p>{ callout.text }</p>
            if !callout.items.is_empty() {
                <ul>{ for callout.items.iter().map(|item| html! { <li>{ *item }</li> }) }</ul>
            }
            <Citations ids={callout.sources} />
        </section>
    }
}
