pub mod content_page;
pub mod not_found;
pub mod sources;
