//! A view in the page: [`mount`] shows a helper's first view in its placeholder; each action sent
//! through its [`Dispatch`] changes the state, and the page is brought to the new view by changing
//! only what differs. Elements are matched by `key` or `id` first, then by tag in order, so an
//! input keeps its caret and focus while answers appear above or below it.
//!
//! Rendering happens at once, inside the event that sent the action: when `send` returns, the
//! page shows the new state (so the code after it can move focus to what appeared). An action
//! sent while a render runs is queued and rendered straight after.

use super::{ident, El, Handler, Node, Str};
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

const SVG: &str = "http://www.w3.org/2000/svg";

thread_local! {
    /// How long one task may spend putting a view's first elements in the page, in milliseconds.
    /// A long form is shown over a few tasks, so the page answers input in between (no task of
    /// 50 ms on a phone four times slower than the build machine).
    static SLICE_MS: Cell<f64> = const { Cell::new(3.0) };
    /// Views still being shown for the first time, and what waits for them.
    static SHOWING: Cell<usize> = const { Cell::new(0) };
    static WHEN_SHOWN: RefCell<Vec<Box<dyn FnOnce()>>> = RefCell::new(Vec::new());
}

/// Changes how long one task may spend on a first showing (`f64::INFINITY`: all at once, as
/// component tests do; below zero: one element a task).
pub fn set_slice_ms(ms: f64) {
    SLICE_MS.with(|s| s.set(ms));
}

/// Runs `then` once every view mounted so far is whole in the page (at once if they are).
pub fn when_shown(then: impl FnOnce() + 'static) {
    if SHOWING.with(Cell::get) == 0 {
        then();
    } else {
        WHEN_SHOWN.with(|w| w.borrow_mut().push(Box::new(then)));
    }
}

fn shown() {
    let left = SHOWING.with(|s| {
        s.set(s.get().saturating_sub(1));
        s.get()
    });
    if left == 0 {
        for then in WHEN_SHOWN.with(|w| std::mem::take(&mut *w.borrow_mut())) {
            then();
        }
    }
}

/// Attributes that are what an element shows now: set as properties and compared with the page.
fn is_property(tag: &str, name: &str) -> bool {
    match name {
        "checked" | "selected" => true,
        "value" => matches!(tag, "input" | "select" | "textarea"),
        _ => false,
    }
}

struct Listener {
    event: &'static str,
    handler: Rc<RefCell<Handler>>,
    closure: Closure<dyn FnMut(web_sys::Event)>,
}

enum Kind {
    El {
        tag: &'static str,
        key: Option<Str>,
        attrs: Vec<(&'static str, Str)>,
        listeners: Vec<Listener>,
        children: Vec<Live>,
    },
    Text(Str),
}

/// A piece of the view as it is in the page.
struct Live {
    node: web_sys::Node,
    kind: Kind,
}

fn document() -> web_sys::Document {
    crate::browser::window().document().expect("a page has a document")
}

fn flatten(nodes: Vec<Node>, out: &mut Vec<Node>) {
    for node in nodes {
        match node {
            Node::List(items) => flatten(items, out),
            other => out.push(other),
        }
    }
}

fn set_property(element: &web_sys::Element, name: &str, value: Option<&str>) {
    let target: &JsValue = element.as_ref();
    let js = match name {
        "value" => JsValue::from_str(value.unwrap_or("")),
        _ => JsValue::from_bool(value.is_some()),
    };
    let now = js_sys::Reflect::get(target, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
    if now != js {
        let _ = js_sys::Reflect::set(target, &JsValue::from_str(name), &js);
    }
}

fn listen(target: &web_sys::Element, event: &'static str, handler: Handler) -> Listener {
    let handler = Rc::new(RefCell::new(handler));
    let inner = handler.clone();
    let closure = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        let current = inner.borrow().clone();
        current(e);
    });
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    Listener { event, handler, closure }
}

/// The piece for `node` with its attributes and handlers but no children yet, the children to
/// put in it, and whether they are inside an SVG picture.
fn shell(node: Node, svg: bool) -> (Live, Vec<Node>, bool) {
    let document = document();
    match node {
        Node::Text(text) => {
            (Live { node: document.create_text_node(&text).into(), kind: Kind::Text(text) }, Vec::new(), svg)
        }
        Node::List(_) => unreachable!("lists are flattened before they are created"),
        Node::El(el) => {
            let El { tag, key, attrs, children, on } = *el;
            let svg = svg || tag == "svg";
            let element =
                if svg { document.create_element_ns(Some(SVG), tag) } else { document.create_element(tag) }
                    .expect("a known tag");
            for (name, value) in &attrs {
                if is_property(tag, name) {
                    set_property(&element, name, Some(value));
                } else {
                    let _ = element.set_attribute(name, value);
                }
            }
            let listeners = on.into_iter().map(|(event, handler)| listen(&element, event, handler)).collect();
            let kind = Kind::El { tag, key, attrs, listeners, children: Vec::new() };
            (Live { node: element.into(), kind }, children, svg)
        }
    }
}

