//! Clinic settings: from `config.json` beside the pages (a clinic that hosts the guide edits it,
//! no rebuild) and from the page address (for embedding), plus the device's time zone for the
//! emergency number when nobody has set one. Pure: no browser calls, tested natively
//! (`tests/settings_property.rs`); the browser glue (`boot/config.rs`) passes everything in.
//!
//! Trust, in order (issue #14):
//! - the clinic's file wins: a setting that `config.json` names is never taken from the address;
//! - the address only fills what the file leaves unset, and only when the page is inside a frame
//!   (an embedding page). A page opened from a link takes nothing from its address, because a
//!   spoofed number would carry the host's trust;
//! - if `config.json` cannot be read and the device has no saved copy, the address is refused;
//! - an embedding page may fill what the file leaves unset only when the file lists it in
//!   `embed_origins`, and never adds to the clinic's contacts: if the file sets any of
//!   `clinic_name`, `clinic_phone` and `out_of_hours_phone`, the address sets none of them;
//! - an emergency number, from the file or the address, must be one of the effective region's
//!   own numbers (fact sheet §0c: the file's region, else the device's time-zone region; with
//!   neither, 112 only in the EU/EEA, the UK and Switzerland). Anything else is refused, and the
//!   guide keeps the region's number with "or your local emergency number";
//! - a device whose time zone maps to no §0c row and is outside those countries gets "call your
//!   local emergency number" with no number to dial: never a guessed number.
//!
//! Every value is checked here: text without hidden formatting characters (bidi controls,
//! zero-width characters), phone numbers cleaned to digits and separators, `tel:` built from the
//! digits alone. What is ignored becomes a [`Notice`] for the clinic's web team (console and the
//! clinic setup page), never text for patients.

use crate::content::{Region, MISSED_DOSE, REGIONS, SITE};
pub use baclofen_logic::plain_text::hidden;

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

/// What became of `config.json` when the page started.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ConfigFile<'a> {
    /// Read from the host just now.
    Read(&'a [(String, RawValue)]),
    /// The host gave an error or no answer in time; this is the last good copy on this device.
    /// (In the browser the service worker answers with that copy itself, so it arrives as
    /// `Read`; this state is for callers that can tell.)
    Saved(&'a [(String, RawValue)]),
    /// Read, but not a JSON object.
    NotAnObject,
    /// An error, no network or no answer in time, and no saved copy on this device.
    Unreadable,
}

/// Everything the settings depend on, read once when the page starts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Inputs<'a> {
    pub file: ConfigFile<'a>,
    /// The page address's query (`?a=b&c=d`).
    pub query: &'a str,
    /// The page is inside a frame (`window.top !== window`): an embedding page.
    pub in_frame: bool,
    /// The device's IANA time zone (`browser::time_zone`), or "".
    pub time_zone: &'a str,
    /// Inside a frame: the embedding page's origin as the browser reports it
    /// (`location.ancestorOrigins[0]`, else the referrer's origin), if it can tell.
    pub embedder: Option<&'a str>,
}

/// One setting that was ignored, and why, in words for the clinic's web team (never shown to
/// patients: see [`Notice::console_line`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// The setting's name as given (cleaned to plain text and shortened).
    pub setting: String,
    pub message: &'static str,
}

impl Notice {
    /// The line written to the browser console (in the WebAssembly the message is its code).
    pub fn console_line(&self) -> String {
        crate::content::web_team::messages::CONSOLE
            .replace("{setting}", &self.setting)
            .replace("{message}", self.message)
    }

    /// The message in words, whether it holds the words or their code.
    pub fn words(&self) -> &'static str {
        MESSAGES.iter().find(|(code, _)| *code == self.message).map_or(self.message, |(_, text)| text)
    }

    /// A name that is not a setting this guide knows (counted on the clinic setup page).
    pub fn is_unknown_name(&self) -> bool {
        self.message == UNKNOWN
    }
}

