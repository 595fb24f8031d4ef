//! Baclofen guide: a plain-language patient explainer that runs entirely in the browser.
//!
//! Layers: `content` (reviewed text generated from `content/` at build time) →
//! `route` (pure routing rules) → UI (`app` renders static pages, `components`, `pages`), with the
//! live helpers mounted into their placeholders by `islands`.

pub mod app;
pub mod clinic_setup;
pub mod components;
pub mod content;
pub mod islands;
pub mod keep;
pub mod missed_dose;
pub mod pages;
pub mod planner;
pub mod route;
pub mod settings;
