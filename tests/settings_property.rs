//! Property test for everything the guide reads from outside: `config.json` entries, address
//! parameters, whether the page is framed, the device's time zone, and the dose times stored on
//! the device. Generated inputs mixing valid values, near misses, spoofs and junk: no panic,
//! nothing unsafe accepted, every ignored setting named in a notice, and the trust rules of
//! issue #14 (the clinic's file wins; the address only fills gaps inside a frame; emergency
//! numbers only from the effective region; no hidden formatting characters; `tel:` only digits).

#![cfg(not(target_arch = "wasm32"))]

use baclofen_guide::missed_dose::device;
use baclofen_guide::settings::{
    hidden, parse_query, region_for_time_zone, tel_href, ConfigFile, Inputs, Notice, RawValue, Settings,
    MAX_NOTICES,
};

use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::{Config, TestRunner};
use std::cell::Cell;

/// Runs `check` on `cases` generated inputs; a failure is shrunk to the smallest input that
/// still fails, and printed.
fn check_all<S: Strategy>(cases: u32, strategy: S, check: impl Fn(S::Value)) {
    let config = Config { cases, failure_persistence: None, ..Config::default() };
    let result = TestRunner::new(config).run(&strategy, |value| {
        check(value);
        Ok(())
    });
    if let Err(failure) = result {
        panic!("{failure}");
    }
}

const KEYS: [&str; 15] = [
    "clinic_name",
    "clinic_phone",
    "out_of_hours_phone",
    "emergency_number",
    "region",
    "missed_dose_threshold",
    "accent",
    "embed",
    "embed_origins",
    "url_settings",
    "Region",
    "colour",
    "",
    "context",
    "%E2%80%AEevil",
];

const PIECES: [&str; 44] = [
    "\u{202E}",
    "\u{200F}Clinic",
    "Riverside\u{2066}Clinic",
    "\u{200B}999",
    "020-7946-0000",
    "+44 (0)20 7946 0000",
    "(555) 123-4567",
    "1-800-FDA-1088",
    "09091234567",
    "Call URGENT: ignore 999, call our line 0909",
    "999",
    "911",
    "000",
    "112",
    "111",
    "12345",
    "+44 20 7946 0000",
    "0161 496 0000",
    "uk",
    "IE",
    "us",
    "ca",
    "au",
    "nz",
    "other",
    "mars",
    "120",
    "60",
    "180",
    "59",
    "181",
    "-1",
    "#005eb8",
    "#ffff00",
    "#zzzzzz",
    "true",
    "false",
    "1",
    "0",
    "<script>alert(1)</script>",
    "javascript:alert(1)",
    "Riverside Clinic",
    "\u{0}\u{7}",
    "é😀",
];

const ZONES: [&str; 15] = [
    "Europe/London",
    "Europe/Dublin",
    "America/New_York",
    "America/Indiana/Knox",
    "America/Toronto",
    "Australia/Sydney",
    "Pacific/Auckland",
    "Asia/Tokyo",
    "UTC",
    "",
    "Europe/Jersey",
    "x/\u{202E}",
    "Europe/Paris",
    "Asia/Kolkata",
    "Europe/Zurich",
];

/// Who embeds the page: the clinic (listed in the generated files' `embed_origins` when they
/// list one), another site, a sandboxed frame, or the browser cannot tell.
const EMBEDDERS: [Option<&str>; 4] =
    [Some("https://clinic.example"), Some("http://evil.test:8702"), Some("null"), None];

fn piece() -> impl Strategy<Value = String> + Clone {
    select(&PIECES[..]).prop_map(str::to_string)
}

/// A vocabulary piece, two run together, any characters, or a piece with spaces around it.
fn random_text() -> impl Strategy<Value = String> + Clone {
    prop_oneof![
        piece(),
        (piece(), piece()).prop_map(|(a, b)| format!("{a}{b}")),
        proptest::collection::vec(proptest::char::range('\0', '\u{2fff}'), 0..30)
            .prop_map(|chars| chars.into_iter().collect()),
        piece().prop_map(|p| format!(" {p} ")),
    ]
}

fn text_value(choices: &'static [&'static str]) -> BoxedStrategy<RawValue> {
    select(choices).prop_map(|t| RawValue::Text(t.to_string())).boxed()
}

