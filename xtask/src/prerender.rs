//! Prerendering: every page rendered to static HTML with the same Yew components the app uses,
//! placed into the staged start page with its own title, description and base.

use baclofen_guide::app::{Shell, ShellProps};
use baclofen_guide::content::ui::shell;
use baclofen_guide::content::SITE;
use baclofen_guide::route::Route;
use baclofen_guide::settings::call_label;

use crate::html::replace_once;

pub const BASE_TAG: &str = r#"<base href="./">"#;
pub const TITLE_TAG: &str = "<title>Baclofen guide</title>";
pub const DESCRIPTION_START: &str = r#"<meta name="description" content=""#;
pub const STARTUP_MARKER: &str = "<!--startup-->";
pub const NOSCRIPT_MARKER: &str = "<!--noscript-->";

pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Shown (by `static/boot.js`) only if the app cannot start; the static page stays readable.
fn startup_failed_html() -> String {
    let s = &SITE.startup;
    format!(
        r#"<section class="boot boot--failed" id="boot-failed" aria-label="{}" hidden><p><strong>{}</strong></p><p>{}</p><p>{}</p></section>"#,
        escape(shell::STARTUP_PROBLEM_LABEL),
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
        r#"<section class="boot boot--failed helper-stopped" id="helper-stopped" role="alert" aria-label="{}" hidden><p><strong>{}</strong></p><p class="helper-stopped__emergency">{}</p><p><a class="call__button">{call}</a></p><p>{}</p></section>"#,
        escape(shell::HELPER_STOPPED_LABEL),
        escape(s.helper_stopped),
        escape(SITE.emergency),
        escape(s.emergency_signs),
        call = escape(&call_label(SITE.emergency_default_number)),
    )
}

pub fn noscript_html() -> String {
    let s = &SITE.startup;
    format!(
        r#"<section class="boot boot--failed" aria-label="{}"><p><strong>{}</strong></p><p>{}</p><p>{}</p></section>"#,
        escape(shell::NO_SCRIPT_LABEL),
        escape(s.no_script),
        escape(s.emergency_signs),
        escape(SITE.emergency)
    )
}

/// Renders every page route to HTML with the same components as the app, helpers replaced
/// by their published rules.
pub fn render_pages() -> Result<Vec<(Route, String)>, String> {
    render_routes(Route::PAGES)
}

pub fn render_routes(routes: impl IntoIterator<Item = Route>) -> Result<Vec<(Route, String)>, String> {
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
pub fn page_html(template: &str, route: Route, body: &str) -> Result<String, String> {
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
    fn a_template_without_its_markers_fails_loudly() {
        assert!(page_html("<html></html>", Route::Home, "").is_err());
    }
}
