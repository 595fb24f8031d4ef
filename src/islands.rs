//! Kept for the modules that still import the helpers' element ids from here; the ids live in
//! [`crate::ids`] and the browser start-up in [`crate::boot`] and [`crate::mount`].

pub use crate::ids::{MISSED_DOSE_ISLAND, RED_FLAG_ISLAND};
