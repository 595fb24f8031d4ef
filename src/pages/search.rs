//! The search box. `search.js` (plain script of about 1 KB, kept out of the WebAssembly's size
//! budget) lists matching sections as the reader types, from `search-index.json`, which
//! `xtask` writes from the same content at build time. No form is submitted anywhere.

use crate::pages::content_page::contents;
use yew::prelude::*;

pub const SEARCH_INPUT_ID: &str = "search-input";

#[component]
pub fn SearchBox() -> Html {
    html! {
        <>
            // Shown by the script; without it, the contents below are the way in.
            <div class="search" role="search" hidden=true>
                <label for={SEARCH_INPUT_ID}>{"Search for"}</label>
                <input id={SEARCH_INPUT_ID} type="search" autocomplete="off" spellcheck="false"
                    maxlength="100" aria-describedby="search-status" aria-controls="search-results" />
                <p id="search-status" class="search__status" role="status" aria-live="polite"></p>
                <ol id="search-results" class="search__results"></ol>
            </div>
            <script src="search.js" defer=true></script>
            { contents() }
        </>
    }
}
