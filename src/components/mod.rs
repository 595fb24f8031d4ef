pub mod callout;
pub mod citations;
pub mod dose_timeline;
pub mod link;
pub mod missed_dose_helper;
pub mod missed_dose_result;
pub mod site_footer;
pub mod site_header;
