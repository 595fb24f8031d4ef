use crate::components::link::Link;
use crate::content::SITE;
use crate::route::Route;
use yew::prelude::*;

#[component]
pub fn SiteFooter() -> Html {
    html! {
        <footer class="site-footer">
            <p class="site-footer__safety">
                <strong>{ SITE.disclaimer }</strong>{" "}{ SITE.emergency }
            </p>
            <p class="site-footer__meta">
                {"Content version "}<span class="site-footer__version">{ SITE.content_version }</span>
                {" · Checked against its sources on "}
                <time datetime={SITE.checked_on_iso}>{ SITE.checked_on }</time>
                {" · "}
                <Link to={Route::Sources}>{"Sources and review"}</Link>
            </p>
        </footer>
    }
}
