//! The entry points of the page modules: [`site`] (pages without a helper: reads, checks and
//! applies the clinic's settings), [`island`] (a helper's page: the same, then renders one Yew
//! component into its placeholder). A `src/bin/<name>.rs` is one call to one of them.

use crate::boot::{apply, config, embed};
use crate::browser::{console_error, console_warn, element};
use crate::settings::SharedSettings;
use std::rc::Rc;
use wasm_bindgen::JsValue;

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `static/boot.js`: the settings are applied and the page's helper, if any, is live.
    #[wasm_bindgen(catch, js_namespace = baclofenBoot, js_name = started)]
    fn boot_started() -> Result<(), JsValue>;
    /// `static/boot.js`: replaces each helper with "This helper stopped…" (after the start) or
    /// shows the start-up failure message (before it).
    #[wasm_bindgen(catch, js_namespace = baclofenBoot, js_name = stopped)]
    fn boot_stopped(reason: &str) -> Result<(), JsValue>;
}

/// A panic leaves the module unable to run (release builds abort right after this hook), so a
/// helper on screen would be dead. The hook logs the panic and asks `static/boot.js` to put the
/// "This helper stopped" message, with the emergency number, in its place. (boot.js also catches
/// the WebAssembly trap that follows, in case this cannot run.)
fn report_panics() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        console_error(&message);
        let _ = boot_stopped(&message);
    }));
}

/// Resolves in a later task (`setTimeout(0)`), so the browser can paint and handle input between
/// two pieces of start-up work.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        crate::browser::next_task(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Reads and checks the clinic's settings, applies them to the page, then runs `then` with them
/// and tells `static/boot.js` the page is live. Each page runs this once: from the settings
/// module, or from its helper's module, which does the same work before mounting the helper (one
/// module per page, so a helper page downloads one copy of the runtime, not two).
fn start<F: FnOnce(SharedSettings) + 'static>(then: F) {
    report_panics();
    wasm_bindgen_futures::spawn_local(async move {
        // Instantiating the module is one task; reading and applying the settings the next.
        next_task().await;
        let (settings, mut notices) = config::read_settings().await;
        // Reading and checking is one task, applying them to the page the next.
        next_task().await;
        apply::apply(&settings);
        if settings.embed {
            if let Err(notice) = embed::share_height(&settings) {
                notices.push(notice);
            }
        }
        // For the clinic's web team; patients see none (nothing they rely on changed).
        for notice in &notices {
            console_warn(&notice.console_line());
        }
        // A helper's first render is a task of its own, after the browser has had a turn.
        next_task().await;
        // `then` tells boot.js the page is live (once its helper's form is whole, which may
        // take a few short tasks).
        then(SharedSettings(Rc::new(settings)));
    });
}

/// Tells `static/boot.js` the page is live.
fn started() {
    let _ = boot_started();
}

/// The settings module's start, on a page without a helper.
pub fn site() {
    start(|_| started());
}

/// A Yew helper's start: the settings module's work, then the component `C` is rendered into the
/// element `island` (client rendering, no hydration: what the element held, the published rules
/// or the page's words, is replaced). `props` makes its properties from the settings and the
/// callback the component calls once its form is whole (the page is then marked live).
pub fn island<C>(
    island: &'static str,
    props: impl FnOnce(SharedSettings, yew::Callback<()>) -> C::Properties + 'static,
) where
    C: yew::BaseComponent,
{
    start(move |settings| match element(island) {
        Some(root) => {
            let shown = yew::Callback::from(|()| started());
            // The page keeps its helper for as long as it is open (the handle is not destroyed).
            let _ = yew::Renderer::<C>::with_root_and_props(root, props(settings, shown)).render();
        }
        None => started(),
    });
}
