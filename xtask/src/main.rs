//! Build helpers run by trunk's `post_build` hook (see Trunk.toml) on the staged `dist/`.
//!
//! `xtask post-build` renders every page to static HTML with the same Yew components the app
//! uses, and writes one `<route>/index.html` per page (with its own title and description), so
//! every address is a real, readable file on any static host, with or without WebAssembly.
//! In the browser the WebAssembly only brings the helpers to life inside their placeholders.

use baclofen_guide::content::SITE;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod document;
mod html;
mod manifest;
mod modules;
mod offline;
mod prerender;
mod search_index;

use baclofen_guide::route::Route;
use document::Assets;
use html::{app_files, not_found_script};
use offline::write_offline_copy;
use prerender::{noscript_html, page_html, render_pages, render_routes};

const CLINIC_SETUP_TEMPLATE: &str = include_str!("../clinic-setup.js");

/// The clinic setup page (`clinic-setup/`, for a clinic's web team; not in the navigation) and
/// `clinic-setup.js`, which checks settings in a worker built from the same settings code
/// (`src/bin/setup.rs`), and knows the words for the message codes it returns.
fn write_clinic_setup(staging: &Path, assets: &Assets) -> Result<(), String> {
    use baclofen_guide::clinic_setup;
    let messages: serde_json::Map<String, serde_json::Value> = baclofen_guide::settings::MESSAGES
        .iter()
        .map(|(code, text)| (code.to_string(), serde_json::Value::from(*text)))
        .collect();
    let messages = serde_json::to_string(&messages).map_err(|e| e.to_string())?;
    // The script's own words: content/web-team.toml [setup_script].
    let words: serde_json::Map<String, serde_json::Value> = baclofen_guide::content::WEB_TEAM_TEXTS
        .iter()
        .filter_map(|(key, text)| Some((key.strip_prefix("setup_script.")?.to_string(), (*text).into())))
        .collect();
    let words = serde_json::to_string(&words).map_err(|e| e.to_string())?;
    // Trunk writes the worker's loader as `setup_loader.js` (or with a hash).
    let worker = std::fs::read_dir(staging)
        .map_err(|e| format!("{}: {e}", staging.display()))?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .find(|name| name.starts_with("setup") && name.ends_with("_loader.js"))
        .ok_or("no setup worker loader (index.html: data-bin=\"setup\" data-loader-shim)")?;
    let script = CLINIC_SETUP_TEMPLATE
        .replace("__MESSAGES__", &messages)
        .replace("__WORDS__", &words)
        .replace("__SETUP_WORKER__", &worker);
    std::fs::write(staging.join("clinic-setup.js"), script).map_err(|e| format!("clinic-setup.js: {e}"))?;
    let title = format!("{} – {}", clinic_setup::TITLE, SITE.product_name);
    let html = document::render(
        assets,
        &document::Page {
            title: &title,
            description: clinic_setup::DESCRIPTION,
            base: "../",
            noindex: true,
            // The app starts as on every page (footer, offline copy); the page's own script after it.
            scripts: &["clinic-setup.js"],
            inline_script: None,
            noscript: &noscript_html(),
            body: &clinic_setup::page_body(),
        },
    );
    let dir = staging.join("clinic-setup");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    std::fs::write(dir.join("index.html"), html).map_err(|e| format!("clinic-setup/index.html: {e}"))
}

fn post_build(staging: &Path, release: bool) -> Result<(), String> {
    let index = staging.join("index.html");
    // Trunk's start page is read, not edited: every page is rendered whole (document.rs).
    let staged = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let (js, wasm) = app_files(&staged)?;
    let site = modules::Module { name: "site".into(), js, wasm };
    let assets = Assets::from_staged(&staged)?;
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
    // The page's one script: boot.js (copied by trunk, then removed: no page asks for it on its
    // own), the page's start and, in release builds, the offline copy's registration (only
    // release builds keep an offline copy: a cached development build would hide changes).
    let boot_file = staging.join("boot.js");
    let boot = std::fs::read_to_string(&boot_file)
        .map_err(|e| format!("{}: {e}", boot_file.display()))?
        .replace("__DAMAGED__", &html::js_string(SITE.startup.damaged))
        .replace("__SANDBOXED__", &html::js_string(SITE.startup.sandboxed));
    std::fs::remove_file(&boot_file).map_err(|e| format!("{}: {e}", boot_file.display()))?;
    // Read aloud (issue #31): on no page's first view; start.js fetches it when it is pressed.
    let read_aloud = modules::hashed_helper_module(staging, "read-aloud")?;
    let mut start =
        [boot, modules::start_script(&site, &helpers, &read_aloud, &modules::Defaults::from_settings())?]
            .join("\n");
    if release {
        start = modules::without_comment_lines(&[start, offline::register_script()].join("\n"));
        modules::shrink_scripts(staging, &["embed.js", "search.js"])?;
    }
    let start_file = staging.join("start.js");
    std::fs::write(&start_file, start).map_err(|e| format!("{}: {e}", start_file.display()))?;
    let mut manifest = manifest::Manifest::new(&page_html(&assets, Route::Home, "", None), &site);
    manifest.on_press_modules.push(read_aloud);
    for (route, body) in &pages {
        let (route, body) = (*route, body.as_str());
        manifest.add_page(route, &modules::modules_in(body), &helpers)?;
        let html = page_html(&assets, route, body, None);
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
        std::fs::write(&file, page_html(&assets, route, &body, Some(&not_found_script())))
            .map_err(|e| format!("{}: {e}", file.display()))?;
    }
    write_clinic_setup(staging, &assets)?;
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
        // The search index alone (tests/e2e/search-node.test.mjs without a whole build).
        Some("search-index") => match args.get(1) {
            Some(file) => search_index::search_index_json()
                .and_then(|json| std::fs::write(file, json).map_err(|e| format!("{file}: {e}"))),
            None => Err("usage: xtask search-index <file>".to_string()),
        },
        _ => Err("usage: xtask post-build | xtask search-index <file>".to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}
