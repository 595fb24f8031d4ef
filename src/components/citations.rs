//! "Sources: NHS-HOW, MFC" under a statement, each linking to its entry on the Sources page.

use crate::components::link;
use crate::route::Route;
use yew::prelude::*;

/// The element id of a source's entry on the Sources page.
pub fn source_anchor(id: &str) -> String {
    format!("source-{}", id.to_ascii_lowercase())
}

/// A plain function rather than a component: it is used in many places, and each component
/// type adds its own lifecycle code to the WebAssembly.
pub fn citations(ids: &'static [&'static str]) -> Html {
    if ids.is_empty() {
        return html! {};
    }
    let links = ids.iter().enumerate().map(|(i, id)| {
        // Static pages name each source on hover. The live helpers leave the names out of the
        // WebAssembly (size budget); their links lead to the same full entries.
        #[cfg(feature = "ssr")]
        let title = crate::content::source(id).map(|s| format!("{} ({})", s.title, s.publisher));
        #[cfg(not(feature = "ssr"))]
        let title: Option<String> = None;
        html! {
            <>
                { if i > 0 { ", " } else { "" } }
                <a href={link::href(Route::Sources, None, Some(&source_anchor(id)))}><abbr {title}>{ *id }</abbr></a>
            </>
        }
    });
    html! { <p class="citations">{"Sources: "}{ for links }</p> }
}