/// Settings that passed their checks; `None` means "not set".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    pub clinic_name: Option<String>,
    /// As typed, cleaned ("+44 20 7946 0000"); [`tel_href`] dials its digits.
    pub clinic_phone: Option<String>,
    pub out_of_hours_phone: Option<String>,
    pub emergency_number: Option<String>,
    /// The region a clinic chose (in `config.json`, or in an embedding page's address when it
    /// agrees with the device's time zone).
    pub region: Option<&'static Region>,
    /// The region the device's time zone points to (fact sheet §0c), for when no clinic chose.
    pub time_zone_region: Option<&'static Region>,
    /// The device's time zone maps to no region but is in the EU/EEA or Switzerland, where 112
    /// works (`content/site.toml` `emergency_default_time_zones`).
    pub zone_112: bool,
    /// `config.json` gave an emergency number that is not one of the region's own (a typo such
    /// as 99, or another country's): it was refused, and the note "or your local emergency
    /// number" stays beside the region's number.
    pub emergency_refused: bool,
    /// The missed-dose "too close to the next dose" window, in minutes.
    pub skip_window: Option<u16>,
    /// `#rrggbb`, dark enough for white text.
    pub accent: Option<String>,
    pub embed: bool,
    /// Origins allowed to receive the page height when embedded (`config.json` only).
    pub embed_origins: Vec<String>,
    /// Settings accepted from the address, to keep on links to other pages of the guide.
    pub carried: Vec<(&'static str, String)>,
    /// `url_settings: false` in the file: the address is never read.
    pub address_locked: bool,
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
/// The clinic's contacts, one group: if `config.json` sets any of them, the address sets none.
const CONTACT: [&str; 3] = [CLINIC_NAME, CLINIC_PHONE, OUT_OF_HOURS_PHONE];
/// Read by the pages themselves, not clinic settings: the symptom checker's situations
/// (`?context=missed`) and the search page's words (`?q=alcohol`).
pub const PAGE_KEYS: [&str; 2] = ["context", "q"];

/// Every setting name, in the order the clinic setup page lists them.
pub const KEYS: [&str; 10] = [
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
/// More notices than this are summed up in one line.
pub const MAX_NOTICES: usize = 8;

/// The web team's messages: in the WebAssembly only a short code (the console names it; the clinic
/// setup page and native tests have the words, from `MESSAGES`), to keep the download small.
macro_rules! messages {
    ($($(#[$doc:meta])* $vis:vis $name:ident = $code:literal;)*) => {
        $($(#[$doc])* $vis const $name: &str =
            if cfg!(target_arch = "wasm32") { $code } else { crate::content::web_team::messages::$name };)*
        /// Every message for the web team, as (code, words).
        pub const MESSAGES: &[(&str, &str)] = &[$(($code, crate::content::web_team::messages::$name)),*];
    };
}

messages! {
    NOT_TEXT = "not-text";
    BAD_NAME = "name";
    BAD_PHONE = "phone";
    BAD_EMERGENCY = "emergency";
    EMERGENCY_NOT_REGIONAL = "emergency-not-regional";
    EMERGENCY_FROM_ADDRESS = "emergency-region";
    REGION_FROM_ADDRESS = "region-zone";
    BAD_REGION = "region";
    REGION_WITHOUT_NUMBER = "region-no-number";
    BAD_THRESHOLD = "minutes";
    BAD_ACCENT = "colour";
    BAD_SWITCH = "switch";
    BAD_ORIGINS = "origins";
    FILE_ONLY = "file-only";
    ADDRESS_OFF = "address-off";
    NOT_IN_FRAME = "not-in-frame";
    EMBEDDER_NOT_ALLOWED = "embedder-not-allowed";
    SET_IN_FILE = "set-in-file";
    CONTACT_IN_FILE = "contact-in-file";
    PLUS_IN_ADDRESS = "plus";
    NO_FILE = "no-file";
    UNKNOWN = "unknown";
    BAD_ENCODING = "encoding";
    BAD_FILE = "not-json-object";
    UNREADABLE = "unreadable";
    SAVED_COPY = "saved-copy";
    /// Said when the page is embedded by a site that `embed_origins` does not list.
    pub EMBEDDER_NOT_LISTED = "embedder-not-listed";
    TOO_MANY = "too-many";
}

/// The settings as the helpers receive them: read once when the page starts, so two values
/// are the same settings exactly when they are the same allocation.
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
    /// Reads the settings: `config.json` first, then what the address may fill (see the module
    /// comment). Never panics; every ignored setting gets a notice for the web team.
    pub fn read(inputs: &Inputs) -> (Settings, Vec<Notice>) {
        let mut reader = Reader::default();
        reader.settings.time_zone_region = region_for_time_zone(inputs.time_zone);
        reader.settings.zone_112 = reader.settings.time_zone_region.is_none()
            && zone_in(inputs.time_zone, SITE.emergency_default_time_zones);
        let entries: &[(String, RawValue)] = match inputs.file {
            ConfigFile::Read(entries) => entries,
            ConfigFile::Saved(entries) => {
                reader.notice("config.json", SAVED_COPY);
                entries
            }
            ConfigFile::NotAnObject => {
                reader.notice("config.json", BAD_FILE);
                &[]
            }
            ConfigFile::Unreadable => {
                reader.notice("config.json", UNREADABLE);
                &[]
            }
        };
        let file_read = matches!(inputs.file, ConfigFile::Read(_) | ConfigFile::Saved(_));
        let mut address_allowed = true;
        let mut in_file: Vec<&str> = Vec::new();
        // The region first, wherever it is in the file: the emergency number is checked against it.
        let (regions, others): (Vec<_>, Vec<_>) = entries.iter().partition(|(key, _)| key == REGION);
        for (key, value) in regions.into_iter().chain(others) {
            if key == URL_SETTINGS {
                match switch(value) {
                    Some(on) => {
                        address_allowed = on;
                        reader.settings.address_locked = !on;
                    }
                    None => reader.notice(key, BAD_SWITCH),
                }
            } else if !key.starts_with('_') {
                // Keys starting with `_` are comments for the clinic's web team.
                in_file.push(key);
                reader.apply(key, value, Origin::File);
            }
        }
        // The clinic's contacts are one group: a name from the file never gets a number from a
        // framing page beside it, nor a number another name.
        if CONTACT.iter().any(|key| in_file.contains(key)) {
            for key in CONTACT {
                if !in_file.contains(&key) {
                    in_file.push(key);
                }
            }
        }
        // A region chosen in the file sets its numbers too: the address cannot replace them.
        if let Some(region) = reader.settings.region {
            if region.emergency_number.is_some() {
                in_file.push(EMERGENCY_NUMBER);
            }
            if region.out_of_hours_phone.is_some() {
                in_file.push(OUT_OF_HOURS_PHONE);
            }
        }
        let listed = inputs.embedder.is_some_and(|e| reader.settings.embedder_allowed(e));
        let refused = if !inputs.in_frame {
            Some(NOT_IN_FRAME)
        } else if !file_read {
            Some(NO_FILE)
        } else if !address_allowed {
            Some(ADDRESS_OFF)
        } else if !listed {
            Some(EMBEDDER_NOT_ALLOWED)
        } else {
            None
        };
        let contact_in_file = CONTACT.iter().any(|key| in_file.contains(key));
        for (key, value, raw) in query_pairs(inputs.query) {
            if PAGE_KEYS.contains(&key.as_str()) {
                continue;
            }
            let key_str = key.as_str();
            match (value, refused) {
                _ if !KEYS.contains(&key_str) => reader.notice(&key, UNKNOWN),
                (Err(()), _) => reader.notice(&key, BAD_ENCODING),
                (_, Some(why)) => reader.notice(&key, why),
                _ if contact_in_file && CONTACT.contains(&key_str) => reader.notice(&key, CONTACT_IN_FILE),
                _ if in_file.contains(&key_str) => reader.notice(&key, SET_IN_FILE),
                // A "+" written as it is in an address reads as a space: "+44 20…" would become
                // "44 20…", a number without its country code.
                _ if PHONE_KEYS.contains(&key_str) && raw.starts_with('+') => {
                    reader.notice(&key, PLUS_IN_ADDRESS)
                }
                (Ok(text), None) => reader.apply(&key, &RawValue::Text(text), Origin::Address),
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

    /// The region whose numbers apply: the clinic's, if it has an emergency number, else the
    /// device's time-zone region.
    fn number_region(&self) -> Option<&'static Region> {
        self.region.filter(|r| r.emergency_number.is_some()).or(self.time_zone_region)
    }

    /// The number for emergency call buttons: the clinic's, else its region's, else the device's
    /// time-zone region's, else 112 in the EU/EEA and Switzerland (with "or your local emergency
    /// number"). `None` anywhere else: no number is guessed (fact sheet §0c), and the guide says
    /// "call your local emergency number" with no button to dial.
    pub fn call_number(&self) -> Option<&str> {
        self.emergency_number
            .as_deref()
            .or(self.number_region().and_then(|r| r.emergency_number))
            .or(self.zone_112.then_some(SITE.emergency_default_number))
    }

    /// What to say beside a call button: the region's alternative ("or 999" in Ireland), or "or
    /// your local emergency number" when the number is a guess from the time zone, or the file's
    /// number was refused. `None` only when a clinic set the number (or chose a region that has
    /// no note).
    pub fn emergency_note(&self) -> Option<&str> {
        if self.emergency_number.is_some() {
            return None;
        }
        match self.region.filter(|r| r.emergency_number.is_some()) {
            Some(chosen) if self.emergency_refused => {
                Some(chosen.emergency_note.unwrap_or(SITE.emergency_local_note))
            }
            Some(chosen) => chosen.emergency_note,
            None => Some(
                self.time_zone_region.and_then(|r| r.emergency_note).unwrap_or(SITE.emergency_local_note),
            ),
        }
    }

    /// The mental-health crisis line of the region whose numbers apply: (name, number as shown).
    pub fn crisis_line(&self) -> Option<(&'static str, &'static str)> {
        self.number_region()?.crisis
    }

    /// The poisons line of the region whose numbers apply: (name, number as shown).
    pub fn poisons_line(&self) -> Option<(&'static str, &'static str)> {
        self.number_region()?.poisons
    }

    /// The effective region: the clinic's choice, else the device's time-zone region.
    pub fn region_id(&self) -> Option<&str> {
        self.region.or(self.time_zone_region).map(|r| r.id)
    }

    /// The emergency number set by the clinic or its region, if any (not the time zone's guess).
    pub fn configured_emergency_number(&self) -> Option<&str> {
        self.emergency_number.as_deref().or(self.region.and_then(|r| r.emergency_number))
    }

    /// The emergency line for footers and answers: "In an emergency call 999 …", or "call your
    /// local emergency number" when no number applies here.
    pub fn emergency_sentence(&self) -> String {
        let Some(number) = self.call_number() else {
            return SITE.emergency_local.to_string();
        };
        match self.emergency_note() {
            Some(note) => SITE.emergency_with_note.replace("{number}", number).replace("{note}", note),
            None => SITE.emergency_configured.replace("{number}", number),
        }
    }

    /// The out-of-hours service: the clinic's own number, else its region's service.
    pub fn out_of_hours(&self) -> Option<(&str, &str)> {
        match (&self.out_of_hours_phone, self.region) {
            (Some(phone), _) => Some((crate::content::ui::call::OUT_OF_HOURS, phone)),
            (None, Some(region)) => Some((region.out_of_hours_name?, region.out_of_hours_phone?)),
            (None, None) => None,
        }
    }

    /// The missed-dose rules with the clinic's window, if it set one.
    pub fn missed_dose_rules(&self) -> baclofen_logic::missed_dose::Rules {
        let mut rules = MISSED_DOSE.rules;
        if let Some(window) = self.skip_window {
            // Longer than the content's (NHS) window only, never shorter (review M7).
            rules.skip_window = baclofen_logic::missed_dose::effective_skip_window(window, &rules);
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

    /// Whether the page height may be posted to this embedding origin: exact origin match
    /// (scheme, host and port) with an entry of `embed_origins`.
    pub fn embedder_allowed(&self, embedder: &str) -> bool {
        origin(embedder).is_some_and(|o| self.embed_origins.contains(&o))
    }
}

impl Settings {
    /// The footer's clinic line as the page shows it: "Riverside Neurology: 020 7946 0000. NHS
    /// 111: 111" (the name once), or `None` when nothing is set.
    pub fn footer_line(&self) -> Option<String> {
        let name = self.clinic_name.as_deref();
        let clinic = self.clinic_phone.as_deref();
        let mut line = match (name, clinic) {
            (None, None) => String::new(),
            (name, Some(phone)) => {
                format!("{}: {phone}", name.unwrap_or(crate::content::ui::call::YOUR_CLINIC_TITLE))
            }
            (Some(name), None) => name.to_string(),
        };
        if let Some((label, phone)) = self.out_of_hours() {
            let joiner = match (line.is_empty(), clinic.is_some()) {
                (true, _) => "",
                (false, true) => ". ",
                (false, false) => " · ",
            };
            line.push_str(&format!("{joiner}{label}: {phone}"));
        }
        (!line.is_empty()).then_some(line)
    }

    /// The accepted settings as `config.json` entries, cleaned (the clinic setup page's file).
    /// Reading them back gives the same settings.
    pub fn to_config(&self) -> Vec<(&'static str, RawValue)> {
        let text = |value: &Option<String>| value.clone().map(RawValue::Text);
        let origins = RawValue::List(self.embed_origins.iter().cloned().map(RawValue::Text).collect());
        [
            (CLINIC_NAME, text(&self.clinic_name)),
            (CLINIC_PHONE, text(&self.clinic_phone)),
            (OUT_OF_HOURS_PHONE, text(&self.out_of_hours_phone)),
            (EMERGENCY_NUMBER, text(&self.emergency_number)),
            (REGION, self.region.map(|r| RawValue::Text(r.id.to_string()))),
            (THRESHOLD, self.skip_window.map(|w| RawValue::Number(f64::from(w)))),
            (ACCENT, text(&self.accent)),
            (EMBED, self.embed.then_some(RawValue::Bool(true))),
            (EMBED_ORIGINS, (!self.embed_origins.is_empty()).then_some(origins)),
            (URL_SETTINGS, self.address_locked.then_some(RawValue::Bool(false))),
        ]
        .into_iter()
        .filter_map(|(key, value)| Some((key, value?)))
        .collect()
    }
}

/// "Call 999": the words on every call button (`content/ui.toml` `[call]`).
pub fn call_label(number: &str) -> String {
    crate::content::ui::call::CALL.replace("{number}", number)
}

/// `tel:` address for a phone number: `+` (if the number starts with one) and the digits,
/// nothing else, whatever the text holds.
pub fn tel_href(phone: &str) -> String {
    let plus = if phone.trim_start().starts_with('+') { "+" } else { "" };
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    format!("tel:{plus}{digits}")
}

/// The region a device's IANA time zone points to (`content/site.toml`, fact sheet §0c).
pub fn region_for_time_zone(zone: &str) -> Option<&'static Region> {
    REGIONS.iter().find(|region| zone_in(zone, region.time_zones))
}

/// Whether an IANA time zone is one of `patterns` (a zone, or `Area/*` for every zone of an area).
pub fn zone_in(zone: &str, patterns: &[&str]) -> bool {
    let zone = zone.trim();
    !zone.is_empty()
        && patterns.iter().any(|pattern| match pattern.strip_suffix('*') {
            Some(area) => {
                zone.len() > area.len()
                    && zone.get(..area.len()).is_some_and(|start| start.eq_ignore_ascii_case(area))
            }
            None => zone.eq_ignore_ascii_case(pattern),
        })
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
        match set(&mut self.settings, key, value, origin) {
            Err(message) if origin == Origin::File && key == EMERGENCY_NUMBER => {
                // The region's own number stays, with "or your local emergency number".
                self.settings.emergency_refused = true;
                self.notice(key, message);
            }
            Ok(()) => {
                if let (Origin::Address, RawValue::Text(text)) = (origin, value) {
                    self.settings.carried.retain(|(k, _)| *k != key);
                    self.settings.carried.push((key, text.clone()));
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
            // A typo in the file ("99", "00") or a link would otherwise put a number that reaches
            // no emergency service on every call button.
            if !regional_emergency_number(s, &number) {
                return Err(match origin {
                    Origin::File => EMERGENCY_NOT_REGIONAL,
                    Origin::Address => EMERGENCY_FROM_ADDRESS,
                });
            }
            s.emergency_number = Some(number);
            s.emergency_refused = false;
        }
        REGION => {
            let region = region(&text(value)?).ok_or(BAD_REGION)?;
            // From a link, a region could otherwise change the emergency number.
            if origin == Origin::Address && s.time_zone_region.map(|r| r.id) != Some(region.id) {
                return Err(REGION_FROM_ADDRESS);
            }
            s.region = Some(region);
        }
        THRESHOLD => s.skip_window = Some(whole_number(value).and_then(threshold).ok_or(BAD_THRESHOLD)?),
        ACCENT => s.accent = Some(accent(&text(value)?).ok_or(BAD_ACCENT)?),
        EMBED => s.embed = switch(value).ok_or(BAD_SWITCH)?,
        _ => s.embed_origins = origins(value).ok_or(BAD_ORIGINS)?,
    }
    Ok(())
}

/// An emergency number of the region whose numbers apply (fact sheet §0c); with no region, 112
/// only where it works (the EU/EEA and Switzerland), else none.
pub fn regional_emergency_number(s: &Settings, number: &str) -> bool {
    allowed_emergency_numbers(s).contains(&number)
}

/// The emergency numbers these settings' region allows: the clinic's region's (if it has a
/// number), else the device's time-zone region's, else 112 in the EU/EEA and Switzerland, else
/// none.
pub fn allowed_emergency_numbers(s: &Settings) -> Vec<&'static str> {
    match s.number_region() {
        Some(region) => {
            region.emergency_number.into_iter().chain(region.also_emergency.iter().copied()).collect()
        }
        None if s.zone_112 => vec![SITE.emergency_default_number],
        None => Vec::new(),
    }
}

/// A setting's name, safe and short enough to show to the web team.
fn display_key(key: &str) -> String {
    let clean: String = key.chars().filter(|c| !hidden(*c)).take(40).collect();
    if clean.is_empty() {
        crate::content::web_team::messages::NO_NAME.to_string()
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

/// A clinic's name: plain text without hidden formatting or angle brackets, and without a
/// number that could be taken for the number to call ("ignore 999, call 0909…", "Call 09 09 87
/// 90…", full-width or mathematical digits): more than two digits in all are refused
/// (`baclofen_logic::plain_text`). Runs of spaces collapse to one, as they would on screen.
fn clinic_name(text: &str) -> Option<String> {
    if text.chars().any(hidden) {
        return None;
    }
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    baclofen_logic::plain_text::name_ok(&collapsed, MAX_NAME_CHARS).then_some(collapsed)
}

/// A phone number as clinics type it, cleaned: "020-7946-0000", "+44 (0)20 7946 0000" (the
/// "(0)" trunk prefix is dropped only right after a country code of 1 to 3 digits: "+44 20 7946
/// 0000"), "(555) 123-4567", dots, spaces. Only ASCII digits, spaces, `-`, `.`, brackets around
/// digits, and `+` at the start; 3 to 15 digits; no other "(0)" and no "+(". The one normaliser
/// for the clinic setup page and the guide: cleaning what it returns changes nothing
/// (`phone(phone(x)) == phone(x)`), so the setup page's preview is what the guide shows.
pub fn phone(text: &str) -> Option<String> {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let cleaned = match collapsed.strip_prefix('+') {
        Some(rest) => {
            let code_len = rest.bytes().take_while(u8::is_ascii_digit).count();
            let after_code = rest[code_len..].trim_start();
            match after_code.strip_prefix("(0)") {
                Some(number) if (1..=3).contains(&code_len) => {
                    format!("+{} {}", &rest[..code_len], number.trim_start())
                }
                _ => collapsed.clone(),
            }
        }
        None => collapsed.clone(),
    };
    // Any "(0)" left is not right after a country code: a digit would silently go or stay.
    if cleaned.contains("(0)") || cleaned.starts_with("+(") {
        return None;
    }
    let body = cleaned.strip_prefix('+').unwrap_or(&cleaned);
    let mut open = false;
    let mut digits = 0;
    let mut in_brackets = 0;
    for c in body.chars() {
        match c {
            '0'..='9' => {
                digits += 1;
                in_brackets += 1;
            }
            ' ' | '-' | '.' if !open => {}
            '(' if !open => {
                open = true;
                in_brackets = 0;
            }
            ')' if open && in_brackets > 0 => open = false,
            _ => return None,
        }
    }
    let ends_well = body.ends_with(|c: char| c.is_ascii_digit());
    let starts_well = body.starts_with(|c: char| c.is_ascii_digit() || c == '(');
    (!open && ends_well && starts_well && (3..=15).contains(&digits)).then_some(cleaned)
}

fn emergency_number(text: &str) -> Option<String> {
    (text.chars().all(|c| c.is_ascii_digit()) && (2..=6).contains(&text.len())).then(|| text.to_string())
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

/// A web origin, parsed and written the one way browsers serialise it: `https://host[:port]`
/// (lower case, default port dropped), or `http://` only for exactly `localhost`, `127.0.0.1` or
/// `[::1]` (testing). Hosts are letters, digits and hyphens in dot-separated labels (IDNs in
/// their `xn--` form). So `http://localhost.evil.example` is not an origin here, and an origin
/// only ever equals itself.
pub fn origin(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    let (scheme, rest) = lower.split_once("://")?;
    let (host, port) = match rest.strip_prefix("[::1]") {
        Some(after) => ("[::1]", after),
        None => rest.split_at(rest.find(':').unwrap_or(rest.len())),
    };
    let port = match port.strip_prefix(':') {
        None if port.is_empty() => None,
        Some(p) if !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()) => {
            Some(p.parse::<u32>().ok().filter(|n| (1..=65_535).contains(n))?)
        }
        _ => return None,
    };
    let labels_ok = host.len() <= 253
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !label.starts_with('-')
                && !label.ends_with('-')
        });
    let local = matches!(host, "localhost" | "127.0.0.1" | "[::1]");
    let default_port = match scheme {
        "https" if labels_ok || local => 443,
        "http" if local => 80,
        _ => return None,
    };
    Some(match port {
        Some(port) if port != default_port => format!("{scheme}://{host}:{port}"),
        _ => format!("{scheme}://{host}"),
    })
}

/// The query's `key=value` pairs, percent-decoded (`+` is a space). A pair that is not valid
/// UTF-8 after decoding, or has a broken `%` escape, keeps its key (as far as it can be read) and
/// an `Err` value. (Strict on purpose: `form_urlencoded` would pass a broken escape through as
/// text and replace bad bytes, and a damaged setting must be refused with its reason.)
pub fn parse_query(query: &str) -> Vec<(String, Result<String, ()>)> {
    query_pairs(query).into_iter().map(|(key, value, _)| (key, value)).collect()
}

/// The phone settings: a literal "+" in their value from the address is refused (B9).
const PHONE_KEYS: [&str; 2] = [CLINIC_PHONE, OUT_OF_HOURS_PHONE];

/// [`parse_query`] with each pair's value as written in the address, before decoding.
fn query_pairs(query: &str) -> Vec<(String, Result<String, ()>, &str)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let key = percent_decode(key).unwrap_or_else(|()| key.to_string());
            (key, percent_decode(value), value)
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

    /// A page opened directly (not in a frame), on a device in UTC.
    fn direct<'a>(file: ConfigFile<'a>, query: &'a str) -> Inputs<'a> {
        Inputs { file, query, in_frame: false, time_zone: "UTC", embedder: None }
    }

    /// The clinic's own site, which embeds the guide.
    const EMBEDDER: &str = "https://clinic.example";

    /// A page inside a frame on [`EMBEDDER`].
    fn framed<'a>(file: ConfigFile<'a>, query: &'a str, time_zone: &'a str) -> Inputs<'a> {
        Inputs { file, query, in_frame: true, time_zone, embedder: Some(EMBEDDER) }
    }

    /// A file with `entries` that lists [`EMBEDDER`] in `embed_origins`.
    fn listing(entries: &[(&str, RawValue)]) -> Vec<(String, RawValue)> {
        let mut all = file(entries);
        all.push(("embed_origins".into(), RawValue::List(vec![text_value(EMBEDDER)])));
        all
    }

    fn messages(notices: &[Notice]) -> Vec<(&str, &str)> {
        notices.iter().map(|n| (n.setting.as_str(), n.message)).collect()
    }

    #[test]
    fn a_full_clinic_file_is_read() {
        let entries = file(&[
            ("_comment", text_value("for the web team")),
            ("clinic_name", text_value("  Riverside   Neurology ")),
            ("clinic_phone", text_value("+44 (0)20 7946 0000")),
            ("region", text_value("UK")),
            ("missed_dose_threshold", RawValue::Number(150.0)),
            ("accent", text_value("#005EB8")),
            ("embed", RawValue::Bool(true)),
            ("embed_origins", RawValue::List(vec![text_value("https://Clinic.Example:443")])),
        ]);
        let (settings, notices) = Settings::read(&direct(ConfigFile::Read(&entries), ""));
        assert_eq!(notices, vec![]);
        assert_eq!(settings.clinic_name.as_deref(), Some("Riverside Neurology"));
        assert_eq!(settings.clinic_phone.as_deref(), Some("+44 20 7946 0000"));
        assert_eq!(settings.call_number(), Some("999"));
        assert_eq!(settings.emergency_note(), None);
        assert_eq!(settings.region_id(), Some("uk"));
        assert_eq!(settings.crisis_line(), Some(("Samaritans", "116 123")));
        assert_eq!(settings.poisons_line(), Some(("NHS 111", "111")));
        assert_eq!(settings.out_of_hours(), Some(("NHS 111", "111")));
        assert_eq!(settings.emergency_sentence(), "In an emergency call 999.");
        assert_eq!(settings.missed_dose_rules().skip_window, 150);
        assert_eq!(settings.accent.as_deref(), Some("#005eb8"));
        assert!(settings.embed);
        assert_eq!(settings.embed_origins, vec!["https://clinic.example".to_string()]);
        assert_eq!(tel_href(settings.clinic_phone.as_deref().unwrap()), "tel:+442079460000");
    }

    /// Fact sheet §0c: a zone with no row, outside the EU/EEA, the UK and Switzerland, gets "call
    /// your local emergency number" and no number to dial.
    #[test]
    fn nothing_set_and_no_known_time_zone_guesses_no_number() {
        let (settings, notices) = Settings::read(&direct(ConfigFile::Read(&[]), ""));
        assert!(notices.is_empty());
        assert_eq!(settings.call_number(), None);
        assert_eq!(settings.emergency_sentence(), "In an emergency, call your local emergency number.");
        assert_eq!(settings.missed_dose_rules(), MISSED_DOSE.rules);
        assert_eq!(
            (settings.region_id(), settings.crisis_line(), settings.poisons_line()),
            (None, None, None)
        );
    }

    /// Fact sheet §0c, row by row: the number a device in each zone calls, and the note beside it.
    #[test]
    fn the_device_time_zone_chooses_the_emergency_number_from_the_fact_sheet() {
        let local = Some("or your local emergency number");
        let cases = [
            ("Europe/London", "999", local, Some("uk")),
            ("Europe/Belfast", "999", local, Some("uk")),
            ("Europe/Jersey", "999", local, Some("uk")),
            ("Europe/Guernsey", "999", local, Some("uk")),
            ("Europe/Isle_of_Man", "999", local, Some("uk")),
            ("Europe/Dublin", "112", Some("or 999"), Some("ie")),
            ("America/New_York", "911", local, Some("us")),
            ("America/Chicago", "911", local, Some("us")),
            ("America/Denver", "911", local, Some("us")),
            ("America/Los_Angeles", "911", local, Some("us")),
            ("America/Phoenix", "911", local, Some("us")),
            ("America/Anchorage", "911", local, Some("us")),
            ("Pacific/Honolulu", "911", local, Some("us")),
            ("America/Detroit", "911", local, Some("us")),
            ("America/Indiana/Indianapolis", "911", local, Some("us")),
            ("America/Kentucky/Louisville", "911", local, Some("us")),
            ("America/Boise", "911", local, Some("us")),
            ("America/Toronto", "911", local, Some("ca")),
            ("America/Vancouver", "911", local, Some("ca")),
            ("America/Edmonton", "911", local, Some("ca")),
            ("America/Winnipeg", "911", local, Some("ca")),
            ("America/Halifax", "911", local, Some("ca")),
            ("America/St_Johns", "911", local, Some("ca")),
            ("America/Regina", "911", local, Some("ca")),
            ("Australia/Sydney", "000", local, Some("au")),
            ("Australia/Perth", "000", local, Some("au")),
            ("Pacific/Auckland", "111", local, Some("nz")),
            ("Pacific/Chatham", "111", local, Some("nz")),
            // Japan (§0c, added 2026-12-07): 119, never 112.
            ("Asia/Tokyo", "119", local, Some("jp")),
            // No row, but in the EU/EEA or Switzerland: 112 works there.
            ("Europe/Paris", "112", local, None),
            ("Europe/Berlin", "112", local, None),
            ("Europe/Zurich", "112", local, None),
            ("Europe/Oslo", "112", local, None),
            ("Atlantic/Canary", "112", local, None),
        ];
        for (zone, number, note, region) in cases {
            let (settings, _) =
                Settings::read(&Inputs { time_zone: zone, ..direct(ConfigFile::Read(&[]), "") });
            assert_eq!(settings.call_number(), Some(number), "{zone}");
            assert_eq!(settings.emergency_note(), note, "{zone}");
            assert_eq!(settings.region_id(), region, "{zone}");
        }
        // No row and outside those countries: no number at all, and no button (§0c).
        for zone in [
            "America/Mexico_City",
            "Asia/Kolkata",
            "Europe/Moscow",
            "Europe/Istanbul",
            "Africa/Lagos",
            "America/Indianapolis_Fake",
            "Australia",
            "UTC",
            "",
        ] {
            let (settings, _) =
                Settings::read(&Inputs { time_zone: zone, ..direct(ConfigFile::Read(&[]), "") });
            assert_eq!(settings.call_number(), None, "{zone}");
            assert_eq!(settings.region_id(), None, "{zone}");
            assert_eq!(settings.emergency_sentence(), SITE.emergency_local, "{zone}");
        }
        let (london, _) =
            Settings::read(&Inputs { time_zone: "Europe/London", ..direct(ConfigFile::Read(&[]), "") });
        assert_eq!(london.emergency_sentence(), "In an emergency call 999 or your local emergency number.");
        assert_eq!(london.crisis_line(), Some(("Samaritans", "116 123")));
        // The time zone gives numbers, not the clinic's choices: no out-of-hours service, no
        // hidden country blocks.
        assert_eq!((london.region, london.out_of_hours()), (None, None));
        let (sydney, _) =
            Settings::read(&Inputs { time_zone: "Australia/Sydney", ..direct(ConfigFile::Read(&[]), "") });
        assert_eq!(sydney.crisis_line(), Some(("Lifeline", "13 11 14")));
        assert_eq!(sydney.poisons_line(), Some(("Poisons Information Centre", "13 11 26")));
        let (ny, _) =
            Settings::read(&Inputs { time_zone: "America/New_York", ..direct(ConfigFile::Read(&[]), "") });
        assert_eq!(ny.crisis_line(), Some(("988 Suicide & Crisis Lifeline", "988")));
        assert_eq!(ny.poisons_line(), Some(("Poison Help", "1-800-222-1222")));
        assert_eq!(tel_href(ny.poisons_line().unwrap().1), "tel:18002221222");
    }

    #[test]
    fn the_clinics_region_wins_over_the_time_zone() {
        let entries = file(&[("region", text_value("au"))]);
        let (settings, _) =
            Settings::read(&Inputs { time_zone: "Europe/London", ..direct(ConfigFile::Read(&entries), "") });
        assert_eq!((settings.call_number(), settings.region_id()), (Some("000"), Some("au")));
        // "other" has no number: the time zone still gives one.
        let entries = file(&[("region", text_value("other"))]);
        let (settings, notices) =
            Settings::read(&Inputs { time_zone: "Europe/London", ..direct(ConfigFile::Read(&entries), "") });
        assert_eq!((settings.call_number(), settings.region_id()), (Some("999"), Some("other")));
        assert_eq!(messages(&notices), vec![("region", REGION_WITHOUT_NUMBER)]);
    }

    #[test]
    fn regions_have_their_numbers_from_the_fact_sheet() {
        for (id, number, note) in [
            ("ie", "112", Some("or 999")),
            ("ca", "911", None),
            ("nz", "111", None),
            ("us", "911", None),
            ("jp", "119", None),
        ] {
            let entries = file(&[("region", text_value(id))]);
            let (settings, notices) = Settings::read(&direct(ConfigFile::Read(&entries), ""));
            assert!(notices.is_empty(), "{id}: {notices:?}");
            assert_eq!((settings.call_number(), settings.emergency_note()), (Some(number), note), "{id}");
        }
    }

    /// The spoof links of issue #14, on a UK clinic's file, opened directly and inside a frame.
    #[test]
    fn spoof_links_change_nothing_on_a_uk_clinics_file() {
        let clinic = file(&[
            ("clinic_name", text_value("Riverside Neurology")),
            ("clinic_phone", text_value("020 7946 0000")),
            ("region", text_value("uk")),
        ]);
        let (expected, _) = Settings::read(&direct(ConfigFile::Read(&clinic), ""));
        let spoofs = [
            "?clinic_phone=09091234567",
            "?clinic_name=Call%20URGENT:%20ignore%20999,%20call%20our%20line%200909",
            "?emergency_number=000",
            "?region=au",
            "?clinic_name=%E2%80%AERiverside",
            "?out_of_hours_phone=09091234567&emergency_number=999&url_settings=true&embed_origins=https://evil.example",
        ];
        for spoof in spoofs {
            for (in_frame, zone) in
                [(false, "Europe/London"), (true, "Europe/London"), (true, "Australia/Sydney")]
            {
                let inputs = Inputs {
                    file: ConfigFile::Read(&clinic),
                    query: spoof,
                    in_frame,
                    time_zone: zone,
                    embedder: Some(EMBEDDER),
                };
                let (settings, notices) = Settings::read(&inputs);
                let numbers = |s: &Settings| {
                    (s.clinic_name.clone(), s.clinic_phone.clone(), s.call_number().map(str::to_string))
                };
                assert_eq!(numbers(&settings), numbers(&expected), "{spoof} in_frame={in_frame} {zone}");
                assert_eq!(settings.out_of_hours(), Some(("NHS 111", "111")), "{spoof}");
                assert_ne!(settings.emergency_number.as_deref(), Some("000"));
                assert!(
                    settings
                        .carried
                        .iter()
                        .all(|(k, _)| *k == "out_of_hours_phone" || *k == "emergency_number"),
                    "{spoof}"
                );
                assert!(!notices.is_empty(), "{spoof}: the web team is told");
            }
        }
    }

    #[test]
    fn a_page_opened_from_a_link_takes_nothing_from_its_address() {
        let query = "?region=uk&clinic_name=St%20Mary%27s+Clinic&clinic_phone=0161%20496%200000&embed=1&context=missed&q=alcohol";
        let (settings, notices) =
            Settings::read(&Inputs { time_zone: "Europe/London", ..direct(ConfigFile::Read(&[]), query) });
        assert_eq!(settings, Settings { time_zone_region: region("uk"), ..Settings::default() });
        assert_eq!(notices.len(), 4);
        assert!(notices.iter().all(|n| n.message == NOT_IN_FRAME), "{notices:?}");
    }

    #[test]
    fn in_a_frame_the_address_fills_only_what_the_file_leaves_unset() {
        let entries = listing(&[("accent", text_value("#005eb8"))]);
        let query = "?region=uk&clinic_name=St%20Mary%27s+Clinic&clinic_phone=0161%20496%200000&accent=%23000000&embed=1&context=missed";
        let (settings, notices) = Settings::read(&framed(ConfigFile::Read(&entries), query, "Europe/London"));
        assert_eq!(messages(&notices), vec![("accent", SET_IN_FILE)]);
        assert_eq!(settings.clinic_name.as_deref(), Some("St Mary's Clinic"));
        assert_eq!(settings.clinic_phone.as_deref(), Some("0161 496 0000"));
        assert_eq!(settings.call_number(), Some("999"));
        assert!(settings.embed);
        assert_eq!(
            settings.carried_query(),
            "region=uk&clinic_name=St%20Mary%27s%20Clinic&clinic_phone=0161%20496%200000&embed=1"
        );
    }

    /// Attack review B1: a framing page adds nothing to a contact block the file set in part,
    /// and a site the file does not list sets nothing at all.
    #[test]
    fn a_framing_page_adds_nothing_to_the_clinics_contacts() {
        let partial = [
            vec![
                ("clinic_name", text_value("Riverside Neurology")),
                ("clinic_phone", text_value("020 7946 0000")),
            ],
            vec![("clinic_name", text_value("Riverside Neurology"))],
            vec![("out_of_hours_phone", text_value("0161 496 0000"))],
        ];
        let query =
            "embed=1&clinic_name=Evil&clinic_phone=0909%20879%200555&out_of_hours_phone=0909%20879%200555";
        for entries in partial {
            let listed = listing(&entries);
            let (settings, notices) =
                Settings::read(&framed(ConfigFile::Read(&listed), query, "Europe/London"));
            let (alone, _) = Settings::read(&framed(ConfigFile::Read(&listed), "", "Europe/London"));
            assert_eq!(
                (&settings.clinic_name, &settings.clinic_phone, &settings.out_of_hours_phone),
                (&alone.clinic_name, &alone.clinic_phone, &alone.out_of_hours_phone),
                "{entries:?}"
            );
            assert!(settings.embed, "other settings still fill gaps");
            assert_eq!(notices.iter().filter(|n| n.message == CONTACT_IN_FILE).count(), 3, "{notices:?}");
        }
        // The review's file: embed_origins lists the clinic, the frame is on another site.
        let clinic = file(&[
            ("clinic_name", text_value("Riverside Neurology")),
            ("embed_origins", RawValue::List(vec![text_value("https://www.riverside-neuro.example")])),
        ]);
        for embedder in [Some("http://evil.test:8702"), None] {
            let inputs = Inputs {
                embedder,
                ..framed(ConfigFile::Read(&clinic), "embed=1&region=uk&accent=%23000000", "Europe/London")
            };
            let (settings, notices) = Settings::read(&inputs);
            let (alone, _) = Settings::read(&Inputs { query: "", ..inputs });
            assert_eq!(settings, alone, "{embedder:?}");
            assert!(notices.iter().all(|n| n.message == EMBEDDER_NOT_ALLOWED), "{notices:?}");
        }
        // No embed_origins at all: no site is listed, so the address sets nothing.
        let (settings, notices) =
            Settings::read(&framed(ConfigFile::Read(&[]), "clinic_phone=0909%20879%200555", "Europe/London"));
        assert_eq!(settings.clinic_phone, None);
        assert_eq!(messages(&notices), vec![("clinic_phone", EMBEDDER_NOT_ALLOWED)]);
    }

    /// Attack review B9: a "+" written as it is in an address reads as a space; the number is
    /// refused rather than shown without its country code.
    #[test]
    fn a_literal_plus_in_an_address_phone_is_refused() {
        let listed = listing(&[]);
        let (settings, notices) = Settings::read(&framed(
            ConfigFile::Read(&listed),
            "clinic_phone=+44+20+7946+0000",
            "Europe/London",
        ));
        assert_eq!(settings.clinic_phone, None);
        assert_eq!(messages(&notices), vec![("clinic_phone", PLUS_IN_ADDRESS)]);
        let (settings, _) = Settings::read(&framed(
            ConfigFile::Read(&listed),
            "clinic_phone=%2B44%2020%207946%200000",
            "Europe/London",
        ));
        assert_eq!(settings.clinic_phone.as_deref(), Some("+44 20 7946 0000"));
    }

    /// Attack review B14: config.json's emergency number must be one of the region's own
    /// (§0c), or the time-zone region's when no region is set; anything else is refused, and
    /// the guide keeps the region's number with "or your local emergency number".
    #[test]
    fn an_emergency_number_in_the_file_must_be_the_regions_own() {
        type Case<'a> = (&'a [(&'a str, &'a str)], &'a str, Option<&'a str>);
        let cases: [Case; 12] = [
            (&[("emergency_number", "99"), ("region", "uk")], "UTC", None),
            (&[("region", "uk"), ("emergency_number", "911")], "UTC", None),
            (&[("emergency_number", "00")], "Europe/London", None),
            (&[("emergency_number", "0999"), ("region", "uk")], "UTC", None),
            (&[("emergency_number", "12"), ("region", "au")], "UTC", None),
            (&[("emergency_number", "112")], "Asia/Tokyo", None),
            (&[("emergency_number", "999")], "UTC", None),
            (&[("emergency_number", "999"), ("region", "uk")], "Australia/Sydney", Some("999")),
            (&[("emergency_number", "112"), ("region", "uk")], "UTC", Some("112")),
            (&[("emergency_number", "999"), ("region", "ie")], "UTC", Some("999")),
            (&[("emergency_number", "119")], "Asia/Tokyo", Some("119")),
            (&[("emergency_number", "112")], "Europe/Paris", Some("112")),
        ];
        for (entries, zone, accepted) in cases {
            let entries: Vec<(String, RawValue)> =
                entries.iter().map(|(k, v)| (k.to_string(), text_value(v))).collect();
            let inputs = Inputs { time_zone: zone, ..direct(ConfigFile::Read(&entries), "") };
            let (settings, notices) = Settings::read(&inputs);
            assert_eq!(settings.emergency_number.as_deref(), accepted, "{entries:?} {zone}");
            if accepted.is_none() {
                assert_eq!(
                    messages(&notices),
                    vec![("emergency_number", EMERGENCY_NOT_REGIONAL)],
                    "{entries:?}"
                );
                assert!(settings.emergency_refused);
                // The region's own number stays, or none where no number applies; never the typo.
                let region_number = settings.number_region().and_then(|r| r.emergency_number);
                assert_eq!(settings.call_number(), region_number, "{entries:?} {zone}");
                if let Some(number) = region_number {
                    assert_eq!(
                        settings.emergency_sentence(),
                        format!("In an emergency call {number} or your local emergency number."),
                        "{entries:?}"
                    );
                }
            } else {
                assert!(notices.is_empty(), "{notices:?}");
                assert_eq!(settings.call_number(), accepted);
            }
        }
    }

    #[test]
    fn an_emergency_number_or_region_from_the_address_must_be_the_regions_own() {
        let listed = listing(&[]);
        let empty = ConfigFile::Read(&listed);
        let cases = [
            ("emergency_number=112", "Europe/London", Some("112")),
            ("emergency_number=999", "Europe/London", Some("999")),
            ("emergency_number=000", "Europe/London", None),
            ("emergency_number=911", "Europe/London", None),
            ("emergency_number=999", "Europe/Dublin", Some("999")),
            ("emergency_number=000", "Australia/Sydney", Some("000")),
            ("emergency_number=112", "Asia/Tokyo", None),
            ("emergency_number=999", "Asia/Tokyo", None),
            ("emergency_number=119", "Asia/Tokyo", Some("119")),
            ("emergency_number=112", "Europe/Paris", Some("112")),
            ("emergency_number=112", "Asia/Kolkata", None),
        ];
        for (query, zone, accepted) in cases {
            let (settings, _) = Settings::read(&framed(empty, query, zone));
            assert_eq!(settings.emergency_number.as_deref(), accepted, "{query} {zone}");
        }
        let (settings, notices) = Settings::read(&framed(empty, "region=au", "Europe/London"));
        assert_eq!((settings.call_number(), settings.region), (Some("999"), None));
        assert_eq!(messages(&notices), vec![("region", REGION_FROM_ADDRESS)]);
        let (settings, notices) = Settings::read(&framed(empty, "region=uk", "Europe/London"));
        assert_eq!((settings.region_id(), notices.len()), (Some("uk"), 0));
        assert_eq!(settings.out_of_hours(), Some(("NHS 111", "111")));
        // The file's region decides, not the time zone.
        let uk = listing(&[("region", text_value("uk"))]);
        let (settings, _) =
            Settings::read(&framed(ConfigFile::Read(&uk), "emergency_number=000", "Australia/Sydney"));
        assert_eq!(settings.call_number(), Some("999"));
    }

    #[test]
    fn when_config_json_cannot_be_read_the_saved_copy_is_used_or_the_address_refused() {
        let clinic = listing(&[("clinic_phone", text_value("020 7946 0000")), ("region", text_value("uk"))]);
        let spoof = "clinic_phone=09091234567&clinic_name=Spoof&emergency_number=112&accent=%23005eb8";
        // A saved copy: the clinic's numbers, the address still fills only unset values.
        let (settings, notices) = Settings::read(&framed(ConfigFile::Saved(&clinic), spoof, "UTC"));
        assert_eq!(
            (settings.clinic_phone.as_deref(), settings.call_number()),
            (Some("020 7946 0000"), Some("999"))
        );
        assert_eq!(settings.clinic_name, None, "the contacts are one group");
        assert_eq!(settings.accent.as_deref(), Some("#005eb8"));
        assert_eq!(messages(&notices)[..2], [("config.json", SAVED_COPY), ("clinic_phone", CONTACT_IN_FILE)]);
        // No copy (HTTP error, no answer in time): no number guessed in UTC, address refused.
        for (state, first) in [(ConfigFile::Unreadable, UNREADABLE), (ConfigFile::NotAnObject, BAD_FILE)] {
            let (settings, notices) = Settings::read(&framed(state, spoof, "UTC"));
            assert_eq!(settings, Settings::default(), "{state:?}");
            assert_eq!(settings.emergency_sentence(), SITE.emergency_local);
            assert_eq!(messages(&notices)[0], ("config.json", first));
            assert!(notices[1..].iter().all(|n| n.message == NO_FILE), "{notices:?}");
        }
    }

    #[test]
    fn invalid_values_are_ignored_with_a_notice_each() {
        let query = "clinic_name=%3Cscript%3E&clinic_phone=javascript:alert(1)&emergency_number=12345&\
                     region=mars&missed_dose_threshold=600&accent=%23ffff00&embed=maybe&embed_origins=x&colour=red&bad=%ZZ";
        let listed = listing(&[]);
        let (settings, notices) = Settings::read(&framed(ConfigFile::Read(&listed), query, "UTC"));
        assert_eq!(settings, Settings { embed_origins: vec![EMBEDDER.into()], ..Settings::default() });
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
        let (settings, notices) =
            Settings::read(&framed(ConfigFile::Read(&entries), "region=uk&context=pump", "Europe/London"));
        assert_eq!(settings.call_number(), Some("112"));
        assert_eq!(notices, vec![Notice { setting: "region".into(), message: ADDRESS_OFF }]);
    }

    #[test]
    fn unknown_names_are_told_to_the_web_team_only() {
        let (_, notices) = Settings::read(&direct(ConfigFile::Read(&[]), "colour=red&%E2%80%AEevil=1"));
        assert_eq!(messages(&notices), vec![("colour", UNKNOWN), ("evil", UNKNOWN)]);
        assert!(notices.iter().all(Notice::is_unknown_name));
        assert_eq!(
            notices[0].console_line(),
            "Baclofen guide settings: colour is not a setting this guide knows. (see clinic-setup/)"
        );
        assert_eq!(notices[0].words(), "is not a setting this guide knows.");
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

    /// Origins as browsers serialise them (RFC 6454 §6.2): scheme, host and port, compared whole.
    #[test]
    fn origins_are_exact_web_origins() {
        assert_eq!(origin("https://Clinic.Example").as_deref(), Some("https://clinic.example"));
        assert_eq!(origin("https://clinic.example:443").as_deref(), Some("https://clinic.example"));
        assert_eq!(origin("https://clinic.example:8443").as_deref(), Some("https://clinic.example:8443"));
        assert_eq!(origin("http://127.0.0.1:8081").as_deref(), Some("http://127.0.0.1:8081"));
        assert_eq!(origin("http://localhost").as_deref(), Some("http://localhost"));
        assert_eq!(origin("http://localhost:80").as_deref(), Some("http://localhost"));
        assert_eq!(origin("http://[::1]:3000").as_deref(), Some("http://[::1]:3000"));
        for bad in [
            "http://clinic.example",
            "http://localhost.evil.example",
            "http://127.0.0.1.evil.example",
            "http://localhostevil.example",
            "https://clinic.example/",
            "https://clinic.example/path",
            "https://*.example",
            "https://clinic..example",
            "https://-clinic.example",
            "https://user@clinic.example",
            "javascript:x",
            "https://",
            "https://a:99999",
            "https://a:0",
            "https://a:",
            "ftp://clinic.example",
        ] {
            assert_eq!(origin(bad), None, "{bad}");
        }
        let settings = Settings { embed_origins: vec!["http://localhost".into()], ..Settings::default() };
        assert!(settings.embedder_allowed("http://localhost"));
        assert!(settings.embedder_allowed("http://localhost:80"));
        assert!(!settings.embedder_allowed("http://localhost.evil.example"));
        assert!(!settings.embedder_allowed("http://localhost:8080"));
        assert!(!settings.embedder_allowed("https://localhost"));
        assert!(!settings.embedder_allowed("null"));
    }

    /// Formats clinics type (issue #14): cleaned for display, dialled as digits and a leading +.
    #[test]
    fn phone_formats_are_normalised_and_letters_rejected() {
        let cases = [
            ("020-7946-0000", "020-7946-0000", "tel:02079460000"),
            ("+44 (0)20 7946 0000", "+44 20 7946 0000", "tel:+442079460000"),
            ("+44(0)20 7946 0000", "+44 20 7946 0000", "tel:+442079460000"),
            ("+353 (0)1 234 5678", "+353 1 234 5678", "tel:+35312345678"),
            ("+1 (0)800 222 1222", "+1 800 222 1222", "tel:+18002221222"),
            ("(555) 123-4567", "(555) 123-4567", "tel:5551234567"),
            ("555.123.4567", "555.123.4567", "tel:5551234567"),
            ("  0161   496 0000 ", "0161 496 0000", "tel:01614960000"),
            ("+1 800 222 1222", "+1 800 222 1222", "tel:+18002221222"),
            ("1-800-222-1222", "1-800-222-1222", "tel:18002221222"),
            ("111", "111", "tel:111"),
        ];
        for (typed, shown, href) in cases {
            let cleaned = phone(typed);
            assert_eq!(cleaned.as_deref(), Some(shown), "{typed}");
            assert_eq!(tel_href(shown), href, "{typed}");
        }
        for bad in [
            "12",
            "+",
            "1+2345",
            "call 999",
            "tel:999",
            "1-800-FDA-1088",
            "0800 CLINIC",
            "1234567890123456",
            "(555 123-4567",
            "555) 123-4567",
            "((555)) 123",
            "() 123 4567",
            "020 7946 0000 ext 12",
            "\u{202E}0000 6497 020",
            "020\u{200B}7946\u{200B}0000",
            "０２０ ７９４６ ００００",
            "020 7946 0000-",
            "-020 7946 0000",
            // Attack review B20: "(0)" only right after the country code, never a "+(".
            "+44 (0)20 7946 (0)000",
            "+353 (0)1 (0)23 4567",
            "+44 (0)(0)20 7946 0000",
            "+44 20 7946 (0)000",
            "+(0)20 7946 0000",
            "+4420 (0)7946 0000",
            "(0)20 7946 0000",
        ] {
            assert_eq!(phone(bad), None, "{bad:?}");
        }
        // One normaliser: cleaning what it gave changes nothing, so the setup page's preview (from
        // the typed text) and the guide (from the file the page wrote) show and dial the same.
        for typed in ["+44 (0)20 7946 0000", "+44(0)20 7946 0000", "  0161   496 0000 ", "(555) 123-4567"] {
            let once = phone(typed).unwrap();
            assert_eq!(phone(&once).as_deref(), Some(once.as_str()), "{typed}");
        }
        // Whatever text reaches it, a tel: address holds only + and digits.
        assert_eq!(tel_href("javascript:alert(1)//+999"), "tel:1999");
        assert_eq!(tel_href("\u{202E}+44 20"), "tel:4420");
    }

    #[test]
    fn names_with_hidden_formatting_or_a_phone_number_are_rejected() {
        assert_eq!(clinic_name("Smith & Jones").as_deref(), Some("Smith & Jones"));
        assert_eq!(clinic_name("مستشفى الشفاء").as_deref(), Some("مستشفى الشفاء"));
        assert_eq!(clinic_name("Clinic 24").as_deref(), Some("Clinic 24"));
        assert_eq!(clinic_name(""), None);
        assert_eq!(clinic_name("<b>x</b>"), None);
        assert_eq!(clinic_name(&"a".repeat(81)), None);
        assert_eq!(clinic_name("Call URGENT: ignore 999, call our line 0909"), None);
        // Attack review B2: digits counted in every script and however they are spaced.
        for number in [
            "Call 09 09 87 90 55 5 now, not",
            "Riverside 09 09 87 90 55 5",
            "Riverside ０９０９ ８７９ ０５５５",
            "Riverside 𝟎𝟗𝟎𝟗 𝟖𝟕𝟗",
            "Riverside 0-9-0",
        ] {
            assert_eq!(clinic_name(number), None, "{number}");
        }
        for control in [
            '\u{200E}',
            '\u{200F}',
            '\u{202A}',
            '\u{202B}',
            '\u{202C}',
            '\u{202D}',
            '\u{202E}',
            '\u{2066}',
            '\u{2067}',
            '\u{2068}',
            '\u{2069}',
            '\u{061C}',
            '\u{200B}',
            '\u{200C}',
            '\u{200D}',
            '\u{2060}',
            '\u{FEFF}',
            '\u{00AD}',
            '\u{E0041}',
            '\u{2028}',
            '\u{0007}',
        ] {
            assert!(hidden(control), "{:04X}", control as u32);
            assert_eq!(clinic_name(&format!("Riverside{control}Clinic")), None, "{:04X}", control as u32);
        }
        for visible in ['a', 'é', 'ش', '你', ' ', '-', '😀'] {
            assert!(!hidden(visible), "{visible}");
        }
    }
}
