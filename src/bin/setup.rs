//! The clinic setup page's worker (`clinic-setup/`, `xtask/clinic-setup.js`): a small WebAssembly
//! of its own that checks settings with the guide's rules (`src/settings.rs`), so the helpers'
//! WebAssembly stays as small as it was. Each message in is a check request; each answer goes
//! back with its `id`; "ready" says the worker listens.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let answer_scope = scope.clone();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        let answer = baclofen_guide::clinic_setup::browser::check(&event.data());
        let _ = answer_scope.post_message(&answer);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // Listens for the life of the worker.
    on_message.forget();
    // Requests sent while the WebAssembly was loading were not heard: the page sends them now.
    let _ = scope.post_message(&"ready".into());
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
