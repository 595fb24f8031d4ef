//! One radio button with its label, as every helper's form shows it (`div.choice`). Not generic
//! over the handler, so the WebAssembly holds one copy of it.

use crate::dom::{el, El, Handler};

/// `<div class="choice"><input type="radio" name id [checked]><label for=id>label</label></div>`,
/// calling `handler` on `event` ("change", or "input" where a form listens for one event type).
pub fn radio(
    name: &'static str,
    id: &'static str,
    checked: bool,
    label: &'static str,
    event: &'static str,
    handler: Handler,
) -> El {
    el("div")
        .class("choice")
        .child(
            el("input")
                .attr("type", "radio")
                .attr("name", name)
                .id(id)
                .flag("checked", checked)
                .handle(event, handler),
        )
        .child(el("label").attr("for", id).text(label))
}

/// A dose time field (`input type="time"`), marked invalid and pointing at its message
/// (`{id}-error`) when there is one.
pub fn time_input(id: &str, value: &str, message: Option<&str>, handler: Handler) -> El {
    el("input")
        .attr("type", "time")
        .id(id.to_string())
        .attr("value", value.to_string())
        .handle("input", handler)
        .maybe("aria-invalid", message.map(|_| "true"))
        .maybe("aria-describedby", message.map(|_| format!("{id}-error")))
}