/// A value a clinic might really write for `key` (valid, or a typical mistake).
fn plausible(key: &str) -> BoxedStrategy<RawValue> {
    match key {
        "clinic_name" => {
            text_value(&["Riverside Neurology", "St Mary's", "\u{202E}Clinic", "Clinic 0909 123"])
        }
        "clinic_phone" | "out_of_hours_phone" => {
            text_value(&["020-7946-0000", "+44 (0)20 7946 0000", "(555) 123-4567", "0800 CLINIC"])
        }
        "emergency_number" => text_value(&["999", "911", "000", "112", "119", "9-9-9"]),
        "region" => text_value(&["uk", "ie", "us", "ca", "au", "nz", "other", "eu"]),
        "missed_dose_threshold" => {
            select(&[60.0, 120.0, 180.0, 240.0][..]).prop_map(RawValue::Number).boxed()
        }
        "accent" => text_value(&["#005eb8", "#2d5a27", "#ffff00"]),
        "embed_origins" => {
            select(&["https://clinic.example", "http://localhost:8081", "http://localhost.evil.example"][..])
                .prop_map(|o| RawValue::List(vec![RawValue::Text(o.to_string())]))
                .boxed()
        }
        _ => any::<bool>().prop_map(RawValue::Bool).boxed(),
    }
}

const NUMBERS: [f64; 9] = [0.0, 1.0, 60.0, 120.0, 180.0, 90.5, -5.0, 1e300, f64::NAN];

/// Anything JSON can hold: text, numbers (NaN and huge too), booleans, short lists, and the rest.
fn random_value() -> BoxedStrategy<RawValue> {
    let leaf = prop_oneof![
        2 => random_text().prop_map(RawValue::Text),
        1 => select(&NUMBERS[..]).prop_map(RawValue::Number),
        1 => any::<bool>().prop_map(RawValue::Bool),
    ];
    prop_oneof![
        4 => leaf.clone(),
        1 => proptest::collection::vec(leaf, 0..4).prop_map(RawValue::List),
        1 => Just(RawValue::Other),
    ]
    .boxed()
}

