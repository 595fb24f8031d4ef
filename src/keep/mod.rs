//! "Take it with you" (#19): the person's dose times leave the page with them, made on the
//! device and sent nowhere: a calendar file, a printable summary and a carer's link with a QR
//! code. `content` and `record` are pure and tested natively; `device` touches the browser.

pub mod content;
pub mod device;
pub mod record;
