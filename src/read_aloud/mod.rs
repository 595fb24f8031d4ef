//! Read aloud (issue #31): the page read by the browser's own speech, on the device, offline.
//! `text` (pure rules: sentences, phone numbers digit by digit), `page` (what on the page is read,
//! in order), `speech` (the browser's `speechSynthesis`), `control` (the Yew island).

pub mod control;
pub mod page;
pub mod speech;
pub mod text;
