//! The red-flag checker: ticked symptoms and situations → the highest level that any rule
//! reaches, and every rule that fired (for "why this answer").
//!
//! Items (symptoms and situations) are bits of a `u64`; a rule is a list of clauses, each a
//! set of bits, and fires when every clause has at least one ticked bit. Ticking more can only
//! satisfy more clauses, so the level never goes down when something is added.

/// Ordered from least to most urgent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Mention it at the next visit, or ask a pharmacist.
    Routine,
    /// Contact the prescriber, pump team, pharmacist or out-of-hours service today.
    Urgent,
    /// Call the emergency number now.
    Emergency,
}

/// One rule of the table. `clauses` are bit masks over the items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule<'a> {
    pub level: Level,
    pub clauses: &'a [u64],
}

impl Rule<'_> {
    pub fn fires(&self, ticked: u64) -> bool {
        !self.clauses.is_empty() && self.clauses.iter().all(|clause| clause & ticked != 0)
    }
}

/// The answer for a set of ticks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Triage {
    /// `None` when nothing that was ticked is a red flag.
    pub level: Option<Level>,
    /// Indices of the rules that fired, most urgent first (table order within a level).
    pub fired: Vec<usize>,
}

pub fn triage(rules: &[Rule<'_>], ticked: u64) -> Triage {
    let mut fired: Vec<usize> = (0..rules.len()).filter(|&i| rules[i].fires(ticked)).collect();
    crate::sort_small_by_key(&mut fired, |&i| std::cmp::Reverse(rules[i].level));
    Triage { level: fired.first().map(|&i| rules[i].level), fired }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PUMP: u64 = 1;
    const FEVER: u64 = 1 << 1;
    const ITCH: u64 = 1 << 2;
    const BREATHING: u64 = 1 << 3;

    const RULES: [Rule<'static>; 3] = [
        Rule { level: Level::Urgent, clauses: &[FEVER] },
        Rule { level: Level::Emergency, clauses: &[PUMP, FEVER | ITCH] },
        Rule { level: Level::Emergency, clauses: &[BREATHING] },
    ];

    #[test]
    fn the_highest_level_wins_and_every_fired_rule_is_listed() {
        assert_eq!(triage(&RULES, 0), Triage { level: None, fired: vec![] });
        assert_eq!(triage(&RULES, FEVER), Triage { level: Some(Level::Urgent), fired: vec![0] });
        assert_eq!(triage(&RULES, PUMP | FEVER), Triage { level: Some(Level::Emergency), fired: vec![1, 0] });
        assert_eq!(triage(&RULES, PUMP | ITCH).level, Some(Level::Emergency));
        assert_eq!(triage(&RULES, PUMP).level, None, "a situation alone is not a red flag here");
    }

    #[test]
    fn a_rule_with_no_clauses_never_fires() {
        assert!(!Rule { level: Level::Emergency, clauses: &[] }.fires(u64::MAX));
    }
}