/// One `config.json` entry: a known, mistyped or junk name, with a plausible or junk value.
fn random_entry() -> impl Strategy<Value = (String, RawValue)> {
    select(&KEYS[..])
        .prop_flat_map(|key| (Just(key.to_string()), prop_oneof![plausible(key), random_value()]))
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

/// An address query: up to five settings, some malformed, some well-formed.
fn random_query() -> impl Strategy<Value = String> {
    let value = prop_oneof![
        1 => Just("%3Cb%3E".to_string()),
        1 => Just("%ZZ%".to_string()),
        1 => Just("%C3%28".to_string()), // not UTF-8
        1 => random_text().prop_map(|t| t.replace(['&', '#'], "")),
        // Well-formed, as a link or an embedding page would write it.
        2 => piece().prop_map(|p| encode(&p)),
    ];
    (any::<bool>(), proptest::collection::vec((select(&KEYS[..]), value), 0..6)).prop_map(|(mark, pairs)| {
        let pairs: Vec<String> = pairs.into_iter().map(|(key, value)| format!("{key}={value}")).collect();
        format!("{}{}", if mark { "?" } else { "" }, pairs.join("&"))
    })
}

/// What no accepted setting may ever hold, and what no page may ever show, whatever came in.
fn assert_safe(settings: &Settings, notices: &[Notice], input: &str) {
    let phone_ok =
        |p: &str| p.trim_start_matches('+').chars().all(|c| c.is_ascii_digit() || " -.()".contains(c));
    for phone in [&settings.clinic_phone, &settings.out_of_hours_phone].into_iter().flatten() {
        assert!(phone_ok(phone), "phone {phone:?} from {input}");
    }
    if let Some(number) = &settings.emergency_number {
        assert!(number.chars().all(|c| c.is_ascii_digit()), "emergency {number:?} from {input}");
    }
    assert!(settings.call_number().is_none_or(|n| n.chars().all(|c| c.is_ascii_digit())));
    if let Some(name) = &settings.clinic_name {
        assert!(!name.contains(['<', '>']), "name {name:?}");
        assert!(name.chars().count() <= 80);
    }
    // tel: addresses hold + (first only) and digits, nothing else.
    let lines = [settings.crisis_line(), settings.poisons_line(), settings.out_of_hours()];
    let phones = [settings.clinic_phone.as_deref(), settings.call_number()]
        .into_iter()
        .flatten()
        .chain(lines.iter().flatten().map(|(_, phone)| *phone));
    for phone in phones {
        let href = tel_href(phone);
        let dial = href.strip_prefix("tel:").unwrap();
        let dial = dial.strip_prefix('+').unwrap_or(dial);
        assert!(!dial.is_empty() && dial.chars().all(|c| c.is_ascii_digit()), "{href} from {input}");
    }
    // Nothing shown, to patients or the web team, holds a bidi or other format control.
    let shown = [
        settings.clinic_name.clone().unwrap_or_default(),
        settings.emergency_sentence(),
        settings.emergency_note().unwrap_or_default().to_string(),
    ];
    let labels = lines.iter().flatten().map(|(name, _)| name.to_string());
    let notes = notices.iter().map(Notice::console_line);
    for text in shown.into_iter().chain(labels).chain(notes) {
        assert!(!text.chars().any(hidden), "{text:?} from {input}");
    }
    if let Some(accent) = &settings.accent {
        assert!(accent.len() == 7 && accent.starts_with('#'), "accent {accent:?}");
    }
    if let Some(window) = settings.skip_window {
        assert!((60..=180).contains(&window), "window {window}");
    }
    for origin in &settings.embed_origins {
        assert!(origin.starts_with("https://") || origin.starts_with("http://"), "origin {origin}");
        let host = origin.split_once("://").map_or("", |(_, host)| host);
        assert!(!host.is_empty() && !host.contains(['/', '<', '"', ' ']), "origin {origin}");
    }
    assert!(!settings.carried_query().contains(['<', '>', '"', ' ', '#']), "carried {:?}", settings.carried);
}

#[test]
fn ten_thousand_config_files_never_panic_and_every_ignored_setting_is_named() {
    let (accepted, ignored) = (Cell::new(0), Cell::new(0));
    let read = |entries: &[(String, RawValue)]| {
        Settings::read(&Inputs {
            file: ConfigFile::Read(entries),
            query: "",
            in_frame: false,
            time_zone: "UTC",
            embedder: None,
        })
    };
    check_all(10_000, proptest::collection::vec(random_entry(), 0..5), |entries| {
        let (settings, notices) = read(&entries);
        assert_safe(&settings, &notices, &format!("{entries:?}"));
        assert!(notices.len() <= MAX_NOTICES);
        assert!(notices.iter().all(|n| !n.message.is_empty()));
        // Each entry alone: accepted silently, or ignored with exactly one notice naming it.
        for entry in &entries {
            let (alone, notices) = read(std::slice::from_ref(entry));
            let region_without_number = alone.region.is_some_and(|r| r.emergency_number.is_none());
            match notices.as_slice() {
                [] => accepted.set(accepted.get() + usize::from(alone != Settings::default())),
                [notice] if region_without_number => assert_eq!(notice.setting, "region"),
                [notice] => {
                    ignored.set(ignored.get() + 1);
                    // (A refused emergency number leaves only its mark: "or your local emergency number".)
                    let alone = Settings { emergency_refused: false, ..alone };
                    assert_eq!(alone, Settings::default(), "{entry:?} was ignored but changed something");
                    let shown = if entry.0.is_empty() { "(no name)" } else { entry.0.as_str() };
                    assert_eq!(notice.setting, shown, "{entry:?}");
                }
                more => panic!("{entry:?} gave {more:?}"),
            }
        }
    });
    // The generator must reach both sides, or the checks above prove nothing.
    let (accepted, ignored) = (accepted.get(), ignored.get());
    assert!(accepted > 1_000 && ignored > 1_000, "accepted {accepted}, ignored {ignored}");
}

/// Fact sheet §0c, written out here (not read from the code): each region's emergency numbers.
const EMERGENCY: [(&str, &[&str]); 7] = [
    ("uk", &["999", "112"]),
    ("ie", &["112", "999"]),
    ("us", &["911"]),
    ("ca", &["911"]),
    ("au", &["000"]),
    ("nz", &["111"]),
    ("jp", &["119"]),
];

/// The emergency numbers the effective region allows (fact sheet §0c): the file's region if it
/// has a number, else the device's time-zone region; with neither, 112 in the EU/EEA and
/// Switzerland (of the zones generated here: Paris, Zurich), else none at all.
fn allowed_numbers(file_alone: &Settings, zone: &str) -> Vec<&'static str> {
    let region = file_alone.region.filter(|r| r.id != "other").or(file_alone.time_zone_region);
    match region {
        Some(region) => EMERGENCY.iter().find(|(id, _)| *id == region.id).map_or(vec![], |(_, n)| n.to_vec()),
        None if ["Europe/Paris", "Europe/Zurich"].contains(&zone) => vec!["112"],
        None => vec![],
    }
}

