//! The interactive parts of the static pages ("islands"): the placeholders the prerendered
//! pages carry, and the browser glue that reads the clinic's settings, applies them to the
//! page and brings the helpers to life inside the placeholders.

/// The element holding the missed-dose helper (its published rules until the app starts).
pub const MISSED_DOSE_ISLAND: &str = "missed-dose-tool";
/// The element holding the red-flag checker (its full list until the app starts).
pub const RED_FLAG_ISLAND: &str = "red-flag-tool";
/// The message an embedded page posts to its parent: `{ type, height }`.
pub const HEIGHT_MESSAGE: &str = "baclofen-guide:height";

/// `href` with `extra` (`a=b&c=d`) added to its query, before any `#anchor`. Links that leave
/// the guide (another site, `tel:`, `mailto:`) or stay on the page (`#x`) are left alone.
pub fn with_query(href: &str, extra: &str) -> Option<String> {
    let leaves = href.contains(':') || href.starts_with("//") || href.starts_with('#');
    if extra.is_empty() || leaves {
        return None;
    }
    let (path, anchor) = href.split_once('#').map_or((href, None), |(p, a)| (p, Some(a)));
    let joiner = if path.contains('?') { '&' } else { '?' };
    let mut out = format!("{path}{joiner}{extra}");
    if let Some(anchor) = anchor {
        out.push('#');
        out.push_str(anchor);
    }
    Some(out)
}

/// Browser glue, used only when the app starts and from event handlers.
pub mod browser {
    use super::{with_query, HEIGHT_MESSAGE};
    use crate::components::site_footer::{CLINIC_CONTACT_ID, EMERGENCY_LINE_ID};
    use crate::settings::{tel_href, ConfigFile, Inputs, Notice, RawValue, Settings, EMBEDDER_NOT_LISTED};
    use gloo_events::{EventListener, EventListenerOptions};
    use js_sys::{Array, Object, Reflect};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    fn window() -> web_sys::Window {
        web_sys::window().expect("the app runs in a window")
    }

    fn document() -> web_sys::Document {
        window().document().expect("a document")
    }

    /// The page address's query string (`?a=b`), or "".
    pub fn query() -> String {
        window().location().search().unwrap_or_default()
    }

    pub fn element(id: &str) -> Option<web_sys::Element> {
        document().get_element_by_id(id)
    }

    /// Brings an element into view and moves focus to it (it must be focusable).
    pub fn show_and_focus(id: &str) {
        if let Some(element) = element(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            element.scroll_into_view();
            let _ = element.focus();
        }
    }

