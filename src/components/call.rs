//! Every number the guide offers to dial, in one place: the emergency call button, a named
//! service's button (the region's crisis line) and the clinic's own numbers. `tel:` is built from
//! the digits alone (`settings::tel_href`); each number sits in a left-to-right isolate and each
//! name in an isolate of its own, so a name in any script (or one trying to look like a number)
//! cannot reorder the digits people dial. The words are `content/ui.toml` `[call]`.

use crate::content::ui::call as words;
use crate::settings::{call_label, tel_href, Settings};
use yew::prelude::*;

/// "Call 999": the emergency number, with the note the settings give beside it ("or your local
/// emergency number", "or 999" in Ireland), the same as the footer's emergency line.
pub fn emergency_call(settings: &Settings) -> Html {
    html! { <p class="call">{ call_button(settings.call_number(), settings.emergency_note()) }</p> }
}

/// A call button for one number, "Call 999", and the note said beside it, if any.
pub fn call_button(number: &str, note: Option<&str>) -> Html {
    html! {
        <>
            <a class="call__button" href={tel_href(number)}>{ call_label(number) }</a>
            if let Some(note) = note {
                <span class="call__note">{ note.to_string() }</span>
            }
        </>
    }
}

/// "Call Samaritans: 116 123" as a secondary button (the region's crisis line).
pub fn named_call(name: &str, phone: &str) -> Html {
    html! {
        <p class="call">
            <a class="call__button call__button--secondary" href={tel_href(phone)}>
                { named(name) }{": "}<bdi dir="ltr">{ phone.to_string() }</bdi>
            </a>
        </p>
    }
}

/// "Call <name>" with the name in its own isolate.
fn named(name: &str) -> Html {
    let (before, after) = words::CALL_NAMED.split_once("{name}").unwrap_or((words::CALL_NAMED, ""));
    html! { <>{ before }<bdi>{ name.to_string() }</bdi>{ after }</> }
}

/// The clinic's own numbers, when a clinic has set them: shown with "contact today" answers.
pub fn clinic_contacts(settings: &Settings) -> Html {
    let clinic = settings
        .clinic_phone
        .as_deref()
        .map(|phone| (named(settings.clinic_name.as_deref().unwrap_or(words::YOUR_CLINIC)), phone));
    let out_of_hours =
        settings.out_of_hours().map(|(name, phone)| (html! { <bdi>{ name.to_string() }</bdi> }, phone));
    if clinic.is_none() && out_of_hours.is_none() {
        return html! {};
    }
    html! {
        <ul class="contacts">
            { for clinic.into_iter().chain(out_of_hours).map(|(label, phone)| html! {
                <li>
                    <a class="button button--secondary" href={tel_href(phone)}>
                        { label }{": "}<bdi dir="ltr">{ phone.to_string() }</bdi>
                    </a>
                </li>
            }) }
        </ul>
    }
}
