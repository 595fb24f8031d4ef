//! Build helpers run by trunk's `post_build` hook (see Trunk.toml) on the staged `dist/`.
//!
//! `xtask post-build` renders every page to static HTML with the same Yew components the app
//! uses, and writes one `<route>/index.html` per page (with its own title and description), so
//! every address is a real, readable file on any static host, with or without WebAssembly.
//! In the browser the WebAssembly only brings the helpers to life inside their placeholders.

use baclofen_guide::app::{Shell, ShellProps};
use baclofen_guide::content::SITE;
use baclofen_guide::route::Route;
use std::path::{Path, PathBuf};

mod manifest;
mod modules;
mod search_index;
use std::process::ExitCode;

const BASE_TAG: &str = r#"<base href="./">"#;
const TITLE_TAG: &str = "<title>Baclofen guide</title>";
const DESCRIPTION_START: &str = r#"<meta name="description" content=""#;
const STARTUP_MARKER: &str = "<!--startup-->";
const NOSCRIPT_MARKER: &str = "<!--noscript-->";

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Shown (by `static/boot.js`) only if the app cannot start; the static page stays readable.
fn startup_failed_html() -> String {
    let s = &SITE.startup;
    format!(
        r#"<section class="boot boot--failed" id="boot-failed" aria-label="Start-up problem" hidden><p><strong>{}</strong></p><p>{}</p><p>{}</p></section>"#,
        escape(s.failed),
        escape(s.emergency_signs),
        escape(SITE.emergency),
    )
}

/// Shown (by `static/boot.js`, copied in place of each helper) when a helper stops after the
/// start. The app fills in the clinic's emergency number, and the call button's `tel:` link,
/// when it starts (so without JavaScript the page has no hidden call link).
fn helper_stopped_html() -> String {
    let s = &SITE.startup;
    format!(
        r#"<section class="boot boot--failed helper-stopped" id="helper-stopped" role="alert" aria-label="Helper stopped" hidden><p><strong>{}</strong></p><p class="helper-stopped__emergency">{}</p><p><a class="call__button">Call {number}</a></p><p>{}</p></section>"#,
        escape(s.helper_stopped),
        escape(SITE.emergency),
        escape(s.emergency_signs),
        number = escape(SITE.emergency_default_number),
    )
}

fn noscript_html() -> String {
    let s = &SITE.startup;
    format!(
        r#"<section class="boot boot--failed" aria-label="JavaScript is off"><p><strong>{}</strong></p><p>{}</p><p>{}</p></section>"#,
        escape(s.no_script),
        escape(s.emergency_signs),
        escape(SITE.emergency)
    )
}

/// Renders every page route to HTML with the same components as the app, helpers replaced
/// by their published rules.
fn render_pages() -> Result<Vec<(Route, String)>, String> {
    render_routes(Route::PAGES)
}

fn render_routes(routes: impl IntoIterator<Item = Route>) -> Result<Vec<(Route, String)>, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| format!("cannot start the renderer: {e}"))?;
    let local = tokio::task::LocalSet::new();
    Ok(routes
        .into_iter()
        .map(|route| {
            let html = local.block_on(&runtime, async move {
                yew::LocalServerRenderer::<Shell>::with_props(ShellProps { route })
                    .hydratable(false)
                    .render()
                    .await
            });
            (route, html)
        })
        .collect())
}

