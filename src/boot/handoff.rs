//! How the clinic's settings reach a page's helper module. The settings module (`src/bin/site.rs`)
//! reads and checks them once and hands the result to `static/boot.js`; each helper module
//! (`mount::helper`) takes that result instead of reading `config.json` and the address again, so
//! it carries no copy of the checks. Only values that passed [`Settings::read`] are handed on,
//! and a helper treats them as text.

use crate::content::{Region, REGIONS};
use crate::settings::Settings;
use js_sys::{Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `static/boot.js`: keeps the checked settings and calls every helper waiting for them.
    #[wasm_bindgen(catch, js_namespace = baclofenBoot, js_name = settingsReady)]
    fn settings_ready(settings: &JsValue) -> Result<(), JsValue>;
    /// `static/boot.js`: calls `then` with the checked settings once they are ready.
    #[wasm_bindgen(catch, js_namespace = baclofenBoot, js_name = whenSettings)]
    fn when_settings(then: &JsValue) -> Result<(), JsValue>;
}

const TEXTS: [&str; 4] = ["clinic_name", "clinic_phone", "out_of_hours_phone", "emergency_number"];

fn texts(settings: &Settings) -> [&Option<String>; 4] {
    [&settings.clinic_name, &settings.clinic_phone, &settings.out_of_hours_phone, &settings.emergency_number]
}

/// Hands the checked settings on (called once, by the settings module).
pub fn publish(settings: &Settings) {
    let out = Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = Reflect::set(&out, &key.into(), &value);
    };
    for (key, value) in TEXTS.iter().zip(texts(settings)) {
        if let Some(value) = value {
            set(key, value.into());
        }
    }
    if let Some(region) = settings.region {
        set("region", region.id.into());
    }
    if let Some(region) = settings.time_zone_region {
        set("time_zone_region", region.id.into());
    }
    if let Some(window) = settings.skip_window {
        set("skip_window", window.into());
    }
    let _ = settings_ready(&out);
}

fn region(id: Option<String>) -> Option<&'static Region> {
    let id = id?;
    REGIONS.iter().find(|r| r.id == id)
}

/// The settings as the settings module handed them on.
pub fn received(value: &JsValue) -> Settings {
    let text = |key: &str| Reflect::get(value, &key.into()).ok().and_then(|v| v.as_string());
    let [clinic_name, clinic_phone, out_of_hours_phone, emergency_number] = TEXTS.map(text);
    Settings {
        clinic_name,
        clinic_phone,
        out_of_hours_phone,
        emergency_number,
        region: region(text("region")),
        time_zone_region: region(text("time_zone_region")),
        skip_window: Reflect::get(value, &"skip_window".into())
            .ok()
            .and_then(|v| v.as_f64())
            .filter(|w| (0.0..=f64::from(u16::MAX)).contains(w))
            .map(|w| w as u16),
        ..Settings::default()
    }
}

/// Runs `then` with the checked settings once the settings module has handed them on.
pub fn wait<F: FnOnce(Settings) + 'static>(then: F) {
    let callback = Closure::once_into_js(move |value: JsValue| then(received(&value)));
    let _ = when_settings(&callback);
}