fn create(node: Node, svg: bool) -> Live {
    let (mut live, children, svg) = shell(node, svg);
    if let Kind::El { children: live_children, .. } = &mut live.kind {
        *live_children = patch_children(&live.node, Vec::new(), children, svg);
    }
    live
}

/// One element being filled while a view is first shown.
struct Frame {
    parent: web_sys::Node,
    pending: std::vec::IntoIter<Node>,
    done: Vec<Live>,
    svg: bool,
    /// The element itself (none for the view's root).
    shell: Option<Live>,
}

/// A view's first showing, a few elements at a time: each element goes in the page as it is
/// made, in order, so what is there is always the start of the view.
struct Builder(Vec<Frame>);

impl Builder {
    fn new(root: &web_sys::Node, node: Node) -> Self {
        let mut flat = Vec::new();
        flatten(vec![node], &mut flat);
        Builder(vec![Frame {
            parent: root.clone(),
            pending: flat.into_iter(),
            done: Vec::new(),
            svg: false,
            shell: None,
        }])
    }

    /// Works until `deadline` (as `Date.now()`); the root's pieces once the view is whole.
    fn run(&mut self, deadline: f64) -> Option<Vec<Live>> {
        loop {
            let frame = self.0.last_mut().expect("the view's root frame is last to go");
            match frame.pending.next() {
                Some(node) => {
                    let (live, children, svg) = shell(node, frame.svg);
                    let _ = frame.parent.append_child(&live.node);
                    if children.is_empty() {
                        frame.done.push(live);
                    } else {
                        let mut flat = Vec::new();
                        flatten(children, &mut flat);
                        let parent = live.node.clone();
                        self.0.push(Frame {
                            parent,
                            pending: flat.into_iter(),
                            done: Vec::new(),
                            svg,
                            shell: Some(live),
                        });
                    }
                }
                None => {
                    let frame = self.0.pop().expect("a frame");
                    let Some(mut live) = frame.shell else { return Some(frame.done) };
                    if let Kind::El { children, .. } = &mut live.kind {
                        *children = frame.done;
                    }
                    self.0.last_mut().expect("the parent frame").done.push(live);
                }
            }
            if js_sys::Date::now() > deadline {
                return None;
            }
        }
    }
}

impl Live {
    fn matches(&self, new: &Node) -> bool {
        match (&self.kind, new) {
            (Kind::Text(_), Node::Text(_)) => true,
            (Kind::El { tag, key, attrs, .. }, Node::El(el)) => {
                *tag == el.tag && ident(key, attrs) == el.ident()
            }
            _ => false,
        }
    }

    fn update(&mut self, new: Node, svg: bool) {
        match (&mut self.kind, new) {
            (Kind::Text(old), Node::Text(text)) => {
                if *old != text {
                    self.node.set_node_value(Some(&text));
                    *old = text;
                }
            }
            (Kind::El { tag, key, attrs, listeners, children }, Node::El(el)) => {
                let El { key: new_key, attrs: new_attrs, children: new_children, on, .. } = *el;
                let element: &web_sys::Element = self.node.unchecked_ref();
                for (name, value) in &new_attrs {
                    if is_property(tag, name) {
                        set_property(element, name, Some(value));
                    } else if attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v) != Some(value) {
                        let _ = element.set_attribute(name, value);
                    }
                }
                for (name, _) in attrs.iter() {
                    if !new_attrs.iter().any(|(n, _)| n == name) {
                        if is_property(tag, name) {
                            set_property(element, name, None);
                        } else {
                            let _ = element.remove_attribute(name);
                        }
                    }
                }
                // Properties the new view leaves out are off (an unticked box has no `checked`).
                let property = match *tag {
                    "input" => Some("checked"),
                    "option" => Some("selected"),
                    _ => None,
                };
                if let Some(name) = property {
                    if !new_attrs.iter().any(|(n, _)| *n == name) && !attrs.iter().any(|(n, _)| *n == name) {
                        set_property(element, name, None);
                    }
                }
                *attrs = new_attrs;
                *key = new_key;
                let mut kept = Vec::with_capacity(on.len());
                for (event, handler) in on {
                    match listeners.iter().position(|l| l.event == event) {
                        Some(i) => {
                            let listener = listeners.swap_remove(i);
                            *listener.handler.borrow_mut() = handler;
                            kept.push(listener);
                        }
                        None => kept.push(listen(element, event, handler)),
                    }
                }
                for old in listeners.drain(..) {
                    let _ = element
                        .remove_event_listener_with_callback(old.event, old.closure.as_ref().unchecked_ref());
                }
                *listeners = kept;
                let svg = svg || *tag == "svg";
                let old = std::mem::take(children);
                *children = patch_children(&self.node, old, new_children, svg);
            }
            _ => unreachable!("only matching pieces are updated"),
        }
    }
}