/// One page's HTML: the staged start page with this route's body, title, description and base.
fn page_html(template: &str, route: Route, body: &str) -> Result<String, String> {
    let description = route.page().map(|p| p.description).unwrap_or_default();
    let html = replace_once(
        template,
        STARTUP_MARKER,
        // The hidden message goes last, so the skip link stays the page's first link.
        &format!("{}{body}{}", startup_failed_html(), helper_stopped_html()),
    )?;
    let html =
        replace_once(&html, TITLE_TAG, &format!("<title>{}</title>", escape(&route.document_title())))?;
    let start = html.find(DESCRIPTION_START).ok_or("index.html has no meta description")?;
    let end = start + html[start..].find('>').ok_or("unclosed meta description")? + 1;
    let html = format!(
        r#"{}<meta name="description" content="{}">{}"#,
        &html[..start],
        escape(description),
        &html[end..]
    );
    Ok(match route {
        // `404.html` sits beside the start page; the offline copy serves it at any depth with
        // the guide's folder as its base.
        Route::Home | Route::NotFound => html,
        // Route folders are one level deep, so their base is the parent folder.
        _ => html.replacen(BASE_TAG, r#"<base href="../">"#, 1),
    })
}

const CLINIC_SETUP_TEMPLATE: &str = include_str!("../clinic-setup.js");

/// The clinic setup page (`clinic-setup/`, for a clinic's web team; not in the navigation) and
/// `clinic-setup.js`, which checks settings in a worker built from the same settings code
/// (`src/bin/setup.rs`), and knows the words for the message codes it returns.
fn write_clinic_setup(staging: &Path, template: &str) -> Result<(), String> {
    use baclofen_guide::clinic_setup;
    let messages: Vec<String> = baclofen_guide::settings::MESSAGES
        .iter()
        .map(|(code, text)| format!("'{}': '{}'", js_string(code), js_string(text)))
        .collect();
    // Trunk writes the worker's loader as `setup_loader.js` (or with a hash).
    let worker = std::fs::read_dir(staging)
        .map_err(|e| format!("{}: {e}", staging.display()))?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .find(|name| name.starts_with("setup") && name.ends_with("_loader.js"))
        .ok_or("no setup worker loader (index.html: data-bin=\"setup\" data-loader-shim)")?;
    let script = CLINIC_SETUP_TEMPLATE
        .replace("__MESSAGES__", &format!("{{ {} }}", messages.join(", ")))
        .replace("__SETUP_WORKER__", &worker);
    std::fs::write(staging.join("clinic-setup.js"), script).map_err(|e| format!("clinic-setup.js: {e}"))?;
    let html = replace_once(template, STARTUP_MARKER, &clinic_setup::page_body())?;
    let title = format!("<title>{} – {}</title>", clinic_setup::TITLE, escape(SITE.product_name));
    let html = replace_once(&html, TITLE_TAG, &title)?;
    // The app starts as on every page (footer, offline copy); the page's own script after it.
    let html = replace_once(
        &html,
        START_SCRIPT_TAG,
        &format!(r#"{START_SCRIPT_TAG}<script src="clinic-setup.js" defer></script>"#),
    )?;
    let html =
        replace_once(&html, CHARSET_TAG, &format!(r#"{CHARSET_TAG}<meta name="robots" content="noindex">"#))?;
    let start = html.find(DESCRIPTION_START).ok_or("index.html has no meta description")?;
    let end = start + html[start..].find('>').ok_or("unclosed meta description")? + 1;
    let html = format!(
        r#"{}<meta name="description" content="{}">{}"#,
        &html[..start],
        escape(clinic_setup::DESCRIPTION),
        &html[end..]
    )
    .replacen(BASE_TAG, r#"<base href="../">"#, 1);
    let dir = staging.join("clinic-setup");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    std::fs::write(dir.join("index.html"), html).map_err(|e| format!("clinic-setup/index.html: {e}"))
}

fn replace_once(html: &str, marker: &str, with: &str) -> Result<String, String> {
    match html.matches(marker).count() {
        1 => Ok(html.replacen(marker, with, 1)),
        n => Err(format!("index.html must contain `{marker}` exactly once (found {n})")),
    }
}

/// Removes trunk's `<link rel="preload">` and `<link rel="modulepreload">` for the app. The page
/// is readable before the app runs, so its text should get the bandwidth first; measured with
/// Lighthouse (mobile), dropping them brought LCP from 1.66 s to 0.97 s and TTI from 1.9 s to 1.5 s.
fn without_preloads(html: &str) -> String {
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

const CHARSET_TAG: &str = r#"<meta charset="utf-8">"#;
const MODULE_SCRIPT_START: &str = r#"<script type="module">"#;
const START_SCRIPT_TAG: &str = r#"<script src="start.js" defer></script>"#;

/// The Content Security Policy for every page, as a `<meta>` tag: scripts only from our own
/// files, plus the WebAssembly module; no inline script at all. (`frame-ancestors` only works as
/// an HTTP header; the README lists the headers for common hosts.)
const CSP_META: &str = concat!(
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
fn app_files(html: &str) -> Result<(String, String), String> {
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
fn without_inline_start(html: &str) -> Result<String, String> {
    let (start, end) = inline_start_span(html)?;
    Ok(format!("{}{START_SCRIPT_TAG}{}", &html[..start], &html[end..]))
}

const NOT_FOUND_SCRIPT: &str = include_str!("../not-found.js");

/// `404.html`: the not-found page plus a small inline script (allowed by its hash, on this page
/// only) that finds the guide's folder when a host serves the page at a deeper address, so its
/// styles and links work from any depth. The offline copy serves it with the right base already.
fn not_found_page(html: &str) -> Result<String, String> {
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

const SW_TEMPLATE: &str = include_str!("../sw.js");
const SW_REGISTER_TEMPLATE: &str = include_str!("../sw-register.js");
const SW_REGISTER_TAG: &str = r#"<script src="sw-register.js" defer></script>"#;

/// Text safe inside a single-quoted JavaScript string.
fn js_string(text: &str) -> String {
    text.replace('\\', "\\\\").replace('\'', "\\'").replace('\n', " ")
}

/// A checksum of every file (64-bit FNV-1a over paths and contents): the offline cache version.
fn fingerprint(files: &[(String, Vec<u8>)]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (path, bytes) in files {
        for byte in path.bytes().chain([0]).chain(bytes.iter().copied()) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

fn files_under(dir: &Path, prefix: &str, out: &mut Vec<(String, Vec<u8>)>) -> Result<(), String> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().unwrap_or_default().to_string_lossy().to_string();
        if path.is_dir() {
            files_under(&path, &format!("{prefix}{name}/"), out)?;
        } else {
            out.push((
                format!("{prefix}{name}"),
                std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?,
            ));
        }
    }
    Ok(())
}

/// The URL that fetches a file: a folder for `index.html`, so navigations match.
fn precache_url(path: &str) -> String {
    match path.strip_suffix("index.html") {
        Some("") => "./".to_string(),
        Some(folder) => folder.to_string(),
        None => path.to_string(),
    }
}

/// Writes `sw-register.js` and `sw.js`, which lists every file of this build (release only).
fn write_offline_copy(staging: &Path) -> Result<(), String> {
    let register = SW_REGISTER_TEMPLATE
        .replace("__UPDATE_TEXT__", &js_string(SITE.offline.update_available))
        .replace("__UPDATE_ACTION__", &js_string(SITE.offline.update_action));
    std::fs::write(staging.join("sw-register.js"), register).map_err(|e| format!("sw-register.js: {e}"))?;
    let mut files = Vec::new();
    files_under(staging, "", &mut files)?;
    // The build manifest is for the checks, not for readers.
    files.retain(|(path, _)| path != "sw.js" && path != manifest::MANIFEST_FILE);
    let urls: Vec<String> =
        files.iter().map(|(path, _)| format!("'{}'", js_string(&precache_url(path)))).collect();
    let worker = SW_TEMPLATE
        .replace("__VERSION__", &fingerprint(&files))
        .replace("__PRECACHE__", &format!("[{}]", urls.join(", ")));
    std::fs::write(staging.join("sw.js"), worker).map_err(|e| format!("sw.js: {e}"))
}

fn post_build(staging: &Path, release: bool) -> Result<(), String> {
    let index = staging.join("index.html");
    let template = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let template = without_preloads(&replace_once(&template, NOSCRIPT_MARKER, &noscript_html())?);
    let (js, wasm) = app_files(&template)?;
    let site = modules::Module { name: "site".into(), js, wasm };
    let template = without_inline_start(&template)?;
    let template = replace_once(&template, CHARSET_TAG, &format!("{CHARSET_TAG}\n    {CSP_META}"))?;
    // Only release builds keep an offline copy: a cached development build would hide changes.
    let template = if release {
        replace_once(&template, "</head>", &format!("{SW_REGISTER_TAG}</head>"))?
    } else {
        template
    };
    if template.matches(BASE_TAG).count() != 1 {
        return Err(format!(
            "index.html must contain `{BASE_TAG}` exactly once: set public_url = \"./\" in Trunk.toml"
        ));
    }
    let pages = render_pages()?;
    // Each helper module a page asks for, renamed with its content hash; start.js knows them all.
    let mut helpers: Vec<modules::Module> = Vec::new();
    for (_, body) in &pages {
        for name in modules::modules_in(body) {
            if !helpers.iter().any(|m| m.name == name) {
                helpers.push(modules::hashed_helper_module(staging, &name)?);
            }
        }
    }
    let start_file = staging.join("start.js");
    std::fs::write(&start_file, modules::start_script(&site, &helpers, &modules::Defaults::from_settings())?)
        .map_err(|e| format!("{}: {e}", start_file.display()))?;
    let mut manifest = manifest::Manifest::new(&template, &site);
    for (route, body) in &pages {
        let (route, body) = (*route, body.as_str());
        manifest.add_page(route, &modules::modules_in(body), &helpers)?;
        let html = page_html(&template, route, body)?;
        let file = match route {
            Route::Home => index.clone(),
            _ => {
                let dir = staging.join(route.slug());
                std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
                dir.join("index.html")
            }
        };
        std::fs::write(&file, html).map_err(|e| format!("{}: {e}", file.display()))?;
    }
    // Static hosts (GitHub Pages, Netlify, …) serve `404.html` for addresses that do not exist.
    for (route, body) in render_routes([Route::NotFound])? {
        let file = staging.join("404.html");
        std::fs::write(&file, not_found_page(&page_html(&template, route, &body)?)?)
            .map_err(|e| format!("{}: {e}", file.display()))?;
    }
    write_clinic_setup(staging, &template)?;
    manifest.write(staging)?;
    let index_file = staging.join("search-index.json");
    std::fs::write(&index_file, search_index::search_index_json()?)
        .map_err(|e| format!("{}: {e}", index_file.display()))?;
    if release {
        write_offline_copy(staging)?;
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("post-build") => std::env::var("TRUNK_STAGING_DIR")
            .map_err(|_| "TRUNK_STAGING_DIR is not set: run this from trunk's post_build hook".to_string())
            .and_then(|dir| {
                post_build(&PathBuf::from(dir), std::env::var("TRUNK_PROFILE").as_deref() == Ok("release"))
            }),
        _ => Err("usage: xtask post-build".to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = concat!(
        r#"<html><head><title>Baclofen guide</title><meta name="description" content="x"><base href="./"></head>"#,
        r#"<body><div id="app"><!--startup--></div></body></html>"#
    );

    #[test]
    fn every_page_is_rendered_with_its_heading_and_no_interactive_form() {
        let pages = render_pages().unwrap();
        assert_eq!(pages.len(), Route::PAGES.len());
        for (route, body) in &pages {
            let title = route.page().unwrap().title;
            assert!(body.contains(&format!(">{}</h1>", escape(title))), "{route:?} lacks its heading");
            assert!(body.contains("<footer"), "{route:?} lacks the footer");
            assert!(!body.contains("<form"), "{route:?} has an interactive form");
        }
        let missed = &pages.iter().find(|(r, _)| *r == Route::MissedDose).unwrap().1;
        assert!(missed.contains("How the missed-dose helper decides"));
        let flags = &pages.iter().find(|(r, _)| *r == Route::SideEffects).unwrap().1;
        assert!(flags.contains("href=\"tel:112\""));
    }

    #[test]
    fn each_page_gets_its_title_description_and_base() {
        let html = page_html(TEMPLATE, Route::About, "<main>about</main>").unwrap();
        assert!(html.contains("<title>About baclofen – Baclofen guide</title>"));
        assert!(html.contains(r#"<meta name="description" content="What baclofen is, what it is used for"#));
        assert!(html.contains(r#"<base href="../">"#));
        assert!(html.contains("<main>about</main>"));
        assert!(html.contains(r#"id="boot-failed" aria-label="Start-up problem" hidden>"#));
        let home = page_html(TEMPLATE, Route::Home, "").unwrap();
        assert!(home.contains(r#"<base href="./">"#));
    }

    #[test]
    fn preloads_are_removed_and_other_links_kept() {
        let html = r#"<link rel="stylesheet" href="a.css"><link rel="modulepreload" href="app.js"><link rel="preload" href="app.wasm" as="fetch"><link rel="icon" href="icon.svg">"#;
        assert_eq!(
            without_preloads(html),
            r#"<link rel="stylesheet" href="a.css"><link rel="icon" href="icon.svg">"#
        );
    }

    #[test]
    fn precache_urls_name_folders_for_pages() {
        assert_eq!(precache_url("index.html"), "./");
        assert_eq!(precache_url("about/index.html"), "about/");
        assert_eq!(precache_url("app-0123.wasm"), "app-0123.wasm");
    }

    #[test]
    fn the_cache_version_changes_with_any_file() {
        let a = vec![("a.js".to_string(), b"one".to_vec())];
        let b = vec![("a.js".to_string(), b"two".to_vec())];
        assert_ne!(fingerprint(&a), fingerprint(&b));
        assert_eq!(fingerprint(&a), fingerprint(&a.clone()));
        assert_eq!(js_string("it's"), "it\\'s");
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

    #[test]
    fn the_policy_allows_no_inline_script() {
        assert!(CSP_META.contains("script-src 'self' 'wasm-unsafe-eval';"));
        assert!(CSP_META.contains("object-src 'none'") && !CSP_META.contains("unsafe-inline"));
        assert!(!CSP_META.contains("sha256"));
    }

    #[test]
    fn a_template_without_its_markers_fails_loudly() {
        assert!(page_html("<html></html>", Route::Home, "").is_err());
    }
}
