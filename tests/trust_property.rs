//! The property test of trust (issue #32, deliverable 4). Over generated `config.json` files,
//! page addresses, framing pages (the embedding site's origin and the address it writes) and
//! carer links: every number the guide can offer to dial is one of the clinic file's own numbers
//! or the region's numbers in the fact sheet's §0c (or, inside a frame on a site the file lists
//! in `embed_origins`, a number that site filled into an empty contact block), and no name the
//! guide shows (the clinic's, a carer link's) carries a bidi or other hidden control or a phone
//! number.
//!
//! A framing page has no other way in: the guide listens to no `message` event (checked below
//! by reading the shipped code), so the address and the embedder's origin are the whole of what
//! it can send.
//!
//! The §0c numbers are written out here from the fact sheet, not read from the code.

#![cfg(not(target_arch = "wasm32"))]

use baclofen_guide::settings::{tel_href, ConfigFile, Inputs, RawValue, Settings};
use baclofen_logic::carer_link::{self, LinkError};
use baclofen_logic::time::Date;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::{Config, TestRunner};
use std::collections::BTreeSet;

/// Fact sheet §0c, row by row: every number of each region, as dialled (digits).
const SECTION_0C: [(&str, &[&str]); 7] = [
    ("uk", &["999", "112", "111", "116123"]),
    ("ie", &["112", "999", "116123"]),
    ("us", &["911", "988", "18002221222"]),
    ("ca", &["911"]),
    ("au", &["000", "131114", "131126"]),
    ("nz", &["111"]),
    ("jp", &["119"]),
];

/// §0c's note: 112 on mobiles across the EU/EEA (and Switzerland); of the zones generated here.
const EU_ZONES: [&str; 3] = ["Europe/Paris", "Europe/Berlin", "Europe/Zurich"];

const ZONES: [&str; 12] = [
    "Europe/London",
    "Europe/Dublin",
    "America/Chicago",
    "America/Toronto",
    "Australia/Perth",
    "Pacific/Auckland",
    "Asia/Tokyo",
    "Europe/Paris",
    "Europe/Berlin",
    "Europe/Zurich",
    "Asia/Kolkata",
    "UTC",
];

const CLINIC: &str = "https://clinic.example";
const EMBEDDERS: [Option<&str>; 4] = [Some(CLINIC), Some("http://evil.test:8702"), Some("null"), None];

/// Names an attacker or a careless clinic might try.
const NAMES: [&str; 14] = [
    "Riverside Neurology",
    "St Mary's",
    "Clinic 24",
    "Call 0909 879 0555 now",
    "Call 09 09 87 90 55 5 now, not",
    "Riverside ０９０９ ８７９",
    "Riverside 𝟎𝟗𝟎𝟗",
    "\u{202E}ygolorueN edisreviR",
    "Riverside\u{2066}Clinic\u{2069}",
    "Sa\u{200B}m",
    "Sam\u{2028}Call 0800 555 0123",
    "مستشفى الشفاء",
    "<b>x</b>",
    "Sam",
];

const PHONES: [&str; 10] = [
    "020 7946 0000",
    "+44 (0)20 7946 0000",
    "0909 879 0555",
    "+44 (0)20 7946 (0)000",
    "(555) 123-4567",
    "1-800-FDA-1088",
    "\u{202E}0000 6497 020",
    "+44+20+7946+0000",
    "111",
    "٠٩٠٩٨٧٩",
];

const EMERGENCY: [&str; 10] = ["999", "112", "911", "000", "111", "119", "99", "00", "0999", "12"];
const REGIONS: [&str; 9] = ["uk", "ie", "us", "ca", "au", "nz", "jp", "other", "mars"];

fn check_all<S: Strategy>(cases: u32, strategy: S, check: impl Fn(S::Value)) {
    let config = Config { cases, failure_persistence: None, ..Config::default() };
    if let Err(failure) = TestRunner::new(config).run(&strategy, |value| {
        check(value);
        Ok(())
    }) {
        panic!("{failure}");
    }
}

fn text(value: &str) -> RawValue {
    RawValue::Text(value.to_string())
}

/// A config.json: any of the settings that carry names and numbers, plus maybe the clinic's
/// own site in `embed_origins`.
fn config_file() -> impl Strategy<Value = Vec<(String, RawValue)>> {
    let entry = prop_oneof![
        select(&NAMES[..]).prop_map(|n| ("clinic_name".to_string(), text(n))),
        select(&PHONES[..]).prop_map(|p| ("clinic_phone".to_string(), text(p))),
        select(&PHONES[..]).prop_map(|p| ("out_of_hours_phone".to_string(), text(p))),
        select(&EMERGENCY[..]).prop_map(|e| ("emergency_number".to_string(), text(e))),
        select(&REGIONS[..]).prop_map(|r| ("region".to_string(), text(r))),
    ];
    (proptest::collection::vec(entry, 0..5), any::<bool>()).prop_map(|(mut entries, listed)| {
        if listed {
            entries.push(("embed_origins".to_string(), RawValue::List(vec![text(CLINIC)])));
        }
        entries
    })
}

fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

/// A page address's query, as a spoof link or a framing page would write it.
fn address() -> impl Strategy<Value = String> {
    let pair = prop_oneof![
        select(&NAMES[..]).prop_map(|n| format!("clinic_name={}", encode(n))),
        select(&PHONES[..]).prop_map(|p| format!("clinic_phone={}", encode(p))),
        select(&PHONES[..]).prop_map(|p| format!("out_of_hours_phone={}", encode(p))),
        // A "+" written as it is, as a hand-made frame would.
        Just("clinic_phone=+44+20+7946+0000".to_string()),
        select(&EMERGENCY[..]).prop_map(|e| format!("emergency_number={e}")),
        select(&REGIONS[..]).prop_map(|r| format!("region={r}")),
        Just("embed=1".to_string()),
        Just("embed_origins=http%3A%2F%2Fevil.test%3A8702".to_string()),
        Just("url_settings=true".to_string()),
    ];
    proptest::collection::vec(pair, 0..5).prop_map(|pairs| format!("?{}", pairs.join("&")))
}

/// The numbers a config.json names for the clinic, as dialled.
fn file_numbers(entries: &[(String, RawValue)]) -> BTreeSet<String> {
    entries
        .iter()
        .filter(|(key, _)| key == "clinic_phone" || key == "out_of_hours_phone")
        .filter_map(|(_, value)| match value {
            RawValue::Text(t) => baclofen_guide::settings::phone(t),
            _ => None,
        })
        .map(|p| dialled(&p))
        .collect()
}

/// The numbers an address writes for the clinic, as dialled.
fn address_numbers(query: &str) -> BTreeSet<String> {
    baclofen_guide::settings::parse_query(query)
        .into_iter()
        .filter(|(key, _)| key == "clinic_phone" || key == "out_of_hours_phone")
        .filter_map(|(_, value)| baclofen_guide::settings::phone(&value.ok()?))
        .map(|p| dialled(&p))
        .collect()
}

fn dialled(phone: &str) -> String {
    tel_href(phone).trim_start_matches("tel:").to_string()
}

fn section_0c(region: &str) -> Vec<String> {
    SECTION_0C
        .iter()
        .filter(|(id, _)| *id == region)
        .flat_map(|(_, n)| n.iter().map(|s| s.to_string()))
        .collect()
}

/// Every number the guide can offer to dial with these settings: the emergency button, the
/// clinic's buttons, the out-of-hours service, the crisis and poisons lines.
fn dialable(s: &Settings) -> BTreeSet<String> {
    let mut all: Vec<&str> = Vec::new();
    all.extend(s.call_number());
    all.extend(s.clinic_phone.as_deref());
    all.extend(s.out_of_hours().map(|(_, phone)| phone));
    all.extend(s.crisis_line().map(|(_, phone)| phone));
    all.extend(s.poisons_line().map(|(_, phone)| phone));
    all.into_iter().map(dialled).collect()
}

/// A name is shown as a name: no hidden formatting, no phone number.
fn assert_name_safe(name: &str, context: &str) {
    assert!(!name.chars().any(baclofen_logic::plain_text::hidden), "{name:?} shown: {context}");
    assert!(!baclofen_logic::plain_text::holds_a_number(name), "{name:?} shown: {context}");
}