#[test]
fn forty_thousand_file_address_frame_and_time_zone_tuples_keep_the_trust_rules() {
    let (filled, kept) = (Cell::new(0), Cell::new(0));
    let tuples = (
        proptest::collection::vec(random_entry(), 0..4),
        random_query(),
        any::<bool>(),
        select(&ZONES[..]),
        0..6u8,
        (prop_oneof![4 => Just(EMBEDDERS[0]), 1 => select(&EMBEDDERS[1..])], proptest::bool::weighted(0.8)),
    );
    check_all(40_000, tuples, |(mut entries, query, in_frame, time_zone, how, (embedder, list_clinic))| {
        // Most files list the clinic's own site, so listed frames are reached often.
        if list_clinic {
            entries.push((
                "embed_origins".into(),
                RawValue::List(vec![RawValue::Text("https://clinic.example".into())]),
            ));
        }
        let file = match how {
            0 => ConfigFile::Saved(&entries),
            1 => ConfigFile::Unreadable,
            2 => ConfigFile::NotAnObject,
            _ => ConfigFile::Read(&entries),
        };
        let inputs = Inputs { file, query: &query, in_frame, time_zone, embedder };
        let input = format!("{inputs:?}");
        let (settings, notices) = Settings::read(&inputs);
        assert_safe(&settings, &notices, &input);
        assert!(notices.len() <= MAX_NOTICES && notices.iter().all(|n| !n.message.is_empty()));
        let (file_alone, _) = Settings::read(&Inputs { query: "", ..inputs });
        assert_eq!(settings.time_zone_region, region_for_time_zone(time_zone));

        // Not in a frame, no readable file, or a frame on a site the file does not list in
        // embed_origins: nothing at all from the address.
        let readable = matches!(file, ConfigFile::Read(_) | ConfigFile::Saved(_));
        let listed = embedder.is_some_and(|e| file_alone.embed_origins.iter().any(|o| o == e));
        if !in_frame || !readable || !listed {
            assert_eq!(settings, file_alone, "{input}");
        }
        // The clinic's contacts are one group: a file that names any of them gets none added.
        let contact_keys = ["clinic_name", "clinic_phone", "out_of_hours_phone"];
        if readable && entries.iter().any(|(k, _)| contact_keys.contains(&k.as_str())) {
            assert_eq!(
                (&settings.clinic_name, &settings.clinic_phone, &settings.out_of_hours_phone),
                (&file_alone.clinic_name, &file_alone.clinic_phone, &file_alone.out_of_hours_phone),
                "{input}"
            );
        }
        // No value set in the file is replaced.
        let pairs = [
            (&file_alone.clinic_name, &settings.clinic_name),
            (&file_alone.clinic_phone, &settings.clinic_phone),
            (&file_alone.out_of_hours_phone, &settings.out_of_hours_phone),
            (&file_alone.emergency_number, &settings.emergency_number),
            (&file_alone.accent, &settings.accent),
        ];
        for (from_file, now) in pairs {
            if from_file.is_some() {
                kept.set(kept.get() + 1);
                assert_eq!(from_file, now, "{input}");
            } else if now.is_some() {
                filled.set(filled.get() + 1);
            }
        }
        if file_alone.region.is_some() {
            assert_eq!(file_alone.region, settings.region, "{input}");
        }
        if file_alone.skip_window.is_some() {
            assert_eq!(file_alone.skip_window, settings.skip_window, "{input}");
        }
        assert_eq!(file_alone.embed_origins, settings.embed_origins, "{input}");
        // The emergency number: always one the effective region allows (§0c), whoever set it;
        // none at all where no number applies (no guess).
        let allowed = allowed_numbers(&file_alone, time_zone);
        match settings.call_number() {
            Some(number) => assert!(allowed.contains(&number), "{number} not in {allowed:?}: {input}"),
            None => assert!(allowed.is_empty(), "no number though {allowed:?} apply: {input}"),
        }
        if let Some(number) = &file_alone.emergency_number {
            assert_eq!(settings.call_number(), Some(number.as_str()), "{input}");
        }
        if settings.emergency_number.is_none() {
            assert!(settings.emergency_note().is_some() || settings.region.is_some(), "{input}");
        }
        if notices.len() < MAX_NOTICES {
            for (key, _) in parse_query(&query) {
                // Names that are not settings are always reported.
                if !KEYS[..10].contains(&key.as_str()) && !["context", "q"].contains(&key.as_str()) {
                    let named: String = key.chars().filter(|c| !hidden(*c)).take(40).collect();
                    let named = if named.is_empty() { "(no name)".to_string() } else { named };
                    assert!(notices.iter().any(|n| n.setting == named), "{key:?} not named for {query}");
                }
            }
        }
        // The clinic setup page's config.json (the accepted values, cleaned) reads back the same.
        let written: Vec<(String, RawValue)> =
            settings.to_config().into_iter().map(|(key, value)| (key.to_string(), value)).collect();
        let (again, again_notices) =
            Settings::read(&Inputs { file: ConfigFile::Read(&written), query: "", ..inputs });
        // (Only the "region other has no number" reminder may come back.)
        assert!(again_notices.iter().all(|n| n.setting == "region"), "{again_notices:?} from {written:?}");
        assert_eq!(
            again,
            Settings { carried: Vec::new(), emergency_refused: false, ..settings.clone() },
            "{input}"
        );
        // A file that turns address settings off leaves only its own settings.
        let mut locked = entries.clone();
        locked.push(("url_settings".to_string(), RawValue::Bool(false)));
        let lock = Inputs { file: ConfigFile::Read(&locked), ..inputs };
        let (locked_settings, _) = Settings::read(&lock);
        let (locked_alone, _) = Settings::read(&Inputs { query: "", ..lock });
        assert_eq!(locked_settings, locked_alone, "{query}");
    });
    // The generator reaches both sides: address values that fill gaps, and file values kept.
    let (filled, kept) = (filled.get(), kept.get());
    // (Address values fill gaps only from a listed embedder since attack review B1: a few hundred.)
    assert!(filled > 300 && kept > 2_000, "filled {filled}, kept {kept}");
}

