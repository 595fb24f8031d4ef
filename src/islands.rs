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
    use crate::settings::{tel_href, Notice, RawValue, Settings, EMBEDDER_NOT_LISTED};
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

    /// Tells `static/boot.js` that the app is running, so it never shows the failure message.
    pub fn mark_started() {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-app-started", "");
        }
    }

    /// Reads `config.json` beside the pages (if the host has one) and the address.
    pub async fn read_settings() -> (Settings, Vec<Notice>) {
        let entries = config_file().await;
        let file = match &entries {
            Some(Ok(entries)) => Ok(entries.as_slice()),
            Some(Err(())) => Err(()),
            None => Ok(&[][..]),
        };
        Settings::read(file, &query())
    }

    /// `None` when there is no file (or no network and no offline copy); `Err` when it is not a
    /// JSON object.
    async fn config_file() -> Option<Result<Vec<(String, RawValue)>, ()>> {
        // Relative to the page's `<base>`: the folder that holds the start page.
        let response = JsFuture::from(window().fetch_with_str("config.json")).await.ok()?;
        let response: web_sys::Response = response.dyn_into().ok()?;
        if !response.ok() {
            return None;
        }
        let text = JsFuture::from(response.text().ok()?).await.ok()?.as_string()?;
        let Ok(json) = js_sys::JSON::parse(&text) else { return Some(Err(())) };
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

    fn raw_value(value: &JsValue, lists_allowed: bool) -> RawValue {
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
    /// the clinic's numbers, settings kept on links, and the notices for ignored settings.
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
        if settings.configured_emergency_number().is_some() {
            if let Some(line) = element(EMERGENCY_LINE_ID) {
                line.set_text_content(Some(&settings.emergency_sentence()));
            }
        }
        if let Some(contact) = element(CLINIC_CONTACT_ID) {
            show_clinic(&document, &contact, settings);
        }
        keep_settings_on_links(settings.carried_query());
        show_notices(&document, &notices);
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

    fn show_clinic(document: &web_sys::Document, contact: &web_sys::Element, settings: &Settings) {
        let name = settings.clinic_name.as_deref();
        let phones = [
            settings.clinic_phone.as_deref().map(|phone| (name.unwrap_or("Your clinic"), phone)),
            settings.out_of_hours(),
        ];
        if name.is_none() && phones.iter().all(Option::is_none) {
            return;
        }
        let paragraph = child(document, contact, "p", "");
        if let Some(name) = name {
            child(document, &paragraph, "strong", name);
        }
        for (label, phone) in phones.into_iter().flatten() {
            let _ = paragraph.append_with_str_1(&format!(" {label}: "));
            let link = child(document, &paragraph, "a", phone);
            let _ = link.set_attribute("href", &tel_href(phone));
        }
        let _ = contact.remove_attribute("hidden");
    }

    fn show_notices(document: &web_sys::Document, notices: &[Notice]) {
        let Some(main) = document.get_element_by_id(crate::app::MAIN_ID) else { return };
        if notices.is_empty() {
            return;
        }
        let section = document.create_element("section").expect("a valid tag name");
        section.set_class_name("settings-notice");
        let _ = section.set_attribute("role", "status");
        let _ = section.set_attribute("aria-labelledby", "settings-notice-title");
        let title = child(document, &section, "h2", "Some settings were ignored");
        title.set_id("settings-notice-title");
        child(
            document,
            &section,
            "p",
            "The guide uses its usual settings instead. For the clinic's web team:",
        );
        let list = child(document, &section, "ul", "");
        for notice in notices {
            let item = child(document, &list, "li", "");
            if !notice.setting.is_empty() {
                child(document, &item, "code", &notice.setting);
                let _ = item.append_with_str_1(" ");
            }
            let _ = item.append_with_str_1(notice.message);
        }
        let _ = main.prepend_with_node_1(&section);
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
        let Some(origin) = embedder.filter(|o| settings.embed_origins.contains(o)) else {
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
