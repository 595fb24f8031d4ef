//! Baclofen guide: a plain-language patient explainer that runs entirely in the browser.
//!
//! Layers: `content` (reviewed text generated from `content/` at build time) →
//! `route` (pure routing rules) → UI (`app` renders static pages, `components`, `pages`), with the
//! live parts started in the browser by `mount` (entry points) and `boot` (settings).

pub mod app;
pub mod boot;
pub mod browser;
pub mod clinic_setup;
pub mod components;
pub mod content;
pub mod helpers;
pub mod html;
pub mod ids;
pub mod keep;
pub mod missed_dose;
pub mod mount;
pub mod pages;
pub mod planner;
pub mod read_aloud;
pub mod red_flag_words;
pub mod route;
pub mod schedule_record;
pub mod settings;