/// Brings `parent`'s children from `old` to `new`, reusing every element that matches.
fn patch_children(parent: &web_sys::Node, old: Vec<Live>, new: Vec<Node>, svg: bool) -> Vec<Live> {
    let mut flat = Vec::with_capacity(new.len());
    flatten(new, &mut flat);
    let mut old: Vec<Option<Live>> = old.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(flat.len());
    for node in flat {
        let found = old.iter().position(|o| o.as_ref().is_some_and(|o| o.matches(&node)));
        let live = match found.and_then(|i| old[i].take()) {
            Some(mut live) => {
                live.update(node, svg);
                live
            }
            None => create(node, svg),
        };
        out.push(live);
    }
    for gone in old.into_iter().flatten() {
        let _ = parent.remove_child(&gone.node);
    }
    let mut next = parent.first_child();
    for live in &out {
        if next.as_ref() == Some(&live.node) {
            next = live.node.next_sibling();
        } else {
            let _ = parent.insert_before(&live.node, next.as_ref());
        }
    }
    out
}

/// A helper's reducer: the state after an action.
type Reduce<S, A> = Box<dyn Fn(Rc<S>, A) -> Rc<S>>;
/// A helper's view: its state to the tree to show.
type View<S, A> = Box<dyn Fn(&S, &Dispatch<A>) -> Node>;

/// Where a view's first showing is. Each step is a task of its own, so none is long: working
/// out the first view, then putting it in the page a slice at a time. Until the first slice the
/// placeholder's static content stays as it was.
enum First {
    Waiting,
    Viewed(Node),
    Building(Builder),
    Whole,
}

struct App<S, A> {
    state: RefCell<Rc<S>>,
    reduce: Reduce<S, A>,
    view: View<S, A>,
    root: web_sys::Node,
    live: RefCell<Vec<Live>>,
    queue: RefCell<Vec<A>>,
    busy: Cell<bool>,
    /// The first showing, until it is whole.
    building: RefCell<First>,
    me: Weak<App<S, A>>,
}

/// Sends actions to a mounted view. Cheap to clone; does nothing once the view is gone.
pub struct Dispatch<A>(Rc<dyn Fn(A)>);

impl<A> Clone for Dispatch<A> {
    fn clone(&self) -> Self {
        Dispatch(self.0.clone())
    }
}

impl<A: 'static> Dispatch<A> {
    /// Changes the state by `action` and shows the result before returning.
    pub fn send(&self, action: A) {
        (self.0)(action)
    }

    /// A handler that sends the action `make` builds from the event.
    pub fn to(&self, make: impl Fn(web_sys::Event) -> A + 'static) -> impl Fn(web_sys::Event) + 'static {
        let dispatch = self.clone();
        move |event| dispatch.send(make(event))
    }
}

impl<S: 'static, A: 'static> App<S, A> {
    fn dispatch(&self) -> Dispatch<A> {
        let me = self.me.clone();
        Dispatch(Rc::new(move |action| {
            if let Some(app) = me.upgrade() {
                app.send(action);
            }
        }))
    }

    fn send(&self, action: A) {
        self.queue.borrow_mut().push(action);
        if self.busy.replace(true) {
            return;
        }
        // An action during the first showing: the view is made whole at once, then changed.
        self.finish_building(f64::INFINITY);
        loop {
            let actions: Vec<A> = self.queue.borrow_mut().drain(..).collect();
            if actions.is_empty() {
                break;
            }
            for action in actions {
                let state = self.state.borrow().clone();
                let next = (self.reduce)(state, action);
                *self.state.borrow_mut() = next;
            }
            self.render();
        }
        self.busy.set(false);
    }

