//! The icons that show a level next to its words and colour, so no level is told by colour alone.

use crate::dom::{el, list, Node};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Icon {
    /// A warning triangle: emergency.
    Danger,
    /// A clock: act today.
    Today,
    /// A tick: what to do, routine.
    Done,
    /// A circle with "!": an important rule.
    Important,
    /// A circle with "i": good to know, not urgent.
    Info,
}

/// The icon as a `dom` tree, for the helpers not yet moved to Yew (issue 28).
pub fn icon_node(icon: Icon, class: &'static str, size: &'static str) -> Node {
    let circle = || el("circle").attr("cx", "12").attr("cy", "12").attr("r", "10");
    let mark = |d: &'static str| el("path").class("icon-mark").attr("d", d);
    let shape = match icon {
        Icon::Danger => list([el("path").attr("d", "M12 2 1 22h22z"), mark("M12 9v6m0 3v1")]),
        Icon::Today => list([circle(), mark("M12 6v6l4 3")]),
        Icon::Done => list([circle(), mark("m7 12 3 3 7-7")]),
        Icon::Important => list([circle(), mark("M12 6v8m0 3v1")]),
        Icon::Info => list([circle(), mark("M12 11v7m0-11v1")]),
    };
    el("svg")
        .class(class)
        .attr("viewBox", "0 0 24 24")
        .attr("width", size)
        .attr("height", size)
        .attr("aria-hidden", "true")
        .attr("focusable", "false")
        .child(shape)
        .into()
}

#[derive(yew::Properties, PartialEq)]
pub struct LevelIconProps {
    pub icon: Icon,
    pub class: &'static str,
    pub size: &'static str,
}

/// An inline SVG icon, hidden from screen readers (the words beside it say the same).
#[yew::component]
pub fn LevelIcon(props: &LevelIconProps) -> yew::Html {
    use yew::html;
    let circle = || html! { <circle cx="12" cy="12" r="10" /> };
    let mark = |d: &'static str| html! { <path class="icon-mark" {d} /> };
    let shape = match props.icon {
        Icon::Danger => html! { <><path d="M12 2 1 22h22z" />{ mark("M12 9v6m0 3v1") }</> },
        Icon::Today => html! { <>{ circle() }{ mark("M12 6v6l4 3") }</> },
        Icon::Done => html! { <>{ circle() }{ mark("m7 12 3 3 7-7") }</> },
        Icon::Important => html! { <>{ circle() }{ mark("M12 6v8m0 3v1") }</> },
        Icon::Info => html! { <>{ circle() }{ mark("M12 11v7m0-11v1") }</> },
    };
    html! {
        <svg class={props.class} viewBox="0 0 24 24" width={props.size} height={props.size}
            aria-hidden="true" focusable="false">{ shape }</svg>
    }
}

/// The icon in a page Yew renders.
pub fn level_icon(icon: Icon, class: &'static str, size: &'static str) -> yew::Html {
    yew::html! { <LevelIcon {icon} {class} {size} /> }
}
