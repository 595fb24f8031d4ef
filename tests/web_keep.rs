//! "Take it with you" (#19) in headless Chromium (`make test-wasm`): the helper as a person uses
//! it, with the browser's real local storage and address, rendered through Yew. Each test mounts
//! it in a root of its own and unmounts it when the root's [`Mounted`] is dropped.
#![cfg(target_arch = "wasm32")]

use baclofen_guide::helpers::take_with_you::{TakeWithYou, TakeWithYouProps};
use baclofen_logic::carer_link;
use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

mod browser;
use browser::{document, root_holding, when_shown};

/// The one schedule record, shared with the missed-dose helper (issue 28 item 5).
const DOSES_KEY: &str = "baclofen-guide.schedule";
const KEPT_KEY: &str = "baclofen-guide.kept";
/// The two stores it replaced, read once and moved into it.
const OLD_KEEP_KEY: &str = "baclofen-guide.keep";
const MISSED_DOSE_KEY: &str = "baclofen-guide.dose-times";

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn stored(key: &str) -> Option<String> {
    storage().get_item(key).unwrap()
}

fn set_hash(hash: &str) {
    let window = web_sys::window().unwrap();
    let _ = window.history().unwrap().replace_state_with_url(
        &JsValue::NULL,
        "",
        Some(if hash.is_empty() { "#" } else { hash }),
    );
}

type Mounted = browser::Mounted<TakeWithYou>;

/// Lets Yew render what the last action changed (and run the effects that follow).
async fn settle() {
    yew::scheduler::flush().await;
    yew::scheduler::flush().await;
}

/// The helper, started: what the device kept is read and the form is whole.
async fn start() -> Mounted {
    let root = root_holding("");
    let (on_shown, shown) = when_shown();
    let props = TakeWithYouProps { settings: Default::default(), on_shown };
    let handle = yew::Renderer::<TakeWithYou>::with_root_and_props(root.clone(), props).render();
    settle().await;
    wasm_bindgen_futures::JsFuture::from(shown).await.unwrap();
    settle().await;
    Mounted::new(root, handle)
}

