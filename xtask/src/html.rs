//! What is read from trunk's staged start page (the settings module's two files, from trunk's
//! inline start-up script, which no page keeps), and `404.html`'s one inline script with the
//! SHA-256 that allows it.

use baclofen_guide::content::SITE;

const MODULE_SCRIPT_START: &str = r#"<script type="module">"#;

/// Where trunk's inline start-up script begins and ends (end after `</script>`).
fn inline_start_span(html: &str) -> Result<(usize, usize), String> {
    let start = html.find(MODULE_SCRIPT_START).ok_or("index.html has no inline start-up script")?;
    let end = start + html[start..].find("</script>").ok_or("unclosed start-up script")? + "</script>".len();
    Ok((start, end))
}

/// Trunk's inline start-up script imports `app-<hash>.js` and passes it `app-<hash>_bg.wasm`;
/// this finds those two names.
pub fn app_files(html: &str) -> Result<(String, String), String> {
    let (start, end) = inline_start_span(html)?;
    let script = &html[start..end];
    let quoted = |after: &str| -> Result<String, String> {
        let from = script.find(after).ok_or(format!("start-up script has no `{after}`"))? + after.len();
        let to = from + script[from..].find('\'').ok_or("unclosed quote in the start-up script")?;
        Ok(script[from..to].trim_start_matches("./").to_string())
    };
    Ok((quoted("from '")?, quoted("module_or_path: '")?))
}

/// Text safe inside a single-quoted JavaScript string, in a script file or inline in a page: `<`
/// is written `\x3c`, so no text can close an inline `<script>` (content already bans `<`).
pub fn js_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '<' => out.push_str("\\x3c"),
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

const NOT_FOUND_SCRIPT: &str = include_str!("../not-found.js");

/// `404.html`'s inline script (allowed by its hash, on that page only): it finds the guide's
/// folder when a host serves the page at a deeper address, so its styles and links work from any
/// depth. The offline copy serves it with the right base already.
pub fn not_found_script() -> String {
    NOT_FOUND_SCRIPT.replace("__NAME__", &js_string(SITE.product_name))
}

/// `sha256-<base64>` of `data`: a Content Security Policy source for an inline script, and a
/// Subresource Integrity value for a file the service worker checks.
pub fn sha256_source(data: &[u8]) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    format!("sha256-{}", base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(data)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK_START: &str = "<script type=\"module\">\nimport init from './app-12ab.js';\nconst wasm = await init({ module_or_path: './app-12ab_bg.wasm' });\n</script>";

    #[test]
    fn the_settings_module_is_read_from_trunks_inline_start() {
        let html = format!("<head>{TRUNK_START}</head>");
        assert_eq!(app_files(&html).unwrap(), ("app-12ab.js".to_string(), "app-12ab_bg.wasm".to_string()));
        assert!(app_files("<html></html>").is_err());
    }

    #[test]
    fn js_strings_cannot_end_their_quote_or_an_inline_script() {
        assert_eq!(js_string("it's"), "it\\'s");
        assert_eq!(js_string("a\\b</script>\nc"), "a\\\\b\\x3c/script> c");
    }

    #[test]
    fn the_not_found_page_allows_only_its_own_script_by_hash() {
        assert_eq!(
            sha256_source(b"abc"),
            "sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=",
            "FIPS 180-4 test vector"
        );
        assert!(not_found_script().contains(&format!("=== '{}'", SITE.product_name)));
    }
}