    /// Goes on with the first showing until `deadline`; true when the view is whole. Working
    /// out the first view ends a step early (the next step is in a later task) unless the
    /// deadline is `f64::INFINITY`.
    fn finish_building(&self, deadline: f64) -> bool {
        loop {
            let step = std::mem::replace(&mut *self.building.borrow_mut(), First::Whole);
            let next = match step {
                First::Whole => return true,
                First::Waiting => {
                    let state = self.state.borrow().clone();
                    let node = (self.view)(&state, &self.dispatch());
                    if deadline != f64::INFINITY {
                        *self.building.borrow_mut() = First::Viewed(node);
                        return false;
                    }
                    First::Viewed(node)
                }
                First::Viewed(node) => {
                    self.root.set_text_content(None);
                    First::Building(Builder::new(&self.root, node))
                }
                First::Building(mut builder) => match builder.run(deadline) {
                    Some(live) => {
                        *self.live.borrow_mut() = live;
                        return true;
                    }
                    None => {
                        *self.building.borrow_mut() = First::Building(builder);
                        return false;
                    }
                },
            };
            *self.building.borrow_mut() = next;
        }
    }

    /// Goes on showing the view in later tasks until it is whole (an action shows it whole at
    /// once, and ends this).
    fn continue_showing(me: Weak<Self>) {
        crate::browser::next_task(move || {
            let Some(app) = me.upgrade() else { return shown() };
            if app.busy.replace(true) {
                app.busy.set(false);
                return Self::continue_showing(me);
            }
            let whole = app.finish_building(js_sys::Date::now() + SLICE_MS.with(Cell::get));
            app.busy.set(false);
            if whole {
                shown();
            } else {
                Self::continue_showing(me);
            }
        });
    }

    fn render(&self) {
        let state = self.state.borrow().clone();
        let node = (self.view)(&state, &self.dispatch());
        let old = std::mem::take(&mut *self.live.borrow_mut());
        let live = patch_children(&self.root, old, vec![node], false);
        *self.live.borrow_mut() = live;
    }
}

/// Replaces what `root` holds (the static fallback) with `view` of `state`, and keeps it up to
/// date for as long as the page is open. Returns the way to send actions to it.
///
/// The first showing is spread over later tasks: one works out the view, then it is put in the
/// page about 3 ms at a time ([`set_slice_ms`]); [`when_shown`] runs once it is whole. An action
/// sent before then shows it whole at once. With `set_slice_ms(f64::INFINITY)` (component
/// tests) the view is whole when `mount` returns.
pub fn mount<S: 'static, A: 'static>(
    root: web_sys::Element,
    state: S,
    reduce: impl Fn(Rc<S>, A) -> Rc<S> + 'static,
    view: impl Fn(&S, &Dispatch<A>) -> Node + 'static,
) -> Dispatch<A> {
    let app = Rc::new_cyclic(|me| App {
        state: RefCell::new(Rc::new(state)),
        reduce: Box::new(reduce),
        view: Box::new(view),
        building: RefCell::new(First::Waiting),
        root: root.into(),
        live: RefCell::new(Vec::new()),
        queue: RefCell::new(Vec::new()),
        busy: Cell::new(false),
        me: me.clone(),
    });
    if SLICE_MS.with(Cell::get) == f64::INFINITY {
        app.busy.set(true);
        app.finish_building(f64::INFINITY);
        app.busy.set(false);
    } else {
        SHOWING.with(|s| s.set(s.get() + 1));
        App::continue_showing(app.me.clone());
    }
    let dispatch = app.dispatch();
    // The page keeps the view for as long as it is open.
    std::mem::forget(app);
    dispatch
}

/// The element with `id`, focused and scrolled to the top of the screen (so a screen reader
/// reads it, and a tall card's title is not left above the screen).
pub fn focus_and_show(id: &str) {
    if let Some(element) = document().get_element_by_id(id) {
        let element: web_sys::HtmlElement = element.unchecked_into();
        let _ = element.focus();
        element.scroll_into_view();
    }
}

/// The element an event happened on, as the input it is.
pub fn target_input(event: &web_sys::Event) -> web_sys::HtmlInputElement {
    event.target().expect("an event from the page has a target").unchecked_into()
}

/// The value of the `<select>` or input an event happened on.
pub fn target_value(event: &web_sys::Event) -> String {
    let target: JsValue = event.target().map(Into::into).unwrap_or(JsValue::UNDEFINED);
    js_sys::Reflect::get(&target, &JsValue::from_str("value"))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}
