//! A carer's copy of the dose times, carried in a link's fragment (`#carer=v1.…`), so no server
//! ever receives it (browsers do not send the part after `#`).
//!
//! What it holds: who the medicine is for (adult or child, and an optional first name), how it
//! is taken, the dose times and the day they were entered (so a carer can see how old the
//! schedule is). Never symptoms, never answers, never a dose amount.
//!
//! Format `carer=v1.<data>.<check>`:
//! - `<data>`: unpadded base64url (RFC 4648 §5) of
//!   `[who|form] [count] [minutes since midnight, 2 bytes each]… [entered: days since 1970,
//!   2 bytes] [name, UTF-8]`;
//! - `<check>`: unpadded base64url of the CRC-32 (IEEE) of `v1.` and the data bytes.
//!
//! Decoding is strict: only canonical base64url (unused bits zero), a checksum that matches, a
//! known version, and times that pass the same schedule rules as the missed-dose helper's form.
//! One changed character changes at most 6 consecutive bits of the data or the checksum; CRC-32
//! finds every error burst of 32 bits or fewer, so any one-character change is refused
//! (or, for a change outside the data, refused by the strict parsing).

use crate::missed_dose::{Form, Person};
use crate::schedule::{Limits, Schedule, ScheduleError};
use crate::time::{ClockTime, Date};

/// What the fragment starts with.
pub const PREFIX: &str = "carer=";
/// The format version written today.
pub const VERSION: &str = "v1";
/// The longest name kept, in bytes of UTF-8.
pub const MAX_NAME_BYTES: usize = 40;
/// The latest "entered" day a link may carry: tomorrow on this device (a link made a few hours
/// ahead, in Auckland, reads as tomorrow in London); anything later is not a real entry date.
pub const MOST_DAYS_AHEAD: i64 = 1;

/// The schedule a carer receives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CarerCopy {
    pub person: Person,
    /// Tablets, liquid or granules (a pump has no dose times to share).
    pub form: Form,
    pub schedule: Schedule,
    /// The day the times were entered (from 1970 to 2149).
    pub entered: Date,
    /// A first name or nickname, or empty.
    pub name: String,
}

/// Why a link was refused. Nothing is changed on the device when decoding fails.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// The fragment is not a carer link at all.
    NotACarerLink,
    /// Made by a newer (or unknown) version of the guide.
    UnknownVersion,
    /// Damaged or changed: not canonical base64url, or the checksum does not match.
    Damaged,
    /// The checksum matches but what it holds is not a usable schedule.
    NotASchedule,
    /// A pump: no dose times to share.
    Pump,
    /// The name is too long, or has characters a name cannot have (hidden formatting such as
    /// right-to-left marks, or a phone number).
    BadName,
    /// The day the times were entered is later than tomorrow.
    FutureDate,
}

impl LinkError {
    /// A key for the wording in content/keep.toml.
    pub fn key(self) -> &'static str {
        match self {
            LinkError::NotACarerLink => "not-a-carer-link",
            LinkError::UnknownVersion => "unknown-version",
            LinkError::Damaged => "damaged",
            LinkError::NotASchedule => "not-a-schedule",
            LinkError::Pump => "pump",
            LinkError::BadName => "bad-name",
            LinkError::FutureDate => "future-date",
        }
    }
}

/// The fragment (without `#`) for a copy; an error if it cannot be shared (a pump, a name
/// that is too long or has control characters).
pub fn encode(copy: &CarerCopy) -> Result<String, LinkError> {
    let form = form_code(copy.form).ok_or(LinkError::Pump)?;
    if !name_ok(&copy.name) {
        return Err(LinkError::BadName);
    }
    let times = copy.schedule.times();
    let mut data = Vec::with_capacity(2 + 2 * times.len() + copy.name.len());
    data.push(person_code(copy.person) | (form << 1));
    data.push(times.len() as u8);
    for time in times {
        data.extend_from_slice(&time.minutes().to_be_bytes());
    }
    let day = u16::try_from(copy.entered.days_since_epoch()).map_err(|_| LinkError::NotASchedule)?;
    data.extend_from_slice(&day.to_be_bytes());
    data.extend_from_slice(copy.name.as_bytes());
    let check = checksum(&data);
    let mut out = String::with_capacity(PREFIX.len() + 4 + data.len() * 4 / 3 + 8);
    out.push_str(PREFIX);
    out.push_str(VERSION);
    out.push('.');
    base64url_into(&mut out, &data);
    out.push('.');
    base64url_into(&mut out, &check.to_be_bytes());
    Ok(out)
}

