//! The dose-change planner's browser side (issue #20): its generated words (`content`), the form
//! state and its reducer (`form`), and the words for a plan (`wording`). The arithmetic is in
//! `baclofen_logic::planner`.

pub mod content;
pub mod form;
pub mod wording;
