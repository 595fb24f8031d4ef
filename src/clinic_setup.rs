//! The clinic setup page (`clinic-setup/`), for a clinic's web team, not in the patients'
//! navigation. The page is a static form written at build time (`page_body`); plain JavaScript
//! (`xtask/clinic-setup.js`) runs it and sends every change to a small WebAssembly worker built
//! from this crate (`src/bin/setup.rs`, `browser::check`), which checks the values with
//! `src/settings.rs`: the page and the guide share one set of rules and messages, and the
//! helpers' own WebAssembly carries none of the page's code. Nothing leaves the device.

use crate::content::{MISSED_DOSE, REGIONS};
use crate::settings::{tel_href, Notice, Settings, KEYS};

/// The page title.
pub const TITLE: &str = "Clinic setup";
pub const DESCRIPTION: &str =
    "For a clinic's web team: write the guide's config.json and embed snippet, with a preview.";

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// One labelled field: `input` is the control's HTML; the hint and the message sit under it.
fn field(key: &str, label: &str, hint: &str, input: &str) -> String {
    format!(
        r#"<div class="field" data-setting="{key}"><label for="set-{key}">{label}</label><p class="hint" id="set-{key}-hint">{hint}</p><p class="field-error" id="set-{key}-error" hidden></p>{input}</div>"#,
        label = escape(label),
        hint = escape(hint),
    )
}

fn text_input(key: &str, kind: &str, extra: &str) -> String {
    format!(
        r#"<input id="set-{key}" name="{key}" type="{kind}" autocomplete="off" spellcheck="false" aria-describedby="set-{key}-hint set-{key}-error"{extra}>"#
    )
}