#[test]
fn the_numbers_the_guide_can_dial_are_the_clinics_or_the_regions_and_names_are_only_names() {
    let inputs =
        (config_file(), address(), any::<bool>(), select(&EMBEDDERS[..]), select(&ZONES[..]), 0..4u8);
    let reached = std::cell::Cell::new((0u32, 0u32));
    check_all(30_000, inputs, |(entries, query, in_frame, embedder, zone, how)| {
        let file = match how {
            0 => ConfigFile::Saved(&entries),
            1 => ConfigFile::Unreadable,
            _ => ConfigFile::Read(&entries),
        };
        let inputs = Inputs { file, query: &query, in_frame, time_zone: zone, embedder };
        let context = format!("{inputs:?}");
        let (settings, _) = Settings::read(&inputs);
        let readable = matches!(file, ConfigFile::Read(_) | ConfigFile::Saved(_));

        let mut allowed: BTreeSet<String> = BTreeSet::new();
        if readable {
            allowed.extend(file_numbers(&entries));
            for (key, value) in &entries {
                if let (true, RawValue::Text(region)) = (key == "region", value) {
                    allowed.extend(section_0c(&region.to_ascii_lowercase()));
                }
            }
        }
        if let Some(region) = baclofen_guide::settings::region_for_time_zone(zone) {
            allowed.extend(section_0c(region.id));
        }
        if EU_ZONES.contains(&zone) {
            allowed.insert("112".to_string());
        }
        // A site the file lists may fill an empty contact block: its numbers are the clinic's choice.
        let contacts_in_file = entries
            .iter()
            .any(|(k, _)| ["clinic_name", "clinic_phone", "out_of_hours_phone"].contains(&k.as_str()));
        let listed = in_frame
            && readable
            && embedder == Some(CLINIC)
            && entries.iter().any(|(k, _)| k == "embed_origins");
        if listed && !contacts_in_file {
            allowed.extend(address_numbers(&query));
        }
        let offered = dialable(&settings);
        for number in &offered {
            assert!(allowed.contains(number), "{number} offered, not in {allowed:?}: {context}");
        }
        // The emergency number is always a §0c number (never a clinic's typo), or none at all.
        if let Some(number) = settings.call_number() {
            let regional: BTreeSet<String> =
                SECTION_0C.iter().flat_map(|(_, n)| n.iter().map(|s| s.to_string())).collect();
            assert!(regional.contains(number), "{number}: {context}");
        }
        if let Some(name) = &settings.clinic_name {
            assert_name_safe(name, &context);
            reached.set((reached.get().0 + 1, reached.get().1));
        }
        if let Some(line) = settings.footer_line() {
            assert!(!line.chars().any(baclofen_logic::plain_text::hidden), "{line:?}: {context}");
        }
        if offered.iter().any(|n| !section_0c("uk").contains(n) && n.len() > 5) {
            reached.set((reached.get().0, reached.get().1 + 1));
        }
    });
    // The generator reaches shown names and clinic numbers, or the checks prove nothing.
    let (names, clinic_numbers) = reached.get();
    assert!(names > 1_000 && clinic_numbers > 1_000, "names {names}, clinic numbers {clinic_numbers}");
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url(bytes: &[u8]) -> String {
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

/// A carer link forged from the published format, with any name and entry day.
fn forge(name: &str, day: u16) -> String {
    let mut data = vec![0u8, 2];
    data.extend_from_slice(&480u16.to_be_bytes());
    data.extend_from_slice(&1200u16.to_be_bytes());
    data.extend_from_slice(&day.to_be_bytes());
    data.extend_from_slice(name.as_bytes());
    // CRC-32 (IEEE), as the published format says, from a well-kept crate, not the app's code.
    let check = crc32fast::hash(&[b"v1.".as_slice(), &data].concat());
    format!("carer=v1.{}.{}", base64url(&data), base64url(&check.to_be_bytes()))
}

#[test]
fn a_carer_link_shows_only_a_name_and_a_real_entry_day() {
    let today = Date::new(2026, 12, 7).unwrap();
    let name = prop_oneof![
        select(&NAMES[..]).prop_map(str::to_string),
        proptest::collection::vec(proptest::char::range('\0', '\u{2fff}'), 0..20)
            .prop_map(|chars| chars.into_iter().collect::<String>()),
        proptest::collection::vec(
            select(&['S', 'a', 'm', ' ', '0', '9', '\u{202E}', '\u{FF10}', '-']),
            0..12
        )
        .prop_map(|chars| chars.into_iter().collect::<String>()),
    ];
    let accepted = std::cell::Cell::new(0);
    check_all(20_000, (name, 0u16..=u16::MAX), |(name, day)| {
        match carer_link::decode(&forge(&name, day), &baclofen_guide::content::SCHEDULE_LIMITS, today) {
            Ok(copy) => {
                accepted.set(accepted.get() + 1);
                if !copy.name.is_empty() {
                    assert_name_safe(&copy.name, &format!("{name:?}"));
                    // The same rule when the device keeps it and reads it back.
                    assert!(baclofen_guide::keep::record::name_ok(&copy.name));
                }
                assert!(copy.name.len() <= carer_link::MAX_NAME_BYTES);
                assert!(copy.entered.days_since_epoch() <= today.days_since_epoch() + 1, "{day}");
            }
            Err(
                LinkError::BadName | LinkError::FutureDate | LinkError::NotASchedule | LinkError::Damaged,
            ) => {}
            Err(other) => panic!("{other:?} for {name:?}"),
        }
    });
    assert!(accepted.get() > 1_000, "accepted {}", accepted.get());
}

/// A framing page can only write the address: the guide's own code adds no `message` listener
/// (embed.js, which runs on the clinic's page, is the one script that listens, to its own frame).
#[test]
fn the_guide_listens_to_no_message_from_a_framing_page() {
    let mut files = Vec::new();
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs" || e == "js") {
                out.push(path);
            }
        }
    }
    for dir in ["src", "static", "xtask"] {
        walk(std::path::Path::new(dir), &mut files);
    }
    let mut looked = 0;
    for path in files {
        let name = path.to_string_lossy().to_string();
        // embed.js runs on the embedding page; sw.js is the service worker (the page's own tab).
        if name.ends_with("embed.js") || name.ends_with("sw.js") {
            continue;
        }
        let code = std::fs::read_to_string(&path).unwrap();
        looked += 1;
        for listener in
            ["addEventListener('message'", "addEventListener(\"message\"", "\"message\", move", "onmessage ="]
        {
            let found = code.contains(listener) && !name.ends_with("clinic-setup.js");
            assert!(!found, "{name} listens to messages ({listener})");
        }
    }
    assert!(looked > 20, "{looked} files read");
}
