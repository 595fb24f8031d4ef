//! Clinic settings: from `config.json` beside the pages (a clinic that hosts the guide edits it,
//! no rebuild) and from the page address (for embedding). Every value is checked here; anything
//! invalid is ignored and reported as a notice that the page shows. Names stay plain text and
//! phone numbers only digits, spaces and `+`, so nothing from a setting can become HTML or a
//! `javascript:` link. Pure: no browser calls, tested natively (`tests/settings_property.rs`).

use crate::content::{Region, MISSED_DOSE, REGIONS, SITE};

/// A value as read from `config.json` (any JSON value) or from the address (always text).
#[derive(Clone, Debug, PartialEq)]
pub enum RawValue {
    Text(String),
    Number(f64),
    Bool(bool),
    List(Vec<RawValue>),
    /// `null`, an object, or anything else that no setting takes.
    Other,
}

/// Where a setting came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    File,
    Address,
}

/// One setting that was ignored, and why, in words for the clinic's web team.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// The setting's name as given (cleaned to plain text and shortened).
    pub setting: String,
    pub message: &'static str,
}

/// Settings that passed their checks; `None` means "not set".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    pub clinic_name: Option<String>,
    pub clinic_phone: Option<String>,
    pub out_of_hours_phone: Option<String>,
    pub emergency_number: Option<String>,
    pub region: Option<&'static Region>,
    /// The missed-dose "too close to the next dose" window, in minutes.
    pub skip_window: Option<u16>,
    /// `#rrggbb`, dark enough for white text.
    pub accent: Option<String>,
    pub embed: bool,
    /// Origins allowed to receive the page height when embedded (`config.json` only).
    pub embed_origins: Vec<String>,
    /// Settings accepted from the address, to keep on links to other pages of the guide.
    pub carried: Vec<(&'static str, String)>,
}

const CLINIC_NAME: &str = "clinic_name";
const CLINIC_PHONE: &str = "clinic_phone";
const OUT_OF_HOURS_PHONE: &str = "out_of_hours_phone";
const EMERGENCY_NUMBER: &str = "emergency_number";
const REGION: &str = "region";
const THRESHOLD: &str = "missed_dose_threshold";
const ACCENT: &str = "accent";
const EMBED: &str = "embed";
const EMBED_ORIGINS: &str = "embed_origins";
const URL_SETTINGS: &str = "url_settings";
/// Read by the pages themselves, not clinic settings: the symptom checker's situations
/// (`?context=missed`) and the search page's words (`?q=alcohol`).
const PAGE_KEYS: [&str; 2] = ["context", "q"];

const KEYS: [&str; 10] = [
    CLINIC_NAME,
    CLINIC_PHONE,
    OUT_OF_HOURS_PHONE,
    EMERGENCY_NUMBER,
    REGION,
    THRESHOLD,
    ACCENT,
    EMBED,
    EMBED_ORIGINS,
    URL_SETTINGS,
];

pub const MAX_NAME_CHARS: usize = 80;
/// More notices than this are summed up in one line: a page full of them helps no one.
pub const MAX_NOTICES: usize = 8;

const NOT_TEXT: &str = "must be text in quotes.";
const BAD_NAME: &str = "must be plain text of 1 to 80 characters, without < or >.";
const BAD_PHONE: &str = "must be a phone number: 3 to 15 digits, spaces, and + only at the start.";
const BAD_EMERGENCY: &str = "must be the emergency number alone, 2 to 6 digits (for example 999).";
const EMERGENCY_FROM_ADDRESS: &str =
    "from the address can only be 999, 911, 000 or 112. Set any other number in config.json.";
