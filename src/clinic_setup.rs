//! The clinic setup page (`clinic-setup/`), for a clinic's web team, not in the patients'
//! navigation. The page is a static form written at build time (`page_body`); plain JavaScript
//! (`xtask/clinic-setup.js`) runs it and sends every change to a small WebAssembly worker built
//! from this crate (`src/bin/setup.rs`, `browser::check`), which checks the values with
//! `src/settings.rs`: the page and the guide share one set of rules and messages, and the
//! helpers' own WebAssembly carries none of the page's code. Nothing leaves the device.

use crate::content::{MISSED_DOSE, REGIONS};
use crate::html::escape;
use crate::settings::{tel_href, Notice, Settings, KEYS};

use crate::content::web_team::setup as words;

/// The page title.
pub const TITLE: &str = words::TITLE;
pub const DESCRIPTION: &str = words::DESCRIPTION;

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

/// `<option value="…">words</option>`.
fn option(value: &str, text: &str) -> String {
    format!(r#"<option value="{}">{}</option>"#, escape(value), escape(text))
}

/// The form and its outputs, written once at build time; every word is `content/web-team.toml`
/// `[setup]`.
pub fn page_body() -> String {
    let regions: String = REGIONS.iter().map(|r| option(r.id, &format!("{} ({})", r.name, r.id))).collect();
    let (min, max) = MISSED_DOSE.skip_window_range;
    let select = |key: &str, options: &str| {
        format!(
            r#"<select id="set-{key}" name="{key}" aria-describedby="set-{key}-hint set-{key}-error">{options}</select>"#
        )
    };
    let fields = [
        field(KEYS[0], words::CLINIC_NAME, words::CLINIC_NAME_HINT, &text_input(KEYS[0], "text", r#" maxlength="200""#)),
        field(KEYS[1], words::CLINIC_PHONE, words::CLINIC_PHONE_HINT, &text_input(KEYS[1], "text", r#" inputmode="tel""#)),
        field(KEYS[2], words::OUT_OF_HOURS_PHONE, words::OUT_OF_HOURS_PHONE_HINT, &text_input(KEYS[2], "text", r#" inputmode="tel""#)),
        field(KEYS[3], words::EMERGENCY_NUMBER, words::EMERGENCY_NUMBER_HINT, &text_input(KEYS[3], "text", r#" inputmode="numeric""#)),
        field(KEYS[4], words::REGION, words::REGION_HINT, &select(KEYS[4], &(option("", words::REGION_NOT_SET) + &regions))),
        field(
            KEYS[5],
            words::SKIP_WINDOW,
            &words::SKIP_WINDOW_HINT.replace("{min}", &min.to_string()).replace("{max}", &max.to_string()),
            &text_input(KEYS[5], "text", r#" inputmode="numeric""#),
        ),
        field(KEYS[6], words::ACCENT, words::ACCENT_HINT, &text_input(KEYS[6], "text", r##" placeholder="#005eb8""##)),
        field(
            KEYS[8],
            words::EMBED_ORIGINS,
            words::EMBED_ORIGINS_HINT,
            r#"<textarea id="set-embed_origins" name="embed_origins" rows="3" spellcheck="false" aria-describedby="set-embed_origins-hint set-embed_origins-error"></textarea>"#,
        ),
        field(
            KEYS[9],
            words::URL_SETTINGS,
            words::URL_SETTINGS_HINT,
            &select(KEYS[9], &(option("", words::URL_SETTINGS_ALLOWED) + &option("false", words::URL_SETTINGS_NEVER))),
        ),
    ]
    .concat();
    let (zone_before, zone_after) =
        words::PREVIEW_HINT.split_once("{zone}").unwrap_or((words::PREVIEW_HINT, ""));
    let embed_options = option("", words::EMBED_WHOLE)
        + &option("missed-dose", words::EMBED_MISSED_DOSE)
        + &option("side-effects", words::EMBED_CHECKER);
    let e = |text: &str| escape(text);
    format!(
        r##"<header class="site-header"><div class="site-header__inner"><a class="site-header__brand" href="./">{product}</a></div></header>
<main id="main" class="setup" tabindex="-1">
<h1>{title}</h1>
<p>{intro}</p>
<p class="setup-needs-js" id="setup-needs-js">{needs_js}</p>
<section aria-labelledby="setup-current"><h2 id="setup-current">{current}</h2><p id="setup-file" role="status">{reading}</p><ul id="setup-file-notices"></ul></section>
<form id="setup-form" class="setup-form" novalidate><h2>{settings}</h2>{fields}</form>
<section aria-labelledby="setup-preview-title"><h2 id="setup-preview-title">{preview}</h2>
<p class="hint">{zone_before}<span id="setup-zone"></span>{zone_after}</p>
<h3>{footer}</h3><p class="setup-preview" id="preview-footer"></p><p class="setup-preview" id="preview-emergency-line"></p>
<h3>{contact_today}</h3><ul class="contacts" id="preview-contacts"></ul>
<h3>{emergency}</h3><p class="call" id="preview-call"></p><ul class="contacts" id="preview-lines"></ul>
</section>
<section aria-labelledby="setup-config-title"><h2 id="setup-config-title">{config}</h2>
<p id="setup-summary" role="status"></p>
<textarea id="setup-config" rows="10" readonly spellcheck="false" aria-labelledby="setup-config-title"></textarea>
<p><button type="button" class="button" data-copy="setup-config">{copy_config}</button></p></section>
<section aria-labelledby="setup-embed-title"><h2 id="setup-embed-title">{embed}</h2>
<p><label for="setup-embed-page">{embed_what}</label> <select id="setup-embed-page">{embed_options}</select></p>
<textarea id="setup-embed" rows="4" readonly spellcheck="false" aria-labelledby="setup-embed-title"></textarea>
<p><button type="button" class="button" data-copy="setup-embed">{copy_embed}</button></p>
<p class="hint">{embed_hint}</p></section>
<section aria-labelledby="setup-link-title"><h2 id="setup-link-title">{link}</h2>
<p class="hint">{link_hint}</p>
<p><label for="setup-link">{link_label}</label> <input id="setup-link" type="url" spellcheck="false"></p><ul id="setup-link-notices"></ul></section>
</main>"##,
        product = e(crate::content::SITE.product_name),
        title = e(words::TITLE),
        intro = e(words::INTRO),
        needs_js = e(words::NEEDS_JS),
        current = e(words::CURRENT_TITLE),
        reading = e(words::READING_FILE),
        settings = e(words::SETTINGS_TITLE),
        preview = e(words::PREVIEW_TITLE),
        zone_before = e(zone_before),
        zone_after = e(zone_after),
        footer = e(words::PREVIEW_FOOTER),
        contact_today = e(words::PREVIEW_CONTACT_TODAY),
        emergency = e(words::PREVIEW_EMERGENCY),
        config = e(words::CONFIG_TITLE),
        copy_config = e(words::COPY_CONFIG),
        embed = e(words::EMBED_TITLE),
        embed_what = e(words::EMBED_WHAT),
        copy_embed = e(words::COPY_EMBED),
        embed_hint = e(words::EMBED_HINT),
        link = e(words::LINK_TITLE),
        link_hint = e(words::LINK_HINT),
        link_label = e(words::LINK_LABEL),
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
            let name = s.clinic_name.as_deref().unwrap_or(crate::content::ui::call::YOUR_CLINIC);
            (crate::content::ui::call::CALL_NAMED.replace("{name}", name), phone.to_string())
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
    /// callNumber, callLabel, emergencyNote, contacts: [[label, href, phone]], crisis, poisons }`.
    pub fn check(request: &JsValue) -> JsValue {
        let config = get(request, "config");
        let query = get(request, "query").as_string().unwrap_or_default();
        let time_zone = get(request, "timeZone").as_string().unwrap_or_default();
        let in_frame = get(request, "inFrame").as_bool().unwrap_or(false);
        let embedder = get(request, "embedder").as_string();
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
        let (settings, notices) = Settings::read(&Inputs {
            file,
            query: &query,
            in_frame,
            time_zone: &time_zone,
            embedder: embedder.as_deref(),
        });
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
        set(&out, "callNumber", s.call_number().map_or(JsValue::NULL, JsValue::from));
        set(
            &out,
            "callLabel",
            s.call_number()
                .map_or(crate::content::SITE.emergency_local.to_string(), crate::settings::call_label),
        );
        // The clinic's emergency number was refused: the setup page blocks copying the file.
        set(&out, "emergencyRefused", s.emergency_refused);
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
            embedder: None,
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
