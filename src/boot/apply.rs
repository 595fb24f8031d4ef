//! Applying the clinic's settings to the prerendered page: accent colour, region, the footer's
//! emergency line and clinic contacts, the "helper stopped" message's number, and settings from
//! the address kept on links. Text only: nothing from a setting is ever parsed as HTML.

use crate::browser::{document, element};
use crate::ids::{CLINIC_CONTACT_ID, EMERGENCY_LINE_ID, HELPER_STOPPED_ID};
use crate::settings::{tel_href, Settings};
use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;

/// Applies everything but embedding (see `boot::embed`).
pub fn apply(settings: &Settings) {
    let root = document().document_element().expect("an <html> element");
    if settings.embed {
        let _ = root.set_attribute("data-embed", "");
    }
    if let (Some(accent), Some(root)) = (&settings.accent, root.dyn_ref::<web_sys::HtmlElement>()) {
        // Through the CSS object model, which the Content Security Policy allows.
        let _ = root.style().set_property("--brand", accent);
    }
    if let Some(region) = settings.region {
        // Blocks true in one country only are hidden for the other (style/app.css).
        let _ = root.set_attribute("data-region", region.id);
    }
    if let Some(line) = element(EMERGENCY_LINE_ID) {
        line.set_text_content(Some(&settings.emergency_sentence()));
    }
    if let Some(contact) = element(CLINIC_CONTACT_ID) {
        show_clinic(&contact, settings);
    }
    prepare_helper_stopped(settings);
    show_emergency_calls(settings);
    keep_settings_on_links(settings.carried_query());
}

/// Puts the emergency number into the hidden "This helper stopped" message that
/// `static/boot.js` shows if a helper stops.
fn prepare_helper_stopped(settings: &Settings) {
    let Some(message) = element(HELPER_STOPPED_ID) else { return };
    if let Ok(Some(line)) = message.query_selector(".helper-stopped__emergency") {
        line.set_text_content(Some(&settings.emergency_sentence()));
    }
    if let Ok(Some(call)) = message.query_selector(".call__button") {
        match settings.call_number() {
            Some(number) => {
                let _ = call.set_attribute("href", &tel_href(number));
                call.set_text_content(Some(&crate::settings::call_label(number)));
            }
            // No number applies here (fact sheet §0c): no link to dial, the words only.
            None => {
                let _ = call.remove_attribute("href");
                call.set_text_content(Some(crate::content::SITE.emergency_local));
            }
        }
    }
}

/// The call buttons in the pages' emergency boxes (`[data-emergency-call]`, hidden until they
/// hold the number to dial): the same number and note as the footer's line.
fn show_emergency_calls(settings: &Settings) {
    // Where no number applies (fact sheet §0c), the boxes keep their words and no button.
    let Some(number) = settings.call_number() else { return };
    // Each line once (marked as it is filled), without a NodeList.
    while let Ok(Some(line)) = document().query_selector("[data-emergency-call]:not([data-filled])") {
        let _ = line.set_attribute("data-filled", "");
        if let Ok(Some(call)) = line.query_selector(".call__button") {
            let _ = call.set_attribute("href", &tel_href(number));
            call.set_text_content(Some(&crate::settings::call_label(number)));
        }
        if let Ok(Some(note)) = line.query_selector(".call__note") {
            note.set_text_content(settings.emergency_note());
        }
        let _ = line.remove_attribute("hidden");
    }
}

fn child(parent: &web_sys::Element, tag: &str, text: &str) -> web_sys::Element {
    let element = document().create_element(tag).expect("a valid tag name");
    element.set_text_content(Some(text));
    let _ = parent.append_child(&element);
    element
}

