use crate::components::link::Link;
use crate::content::SITE;
use crate::route::Route;
use yew::prelude::*;

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
            <nav class="site-nav" aria-label="Sections">
                <ul>
                    { for Route::PAGES.into_iter().filter(|r| *r != Route::Home).map(|route| html! {
                        <li key={route.slug()}>
                            <Link to={route} current={props.current == route}>
                                { route.page().map(|p| p.nav_label).unwrap_or_default() }
                            </Link>
                        </li>
                    }) }
                </ul>
            </nav>
        </header>
    }
}