const BAD_REGION: &str = "must be one of uk, ie, us, ca, au, nz or other.";
const REGION_WITHOUT_NUMBER: &str = "has no emergency number in our sources yet, so the general emergency line is shown. Set emergency_number as well.";
const BAD_THRESHOLD: &str = "must be a whole number of minutes within the range the guide allows.";
const BAD_ACCENT: &str = "must be a colour like #005eb8, dark enough for white text on it.";
const BAD_SWITCH: &str = "must be true or false (or 1 or 0).";
const BAD_ORIGINS: &str = "must be a list of web origins such as \"https://clinic.example\".";
const FILE_ONLY: &str = "can only be set in config.json.";
const ADDRESS_OFF: &str = "was ignored: this site takes settings only from config.json.";
const UNKNOWN: &str = "is not a setting this guide knows.";
const BAD_ENCODING: &str = "could not be read from the address.";
const BAD_FILE: &str = "could not be read: it must be a JSON object, such as {\"region\": \"uk\"}.";
/// Said when the page is embedded by a site that `embed_origins` does not list.
pub const EMBEDDER_NOT_LISTED: &str =
    "does not list the site this page is embedded in, so the page height is not shared with it.";
const TOO_MANY: &str = "More settings were ignored: check config.json and the address.";

/// The settings as the helpers receive them: read once when the page starts, so two values
/// are the same settings exactly when they are the same allocation (a cheap comparison, and
/// no field-by-field comparison code in the WebAssembly).
#[derive(Clone, Debug, Default)]
pub struct SharedSettings(pub std::rc::Rc<Settings>);

impl PartialEq for SharedSettings {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for SharedSettings {
    type Target = Settings;
    fn deref(&self) -> &Settings {
        &self.0
    }
}

impl Settings {
    /// Reads `config.json` (its entries, or `Err(())` if it was not a JSON object) and then the
    /// address query (`?a=b&c=d`), which can override it unless the file sets `url_settings` to
    /// false. Never panics; every ignored setting gets a notice.
    pub fn read(file: Result<&[(String, RawValue)], ()>, query: &str) -> (Settings, Vec<Notice>) {
        let mut reader = Reader::default();
        let mut address_allowed = true;
        match file {
            Err(()) => reader.notice("config.json", BAD_FILE),
            Ok(entries) => {
                for (key, value) in entries {
                    if key == URL_SETTINGS {
                        match switch(value) {
                            Some(on) => address_allowed = on,
                            None => reader.notice(key, BAD_SWITCH),
                        }
                    } else if !key.starts_with('_') {
                        // Keys starting with `_` are comments for the clinic's web team.
                        reader.apply(key, value, Origin::File);
                    }
                }
            }
        }
        for (key, value) in parse_query(query) {
            if PAGE_KEYS.contains(&key.as_str()) {
                continue;
            }
            match value {
                Err(()) => reader.notice(&key, BAD_ENCODING),
                Ok(_) if !address_allowed => reader.notice(&key, ADDRESS_OFF),
                Ok(text) => reader.apply(&key, &RawValue::Text(text), Origin::Address),
            }
        }
        if let Some(region) = reader.settings.region {
            if region.emergency_number.is_none() && reader.settings.emergency_number.is_none() {
                reader.notice(REGION, REGION_WITHOUT_NUMBER);
            }
        }
        let Reader { settings, mut notices } = reader;
        if notices.len() > MAX_NOTICES {
            notices.truncate(MAX_NOTICES - 1);
            notices.push(Notice { setting: String::new(), message: TOO_MANY });
        }
        (settings, notices)
    }

    /// The number for emergency call buttons: set by the clinic or region, else the default.
    pub fn call_number(&self) -> &str {
        self.configured_emergency_number().unwrap_or(SITE.emergency_default_number)
    }

    /// The emergency number set by the clinic or its region, if any.
    pub fn configured_emergency_number(&self) -> Option<&str> {
        self.emergency_number.as_deref().or(self.region.and_then(|r| r.emergency_number))
    }

    /// The emergency line for footers and answers.
    pub fn emergency_sentence(&self) -> String {
        match self.configured_emergency_number() {
            Some(number) => SITE.emergency_configured.replace("{number}", number),
            None => SITE.emergency.to_string(),
        }
    }

    /// The out-of-hours service: the clinic's own number, else the region's service.
    pub fn out_of_hours(&self) -> Option<(&str, &str)> {
        match (&self.out_of_hours_phone, self.region) {
            (Some(phone), _) => Some(("Out of hours", phone)),
            (None, Some(region)) => Some((region.out_of_hours_name?, region.out_of_hours_phone?)),
            (None, None) => None,
        }
    }