/// Reads a fragment (with or without the leading `#`); the times must make a schedule within
/// `limits`, as if the carer had typed them, and the day they were entered must be no later
/// than the day after `today` (this device's date).
pub fn decode(fragment: &str, limits: &Limits, today: Date) -> Result<CarerCopy, LinkError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let rest = fragment.strip_prefix(PREFIX).ok_or(LinkError::NotACarerLink)?;
    let mut parts = rest.split('.');
    let version = parts.next().ok_or(LinkError::NotACarerLink)?;
    if version != VERSION {
        // Only `v` and digits is a version ("v2"); anything else ("v1%2E…", "v1 ") is damage.
        let numbered =
            version.strip_prefix('v').is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        return Err(if numbered { LinkError::UnknownVersion } else { LinkError::Damaged });
    }
    let (Some(data), Some(check), None) = (parts.next(), parts.next(), parts.next()) else {
        return Err(LinkError::Damaged);
    };
    let data = base64url_decode(data).ok_or(LinkError::Damaged)?;
    let check = base64url_decode(check).ok_or(LinkError::Damaged)?;
    if check.len() != 4 || u32::from_be_bytes([check[0], check[1], check[2], check[3]]) != checksum(&data) {
        return Err(LinkError::Damaged);
    }
    let (&head, rest) = data.split_first().ok_or(LinkError::NotASchedule)?;
    let person = match head & 1 {
        0 => Person::Adult,
        _ => Person::Child,
    };
    let form = match head >> 1 {
        0 => Form::Tablet,
        1 => Form::Liquid,
        2 => Form::Granules,
        _ => return Err(LinkError::NotASchedule),
    };
    let (&count, rest) = rest.split_first().ok_or(LinkError::NotASchedule)?;
    let count = usize::from(count);
    if count == 0 || rest.len() < 2 * count + 2 {
        return Err(LinkError::NotASchedule);
    }
    let mut times = Vec::with_capacity(count);
    for pair in rest[..2 * count].chunks_exact(2) {
        let minutes = u16::from_be_bytes([pair[0], pair[1]]);
        times.push(ClockTime::from_minutes(minutes).ok_or(LinkError::NotASchedule)?);
    }
    let schedule =
        Schedule::from_times(&times, limits).map_err(|_: ScheduleError| LinkError::NotASchedule)?;
    // The times were written in clock order; anything else was not written by `encode`.
    if schedule.times() != times.as_slice() {
        return Err(LinkError::NotASchedule);
    }
    let day = u16::from_be_bytes([rest[2 * count], rest[2 * count + 1]]);
    let entered = Date::from_days_since_epoch(i64::from(day));
    if entered.days_since_epoch() > today.days_since_epoch() + MOST_DAYS_AHEAD {
        return Err(LinkError::FutureDate);
    }
    let name = std::str::from_utf8(&rest[2 * count + 2..]).map_err(|_| LinkError::BadName)?;
    if !name_ok(name) {
        return Err(LinkError::BadName);
    }
    Ok(CarerCopy { person, form, schedule, entered, name: name.to_owned() })
}

/// A name a link may carry: empty, or a name by [`crate::plain_text::name_ok`] (no hidden
/// formatting, no phone number) of at most [`MAX_NAME_BYTES`] bytes. The same rule when the
/// person types it, when a link is made and when one is read.
pub fn name_ok(name: &str) -> bool {
    name.is_empty() || (name.len() <= MAX_NAME_BYTES && crate::plain_text::name_ok(name, MAX_NAME_BYTES))
}

