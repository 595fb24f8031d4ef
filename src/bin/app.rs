//! WebAssembly entry point: the pages are static HTML; this brings the helpers to life inside
//! their placeholders.

use baclofen_guide::components::missed_dose_helper::{MissedDoseHelper, MissedDoseHelperProps};
use baclofen_guide::components::red_flag_checker::{answers_from_query, RedFlagChecker, RedFlagCheckerProps};
use baclofen_guide::islands::{browser, MISSED_DOSE_ISLAND, RED_FLAG_ISLAND};
use baclofen_guide::settings::{query_value, SharedSettings};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::PerformanceObserver;

/// How long to wait for the browser to report the static page's largest paint before starting
/// anyway (browsers without largest-contentful-paint entries).
const FALLBACK_MS: i32 = 300;

/// Runs `then` once the browser has recorded the prerendered page's largest paint. Replacing
/// a placeholder before that could make the helper the largest paint, as if the page had
/// waited for the app.
fn after_largest_paint<F: FnOnce() + 'static>(then: F) {
    let pending = Rc::new(RefCell::new(Some(then)));
    let run = move || {
        if let Some(start) = pending.borrow_mut().take() {
            start();
        }
    };
    let window = web_sys::window().expect("a window");
    let fallback = Closure::once_into_js(run.clone());
    let _ =
        window.set_timeout_with_callback_and_timeout_and_arguments_0(fallback.unchecked_ref(), FALLBACK_MS);

    let observed =
        Closure::<dyn FnMut(JsValue, PerformanceObserver)>::new(move |_, observer: PerformanceObserver| {
            observer.disconnect();
            run();
        });
    if let Ok(observer) = PerformanceObserver::new(observed.as_ref().unchecked_ref()) {
        // `type` with `buffered` also delivers the paint that happened before the wasm loaded.
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"type".into(), &"largest-contentful-paint".into());
        let _ = js_sys::Reflect::set(&options, &"buffered".into(), &JsValue::TRUE);
        observer.observe(options.unchecked_ref());
    }
    // The observer may call back at any later time; it lives as long as the page.
    observed.forget();
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);
    /// `static/boot.js`: replaces each helper with "This helper stopped…" (after the start) or
    /// shows the start-up failure message (before it).
    #[wasm_bindgen(catch, js_namespace = baclofenBoot, js_name = stopped)]
    fn boot_stopped(reason: &str) -> Result<(), JsValue>;
}

/// A panic leaves the app unable to run (release builds abort right after this hook), so the
/// helper on screen would be dead. The hook runs before the abort: it logs the panic and asks
/// `static/boot.js` to put the "This helper stopped" message, with the emergency number, in its
/// place. (boot.js also catches the WebAssembly trap that follows, in case this cannot run.)
fn report_panics() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        console_error(&message);
        let _ = boot_stopped(&message);
    }));
}

fn main() {
    report_panics();
    after_largest_paint(|| wasm_bindgen_futures::spawn_local(start()));
}

async fn start() {
    let (settings, notices) = browser::read_settings().await;
    browser::apply(&settings, notices);
    browser::prepare_helper_stopped(&settings);
    let settings = SharedSettings(Rc::new(settings));
    // Each mount replaces the placeholder's static content.
    if let Some(root) = browser::element(MISSED_DOSE_ISLAND) {
        let props = MissedDoseHelperProps { settings: settings.clone() };
        yew::Renderer::<MissedDoseHelper>::with_root_and_props(root, props).render();
    }
    if let Some(root) = browser::element(RED_FLAG_ISLAND) {
        let answers = answers_from_query(query_value(&browser::query(), "context").as_deref());
        yew::Renderer::<RedFlagChecker>::with_root_and_props(root, RedFlagCheckerProps { answers, settings })
            .render();
    }
    // Last: tests and `static/boot.js` read this as "settings applied, helpers live".
    browser::mark_started();
}
