//! What runs in the browser when a page starts, one job per module, arrows only downward:
//!
//! ```text
//! bin/site.rs ──► boot::config (read + check settings) ──► settings
//!             ──► boot::apply  (footer, contacts, region, accent, links)
//!             ──► boot::embed  (height messages to the embedding page)
//!             ──► boot::handoff::publish ──► static/boot.js
//! bin/<helper>.rs ──► mount ──► boot::handoff::wait ◄── static/boot.js
//! ```
//! All of them use only `browser` (web-sys basics), `ids`, `settings` and `content`.

pub mod apply;
pub mod config;
pub mod embed;
pub mod handoff;