    #[wasm_bindgen::prelude::wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(catch, js_namespace = baclofenBoot, js_name = started)]
        fn boot_started() -> Result<(), JsValue>;
    }

    /// Tells `static/boot.js` that the app is running: the start-up state becomes "started" and
    /// the failure message is hidden, whatever happened while it loaded.
    pub fn mark_started() {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-app-started", "");
        }
        let _ = boot_started();
    }

    /// Puts the clinic's emergency number (or the default, with the line naming every country's
    /// number) into the hidden "This helper stopped" message that `static/boot.js` shows if a
    /// helper stops.
    pub fn prepare_helper_stopped(settings: &Settings) {
        let Some(message) = element("helper-stopped") else { return };
        if let Ok(Some(line)) = message.query_selector(".helper-stopped__emergency") {
            line.set_text_content(Some(&settings.emergency_sentence()));
        }
        if let Ok(Some(call)) = message.query_selector(".call__button") {
            let number = settings.call_number();
            let _ = call.set_attribute("href", &format!("tel:{number}"));
            call.set_text_content(Some(&format!("Call {number}")));
        }
    }

    #[wasm_bindgen::prelude::wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = console, js_name = warn)]
        fn console_warn(message: &str);
    }

    /// How long `config.json` may take: the service worker gives up on the network after 4 s and
    /// answers with its saved copy, so a little longer.
    const CONFIG_TIMEOUT_MS: u32 = 5000;

    /// The device's IANA time zone, read once at start ("" if the browser gives none).
    pub fn time_zone() -> String {
        // `Intl.DateTimeFormat().resolvedOptions().timeZone`, through `Reflect` (smaller than the
        // typed `Intl` bindings).
        let get = |target: &JsValue, key: &str| Reflect::get(target, &key.into()).ok();
        let zone = || {
            let format: js_sys::Function =
                get(&get(&window(), "Intl")?, "DateTimeFormat")?.dyn_into().ok()?;
            let format = Reflect::construct(&format, &Array::new()).ok()?;
            let resolved: js_sys::Function = get(&format, "resolvedOptions")?.dyn_into().ok()?;
            get(&resolved.call0(&format).ok()?, "timeZone")?.as_string()
        };
        zone().unwrap_or_default()
    }

    /// The page is inside a frame: `window.top !== window`.
    pub fn in_frame() -> bool {
        let window = window();
        window.top().ok().flatten().is_some_and(|top| top != window)
    }

    /// Reads `config.json` beside the pages, the address, whether the page is framed and the
    /// device's time zone. The last good copy of `config.json` comes from the offline copy: the
    /// service worker (`xtask/sw.js`) answers with it when the host gives an error or no answer
    /// within 4 s; with no copy, the page's own 5 s timeout gives up. Notices go to the console
    /// only: they are for the clinic's web team (the clinic setup page shows them too), not
    /// patients.
    pub async fn read_settings() -> (Settings, Vec<Notice>) {
        let entries = config_file("config.json").await;
        let file = match &entries {
            Some(Ok(entries)) => ConfigFile::Read(entries),
            Some(Err(())) => ConfigFile::NotAnObject,
            None => ConfigFile::Unreadable,
        };
        let (query, time_zone) = (query(), time_zone());
        Settings::read(&Inputs { file, query: &query, in_frame: in_frame(), time_zone: &time_zone })
    }

    /// The file's text: `None` on an HTTP error, no network, or no answer (headers and body)
    /// within the timeout, so the helpers never wait on a slow host.
    async fn fetch_text(url: &str) -> Option<String> {
        let init = web_sys::RequestInit::new();
        // `AbortSignal.timeout` (2022 browsers); older ones wait for the network as before.
        let signal = Reflect::get(&window(), &"AbortSignal".into())
            .ok()
            .filter(|c| Reflect::has(c, &"timeout".into()).unwrap_or(false))
            .map(|_| web_sys::AbortSignal::timeout_with_u32(CONFIG_TIMEOUT_MS));
        init.set_signal(signal.as_ref());
        let response = JsFuture::from(window().fetch_with_str_and_init(url, &init)).await.ok()?;
        let response: web_sys::Response = response.dyn_into().ok()?;
        if !response.ok() {
            return None;
        }
        JsFuture::from(response.text().ok()?).await.ok()?.as_string()
    }

    /// `None` when the file cannot be read now; `Err` when it is not a JSON object.
    async fn config_file(path: &str) -> Option<Result<Vec<(String, RawValue)>, ()>> {
        // Relative to the page's `<base>`: the folder that holds the start page.
        parse_config(&fetch_text(path).await?)
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

    /// Applies the settings to the static page: embedding, accent colour, the emergency line,
    /// the clinic's numbers and settings kept on links. Notices for ignored settings go to the
    /// console, for the clinic's web team; patients see none (nothing they rely on changed).
    pub fn apply(settings: &Settings, mut notices: Vec<Notice>) {
        let document = document();
        let root = document.document_element().expect("an <html> element");
        if settings.embed {
            let _ = root.set_attribute("data-embed", "");
            if let Err(notice) = share_height(settings) {
                notices.push(notice);
            }
        }
        if let (Some(accent), Some(root)) = (&settings.accent, root.dyn_ref::<web_sys::HtmlElement>()) {
            // Through the CSS object model, which the Content Security Policy allows.
            let _ = root.style().set_property("--brand", accent);
        }
        if let Some(region) = settings.region {
            // Blocks true in one country only are hidden for the other (style/app.css).
            let _ = root.set_attribute("data-region", region.id);
        }
        if let Some(line) = element(EMERGENCY_LINE_ID) {
            line.set_text_content(Some(&settings.emergency_sentence()));
        }
        if let Some(contact) = element(CLINIC_CONTACT_ID) {
            show_clinic(&document, &contact, settings);
        }
        keep_settings_on_links(settings.carried_query());
        for notice in &notices {
            console_warn(&notice.console_line());
        }
    }

    fn child(
        document: &web_sys::Document,
        parent: &web_sys::Element,
        tag: &str,
        text: &str,
    ) -> web_sys::Element {
        let element = document.create_element(tag).expect("a valid tag name");
        // Text only: nothing from a setting is ever parsed as HTML.
        element.set_text_content(Some(text));
        let _ = parent.append_child(&element);
        element
    }

    /// "Riverside Neurology: 020 7946 0000. NHS 111: 111." The name once, each number in its
    /// own left-to-right isolate (`<bdi dir="ltr">`) inside a `tel:` link made of its digits, so
    /// no name, in any script, can reorder a number.
    fn show_clinic(document: &web_sys::Document, contact: &web_sys::Element, settings: &Settings) {
        let name = settings.clinic_name.as_deref();
        let clinic = settings.clinic_phone.as_deref();
        let out_of_hours = settings.out_of_hours();
        if name.is_none() && clinic.is_none() && out_of_hours.is_none() {
            return;
        }
        let paragraph = child(document, contact, "p", "");
        let clinic_named = name.is_some() || clinic.is_some();
        if clinic_named {
            let strong = child(document, &paragraph, "strong", "");
            child(document, &strong, "bdi", name.unwrap_or("Your clinic"));
        }
        let number = |after: &str, phone: &str| {
            let _ = paragraph.append_with_str_1(after);
            let link = child(document, &paragraph, "a", "");
            let _ = link.set_attribute("href", &tel_href(phone));
            let _ = child(document, &link, "bdi", phone).set_attribute("dir", "ltr");
        };
        if let Some(phone) = clinic {
            number(": ", phone);
        }
        if let Some((label, phone)) = out_of_hours {
            if clinic_named {
                let _ = paragraph.append_with_str_1(if clinic.is_some() { ". " } else { " · " });
            }
            child(document, &paragraph, "bdi", label);
            number(": ", phone);
        }
        let _ = contact.remove_attribute("hidden");
    }

    /// Settings from the address stay on every link to another page of the guide (a clinic's
    /// embedded copy keeps its settings as people move around). Rewritten as the link is
    /// followed, so links the helpers draw later are covered too.
    fn keep_settings_on_links(extra: String) {
        if extra.is_empty() {
            return;
        }
        let on_follow = move |event: &web_sys::Event| {
            let Some(link) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|e| e.closest("a[href]").ok().flatten())
            else {
                return;
            };
            let href = link.get_attribute("href").unwrap_or_default();
            if href.contains(extra.as_str()) {
                return;
            }
            if let Some(href) = with_query(&href, &extra) {
                let _ = link.set_attribute("href", &href);
            }
        };
        let options = EventListenerOptions::run_in_capture_phase();
        let on_follow = std::rc::Rc::new(on_follow);
        for kind in ["click", "auxclick"] {
            let on_follow = on_follow.clone();
            EventListener::new_with_options(&document(), kind, options, move |e| on_follow(e)).forget();
        }
    }

    /// Sends the page height to the embedding page whenever it changes, only if that page's
    /// origin is listed in `embed_origins`.
    fn share_height(settings: &Settings) -> Result<(), Notice> {
        let window = window();
        let Some(parent) = window.parent().ok().flatten().filter(|p| *p != window) else {
            return Ok(()); // Opened on its own: nothing to tell.
        };
        let embedder = embedder_origin(&window);
        let Some(origin) = embedder.filter(|o| settings.embedder_allowed(o)) else {
            return Err(Notice { setting: "embed_origins".into(), message: EMBEDDER_NOT_LISTED });
        };
        let root = document().document_element().expect("an <html> element");
        let measured = root.clone();
        let post = move || {
            let message = Object::new();
            let _ = Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
            let _ = Reflect::set(&message, &"height".into(), &measured.scroll_height().into());
            let _ = parent.post_message(&message, &origin);
        };
        post();
        let observed = Closure::<dyn FnMut()>::new(post);
        if let Ok(observer) = web_sys::ResizeObserver::new(observed.as_ref().unchecked_ref()) {
            observer.observe(&root);
        }
        // Observes for the life of the page.
        observed.forget();
        Ok(())
    }

    /// The origin of the page that embeds this one, as the browser reports it.
    fn embedder_origin(window: &web_sys::Window) -> Option<String> {
        // `location.ancestorOrigins[0]` (Chromium, Safari); web-sys has no binding for it.
        let ancestors = Reflect::get(&window.location(), &"ancestorOrigins".into()).ok();
        if let Some(origin) = ancestors.and_then(|list| Reflect::get(&list, &0.into()).ok()?.as_string()) {
            return Some(origin);
        }
        // Browsers without `ancestorOrigins`: the referrer is the embedding page.
        let referrer = window.document()?.referrer();
        web_sys::Url::new(&referrer).ok().map(|url| url.origin()).filter(|o| o != "null")
    }
}

#[cfg(test)]
mod tests {
    use super::with_query;

    #[test]
    fn settings_are_added_to_links_within_the_guide_only() {
        assert_eq!(
            with_query("sources/#source-mfc", "embed=1").as_deref(),
            Some("sources/?embed=1#source-mfc")
        );
        assert_eq!(
            with_query("side-effects/?context=missed#checker", "embed=1").as_deref(),
            Some("side-effects/?context=missed&embed=1#checker")
        );
        assert_eq!(with_query("./", "region=uk").as_deref(), Some("./?region=uk"));
        for leaves in ["tel:999", "https://example.org/", "//example.org/", "#main", "javascript:alert(1)"] {
            assert_eq!(with_query(leaves, "embed=1"), None, "{leaves}");
        }
        assert_eq!(with_query("about/", ""), None);
    }
}
