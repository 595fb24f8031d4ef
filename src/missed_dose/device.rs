//! The browser side of the helper: the device clock and time zone, and the opt-in memory of
//! the dose times in local storage.

use baclofen_logic::missed_dose::{Form, Person};
use baclofen_logic::time::{Instant, Zone};

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

const STORAGE_KEY: &str = "baclofen-guide.dose-times";
const FORMAT_VERSION: &str = "v1";

/// What was found in local storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Remembered {
    Nothing,
    Found {
        person: Person,
        form: Form,
        times: Vec<String>,
    },
    /// Something was stored but could not be read (an old version or damaged): it was removed.
    Discarded,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// `v1|adult|tablet|08:00,14:00,20:00`: small, readable, no JSON parser in the wasm.
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
    format!("{FORMAT_VERSION}|{person}|{form}|{}", times.join(","))
}

pub fn decode(stored: &str) -> Option<(Person, Form, Vec<String>)> {
    let mut parts = stored.split('|');
    if parts.next()? != FORMAT_VERSION {
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
    // Each time as the time field shows it ("08:00", never "8:00" or "08:00:00"), so a field can
    // never look empty while the answer uses a stored time.
    let mut times = Vec::new();
    for text in parts.next()?.split(',').filter(|t| !t.is_empty()) {
        let time = baclofen_logic::time::ClockTime::parse(text).ok()?;
        if time.to_string() != text {
            return None;
        }
        times.push(time.to_string());
    }
    let valid = parts.next().is_none()
        && !times.is_empty()
        && times.len() <= crate::content::SCHEDULE_LIMITS.max_doses_per_day
        && form != Form::Pump;
    valid.then_some((person, form, times))
}

pub fn load() -> Remembered {
    let Some(storage) = storage() else {
        return Remembered::Nothing;
    };
    match storage.get_item(STORAGE_KEY).ok().flatten() {
        None => Remembered::Nothing,
        Some(text) => match decode(&text) {
            Some((person, form, times)) => Remembered::Found { person, form, times },
            None => {
                let _ = storage.remove_item(STORAGE_KEY);
                Remembered::Discarded
            }
        },
    }
}

/// Keeps the times; `false` when the browser refused (storage blocked, full or off).
pub fn save(person: Person, form: Form, times: &[String]) -> bool {
    let text = encode(person, form, times);
    storage().is_some_and(|storage| {
        storage.set_item(STORAGE_KEY, &text).is_ok()
            && storage.get_item(STORAGE_KEY).ok().flatten().as_deref() == Some(text.as_str())
    })
}

pub fn forget() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(STORAGE_KEY);
    }
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
            assert_eq!(decode(bad), None, "{bad}");
        }
    }
}
