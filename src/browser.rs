//! The few browser facts every module needs (window, document, the address, the time zone),
//! read through web-sys. A leaf: it imports nothing from this crate.

use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};

pub fn window() -> web_sys::Window {
    web_sys::window().expect("the guide runs in a window")
}

pub fn document() -> web_sys::Document {
    window().document().expect("a document")
}

/// Runs `then` in a task of its own: `scheduler.postTask` where the browser has it (a chain of
/// `setTimeout(0)` is held back to 4 ms a step after a few), else `setTimeout`.
pub fn next_task(then: impl FnOnce() + 'static) {
    let callback = wasm_bindgen::closure::Closure::once_into_js(then);
    let window = window();
    let scheduler = Reflect::get(&window, &JsValue::from_str("scheduler")).unwrap_or(JsValue::UNDEFINED);
    let post = Reflect::get(&scheduler, &JsValue::from_str("postTask")).ok();
    if let Some(post) = post.and_then(|p| p.dyn_into::<js_sys::Function>().ok()) {
        // The task's promise rejects only if it is aborted; nothing here aborts it.
        if post.call1(&scheduler, &callback).is_ok() {
            return;
        }
    }
    let _ = window.set_timeout_with_callback(callback.unchecked_ref());
}

/// The page address's query string (`?a=b`), or "".
pub fn query() -> String {
    window().location().search().unwrap_or_default()
}

pub fn element(id: &str) -> Option<web_sys::Element> {
    document().get_element_by_id(id)
}

/// The device's IANA time zone ("" if the browser gives none): `Temporal.Now.timeZoneId()` where
/// the browser has it, else `Intl.DateTimeFormat().resolvedOptions().timeZone` (both through
/// `Reflect`, smaller than typed bindings). The first `Intl.DateTimeFormat` on a page sets up
/// its locale data, one long task on a slow phone; Temporal does not
/// (`docs/adr/0002-start-up-after-first-paint.md` has the measurements).
pub fn time_zone() -> String {
    let get =
        |target: &JsValue, key: &str| Reflect::get(target, &key.into()).ok().filter(|v| !v.is_undefined());
    let call = |target: &JsValue, key: &str| -> Option<JsValue> {
        let method: js_sys::Function = get(target, key)?.dyn_into().ok()?;
        method.call0(target).ok()
    };
    let temporal = || call(&get(&get(&window(), "Temporal")?, "Now")?, "timeZoneId")?.as_string();
    let intl = || {
        let format: js_sys::Function = get(&get(&window(), "Intl")?, "DateTimeFormat")?.dyn_into().ok()?;
        let format = Reflect::construct(&format, &Array::new()).ok()?;
        get(&call(&format, "resolvedOptions")?, "timeZone")?.as_string()
    };
    temporal().filter(|zone| !zone.is_empty()).or_else(intl).unwrap_or_default()
}

/// The page is inside a frame: `window.top !== window`.
pub fn in_frame() -> bool {
    let window = window();
    window.top().ok().flatten().is_some_and(|top| top != window)
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = warn)]
    pub fn console_warn(message: &str);
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    pub fn console_error(message: &str);
}
