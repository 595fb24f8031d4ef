//! Build helpers run by trunk's `post_build` hook (see Trunk.toml) on the staged `dist/`.
//!
//! `xtask post-build` renders every page to static HTML with the same Yew components the app
//! uses, and writes one `<route>/index.html` per page (with its own title and description), so
//! every address is a real, readable file on any static host, with or without WebAssembly.
//! In the browser the WebAssembly only brings the helpers to life inside their placeholders.

use baclofen_guide::content::SITE;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod html;
mod manifest;
mod modules;
mod offline;
mod prerender;
mod search_index;

use baclofen_guide::route::Route;
use html::{
    app_files, not_found_page, replace_once, without_inline_start, without_preloads, CHARSET_TAG, CSP_META,
    START_SCRIPT_TAG,
};
use offline::{write_offline_copy, SW_REGISTER_TAG};
use prerender::{
    escape, noscript_html, page_html, render_pages, render_routes, BASE_TAG, DESCRIPTION_START,
    NOSCRIPT_MARKER, STARTUP_MARKER, TITLE_TAG,
};

const CLINIC_SETUP_TEMPLATE: &str = include_str!("../clinic-setup.js");

/// The clinic setup page (`clinic-setup/`, for a clinic's web team; not in the navigation) and
/// `clinic-setup.js`, which checks settings in a worker built from the same settings code
/// (`src/bin/setup.rs`), and knows the words for the message codes it returns.
fn write_clinic_setup(staging: &Path, template: &str) -> Result<(), String> {
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
