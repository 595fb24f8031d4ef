//! Prerendering: every page rendered to static HTML with the same Yew components the app uses,
//! placed into the staged start page with its own title, description and base.

use baclofen_guide::app::{Shell, ShellProps};
use baclofen_guide::content::ui::shell;
use baclofen_guide::content::SITE;
use baclofen_guide::html::escape;
use baclofen_guide::route::Route;
use baclofen_guide::settings::call_label;

use crate::document::{self, Assets};

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

/// One page's HTML: its body, title, description and the base for its folder.
pub fn page_html(assets: &Assets, route: Route, body: &str, inline_script: Option<&str>) -> String {
    let description = route.page().map(|p| p.description).unwrap_or_default();
    let base = match route {
        // `404.html` sits beside the start page; the offline copy serves it at any depth with
        // the guide's folder as its base.
        Route::Home | Route::NotFound => "./",
        // Route folders are one level deep, so their base is the parent folder.
        _ => "../",
    };
    document::render(
        assets,
        &document::Page {
            title: &route.document_title(),
            description,
            base,
            noindex: false,
            scripts: &[],
            inline_script,
            noscript: &noscript_html(),
            // The hidden message goes last, so the skip link stays the page's first link.
            body: &format!("{}{body}{}", startup_failed_html(), helper_stopped_html()),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assets() -> Assets {
        Assets { stylesheet: r#"<link rel="stylesheet" href="./app.css">"#.into() }
    }

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
        // Without a script the reader's country is unknown: the general emergency line, and no
        // guessed number to dial (fact sheet §0c).
        assert!(!flags.contains("href=\"tel:112\""));
        assert!(flags.contains("class=\"call__local\""));
    }

    #[test]
    fn each_page_gets_its_title_description_and_base() {
        let html = page_html(&assets(), Route::About, "<main>about</main>", None);
        assert!(html.contains("<title>About baclofen – Baclofen guide</title>"));
        assert!(html.contains(r#"<meta name="description" content="What baclofen is, what it is used for"#));
        assert!(html.contains(r#"<base href="../">"#));
        assert!(html.contains("<main>about</main>"));
        assert!(html.contains(r#"id="boot-failed" aria-label="Start-up problem" hidden>"#));
        let home = page_html(&assets(), Route::Home, "", None);
        assert!(home.contains(r#"<base href="./">"#));
        assert!(home.contains(r#"<noscript><section class="boot boot--failed""#));
    }
}
