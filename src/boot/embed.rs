//! Embedding: the page height, posted to the embedding page whenever it changes, only to an
//! origin the clinic listed in `embed_origins`.

use crate::browser::{document, window};
use crate::ids::HEIGHT_MESSAGE;
use crate::settings::{Notice, Settings, EMBEDDER_NOT_LISTED};
use js_sys::{Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Starts posting `{ type, height }` to the parent page, or says why not.
pub fn share_height(settings: &Settings) -> Result<(), Notice> {
    let window = window();
    let Some(parent) = window.parent().ok().flatten().filter(|p| *p != window) else {
        return Ok(()); // Opened on its own: nothing to tell.
    };
    let Some(origin) = embedder_origin(&window).filter(|o| settings.embedder_allowed(o)) else {
        return Err(Notice { setting: "embed_origins".into(), message: EMBEDDER_NOT_LISTED });
    };
    let root = document().document_element().expect("an <html> element");
    let measured = root.clone();
    let post = move || {
        let message = Object::new();
        let _ = Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
        // The page's own height, not `scrollHeight`, which never drops below the frame's height:
        // a frame sized for the published rules would stay that tall after the shorter helper
        // replaced them.
        let height = measured.get_bounding_client_rect().height().ceil();
        let _ = Reflect::set(&message, &"height".into(), &height.into());
        let _ = parent.post_message(&message, &origin);
    };
    post();
    let observed = Closure::<dyn FnMut()>::new(post);
    if let Ok(observer) = web_sys::ResizeObserver::new(observed.as_ref().unchecked_ref()) {
        observer.observe(&root);
        // Kept referenced for the life of the page, so it is never collected while observing.
        std::mem::forget(observer);
    }
    // Observes for the life of the page.
    observed.forget();
    Ok(())
}

/// The origin of the page that embeds this one, as the browser reports it.
pub fn embedder_origin(window: &web_sys::Window) -> Option<String> {
    // `location.ancestorOrigins[0]` (Chromium, Safari); web-sys has no binding for it.
    let ancestors = Reflect::get(&window.location(), &"ancestorOrigins".into()).ok();
    if let Some(origin) = ancestors.and_then(|list| Reflect::get(&list, &0.into()).ok()?.as_string()) {
        return Some(origin);
    }
    // Browsers without `ancestorOrigins`: the referrer is the embedding page.
    let referrer = window.document()?.referrer();
    web_sys::Url::new(&referrer).ok().map(|url| url.origin()).filter(|o| o != "null")
}