    /// The missed-dose rules with the clinic's window, if it set one.
    pub fn missed_dose_rules(&self) -> baclofen_logic::missed_dose::Rules {
        let mut rules = MISSED_DOSE.rules;
        if let Some(window) = self.skip_window {
            rules.skip_window = window;
        }
        rules
    }

    /// The settings taken from the address, as a query for links to other pages ("" if none).
    pub fn carried_query(&self) -> String {
        self.carried
            .iter()
            .map(|(key, value)| format!("{key}={}", percent_encode(value)))
            .collect::<Vec<_>>()
            .join("&")
    }
}

/// `tel:` address for a checked phone number (spaces removed).
pub fn tel_href(phone: &str) -> String {
    let digits: String = phone.chars().filter(|c| *c != ' ').collect();
    format!("tel:{digits}")
}

#[derive(Default)]
struct Reader {
    settings: Settings,
    notices: Vec<Notice>,
}

impl Reader {
    fn notice(&mut self, setting: &str, message: &'static str) {
        self.notices.push(Notice { setting: display_key(setting), message });
    }

    fn apply(&mut self, key: &str, value: &RawValue, origin: Origin) {
        let Some(key) = KEYS.into_iter().find(|k| *k == key) else {
            return self.notice(key, UNKNOWN);
        };
        if origin == Origin::Address && (key == EMBED_ORIGINS || key == URL_SETTINGS) {
            return self.notice(key, FILE_ONLY);
        }
        let accepted = set(&mut self.settings, key, value, origin);
        match accepted {
            Ok(()) => {
                if origin == Origin::Address {
                    if let RawValue::Text(text) = value {
                        self.settings.carried.retain(|(k, _)| *k != key);
                        self.settings.carried.push((key, text.clone()));
                    }
                }
            }
            Err(message) => self.notice(key, message),
        }
    }
}

/// Checks one known setting and stores it, or says what is wrong with it.
fn set(s: &mut Settings, key: &str, value: &RawValue, origin: Origin) -> Result<(), &'static str> {
    match key {
        CLINIC_NAME => s.clinic_name = Some(clinic_name(&text(value)?).ok_or(BAD_NAME)?),
        CLINIC_PHONE => s.clinic_phone = Some(phone(&text(value)?).ok_or(BAD_PHONE)?),
        OUT_OF_HOURS_PHONE => s.out_of_hours_phone = Some(phone(&text(value)?).ok_or(BAD_PHONE)?),
        EMERGENCY_NUMBER => {
            let number = emergency_number(&text(value)?).ok_or(BAD_EMERGENCY)?;
            // A link could otherwise show a made-up "emergency" number on the clinic's own site.
            if origin == Origin::Address && !known_emergency_number(&number) {
                return Err(EMERGENCY_FROM_ADDRESS);
            }
            s.emergency_number = Some(number);
        }
        REGION => s.region = Some(region(&text(value)?).ok_or(BAD_REGION)?),
        THRESHOLD => s.skip_window = Some(whole_number(value).and_then(threshold).ok_or(BAD_THRESHOLD)?),
        ACCENT => s.accent = Some(accent(&text(value)?).ok_or(BAD_ACCENT)?),
        EMBED => s.embed = switch(value).ok_or(BAD_SWITCH)?,
        _ => s.embed_origins = origins(value).ok_or(BAD_ORIGINS)?,
    }
    Ok(())
}

/// A setting's name, safe and short enough to show in a notice.
fn display_key(key: &str) -> String {
    let clean: String = key.chars().filter(|c| !c.is_control()).take(40).collect();
    if clean.is_empty() {
        "(no name)".to_string()
    } else {
        clean
    }
}

fn text(value: &RawValue) -> Result<String, &'static str> {
    match value {
        RawValue::Text(text) => Ok(text.trim().to_string()),
        _ => Err(NOT_TEXT),
    }
}

