//! The view layer of the helpers not yet moved back to Yew (issue 28: the missed-dose helper, the
//! dose-change planner and take-it-with-you; the symptom checker is a Yew island in
//! `src/helpers/checker/`). A helper's view is a function from its state to a [`Node`] tree;
//! [`live::mount`] puts the tree in the page and, after each action, changes only what differs.
//! The static pages no longer take these trees (no raw-HTML bridge): the pieces they share with
//! the helpers (call buttons, citations, level icons) are Yew components. This module goes when
//! the last helper is ported (docs/adr/0001-yew-islands-not-spa.md).

pub mod live;

use std::borrow::Cow;
use std::rc::Rc;

/// Text or an attribute value: borrowed from content, or made for this render.
pub type Str = Cow<'static, str>;

/// What an element does on an event. The event is the browser's.
pub type Handler = Rc<dyn Fn(web_sys::Event)>;

/// A piece of a view: an element, text, or several pieces side by side (nothing, when empty).
pub enum Node {
    El(Box<El>),
    Text(Str),
    List(Vec<Node>),
}

/// An element with its attributes, children and event handlers.
pub struct El {
    pub(crate) tag: &'static str,
    pub(crate) key: Option<Str>,
    pub(crate) attrs: Vec<(&'static str, Str)>,
    pub(crate) children: Vec<Node>,
    pub(crate) on: Vec<(&'static str, Handler)>,
}

/// A new element `<tag>`.
pub fn el(tag: &'static str) -> El {
    El { tag, key: None, attrs: Vec::new(), children: Vec::new(), on: Vec::new() }
}

/// Text, shown as it is (never read as markup).
pub fn text(value: impl Into<Str>) -> Node {
    Node::Text(value.into())
}

/// Nothing.
pub fn none() -> Node {
    Node::List(Vec::new())
}

/// Several pieces side by side.
pub fn list<N: Into<Node>>(items: impl IntoIterator<Item = N>) -> Node {
    Node::List(items.into_iter().map(Into::into).collect())
}

/// `node` when `show` is true, nothing otherwise.
pub fn when(show: bool, node: impl FnOnce() -> Node) -> Node {
    if show {
        node()
    } else {
        none()
    }
}

impl El {
    /// An attribute. `value`, `checked` and `selected` are what the element shows now (the live
    /// view sets them as properties, so a person's typing is compared, not the first value).
    pub fn attr(mut self, name: &'static str, value: impl Into<Str>) -> Self {
        self.attrs.push((name, value.into()));
        self
    }

    /// An attribute that is there only when it has a value.
    pub fn maybe(self, name: &'static str, value: Option<impl Into<Str>>) -> Self {
        match value {
            Some(value) => self.attr(name, value),
            None => self,
        }
    }

    /// A boolean attribute (`checked`, `open`, `disabled`…): there when `on`.
    pub fn flag(self, name: &'static str, on: bool) -> Self {
        if on {
            self.attr(name, "")
        } else {
            self
        }
    }

    pub fn class(self, value: impl Into<Str>) -> Self {
        self.attr("class", value)
    }

    pub fn id(self, value: impl Into<Str>) -> Self {
        self.attr("id", value)
    }

    /// Which element this is among its siblings, when it can come and go or move (an element
    /// with an `id` is known by its id already).
    pub fn key(mut self, key: impl Into<Str>) -> Self {
        self.key = Some(key.into());
        self
    }

    pub fn child(mut self, node: impl Into<Node>) -> Self {
        self.children.push(node.into());
        self
    }

    pub fn children<N: Into<Node>>(mut self, nodes: impl IntoIterator<Item = N>) -> Self {
        self.children.extend(nodes.into_iter().map(Into::into));
        self
    }

    /// Text inside the element.
    pub fn text(self, value: impl Into<Str>) -> Self {
        self.child(Node::Text(value.into()))
    }

    /// What happens on `event` ("change", "input", "click", "submit", "toggle").
    pub fn on(mut self, event: &'static str, handler: impl Fn(web_sys::Event) + 'static) -> Self {
        self.on.push((event, Rc::new(handler)));
        self
    }

    /// The same, with a handler that is already shared.
    pub fn handle(mut self, event: &'static str, handler: Handler) -> Self {
        self.on.push((event, handler));
        self
    }

    /// The identity used to match this element with the one already in the page.
    pub(crate) fn ident(&self) -> Option<&str> {
        ident(&self.key, &self.attrs)
    }
}

/// An element's identity among its siblings: its `key`, else its `id`.
pub(crate) fn ident<'a>(key: &'a Option<Str>, attrs: &'a [(&'static str, Str)]) -> Option<&'a str> {
    key.as_deref().or_else(|| attrs.iter().find(|(n, _)| *n == "id").map(|(_, v)| &**v))
}

impl From<El> for Node {
    fn from(el: El) -> Node {
        Node::El(Box::new(el))
    }
}

impl From<&'static str> for Node {
    fn from(value: &'static str) -> Node {
        Node::Text(Cow::Borrowed(value))
    }
}

impl From<String> for Node {
    fn from(value: String) -> Node {
        Node::Text(Cow::Owned(value))
    }
}

impl From<Option<Node>> for Node {
    fn from(value: Option<Node>) -> Node {
        value.unwrap_or_else(none)
    }
}

/// Elements that have no end tag.
const VOID: [&str; 8] = ["area", "br", "col", "hr", "img", "input", "meta", "wbr"];

fn escape(out: &mut String, value: &str, attribute: bool) {
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

fn write_html(out: &mut String, node: &Node) {
    match node {
        Node::Text(text) => escape(out, text, false),
        Node::List(items) => items.iter().for_each(|n| write_html(out, n)),
        Node::El(el) => {
            out.push('<');
            out.push_str(el.tag);
            for (name, value) in &el.attrs {
                out.push(' ');
                out.push_str(name);
                if !value.is_empty()
                    || !matches!(*name, "checked" | "selected" | "open" | "disabled" | "hidden" | "readonly")
                {
                    out.push_str("=\"");
                    escape(out, value, true);
                    out.push('"');
                }
            }
            out.push('>');
            if VOID.contains(&el.tag) {
                return;
            }
            el.children.iter().for_each(|n| write_html(out, n));
            out.push_str("</");
            out.push_str(el.tag);
            out.push('>');
        }
    }
}

/// The tree as HTML (text and attribute values escaped; handlers are left out).
pub fn to_html(node: &Node) -> String {
    let mut out = String::new();
    write_html(&mut out, node);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_text_and_attributes_and_keeps_flags_bare() {
        let node: Node = el("p")
            .class("a\"b")
            .child(el("input").attr("type", "checkbox").flag("checked", true).flag("disabled", false))
            .text("<b> & co")
            .into();
        assert_eq!(
            to_html(&node),
            "<p class=\"a&quot;b\"><input type=\"checkbox\" checked>&lt;b&gt; &amp; co</p>"
        );
    }

    #[test]
    fn lists_and_nothing_leave_no_trace() {
        let node = list([text("a"), none(), list([text("b")]), when(false, || text("c"))]);
        assert_eq!(to_html(&node), "ab");
    }
}
