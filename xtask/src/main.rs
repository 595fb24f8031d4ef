//! Build helpers run by trunk's `post_build` hook (see Trunk.toml) on the staged `dist/`.
//!
//! `xtask post-build` fills the start-up messages from content/ and writes one
//! `<route>/index.html` per page, so every address is a real file on any static host.

use baclofen_guide::content::SITE;
use baclofen_guide::route::Route;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const BASE_TAG: &str = r#"<base href="./">"#;
const STARTUP_MARKER: &str = "<!--startup-->";
const NOSCRIPT_MARKER: &str = "<!--noscript-->";

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The messages shown before the app runs: loading, and (hidden until `boot.js` reveals it)
/// failed to start. Both end with what to do in an emergency.
fn startup_html() -> String {
    let s = &SITE.startup;
    format!(
        r#"<div class="boot" id="boot-loading" role="status"><p>{}</p></div><div class="boot boot--failed" id="boot-failed" hidden><p><strong>{}</strong></p><p>{}</p></div><p class="boot boot--emergency">{}</p>"#,
        escape(s.loading),
        escape(s.failed),
        escape(SITE.emergency),
        escape(s.emergency_signs),
    )
}

fn noscript_html() -> String {
    let s = &SITE.startup;
    format!(
        r#"<div class="boot boot--failed"><p><strong>{}</strong></p><p>{}</p><p>{}</p></div>"#,
        escape(s.no_script),
        escape(s.emergency_signs),
        escape(SITE.emergency)
    )
}

fn replace_once(html: &str, marker: &str, with: &str) -> Result<String, String> {
    match html.matches(marker).count() {
        1 => Ok(html.replacen(marker, with, 1)),
        n => Err(format!("index.html must contain `{marker}` exactly once (found {n})")),
    }
}

fn post_build(staging: &Path) -> Result<(), String> {
    let index = staging.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let html = replace_once(&html, STARTUP_MARKER, &startup_html())?;
    let html = replace_once(&html, NOSCRIPT_MARKER, &noscript_html())?;
    if html.matches(BASE_TAG).count() != 1 {
        return Err(format!(
            "index.html must contain `{BASE_TAG}` exactly once: set public_url = \"./\" in Trunk.toml"
        ));
    }
    std::fs::write(&index, &html).map_err(|e| format!("{}: {e}", index.display()))?;
    // Route folders are one level deep, so their base is the parent folder.
    let nested = html.replacen(BASE_TAG, r#"<base href="../">"#, 1);
    for route in Route::PAGES.into_iter().filter(|r| *r != Route::Home) {
        let dir = staging.join(route.slug());
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let file = dir.join("index.html");
        std::fs::write(&file, &nested).map_err(|e| format!("{}: {e}", file.display()))?;
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("post-build") => std::env::var("TRUNK_STAGING_DIR")
            .map_err(|_| "TRUNK_STAGING_DIR is not set: run this from trunk's post_build hook".to_string())
            .and_then(|dir| post_build(&PathBuf::from(dir))),
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
