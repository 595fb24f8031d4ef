//! The search form. `search.js` (a few hundred bytes of plain script, kept out of the
//! WebAssembly's size budget) lists matching sections as the reader types, from
//! `search-index.json`, which `xtask` writes from the same content at build time.

use crate::pages::content_page::contents;
use yew::prelude::*;

pub const SEARCH_INPUT_ID: &str = "search-input";

#[component]
pub fn SearchBox() -> Html {
    html! {
        <>
            <form class="search" role="search" method="get" action="">
                <label for={SEARCH_INPUT_ID}>{"Search for"}</label>
                <div class="search__row">
                    <input id={SEARCH_INPUT_ID} type="search" name="q" autocomplete="off" spellcheck="false"
                        maxlength="100" aria-describedby="search-status" />
                    <button type="submit" class="button">{"Search"}</button>
                </div>
            </form>
            <p id="search-status" class="search__status" role="status" aria-live="polite"></p>
            <ol id="search-results" class="search__results"></ol>
            <script src="search.js" defer=true></script>
            // Without the script, or before typing, the whole guide is one list away.
            { contents() }
        </>
    }
}
