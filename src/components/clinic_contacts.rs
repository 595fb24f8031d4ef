//! The clinic's own numbers, when a clinic has set them: shown with "contact today" answers.

use crate::settings::{tel_href, Settings};
use yew::prelude::*;

pub fn clinic_contacts(settings: &Settings) -> Html {
    let clinic = settings.clinic_phone.as_deref().map(|phone| {
        let name = settings.clinic_name.as_deref().unwrap_or("your clinic");
        (format!("Call {name}: {phone}"), tel_href(phone))
    });
    let out_of_hours =
        settings.out_of_hours().map(|(name, phone)| (format!("{name}: {phone}"), tel_href(phone)));
    if clinic.is_none() && out_of_hours.is_none() {
        return html! {};
    }
    html! {
        <ul class="contacts">
            { for clinic.into_iter().chain(out_of_hours).map(|(label, href)| html! {
                <li><a class="button button--secondary" {href}>{ label }</a></li>
            }) }
        </ul>
    }
}
