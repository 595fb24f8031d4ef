//! The one HTML escaper for markup written as text: the clinic setup page (`clinic_setup`) and
//! the prerendered document's head and start-up notices (`xtask`). Yew escapes its own.

/// `text` safe inside an element or a double-quoted attribute (`&`, `<`, `>` and `"` escaped).
pub fn escape(text: &str) -> String {
    html_escape::encode_double_quoted_attribute(text).into_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_and_quotes_are_escaped() {
        assert_eq!(super::escape(r#"<a href="x">A&E</a>"#), "&lt;a href=&quot;x&quot;&gt;A&amp;E&lt;/a&gt;");
    }
}
