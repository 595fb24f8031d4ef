//! The helper's words, generated at build time from `content/keep.toml` by `build/keep_gen.rs`
//! (checked there: sources on clinical words, ruled-out claims, no markup, placeholders).

include!(concat!(env!("OUT_DIR"), "/keep.rs"));

/// The message for a refused carer link (every `LinkError` has one: the build makes sure).
pub fn link_error(key: &str) -> &'static str {
    LINK_ERRORS.iter().find(|(k, _)| *k == key).map_or(LINK_ERRORS[0].1, |(_, text)| text)
}

/// Replaces each `{key}` in `template` with its value, without `format!`.
pub fn fill(template: &str, key: &str, value: &str) -> String {
    let pattern = ["{", key, "}"].concat();
    template.replace(&pattern, value)
}

/// "23 Nov 2026": the date in words, the same on every device.
pub fn date_words(date: baclofen_logic::time::Date) -> String {
    const MONTHS: [&str; 12] =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let month = MONTHS[usize::from(date.month.clamp(1, 12)) - 1];
    [date.day.to_string(), month.to_owned(), date.year.to_string()].join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use baclofen_logic::carer_link::LinkError;
    use baclofen_logic::time::Date;

    #[test]
    fn every_link_error_has_its_own_message_saying_nothing_changed() {
        for error in [
            LinkError::NotACarerLink,
            LinkError::UnknownVersion,
            LinkError::Damaged,
            LinkError::NotASchedule,
            LinkError::Pump,
            LinkError::BadName,
            LinkError::FutureDate,
        ] {
            assert!(LINK_ERRORS.iter().any(|(k, _)| *k == error.key()), "{error:?}");
            assert!(link_error(error.key()).contains("Nothing on this device has changed"));
        }
    }

    #[test]
    fn notes_say_where_the_times_came_from_and_when() {
        let date = date_words(Date::new(2026, 11, 23).unwrap());
        assert_eq!(date, "23 Nov 2026");
        let named = fill(WORDS.note_named, "date", &date);
        assert!(named.starts_with("Times you entered in the Baclofen guide on 23 Nov 2026."));
        assert!(named.contains("If your prescriber changes your times"));
        // The plain title's note never names the medicine (calendars are often shared).
        let plain = fill(WORDS.note_plain, "date", &date);
        assert!(!plain.to_lowercase().contains("baclofen"), "{plain}");
        assert!(!WORDS.title_plain.to_lowercase().contains("baclofen"));
    }
}
