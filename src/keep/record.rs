//! What the helper keeps on the device, only when the person ticks "keep on this device", as
//! small versioned text (no JSON parser in the WebAssembly). Pure: tested natively.
//!
//! - `baclofen-guide.keep`: `k1|adult|tablet|08:00,14:00,20:00|plain|2026-11-23|Sam` (who, how,
//!   times, calendar title, the day the times were entered, a first name that may be empty).
//! - `baclofen-guide.kept`: answers the person chose to keep for the appointment, written by
//!   the missed-dose helper and the symptom checker (`add_kept`): a line `a1`, then one line per
//!   answer `missed|<minutes since 1970 UTC>|<level in words>|<what the answer said>`. A damaged
//!   line is dropped on its own; the others stay.

use baclofen_logic::missed_dose::{Form, Person};
use baclofen_logic::schedule::Schedule;
use baclofen_logic::time::{ClockTime, Date, Instant};

pub const DOSES_KEY: &str = "baclofen-guide.keep";
pub const KEPT_KEY: &str = "baclofen-guide.kept";
const DOSES_VERSION: &str = "k1";
const KEPT_VERSION: &str = "a1";
/// The most answers kept; the oldest go first (the summary stays one page of A4 or US Letter:
/// tests/e2e/keep.test.mjs prints six long ones).
pub const MAX_KEPT: usize = 6;

/// The person's doses as kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Doses {
    pub person: Person,
    pub form: Form,
    /// Empty for a pump; otherwise a valid schedule, in clock order.
    pub times: Vec<ClockTime>,
    /// The calendar title names the medicine ("Baclofen") rather than "Medicine reminder".
    pub named_title: bool,
    /// The day the times were entered (shown on the summary and in the calendar note).
    pub entered: Date,
    pub name: String,
}

pub fn person_key(person: Person) -> &'static str {
    match person {
        Person::Adult => "adult",
        Person::Child => "child",
    }
}

pub fn form_key(form: Form) -> &'static str {
    match form {
        Form::Tablet => "tablet",
        Form::Liquid => "liquid",
        Form::Granules => "granules",
        Form::Pump => "pump",
    }
}

fn two(n: u8) -> String {
    let s = n.to_string();
    if s.len() < 2 {
        ["0", &s].concat()
    } else {
        s
    }
}

pub fn iso_date(date: Date) -> String {
    [date.year.to_string(), two(date.month), two(date.day)].join("-")
}

