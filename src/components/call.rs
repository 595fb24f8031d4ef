//! Every number the guide offers to dial, in one place: the emergency call button, a named
//! service's button (the region's crisis line) and the clinic's own numbers. `tel:` is built from
//! the digits alone (`settings::tel_href`); each number sits in a left-to-right isolate and each
//! name in an isolate of its own, so a name in any script (or one trying to look like a number)
//! cannot reorder the digits people dial. The words are `content/ui.toml` `[call]`.
//!
//! Yew components, used by the static pages (rendered at build time) and the live helpers alike.
//! The helpers read the settings from their context ([`SharedSettings`]).

use crate::content::ui::call as words;
use crate::settings::{call_label, tel_href, Settings, SharedSettings};
use yew::prelude::*;

/// The settings a live helper was given (its context), or the defaults.
#[hook]
pub fn use_settings() -> SharedSettings {
    use_context::<SharedSettings>().unwrap_or_default()
}

#[derive(Properties, PartialEq)]
pub struct CallButtonProps {
    /// `None`: no number is known (fact sheet §0c), so nothing to dial.
    pub number: Option<AttrValue>,
    /// Said beside the button ("or your local emergency number").
    #[prop_or_default]
    pub note: Option<AttrValue>,
}

/// A call button for one number, "Call 999", and the note said beside it, if any. With no
/// number (a time zone that maps to no region, outside the EU/EEA, the UK and Switzerland: fact
/// sheet §0c), no button: the note if given, else "call your local emergency number".
#[component]
pub fn CallButton(props: &CallButtonProps) -> Html {
    let Some(number) = &props.number else {
        let words = props.note.clone().unwrap_or(AttrValue::Static(crate::content::SITE.emergency_local));
        return html! { <span class="call__local">{ words }</span> };
    };
    html! {
        <>
            <a class="call__button" href={tel_href(number)}>{ call_label(number) }</a>
            if let Some(note) = &props.note {
                <span class="call__note">{ note.clone() }</span>
            }
        </>
    }
}

/// "Call 999" in its own paragraph, with the note the settings give beside it, the same as the
/// footer's emergency line. (View functions, not components, below: each component costs a
/// helper's module about 0.45 KiB gzip; the card that shows them reads the settings' context.)
pub fn emergency_call_html(settings: &Settings) -> Html {
    let number = settings.call_number().map(|n| AttrValue::from(n.to_string()));
    // The note goes beside a button ("Call 999 or your local emergency number"). With no number
    // to dial, the button's place says the whole sentence instead, never the note alone.
    let note = number.as_ref().and(settings.emergency_note()).map(|n| AttrValue::from(n.to_string()));
    html! { <p class="call"><CallButton {number} {note} /></p> }
}

/// Under an answer that says to call the pump team (fact sheet §11 rows 11, 12a, 12b): with no
/// clinic number set, where to find the team's number; always, the emergency number for warning
/// signs (the zone's, or the words alone where §0c has none), so no one has no one to call.
pub fn pump_team_html(settings: &Settings) -> Html {
    html! {
        <div class="call__pump-team">
            if settings.clinic_phone.is_none() {
                <p>{ words::PUMP_TEAM_NUMBER }</p>
            }
            <p>{ words::PUMP_WARNING_SIGNS }</p>
            { emergency_call_html(settings) }
        </div>
    }
}

/// "Call <name>" with the name in its own isolate.
fn named_html(name: &str) -> Html {
    let (before, after) = words::CALL_NAMED.split_once("{name}").unwrap_or((words::CALL_NAMED, ""));
    html! { <>{ before }<bdi>{ name.to_string() }</bdi>{ after }</> }
}

fn number_html(phone: &str) -> Html {
    html! { <bdi dir="ltr">{ phone.to_string() }</bdi> }
}

/// "Call Samaritans: 116 123" as a secondary button (the region's crisis line).
pub fn named_call_html(name: &str, phone: &str) -> Html {
    html! {
        <p class="call">
            <a class="call__button call__button--secondary" href={tel_href(phone)}>
                { named_html(name) }{ ": " }{ number_html(phone) }
            </a>
        </p>
    }
}

/// The clinic's own numbers, when a clinic has set them: shown with "contact today" answers.
pub fn clinic_contacts_html(settings: &Settings) -> Html {
    let clinic = settings
        .clinic_phone
        .as_deref()
        .map(|phone| (named_html(settings.clinic_name.as_deref().unwrap_or(words::YOUR_CLINIC)), phone));
    let out_of_hours =
        settings.out_of_hours().map(|(name, phone)| (html! { <bdi>{ name.to_string() }</bdi> }, phone));
    if clinic.is_none() && out_of_hours.is_none() {
        return html! {};
    }
    html! {
        <ul class="contacts">
            { for clinic.into_iter().chain(out_of_hours).map(|(label, phone)| html! {
                <li key={phone.to_string()}>
                    <a class="button button--secondary" href={tel_href(phone)}>
                        { label }{ ": " }{ number_html(phone) }
                    </a>
                </li>
            }) }
        </ul>
    }
}
