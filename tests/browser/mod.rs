//! What the wasm tests (`web*.rs`, `make test-wasm`) share: a root of their own in the page, a
//! helper mounted into it through Yew as its module mounts it, and unmounted when the test ends
//! (so no ids pile up in the shared document). Each test file uses part of it.
#![allow(dead_code)]

use wasm_bindgen::JsValue;
use web_sys::Element;

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A new root at the end of the page, holding `static_html`: what a placeholder holds until its
/// helper starts (replaced by Yew, never matched).
pub fn root_holding(static_html: &str) -> Element {
    let root = document().create_element("div").unwrap();
    root.set_inner_html(static_html);
    document().body().unwrap().append_child(&root).unwrap();
    root
}

/// A component in its own root, destroyed and taken out of the page when dropped.
pub struct Mounted<C: yew::BaseComponent> {
    pub root: Element,
    handle: Option<yew::AppHandle<C>>,
}

impl<C: yew::BaseComponent> Mounted<C> {
    pub fn new(root: Element, handle: yew::AppHandle<C>) -> Self {
        Self { root, handle: Some(handle) }
    }

    /// Destroys the component and leaves its (now empty) root in the page.
    pub fn unmount(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
    }
}

impl<C: yew::BaseComponent> Drop for Mounted<C> {
    fn drop(&mut self) {
        self.unmount();
        self.root.remove();
    }
}

impl<C: yew::BaseComponent> std::ops::Deref for Mounted<C> {
    type Target = Element;
    fn deref(&self) -> &Element {
        &self.root
    }
}

/// The `on_shown` callback a helper calls once its form is whole, and a promise that resolves
/// when it does.
pub fn when_shown() -> (yew::Callback<()>, js_sys::Promise) {
    let mut resolve_shown = None;
    let shown = js_sys::Promise::new(&mut |resolve, _| resolve_shown = Some(resolve));
    let resolve_shown = resolve_shown.unwrap();
    let on_shown = yew::Callback::from(move |()| {
        let _ = resolve_shown.call0(&JsValue::NULL);
    });
    (on_shown, shown)
}