#[test]
fn ten_thousand_stored_states_never_panic_and_only_valid_times_come_back() {
    const PARTS: [&str; 13] =
        ["v1", "v0", "adult", "child", "tablet", "pump", "granules", "08:00", "8:00", "25:00", "|", ",", ""];
    let stored = (proptest::collection::vec(select(&PARTS[..]), 0..9), any::<bool>())
        .prop_map(|(parts, commas)| parts.join(if commas { "," } else { "|" }));
    let junk = proptest::collection::vec(proptest::char::range('\0', '\u{24f}'), 0..40)
        .prop_map(|chars| chars.into_iter().collect::<String>());
    check_all(10_000, (stored, junk), |(stored, junk)| {
        if let Some((_, _, times)) = device::decode(&stored) {
            assert!(stored.starts_with("v1|"), "{stored}");
            assert!(times.len() <= 6);
            assert!(times.iter().all(|t| baclofen_logic::time::ClockTime::parse(t).is_ok()), "{stored}");
        }
        if device::decode(&junk).is_some() {
            assert!(junk.starts_with("v1|"), "{junk:?}");
        }
    });
}

/// Attack review B20: one phone normaliser for the clinic setup page and the guide. Cleaning
/// what it gave changes nothing (so the file the setup page writes, read again by the guide,
/// shows and dials what the preview showed), and it never adds, drops or moves a digit other than
/// the "(0)" right after a country code.
#[test]
fn the_phone_normaliser_is_idempotent_and_keeps_every_digit() {
    use baclofen_guide::settings::phone;
    let piece =
        select(&["+", "44", " ", "(0)", "(", ")", "20", "7946", "0000", "-", ".", "353", "1", "0", "  "][..]);
    let typed = proptest::collection::vec(piece, 1..9).prop_map(|p| p.concat());
    let (cleaned, reached) = (Cell::new(0), Cell::new(0));
    check_all(20_000, typed, |typed| {
        reached.set(reached.get() + 1);
        let Some(once) = phone(&typed) else { return };
        cleaned.set(cleaned.get() + 1);
        assert_eq!(phone(&once).as_deref(), Some(once.as_str()), "{typed:?} → {once:?}");
        assert!(!once.contains("(0)"), "{typed:?} → {once:?}");
        let digits = |t: &str| t.chars().filter(char::is_ascii_digit).collect::<String>();
        let dropped = digits(&typed).len() - digits(&once).len();
        assert!(dropped <= 1, "{typed:?} → {once:?}");
        if dropped == 1 {
            // Only the trunk "0" of "+<1–3 digits> (0)".
            assert!(typed.trim_start().starts_with('+') && typed.contains("(0)"), "{typed:?} → {once:?}");
        }
        // The file the setup page writes reads back as the same number.
        let written = vec![("clinic_phone".to_string(), RawValue::Text(once.clone()))];
        let (read, _) = Settings::read(&Inputs {
            file: ConfigFile::Read(&written),
            query: "",
            in_frame: false,
            time_zone: "UTC",
            embedder: None,
        });
        assert_eq!(read.clinic_phone.as_deref(), Some(once.as_str()));
        assert_eq!(tel_href(&once), tel_href(read.clinic_phone.as_deref().unwrap()));
    });
    assert!(cleaned.get() > 1_000, "cleaned {} of {}", cleaned.get(), reached.get());
}
