//! A live helper next to page tools. A translator, a reader extension or a clinic's script may
//! move or rewrite elements inside a helper (Chrome's translation replaces text nodes with its
//! own). Yew keeps references to the nodes it made: an update would then write to nodes that
//! are no longer on the page (stale words), or put new ones before a node that was moved away
//! (an error, and the helper stops).
//!
//! [`use_page_tool_guard`] watches the helper's element with a `MutationObserver`. Changes Yew
//! makes happen between the component's render and its effect, which takes those records away;
//! any other record is a page tool's. After one, the next render gives the helper a new
//! generation (a new key on its outermost element): Yew builds it afresh instead of patching
//! nodes it no longer owns, and focus goes back to the element with the same id. The state
//! (every answer) is kept. With no page tool, nothing is ever rebuilt.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The observer and the callback it calls (kept alive with it).
type Watch = (web_sys::MutationObserver, Closure<dyn FnMut(js_sys::Array)>);

#[derive(Default)]
struct Guard {
    /// A page tool changed the helper since the last render.
    tampered: Rc<Cell<bool>>,
    /// Between a render and its effect: the changes are Yew's own.
    rendering: Rc<Cell<bool>>,
    generation: u32,
    /// The id of what had focus when the helper was rebuilt.
    refocus: Option<String>,
    observer: Option<Watch>,
}

fn observe(host: &web_sys::Element, guard: &Guard) -> Option<Watch> {
    let (tampered, rendering) = (guard.tampered.clone(), guard.rendering.clone());
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |records: js_sys::Array| {
        if records.length() > 0 && !rendering.get() {
            tampered.set(true);
        }
    });
    let observer = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    let options = web_sys::MutationObserverInit::new();
    options.set_child_list(true);
    options.set_subtree(true);
    options.set_character_data(true);
    observer.observe_with_options(host, &options).ok()?;
    Some((observer, callback))
}

/// The generation to key the helper's outermost element with (`node` is that element; its
/// parent, the helper's placeholder, is watched).
#[hook]
pub fn use_page_tool_guard(node: NodeRef) -> u32 {
    let guard = use_mut_ref(Guard::default);
    let generation = {
        let mut g = guard.borrow_mut();
        g.rendering.set(true);
        if g.tampered.replace(false) {
            g.generation = g.generation.wrapping_add(1);
            // Read before the rebuild takes the focused element away.
            g.refocus =
                crate::browser::document().active_element().map(|e| e.id()).filter(|id| !id.is_empty());
        }
        g.generation
    };
    {
        let guard = guard.clone();
        use_effect(move || {
            let mut g = guard.borrow_mut();
            match &g.observer {
                // Yew's own changes in this render: not a page tool's.
                Some((observer, _)) => drop(observer.take_records()),
                None => {
                    if let Some(host) = node.cast::<web_sys::Element>().and_then(|n| n.parent_element()) {
                        g.observer = observe(&host, &g);
                    }
                }
            }
            g.rendering.set(false);
            if let Some(id) = g.refocus.take() {
                if let Some(element) = node
                    .cast::<web_sys::Element>()
                    .and_then(|n| n.query_selector(&format!("#{id}")).ok().flatten())
                {
                    let _ = element.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            }
        });
    }
    {
        let guard: Rc<RefCell<Guard>> = guard.clone();
        use_effect_with((), move |_| {
            move || {
                if let Some((observer, _)) = guard.borrow_mut().observer.take() {
                    observer.disconnect();
                }
            }
        });
    }
    generation
}
