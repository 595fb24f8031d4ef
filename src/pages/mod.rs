pub mod content_page;
pub mod not_found;
pub mod search;
pub mod sources;
