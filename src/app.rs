//! The app shell: header, navigation, the current page in `main`, footer.

use crate::components::{
    missed_dose_helper::MissedDoseHelper, red_flag_checker::RedFlagChecker, site_footer::SiteFooter,
    site_header::SiteHeader,
};
use crate::pages::{content_page::ContentPage, not_found::NotFound, sources::SourcesPage};
use crate::route::Route;
use crate::router::{browser, Navigation, Place};
use gloo_events::EventListener;
use yew::prelude::*;

pub const MAIN_ID: &str = "main";
pub const MAIN_HEADING_ID: &str = "main-heading";

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// Absolute base URL of the app (the folder holding the start page), ending in `/`.
    pub base: AttrValue,
    /// Where the browser was when the app started.
    pub start: Place,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let place = use_state(|| props.start.clone());
    // The first render keeps the reader's position; later moves focus the new page's heading.
    let navigated = use_mut_ref(|| false);

    {
        let place = place.clone();
        let base = props.base.clone();
        use_effect_with((), move |_| {
            browser::mark_started();
            let window = web_sys::window().expect("a window");
            let listener = EventListener::new(&window, "popstate", move |_| {
                place.set(browser::current_place(&base));
            });
            move || drop(listener)
        });
    }
    {
        let navigated = navigated.clone();
        use_effect_with((*place).clone(), move |place| {
            browser::set_title(&place.route.document_title());
            let move_focus = std::mem::replace(&mut *navigated.borrow_mut(), true);
            browser::reveal(place, move_focus);
        });
    }

    let go = {
        let place = place.clone();
        let base = props.base.clone();
        Callback::from(move |to: Place| {
            browser::push(&base, &to);
            place.set(to);
        })
    };
    let navigation = Navigation { place: (*place).clone(), go };

    html! {
        <ContextProvider<Navigation> context={navigation}>
            <Shell route={place.route} />
        </ContextProvider<Navigation>>
    }
}

#[derive(Properties, PartialEq)]
pub struct ShellProps {
    pub route: Route,
    /// False when prerendering static HTML: the helpers are replaced by their published rules.
    #[prop_or(true)]
    pub interactive: bool,
}

/// The missed-dose helper, or its published rules in static HTML.
fn missed_dose_tool(interactive: bool) -> Html {
    #[cfg(feature = "ssr")]
    if !interactive {
        return html! { <crate::components::missed_dose_rules::MissedDoseRules /> };
    }
    let _ = interactive;
    html! { <MissedDoseHelper /> }
}

/// The red-flag checker, or its rules as lists in static HTML.
fn red_flag_tool(interactive: bool) -> Html {
    #[cfg(feature = "ssr")]
    if !interactive {
        return html! { <crate::components::red_flag_list::RedFlagList /> };
    }
    let _ = interactive;
    html! { <RedFlagChecker /> }
}

/// Everything on screen for one route; free of browser calls so it can also be rendered natively.
#[component]
pub fn Shell(props: &ShellProps) -> Html {
    let route = props.route;
    let skip_to_main = Callback::from(|event: MouseEvent| {
        event.prevent_default();
        browser::focus_main();
    });
    let body = match (route, route.page()) {
        (Route::Sources, Some(page)) => html! { <SourcesPage {page} /> },
        (Route::MissedDose, Some(page)) => {
            html! { <ContentPage {page}>{ missed_dose_tool(props.interactive) }</ContentPage> }
        }
        (Route::SideEffects, Some(page)) => {
            html! { <ContentPage {page}>{ red_flag_tool(props.interactive) }</ContentPage> }
        }
        (_, Some(page)) => html! { <ContentPage {page} /> },
        (_, None) => html! { <NotFound /> },
    };
    html! {
        <>
            <a class="skip-link" href={format!("{}#{MAIN_ID}", route.href())} onclick={skip_to_main}>
                {"Skip to main content"}
            </a>
            <SiteHeader current={route} />
            <main id={MAIN_ID} tabindex="-1">
                { body }
            </main>
            <SiteFooter />
        </>
    }
}
