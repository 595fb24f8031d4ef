//! What the helper keeps on the device, only when the person ticks "keep on this device". Pure:
//! tested natively.
//!
//! - The person's doses are the one schedule record shared with the missed-dose helper
//!   (`crate::schedule_record`, which also reads the old `k1|…` record once).
//! - `baclofen-guide.kept`: answers the person chose to keep for the appointment, written by
//!   the missed-dose helper and the symptom checker (`add_kept`): a line `a1`, then one line per
//!   answer `missed|<minutes since 1970 UTC>|<level in words>|<what the answer said>`. A damaged
//!   line is dropped on its own; the others stay.

use baclofen_logic::time::Instant;

pub const KEPT_KEY: &str = "baclofen-guide.kept";
const KEPT_VERSION: &str = "a1";
/// The most answers kept; the oldest go first (the summary stays one page of A4 or US Letter:
/// tests/e2e/keep.test.mjs prints six long ones).
pub const MAX_KEPT: usize = 6;

/// The person's doses: the one schedule record.
pub use crate::schedule_record::ScheduleRecord as Doses;

/// A name can be kept (the carer link's own rule; `crate::schedule_record::name_ok`).
pub use crate::schedule_record::name_ok;

/// Whether a record was written by a newer version of this guide (a first line `a3`):
/// such records are left as they are, never removed or overwritten (a guide rolled back to an
/// older version must not delete what the newer one kept; attack review B17).
pub fn newer_version(text: &str, current: &str) -> bool {
    let head = text.split(['|', '\n']).next().unwrap_or("");
    let (letter, number) = current.split_at(1);
    let theirs = head.strip_prefix(letter).filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    matches!((theirs.and_then(|n| n.parse::<u32>().ok()), number.parse::<u32>().ok()), (Some(n), Some(c)) if n > c)
}

/// `a2…`: kept answers written by a newer version.
pub fn kept_newer(text: &str) -> bool {
    newer_version(text, KEPT_VERSION)
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

/// What was found: the doses (if any, from the one schedule record shared with the missed-dose
/// helper), the kept answers, and whether anything damaged was removed (the rest stays).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    pub doses: Option<Doses>,
    pub kept: Vec<Kept>,
    pub discarded: bool,
    /// Something was kept by a newer version of the guide: left as it is (attack review B17).
    pub newer: bool,
    /// The two helpers' old records held different times: the dated one is shown, to check.
    pub differed: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// B17: records from a newer version are recognised (and left alone by the device code).
    #[test]
    fn newer_versions_are_recognised() {
        assert!(kept_newer("a2\nmissed|29000000|Take it now|Then 15:00"));
        assert!(!kept_newer("a0\nmissed|1|x|y"));
        assert!(!kept_newer("ax\nmissed|1|x|y"));
        assert!(!kept_newer("a1\nmissed|1|x|y"));
        assert!(!kept_newer("garbage"));
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
