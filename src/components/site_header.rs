use crate::components::link::Link;
use crate::content::ui::shell;
use crate::content::SITE;
use crate::route::Route;
use yew::prelude::*;

/// The few places people need in a hurry; every section is listed in the contents on the
/// start page and in the footer.
const SHORTCUTS: [(Route, &str, Option<&str>); 5] = [
    (Route::Home, shell::ALL_SECTIONS, Some("contents")),
    (Route::MissedDose, shell::SHORTCUT_MISSED_DOSE, None),
    (Route::SideEffects, shell::SHORTCUT_CHECKER, None),
    (Route::Stopping, shell::SHORTCUT_STOPPING, None),
    (Route::Search, shell::SHORTCUT_SEARCH, None),
];

#[derive(Properties, PartialEq)]
pub struct SiteHeaderProps {
    pub current: Route,
}

#[component]
pub fn SiteHeader(props: &SiteHeaderProps) -> Html {
    html! {
        <header class="site-header">
            <div class="site-header__inner">
                <Link to={Route::Home} classes="site-header__brand" current={props.current == Route::Home}>
                    <svg class="site-header__logo" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
                        <rect x="2" y="8" width="20" height="8" rx="4" />
                        <path d="M12 8v8" />
                    </svg>
                    { SITE.product_name }
                </Link>
                <p class="site-header__tagline">{ SITE.tagline }</p>
            </div>
            <nav class="site-nav" aria-label={shell::MAIN_NAV}>
                <ul>
                    { for SHORTCUTS.into_iter().map(|(route, label, anchor)| html! {
                        <li key={label}>
                            <Link to={route} anchor={anchor.map(AttrValue::Static)} current={props.current == route && anchor.is_none()}>
                                { label }
                            </Link>
                        </li>
                    }) }
                </ul>
            </nav>
        </header>
    }
}
