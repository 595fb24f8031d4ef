//! "Sources: NHS-HOW, MFC" under a statement, each linking to its entry on the Sources page.

use crate::components::link;
use crate::route::Route;

/// The element id of a source's entry on the Sources page.
pub fn source_anchor(id: &str) -> String {
    format!("source-{}", id.to_ascii_lowercase())
}

#[derive(yew::Properties, PartialEq)]
pub struct CitationsProps {
    pub ids: &'static [&'static str],
}

/// "Sources: NHS-HOW, MFC", each id a link to its entry on the Sources page.
#[yew::component]
pub fn Citations(props: &CitationsProps) -> yew::Html {
    use yew::html;
    if props.ids.is_empty() {
        return html! {};
    }
    let link = |(i, id): (usize, &&'static str)| {
        // Static pages name each source on hover. The live helpers leave the names out of the
        // WebAssembly; their links lead to the same full entries.
        #[cfg(feature = "ssr")]
        let title = crate::content::source(id).map(|s| format!("{} ({})", s.title, s.publisher));
        #[cfg(not(feature = "ssr"))]
        let title: Option<String> = None;
        html! {
            <>
                if i > 0 { { ", " } }
                <a href={link::href(Route::Sources, None, Some(&source_anchor(id)))}>
                    <abbr {title}>{ *id }</abbr>
                </a>
            </>
        }
    };
    html! { <p class="citations">{ "Sources: " }{ for props.ids.iter().enumerate().map(link) }</p> }
}

/// The citations in a page Yew renders.
pub fn citations(ids: &'static [&'static str]) -> yew::Html {
    yew::html! { <Citations {ids} /> }
}
