//! Reading the clinic's settings: `config.json` beside the pages (fetched with a timeout), the
//! address, whether the page is framed and the device's time zone, checked by
//! [`Settings::read`].

use crate::browser::{in_frame, query, time_zone, window};
use crate::settings::{ConfigFile, Inputs, Notice, RawValue, Settings};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// How long `config.json` may take: the service worker gives up on the network after 4 s and
/// answers with its saved copy, so a little longer.
const CONFIG_TIMEOUT_MS: u32 = 5000;

/// Reads the settings. The last good copy of `config.json` comes from the offline copy: the
/// service worker (`xtask/sw.js`) answers with it when the host gives an error or no answer
/// within 4 s; with no copy, the page's own 5 s timeout gives up. Notices are for the clinic's
/// web team (the console and the clinic setup page), not patients.
pub async fn read_settings() -> (Settings, Vec<Notice>) {
    let entries = config_file("config.json").await;
    let file = match &entries {
        Some(Ok(entries)) => ConfigFile::Read(entries),
        Some(Err(())) => ConfigFile::NotAnObject,
        None => ConfigFile::Unreadable,
    };
    let (query, time_zone, in_frame) = (query(), time_zone(), in_frame());
    // Who embeds this page: address settings count only from a site config.json lists.
    let embedder = if in_frame { crate::boot::embed::embedder_origin(&window()) } else { None };
    Settings::read(&Inputs {
        file,
        query: &query,
        in_frame,
        time_zone: &time_zone,
        embedder: embedder.as_deref(),
    })
}

/// The file's text: `None` on an HTTP error, no network, or no answer (headers and body)
/// within the timeout, so the page never waits on a slow host.
async fn fetch_text(url: &str) -> Option<String> {
    let init = web_sys::RequestInit::new();
    // As boot.js: ask the host every time (no stale HTTP cache), and never follow a redirect.
    let _ = Reflect::set(&init, &"cache".into(), &"no-cache".into());
    let _ = Reflect::set(&init, &"redirect".into(), &"error".into());
    // `AbortSignal.timeout` (2022 browsers); older ones wait for the network as before.
    let signal = Reflect::get(&window(), &"AbortSignal".into())
        .ok()
        .filter(|c| Reflect::has(c, &"timeout".into()).unwrap_or(false))
        .map(|_| web_sys::AbortSignal::timeout_with_u32(CONFIG_TIMEOUT_MS));
    init.set_signal(signal.as_ref());
    let response = JsFuture::from(window().fetch_with_str_and_init(url, &init)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() || response.redirected() {
        return None;
    }
    JsFuture::from(response.text().ok()?).await.ok()?.as_string()
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `static/boot.js`: config.json's text (or null), fetched once, early, for every module.
    #[wasm_bindgen(catch, js_namespace = baclofenBoot, js_name = config)]
    fn boot_config() -> Result<js_sys::Promise, JsValue>;
}

/// `None` when the file cannot be read now; `Err` when it is not a JSON object.
async fn config_file(path: &str) -> Option<Result<Vec<(String, RawValue)>, ()>> {
    let text = match boot_config() {
        Ok(early) => JsFuture::from(early).await.ok()?.as_string()?,
        // Relative to the page's `<base>`: the folder that holds the start page.
        Err(_) => fetch_text(path).await?,
    };
    parse_config(&text)
}

/// Entries of a JSON object (`Err` when the text is not one).
pub fn parse_config(text: &str) -> Option<Result<Vec<(String, RawValue)>, ()>> {
    let Ok(json) = js_sys::JSON::parse(text) else { return Some(Err(())) };
    if !json.is_object() || Array::is_array(&json) {
        return Some(Err(()));
    }
    let entries = Object::entries(json.unchecked_ref::<Object>())
        .iter()
        .map(|entry| {
            let entry: Array = entry.unchecked_into();
            (entry.get(0).as_string().unwrap_or_default(), raw_value(&entry.get(1), true))
        })
        .collect();
    Some(Ok(entries))
}

/// A JSON value as a setting value (lists one level deep).
pub fn raw_value(value: &JsValue, lists_allowed: bool) -> RawValue {
    if let Some(text) = value.as_string() {
        RawValue::Text(text)
    } else if let Some(number) = value.as_f64() {
        RawValue::Number(number)
    } else if let Some(on) = value.as_bool() {
        RawValue::Bool(on)
    } else if lists_allowed && Array::is_array(value) {
        RawValue::List(value.unchecked_ref::<Array>().iter().map(|v| raw_value(&v, false)).collect())
    } else {
        RawValue::Other
    }
}
