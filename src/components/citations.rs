//! "Sources: NHS-HOW, MFC" under a statement, each linking to its entry on the Sources page.

use crate::components::link::Link;
use crate::route::Route;
use yew::prelude::*;

/// The element id of a source's entry on the Sources page.
pub fn source_anchor(id: &str) -> String {
    format!("source-{}", id.to_ascii_lowercase())
}

#[derive(Properties, PartialEq)]
pub struct CitationsProps {
    pub ids: &'static [&'static str],
}

#[component]
pub fn Citations(props: &CitationsProps) -> Html {
    if props.ids.is_empty() {
        return html! {};
    }
    let links = props.ids.iter().enumerate().map(|(i, id)| {
        // Static pages name each source on hover. The live helpers leave the names out of the
        // WebAssembly (size budget); their links lead to the same full entries.
        #[cfg(feature = "ssr")]
        let title = crate::content::source(id).map(|s| format!("{} ({})", s.title, s.publisher));
        #[cfg(not(feature = "ssr"))]
        let title: Option<String> = None;
        html! {
            <>
                { if i > 0 { ", " } else { "" } }
                <Link to={Route::Sources} anchor={AttrValue::from(source_anchor(id))}>
                    <abbr {title}>{ *id }</abbr>
                </Link>
            </>
        }
    });
    html! { <p class="citations">{"Sources: "}{ for links }</p> }
}
