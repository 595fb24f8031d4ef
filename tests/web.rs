//! Component tests in headless Chromium (`make test-wasm`).
#![cfg(target_arch = "wasm32")]

use baclofen_guide::app::{Shell, ShellProps};
use baclofen_guide::content::SITE;
use baclofen_guide::route::Route;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A root for a component; views are shown whole at once (one test below shows them in slices).
fn fresh_root() -> Element {
    baclofen_guide::dom::live::set_slice_ms(f64::INFINITY);
    let document = document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn text_of(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn shell_shows_landmarks_navigation_and_safety_footer() {
    let root = fresh_root();
    yew::Renderer::<Shell>::with_root_and_props(root.clone(), ShellProps { route: Route::MissedDose })
        .render();
    yew::scheduler::flush().await;

    assert_eq!(text_of(&root, "main h1"), "If you miss a dose");
    let sections = Route::PAGES.len() - 2;
    // Three shortcuts, then the start page and every section but the missed-dose one in the menu.
    assert_eq!(root.query_selector_all("nav[aria-label=Main] a").unwrap().length() as usize, 3 + sections);
    assert_eq!(
        root.query_selector_all("nav[aria-label='All sections'] a").unwrap().length() as usize,
        sections
    );
    // "Previous: Taking it" and "Next: Side effects" around this section.
    assert_eq!(root.query_selector_all(".pager a").unwrap().length(), 2);
    assert_eq!(text_of(&root, "nav a[aria-current=page]"), "Missed a dose");
    let footer = text_of(&root, "footer");
    assert!(footer.contains(SITE.disclaimer), "{footer}");
    assert!(footer.contains("local emergency number"), "{footer}");
    assert!(footer.contains(SITE.content_version), "{footer}");
    // The double-dose warning is a callout with words and an icon, not colour alone.
    let callout = text_of(&root, ".callout--warning");
    assert!(callout.contains("Important: Never take a double dose"), "{callout}");
    assert!(root.query_selector(".callout--warning svg[aria-hidden=true]").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn unknown_route_shows_a_kind_not_found_page() {
    let root = fresh_root();
    yew::Renderer::<Shell>::with_root_and_props(root.clone(), ShellProps { route: Route::NotFound }).render();
    yew::scheduler::flush().await;
    assert_eq!(text_of(&root, "main h1"), "Page not found");
    assert!(root.query_selector("nav a[aria-current=page]").unwrap().is_none());
}

fn click(root: &Element, selector: &str) {
    let element: HtmlElement = root.query_selector(selector).unwrap().unwrap().dyn_into().unwrap();
    element.click();
}

#[wasm_bindgen_test]
async fn missed_dose_helper_starts_empty_and_says_what_is_missing() {
    use baclofen_guide::components::missed_dose_helper::mount;
    let root = fresh_root();
    mount(root.clone(), Default::default());
    // Nothing pre-filled: no answer chosen, no dose times until the person says how many.
    assert_eq!(root.query_selector_all("input:checked").unwrap().length(), 0);
    assert_eq!(root.query_selector_all("input[type=time]").unwrap().length(), 0);
    click(&root, "button[type=submit]");
    let summary = text_of(&root, ".error-summary");
    assert!(summary.contains("Choose who the medicine is for"), "{summary}");
    assert!(summary.contains("Answer yes or no"), "{summary}");
    assert!(root.query_selector(".result").unwrap().is_none(), "no answer without every question answered");
}

#[wasm_bindgen_test]
async fn a_dose_time_being_typed_stays_the_same_field_while_questions_appear_around_it() {
    use baclofen_guide::components::missed_dose_helper::mount;
    let root = fresh_root();
    mount(root.clone(), Default::default());
    click(&root, "#person-adult");
    click(&root, "#form-tablet");
    let count: web_sys::HtmlSelectElement =
        root.query_selector("#dose-count").unwrap().unwrap().dyn_into().unwrap();
    count.set_value("2");
    count.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    let time: web_sys::HtmlInputElement =
        root.query_selector("input[type=time]").unwrap().unwrap().dyn_into().unwrap();
    time.focus().unwrap();
    time.set_value("08:00");
    time.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    click(&root, "#happened-missed");
    time.focus().unwrap();
    let withdrawal = root.query_selector("#withdrawal-no").unwrap().unwrap();
    click(&root, "#happened-vomited");
    let first = root.query_selector("input[type=time]").unwrap().unwrap();
    assert!(time.is_same_node(Some(&first)), "the time field was rebuilt");
    assert_eq!(time.value(), "08:00");
    assert!(
        withdrawal.is_same_node(root.query_selector("#withdrawal-no").unwrap().as_ref().map(|e| e.as_ref()))
    );
    assert!(root.query_selector("#vomited-after").unwrap().is_some());
}
