//! Safety logic for the baclofen guide, free of any browser or UI code so that it can be
//! tested exhaustively with native `cargo test`.
//!
//! Rules of the crate: the current time is always an input (never read here); every input
//! yields advice or a typed error (never a panic); wording lives in the app's `content/`,
//! this crate returns typed results only.

pub mod missed_dose;
pub mod red_flags;
pub mod schedule;
pub mod time;
