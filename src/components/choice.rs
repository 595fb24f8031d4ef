//! The form pieces the helpers share: a radio button with its label (`div.choice`), a dose time
//! field, and the message under a field the missed-dose and take-it-with-you forms both check
//! with `missed_dose::form`. Not generic over handlers, so the WebAssembly holds one copy.

use crate::content::ui::missed_dose_helper::ERROR_PREFIX;
use crate::dom::{el, none, El, Handler, Node};
use crate::missed_dose::form::{Field, FieldError};

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

/// The message for `field`, if the form has one.
pub fn error_for(errors: &[FieldError], field: Field) -> Option<&'static str> {
    errors.iter().find(|e| e.field == field).map(|e| e.message)
}

/// "Error: …" under a field (`{id}-error`, which the field points at), or nothing.
pub fn error_message(id: &str, message: Option<&'static str>) -> Node {
    match message {
        Some(message) => el("p")
            .class("field-error")
            .id(format!("{id}-error"))
            .child(el("span").class("visually-hidden").text(ERROR_PREFIX))
            .text(message)
            .into(),
        None => none(),
    }
}
