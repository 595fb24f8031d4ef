//! The icons that show a level next to its words and colour, so no level is told by colour alone.

use yew::prelude::*;

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

/// An inline SVG icon, hidden from screen readers (the words beside it say the same).
pub fn level_icon(icon: Icon, class: &'static str, size: &'static str) -> Html {
    let shape = match icon {
        Icon::Danger => {
            html! { <><path d="M12 2 1 22h22z" /><path class="icon-mark" d="M12 9v6m0 3v1" /></> }
        }
        Icon::Today => {
            html! { <><circle cx="12" cy="12" r="10" /><path class="icon-mark" d="M12 6v6l4 3" /></> }
        }
        Icon::Done => {
            html! { <><circle cx="12" cy="12" r="10" /><path class="icon-mark" d="m7 12 3 3 7-7" /></> }
        }
        Icon::Important => {
            html! { <><circle cx="12" cy="12" r="10" /><path class="icon-mark" d="M12 6v8m0 3v1" /></> }
        }
        Icon::Info => {
            html! { <><circle cx="12" cy="12" r="10" /><path class="icon-mark" d="M12 11v7m0-11v1" /></> }
        }
    };
    html! {
        <svg {class} viewBox="0 0 24 24" width={size} height={size} aria-hidden="true" focusable="false">{ shape }</svg>
    }
}
