//! The search box. `search.js` (plain script of about 1 KB, kept out of the WebAssembly's size
//! budget) lists matching sections as the reader types, from `search-index.json`, which
//! `xtask` writes from the same content at build time. No form is submitted anywhere.

use crate::content::ui::shell;
use crate::pages::content_page::contents;
use yew::prelude::*;

pub const SEARCH_INPUT_ID: &str = "search-input";

#[component]
pub fn SearchBox() -> Html {
    html! {
        <>
            // Shown by the script; without it, the contents below are the way in.
            // search.js says its messages in these words (content/ui.toml [shell]).
            <div class="search" role="search" hidden=true
                data-too-short={shell::SEARCH_TOO_SHORT} data-none={shell::SEARCH_NONE}
                data-one={shell::SEARCH_ONE} data-many={shell::SEARCH_MANY} data-best={shell::SEARCH_BEST}
                data-partial={shell::SEARCH_PARTIAL} data-in={shell::SEARCH_IN} data-failed={shell::SEARCH_FAILED}>
                <label for={SEARCH_INPUT_ID}>{ shell::SEARCH_LABEL }</label>
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
