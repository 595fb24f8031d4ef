//! The icons that show a level next to its words and colour, so no level is told by colour alone.

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
