//! The live helpers: Yew components mounted in their placeholders on the prerendered pages
//! (client rendering, no hydration; issue 28). One folder per helper: a pure `state.rs` (the
//! reducer, with native unit tests) and its views; effects (storage, focus, timers) stay in
//! handlers and `use_effect`.

pub mod checker;
pub mod missed_dose;
pub mod page_tools;
pub mod planner;
pub mod take_with_you;