fn clinic_name(text: &str) -> Option<String> {
    let chars = text.chars().count();
    let plain = !text.chars().any(|c| c.is_control() || c == '<' || c == '>');
    // Runs of spaces collapse to one, as they would on screen.
    (plain && (1..=MAX_NAME_CHARS).contains(&chars))
        .then(|| text.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn phone(text: &str) -> Option<String> {
    let body = text.strip_prefix('+').unwrap_or(text);
    let digits = body.chars().filter(char::is_ascii_digit).count();
    let allowed = body.chars().all(|c| c.is_ascii_digit() || c == ' ');
    (allowed && (3..=15).contains(&digits)).then(|| text.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn emergency_number(text: &str) -> Option<String> {
    (text.chars().all(|c| c.is_ascii_digit()) && (2..=6).contains(&text.len())).then(|| text.to_string())
}

/// Numbers our sources name as emergency numbers, and the default: the only ones a link may set.
fn known_emergency_number(number: &str) -> bool {
    number == SITE.emergency_default_number || REGIONS.iter().any(|r| r.emergency_number == Some(number))
}

fn region(text: &str) -> Option<&'static Region> {
    REGIONS.iter().find(|r| r.id.eq_ignore_ascii_case(text))
}

fn whole_number(value: &RawValue) -> Option<i64> {
    match value {
        RawValue::Text(text) => text.trim().parse().ok(),
        RawValue::Number(n) if n.fract() == 0.0 && n.abs() < 1e9 => Some(*n as i64),
        _ => None,
    }
}

fn threshold(minutes: i64) -> Option<u16> {
    let (min, max) = MISSED_DOSE.skip_window_range;
    (i64::from(min)..=i64::from(max)).contains(&minutes).then_some(minutes as u16)
}

fn switch(value: &RawValue) -> Option<bool> {
    match value {
        RawValue::Bool(on) => Some(*on),
        RawValue::Number(n) if *n == 1.0 => Some(true),
        RawValue::Number(n) if *n == 0.0 => Some(false),
        RawValue::Text(text) => match text.trim() {
            "1" | "true" => Some(true),
            "0" | "false" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

/// `#rrggbb` with a contrast of at least 4.5:1 against white (WCAG AA for body text).
fn accent(text: &str) -> Option<String> {
    let hex = text.strip_prefix('#').filter(|h| h.len() == 6 && h.bytes().all(|b| b.is_ascii_hexdigit()))?;
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    let (r, g, b) = (channel(0)?, channel(2)?, channel(4)?);
    let luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    (1.05 / (luminance + 0.05) >= 4.5).then(|| format!("#{}", hex.to_ascii_lowercase()))
}

/// sRGB channel to linear light (WCAG 2 formula). The power is worked out with short series
/// rather than `f64::powf`, which would add a maths routine to the WebAssembly.
fn linear(channel: u8) -> f64 {
    let c = f64::from(channel) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        pow_2_4((c + 0.055) / 1.055)
    }
}

/// x^2.4 for 0.05 < x ≤ 1: x^2 · x^0.4, with x^0.4 = exp(0.4 · ln x) by series.
fn pow_2_4(x: f64) -> f64 {
    x * x * exp(0.4 * ln(x))
}

fn ln(x: f64) -> f64 {
    // ln x = 2 artanh((x - 1) / (x + 1)), which converges quickly for 0.05 < x ≤ 1.
    let y = (x - 1.0) / (x + 1.0);
    let (mut sum, mut term, mut k) = (0.0, y, 1.0);
    while k < 200.0 {
        sum += term / k;
        term *= y * y;
        k += 2.0;
    }
    2.0 * sum
}

fn exp(x: f64) -> f64 {
    let (mut sum, mut term, mut k) = (1.0, 1.0, 1.0);
    while k < 60.0 {
        term *= x / k;
        sum += term;
        k += 1.0;
    }
    sum
}

fn origins(value: &RawValue) -> Option<Vec<String>> {
    let RawValue::List(items) = value else { return None };
    items.iter().map(|item| if let RawValue::Text(t) = item { origin(t.trim()) } else { None }).collect()
}

/// `https://host[:port]`, or `http://` for localhost and 127.0.0.1 (testing); lower case.
fn origin(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| {
        lower.strip_prefix("http://").filter(|r| r.starts_with("localhost") || r.starts_with("127.0.0.1"))
    })?;
    let (host, port) = match rest.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (rest, None),
    };
    let host_ok = !host.is_empty()
        && host.len() <= 253
        && host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        && !host.starts_with('.')
        && !host.ends_with('.');
    let port_ok = port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()));
    (host_ok && port_ok).then_some(lower)
}

/// The query's `key=value` pairs, percent-decoded (`+` is a space). A pair that is not valid
/// UTF-8 after decoding keeps its key (as far as it can be read) and an `Err` value.
pub fn parse_query(query: &str) -> Vec<(String, Result<String, ()>)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let key = percent_decode(key).unwrap_or_else(|()| key.to_string());
            (key, percent_decode(value))
        })
        .collect()
}

