//! An `<a>` to another page of the guide. Every page is a real file, so this is a plain link
//! relative to the guide's base: it works without JavaScript, in a new tab and under any sub-path.

use crate::route::Route;
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

/// The link target relative to the guide's base, with the query and anchor if there are any.
pub fn href(to: Route, query: Option<&str>, anchor: Option<&str>) -> String {
    let mut href = to.href();
    if let Some(query) = query {
        href = format!("{href}?{query}");
    }
    if let Some(anchor) = anchor {
        href = format!("{href}#{anchor}");
    }
    href
}

#[component]
pub fn Link(props: &LinkProps) -> Html {
    html! {
        <a href={href(props.to, props.query.as_deref(), props.anchor.as_deref())}
            class={props.classes.clone()} aria-current={props.current.then_some("page")}>
            { props.children.clone() }
        </a>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hrefs_keep_the_query_and_anchor() {
        assert_eq!(href(Route::Home, None, None), "./");
        assert_eq!(href(Route::Sources, None, Some("source-mfc")), "sources/#source-mfc");
        assert_eq!(
            href(Route::SideEffects, Some("context=missed,pump"), Some("checker")),
            "side-effects/?context=missed,pump#checker"
        );
    }
}
