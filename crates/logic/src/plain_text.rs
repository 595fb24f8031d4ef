//! Rules for text that comes from outside (a clinic's settings, a carer link, a search link) and
//! is shown as a name or as someone's words: what makes it unsafe to show. One copy, used by the
//! settings (`src/settings.rs`), the carer link and what the device keeps, so a name refused in
//! one place is refused everywhere.

/// Format characters (Unicode's Cf (format) group: bidi controls and isolates, zero-width
/// characters, the Arabic letter mark, invisible operators, tags…), control characters, line and
/// paragraph separators, and blank "filler" letters: characters that change or hide what text
/// shows.
pub fn hidden(c: char) -> bool {
    const RANGES: [(u32, u32); 25] = [
        (0x00AD, 0x00AD),
        (0x034F, 0x034F),
        (0x0600, 0x0605),
        (0x061C, 0x061C),
        (0x06DD, 0x06DD),
        (0x070F, 0x070F),
        (0x0890, 0x0891),
        (0x08E2, 0x08E2),
        (0x115F, 0x1160),
        (0x17B4, 0x17B5),
        (0x180B, 0x180F),
        (0x200B, 0x200F),
        (0x2028, 0x202E),
        (0x2060, 0x206F),
        (0x3164, 0x3164),
        (0xFE00, 0xFE0F),
        (0xFEFF, 0xFEFF),
        (0xFFA0, 0xFFA0),
        (0xFFF9, 0xFFFB),
        (0x110BD, 0x110BD),
        (0x110CD, 0x110CD),
        (0x13430, 0x1343F),
        (0x1BCA0, 0x1BCA3),
        (0x1D173, 0x1D17A),
        (0xE0000, 0xE0FFF),
    ];
    let c32 = c as u32;
    c.is_control() || RANGES.iter().any(|(from, to)| (*from..=*to).contains(&c32))
}

/// The most digits a name may hold: "Clinic 24" is a name, "Call 09 09 87…" is not.
pub const MOST_DIGITS_IN_A_NAME: usize = 2;

/// How many digits the text holds, in any script (ASCII, full-width `０`, Arabic-Indic,
/// mathematical `𝟎`…) and however they are spaced: a phone number split by spaces, dots or
/// hyphens is still a phone number.
pub fn digits(text: &str) -> usize {
    text.chars().filter(|c| c.is_numeric()).count()
}

/// Whether the text could be read as a phone number or an instruction to call one: more than
/// [`MOST_DIGITS_IN_A_NAME`] digits in all.
pub fn holds_a_number(text: &str) -> bool {
    digits(text) > MOST_DIGITS_IN_A_NAME
}

/// A name that is safe to show as a name: no hidden formatting, no angle brackets, no phone
/// number, at most `max_chars` characters, not empty, no spaces at either end.
pub fn name_ok(name: &str, max_chars: usize) -> bool {
    let chars = name.chars().count();
    (1..=max_chars).contains(&chars)
        && name.trim() == name
        && !name.chars().any(|c| hidden(c) || c == '<' || c == '>')
        && !holds_a_number(name)
}

/// The text without its hidden formatting characters (for words that are echoed back, such as
/// a search).
pub fn without_hidden(text: &str) -> String {
    text.chars().filter(|c| !hidden(*c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_counted_in_every_script_and_spacing() {
        for number in [
            "Call 09 09 87 90 55 5 now",
            "Riverside ０９０９ ８７９ ０５５５",
            "Riverside 𝟎𝟗𝟎𝟗",
            "٠٩٠٩",
            "0-9-0",
            "999",
        ] {
            assert!(holds_a_number(number), "{number}");
            assert!(!name_ok(number, 80), "{number}");
        }
        for name in ["Clinic 24", "Sam", "Jo-Anne O'Neil", "مستشفى الشفاء", "Zoë"] {
            assert!(!holds_a_number(name), "{name}");
            assert!(name_ok(name, 80), "{name}");
        }
    }

    #[test]
    fn hidden_formatting_is_refused_and_can_be_stripped() {
        for bad in ["\u{202E}Sam", "Sa\u{200B}m", "Sam\u{2028}x", "\u{2066}Sam\u{2069}", "Sam\u{E0041}"] {
            assert!(!name_ok(bad, 80), "{bad:?}");
            assert!(!without_hidden(bad).chars().any(hidden));
        }
        assert!(!name_ok("", 80));
        assert!(!name_ok(" Sam", 80));
        assert!(!name_ok("<b>", 80));
        assert!(!name_ok(&"a".repeat(41), 40));
        assert!(name_ok(&"a".repeat(40), 40));
    }
}
