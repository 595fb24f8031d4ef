//! The clinic's own numbers, when a clinic has set them: shown with "contact today" answers.
//! The name and each number are separate isolates, the number always left to right, so a name
//! in any script (or one trying to look like a number) cannot reorder the digits people dial;
//! `tel:` is built from the digits alone.

use crate::settings::{tel_href, Settings};
use yew::prelude::*;

pub fn clinic_contacts(settings: &Settings) -> Html {
    let clinic = settings.clinic_phone.as_deref().map(|phone| {
        let name = settings.clinic_name.as_deref().unwrap_or("your clinic");
        (html! { <>{"Call "}<bdi>{ name }</bdi></> }, phone)
    });
    let out_of_hours = settings.out_of_hours().map(|(name, phone)| (html! { <bdi>{ name }</bdi> }, phone));
    if clinic.is_none() && out_of_hours.is_none() {
        return html! {};
    }
    html! {
        <ul class="contacts">
            { for clinic.into_iter().chain(out_of_hours).map(|(label, phone)| html! {
                <li>
                    <a class="button button--secondary" href={tel_href(phone)}>
                        { label }{": "}<bdi dir="ltr">{ phone }</bdi>
                    </a>
                </li>
            }) }
        </ul>
    }
}
