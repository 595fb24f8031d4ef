//! The page shell: header, navigation, the page in `main`, footer. It is rendered to static
//! HTML at build time (`xtask post-build`); in the browser each helper module starts inside
//! its placeholder (a `helper` block in the page's content; see `components::helper_placeholder`).

use crate::components::{site_footer::SiteFooter, site_header::SiteHeader};
use crate::content::ui::shell;
use crate::pages::{
    content_page::ContentPage,
    not_found::NotFound,
    search::{self, SearchBox, SearchField},
    sources::SourcesPage,
};
use crate::route::Route;
use yew::prelude::*;

pub const MAIN_ID: &str = "main";

#[derive(Properties, PartialEq)]
pub struct ShellProps {
    pub route: Route,
}

/// Everything on screen for one route. The helpers appear as their published rules, which the
/// live helper replaces when its module starts (and which stay readable if it cannot).
#[component]
pub fn Shell(props: &ShellProps) -> Html {
    let route = props.route;
    let body = match (route, route.page()) {
        (Route::Sources, Some(page)) => html! { <SourcesPage {page} /> },
        (Route::Search, Some(page)) => html! {
            <ContentPage {page} children_sources={search::CRISIS_SOURCES}><SearchBox /></ContentPage>
        },
        // The start page searches as the search page does, after its emergency box and the two
        // ways into the helpers (content/pages/home.toml's first three blocks).
        (Route::Home, Some(page)) => html! {
            <ContentPage {page} children_after={3} children_sources={search::CRISIS_SOURCES}><SearchField label={shell::SEARCH_HOME_LABEL} lazy=true /></ContentPage>
        },
        (_, Some(page)) => html! { <ContentPage {page} /> },
        (_, None) => html! { <NotFound /> },
    };
    html! {
        <>
            <a class="skip-link" href={format!("{}#{MAIN_ID}", route.href())}>{ shell::SKIP_LINK }</a>
            <SiteHeader current={route} />
            <main id={MAIN_ID} tabindex="-1">
                { body }
            </main>
            <SiteFooter />
        </>
    }
}