fn parse_iso_date(text: &str) -> Option<Date> {
    let mut parts = text.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// A name can be kept: empty, or at most 40 bytes, one line, no spaces at the ends, no hidden
/// formatting (right-to-left marks, zero-width characters) and no phone number: the carer link's
/// own rule, so a name typed here, kept, shared and read back is judged the same way each time.
pub fn name_ok(name: &str) -> bool {
    baclofen_logic::carer_link::name_ok(name)
}

pub fn encode_doses(doses: &Doses) -> String {
    let times: Vec<String> = doses.times.iter().map(ClockTime::to_string).collect();
    [
        DOSES_VERSION,
        person_key(doses.person),
        form_key(doses.form),
        &times.join(","),
        if doses.named_title { "named" } else { "plain" },
        &iso_date(doses.entered),
        &doses.name,
    ]
    .join("|")
}

/// Whether a record was written by a newer version of this guide (`k2|…`, a first line `a3`):
/// such records are left as they are, never removed or overwritten (a guide rolled back to an
/// older version must not delete what the newer one kept; attack review B17).
pub fn newer_version(text: &str, current: &str) -> bool {
    let head = text.split(['|', '\n']).next().unwrap_or("");
    let (letter, number) = current.split_at(1);
    let theirs = head.strip_prefix(letter).filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    matches!((theirs.and_then(|n| n.parse::<u32>().ok()), number.parse::<u32>().ok()), (Some(n), Some(c)) if n > c)
}

/// `k2|…`: kept doses written by a newer version.
pub fn doses_newer(text: &str) -> bool {
    newer_version(text, DOSES_VERSION)
}

/// `a2…`: kept answers written by a newer version.
pub fn kept_newer(text: &str) -> bool {
    newer_version(text, KEPT_VERSION)
}

/// `None` for anything `encode_doses` could not have written (an old version, damage), and for
/// an entry day later than the day after `today` (no real entry is; attack review B5).
pub fn decode_doses(text: &str, today: Date) -> Option<Doses> {
    let mut parts = text.splitn(7, '|');
    if parts.next()? != DOSES_VERSION {
        return None;
    }
    let person = match parts.next()? {
        "adult" => Person::Adult,
        "child" => Person::Child,
        _ => return None,
    };
    let form = match parts.next()? {
        "tablet" => Form::Tablet,
        "liquid" => Form::Liquid,
        "granules" => Form::Granules,
        "pump" => Form::Pump,
        _ => return None,
    };
    let mut times = Vec::new();
    for text in parts.next()?.split(',').filter(|t| !t.is_empty()) {
        let time = ClockTime::parse(text).ok()?;
        if time.to_string() != text {
            return None;
        }
        times.push(time);
    }
    match form {
        Form::Pump if !times.is_empty() => return None,
        Form::Pump => {}
        _ => {
            if Schedule::from_times(&times, &crate::content::SCHEDULE_LIMITS).ok()?.times()
                != times.as_slice()
            {
                return None;
            }
        }
    }
    let named_title = match parts.next()? {
        "named" => true,
        "plain" => false,
        _ => return None,
    };
    let entered = parse_iso_date(parts.next()?)?;
    if entered.days_since_epoch() > today.days_since_epoch() + baclofen_logic::carer_link::MOST_DAYS_AHEAD {
        return None;
    }
    let name = parts.next()?.to_owned();
    name_ok(&name).then_some(Doses { person, form, times, named_title, entered, name })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeptKind {
    Missed,
    Symptoms,
}

/// One answer kept for the appointment, in the words the person saw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kept {
    pub kind: KeptKind,
    pub at: Instant,
    /// The level or action in words ("Take the missed dose now", "Contact your prescriber today").
    pub level: String,
    /// What the answer said: the rules that fired, in words.
    pub detail: String,
}

/// Words are kept on one line, without the separator.
fn flat(text: &str) -> String {
    text.chars()
        .map(|c| if c == '|' || c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_owned()
}

pub fn encode_kept(list: &[Kept]) -> String {
    let mut out = String::from(KEPT_VERSION);
    for kept in list {
        let kind = match kept.kind {
            KeptKind::Missed => "missed",
            KeptKind::Symptoms => "symptoms",
        };
        out.push('\n');
        out.push_str(&[kind, &kept.at.0.to_string(), &flat(&kept.level), &flat(&kept.detail)].join("|"));
    }
    out
}

/// The answers that can be read, and how many lines were damaged (dropped on their own). A
/// wrong version drops everything and counts as one.
pub fn decode_kept(text: &str) -> (Vec<Kept>, usize) {
    let mut lines = text.split('\n');
    if lines.next() != Some(KEPT_VERSION) {
        return (Vec::new(), 1);
    }
    let mut list = Vec::new();
    let mut damaged = 0;
    for line in lines {
        match decode_kept_line(line) {
            Some(kept) if list.len() < MAX_KEPT => list.push(kept),
            Some(_) => {}
            None => damaged += 1,
        }
    }
    (list, damaged)
}

fn decode_kept_line(line: &str) -> Option<Kept> {
    let mut parts = line.split('|');
    let kind = match parts.next()? {
        "missed" => KeptKind::Missed,
        "symptoms" => KeptKind::Symptoms,
        _ => return None,
    };
    let minutes: i64 = parts.next()?.parse().ok()?;
    let level = parts.next()?.to_owned();
    let detail = parts.next()?.to_owned();
    let sane = |s: &str| !s.is_empty() && s.len() <= 600 && flat(s) == s;
    (parts.next().is_none() && minutes > 0 && sane(&level) && (detail.is_empty() || sane(&detail)))
        .then_some(Kept { kind, at: Instant(minutes), level, detail })
}

/// The list with one more answer, the oldest dropped past [`MAX_KEPT`].
pub fn add_kept(mut list: Vec<Kept>, kept: Kept) -> Vec<Kept> {
    list.push(Kept { level: flat(&kept.level), detail: flat(&kept.detail), ..kept });
    while list.len() > MAX_KEPT {
        list.remove(0);
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::new(2026, 12, 7).unwrap()
    }

    fn t(text: &str) -> ClockTime {
        ClockTime::parse(text).unwrap()
    }

    fn doses() -> Doses {
        Doses {
            person: Person::Child,
            form: Form::Liquid,
            times: vec![t("07:00"), t("13:00"), t("19:00")],
            named_title: false,
            entered: Date::new(2026, 11, 23).unwrap(),
            name: "Sam | Jo".into(),
        }
    }

    #[test]
    fn doses_round_trip_and_read_as_written() {
        let text = encode_doses(&doses());
        assert_eq!(text, "k1|child|liquid|07:00,13:00,19:00|plain|2026-11-23|Sam | Jo");
        assert_eq!(decode_doses(&text, today()), Some(doses()));
        let pump = Doses { form: Form::Pump, times: vec![], name: String::new(), ..doses() };
        assert_eq!(decode_doses(&encode_doses(&pump), today()), Some(pump));
        // B5: an entry day later than tomorrow is not a real one (a stored 2099).
        let future = "k1|adult|tablet|08:00|plain|2099-01-01|Sam";
        assert_eq!(decode_doses(future, today()), None);
        let tomorrow = "k1|adult|tablet|08:00|plain|2026-12-08|Sam";
        assert!(decode_doses(tomorrow, today()).is_some());
        // B4: a kept name with a phone number or hidden formatting is not read back.
        for name in ["Call 0800 555 0123", "\u{202E}Sam", "Sam\u{2028}x"] {
            assert_eq!(
                decode_doses(&format!("k1|adult|tablet|08:00|plain|2026-11-23|{name}"), today()),
                None,
                "{name:?}"
            );
        }
    }

    /// B17: records from a newer version are recognised (and left alone by the device code).
    #[test]
    fn newer_versions_are_recognised() {
        assert!(doses_newer("k2|adult|tablet|08:00|plain|2026-11-23|"));
        assert!(kept_newer("a2\nmissed|29000000|Take it now|Then 15:00"));
        assert!(!doses_newer("k1|adult"));
        assert!(!doses_newer("k0|adult"));
        assert!(!doses_newer("kx|adult"));
        assert!(!kept_newer("a1\nmissed|1|x|y"));
        assert!(!kept_newer("garbage"));
    }

    #[test]
    fn old_or_damaged_doses_are_refused() {
        for bad in [
            "",
            "k0|adult|tablet|08:00|plain|2026-11-23|",
            "k1|adult|tablet|08:00|plain|2026-11-23",
            "k1|someone|tablet|08:00|plain|2026-11-23|",
            "k1|adult|tablet|8:00|plain|2026-11-23|",
            "k1|adult|tablet|08:00,08:30|plain|2026-11-23|",
            "k1|adult|tablet||plain|2026-11-23|",
            "k1|adult|pump|08:00|plain|2026-11-23|",
            "k1|adult|tablet|08:00|loud|2026-11-23|",
            "k1|adult|tablet|08:00|plain|2026-02-30|",
            "k1|adult|tablet|08:00|plain|2026-11-23| Sam",
            "k1|adult|tablet|08:00|plain|2026-11-23|a\nb",
            "v1|adult|tablet|08:00",
        ] {
            assert_eq!(decode_doses(bad, today()), None, "{bad:?}");
        }
    }

    #[test]
    fn a_damaged_kept_answer_is_dropped_alone() {
        let a = Kept {
            kind: KeptKind::Missed,
            at: Instant(29_000_000),
            level: "Take it now".into(),
            detail: "Then the next dose at 15:00.".into(),
        };
        let b = Kept {
            kind: KeptKind::Symptoms,
            at: Instant(29_000_100),
            level: "Contact your prescriber today".into(),
            detail: "More spasms than usual".into(),
        };
        let text = encode_kept(&[a.clone(), b.clone()]);
        assert_eq!(decode_kept(&text), (vec![a.clone(), b.clone()], 0));
        let damaged = text.replacen("missed|", "mised|", 1);
        assert_eq!(decode_kept(&damaged), (vec![b.clone()], 1));
        assert_eq!(decode_kept("a0\nmissed|1|x|y"), (vec![], 1));
        assert_eq!(decode_kept("a1"), (vec![], 0));
    }

    #[test]
    fn kept_words_stay_on_one_line_and_the_list_stays_short() {
        let mut list = Vec::new();
        for i in 0..20 {
            list = add_kept(
                list,
                Kept {
                    kind: KeptKind::Missed,
                    at: Instant(1000 + i),
                    level: "a|b\nc".into(),
                    detail: String::new(),
                },
            );
        }
        assert_eq!(list.len(), MAX_KEPT);
        assert_eq!(list[0].at, Instant(1014));
        assert_eq!(list[0].level, "a b c");
        assert_eq!(decode_kept(&encode_kept(&list)).0, list);
    }
}
