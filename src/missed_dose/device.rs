//! The browser side of the helper: the device clock and time zone, and the opt-in memory of
//! the dose times (the one schedule record, `crate::schedule_record`).

use crate::schedule_record::{self, Problem, ScheduleRecord};
use baclofen_logic::missed_dose::{Form, Person};
use baclofen_logic::time::{ClockTime, Instant, Zone};

/// The device's own time zone, as the browser knows it (including daylight-saving rules).
pub struct DeviceZone;

impl Zone for DeviceZone {
    fn offset_minutes(&self, at: Instant) -> i32 {
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at.0 as f64 * 60_000.0));
        -(date.get_timezone_offset().round() as i32)
    }
}

/// The current instant, to the minute.
pub fn now() -> Instant {
    Instant((js_sys::Date::now() / 60_000.0).floor() as i64)
}

/// What was found on the device (the one schedule record, `crate::schedule_record`, shared with
/// take-it-with-you).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Remembered {
    Nothing,
    Found {
        person: Person,
        form: Form,
        times: Vec<String>,
    },
    /// Something was stored but could not be read (damaged): it was removed.
    Discarded,
    /// Kept by a newer version of this guide: left as it is, and not written over (B17).
    Newer,
}

/// The device's date today.
pub fn today() -> baclofen_logic::time::Date {
    baclofen_logic::time::local_at(&DeviceZone, now()).0
}

/// The missed-dose helper's record before the one schedule record: `v1|adult|tablet|08:00,20:00`
/// (read once, to move it; see `schedule_record::decode_v1`).
pub fn encode(person: Person, form: Form, times: &[String]) -> String {
    let person = match person {
        Person::Adult => "adult",
        Person::Child => "child",
    };
    let form = match form {
        Form::Tablet => "tablet",
        Form::Liquid => "liquid",
        Form::Granules => "granules",
        Form::Pump => "pump",
    };
    ["v1", person, form, &times.join(",")].join("|")
}

pub fn decode(stored: &str) -> Option<(Person, Form, Vec<String>)> {
    schedule_record::decode_v1(stored)
}

/// The schedule kept on this device (a pump has no times to offer).
pub fn load() -> Remembered {
    let found = schedule_record::load(today());
    match (found.record, found.problem) {
        (Some(record), _) if record.form != Form::Pump => Remembered::Found {
            person: record.person,
            form: record.form,
            times: record.times.iter().map(ToString::to_string).collect(),
        },
        (_, Some(Problem::Newer)) => Remembered::Newer,
        (_, Some(Problem::Damaged)) => Remembered::Discarded,
        _ => Remembered::Nothing,
    }
}

/// Keeps the times in the one schedule record (its name and calendar title stay); `false` when
/// the browser refused (storage blocked, full or off) or a newer version's record is there.
pub fn save(person: Person, form: Form, times: &[String]) -> bool {
    let Ok(times) = times.iter().map(|t| ClockTime::parse(t)).collect::<Result<Vec<_>, _>>() else {
        return false;
    };
    let today = today();
    let previous = schedule_record::stored(today);
    schedule_record::save(&ScheduleRecord::with_schedule(previous.as_ref(), person, form, times, today))
}

/// Forgets the schedule (for both helpers: it is one record).
pub fn forget() {
    schedule_record::forget();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_times_round_trip() {
        let times = vec!["08:00".to_string(), "20:00".to_string()];
        assert_eq!(
            decode(&encode(Person::Child, Form::Liquid, &times)),
            Some((Person::Child, Form::Liquid, times))
        );
    }
}
