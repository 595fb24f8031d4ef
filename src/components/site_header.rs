use crate::components::link::Link;
use crate::content::ui::shell;
use crate::content::SITE;
use crate::ids::RED_FLAG_ISLAND;
use crate::route::Route;
use yew::prelude::*;

/// The places people need in a hurry, always in view (they wrap onto more lines at large text
/// sizes, never off the side of the screen): the missed-dose page (its helper comes first), the
/// symptom checker itself (not the top of its long page) and search. Every other section is
/// one tap further, in the "Menu" list beside them (a `<details>` disclosure, so it opens without
/// JavaScript), in the start page's contents and in the footer.
const SHORTCUTS: [(Route, &str, Option<&str>); 3] = [
    (Route::MissedDose, shell::SHORTCUT_MISSED_DOSE, None),
    (Route::SideEffects, shell::SHORTCUT_CHECKER, Some(RED_FLAG_ISLAND)),
    (Route::Search, shell::SHORTCUT_SEARCH, None),
];

#[derive(Properties, PartialEq)]
pub struct SiteHeaderProps {
    pub current: Route,
}

#[component]
pub fn SiteHeader(props: &SiteHeaderProps) -> Html {
    let current = props.current;
    html! {
        <header class="site-header">
            <div class="site-header__inner">
                <Link to={Route::Home} classes="site-header__brand" current={current == Route::Home}>
                    <svg class="site-header__logo" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
                        <rect x="2" y="8" width="20" height="8" rx="4" />
                        <path d="M12 8v8" />
                    </svg>
                    { SITE.product_name }
                </Link>
                <p class="site-header__tagline">{ SITE.tagline }</p>
            </div>
            <nav class="site-nav" aria-label={shell::MAIN_NAV}>
                <ul class="site-nav__list">
                    { for SHORTCUTS.into_iter().map(|(route, label, anchor)| html! {
                        <li key={label} class="site-nav__shortcut">
                            <Link to={route} anchor={anchor.map(AttrValue::Static)} current={current == route}>
                                { label }
                            </Link>
                        </li>
                    }) }
                    <li key="menu" class="site-nav__menu">
                        <details class="menu">
                            <summary class="menu__button">{ shell::MENU }</summary>
                            <ul class="menu__list">
                                // Every page but the shortcuts that carry the same name.
                                { for std::iter::once(Route::Home).chain(Route::sections()).filter(|r| *r != Route::MissedDose).map(|route| html! {
                                    <li key={route.slug()}>
                                        <Link to={route} current={current == route}>
                                            { route.page().map(|p| p.nav_label).unwrap_or_default() }
                                        </Link>
                                    </li>
                                }) }
                            </ul>
                        </details>
                    </li>
                </ul>
            </nav>
        </header>
    }
}
