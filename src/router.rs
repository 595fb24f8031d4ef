//! Moving between route folders without reloading: `history.pushState`, `popstate`,
//! and the place (route + in-page anchor) the app shows.
//!
//! Browser-only functions take no part in rendering, so the same components can later be
//! rendered to static HTML natively.

use crate::route::Route;
use yew::prelude::*;

/// Where the app is: a route and, optionally, a query (settings for a page, such as
/// `context=missed`) and an element id to scroll to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub route: Route,
    pub query: Option<AttrValue>,
    pub anchor: Option<AttrValue>,
}

impl Place {
    pub fn new(route: Route) -> Self {
        Self { route, query: None, anchor: None }
    }

    /// The place for an absolute URL, given the app's absolute base URL (ending in `/`).
    pub fn from_url(url: &str, base: &str) -> Self {
        let (without_anchor, anchor) = match url.split_once('#') {
            Some((before, after)) if !after.is_empty() => (before, Some(AttrValue::from(after.to_string()))),
            Some((before, _)) => (before, None),
            None => (url, None),
        };
        let relative = match without_anchor.strip_prefix(base) {
            Some(rest) => rest,
            // The base folder itself without its trailing slash.
            None if base.strip_suffix('/') == without_anchor.split('?').next() => "",
            None => return Self { route: Route::NotFound, query: None, anchor },
        };
        let query = relative
            .split_once('?')
            .map(|(_, q)| q)
            .filter(|q| !q.is_empty())
            .map(|q| AttrValue::from(q.to_string()));
        Self { route: Route::from_relative_path(relative), query, anchor }
    }

    /// The link target relative to the app base, with the query and anchor if there are any.
    pub fn href(&self) -> String {
        let mut href = self.route.href();
        if let Some(query) = &self.query {
            href = format!("{href}?{query}");
        }
        if let Some(anchor) = &self.anchor {
            href = format!("{href}#{anchor}");
        }
        href
    }

    /// The value of `key` in the query, if present (`context=missed,pump` → `missed,pump`).
    pub fn query_value(&self, key: &str) -> Option<&str> {
        self.query.as_deref()?.split('&').find_map(|pair| pair.strip_prefix(key)?.strip_prefix('='))
    }
}

/// Shared with every component through a context: where we are, and how to go elsewhere.
#[derive(Clone, PartialEq)]
pub struct Navigation {
    pub place: Place,
    pub go: Callback<Place>,
}

/// Browser glue, used only from effects and event handlers.
pub mod browser {
    use super::Place;

    fn window() -> web_sys::Window {
        web_sys::window().expect("the app runs in a window")
    }

    /// Reads the app's base URL from `<base href>` and makes that element absolute, so that
    /// relative links still point at the app root after `pushState` changes the address.
    pub fn pin_base_url() -> String {
        let document = window().document().expect("a document");
        let base = document
            .base_uri()
            .ok()
            .flatten()
            .unwrap_or_else(|| window().location().href().unwrap_or_default());
        // Up to the last slash: the folder that holds the start page.
        let base = match base.rfind('/') {
            Some(i) => base[..=i].to_string(),
            None => base,
        };
        if let Ok(Some(element)) = document.query_selector("base") {
            let _ = element.set_attribute("href", &base);
        }
        base
    }

    pub fn current_place(base: &str) -> Place {
        Place::from_url(&window().location().href().unwrap_or_default(), base)
    }

    pub fn push(base: &str, place: &Place) {
        let href = place.href();
        let url = format!("{base}{}", href.strip_prefix("./").unwrap_or(&href));
        if let Ok(history) = window().history() {
            let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    }

    pub fn set_title(title: &str) {
        if let Some(document) = window().document() {
            document.set_title(title);
        }
    }

    /// After moving to a new place: show the anchor, or the top of the page with focus on the
    /// main heading so screen readers announce the new page.
    pub fn reveal(place: &Place, move_focus: bool) {
        let Some(document) = window().document() else {
            return;
        };
        if let Some(anchor) = &place.anchor {
            if let Some(element) = document.get_element_by_id(anchor) {
                element.scroll_into_view();
                return;
            }
        }
        if move_focus {
            window().scroll_to_with_x_and_y(0.0, 0.0);
            if let Some(heading) = document.get_element_by_id(crate::app::MAIN_HEADING_ID) {
                use wasm_bindgen::JsCast;
                if let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>() {
                    let _ = heading.focus();
                }
            }
        }
    }

    pub fn focus_main() {
        use wasm_bindgen::JsCast;
        if let Some(main) = window()
            .document()
            .and_then(|d| d.get_element_by_id(crate::app::MAIN_ID))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = main.focus();
        }
    }

    /// Tells `static/boot.js` that the app is running, so it never shows the failure message.
    pub fn mark_started() {
        if let Some(root) = window().document().and_then(|d| d.document_element()) {
            let _ = root.set_attribute("data-app-started", "");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "http://127.0.0.1:8080/clinic/baclofen/";

    #[test]
    fn places_are_read_from_absolute_urls_under_a_sub_path() {
        let cases = [
            ("http://127.0.0.1:8080/clinic/baclofen/", Route::Home, None),
            ("http://127.0.0.1:8080/clinic/baclofen", Route::Home, None),
            ("http://127.0.0.1:8080/clinic/baclofen/?embed=1", Route::Home, None),
            ("http://127.0.0.1:8080/clinic/baclofen/index.html", Route::Home, None),
            ("http://127.0.0.1:8080/clinic/baclofen/about/", Route::About, None),
            (
                "http://127.0.0.1:8080/clinic/baclofen/sources/#src-nhs-how",
                Route::Sources,
                Some("src-nhs-how"),
            ),
            ("http://127.0.0.1:8080/clinic/baclofen/stopping/#", Route::Stopping, None),
            ("http://127.0.0.1:8080/elsewhere/", Route::NotFound, None),
            (
                "http://127.0.0.1:8080/clinic/baclofen/side-effects/?context=missed#checker",
                Route::SideEffects,
                Some("checker"),
            ),
        ];
        for (url, route, anchor) in cases {
            let place = Place::from_url(url, BASE);
            assert_eq!(place.route, route, "{url}");
            assert_eq!(place.anchor.as_deref(), anchor, "{url}");
        }
    }

    #[test]
    fn href_keeps_the_query_and_anchor() {
        let place = Place { route: Route::Sources, query: None, anchor: Some("src-mfc".into()) };
        assert_eq!(place.href(), "sources/#src-mfc");
        assert_eq!(Place::from_url(&format!("{BASE}{}", place.href()), BASE), place);
        let place = Place {
            route: Route::SideEffects,
            query: Some("context=missed,pump&embed=1".into()),
            anchor: Some("checker".into()),
        };
        assert_eq!(place.href(), "side-effects/?context=missed,pump&embed=1#checker");
        assert_eq!(Place::from_url(&format!("{BASE}{}", place.href()), BASE), place);
        assert_eq!(place.query_value("context"), Some("missed,pump"));
        assert_eq!(place.query_value("embed"), Some("1"));
        assert_eq!(place.query_value("con"), None);
    }
}
