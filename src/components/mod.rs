pub mod callout;
pub mod citations;
pub mod link;
pub mod site_footer;
pub mod site_header;