fn person_code(person: Person) -> u8 {
    match person {
        Person::Adult => 0,
        Person::Child => 1,
    }
}

fn form_code(form: Form) -> Option<u8> {
    match form {
        Form::Tablet => Some(0),
        Form::Liquid => Some(1),
        Form::Granules => Some(2),
        Form::Pump => None,
    }
}

/// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320) of the version tag and the data.
fn checksum(data: &[u8]) -> u32 {
    crc32(VERSION.as_bytes().iter().chain(b".").chain(data))
}

/// CRC-32/ISO-HDLC. Bitwise (no table): a few dozen bytes, and no 1 KiB table in the
/// WebAssembly. It detects damage, not tampering: anyone can compute it.
fn crc32<'a>(bytes: impl IntoIterator<Item = &'a u8>) -> u32 {
    let mut crc = !0u32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url_into(out: &mut String, bytes: &[u8]) {
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
}

/// Strict: only the base64url alphabet, no padding, a possible length, unused bits zero.
fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    if bytes.len() % 4 == 1 {
        return None;
    }
    let value = |c: u8| ALPHABET.iter().position(|a| *a == c).map(|p| p as u32);
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            n |= value(*c)? << (18 - 6 * i);
        }
        let produced = chunk.len() - 1;
        let all = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        // Bits past the last whole byte must be zero, so each byte string has one spelling.
        let unused_mask = match produced {
            1 => 0xFFFF,
            2 => 0xFF,
            _ => 0,
        };
        if n & unused_mask != 0 {
            return None;
        }
        out.extend_from_slice(&all[..produced]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fact_sheet::LIMITS;
    use proptest::prelude::*;

    /// This device's date in most tests: the last day a link can carry, so every generated
    /// entry day is on or before it.
    fn today() -> Date {
        Date::from_days_since_epoch(i64::from(u16::MAX))
    }

    fn hm(h: u8, m: u8) -> ClockTime {
        ClockTime::from_hm(h, m).unwrap()
    }

    fn copy() -> CarerCopy {
        CarerCopy {
            person: Person::Child,
            form: Form::Liquid,
            schedule: Schedule::from_times(&[hm(7, 30), hm(13, 0), hm(19, 30)], &LIMITS).unwrap(),
            entered: Date::new(2026, 11, 23).unwrap(),
            name: "Sam".into(),
        }
    }

    #[test]
    fn crc32_matches_the_standard_check_value() {
        // The CRC-32/ISO-HDLC check value: CRC of the nine bytes "123456789".
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        // Values from zlib's crc32 (Python `zlib.crc32`), not from this code.
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"a"), 0xE8B7_BE43);
        // The link's checksum covers its version tag: zlib.crc32(b"v1.x").
        assert_eq!(checksum(b"x"), 0x1F60_5FD9);
    }

    #[test]
    fn base64url_matches_rfc_4648_test_vectors() {
        // RFC 4648 §10 vectors (unpadded, and the URL alphabet is the same for these).
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            let mut out = String::new();
            base64url_into(&mut out, plain.as_bytes());
            assert_eq!(out, encoded);
            assert_eq!(base64url_decode(encoded).unwrap(), plain.as_bytes());
        }
        let mut out = String::new();
        base64url_into(&mut out, &[0xfb, 0xff]);
        assert_eq!(out, "-_8", "URL alphabet: - and _ instead of + and /");
        assert_eq!(base64url_decode("Zh"), None, "unused bits set: not canonical");
        assert_eq!(base64url_decode("Zm9v="), None, "no padding");
        assert_eq!(base64url_decode("Z"), None);
    }

    #[test]
    fn a_copy_round_trips_and_reads_as_expected() {
        let fragment = encode(&copy()).unwrap();
        assert!(fragment.starts_with("carer=v1."), "{fragment}");
        assert_eq!(decode(&fragment, &LIMITS, today()), Ok(copy()));
        assert_eq!(decode(&format!("#{fragment}"), &LIMITS, today()), Ok(copy()));
    }

    #[test]
    fn refused_links_say_why() {
        let good = encode(&copy()).unwrap();
        assert_eq!(decode("", &LIMITS, today()), Err(LinkError::NotACarerLink));
        assert_eq!(decode("#top", &LIMITS, today()), Err(LinkError::NotACarerLink));
        assert_eq!(decode(&good.replace("v1.", "v2."), &LIMITS, today()), Err(LinkError::UnknownVersion));
        assert_eq!(decode(&format!("{good}.x"), &LIMITS, today()), Err(LinkError::Damaged));
        assert_eq!(decode(&good[..good.len() - 1], &LIMITS, today()), Err(LinkError::Damaged));
        // A checksum that matches, over data that is not a schedule (doses 30 minutes apart).
        let mut data = vec![0u8, 2];
        data.extend_from_slice(&480u16.to_be_bytes());
        data.extend_from_slice(&510u16.to_be_bytes());
        data.extend_from_slice(&20_780u16.to_be_bytes());
        let mut forged = String::from("carer=v1.");
        base64url_into(&mut forged, &data);
        forged.push('.');
        base64url_into(&mut forged, &checksum(&data).to_be_bytes());
        assert_eq!(decode(&forged, &LIMITS, today()), Err(LinkError::NotASchedule));
        let pump = CarerCopy { form: Form::Pump, ..copy() };
        assert_eq!(encode(&pump), Err(LinkError::Pump));
        let long = CarerCopy { name: "x".repeat(41), ..copy() };
        assert_eq!(encode(&long), Err(LinkError::BadName));
        let control = CarerCopy { name: "a\nb".into(), ..copy() };
        assert_eq!(encode(&control), Err(LinkError::BadName));
        let too_old = CarerCopy { entered: Date::new(1969, 12, 31).unwrap(), ..copy() };
        assert_eq!(encode(&too_old), Err(LinkError::NotASchedule));
    }

    /// Attack review B6: only `v` and digits is a newer version; anything else is damage.
    #[test]
    fn a_damaged_version_is_damage_not_a_newer_guide() {
        let good = encode(&copy()).unwrap();
        assert_eq!(decode(&good.replacen("v1.", "v1%2E", 1), &LIMITS, today()), Err(LinkError::Damaged));
        assert_eq!(decode(&good.replacen("v1.", "v1 .", 1), &LIMITS, today()), Err(LinkError::Damaged));
        assert_eq!(decode(&good.replacen("v1.", "v.", 1), &LIMITS, today()), Err(LinkError::Damaged));
        assert_eq!(
            decode(&good.replacen("v1.", "v12.", 1), &LIMITS, today()),
            Err(LinkError::UnknownVersion)
        );
    }

    /// Attack review B5: an entry day later than tomorrow is refused; tomorrow (a link made in
    /// an earlier time zone) is read.
    #[test]
    fn an_entry_day_after_tomorrow_is_refused() {
        let entered = Date::new(2026, 12, 8).unwrap();
        let link = encode(&CarerCopy { entered, ..copy() }).unwrap();
        let on = |y, m, d| decode(&link, &LIMITS, Date::new(y, m, d).unwrap());
        assert_eq!(on(2026, 12, 7).map(|c| c.entered), Ok(entered));
        assert_eq!(on(2026, 12, 8).map(|c| c.entered), Ok(entered));
        assert_eq!(on(2026, 12, 6), Err(LinkError::FutureDate));
        assert_eq!(on(2016, 12, 7), Err(LinkError::FutureDate));
    }

    /// Attack review B4: a name is a name. Bidi controls, zero-width characters, line
    /// separators and phone numbers (in any digits, however spaced) are refused when a link is
    /// made and when one is read.
    #[test]
    fn a_name_with_a_number_or_hidden_formatting_is_refused() {
        for name in [
            "CALL 0800 555 0123 NOW",
            "\u{202E}WON 3210 555 0080 LLAC",
            "Sam\u{2028}Call 0800 555 0123",
            "Sa\u{200B}m",
            "\u{2066}Sam\u{2069}",
            "Sam ０８００",
            "<b>Sam</b>",
        ] {
            assert_eq!(
                encode(&CarerCopy { name: name.into(), ..copy() }),
                Err(LinkError::BadName),
                "{name:?}"
            );
            // Forged: the same bytes a link would carry, with a matching checksum.
            let mut data = vec![0u8, 1];
            data.extend_from_slice(&480u16.to_be_bytes());
            data.extend_from_slice(&20_000u16.to_be_bytes());
            data.extend_from_slice(name.as_bytes());
            let mut forged = String::from("carer=v1.");
            base64url_into(&mut forged, &data);
            forged.push('.');
            base64url_into(&mut forged, &checksum(&data).to_be_bytes());
            assert_eq!(decode(&forged, &LIMITS, today()), Err(LinkError::BadName), "{name:?}");
        }
        for name in ["", "Sam", "Jo-Anne", "Zoë", "سام"] {
            assert!(encode(&CarerCopy { name: name.into(), ..copy() }).is_ok(), "{name:?}");
        }
    }

    fn copies() -> impl Strategy<Value = CarerCopy> {
        let schedule =
            (1usize..=6, 0u16..1440, prop::collection::vec(1u32..100, 6)).prop_map(|(n, first, w)| {
                let spare = 1440 - 120 * n as u32;
                let total: u32 = w[..n].iter().sum();
                let mut minute = u32::from(first);
                let mut times = Vec::new();
                for weight in &w[..n] {
                    times.push(ClockTime::from_minutes((minute % 1440) as u16).unwrap());
                    minute += 120 + spare * weight / total;
                }
                Schedule::from_times(&times, &LIMITS).unwrap()
            });
        let name = "[A-Za-zÀ-ÿ' -]{0,12}".prop_map(|n: String| n.trim().to_owned());
        (any::<bool>(), 0u8..3, schedule, 0u16..=u16::MAX, name).prop_map(
            |(child, form, schedule, day, name)| CarerCopy {
                person: if child { Person::Child } else { Person::Adult },
                form: [Form::Tablet, Form::Liquid, Form::Granules][usize::from(form)],
                schedule,
                entered: Date::from_days_since_epoch(i64::from(day)),
                name,
            },
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn every_copy_round_trips(copy in copies()) {
            let fragment = encode(&copy).unwrap();
            prop_assert!(fragment.bytes().all(|b| b.is_ascii_alphanumeric() || b"=.-_".contains(&b)));
            prop_assert_eq!(decode(&fragment, &LIMITS, today()), Ok(copy));
        }

        /// Every one-character change, at every position, to every character a URL can carry, is
        /// refused or reads back the same copy.
        #[test]
        fn any_single_character_change_is_refused_or_harmless(copy in copies(), replacement in prop::sample::select(
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=~%+/".to_vec()
        )) {
            let fragment = encode(&copy).unwrap();
            for position in 0..fragment.len() {
                let mut changed = fragment.clone().into_bytes();
                if changed[position] == replacement {
                    continue;
                }
                changed[position] = replacement;
                let changed = String::from_utf8(changed).unwrap();
                match decode(&changed, &LIMITS, today()) {
                    Err(_) => {}
                    Ok(read) => prop_assert_eq!(read, copy.clone(), "{} read as something else", changed),
                }
            }
            // Deleting or doubling a character too.
            for position in 0..fragment.len() {
                let mut shorter = fragment.clone();
                shorter.remove(position);
                prop_assert!(decode(&shorter, &LIMITS, today()).map_or(true, |read| read == copy));
                let mut longer = fragment.clone();
                longer.insert(position, fragment.as_bytes()[position] as char);
                prop_assert!(decode(&longer, &LIMITS, today()).map_or(true, |read| read == copy));
            }
        }
    }
}
