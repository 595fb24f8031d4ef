//! What runs in the browser when a page starts, one job per module, arrows only downward:
//!
//! ```text
//! bin/site.rs, bin/<helper>.rs ──► mount ──► boot::config (read + check) ──► settings
//!                                       ──► boot::apply  (footer, contacts, region, accent, links)
//!                                       ──► boot::embed  (height messages to the embedding page)
//!                                       ──► the helper's component (helper pages only)
//! ```
//! All of them use only `browser` (web-sys basics), `ids`, `settings` and `content`.

pub mod apply;
pub mod config;
pub mod embed;
