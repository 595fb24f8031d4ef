//! WebAssembly entry point: starts the app over the start-up message in `#app`.

use baclofen_guide::app::{App, AppProps};
use baclofen_guide::router::browser;

fn main() {
    let base = browser::pin_base_url();
    let start = browser::current_place(&base);
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .expect("index.html has <div id=\"app\">");
    yew::Renderer::<App>::with_root_and_props(root, AppProps { base: base.into(), start }).render();
}
