use crate::components::link::Link;
use crate::content::ui::shell;
use crate::route::Route;
use yew::prelude::*;

#[component]
pub fn NotFound() -> Html {
    html! {
        <article class="page">
            <h1>{ shell::NOT_FOUND_TITLE }</h1>
            <p>{ shell::NOT_FOUND_TEXT }</p>
            <p><Link to={Route::Home}>{ shell::NOT_FOUND_LINK }</Link></p>
        </article>
    }
}
