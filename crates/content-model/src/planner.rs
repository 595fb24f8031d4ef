//! The dose-change planner's products (`content/planner.toml`), baked by `build/planner_gen.rs`.

pub use baclofen_logic::planner::{Limits, Split};

/// A tablet strength sold in the listed regions.
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_content_model::planner))]
pub struct Tablet {
    pub regions: &'static [&'static str],
    pub strength_ug: u64,
    /// "10 mg".
    pub label: &'static str,
    pub split: Split,
    /// Halves only after the person confirms "my tablet has a line across it" (US 10 and 20 mg,
    /// fact sheet §13.14, decision (f)); until then `split` (whole tablets) applies.
    pub halves_if_scored: bool,
    pub sources: &'static [&'static str],
}

/// A liquid strength sold in the listed regions.
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_content_model::planner))]
pub struct Liquid {
    pub regions: &'static [&'static str],
    pub ug_per_ml: u64,
    pub label: &'static str,
    pub sources: &'static [&'static str],
}

/// A care card for one of the engine's checks.
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_content_model::planner))]
pub struct Warning {
    pub check: &'static str,
    pub title: &'static str,
    pub text: &'static str,
    pub sources: &'static [&'static str],
}
