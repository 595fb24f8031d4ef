use crate::components::link::Link;
use crate::route::Route;
use yew::prelude::*;

#[component]
pub fn NotFound() -> Html {
    html! {
        <article class="page">
            <h1>{"Page not found"}</h1>
            <p>{"We could not find that page. It may have moved."}</p>
            <p><Link to={Route::Home}>{"Go to the start of the guide"}</Link></p>
        </article>
    }
}
