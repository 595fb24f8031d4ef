//! Element ids and message names shared by the prerendered pages, the modules that start in
//! the browser, `static/boot.js` and the tests. A leaf: it imports nothing.

/// The element holding the missed-dose helper (its published rules until the helper starts).
pub const MISSED_DOSE_ISLAND: &str = "missed-dose-tool";
/// The element holding the red-flag checker (its full list until the checker starts).
pub const RED_FLAG_ISLAND: &str = "red-flag-tool";
/// The footer's emergency sentence, which the clinic's or region's number replaces.
pub const EMERGENCY_LINE_ID: &str = "emergency-line";
/// The footer's clinic contacts (hidden until a clinic sets them).
pub const CLINIC_CONTACT_ID: &str = "clinic-contact";
/// The hidden "This helper stopped" message that `static/boot.js` copies into a helper.
pub const HELPER_STOPPED_ID: &str = "helper-stopped";
/// The message an embedded page posts to its parent: `{ type, height }`.
pub const HEIGHT_MESSAGE: &str = "baclofen-guide:height";
