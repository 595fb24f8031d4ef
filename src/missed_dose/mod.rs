//! The missed-dose helper's glue between the form, the engine and the content wording.
//! `form` and `wording` are pure and tested natively; `device` touches the browser.

pub mod device;
pub mod form;
pub mod table;
pub mod wording;