/// The form and its outputs, written once at build time.
pub fn page_body() -> String {
    let regions: String = REGIONS
        .iter()
        .map(|r| format!(r#"<option value="{}">{} ({})</option>"#, r.id, escape(r.name), r.id))
        .collect();
    let (min, max) = MISSED_DOSE.skip_window_range;
    let fields = [
        field(KEYS[0], "Clinic name", "Shown in the footer and on \"contact today\" answers. Plain text, up to 80 characters, no phone number in it.", &text_input(KEYS[0], "text", r#" maxlength="200""#)),
        field(KEYS[1], "Clinic phone", "For \"contact today\" answers and the footer. Write it as you would on a letter: 020 7946 0000, +44 (0)20 7946 0000, (555) 123-4567.", &text_input(KEYS[1], "text", r#" inputmode="tel""#)),
        field(KEYS[2], "Out-of-hours phone", "Replaces the region's out-of-hours service (NHS 111 in the UK).", &text_input(KEYS[2], "text", r#" inputmode="tel""#)),
        field(KEYS[3], "Emergency number", "Leave empty to use the region's number (or the device's time zone's). Digits only, for example 999.", &text_input(KEYS[3], "text", r#" inputmode="numeric""#)),
        field(KEYS[4], "Region", "Sets the emergency, out-of-hours, crisis and poisons lines from our sources, and hides the other country's facts.", &format!(r#"<select id="set-region" name="region" aria-describedby="set-region-hint set-region-error"><option value="">Not set (the device's time zone chooses the emergency number)</option>{regions}</select>"#)),
        field(KEYS[5], "Missed-dose window (minutes)", &format!("Too close to the next dose: skip the missed one. {min} to {max} minutes; empty keeps the guide's rule."), &text_input(KEYS[5], "text", r#" inputmode="numeric""#)),
        field(KEYS[6], "Header colour", "A colour like #005eb8, dark enough for white text.", &text_input(KEYS[6], "text", r##" placeholder="#005eb8""##)),
        field(KEYS[8], "Sites that embed the guide", "One origin a line, such as https://www.clinic.example: they receive the page height.", r#"<textarea id="set-embed_origins" name="embed_origins" rows="3" spellcheck="false" aria-describedby="set-embed_origins-hint set-embed_origins-error"></textarea>"#),
        field(KEYS[9], "Settings in embed links", "Embedding pages may fill settings this file leaves empty (never on a page opened from a link).", r#"<select id="set-url_settings" name="url_settings" aria-describedby="set-url_settings-hint set-url_settings-error"><option value="">Allowed inside a frame (default)</option><option value="false">Never: use only this file</option></select>"#),
    ]
    .concat();
    format!(
        r##"<header class="site-header"><div class="site-header__inner"><a class="site-header__brand" href="./">Baclofen guide</a></div></header>
<main id="main" class="setup" tabindex="-1">
<h1>Clinic setup</h1>
<p>For a clinic's web team. Fill in what your clinic needs; the guide checks each value with the same rules it uses itself. Copy the <code>config.json</code> below onto your host, beside the guide's <code>index.html</code>. Nothing you type leaves this device.</p>
<p class="setup-needs-js" id="setup-needs-js">This page needs JavaScript and WebAssembly.</p>
<section aria-labelledby="setup-current"><h2 id="setup-current">This site's config.json now</h2><p id="setup-file" role="status">Reading config.json…</p><ul id="setup-file-notices"></ul></section>
<form id="setup-form" class="setup-form" novalidate><h2>Settings</h2>{fields}</form>
<section aria-labelledby="setup-preview-title"><h2 id="setup-preview-title">Preview</h2>
<p class="hint">What patients will see, with this device's time zone (<span id="setup-zone"></span>) where nothing sets the number.</p>
<h3>Footer</h3><p class="setup-preview" id="preview-footer"></p><p class="setup-preview" id="preview-emergency-line"></p>
<h3>A "contact today" answer</h3><ul class="contacts" id="preview-contacts"></ul>
<h3>An emergency answer</h3><p class="call" id="preview-call"></p><ul class="contacts" id="preview-lines"></ul>
</section>
<section aria-labelledby="setup-config-title"><h2 id="setup-config-title">config.json</h2>
<p id="setup-summary" role="status"></p>
<textarea id="setup-config" rows="10" readonly spellcheck="false" aria-labelledby="setup-config-title"></textarea>
<p><button type="button" class="button" data-copy="setup-config">Copy config.json</button></p></section>
<section aria-labelledby="setup-embed-title"><h2 id="setup-embed-title">Embed snippet</h2>
<p><label for="setup-embed-page">What to embed</label> <select id="setup-embed-page"><option value="">The whole guide</option><option value="missed-dose">Only the missed-dose helper</option><option value="side-effects">Only the red-flag checker</option></select></p>
<textarea id="setup-embed" rows="4" readonly spellcheck="false" aria-labelledby="setup-embed-title"></textarea>
<p><button type="button" class="button" data-copy="setup-embed">Copy the snippet</button></p>
<p class="hint">List the embedding site under "Sites that embed the guide" so the frame can grow with the page, and allow it in your host's <code>frame-ancestors</code> header (README, Hosting).</p></section>
<section aria-labelledby="setup-link-title"><h2 id="setup-link-title">Check a link</h2>
<p class="hint">Paste a link to the guide with settings in it (…?clinic_phone=…). Opened directly it changes nothing; inside a frame it only fills what config.json leaves empty.</p>
<p><label for="setup-link">Link</label> <input id="setup-link" type="url" spellcheck="false"></p><ul id="setup-link-notices"></ul></section>
</main>"##
    )
}

/// One setup check, in plain data (see `check_clinic_settings`): what the page shows.
#[derive(Debug, PartialEq)]
pub struct Check {
    pub settings: Settings,
    pub notices: Vec<Notice>,
}

impl Check {
    /// Notices whose name is not a known setting.
    pub fn unknown_names(&self) -> usize {
        self.notices.iter().filter(|n| n.is_unknown_name()).count()
    }

    /// "Call Riverside Neurology: 020 7946 0000", "NHS 111: 111": as on "contact today" answers.
    pub fn contacts(&self) -> Vec<(String, String, String)> {
        let s = &self.settings;
        let clinic = s.clinic_phone.as_deref().map(|phone| {
            (format!("Call {}", s.clinic_name.as_deref().unwrap_or("your clinic")), phone.to_string())
        });
        let out_of_hours = s.out_of_hours().map(|(name, phone)| (name.to_string(), phone.to_string()));
        clinic
            .into_iter()
            .chain(out_of_hours)
            .map(|(label, phone)| (label, tel_href(&phone), phone))
            .collect()
    }
}

/// The check the setup page's worker (`src/bin/setup.rs`) runs for the page. Not exported from
/// the guide's own WebAssembly: only the setup worker calls it, so the helpers' download stays
/// the same size.
#[cfg(target_arch = "wasm32")]
pub mod browser {
    use super::Check;
    use crate::boot::config::raw_value;
    use crate::settings::{tel_href, ConfigFile, Inputs, RawValue, Settings};
    use js_sys::{Array, Object, Reflect};
    use wasm_bindgen::{JsCast, JsValue};

    fn set(target: &JsValue, key: &str, value: impl Into<JsValue>) {
        let _ = Reflect::set(target, &key.into(), &value.into());
    }

    fn get(source: &JsValue, key: &str) -> JsValue {
        Reflect::get(source, &key.into()).unwrap_or(JsValue::UNDEFINED)
    }

    fn js(value: &RawValue) -> JsValue {
        match value {
            RawValue::Text(text) => text.into(),
            RawValue::Number(n) => (*n).into(),
            RawValue::Bool(b) => (*b).into(),
            RawValue::List(items) => items.iter().map(js).collect::<Array>().into(),
            RawValue::Other => JsValue::NULL,
        }
    }

    fn line(line: Option<(&str, &str)>) -> JsValue {
        match line {
            Some((name, phone)) => Array::of3(&name.into(), &phone.into(), &tel_href(phone).into()).into(),
            None => JsValue::NULL,
        }
    }

    /// `request` is `{ id, config, query, inFrame, timeZone }`: `config` an object as
    /// `config.json` would hold it (anything else is reported), `query` an address query. The
    /// answer is `{ id, config, notices: [[setting, code]], unknown, footer, emergencyLine,
    /// callNumber, emergencyNote, contacts: [[label, href, phone]], crisis, poisons }`.
    pub fn check(request: &JsValue) -> JsValue {
        let config = get(request, "config");
        let query = get(request, "query").as_string().unwrap_or_default();
        let time_zone = get(request, "timeZone").as_string().unwrap_or_default();
        let in_frame = get(request, "inFrame").as_bool().unwrap_or(false);
        let entries: Option<Vec<(String, RawValue)>> = (config.is_object() && !Array::is_array(&config))
            .then(|| {
                Object::entries(config.unchecked_ref::<Object>())
                    .iter()
                    .map(|entry| {
                        let entry: Array = entry.unchecked_into();
                        (entry.get(0).as_string().unwrap_or_default(), raw_value(&entry.get(1), true))
                    })
                    .collect()
            });
        let file = entries.as_deref().map_or(ConfigFile::NotAnObject, ConfigFile::Read);
        let (settings, notices) =
            Settings::read(&Inputs { file, query: &query, in_frame, time_zone: &time_zone });
        let check = Check { settings, notices };
        let s = &check.settings;
        let out = Object::new();
        set(&out, "id", get(request, "id"));
        let clean = Object::new();
        for (key, value) in s.to_config() {
            set(&clean, key, js(&value));
        }
        set(&out, "config", clean);
        let notices: Array = check
            .notices
            .iter()
            .map(|n| JsValue::from(Array::of2(&n.setting.as_str().into(), &n.message.into())))
            .collect();
        set(&out, "notices", notices);
        set(&out, "unknown", check.unknown_names() as u32);
        set(&out, "footer", s.footer_line().map_or(JsValue::NULL, JsValue::from));
        set(&out, "emergencyLine", s.emergency_sentence());
        set(&out, "callNumber", s.call_number());
        set(&out, "emergencyNote", s.emergency_note().map_or(JsValue::NULL, JsValue::from));
        let contacts: Array = check
            .contacts()
            .into_iter()
            .map(|(label, href, phone)| JsValue::from(Array::of3(&label.into(), &href.into(), &phone.into())))
            .collect();
        set(&out, "contacts", contacts);
        set(&out, "crisis", line(s.crisis_line()));
        set(&out, "poisons", line(s.poisons_line()));
        out.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::{ConfigFile, Inputs, RawValue};

    #[test]
    fn the_form_has_a_labelled_field_for_every_setting_but_embed() {
        let body = page_body();
        for key in KEYS.iter().filter(|k| **k != "embed") {
            assert!(body.contains(&format!(r#"<label for="set-{key}">"#)), "{key}");
            assert!(body.contains(&format!(r#"id="set-{key}""#)), "{key}");
        }
        assert!(!body.contains("<script"), "the page's script is a file (Content Security Policy)");
    }

    #[test]
    fn previews_use_the_guides_own_wording() {
        let file: Vec<(String, RawValue)> = [
            ("clinic_name", "Riverside Neurology"),
            ("clinic_phone", "+44 (0)20 7946 0000"),
            ("region", "uk"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), RawValue::Text(v.to_string())))
        .collect();
        let (settings, notices) = Settings::read(&Inputs {
            file: ConfigFile::Read(&file),
            query: "",
            in_frame: false,
            time_zone: "UTC",
        });
        let check = Check { settings, notices };
        assert_eq!(
            check.settings.footer_line().as_deref(),
            Some("Riverside Neurology: +44 20 7946 0000. NHS 111: 111")
        );
        assert_eq!(
            check.contacts(),
            vec![
                (
                    "Call Riverside Neurology".to_string(),
                    "tel:+442079460000".to_string(),
                    "+44 20 7946 0000".to_string()
                ),
                ("NHS 111".to_string(), "tel:111".to_string(), "111".to_string()),
            ]
        );
        assert_eq!(check.unknown_names(), 0);
    }
}