/// The decoded value of `key` in a query string, if present and readable.
pub fn query_value(query: &str, key: &str) -> Option<String> {
    parse_query(query).into_iter().rev().find(|(k, _)| k == key).and_then(|(_, value)| value.ok())
}

fn percent_decode(text: &str) -> Result<String, ()> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = text.get(i + 1..i + 3).ok_or(())?;
                out.push(u8::from_str_radix(hex, 16).map_err(|_| ())?);
                i += 2;
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| ())
}

fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push('%');
            out.push(char::from(b"0123456789ABCDEF"[usize::from(byte >> 4)]));
            out.push(char::from(b"0123456789ABCDEF"[usize::from(byte & 15)]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(entries: &[(&str, RawValue)]) -> Vec<(String, RawValue)> {
        entries.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()
    }

    fn text_value(text: &str) -> RawValue {
        RawValue::Text(text.to_string())
    }

    #[test]
    fn a_full_clinic_file_is_read() {
        let entries = file(&[
            ("_comment", text_value("for the web team")),
            ("clinic_name", text_value("  Riverside   Neurology ")),
            ("clinic_phone", text_value("+44 20 7946 0000")),
            ("region", text_value("UK")),
            ("missed_dose_threshold", RawValue::Number(90.0)),
            ("accent", text_value("#005EB8")),
            ("embed", RawValue::Bool(true)),
            ("embed_origins", RawValue::List(vec![text_value("https://clinic.example")])),
        ]);
        let (settings, notices) = Settings::read(Ok(&entries), "");
        assert_eq!(notices, vec![]);
        assert_eq!(settings.clinic_name.as_deref(), Some("Riverside Neurology"));
        assert_eq!(settings.clinic_phone.as_deref(), Some("+44 20 7946 0000"));
        assert_eq!(settings.call_number(), "999");
        assert_eq!(settings.out_of_hours(), Some(("NHS 111", "111")));
        assert_eq!(settings.emergency_sentence(), "In an emergency call 999.");
        assert_eq!(settings.missed_dose_rules().skip_window, 90);
        assert_eq!(settings.accent.as_deref(), Some("#005eb8"));
        assert!(settings.embed);
        assert_eq!(settings.embed_origins, vec!["https://clinic.example".to_string()]);
        assert_eq!(tel_href("+44 20 7946 0000"), "tel:+442079460000");
    }

    #[test]
    fn nothing_set_keeps_the_general_emergency_line() {
        let (settings, notices) = Settings::read(Ok(&[]), "");
        assert!(notices.is_empty());
        assert_eq!(settings.call_number(), SITE.emergency_default_number);
        assert_eq!(settings.emergency_sentence(), SITE.emergency);
        assert_eq!(settings.missed_dose_rules(), MISSED_DOSE.rules);
    }

    #[test]
    fn the_address_overrides_the_file_and_is_carried_to_links() {
        let entries = file(&[("region", text_value("us"))]);
        let (settings, notices) = Settings::read(
            Ok(&entries),
            "?region=uk&clinic_name=St%20Mary%27s+Clinic&embed=1&context=missed&q=alcohol",
        );
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(settings.call_number(), "999");
        assert_eq!(settings.clinic_name.as_deref(), Some("St Mary's Clinic"));
        assert_eq!(settings.carried_query(), "region=uk&clinic_name=St%20Mary%27s%20Clinic&embed=1");
    }

    #[test]
    fn invalid_values_are_ignored_with_a_notice_each() {
        let query = "clinic_name=%3Cscript%3E&clinic_phone=javascript:alert(1)&emergency_number=12345&\
                     region=mars&missed_dose_threshold=600&accent=%23ffff00&embed=maybe&embed_origins=x&colour=red&bad=%ZZ";
        let (settings, notices) = Settings::read(Ok(&[]), query);
        assert_eq!(settings, Settings::default());
        let named: Vec<&str> = notices.iter().map(|n| n.setting.as_str()).collect();
        assert_eq!(named.len(), MAX_NOTICES);
        assert_eq!(named[..4], ["clinic_name", "clinic_phone", "emergency_number", "region"]);
        assert_eq!(notices[2].message, EMERGENCY_FROM_ADDRESS);
        assert_eq!(notices.last().unwrap().message, TOO_MANY);
    }

    #[test]
    fn a_file_can_switch_address_settings_off() {
        let entries =
            file(&[("url_settings", RawValue::Bool(false)), ("emergency_number", text_value("112"))]);
        let (settings, notices) = Settings::read(Ok(&entries), "emergency_number=999&context=pump");
        assert_eq!(settings.call_number(), "112");
        assert_eq!(notices, vec![Notice { setting: "emergency_number".into(), message: ADDRESS_OFF }]);
    }

    #[test]
    fn regions_without_a_sourced_number_say_so() {
        for id in ["ie", "ca", "nz"] {
            let (settings, notices) = Settings::read(Ok(&[]), &format!("region={id}"));
            assert_eq!(settings.configured_emergency_number(), None, "{id}");
            assert_eq!(notices[0].message, REGION_WITHOUT_NUMBER);
        }
        let entries = file(&[("region", text_value("ie")), ("emergency_number", text_value("112"))]);
        let (settings, notices) = Settings::read(Ok(&entries), "");
        assert!(notices.is_empty());
        assert_eq!(settings.call_number(), "112");
    }

    #[test]
    fn query_values_are_found_by_exact_key_and_decoded() {
        let query = "?context=missed%2Cpump&embed=1";
        assert_eq!(query_value(query, "context").as_deref(), Some("missed,pump"));
        assert_eq!(query_value(query, "embed").as_deref(), Some("1"));
        assert_eq!(query_value(query, "con"), None);
        assert_eq!(query_value("", "context"), None);
        assert_eq!(query_value("context=%ZZ", "context"), None);
    }

    #[test]
    fn a_file_that_is_not_an_object_is_reported() {
        let (settings, notices) = Settings::read(Err(()), "region=au");
        assert_eq!(settings.call_number(), "000");
        assert_eq!(notices[0].message, BAD_FILE);
    }

    #[test]
    fn accents_need_contrast_with_white_text() {
        assert_eq!(accent("#005eb8").as_deref(), Some("#005eb8")); // NHS blue, 5.9:1
        assert_eq!(accent("#767676").as_deref(), Some("#767676")); // 4.54:1
        assert_eq!(accent("#777777"), None); // 4.48:1
        assert_eq!(accent("#ffff00"), None);
        assert_eq!(accent("005eb8"), None);
        assert_eq!(accent("#05eb8"), None);
        assert_eq!(accent("#00zz00"), None);
        assert!((linear(255) - 1.0).abs() < 1e-9 && linear(0) == 0.0);
        assert!((linear(128) - 0.215_861).abs() < 1e-6, "{}", linear(128));
    }

    #[test]
    fn origins_are_exact_web_origins() {
        assert_eq!(origin("https://Clinic.Example").as_deref(), Some("https://clinic.example"));
        assert_eq!(origin("http://127.0.0.1:8081").as_deref(), Some("http://127.0.0.1:8081"));
        for bad in [
            "http://clinic.example",
            "https://clinic.example/",
            "https://*.example",
            "javascript:x",
            "https://",
            "https://a:99999x",
        ] {
            assert_eq!(origin(bad), None, "{bad}");
        }
    }

    #[test]
    fn phones_and_names_are_checked() {
        assert_eq!(phone("0161 496 0000").as_deref(), Some("0161 496 0000"));
        for bad in ["12", "+", "1+2345", "call 999", "tel:999", "1234567890123456"] {
            assert_eq!(phone(bad), None, "{bad}");
        }
        assert_eq!(clinic_name("Smith & Jones").as_deref(), Some("Smith & Jones"));
        assert_eq!(clinic_name(""), None);
        assert_eq!(clinic_name("<b>x</b>"), None);
        assert_eq!(clinic_name(&"a".repeat(81)), None);
    }
}
