//! One record of the person's schedule (issue 28 item 5): who the medicine is for, how it is
//! taken, the dose times and the day they were entered, with the take-it-with-you extras (a first
//! name and the calendar title). The missed-dose helper and take-it-with-you both read and write
//! this one record, so a change of times in one is what the other offers (hazard H139).
//!
//! Kept only after the person opts in, as JSON under `baclofen-guide.schedule`:
//! `{"version":1,"person":"adult","form":"tablet","times":["08:00","20:00"],"entered":"2026-11-23","name":"","title":"plain"}`.
//!
//! The two stores it replaces are read once and moved into it: the missed-dose helper's
//! `baclofen-guide.dose-times` (`v1|adult|tablet|08:00,20:00`, no entry date: the day it is
//! moved is used) and take-it-with-you's `baclofen-guide.keep`
//! (`k1|adult|tablet|08:00,20:00|plain|2026-11-23|Sam`). When both hold different times the
//! dated one (`k1`) is kept and the person is asked to check them.
//!
//! Attack review B17: a record written by a newer version of the guide (`"version": 2`, `v2|…`,
//! `k2|…`) is left exactly as it is and never overwritten; a damaged one is removed only with a
//! notice. The pure part (`read`, `encode`, `decode`) is tested natively; `load`, `save` and
//! `forget` touch the browser's local storage.

use baclofen_logic::missed_dose::{Form, Person};
use baclofen_logic::schedule::Schedule;
use baclofen_logic::time::{ClockTime, Date};
use serde::{Deserialize, Serialize};

pub const KEY: &str = "baclofen-guide.schedule";
/// The missed-dose helper's store before the one record (`v1|…`).
pub const OLD_MISSED_DOSE_KEY: &str = "baclofen-guide.dose-times";
/// Take-it-with-you's store before the one record (`k1|…`).
pub const OLD_KEEP_KEY: &str = "baclofen-guide.keep";
const VERSION: u32 = 1;

/// The person's schedule as kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScheduleRecord {
    pub person: Person,
    pub form: Form,
    /// Empty for a pump; otherwise a valid schedule, in the order the person gave them.
    pub times: Vec<ClockTime>,
    /// The calendar title names the medicine ("Baclofen") rather than "Medicine reminder".
    pub named_title: bool,
    /// The day the times were entered (shown on the summary and in the calendar note).
    pub entered: Date,
    /// A first name, possibly empty (take-it-with-you's summary and carer link).
    pub name: String,
}

impl ScheduleRecord {
    /// The record after the missed-dose helper saved `person`, `form` and `times` on `today`:
    /// the name and calendar title stay; the entry day moves only when something changed.
    pub fn with_schedule(
        previous: Option<&ScheduleRecord>,
        person: Person,
        form: Form,
        times: Vec<ClockTime>,
        today: Date,
    ) -> ScheduleRecord {
        let same = previous.filter(|p| p.person == person && p.form == form && p.times == times);
        ScheduleRecord {
            person,
            form,
            times,
            named_title: previous.is_some_and(|p| p.named_title),
            entered: same.map_or(today, |p| p.entered),
            name: previous.map(|p| p.name.clone()).unwrap_or_default(),
        }
    }
}

/// Why a stored record is not used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Damaged (or a version that never existed): removed, with a notice.
    Damaged,
    /// Written by a newer version of the guide: left as it is, with a notice.
    Newer,
    /// Both old stores held different times: the dated one was kept; the person should check.
    Differed,
}

/// What was found on the device, and what to do with its storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub record: Option<ScheduleRecord>,
    pub problem: Option<Problem>,
    /// The one record to write (a migration), if any.
    pub write: Option<String>,
    /// Keys to remove once `write` (if any) is stored.
    pub remove: Vec<&'static str>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
