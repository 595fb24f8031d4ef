//! The interactive parts of the static pages ("islands"): the placeholders the prerendered
//! pages carry, and the browser glue that brings the helpers to life inside them.

/// The element holding the missed-dose helper (its published rules until the app starts).
pub const MISSED_DOSE_ISLAND: &str = "missed-dose-tool";
/// The element holding the red-flag checker (its full list until the app starts).
pub const RED_FLAG_ISLAND: &str = "red-flag-tool";

/// The value of `key` in a query string (`?context=missed&embed=1`, with or without the `?`).
/// Values are returned as written (not percent-decoded): every reader accepts only plain words.
pub fn query_value<'a>(query: &'a str, key: &str) -> Option<&'a str> {
    query.trim_start_matches('?').split('&').find_map(|pair| pair.strip_prefix(key)?.strip_prefix('='))
}

/// Browser glue, used only when the app starts and from event handlers.
pub mod browser {
    use wasm_bindgen::JsCast;

    fn document() -> Option<web_sys::Document> {
        web_sys::window()?.document()
    }

    /// The page address's query string (`?a=b`), or "".
    pub fn query() -> String {
        web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
    }

    pub fn element(id: &str) -> Option<web_sys::Element> {
        document()?.get_element_by_id(id)
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
        if let Some(root) = document().and_then(|d| d.document_element()) {
            let _ = root.set_attribute("data-app-started", "");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::query_value;

    #[test]
    fn query_values_are_found_by_exact_key() {
        let query = "?context=missed,pump&embed=1";
        assert_eq!(query_value(query, "context"), Some("missed,pump"));
        assert_eq!(query_value(query, "embed"), Some("1"));
        assert_eq!(query_value(query, "con"), None);
        assert_eq!(query_value("", "context"), None);
        assert_eq!(query_value("context", "context"), None);
    }
}
