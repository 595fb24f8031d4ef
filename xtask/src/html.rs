//! Edits to trunk's staged start page: markers replaced once, preloads removed, trunk's inline
//! start-up script replaced by `start.js`, the Content Security Policy, and `404.html`'s one
//! inline script allowed by its hash.

use crate::offline::js_string;
use crate::prerender::BASE_TAG;
use baclofen_guide::content::SITE;

pub fn replace_once(html: &str, marker: &str, with: &str) -> Result<String, String> {
    match html.matches(marker).count() {
        1 => Ok(html.replacen(marker, with, 1)),
        n => Err(format!("index.html must contain `{marker}` exactly once (found {n})")),
    }
}

/// Removes trunk's `<link rel="preload">` and `<link rel="modulepreload">` for the app. The page
/// is readable before the app runs, so its text should get the bandwidth first; measured with
/// Lighthouse (mobile), dropping them brought LCP from 1.66 s to 0.97 s and TTI from 1.9 s to 1.5 s.
pub fn without_preloads(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<link rel=\"") {
        let tag_end = rest[start..].find('>').map_or(rest.len(), |e| start + e + 1);
        let tag = &rest[start..tag_end];
        out.push_str(&rest[..start]);
        if !(tag.starts_with(r#"<link rel="preload""#) || tag.starts_with(r#"<link rel="modulepreload""#)) {
            out.push_str(tag);
        }
        rest = &rest[tag_end..];
    }
    out.push_str(rest);
    out
}

pub const CHARSET_TAG: &str = r#"<meta charset="utf-8">"#;
const MODULE_SCRIPT_START: &str = r#"<script type="module">"#;
pub const START_SCRIPT_TAG: &str = r#"<script src="start.js" defer></script>"#;

/// The Content Security Policy for every page, as a `<meta>` tag: scripts only from our own
/// files, plus the WebAssembly module; no inline script at all. (`frame-ancestors` only works as
/// an HTTP header; the README lists the headers for common hosts.)
pub const CSP_META: &str = concat!(
    r#"<meta http-equiv="Content-Security-Policy" content="default-src 'self'; "#,
    r#"script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "#,
    r#"connect-src 'self'; worker-src 'self'; manifest-src 'self'; base-uri 'self'; "#,
    r#"object-src 'none'; form-action 'none'">"#
);

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

/// Replaces trunk's inline start-up script with `<script src="start.js">`, so the Content
/// Security Policy needs no inline exception.
pub fn without_inline_start(html: &str) -> Result<String, String> {
    let (start, end) = inline_start_span(html)?;
    Ok(format!("{}{START_SCRIPT_TAG}{}", &html[..start], &html[end..]))
}

const NOT_FOUND_SCRIPT: &str = include_str!("../not-found.js");

/// `404.html`: the not-found page plus a small inline script (allowed by its hash, on this page
/// only) that finds the guide's folder when a host serves the page at a deeper address, so its
/// styles and links work from any depth. The offline copy serves it with the right base already.
pub fn not_found_page(html: &str) -> Result<String, String> {
    let script = NOT_FOUND_SCRIPT.replace("__NAME__", &js_string(SITE.product_name));
    let hash = format!("'sha256-{}'", base64(&sha256(script.as_bytes())));
    let html = replace_once(html, BASE_TAG, &format!("{BASE_TAG}<script>{script}</script>"))?;
    replace_once(&html, "script-src 'self'", &format!("script-src 'self' {hash}"))
}

/// SHA-256 (FIPS 180-4), for the Content Security Policy hash of `404.html`'s inline script.
fn sha256(data: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];
    let mut h: [u32; 8] =
        [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    let mut message = data.to_vec();
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
    for block in message.chunks(64) {
        let mut w = [0u32; 64];
        for (i, word) in block.chunks(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for i in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh.wrapping_add(s1).wrapping_add(ch).wrapping_add(K[i]).wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            (hh, g, f, e, d, c, b, a) = (g, f, e, d.wrapping_add(t1), c, b, a, t1.wrapping_add(t2));
        }
        for (state, add) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *state = state.wrapping_add(add);
        }
    }
    let mut out = [0u8; 32];
    for (i, word) in h.iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&word.to_be_bytes());
    }
    out
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preloads_are_removed_and_other_links_kept() {
        let html = r#"<link rel="stylesheet" href="a.css"><link rel="modulepreload" href="app.js"><link rel="preload" href="app.wasm" as="fetch"><link rel="icon" href="icon.svg">"#;
        assert_eq!(
            without_preloads(html),
            r#"<link rel="stylesheet" href="a.css"><link rel="icon" href="icon.svg">"#
        );
    }

    const TRUNK_START: &str = "<script type=\"module\">\nimport init from './app-12ab.js';\nconst wasm = await init({ module_or_path: './app-12ab_bg.wasm' });\n</script>";

    #[test]
    fn trunks_inline_start_becomes_an_external_script_after_the_paint() {
        let html = format!("<head>{TRUNK_START}</head>");
        assert_eq!(app_files(&html).unwrap(), ("app-12ab.js".to_string(), "app-12ab_bg.wasm".to_string()));
        assert_eq!(without_inline_start(&html).unwrap(), format!("<head>{START_SCRIPT_TAG}</head>"));
        assert!(app_files("<html></html>").is_err());
    }

    #[test]
    fn the_not_found_page_allows_only_its_own_script_by_hash() {
        assert_eq!(
            base64(&sha256(b"abc")),
            "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=",
            "FIPS 180-4 test vector"
        );
        assert_eq!(base64(&sha256(b"")), "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
        let html = format!("<head>{CHARSET_TAG}{CSP_META}{BASE_TAG}</head>");
        let page = not_found_page(&html).unwrap();
        let script = NOT_FOUND_SCRIPT.replace("__NAME__", SITE.product_name);
        let hash = base64(&sha256(script.as_bytes()));
        assert!(page.contains(&format!("script-src 'self' 'sha256-{hash}' 'wasm-unsafe-eval';")));
        assert!(page.contains(&format!("{BASE_TAG}<script>{script}</script>")));
        assert!(!page.contains("unsafe-inline"));
    }
}
