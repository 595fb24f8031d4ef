//! The red-flag checker: ticked symptoms and situations → the highest level that any rule
//! reaches, and every rule that fired (for "why this answer").
//!
//! Items (symptoms and situations) are bits of a [`Mask`]; a rule is a list of clauses, each a
//! set of bits, and fires when every clause has at least one ticked bit. Ticking more can only
//! satisfy more clauses, so the level never goes down when something is added.

/// A set of ticked items, one bit each: room for 128 items.
pub type Mask = u128;

/// Ordered from least to most urgent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_logic::red_flags))]
pub enum Level {
    /// Mention it at the next visit, or ask a pharmacist.
    Routine,
    /// Contact the prescriber, pump team, pharmacist or out-of-hours service: today, straight
    /// away, or now (help now that is not the emergency number: NHS 111 or the emergency
    /// department, fact sheet rows 11 and 19).
    Urgent,
    /// Call the emergency number now.
    Emergency,
}

/// How soon to act, ordered from least to most urgent. The timing belongs to the rule, not to
/// the level: an urgent rule can say "straight away" or "today" (fact sheet §11 design notes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_logic::red_flags))]
pub enum Timing {
    /// At the next visit.
    NextVisit,
    /// Before the next step: the first dose of a new medicine, an operation, a trip.
    Before,
    Today,
    StraightAway,
    /// Now: the emergency number, or (urgent rows 11 and 19) help now by another route.
    Now,
}

impl Timing {
    /// The timings a level allows: emergency is always now; urgent is now, straight away or
    /// today; routine is before the next step or at the next visit.
    pub fn fits(self, level: Level) -> bool {
        match level {
            Level::Emergency => self == Timing::Now,
            Level::Urgent => matches!(self, Timing::Now | Timing::StraightAway | Timing::Today),
            Level::Routine => matches!(self, Timing::Before | Timing::NextVisit),
        }
    }
}

/// One rule of the table. `clauses` are bit masks over the items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_logic::red_flags))]
pub struct Rule<'a> {
    pub level: Level,
    pub timing: Timing,
    pub clauses: &'a [Mask],
}

impl Rule<'_> {
    pub fn fires(&self, ticked: Mask) -> bool {
        !self.clauses.is_empty() && self.clauses.iter().all(|clause| clause & ticked != 0)
    }
}

/// The answer for a set of ticks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Triage {
    /// `None` when nothing that was ticked is a red flag.
    pub level: Option<Level>,
    /// How soon, from the most urgent rule that fired (its own timing, not the level's).
    pub timing: Option<Timing>,
    /// Indices of the rules that fired, most urgent first: by level, then timing, then table
    /// order. The first one words the answer's title.
    pub fired: Vec<usize>,
}

pub fn triage(rules: &[Rule<'_>], ticked: Mask) -> Triage {
    let mut fired: Vec<usize> = (0..rules.len()).filter(|&i| rules[i].fires(ticked)).collect();
    crate::sort_small_by_key(&mut fired, |&i| std::cmp::Reverse((rules[i].level, rules[i].timing)));
    Triage {
        level: fired.first().map(|&i| rules[i].level),
        timing: fired.first().map(|&i| rules[i].timing),
        fired,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PUMP: Mask = 1;
    const FEVER: Mask = 1 << 1;
    const ITCH: Mask = 1 << 2;
    const BREATHING: Mask = 1 << 3;

    const RULES: [Rule<'static>; 4] = [
        Rule { level: Level::Urgent, timing: Timing::Today, clauses: &[FEVER] },
        Rule { level: Level::Emergency, timing: Timing::Now, clauses: &[PUMP, FEVER | ITCH] },
        Rule { level: Level::Emergency, timing: Timing::Now, clauses: &[BREATHING] },
        Rule { level: Level::Urgent, timing: Timing::StraightAway, clauses: &[ITCH] },
    ];

    #[test]
    fn the_highest_level_wins_and_every_fired_rule_is_listed() {
        assert_eq!(triage(&RULES, 0), Triage { level: None, timing: None, fired: vec![] });
        assert_eq!(
            triage(&RULES, FEVER),
            Triage { level: Some(Level::Urgent), timing: Some(Timing::Today), fired: vec![0] }
        );
        assert_eq!(triage(&RULES, PUMP | FEVER).fired, vec![1, 0]);
        assert_eq!(triage(&RULES, PUMP | ITCH).level, Some(Level::Emergency));
        assert_eq!(triage(&RULES, PUMP).level, None, "a situation alone is not a red flag here");
    }

    #[test]
    fn a_rule_with_no_clauses_never_fires() {
        assert!(!Rule { level: Level::Emergency, timing: Timing::Now, clauses: &[] }.fires(Mask::MAX));
    }

    #[test]
    fn within_a_level_the_sooner_timing_words_the_answer() {
        // A "straight away" rule listed after a "today" rule still comes first.
        let t = triage(&RULES, FEVER | ITCH);
        assert_eq!(
            (t.level, t.timing, t.fired),
            (Some(Level::Urgent), Some(Timing::StraightAway), vec![3, 0])
        );
    }

    #[test]
    fn each_level_allows_only_its_own_timings() {
        assert!(Timing::Now.fits(Level::Emergency) && !Timing::Today.fits(Level::Emergency));
        assert!(Timing::StraightAway.fits(Level::Urgent) && Timing::Now.fits(Level::Urgent));
        assert!(!Timing::Before.fits(Level::Urgent) && !Timing::NextVisit.fits(Level::Urgent));
        assert!(Timing::Before.fits(Level::Routine) && !Timing::Today.fits(Level::Routine));
        assert!(!Timing::Now.fits(Level::Routine));
    }
}
