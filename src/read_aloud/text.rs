//! What read aloud says, as pure text rules (tested natively): a page's text in sentences, and
//! phone numbers digit by digit ("Call 999" is said "Call 9 9 9"; "1-800-222-1222" is said in its
//! groups, "1, 8 0 0, 2 2 2, 1 2 2 2"), so a listener can dial as they hear it.

/// The byte ranges of the sentences of `text`: a sentence ends at `.`, `?` or `!` followed by
/// a space or the end, or at a colon followed by a space (a list's lead-in). Blank ranges are
/// left out; each range is trimmed.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let push = |from: usize, to: usize, out: &mut Vec<(usize, usize)>| {
        let part = &text[from..to];
        let lead = part.len() - part.trim_start().len();
        let trail = part.len() - part.trim_end().len();
        if part.chars().any(char::is_alphanumeric) {
            out.push((from + lead, to - trail));
        }
    };
    for (i, b) in bytes.iter().enumerate() {
        let at_end = bytes.get(i + 1).is_none_or(|next| next.is_ascii_whitespace());
        if matches!(b, b'.' | b'?' | b'!' | b':') && at_end {
            push(start, i + 1, &mut out);
            start = i + 1;
        }
    }
    push(start, text.len(), &mut out);
    out
}

/// One phone number as it is said: its digits one by one, its groups (split by spaces or
/// hyphens) separated by commas.
pub fn digit_by_digit(number: &str) -> String {
    number
        .split([' ', '-'])
        .filter(|group| !group.is_empty())
        .map(|group| {
            group.chars().filter(char::is_ascii_alphanumeric).map(String::from).collect::<Vec<_>>().join(" ")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `text` with each of `numbers` (as written on the page) said digit by digit wherever it stands
/// as a whole number (not inside a longer number). Longer numbers are replaced first, so "116 123"
/// is not read as "116" and "123".
pub fn with_numbers_spoken(text: &str, numbers: &[String]) -> String {
    let mut numbers: Vec<&String> =
        numbers.iter().filter(|n| n.chars().any(|c| c.is_ascii_digit())).collect();
    numbers.sort_by_key(|n| std::cmp::Reverse(n.len()));
    numbers.dedup();
    let mut out = String::new();
    let mut rest = text;
    'scan: while !rest.is_empty() {
        for number in &numbers {
            if rest.starts_with(number.as_str()) {
                let before = out.chars().next_back();
                let after = rest[number.len()..].chars().next();
                let joined = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || c == '-');
                if !joined(before) && !joined(after) {
                    out.push_str(&digit_by_digit(number));
                    rest = &rest[number.len()..];
                    continue 'scan;
                }
            }
        }
        let c = rest.chars().next().expect("not empty");
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Runs of white space made one space, trimmed: what the speech engine is given.
pub fn plain(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every phone number the content gives for the regions (fact sheet §0c), as written.
pub fn content_numbers() -> Vec<String> {
    let mut out = Vec::new();
    for region in crate::content::REGIONS {
        out.extend(region.emergency_number.map(String::from));
        out.extend(region.also_emergency.iter().map(|n| n.to_string()));
        out.extend(region.out_of_hours_phone.map(String::from));
        out.extend(region.crisis.map(|(_, n)| n.to_string()));
        out.extend(region.poisons.map(|(_, n)| n.to_string()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|(a, b)| &text[a..b]).collect()
    }

    #[test]
    fn sentences_end_at_their_marks_and_keep_decimals_and_times() {
        assert_eq!(
            split("Take it now. Is it late?  Wait 2.5 hours!"),
            ["Take it now.", "Is it late?", "Wait 2.5 hours!"]
        );
        assert_eq!(split("Signs include: a fit"), ["Signs include:", "a fit"]);
        assert_eq!(split("At 08:00 take it"), ["At 08:00 take it"]);
        assert_eq!(split("  \n "), Vec::<&str>::new());
        assert_eq!(split("Sources."), ["Sources."]);
    }

    #[test]
    fn phone_numbers_are_said_digit_by_digit_in_their_groups() {
        assert_eq!(digit_by_digit("999"), "9 9 9");
        assert_eq!(digit_by_digit("116 123"), "1 1 6, 1 2 3");
        assert_eq!(digit_by_digit("1-800-222-1222"), "1, 8 0 0, 2 2 2, 1 2 2 2");
    }

    #[test]
    fn only_whole_numbers_from_the_list_are_spelled_out() {
        let numbers =
            vec!["999".to_string(), "116 123".to_string(), "111".to_string(), "1-800-222-1222".to_string()];
        assert_eq!(with_numbers_spoken("Call 999 now.", &numbers), "Call 9 9 9 now.");
        assert_eq!(with_numbers_spoken("Call NHS 111.", &numbers), "Call NHS 1 1 1.");
        assert_eq!(
            with_numbers_spoken("Samaritans on 116 123, free.", &numbers),
            "Samaritans on 1 1 6, 1 2 3, free."
        );
        assert_eq!(
            with_numbers_spoken("Poison Help 1-800-222-1222.", &numbers),
            "Poison Help 1, 8 0 0, 2 2 2, 1 2 2 2."
        );
        // Doses, times and other numbers are read as numbers.
        assert_eq!(
            with_numbers_spoken("Take 9990 mg or 1999 or 30 minutes.", &numbers),
            "Take 9990 mg or 1999 or 30 minutes."
        );
    }

    #[test]
    fn the_content_numbers_include_each_regions_emergency_number() {
        let numbers = content_numbers();
        for n in ["999", "911", "111", "116 123"] {
            assert!(numbers.iter().any(|m| m == n), "{n}");
        }
    }
}