enum StoredPerson {
    Adult,
    Child,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
enum StoredForm {
    Tablet,
    Liquid,
    Granules,
    Pump,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
enum StoredTitle {
    Plain,
    Named,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Stored {
    version: u32,
    person: StoredPerson,
    form: StoredForm,
    times: Vec<String>,
    entered: String,
    name: String,
    title: StoredTitle,
}

/// Only the version, read first: a newer record may have any other shape.
#[derive(Deserialize)]
struct Versioned {
    version: u32,
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

pub fn encode(record: &ScheduleRecord) -> String {
    let stored = Stored {
        version: VERSION,
        person: match record.person {
            Person::Adult => StoredPerson::Adult,
            Person::Child => StoredPerson::Child,
        },
        form: match record.form {
            Form::Tablet => StoredForm::Tablet,
            Form::Liquid => StoredForm::Liquid,
            Form::Granules => StoredForm::Granules,
            Form::Pump => StoredForm::Pump,
        },
        times: record.times.iter().map(ClockTime::to_string).collect(),
        entered: iso_date(record.entered),
        name: record.name.clone(),
        title: if record.named_title { StoredTitle::Named } else { StoredTitle::Plain },
    };
    serde_json::to_string(&stored).unwrap_or_default()
}

/// Times as the time field shows them ("08:00", never "8:00"), in the person's order (the first
/// dose of their day first), making a valid schedule (none for a pump).
fn checked_times(form: Form, texts: &[&str]) -> Option<Vec<ClockTime>> {
    let mut times = Vec::new();
    for text in texts {
        let time = ClockTime::parse(text).ok()?;
        if time.to_string() != *text {
            return None;
        }
        times.push(time);
    }
    match form {
        Form::Pump => times.is_empty().then_some(times),
        _ => Schedule::from_times(&times, &crate::content::SCHEDULE_LIMITS).ok().map(|_| times),
    }
}

/// A name can be kept: the carer link's own rule (empty, or one short line with no hidden
/// formatting and no phone number; attack review B4).
pub fn name_ok(name: &str) -> bool {
    baclofen_logic::carer_link::name_ok(name)
}

/// An entry day later than the day after `today` is not a real one (attack review B5).
fn entered_ok(entered: Date, today: Date) -> bool {
    entered.days_since_epoch() <= today.days_since_epoch() + baclofen_logic::carer_link::MOST_DAYS_AHEAD
}

/// The record `encode` wrote; `Err(Newer)` for a later version; `Err(Damaged)` for anything
/// else.
pub fn decode(text: &str, today: Date) -> Result<ScheduleRecord, Problem> {
    let version = serde_json::from_str::<Versioned>(text).map_err(|_| Problem::Damaged)?.version;
    if version > VERSION {
        return Err(Problem::Newer);
    }
    let stored: Stored = serde_json::from_str(text).map_err(|_| Problem::Damaged)?;
    if stored.version != VERSION {
        return Err(Problem::Damaged);
    }
    let person = match stored.person {
        StoredPerson::Adult => Person::Adult,
        StoredPerson::Child => Person::Child,
    };
    let form = match stored.form {
        StoredForm::Tablet => Form::Tablet,
        StoredForm::Liquid => Form::Liquid,
        StoredForm::Granules => Form::Granules,
        StoredForm::Pump => Form::Pump,
    };
    let texts: Vec<&str> = stored.times.iter().map(String::as_str).collect();
    let times = checked_times(form, &texts).ok_or(Problem::Damaged)?;
    let entered =
        parse_iso_date(&stored.entered).filter(|d| entered_ok(*d, today)).ok_or(Problem::Damaged)?;
    if !name_ok(&stored.name) {
        return Err(Problem::Damaged);
    }
    let named_title = matches!(stored.title, StoredTitle::Named);
    Ok(ScheduleRecord { person, form, times, named_title, entered, name: stored.name })
}

/// Whether `text` starts with a version later than `current` (`k2|…` against `k1`).
fn newer_prefix(text: &str, letter: char, current: u32) -> bool {
    let head = text.split('|').next().unwrap_or("");
    head.strip_prefix(letter)
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|n| n.parse::<u32>().ok())
        .is_some_and(|n| n > current)
}

fn person_from(text: &str) -> Option<Person> {
    match text {
        "adult" => Some(Person::Adult),
        "child" => Some(Person::Child),
        _ => None,
    }
}

fn form_from(text: &str) -> Option<Form> {
    match text {
        "tablet" => Some(Form::Tablet),
        "liquid" => Some(Form::Liquid),
        "granules" => Some(Form::Granules),
        "pump" => Some(Form::Pump),
        _ => None,
    }
}

/// The missed-dose helper's old record, `v1|adult|tablet|08:00,14:00,20:00` (never a pump):
/// who, how and the times as the fields show them (at most the most doses a day).
pub fn decode_v1(text: &str) -> Option<(Person, Form, Vec<String>)> {
    let mut parts = text.split('|');
    if parts.next()? != "v1" {
        return None;
    }
    let person = person_from(parts.next()?)?;
    let form = form_from(parts.next()?).filter(|f| *f != Form::Pump)?;
    let mut times = Vec::new();
    for text in parts.next()?.split(',').filter(|t| !t.is_empty()) {
        let time = ClockTime::parse(text).ok()?;
        if time.to_string() != text {
            return None;
        }
        times.push(time.to_string());
    }
    let valid = parts.next().is_none()
        && !times.is_empty()
        && times.len() <= crate::content::SCHEDULE_LIMITS.max_doses_per_day;
    valid.then_some((person, form, times))
}

/// The missed-dose helper's old record as a schedule record entered on `today` (its own did not
/// keep a day).
fn migrate_v1(text: &str, today: Date) -> Option<ScheduleRecord> {
    let (person, form, times) = decode_v1(text)?;
    let texts: Vec<&str> = times.iter().map(String::as_str).collect();
    let times = checked_times(form, &texts)?;
    Some(ScheduleRecord { person, form, times, named_title: false, entered: today, name: String::new() })
}

/// Take-it-with-you's old record, `k1|adult|tablet|08:00,20:00|plain|2026-11-23|Sam`.
pub fn decode_k1(text: &str, today: Date) -> Option<ScheduleRecord> {
    let mut parts = text.splitn(7, '|');
    if parts.next()? != "k1" {
        return None;
    }
    let person = person_from(parts.next()?)?;
    let form = form_from(parts.next()?)?;
    let texts: Vec<&str> = parts.next()?.split(',').filter(|t| !t.is_empty()).collect();
    let times = checked_times(form, &texts)?;
    let named_title = match parts.next()? {
        "named" => true,
        "plain" => false,
        _ => return None,
    };
    let entered = parse_iso_date(parts.next()?).filter(|d| entered_ok(*d, today))?;
    let name = parts.next()?.to_owned();
    name_ok(&name).then_some(ScheduleRecord { person, form, times, named_title, entered, name })
}

/// What the device holds, from the one record (`current`) or, before it exists, from the two
/// old stores; and what to write and remove to move them into the one record. Pure.
pub fn read(
    current: Option<&str>,
    old_missed_dose: Option<&str>,
    old_keep: Option<&str>,
    today: Date,
) -> Found {
    let none = Found { record: None, problem: None, write: None, remove: Vec::new() };
    if let Some(text) = current {
        return match decode(text, today) {
            Ok(record) => Found { record: Some(record), ..none },
            Err(Problem::Newer) => Found { problem: Some(Problem::Newer), ..none },
            Err(_) => Found { problem: Some(Problem::Damaged), remove: vec![KEY], ..none },
        };
    }
    // Before the one record: each old store is read, a newer one is left alone.
    let mut problem = None;
    let mut remove = Vec::new();
    let mut from_missed_dose = None;
    if let Some(text) = old_missed_dose {
        if newer_prefix(text, 'v', 1) {
            problem = Some(Problem::Newer);
        } else {
            remove.push(OLD_MISSED_DOSE_KEY);
            from_missed_dose = migrate_v1(text, today);
            if from_missed_dose.is_none() {
                problem = Some(Problem::Damaged);
            }
        }
    }
    let mut from_keep = None;
    if let Some(text) = old_keep {
        if newer_prefix(text, 'k', 1) {
            problem = Some(Problem::Newer);
        } else {
            remove.push(OLD_KEEP_KEY);
            from_keep = decode_k1(text, today);
            if from_keep.is_none() {
                problem = problem.or(Some(Problem::Damaged));
            }
        }
    }
    let record = match (from_keep, from_missed_dose) {
        (Some(keep), Some(missed))
            if (keep.person, keep.form, &keep.times) != (missed.person, missed.form, &missed.times) =>
        {
            problem = problem.or(Some(Problem::Differed));
            Some(keep)
        }
        (Some(keep), _) => Some(keep),
        (None, missed) => missed,
    };
    // A newer record in an old store stays where it is, and nothing is written over its place.
    let write = match problem {
        Some(Problem::Newer) => None,
        _ => record.as_ref().map(encode),
    };
    Found { record, problem, write, remove }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn get(storage: &web_sys::Storage, key: &str) -> Option<String> {
    storage.get_item(key).ok().flatten()
}

fn put(storage: &web_sys::Storage, key: &str, text: &str) -> bool {
    storage.set_item(key, text).is_ok() && get(storage, key).as_deref() == Some(text)
}

/// Reads the record (moving the old stores into it once), removing only damaged records and the
/// old stores once their record is written.
pub fn load(today: Date) -> Found {
    let Some(storage) = storage() else {
        return read(None, None, None, today);
    };
    let found = read(
        get(&storage, KEY).as_deref(),
        get(&storage, OLD_MISSED_DOSE_KEY).as_deref(),
        get(&storage, OLD_KEEP_KEY).as_deref(),
        today,
    );
    let written = found.write.as_ref().is_none_or(|text| put(&storage, KEY, text));
    if written {
        for key in &found.remove {
            let _ = storage.remove_item(key);
        }
    }
    found
}

/// Keeps `record`; `false` when the browser refused (storage blocked, full or off) or when the
/// device holds a record from a newer version, which is never written over (B17).
pub fn save(record: &ScheduleRecord) -> bool {
    let Some(storage) = storage() else {
        return false;
    };
    let newer = get(&storage, KEY).is_some_and(|t| decode_newer(&t))
        || get(&storage, OLD_MISSED_DOSE_KEY).is_some_and(|t| newer_prefix(&t, 'v', 1))
        || get(&storage, OLD_KEEP_KEY).is_some_and(|t| newer_prefix(&t, 'k', 1));
    if newer || !put(&storage, KEY, &encode(record)) {
        return false;
    }
    for key in [OLD_MISSED_DOSE_KEY, OLD_KEEP_KEY] {
        let _ = storage.remove_item(key);
    }
    true
}

fn decode_newer(text: &str) -> bool {
    serde_json::from_str::<Versioned>(text).is_ok_and(|v| v.version > VERSION)
}

/// The record as it is stored now, if it can be read (for a change that keeps its other parts).
pub fn stored(today: Date) -> Option<ScheduleRecord> {
    storage().and_then(|s| get(&s, KEY)).and_then(|text| decode(&text, today).ok())
}

/// Forgets the schedule (the person unticked "keep" or "remember", or cleared everything): the
/// one record and the old stores.
pub fn forget() {
    if let Some(storage) = storage() {
        for key in [KEY, OLD_MISSED_DOSE_KEY, OLD_KEEP_KEY] {
            let _ = storage.remove_item(key);
        }
    }
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

    fn sam() -> ScheduleRecord {
        ScheduleRecord {
            person: Person::Child,
            form: Form::Liquid,
            times: vec![t("07:00"), t("13:00"), t("19:00")],
            named_title: false,
            entered: Date::new(2026, 11, 23).unwrap(),
            name: "Sam|Jo".into(),
        }
    }

    #[test]
    fn the_record_round_trips_as_json() {
        let text = encode(&sam());
        assert_eq!(
            text,
            r#"{"version":1,"person":"child","form":"liquid","times":["07:00","13:00","19:00"],"entered":"2026-11-23","name":"Sam|Jo","title":"plain"}"#
        );
        assert_eq!(decode(&text, today()), Ok(sam()));
        let pump = ScheduleRecord { form: Form::Pump, times: vec![], named_title: true, ..sam() };
        assert_eq!(decode(&encode(&pump), today()), Ok(pump));
    }

    #[test]
    fn a_damaged_record_is_damaged_and_a_newer_one_is_newer() {
        let good = encode(&sam());
        for bad in [
            String::new(),
            "{".into(),
            "k1|adult|tablet|08:00|plain|2026-11-23|".into(),
            good.replace("\"07:00\"", "\"7:00\""),
            good.replace("\"13:00\"", "\"07:30\""),
            good.replace("liquid", "pill"),
            good.replace("child", "someone"),
            good.replace("2026-11-23", "2099-01-01"),
            good.replace("2026-11-23", "2026-02-30"),
            good.replace("Sam|Jo", "Call 0800 555 0123"),
            good.replace("\"version\":1", "\"version\":0"),
            good.replace("\"title\":\"plain\"", "\"title\":\"plain\",\"extra\":1"),
            good.replace("[\"07:00\",\"13:00\",\"19:00\"]", "[]"),
        ] {
            assert_eq!(decode(&bad, today()), Err(Problem::Damaged), "{bad}");
        }
        for newer in [good.replace("\"version\":1", "\"version\":2"), r#"{"version":7,"any":"shape"}"#.into()]
        {
            assert_eq!(decode(&newer, today()), Err(Problem::Newer), "{newer}");
        }
    }

    /// Migration of the missed-dose helper's `v1|` record: moved into the one record, entered today.
    #[test]
    fn a_v1_record_moves_into_the_one_record() {
        let found = read(None, Some("v1|adult|tablet|08:00,20:00"), None, today());
        let record = found.record.clone().expect("read");
        assert_eq!(record.times, vec![t("08:00"), t("20:00")]);
        assert_eq!((record.person, record.form, record.entered), (Person::Adult, Form::Tablet, today()));
        assert_eq!(found.problem, None);
        assert_eq!(found.write, Some(encode(&record)));
        assert_eq!(found.remove, vec![OLD_MISSED_DOSE_KEY]);
    }

    /// Migration of take-it-with-you's `k1|` record, with its name, title and entry day.
    #[test]
    fn a_k1_record_moves_into_the_one_record() {
        let found =
            read(None, None, Some("k1|child|liquid|07:00,13:00,19:00|plain|2026-11-23|Sam|Jo"), today());
        assert_eq!(found.record, Some(sam()));
        assert_eq!(found.write, Some(encode(&sam())));
        assert_eq!(found.remove, vec![OLD_KEEP_KEY]);
        let pump = read(None, None, Some("k1|adult|pump||named|2026-11-23|"), today());
        assert_eq!(pump.record.map(|r| (r.form, r.times.len(), r.named_title)), Some((Form::Pump, 0, true)));
    }

    /// Both old stores: the same times merge quietly; different times keep the dated one and
    /// ask the person to check.
    #[test]
    fn both_old_records_become_one() {
        let keep = "k1|adult|tablet|08:00,20:00|named|2026-11-23|Sam";
        let same = read(None, Some("v1|adult|tablet|08:00,20:00"), Some(keep), today());
        assert_eq!(same.problem, None);
        assert_eq!(same.record.as_ref().map(|r| r.name.as_str()), Some("Sam"));
        assert_eq!(same.remove, vec![OLD_MISSED_DOSE_KEY, OLD_KEEP_KEY]);
        let differ = read(None, Some("v1|adult|tablet|09:00,21:00"), Some(keep), today());
        assert_eq!(differ.problem, Some(Problem::Differed));
        assert_eq!(differ.record.map(|r| r.times), Some(vec![t("08:00"), t("20:00")]));
    }

    /// B17: a `v2|` or `k2|` record is left as it is (not removed, nothing written over it);
    /// a damaged old record is removed with a notice; the other store still moves.
    #[test]
    fn newer_old_records_are_kept_and_damaged_ones_are_reported() {
        for (missed, keep) in [
            (Some("v2|adult|tablet|08:00|something new"), None),
            (None, Some("k2|adult|tablet|07:00|plain|2026-11-01|Me|extra")),
            (Some("v2|x"), Some("k1|adult|tablet|08:00,20:00|plain|2026-11-23|")),
        ] {
            let found = read(None, missed, keep, today());
            assert_eq!(found.problem, Some(Problem::Newer), "{missed:?} {keep:?}");
            assert_eq!(found.write, None, "nothing written beside a newer record");
            assert!(
                !found.remove.contains(&OLD_MISSED_DOSE_KEY) || missed.is_none_or(|m| !m.starts_with("v2"))
            );
            assert!(!found.remove.contains(&OLD_KEEP_KEY) || keep.is_none_or(|k| !k.starts_with("k2")));
        }
        for damaged in ["v1|adult|tablet|25:00", "v0|adult|tablet|08:00", "v1|adult|pump|08:00", "garbage"] {
            let found = read(None, Some(damaged), None, today());
            assert_eq!((found.record, found.problem), (None, Some(Problem::Damaged)), "{damaged}");
            assert_eq!(found.remove, vec![OLD_MISSED_DOSE_KEY]);
        }
        let one_bad = read(
            None,
            Some("v1|adult|tablet|08:00"),
            Some("k1|adult|tablet|08:00,08:30|plain|2026-11-23|"),
            today(),
        );
        assert_eq!(one_bad.problem, Some(Problem::Damaged));
        assert_eq!(one_bad.record.map(|r| r.times), Some(vec![t("08:00")]));
    }

    /// The one record wins over anything left in the old stores; a newer one is not touched.
    #[test]
    fn the_one_record_is_read_first_and_a_newer_one_is_left_alone() {
        let found = read(Some(&encode(&sam())), Some("v1|adult|tablet|08:00"), None, today());
        assert_eq!((found.record, found.write, found.remove), (Some(sam()), None, vec![]));
        let newer = read(Some(r#"{"version":2}"#), None, None, today());
        assert_eq!((newer.problem, newer.write, newer.remove), (Some(Problem::Newer), None, vec![]));
        let damaged = read(Some("{\"version\":1}"), None, None, today());
        assert_eq!((damaged.problem, damaged.remove), (Some(Problem::Damaged), vec![KEY]));
    }

    /// A save from the missed-dose helper keeps the name and title, and the entry day unless the
    /// schedule changed (so the summary's "entered on" stays true).
    #[test]
    fn a_missed_dose_save_keeps_what_it_does_not_ask() {
        let later = Date::new(2026, 12, 1).unwrap();
        let same =
            ScheduleRecord::with_schedule(Some(&sam()), Person::Child, Form::Liquid, sam().times, later);
        assert_eq!(same, sam());
        let moved = ScheduleRecord::with_schedule(
            Some(&sam()),
            Person::Child,
            Form::Liquid,
            vec![t("08:00"), t("20:00")],
            later,
        );
        assert_eq!((moved.entered, moved.name.as_str()), (later, "Sam|Jo"));
    }

    #[test]
    fn old_or_damaged_data_is_refused() {
        for bad in [
            "",
            "v0|adult|tablet|08:00",
            "v1|adult|tablet|25:00",
            "v1|someone|tablet|08:00",
            "v1|adult|pill|08:00",
            "v1|adult|tablet|08:00|x",
            "v1|adult|tablet|1,2,3,4,5,6,7",
            "v1|adult|tablet|8:00",
            "v1|adult|tablet|08:00:00",
            "v1|adult|tablet|",
            "v1|adult|pump|08:00",
            "{\"times\":[]}",
        ] {
            assert_eq!(decode_v1(bad), None, "{bad}");
        }
    }
}
