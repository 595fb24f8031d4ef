//! What is read from trunk's staged start page (the settings module's two files, from trunk's
//! inline start-up script, which no page keeps), and `404.html`'s one inline script with the
//! SHA-256 that allows it.

use crate::offline::js_string;
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

const NOT_FOUND_SCRIPT: &str = include_str!("../not-found.js");

/// `404.html`'s inline script (allowed by its hash, on that page only): it finds the guide's
/// folder when a host serves the page at a deeper address, so its styles and links work from any
/// depth. The offline copy serves it with the right base already.
pub fn not_found_script() -> String {
    NOT_FOUND_SCRIPT.replace("__NAME__", &js_string(SITE.product_name))
}

/// SHA-256 (FIPS 180-4), for the Content Security Policy hash of `404.html`'s inline script.
pub fn sha256(data: &[u8]) -> [u8; 32] {
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
pub fn base64(bytes: &[u8]) -> String {
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

    const TRUNK_START: &str = "<script type=\"module\">\nimport init from './app-12ab.js';\nconst wasm = await init({ module_or_path: './app-12ab_bg.wasm' });\n</script>";

    #[test]
    fn the_settings_module_is_read_from_trunks_inline_start() {
        let html = format!("<head>{TRUNK_START}</head>");
        assert_eq!(app_files(&html).unwrap(), ("app-12ab.js".to_string(), "app-12ab_bg.wasm".to_string()));
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
        assert!(not_found_script().contains(&format!("=== '{}'", SITE.product_name)));
    }
}
