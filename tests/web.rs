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
async fn red_flag_checker_shows_an_emergency_card_as_soon_as_one_is_ticked() {
    use baclofen_guide::components::red_flag_checker::mount;
    let root = fresh_root();
    mount(root.clone(), Default::default(), Default::default());
    assert!(root.query_selector(".care-card").unwrap().is_none());
    click(&root, "#flag-seizure");
    let card = text_of(&root, ".care-card");
    assert!(card.contains("Emergency: Call your emergency number now"), "{card}");
    // No settings and no time zone: no number is guessed (fact sheet §0c), no link to dial.
    assert!(root.query_selector(".checker__bar a.call__button").unwrap().is_none());
    let local = text_of(&root, ".checker__bar .call__local");
    assert!(local.contains("call your local emergency number"), "{local}");
}

#[wasm_bindgen_test]
async fn the_checker_uses_the_clinics_numbers_from_settings() {
    use baclofen_guide::components::red_flag_checker::mount;
    use baclofen_guide::settings::{ConfigFile, Inputs, RawValue, Settings, SharedSettings};
    let file: Vec<(String, RawValue)> =
        [("region", "uk"), ("clinic_name", "Riverside"), ("clinic_phone", "020 7946 0000")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), RawValue::Text(v.to_string())))
            .collect();
    let (settings, notices) = Settings::read(&Inputs {
        file: ConfigFile::Read(&file),
        query: "",
        in_frame: false,
        time_zone: "UTC",
        embedder: None,
    });
    assert!(notices.is_empty(), "{notices:?}");
    let root = fresh_root();
    mount(root.clone(), Default::default(), SharedSettings(std::rc::Rc::new(settings)));
    click(&root, "#flag-seizure");
    let call = root.query_selector(".checker__bar a.call__button").unwrap().unwrap();
    assert_eq!(call.get_attribute("href").as_deref(), Some("tel:999"));
    assert!(!text_of(&root, ".care-card").contains("911 in the US"));
    click(&root, "#flag-seizure");
    click(&root, "#flag-rash");
    let contacts = text_of(&root, ".care-card .contacts");
    assert!(
        contacts.contains("Call Riverside: 020 7946 0000") && contacts.contains("NHS 111: 111"),
        "{contacts}"
    );
}

#[wasm_bindgen_test]
async fn two_ticks_in_one_task_both_stay_ticked() {
    use baclofen_guide::components::red_flag_checker::mount;
    let root = fresh_root();
    mount(root.clone(), Default::default(), Default::default());
    // The second tick arrives after the first one's render: both stay.
    click(&root, "#flag-chest-pain");
    click(&root, "#flag-wheeze");
    for id in ["#flag-chest-pain", "#flag-wheeze"] {
        let input: web_sys::HtmlInputElement = root.query_selector(id).unwrap().unwrap().dyn_into().unwrap();
        assert!(input.checked(), "{id} lost its tick");
    }
    let reasons = text_of(&root, ".care-card__reasons");
    assert!(reasons.contains("Chest pain") && reasons.contains("allergic"), "{reasons}");
}

#[wasm_bindgen_test]
async fn the_checkers_live_region_is_the_same_element_when_the_answer_bar_appears() {
    use baclofen_guide::components::red_flag_checker::mount;
    let root = fresh_root();
    mount(root.clone(), Default::default(), Default::default());
    let region = root.query_selector(".checker__answer").unwrap().unwrap();
    let none = root.query_selector("#flag-none").unwrap().unwrap();
    click(&root, "#flag-seizure");
    assert!(root.query_selector(".checker__bar").unwrap().is_some());
    // A live region put in anew is not read out reliably; the one already there is.
    let after = root.query_selector(".checker__answer").unwrap().unwrap();
    assert!(region.is_same_node(Some(&after)), "the live region was rebuilt");
    assert!(region.text_content().unwrap_or_default().contains("Emergency"));
    assert!(none.is_same_node(root.query_selector("#flag-none").unwrap().as_ref().map(|e| e.as_ref())));
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

/// Waits for one task of the browser's scheduler: the view's next slice runs before it (the same
/// queue, first in first out).
async fn one_task() {
    use wasm_bindgen::JsValue;
    let window = web_sys::window().unwrap();
    let scheduler = js_sys::Reflect::get(&window, &JsValue::from_str("scheduler")).unwrap();
    let post: js_sys::Function =
        js_sys::Reflect::get(&scheduler, &JsValue::from_str("postTask")).unwrap().dyn_into().unwrap();
    let nothing = wasm_bindgen::closure::Closure::once_into_js(|| {});
    let promise: js_sys::Promise = post.call1(&scheduler, &nothing).unwrap().dyn_into().unwrap();
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_long_form_is_shown_over_several_tasks_and_an_early_tick_is_kept() {
    use baclofen_guide::components::red_flag_checker::mount;
    use baclofen_guide::dom::live::{set_slice_ms, when_shown};
    let root = fresh_root();
    root.set_inner_html("<p id=static-rules>The published rules</p>");
    // One element a task: the checker takes many tasks to be whole.
    set_slice_ms(-1.0);
    mount(root.clone(), Default::default(), Default::default());
    // Nothing happens in the task that mounts it: the static rules stay readable meanwhile.
    assert!(root.query_selector("#static-rules").unwrap().is_some(), "the static content went at once");
    assert!(root.query_selector("#flag-none").unwrap().is_none(), "whole in one task");
    // The first task works out the view; the static content goes only when the view goes in.
    one_task().await;
    assert!(root.query_selector("#static-rules").unwrap().is_some(), "cleared before the view was ready");
    let whole = std::rc::Rc::new(std::cell::Cell::new(false));
    let flag = whole.clone();
    when_shown(move || flag.set(true));
    assert!(!whole.get(), "said whole before it was");
    // The page gets turns between slices; what is already there works.
    let mut turns = 0;
    while root.query_selector("#viewer-me").unwrap().is_none() {
        one_task().await;
        turns += 1;
        assert!(turns < 500, "the first choice never arrived");
    }
    assert!(root.query_selector("#flag-none").unwrap().is_none(), "the form arrived whole");
    assert!(!whole.get());
    set_slice_ms(f64::INFINITY);
    // A choice made while the form is still arriving: the form is made whole at once.
    click(&root, "#viewer-me");
    assert!(root.query_selector("#flag-none").unwrap().is_some(), "an action shows the view whole");
    let me: web_sys::HtmlInputElement =
        root.query_selector("#viewer-me").unwrap().unwrap().dyn_into().unwrap();
    assert!(me.checked());
    let done = js_sys::Promise::new(&mut |resolve, _| {
        when_shown(move || {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        })
    });
    wasm_bindgen_futures::JsFuture::from(done).await.unwrap();
    assert!(whole.get());
    assert_eq!(root.query_selector_all("section.checker").unwrap().length(), 1);
    assert_eq!(root.query_selector_all("#flag-none").unwrap().length(), 1);
}
