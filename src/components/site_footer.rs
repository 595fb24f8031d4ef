use crate::components::link::Link;
use crate::content::ui::shell;
use crate::content::SITE;
use crate::route::Route;
use yew::prelude::*;

pub use crate::ids::{CLINIC_CONTACT_ID, EMERGENCY_LINE_ID};

/// The words of the "ready offline" notice (`static/boot.js`).
const OFFLINE_READY_ID: &str = "offline-ready";

#[component]
pub fn SiteFooter() -> Html {
    html! {
        <footer class="site-footer">
            <p class="site-footer__safety">
                <strong>{ SITE.disclaimer }</strong>{" "}
                // The app puts the clinic's or region's number here when one is set.
                <span id={EMERGENCY_LINE_ID}>{ SITE.emergency }</span>
            </p>
            <div id={CLINIC_CONTACT_ID} class="site-footer__clinic" hidden=true></div>
            <nav class="site-footer__sections" aria-label={shell::ALL_SECTIONS}>
                <ul>
                    { for Route::sections().map(|route| html! {
                        <li key={route.slug()}>
                            <Link to={route}>{ route.page().map(|p| p.nav_label).unwrap_or_default() }</Link>
                        </li>
                    }) }
                </ul>
            </nav>
            // The words static/boot.js says once the offline copy is saved (never shown here).
            <p id={OFFLINE_READY_ID} hidden=true data-close={shell::OFFLINE_READY_CLOSE}>{ shell::OFFLINE_READY }</p>
            <p class="site-footer__meta">
                { shell::CONTENT_VERSION }{" "}<span class="site-footer__version">{ SITE.content_version }</span>
                {" · "}{ shell::CHECKED_ON_FOOTER }{" "}
                <time datetime={SITE.checked_on_iso}>{ SITE.checked_on }</time>
                {" · "}
                <Link to={Route::Sources}>{ shell::SOURCES_AND_REVIEW }</Link>
            </p>
        </footer>
    }
}
