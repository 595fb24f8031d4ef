//! The search box. `search.js` (a plain script of a few KB, kept out of the WebAssembly) lists
//! matching sections as the reader types, from `search-index.json`, which `xtask` writes from
//! the same content at build time. No form is submitted anywhere. The same box is on the start
//! page (where the index is fetched only once the reader starts to type).
//!
//! Words about harming or killing oneself ("want to die", "end it all") bring up the crisis box
//! first, above every result: the region's crisis line and emergency number (fact sheet §0c),
//! or, where the guide knows no number for the device's region, the words alone.

use crate::components::call::{emergency_call_html, named_call_html};
use crate::components::citations::citations;
use crate::content::ui::shell;
use crate::content::REGIONS;
use crate::pages::content_page::contents;
use crate::settings::Settings;
use yew::prelude::*;

pub const SEARCH_INPUT_ID: &str = "search-input";

/// Where the crisis box's words come from: the side effects page's "Get help straight away".
pub const CRISIS_SOURCES: &[&str] = &["UK-PIL-TAB", "ES-PIL"];

/// The crisis box, hidden until search.js shows it with the part for the device's region (or the
/// clinic's chosen region): `data-crisis-zones` are that region's time zones, as in
/// content/site.toml (`Area/*` covers every zone under `Area/`).
fn crisis_box() -> Html {
    let regions = REGIONS.iter().filter(|r| !r.time_zones.is_empty());
    html! {
        <section class="callout callout--emergency search__crisis" id="search-crisis" hidden=true
            aria-labelledby="search-crisis-title">
            <h2 class="callout__title" id="search-crisis-title">{ shell::SEARCH_CRISIS_TITLE }</h2>
            // The lines to call come first, so they are on the first screen of a phone.
            { for regions.map(|region| {
                let settings = Settings { time_zone_region: Some(region), ..Settings::default() };
                html! {
                    <div class="search__crisis-region" data-crisis-region={region.id}
                        data-crisis-zones={region.time_zones.join(" ")} hidden=true>
                        if let Some((name, phone)) = region.crisis {
                            <p>{ shell::SEARCH_CRISIS_LINE }</p>
                            { named_call_html(name, phone) }
                        }
                        if region.emergency_number.is_some() {
                            { emergency_call_html(&settings) }
                        }
                    </div>
                }
            }) }
            <p>{ shell::SEARCH_CRISIS_TEXT }</p>
            { citations(CRISIS_SOURCES) }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct SearchFieldProps {
    /// The box's label.
    pub label: &'static str,
    /// Fetch the index only when the reader starts to type (the start page).
    #[prop_or_default]
    pub lazy: bool,
}

/// The search box, its crisis box, its status line and its results.
#[component]
pub fn SearchField(props: &SearchFieldProps) -> Html {
    html! {
        <>
            // Shown by the script; without it, the contents are the way in.
            // search.js says its messages in these words (content/ui.toml [shell]).
            <div class="search" role="search" hidden=true data-lazy={props.lazy.then_some("")}
                data-too-short={shell::SEARCH_TOO_SHORT} data-none={shell::SEARCH_NONE}
                data-one={shell::SEARCH_ONE} data-many={shell::SEARCH_MANY} data-best={shell::SEARCH_BEST}
                data-partial={shell::SEARCH_PARTIAL} data-in={shell::SEARCH_IN} data-failed={shell::SEARCH_FAILED}>
                <label for={SEARCH_INPUT_ID}>{ props.label }</label>
                <input id={SEARCH_INPUT_ID} type="search" autocomplete="off" spellcheck="false"
                    maxlength="100" aria-describedby="search-status" aria-controls="search-results" />
                { crisis_box() }
                <p id="search-status" class="search__status" role="status" aria-live="polite"></p>
                <ol id="search-results" class="search__results"></ol>
            </div>
            <script src="search.js" defer=true></script>
        </>
    }
}

/// The search page: the box, then every section (the way in without JavaScript).
#[component]
pub fn SearchBox() -> Html {
    html! {
        <>
            <SearchField label={shell::SEARCH_LABEL} />
            { contents() }
        </>
    }
}
