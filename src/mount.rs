//! The entry points of the page modules: [`site`] (on every page: reads, checks and applies the
//! clinic's settings) and [`helper`] (one per helper page: mounts one component into its
//! placeholder once the settings are known). A `src/bin/<name>.rs` is one call to one of them.

use crate::boot::{apply, config, embed, handoff};
use crate::browser::{console_error, console_warn, element};
use crate::settings::SharedSettings;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use yew::BaseComponent;

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `static/boot.js`: this part of the page is live (`site`, or a helper's element id).
    #[wasm_bindgen(catch, js_namespace = baclofenBoot, js_name = started)]
    fn boot_started(part: &str) -> Result<(), JsValue>;
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

/// The settings module's start: read and check the settings, apply them to the page, hand them
/// to the helpers, then tell `static/boot.js`.
pub fn site() {
    report_panics();
    wasm_bindgen_futures::spawn_local(async {
        let (settings, mut notices) = config::read_settings().await;
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
        handoff::publish(&settings);
        let _ = boot_started("site");
    });
}

/// A helper module's start: once the settings module has handed the checked settings on,
/// renders `C` into the element `island`, replacing its static content (the published rules or
/// what the page says until the helper starts).
pub fn helper<C, P>(island: &'static str, props: P)
where
    C: BaseComponent,
    P: FnOnce(SharedSettings) -> C::Properties + 'static,
{
    report_panics();
    handoff::wait(move |settings| {
        if let Some(root) = element(island) {
            let props = props(SharedSettings(Rc::new(settings)));
            yew::Renderer::<C>::with_root_and_props(root, props).render();
        }
        let _ = boot_started(island);
    });
}