fn fresh() {
    for key in [DOSES_KEY, KEPT_KEY, OLD_KEEP_KEY, MISSED_DOSE_KEY] {
        storage().remove_item(key).unwrap();
    }
    set_hash("");
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn text(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

async fn click(root: &Element, selector: &str) {
    find(root, selector).dyn_into::<HtmlElement>().unwrap().click();
    settle().await;
}

fn fire(target: &Element, kind: &str) {
    let init = Object::new();
    Reflect::set(&init, &"bubbles".into(), &JsValue::TRUE).unwrap();
    let constructor: js_sys::Function =
        Reflect::get(&js_sys::global(), &"Event".into()).unwrap().dyn_into().unwrap();
    let event = Reflect::construct(&constructor, &js_sys::Array::of2(&kind.into(), &init)).unwrap();
    target.dispatch_event(event.unchecked_ref()).unwrap();
}

async fn type_into(root: &Element, selector: &str, value: &str) {
    let input: HtmlInputElement = find(root, selector).dyn_into().unwrap();
    input.set_value(value);
    fire(&input, "input");
    settle().await;
}

async fn choose_count(root: &Element, n: &str) {
    let select: HtmlSelectElement = find(root, "#dose-count").dyn_into().unwrap();
    select.set_value(n);
    fire(&select, "change");
    settle().await;
}

async fn enter_three_times(root: &Element) {
    click(root, "#person-adult").await;
    click(root, "#form-tablet").await;
    choose_count(root, "3").await;
    let ids: Vec<String> = (0..3)
        .map(|i| {
            let inputs = root.query_selector_all("input[type=time]").unwrap();
            inputs.item(i).unwrap().dyn_into::<Element>().unwrap().id()
        })
        .collect();
    for (id, time) in ids.iter().zip(["08:00", "14:00", "20:00"]) {
        type_into(root, &format!("#{id}"), time).await;
    }
    click(root, "form.helper__form button[type=submit]").await;
}

#[wasm_bindgen_test]
async fn nothing_entered_says_what_is_missing_with_the_missed_dose_helpers_own_words() {
    fresh();
    let root = start().await;
    assert_eq!(root.query_selector_all("input:checked").unwrap().length(), 0, "nothing pre-filled");
    click(&root, "form.helper__form button[type=submit]").await;
    let summary = text(&root, ".error-summary");
    assert!(summary.contains("Choose who the medicine is for."), "{summary}");
    assert!(summary.contains("Choose how the medicine is taken."), "{summary}");
    assert!(root.query_selector("#keep-download").unwrap().is_none(), "no calendar without times");
    assert_eq!(stored(DOSES_KEY), None);
}

#[wasm_bindgen_test]
async fn times_too_close_are_refused_as_the_missed_dose_helper_refuses_them() {
    fresh();
    let root = start().await;
    click(&root, "#person-adult").await;
    click(&root, "#form-tablet").await;
    choose_count(&root, "2").await;
    let first = root
        .query_selector_all("input[type=time]")
        .unwrap()
        .item(0)
        .unwrap()
        .dyn_into::<Element>()
        .unwrap()
        .id();
    let second = root
        .query_selector_all("input[type=time]")
        .unwrap()
        .item(1)
        .unwrap()
        .dyn_into::<Element>()
        .unwrap()
        .id();
    type_into(&root, &format!("#{first}"), "08:00").await;
    type_into(&root, &format!("#{second}"), "09:00").await;
    click(&root, "form.helper__form button[type=submit]").await;
    assert!(text(&root, ".error-summary").contains("less than 2 hours"));
    assert!(root.query_selector("#keep-carer-link").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn entered_times_make_a_summary_a_carer_link_and_a_qr_code_and_nothing_is_stored_without_the_tick() {
    fresh();
    let root = start().await;
    enter_three_times(&root).await;
    let sheet = text(&root, ".keep-sheet");
    assert!(sheet.contains("08:00, 14:00, 20:00"), "{sheet}");
    assert!(sheet.contains("Tablets"), "{sheet}");
    assert!(sheet.contains("Are my dose times still right for me?"), "{sheet}");
    let link: HtmlInputElement = find(&root, "#keep-carer-link").dyn_into().unwrap();
    let link = link.value();
    let fragment = &link[link.find('#').expect("the data sits after #")..];
    let copy = carer_link::decode(
        fragment,
        &baclofen_guide::content::SCHEDULE_LIMITS,
        baclofen_guide::keep::device::today(),
    )
    .expect("the link decodes");
    let times: Vec<String> = copy.schedule.times().iter().map(|t| t.to_string()).collect();
    assert_eq!(times, ["08:00", "14:00", "20:00"]);
    assert!(root.query_selector_all("svg.keep-qr rect").unwrap().length() > 20, "a QR code drawn as rects");
    assert!(root.query_selector("svg.keep-qr image").unwrap().is_none());
    assert_eq!(stored(DOSES_KEY), None, "nothing kept until the person ticks the box");
    // The calendar title defaults to the one that does not name the medicine.
    let plain: HtmlInputElement = find(&root, "#title-plain").dyn_into().unwrap();
    assert!(plain.checked());
}

#[wasm_bindgen_test]
async fn keep_stores_only_on_opt_in_and_one_control_clears_everything() {
    fresh();
    storage().set_item(KEPT_KEY, "a1\nmissed|29000000|Take the missed dose now|Then 15:00").unwrap();
    let root = start().await;
    enter_three_times(&root).await;
    assert_eq!(stored(DOSES_KEY), None, "nothing kept before the tick");
    click(&root, "#keep-on-device").await;
    let kept = stored(DOSES_KEY).expect("kept after the tick");
    assert!(kept.contains(r#""person":"adult","form":"tablet","times":["08:00","14:00","20:00"]"#), "{kept}");
    // A fresh start reads it back.
    let again = start().await;
    let sheet = text(&again, ".keep-sheet");
    assert!(sheet.contains("08:00, 14:00, 20:00"), "{sheet}");
    click(&again, "#keep-clear").await;
    for key in [DOSES_KEY, KEPT_KEY, OLD_KEEP_KEY, MISSED_DOSE_KEY] {
        assert_eq!(stored(key), None, "{key} still stored after clear");
    }
    assert!(text(&again, "[role=status]").contains("cleared"));
}

/// Issue 28 item 5: the times the missed-dose helper remembered (its old `v1|` record) are the
/// ones this helper offers, moved into the one record.
#[wasm_bindgen_test]
async fn the_missed_dose_helpers_times_are_the_ones_offered_here() {
    fresh();
    storage().set_item(MISSED_DOSE_KEY, "v1|adult|tablet|08:00,20:00").unwrap();
    let root = start().await;
    assert!(text(&root, ".keep-sheet").contains("08:00, 20:00"));
    assert_eq!(stored(MISSED_DOSE_KEY), None, "moved into the one record");
    assert!(stored(DOSES_KEY).unwrap().contains(r#""times":["08:00","20:00"]"#));
    let on: HtmlInputElement = find(&root, "#keep-on-device").dyn_into().unwrap();
    assert!(on.checked(), "kept on this device, as storage is");
    fresh();
}

#[wasm_bindgen_test]
async fn a_damaged_record_is_discarded_with_a_notice_and_nothing_else_is_lost() {
    fresh();
    storage().set_item(OLD_KEEP_KEY, "k1|adult|tablet|08:00,08:30|plain|2026-11-23|").unwrap();
    storage()
        .set_item(
            KEPT_KEY,
            "a1\nmissed|29000000|Take the missed dose now|Then the next at 15:00\nbroken line",
        )
        .unwrap();
    storage().set_item(MISSED_DOSE_KEY, "v1|adult|tablet|08:00,20:00").unwrap();
    let root = start().await;
    assert!(text(&root, "[role=status]").contains("could not be read"));
    assert_eq!(stored(OLD_KEEP_KEY), None);
    assert_eq!(
        stored(KEPT_KEY).as_deref(),
        Some("a1\nmissed|29000000|Take the missed dose now|Then the next at 15:00")
    );
    // The missed-dose helper's times were readable: they are the one record now.
    assert!(stored(DOSES_KEY).unwrap().contains(r#""times":["08:00","20:00"]"#));
    assert!(text(&root, ".keep-sheet").contains("Take the missed dose now"));
    assert!(text(&root, ".keep-sheet").contains("08:00, 20:00"));
}

/// Attack review B17: a record from a newer version of the guide is left exactly as it is, and
/// keeping new times does not write over it.
#[wasm_bindgen_test]
async fn a_newer_record_is_left_alone_with_a_notice() {
    fresh();
    let newer = r#"{"version":2,"times":["08:00"],"more":true}"#;
    storage().set_item(DOSES_KEY, newer).unwrap();
    let root = start().await;
    assert!(text(&root, "[role=status]").contains("newer version"));
    enter_three_times(&root).await;
    click(&root, "#keep-on-device").await;
    assert_eq!(stored(DOSES_KEY).as_deref(), Some(newer));
    assert!(text(&root, "[role=status]").contains("did not let the guide keep"));
    fresh();
}

#[wasm_bindgen_test]
async fn a_carer_link_is_shown_and_kept_only_after_yes() {
    fresh();
    let root = start().await;
    enter_three_times(&root).await;
    let link: HtmlInputElement = find(&root, "#keep-carer-link").dyn_into().unwrap();
    let link = link.value();
    fresh();
    set_hash(&link[link.find('#').unwrap()..]);
    let carer = start().await;
    let card = text(&carer, "section[aria-labelledby=keep-received-title]");
    assert!(card.contains("08:00, 14:00, 20:00"), "{card}");
    assert_eq!(stored(DOSES_KEY), None, "nothing kept before the answer");
    let buttons = carer.query_selector_all("section[aria-labelledby=keep-received-title] button").unwrap();
    buttons.item(0).unwrap().dyn_into::<HtmlElement>().unwrap().click();
    settle().await;
    assert!(stored(DOSES_KEY).unwrap().contains(r#""times":["08:00","14:00","20:00"]"#));
    fresh();
}

#[wasm_bindgen_test]
async fn a_tampered_carer_link_shows_why_and_changes_nothing() {
    fresh();
    let root = start().await;
    enter_three_times(&root).await;
    let link: HtmlInputElement = find(&root, "#keep-carer-link").dyn_into().unwrap();
    let link = link.value();
    let fragment = &link[link.find('#').unwrap()..];
    // One character of the data changed.
    let at = "#carer=v1.".len() + 2;
    let mut tampered = fragment.to_owned().into_bytes();
    tampered[at] = if tampered[at] == b'A' { b'B' } else { b'A' };
    let tampered = String::from_utf8(tampered).unwrap();
    let before = r#"{"version":1,"person":"child","form":"liquid","times":["07:00","13:00","19:00"],"entered":"2026-11-23","name":"Sam","title":"plain"}"#;
    storage().set_item(DOSES_KEY, before).unwrap();
    set_hash(&tampered);
    let carer = start().await;
    let alert = text(&carer, "[role=alert]");
    assert!(alert.contains("damaged or has been changed"), "{alert}");
    assert!(alert.contains("Nothing on this device has changed"), "{alert}");
    assert_eq!(stored(DOSES_KEY).as_deref(), Some(before));
    assert!(
        text(&carer, ".keep-sheet").contains("07:00, 13:00, 19:00"),
        "the person's own times still shown"
    );
    fresh();
}

/// Code review §1.2 item 3: the kept answers are a keyed list. "Remove" takes away that answer
/// and no other, stores the rest, and focus goes to the list's heading (never to another
/// answer's "Remove" button, never lost to the page).
#[wasm_bindgen_test]
async fn removing_a_kept_answer_removes_that_one_and_focus_goes_to_the_lists_heading() {
    fresh();
    storage()
        .set_item(
            KEPT_KEY,
            "a1\nmissed|29000000|First answer|One\nmissed|29000100|Second answer|Two\nsymptoms|29000200|Third answer|Three",
        )
        .unwrap();
    let root = start().await;
    let buttons = root.query_selector_all(".keep-kept button").unwrap();
    assert_eq!(buttons.length(), 3);
    let second: HtmlElement = buttons.item(1).unwrap().dyn_into().unwrap();
    second.focus().unwrap();
    second.click();
    settle().await;
    let sheet = text(&root, ".keep-kept");
    assert!(sheet.contains("First answer") && sheet.contains("Third answer"), "{sheet}");
    assert!(!sheet.contains("Second answer"), "{sheet}");
    assert_eq!(
        stored(KEPT_KEY).as_deref(),
        Some("a1\nmissed|29000000|First answer|One\nsymptoms|29000200|Third answer|Three")
    );
    let focused = document().active_element().unwrap();
    assert_eq!(focused.tag_name(), "H4", "focus on the kept answers' heading");
    fresh();
}

/// The screen-reader contract: the error summary takes focus and is not also a live region; a
/// result is one sentence in the one live region.
#[wasm_bindgen_test]
async fn errors_take_focus_and_a_result_is_one_sentence_in_the_live_region() {
    fresh();
    let root = start().await;
    click(&root, "form.helper__form button[type=submit]").await;
    let focused = document().active_element().unwrap();
    assert!(focused.class_list().contains("error-summary"), "{}", focused.outer_html());
    assert!(focused.get_attribute("role").is_none() && focused.get_attribute("aria-live").is_none());
    assert_eq!(text(&root, "#keep-notice"), "");
    enter_three_times(&root).await;
    assert!(root.query_selector(".error-summary").unwrap().is_none());
    assert_eq!(text(&root, "#keep-notice"), "Your times are ready below.");
    click(&root, "#keep-on-device").await;
    assert_eq!(text(&root, "#keep-notice"), "Kept on this device.");
    fresh();
}
