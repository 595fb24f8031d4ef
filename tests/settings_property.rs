//! Property test for everything the guide reads from outside: `config.json` entries, address
//! parameters and the dose times stored on the device. 30,000 generated inputs (10,000 of each
//! kind, mixing valid values, near misses and junk): no panic, nothing unsafe accepted, and
//! every ignored setting named in a notice with a message.

use baclofen_guide::missed_dose::device;
use baclofen_guide::settings::{parse_query, RawValue, Settings, MAX_NOTICES};

/// xorshift64*: deterministic, so a failure can be replayed.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const KEYS: [&str; 13] = [
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
];

const PIECES: [&str; 34] = [
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

fn random_text(random: &mut Random) -> String {
    match random.below(4) {
        0 => random.pick(&PIECES).to_string(),
        1 => format!("{}{}", random.pick(&PIECES), random.pick(&PIECES)),
        2 => (0..random.below(30))
            .map(|_| char::from_u32(random.below(0x3000) as u32).unwrap_or('?'))
            .collect(),
        _ => format!(" {} ", random.pick(&PIECES)),
    }
}

fn random_value(random: &mut Random, depth: u8) -> RawValue {
    match random.below(if depth == 0 { 6 } else { 4 }) {
        0 | 1 => RawValue::Text(random_text(random)),
        2 => RawValue::Number([0.0, 1.0, 60.0, 120.0, 180.0, 90.5, -5.0, 1e300, f64::NAN][random.below(9)]),
        3 => RawValue::Bool(random.below(2) == 0),
        4 => RawValue::List((0..random.below(4)).map(|_| random_value(random, 1)).collect()),
        _ => RawValue::Other,
    }
}

fn random_query(random: &mut Random) -> String {
    let mut query = String::from(if random.below(2) == 0 { "?" } else { "" });
    for i in 0..random.below(6) {
        if i > 0 {
            query.push('&');
        }
        query.push_str(random.pick(&KEYS));
        query.push('=');
        match random.below(4) {
            0 => query.push_str("%3Cb%3E"),
            1 => query.push_str("%ZZ%"),
            2 => query.push_str("%C3%28"), // not UTF-8
            _ => query.push_str(&random_text(random).replace(['&', '#'], "")),
        }
    }
    query
}

/// What no accepted setting may ever hold, whatever came in.
fn assert_safe(settings: &Settings, input: &str) {
    let phone_ok = |p: &str| p.trim_start_matches('+').chars().all(|c| c.is_ascii_digit() || c == ' ');
    for phone in [&settings.clinic_phone, &settings.out_of_hours_phone].into_iter().flatten() {
        assert!(phone_ok(phone), "phone {phone:?} from {input}");
    }
    if let Some(number) = &settings.emergency_number {
        assert!(number.chars().all(|c| c.is_ascii_digit()), "emergency {number:?} from {input}");
    }
    assert!(settings.call_number().chars().all(|c| c.is_ascii_digit()));
    if let Some(name) = &settings.clinic_name {
        assert!(!name.contains(['<', '>']) && !name.chars().any(char::is_control), "name {name:?}");
        assert!(name.chars().count() <= 80);
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
    let mut random = Random(0x9e37_79b9_7f4a_7c15);
    let (mut accepted, mut ignored) = (0, 0);
    for _ in 0..10_000 {
        let entries: Vec<(String, RawValue)> = (0..random.below(5))
            .map(|_| (random.pick(&KEYS).to_string(), random_value(&mut random, 0)))
            .collect();
        let (settings, notices) = Settings::read(Ok(&entries), "");
        assert_safe(&settings, &format!("{entries:?}"));
        assert!(notices.len() <= MAX_NOTICES);
        assert!(notices.iter().all(|n| !n.message.is_empty()));
        // Each entry alone: accepted silently, or ignored with exactly one notice naming it.
        for entry in &entries {
            let (alone, notices) = Settings::read(Ok(std::slice::from_ref(entry)), "");
            let region_without_number = alone.region.is_some_and(|r| r.emergency_number.is_none());
            match notices.as_slice() {
                [] => accepted += usize::from(alone != Settings::default()),
                [notice] if region_without_number => assert_eq!(notice.setting, "region"),
                [notice] => {
                    ignored += 1;
                    assert_eq!(alone, Settings::default(), "{entry:?} was ignored but changed something");
                    let shown = if entry.0.is_empty() { "(no name)" } else { entry.0.as_str() };
                    assert_eq!(notice.setting, shown, "{entry:?}");
                }
                more => panic!("{entry:?} gave {more:?}"),
            }
        }
    }
    // The generator must reach both sides, or the checks above prove nothing.
    assert!(accepted > 1_000 && ignored > 1_000, "accepted {accepted}, ignored {ignored}");
}

#[test]
fn ten_thousand_addresses_never_panic_and_every_ignored_setting_is_named() {
    let mut random = Random(0x0123_4567_89ab_cdef);
    let file = [("url_settings".to_string(), RawValue::Bool(false))];
    for _ in 0..10_000 {
        let query = random_query(&mut random);
        let (settings, notices) = Settings::read(Ok(&[]), &query);
        assert_safe(&settings, &query);
        assert!(notices.len() <= MAX_NOTICES && notices.iter().all(|n| !n.message.is_empty()));
        if notices.len() < MAX_NOTICES {
            for (key, _) in parse_query(&query) {
                // Names that are not settings are always reported.
                if !KEYS[..10].contains(&key.as_str()) {
                    let named =
                        if key.is_empty() { "(no name)".to_string() } else { key.chars().take(40).collect() };
                    assert!(notices.iter().any(|n| n.setting == named), "{key:?} not named for {query}");
                }
            }
        }
        // A link can never set an emergency number outside the sourced list.
        if let Some(number) = &settings.emergency_number {
            assert!(["999", "911", "000", "112"].contains(&number.as_str()), "{number} from {query}");
        }
        // A file that turns address settings off leaves only its own settings.
        let (locked, _) = Settings::read(Ok(&file), &query);
        assert_eq!(locked, Settings::default(), "{query}");
    }
}

#[test]
fn ten_thousand_stored_states_never_panic_and_only_valid_times_come_back() {
    let mut random = Random(0xdead_beef_cafe_f00d);
    let parts =
        ["v1", "v0", "adult", "child", "tablet", "pump", "granules", "08:00", "8:00", "25:00", "|", ",", ""];
    for _ in 0..10_000 {
        let stored: String = (0..random.below(9))
            .map(|_| random.pick(&parts))
            .collect::<Vec<_>>()
            .join(if random.below(3) == 0 { "," } else { "|" });
        if let Some((_, _, times)) = device::decode(&stored) {
            assert!(stored.starts_with("v1|"), "{stored}");
            assert!(times.len() <= 6);
            assert!(times.iter().all(|t| baclofen_logic::time::ClockTime::parse(t).is_ok()), "{stored}");
        }
        let junk: String = (0..random.below(40))
            .map(|_| char::from_u32(random.below(0x250) as u32).unwrap_or('|'))
            .collect();
        if device::decode(&junk).is_some() {
            assert!(junk.starts_with("v1|"), "{junk:?}");
        }
    }
}
