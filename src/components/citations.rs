//! "Sources: NHS-HOW, MFC" under a statement, each linking to its entry on the Sources page.

use crate::components::link;
use crate::dom::{el, list, none, Node};
use crate::route::Route;

/// The element id of a source's entry on the Sources page.
pub fn source_anchor(id: &str) -> String {
    format!("source-{}", id.to_ascii_lowercase())
}

/// The citations as a `dom` tree: the helpers show it, and the static pages write it
/// ([`citations`]).
pub fn citation_node(ids: &'static [&'static str]) -> Node {
    if ids.is_empty() {
        return none();
    }
    let links = ids.iter().enumerate().map(|(i, id)| {
        // Static pages name each source on hover. The live helpers leave the names out of the
        // WebAssembly (size budget); their links lead to the same full entries.
        #[cfg(feature = "ssr")]
        let title = crate::content::source(id).map(|s| format!("{} ({})", s.title, s.publisher));
        #[cfg(not(feature = "ssr"))]
        let title: Option<String> = None;
        list([
            if i > 0 { ", ".into() } else { none() },
            el("a")
                .attr("href", link::href(Route::Sources, None, Some(&source_anchor(id))))
                .child(el("abbr").maybe("title", title).text(*id))
                .into(),
        ])
    });
    el("p").class("citations").text("Sources: ").children(links).into()
}

/// The citations in a page Yew renders.
pub fn citations(ids: &'static [&'static str]) -> yew::Html {
    crate::dom::to_yew(citation_node(ids))
}
