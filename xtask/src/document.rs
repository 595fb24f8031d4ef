//! Every page is one document rendered here, from data: its `<head>` (title and description from
//! content, the base for its folder, the Content Security Policy, the style sheet and scripts)
//! and its body (the prerendered route). Trunk's staged `index.html` is read, never edited: it
//! only tells which style sheet trunk wrote (hashed, with its integrity) and the settings
//! module's two files.

use baclofen_guide::html::escape;

/// What trunk built that every page links.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assets {
    /// Trunk's `<link rel="stylesheet" …>` tag as it wrote it (hashed name, `integrity`).
    pub stylesheet: String,
}

impl Assets {
    /// Reads the style sheet tag from trunk's staged start page.
    pub fn from_staged(index_html: &str) -> Result<Assets, String> {
        let start = index_html
            .find(r#"<link rel="stylesheet""#)
            .ok_or("index.html: trunk wrote no style sheet (data-trunk rel=\"css\")")?;
        let end = start + index_html[start..].find('>').ok_or("index.html: unclosed style sheet link")? + 1;
        Ok(Assets { stylesheet: index_html[start..end].to_string() })
    }
}

/// One page's own part of the `<head>` and what it adds to the body.
pub struct Page<'a> {
    pub title: &'a str,
    pub description: &'a str,
    /// "./" for a page at the guide's root, "../" one folder down.
    pub base: &'a str,
    /// Pages not for search engines (the clinic setup page).
    pub noindex: bool,
    /// Scripts after `start.js` (the clinic setup page's own).
    pub scripts: &'a [&'a str],
    /// One inline script (only `404.html`'s), allowed by its hash and nothing else.
    pub inline_script: Option<&'a str>,
    /// Shown if JavaScript is off.
    pub noscript: &'a str,
    /// The body inside `<div id="app">`.
    pub body: &'a str,
}

/// The Content Security Policy: scripts only from our own files, plus the WebAssembly module; no
/// inline script unless `inline_hash` names the one allowed. (`frame-ancestors` only works as an
/// HTTP header; `docs/hosting.md` lists the headers for common hosts.)
pub fn csp(inline_hash: Option<&str>) -> String {
    let inline = inline_hash.map(|hash| format!(" '{hash}'")).unwrap_or_default();
    format!(
        "default-src 'self'; script-src 'self'{inline} 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; \
         connect-src 'self'; worker-src 'self'; manifest-src 'self'; base-uri 'self'; object-src 'none'; form-action 'none'"
    )
}

/// The whole document.
pub fn render(assets: &Assets, page: &Page) -> String {
    let hash = page.inline_script.map(|script| crate::html::sha256_source(script.as_bytes()));
    let mut head = vec![
        r#"<meta charset="utf-8">"#.to_string(),
        format!(r#"<meta http-equiv="Content-Security-Policy" content="{}">"#, csp(hash.as_deref())),
        r#"<meta name="viewport" content="width=device-width, initial-scale=1">"#.to_string(),
        r#"<meta name="color-scheme" content="light dark">"#.to_string(),
    ];
    if page.noindex {
        head.push(r#"<meta name="robots" content="noindex">"#.to_string());
    }
    head.push(format!("<title>{}</title>", escape(page.title)));
    head.push(format!(r#"<meta name="description" content="{}">"#, escape(page.description)));
    head.push(format!(r#"<base href="{}">"#, escape(page.base)));
    if let Some(script) = page.inline_script {
        head.push(format!("<script>{script}</script>"));
    }
    head.push(assets.stylesheet.clone());
    head.push(r#"<link rel="icon" href="icon.svg" type="image/svg+xml">"#.to_string());
    head.push(r#"<link rel="manifest" href="manifest.webmanifest">"#.to_string());
    head.push(r##"<meta name="theme-color" content="#005eb8">"##.to_string());
    // One script for every page (boot.js, the page's start and, in release builds, the offline
    // copy's registration, written as one file by `post_build`): each request made before the
    // first paint can delay it on a slow connection.
    // `404.html` (the page with the one inline script) loads start.js from that script, once it
    // has found the guide's folder: a tag here would be asked for below the wrong address.
    let mut scripts = if page.inline_script.is_some() { vec![] } else { vec!["start.js"] };
    scripts.extend(page.scripts);
    head.extend(scripts.iter().map(|src| format!(r#"<script src="{src}" defer></script>"#)));
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n{}\n</head>\n<body>\n<noscript>{}</noscript>\n<div id=\"app\">{}</div>\n</body>\n</html>\n",
        head.join("\n"),
        page.noscript,
        page.body
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page<'a>(inline: Option<&'a str>) -> Page<'a> {
        Page {
            title: "A & B",
            description: "Say \"hi\"",
            base: "../",
            noindex: false,
            scripts: &[],
            inline_script: inline,
            noscript: "",
            body: "<main></main>",
        }
    }

    const STAGED: &str = r#"<head><title>x</title><link rel="stylesheet" href="./app-1.css" integrity="sha384-x"/><script type="module">import init from './site-1.js';</script></head>"#;

    #[test]
    fn the_style_sheet_is_read_from_trunks_page_as_trunk_wrote_it() {
        let assets = Assets::from_staged(STAGED).unwrap();
        assert_eq!(assets.stylesheet, r#"<link rel="stylesheet" href="./app-1.css" integrity="sha384-x"/>"#);
        assert!(Assets::from_staged("<head></head>").is_err());
    }

    #[test]
    fn a_page_is_escaped_and_allows_no_inline_script_unless_one_is_its_own() {
        let assets = Assets::from_staged(STAGED).unwrap();
        let html = render(&assets, &page(None));
        assert!(html.contains("<title>A &amp; B</title>"));
        assert!(html.contains(r#"content="Say &quot;hi&quot;""#));
        assert!(html.contains(r#"<base href="../">"#));
        assert!(html.contains("script-src 'self' 'wasm-unsafe-eval';"), "no inline script allowed");
        assert!(html.contains(r#"<script src="start.js" defer></script>"#));
        assert_eq!(html.matches("<script src=").count(), 1, "one script before the first paint");
        assert!(!html.contains("<script>"));
        // The browser's own rule (CSP 3 §8.3): the hash is of the script's text exactly.
        let script = "console.log(1)";
        let html = render(&assets, &page(Some(script)));
        let hash = crate::html::sha256_source(script.as_bytes());
        assert!(html.contains(&format!("script-src 'self' '{hash}' 'wasm-unsafe-eval';")));
        assert!(html.contains(&format!("<script>{script}</script>")));
        assert!(!html.contains("unsafe-inline"));
        // 404.html: its own script loads start.js once the base is right (attack review B18).
        assert!(!html.contains(r#"<script src="start.js""#));
    }
}
