//! An `<a>` to another place in the app. The `href` is a real relative URL (it works without
//! JavaScript and in a new tab); a plain click moves within the app instead of reloading.

use crate::route::Route;
use crate::router::{Navigation, Place};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LinkProps {
    pub to: Route,
    /// Settings for the target page, such as `context=missed`.
    #[prop_or_default]
    pub query: Option<AttrValue>,
    /// An element id on the target page to scroll to.
    #[prop_or_default]
    pub anchor: Option<AttrValue>,
    #[prop_or_default]
    pub classes: Classes,
    /// Marks the link as the current page for assistive technology.
    #[prop_or_default]
    pub current: bool,
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn Link(props: &LinkProps) -> Html {
    let navigation = use_context::<Navigation>();
    let place = Place { route: props.to, query: props.query.clone(), anchor: props.anchor.clone() };
    let href = place.href();
    let onclick = navigation.map(|navigation| {
        Callback::from(move |event: MouseEvent| {
            let modified = event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key();
            if event.button() == 0 && !modified {
                event.prevent_default();
                navigation.go.emit(place.clone());
            }
        })
    });
    html! {
        <a {href} class={props.classes.clone()} aria-current={props.current.then_some("page")} {onclick}>
            { props.children.clone() }
        </a>
    }
}
