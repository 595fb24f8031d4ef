//! The browser side: local storage (only after the person opts in), the device's clock and
//! date, the calendar download (a Blob URL and `<a download>`), the clipboard, and the
//! address's `#` part. Nothing here sends anything anywhere.

use super::record::{self, Doses, Kept, Loaded, KEPT_KEY};
use crate::missed_dose::device::DeviceZone;
use crate::schedule_record::{self, Problem};
use baclofen_logic::time::{local_at, Date, Instant};
use js_sys::{Array, Function, Object, Reflect};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};

pub use crate::missed_dose::device::now;

/// Today's date on the device's clock.
pub fn today() -> Date {
    local_at(&DeviceZone, now()).0
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn load() -> Loaded {
    let found = schedule_record::load(today());
    let mut loaded = Loaded {
        doses: found.record,
        kept: Vec::new(),
        discarded: found.problem == Some(Problem::Damaged),
        newer: found.problem == Some(Problem::Newer),
        differed: found.problem == Some(Problem::Differed),
    };
    let Some(storage) = storage() else {
        return loaded;
    };
    if let Some(text) = storage.get_item(KEPT_KEY).ok().flatten().filter(|text| {
        let newer = record::kept_newer(text);
        loaded.newer |= newer;
        !newer
    }) {
        let (kept, damaged) = record::decode_kept(&text);
        if damaged > 0 {
            loaded.discarded = true;
            // Keep what could be read, drop only the damaged lines.
            let _ = if kept.is_empty() {
                storage.remove_item(KEPT_KEY)
            } else {
                storage.set_item(KEPT_KEY, &record::encode_kept(&kept))
            };
        }
        loaded.kept = kept;
    }
    loaded
}

fn put(key: &str, text: &str) -> bool {
    storage().is_some_and(|s| {
        s.set_item(key, text).is_ok() && s.get_item(key).ok().flatten().as_deref() == Some(text)
    })
}

/// Keeps the doses (the one schedule record); `false` when the browser refused (storage
/// blocked, full or off) or a newer version's record is there.
pub fn save_doses(doses: &Doses) -> bool {
    schedule_record::save(doses)
}

pub fn forget_doses() {
    schedule_record::forget();
}

/// Keeps one more answer for the appointment (for the missed-dose helper and the checker,
/// after the person chose to keep it); `false` when the browser refused.
/// Refuses (`false`) when the answers already kept cannot all be read, or were kept by a newer
/// version: writing would silently drop them (attack review B17).
pub fn keep_answer(kept: Kept) -> bool {
    let existing = match storage().and_then(|s| s.get_item(KEPT_KEY).ok().flatten()) {
        None => Vec::new(),
        Some(text) if record::kept_newer(&text) => return false,
        Some(text) => match record::decode_kept(&text) {
            (list, 0) => list,
            _ => return false,
        },
    };
    put(KEPT_KEY, &record::encode_kept(&record::add_kept(existing, kept)))
}

pub fn save_kept(list: &[Kept]) -> bool {
    if list.is_empty() {
        storage().is_some_and(|s| s.remove_item(KEPT_KEY).is_ok())
    } else {
        put(KEPT_KEY, &record::encode_kept(list))
    }
}

/// Clears everything this guide keeps on the device: the schedule (shared with the
/// missed-dose helper, and any older or newer record of it) and the kept answers.
pub fn clear_everything() {
    if let Some(s) = storage() {
        let _ = s.remove_item(KEPT_KEY);
    }
    schedule_record::forget();
}

/// The address's `#` part, with the `#` ("" if none).
pub fn fragment() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// This page's address without its `#` part: the start of a carer link.
pub fn page_address() -> String {
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    match href.find('#') {
        Some(i) => href[..i].to_owned(),
        None => href,
    }
}

thread_local! {
    /// The last download's Blob URL, released when the next one is made.
    static LAST_URL: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn global_get(target: &JsValue, name: &str) -> Result<JsValue, JsValue> {
    Reflect::get(target, &JsValue::from_str(name))
}

/// Saves `text` as a file called `name` through a Blob URL and a clicked `<a download>`:
/// made on the device, no request anywhere. `false` if the browser could not.
pub fn download(name: &str, mime: &str, text: &str) -> bool {
    let run = || -> Result<(), JsValue> {
        let global = js_sys::global();
        let blob_type: Function = global_get(&global, "Blob")?.dyn_into()?;
        let options = Object::new();
        Reflect::set(&options, &JsValue::from_str("type"), &JsValue::from_str(mime))?;
        let blob =
            Reflect::construct(&blob_type, &Array::of2(&Array::of1(&JsValue::from_str(text)), &options))?;
        let url_type = global_get(&global, "URL")?;
        let create: Function = global_get(&url_type, "createObjectURL")?.dyn_into()?;
        let href = create.call1(&url_type, &blob)?.as_string().unwrap_or_default();
        let document = web_sys::window().and_then(|w| w.document()).ok_or(JsValue::NULL)?;
        let link: web_sys::HtmlElement = document.create_element("a")?.dyn_into()?;
        link.set_attribute("href", &href)?;
        link.set_attribute("download", name)?;
        link.set_attribute("hidden", "")?;
        let body = document.body().ok_or(JsValue::NULL)?;
        body.append_child(&link)?;
        link.click();
        let _ = body.remove_child(&link);
        let revoke: Function = global_get(&url_type, "revokeObjectURL")?.dyn_into()?;
        if let Some(old) = LAST_URL.with(|last| last.borrow_mut().replace(href)) {
            let _ = revoke.call1(&url_type, &JsValue::from_str(&old));
        }
        Ok(())
    };
    run().is_ok()
}

/// Copies text to the clipboard (the browser may ask, or refuse: the link stays on screen).
pub fn copy_text(text: &str) -> bool {
    let run = || -> Result<(), JsValue> {
        let navigator = global_get(&js_sys::global(), "navigator")?;
        let clipboard = global_get(&navigator, "clipboard")?;
        let write: Function = global_get(&clipboard, "writeText")?.dyn_into()?;
        write.call1(&clipboard, &JsValue::from_str(text))?;
        Ok(())
    };
    run().is_ok()
}

/// Whether the browser has a share sheet (`navigator.share`; most phones, few desktops).
pub fn can_share() -> bool {
    global_get(&js_sys::global(), "navigator")
        .and_then(|navigator| global_get(&navigator, "share"))
        .is_ok_and(|share| share.is_function())
}

/// A cancelled share (the person closed the sheet) is not a failure.
fn is_abort(error: &JsValue) -> bool {
    global_get(error, "name").ok().and_then(|name| name.as_string()).as_deref() == Some("AbortError")
}

/// Opens the browser's share sheet with `title`, `text` and `url` (`navigator.share`, after
/// `navigator.canShare` where the browser has it). `on_failed` runs if sharing failed, but not if
/// the person cancelled it. Nothing is sent by the guide: the person's own app sends it.
pub fn share(title: &str, text: &str, url: &str, on_failed: impl FnOnce() + 'static) {
    let start = || -> Result<js_sys::Promise, JsValue> {
        let navigator = global_get(&js_sys::global(), "navigator")?;
        let data = Object::new();
        for (key, value) in [("title", title), ("text", text), ("url", url)] {
            Reflect::set(&data, &JsValue::from_str(key), &JsValue::from_str(value))?;
        }
        if let Ok(can_share) = global_get(&navigator, "canShare")?.dyn_into::<Function>() {
            if !can_share.call1(&navigator, &data)?.is_truthy() {
                return Err(JsValue::NULL);
            }
        }
        let share: Function = global_get(&navigator, "share")?.dyn_into()?;
        share.call1(&navigator, &data)?.dyn_into()
    };
    match start() {
        Ok(promise) => wasm_bindgen_futures::spawn_local(async move {
            if let Err(error) = wasm_bindgen_futures::JsFuture::from(promise).await {
                if !is_abort(&error) {
                    on_failed();
                }
            }
        }),
        Err(error) if !is_abort(&error) => on_failed(),
        Err(_) => {}
    }
}

/// Opens the browser's print window (its "Save as PDF" makes the PDF).
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// The local date and time of an instant on this device.
pub fn local(at: Instant) -> (Date, baclofen_logic::time::ClockTime) {
    local_at(&DeviceZone, at)
}
