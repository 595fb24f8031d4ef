//! The fact sheet's numbers, as the engine's tests use them (the engine itself carries none:
//! `content/missed-dose.toml` `[numbers]` gives them to it). One copy, shared by the unit tests
//! (`#[path]`), the integration tests and the examples, so a test never restates them.
#![allow(dead_code)] // each user reads part of it

use baclofen_logic::missed_dose::Rules;
use baclofen_logic::schedule::Limits;

/// NHS: leave a dose out within 2 hours of the next; Medicines for Children: a 4-hour gap after a
/// late dose, the same dose again if sick within 30 minutes; WHMD's 1-hour note.
pub const RULES: Rules =
    Rules { skip_window: 120, child_min_gap: 240, child_vomit_window: 30, late_dose_note: 60 };

/// The schedules the helpers accept: up to 6 doses a day, at least 2 hours apart.
pub const LIMITS: Limits = Limits { max_doses_per_day: 6, min_minutes_between_doses: 120 };
