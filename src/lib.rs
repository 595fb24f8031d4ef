//! Baclofen guide: a plain-language patient explainer that runs entirely in the browser.
//!
//! Layers: `content` (reviewed text generated from `content/` at build time) →
//! `route` (pure routing rules) → UI (`app`, `components`, `pages`), with browser glue in `router`.

pub mod app;
pub mod components;
pub mod content;
pub mod missed_dose;
pub mod pages;
pub mod route;
pub mod router;
