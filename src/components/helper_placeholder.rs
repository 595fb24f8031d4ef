//! What the page shows in a helper's place (a `helper` block in `content/pages/`) until its
//! module starts, or without JavaScript: the one place that knows which helper modules have a
//! static fallback (their published rules). Any other module shows the block's text.

use crate::components::{missed_dose_rules::MissedDoseRules, red_flag_list::RedFlagList};
use crate::content::{Helper, MISSED_DOSE, RED_FLAGS};
use yew::prelude::*;

/// A helper module whose placeholder is its published rules, and the sources they cite.
pub struct StaticFallback {
    pub module: &'static str,
    /// The rules as static HTML; `intro` is the helper block's text.
    pub render: fn(intro: &'static str) -> Html,
    /// Listed with the page's own sources, so a printed page stands alone.
    pub sources: fn() -> Vec<&'static str>,
}

/// Every helper module with a static fallback. Add a row here for a new helper that has one.
pub const STATIC_FALLBACKS: [StaticFallback; 2] = [
    StaticFallback {
        module: "missed-dose",
        render: |intro| html! { <MissedDoseRules {intro} /> },
        sources: || MISSED_DOSE.source_ids(),
    },
    StaticFallback {
        module: "checker",
        render: |intro| html! { <RedFlagList {intro} /> },
        sources: || RED_FLAGS.source_ids(),
    },
];

pub fn static_fallback(module: &str) -> Option<&'static StaticFallback> {
    STATIC_FALLBACKS.iter().find(|f| f.module == module)
}

/// `<div id="{element_id}" class="island" data-module="{module}">` holding the fallback, or
/// the block's text.
pub fn placeholder(helper: &'static Helper) -> Html {
    let inside = match static_fallback(helper.module) {
        Some(fallback) => (fallback.render)(helper.text),
        None => html! { <p>{ helper.text }</p> },
    };
    html! {
        <div id={helper.element_id} class="island" data-module={helper.module}>{ inside }</div>
    }
}

/// The sources of the fallbacks on a page.
pub fn sources(helpers: impl Iterator<Item = &'static Helper>) -> Vec<&'static str> {
    helpers.filter_map(|h| static_fallback(h.module)).flat_map(|f| (f.sources)()).collect()
}
