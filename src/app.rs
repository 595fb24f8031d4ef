//! The page shell: header, navigation, the page in `main`, footer. It is rendered to static
//! HTML at build time (`xtask post-build`); in the browser the WebAssembly only brings the
//! two helpers to life inside their placeholders (see `islands`).

use crate::components::{
    missed_dose_rules::MissedDoseRules, red_flag_list::RedFlagList, site_footer::SiteFooter,
    site_header::SiteHeader,
};
use crate::content::{MISSED_DOSE, RED_FLAGS};
use crate::islands::{MISSED_DOSE_ISLAND, RED_FLAG_ISLAND};
use crate::pages::{content_page::ContentPage, not_found::NotFound, search::SearchBox, sources::SourcesPage};
use crate::route::Route;
use yew::prelude::*;

pub const MAIN_ID: &str = "main";

#[derive(Properties, PartialEq)]
pub struct ShellProps {
    pub route: Route,
}

/// Everything on screen for one route. The helpers appear as their published rules, which the
/// live helper replaces when the app starts (and which stay readable if it cannot).
#[component]
pub fn Shell(props: &ShellProps) -> Html {
    let route = props.route;
    let body = match (route, route.page()) {
        (Route::Sources, Some(page)) => html! { <SourcesPage {page} /> },
        (Route::MissedDose, Some(page)) => html! {
            <ContentPage {page} helper_sources={MISSED_DOSE.source_ids()}>
                <div id={MISSED_DOSE_ISLAND} class="island"><MissedDoseRules /></div>
            </ContentPage>
        },
        (Route::SideEffects, Some(page)) => html! {
            <ContentPage {page} helper_sources={RED_FLAGS.source_ids()}>
                <div id={RED_FLAG_ISLAND} class="island"><RedFlagList /></div>
            </ContentPage>
        },
        (Route::Search, Some(page)) => html! {
            <ContentPage {page}><SearchBox /></ContentPage>
        },
        (_, Some(page)) => html! { <ContentPage {page} /> },
        (_, None) => html! { <NotFound /> },
    };
    html! {
        <>
            <a class="skip-link" href={format!("{}#{MAIN_ID}", route.href())}>{"Skip to main content"}</a>
            <SiteHeader current={route} />
            <main id={MAIN_ID} tabindex="-1">
                { body }
            </main>
            <SiteFooter />
        </>
    }
}
