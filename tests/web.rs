//! Component tests in headless Chromium (`make test-wasm`).
#![cfg(target_arch = "wasm32")]

use baclofen_guide::app::{Shell, ShellProps};
use baclofen_guide::content::SITE;
use baclofen_guide::route::Route;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

mod browser;
use browser::{document, root_holding};

/// A root for a component.
fn fresh_root() -> Element {
    root_holding("")
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

/// The missed-dose helper in a root of its own.
type MissedDoseHelper = browser::Mounted<baclofen_guide::helpers::missed_dose::MissedDose>;

/// Renders the helper through Yew and waits for the render.
async fn missed_dose_helper() -> MissedDoseHelper {
    let root = fresh_root();
    let handle = baclofen_guide::helpers::missed_dose::mount(root.clone(), Default::default());
    yew::scheduler::flush().await;
    MissedDoseHelper::new(root, handle)
}

/// Clicks as a person does, then lets Yew render.
async fn click_and_render(root: &Element, selector: &str) {
    click(root, selector);
    yew::scheduler::flush().await;
}

/// Sets a field's value and sends `event` ("input" or "change"), then lets Yew render.
async fn type_into(root: &Element, selector: &str, value: &str, event: &str) {
    let field = root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}"));
    js_sys::Reflect::set(&field, &"value".into(), &value.into()).unwrap();
    field
        .dispatch_event(
            &web_sys::Event::new_with_event_init_dict(event, &{
                let init = web_sys::EventInit::new();
                init.set_bubbles(true);
                init
            })
            .unwrap(),
        )
        .unwrap();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn missed_dose_helper_starts_empty_and_says_what_is_missing() {
    let helper = missed_dose_helper().await;
    let root = &helper.root;
    // Nothing pre-filled: no answer chosen, no dose times until the person says how many.
    assert_eq!(root.query_selector_all("input:checked").unwrap().length(), 0);
    assert_eq!(root.query_selector_all("input[type=time]").unwrap().length(), 0);
    click_and_render(root, "button[type=submit]").await;
    let summary = text_of(root, ".error-summary");
    assert!(summary.contains("Choose who the medicine is for"), "{summary}");
    assert!(summary.contains("Answer yes or no"), "{summary}");
    assert!(root.query_selector(".result").unwrap().is_none(), "no answer without every question answered");
    // The summary takes focus, and is in no live region (focus says it, once).
    let focused = document().active_element().map(|e| e.id());
    assert_eq!(focused.as_deref(), Some("error-summary"));
    assert!(root
        .query_selector(".error-summary")
        .unwrap()
        .unwrap()
        .closest("[aria-live],[role=status],[role=alert]")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn a_dose_time_being_typed_stays_the_same_field_while_questions_appear_around_it() {
    let helper = missed_dose_helper().await;
    let root = &helper.root;
    click_and_render(root, "#person-adult").await;
    click_and_render(root, "#form-tablet").await;
    type_into(root, "#dose-count", "2", "change").await;
    let time: web_sys::HtmlInputElement =
        root.query_selector("input[type=time]").unwrap().unwrap().dyn_into().unwrap();
    time.focus().unwrap();
    type_into(root, "input[type=time]", "08:00", "input").await;
    click_and_render(root, "#happened-missed").await;
    time.focus().unwrap();
    let withdrawal = root.query_selector("#withdrawal-no").unwrap().unwrap();
    click_and_render(root, "#happened-vomited").await;
    let first = root.query_selector("input[type=time]").unwrap().unwrap();
    assert!(time.is_same_node(Some(&first)), "the time field was rebuilt");
    assert_eq!(time.value(), "08:00");
    assert!(
        withdrawal.is_same_node(root.query_selector("#withdrawal-no").unwrap().as_ref().map(|e| e.as_ref()))
    );
    assert!(root.query_selector("#vomited-after").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn the_dose_menu_follows_the_typed_times_and_a_re_render_never_resets_a_field() {
    let helper = missed_dose_helper().await;
    let root = &helper.root;
    click_and_render(root, "#person-child").await;
    click_and_render(root, "#form-liquid").await;
    type_into(root, "#dose-count", "2", "change").await;
    click_and_render(root, "#happened-vomited").await;
    let which: web_sys::HtmlSelectElement =
        root.query_selector("#which-dose").unwrap().unwrap().dyn_into().unwrap();
    let times = root.query_selector_all("input[type=time]").unwrap();
    let first: web_sys::HtmlInputElement = times.get(0).unwrap().dyn_into().unwrap();
    let second: web_sys::HtmlInputElement = times.get(1).unwrap().dyn_into().unwrap();
    // Typed, each with its own input event: the menu follows on the first (one dose a day known
    // is not yet a schedule, so it waits for both).
    type_into(root, "#dose-time-0", "08:00", "input").await;
    type_into(root, "#dose-time-1", "20:00", "input").await;
    assert!(which.length() > 1, "no dose to choose after both times were typed");
    // Other answers re-render the form: the typed times stay.
    click_and_render(root, "#withdrawal-no").await;
    click_and_render(root, "#happened-missed").await;
    click_and_render(root, "#happened-vomited").await;
    assert_eq!((first.value(), second.value()), ("08:00".to_string(), "20:00".to_string()));
    // A dose chosen, then a time edited: the menu is rebuilt and shows no choice.
    let value = root
        .query_selector_all("#which-dose option")
        .unwrap()
        .get(1)
        .unwrap()
        .dyn_into::<Element>()
        .unwrap()
        .get_attribute("value")
        .unwrap();
    type_into(root, "#which-dose", &value, "change").await;
    assert_eq!(which.value(), value);
    // Independent tester: the other time edited, the chosen dose is still in the menu, so it stays
    // chosen; the chosen dose's own time edited, that dose is gone and the menu asks again. (The
    // menu lists the newest dose first, "The 20:00 today dose"; which time that is depends on the
    // clock the test runs at.)
    let label = text_of(root, &format!("#which-dose option[value='{value}']"));
    let (chosen, other) = if label.contains(&first.value()) {
        ("#dose-time-0", "#dose-time-1")
    } else {
        ("#dose-time-1", "#dose-time-0")
    };
    let moved = if other == "#dose-time-0" { "07:00" } else { "21:00" };
    type_into(root, other, moved, "input").await;
    assert_eq!(which.value(), value, "the chosen dose, still in the menu, was forgotten");
    let moved = if chosen == "#dose-time-0" { "09:00" } else { "19:00" };
    type_into(root, chosen, moved, "input").await;
    assert_eq!(which.value(), "", "a choice was kept after its dose left the menu");
}

/// Independent tester: "How many times a day?" lowered, then raised, lost the typed third time.
/// Nothing typed is lost: the field comes back with its time.
#[wasm_bindgen_test]
async fn lowering_then_raising_how_many_times_a_day_gives_back_the_typed_times() {
    let helper = missed_dose_helper().await;
    let root = &helper.root;
    click_and_render(root, "#person-adult").await;
    click_and_render(root, "#form-tablet").await;
    type_into(root, "#dose-count", "3", "change").await;
    for (i, time) in ["08:00", "14:00", "20:00"].iter().enumerate() {
        type_into(root, &format!("#dose-time-{i}"), time, "input").await;
    }
    type_into(root, "#dose-count", "2", "change").await;
    assert_eq!(root.query_selector_all("input[type=time]").unwrap().length(), 2);
    type_into(root, "#dose-count", "3", "change").await;
    let typed: Vec<String> = (0..3)
        .map(|i| {
            let field = root.query_selector_all("input[type=time]").unwrap().get(i).unwrap();
            field.dyn_into::<web_sys::HtmlInputElement>().unwrap().value()
        })
        .collect();
    assert_eq!(typed, ["08:00", "14:00", "20:00"], "a typed time was lost");
}