/// "Riverside Neurology: 020 7946 0000. NHS 111: 111." The name once, each number in its
/// own left-to-right isolate (`<bdi dir="ltr">`) inside a `tel:` link made of its digits, so
/// no name, in any script, can reorder a number.
fn show_clinic(contact: &web_sys::Element, settings: &Settings) {
    let name = settings.clinic_name.as_deref();
    let clinic = settings.clinic_phone.as_deref();
    let out_of_hours = settings.out_of_hours();
    if name.is_none() && clinic.is_none() && out_of_hours.is_none() {
        return;
    }
    let paragraph = child(contact, "p", "");
    let clinic_named = name.is_some() || clinic.is_some();
    if clinic_named {
        let strong = child(&paragraph, "strong", "");
        child(&strong, "bdi", name.unwrap_or(crate::content::ui::call::YOUR_CLINIC_TITLE));
    }
    let number = |after: &str, phone: &str| {
        let _ = paragraph.append_with_str_1(after);
        let link = child(&paragraph, "a", "");
        let _ = link.set_attribute("href", &tel_href(phone));
        let _ = child(&link, "bdi", phone).set_attribute("dir", "ltr");
    };
    if let Some(phone) = clinic {
        number(": ", phone);
    }
    if let Some((label, phone)) = out_of_hours {
        if clinic_named {
            let _ = paragraph.append_with_str_1(if clinic.is_some() { ". " } else { " · " });
        }
        child(&paragraph, "bdi", label);
        number(": ", phone);
    }
    let _ = contact.remove_attribute("hidden");
}

/// `href` with `extra` (`a=b&c=d`) added to its query, before any `#anchor`. Links that leave
/// the guide (another site, `tel:`, `mailto:`) or stay on the page (`#x`) are left alone.
pub fn with_query(href: &str, extra: &str) -> Option<String> {
    let leaves = href.contains(':') || href.starts_with("//") || href.starts_with('#');
    if extra.is_empty() || leaves {
        return None;
    }
    let (path, anchor) = href.split_once('#').map_or((href, None), |(p, a)| (p, Some(a)));
    let joiner = if path.contains('?') { '&' } else { '?' };
    let mut out = format!("{path}{joiner}{extra}");
    if let Some(anchor) = anchor {
        out.push('#');
        out.push_str(anchor);
    }
    Some(out)
}

/// Settings from the address stay on every link to another page of the guide (a clinic's
/// embedded copy keeps its settings as people move around). Rewritten as the link is
/// followed, so links the helpers draw later are covered too.
fn keep_settings_on_links(extra: String) {
    if extra.is_empty() {
        return;
    }
    let on_follow = move |event: &web_sys::Event| {
        let Some(link) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
        else {
            return;
        };
        let href = link.get_attribute("href").unwrap_or_default();
        if href.contains(extra.as_str()) {
            return;
        }
        if let Some(href) = with_query(&href, &extra) {
            let _ = link.set_attribute("href", &href);
        }
    };
    let options = EventListenerOptions::run_in_capture_phase();
    let on_follow = std::rc::Rc::new(on_follow);
    for kind in ["click", "auxclick"] {
        let on_follow = on_follow.clone();
        EventListener::new_with_options(&document(), kind, options, move |e| on_follow(e)).forget();
    }
}

#[cfg(test)]
mod tests {
    use super::with_query;

    #[test]
    fn settings_are_added_to_links_within_the_guide_only() {
        assert_eq!(
            with_query("sources/#source-mfc", "embed=1").as_deref(),
            Some("sources/?embed=1#source-mfc")
        );
        assert_eq!(
            with_query("side-effects/?context=missed#checker", "embed=1").as_deref(),
            Some("side-effects/?context=missed&embed=1#checker")
        );
        assert_eq!(with_query("./", "region=uk").as_deref(), Some("./?region=uk"));
        for leaves in ["tel:999", "https://example.org/", "//example.org/", "#main", "javascript:alert(1)"] {
            assert_eq!(with_query(leaves, "embed=1"), None, "{leaves}");
        }
        assert_eq!(with_query("about/", ""), None);
    }
}
