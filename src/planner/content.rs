//! The planner's words, numbers and products, generated at build time from
//! `content/planner.toml` by `build/planner_gen.rs` (checked there: sources, ruled-out claims).

pub use baclofen_content_model::planner::{Limits, Liquid, Split, Tablet, Warning};

include!(concat!(env!("OUT_DIR"), "/planner.rs"));

/// The warning for a check id (every check has one: the build makes sure).
pub fn warning(check: &str) -> &'static Warning {
    WARNINGS.iter().find(|w| w.check == check).unwrap_or(&WARNINGS[0])
}

/// Replaces each `{key}` in `template` with its value, without `format!` (an unknown key is
/// kept as written).
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        match after.split_once('}') {
            Some((key, tail)) => {
                match values.iter().find(|(k, _)| *k == key) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(key);
                        out.push('}');
                    }
                }
                rest = tail;
            }
            None => {
                out.push('{');
                rest = after;
                out.push_str(rest);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}
