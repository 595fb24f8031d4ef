//! The symptom checker in headless Chromium, rendered through Yew (`make test-wasm`). Each test
//! mounts the checker in a root of its own and unmounts it at the end ([`Mounted`]'s drop), so
//! no ids pile up in the shared document.
#![cfg(target_arch = "wasm32")]

use baclofen_guide::content::Answers;
use baclofen_guide::helpers::checker::{Checker, CheckerProps};
use baclofen_guide::settings::SharedSettings;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

mod browser;
use browser::{document, root_holding, when_shown};

type Mounted = browser::Mounted<Checker>;

/// Mounts the checker over `static_html` (what a placeholder holds) and returns once it is
/// rendered, with a promise that resolves when the whole form is in (its `on_shown`).
async fn mount_over(
    static_html: &str,
    answers: Answers,
    settings: SharedSettings,
) -> (Mounted, js_sys::Promise) {
    let root = root_holding(static_html);
    let (on_shown, shown) = when_shown();
    let props = CheckerProps { answers, settings, on_shown };
    let handle = yew::Renderer::<Checker>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    (Mounted::new(root, handle), shown)
}

/// The checker, whole.
async fn checker(settings: SharedSettings) -> Mounted {
    let (mounted, shown) = mount_over("", Answers::default(), settings).await;
    wasm_bindgen_futures::JsFuture::from(shown).await.unwrap();
    yew::scheduler::flush().await;
    mounted
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn text_of(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

/// Clicks as a person does, then lets Yew render.
async fn click(root: &Element, selector: &str) {
    find(root, selector).dyn_into::<HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
}

fn is_checked(root: &Element, selector: &str) -> bool {
    find(root, selector).dyn_into::<HtmlInputElement>().unwrap().checked()
}

#[wasm_bindgen_test]
async fn an_emergency_card_shows_as_soon_as_one_is_ticked() {
    let checker = checker(Default::default()).await;
    let root = &checker.root;
    assert!(root.query_selector(".care-card").unwrap().is_none());
    click(root, "#flag-seizure").await;
    // Fact sheet §11: a fit (seizure) is an emergency.
    let card = text_of(root, ".care-card");
    assert!(card.contains("Emergency: Call your emergency number now"), "{card}");
    // No settings and no time zone: no number is guessed (fact sheet §0c), no link to dial.
    assert!(root.query_selector(".checker__bar a.call__button").unwrap().is_none());
    let local = text_of(root, ".checker__bar .call__local");
    assert!(local.contains("call your local emergency number"), "{local}");
    // The card says it as a whole sentence too, never a fragment beginning "or".
    let line = text_of(root, ".care-card .call");
    assert!(
        line.contains("call your local emergency number") && !line.trim_start().starts_with("or "),
        "{line}"
    );
}

#[wasm_bindgen_test]
async fn the_checker_uses_the_clinics_numbers_from_settings() {
    use baclofen_guide::settings::{ConfigFile, Inputs, RawValue, Settings};
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
    let checker = checker(SharedSettings(std::rc::Rc::new(settings))).await;
    let root = &checker.root;
    click(root, "#flag-seizure").await;
    let call = find(root, ".checker__bar a.call__button");
    assert_eq!(call.get_attribute("href").as_deref(), Some("tel:999"));
    assert!(!text_of(root, ".care-card").contains("911 in the US"));
    click(root, "#flag-seizure").await;
    click(root, "#flag-rash").await;
    let contacts = text_of(root, ".care-card .contacts");
    assert!(
        contacts.contains("Call Riverside: 020 7946 0000") && contacts.contains("NHS 111: 111"),
        "{contacts}"
    );
}

#[wasm_bindgen_test]
async fn two_ticks_in_one_task_both_stay_ticked() {
    let checker = checker(Default::default()).await;
    let root = &checker.root;
    // Both ticks arrive before Yew renders: both stay.
    find(root, "#flag-chest-pain").dyn_into::<HtmlElement>().unwrap().click();
    find(root, "#flag-wheeze").dyn_into::<HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
    for id in ["#flag-chest-pain", "#flag-wheeze"] {
        assert!(is_checked(root, id), "{id} lost its tick");
    }
    let reasons = text_of(root, ".care-card__reasons");
    assert!(reasons.contains("Chest pain") && reasons.contains("allergic"), "{reasons}");
}

/// The screen-reader contract (issue 28): one live region, always the same element, saying one
/// short sentence per new answer; the card is outside it.
#[wasm_bindgen_test]
async fn the_live_region_says_one_short_sentence_and_the_card_is_outside_it() {
    let checker = checker(Default::default()).await;
    let root = &checker.root;
    let regions = root.query_selector_all("[aria-live], [role=status], [role=alert]").unwrap();
    // The region, and nothing else live before an answer.
    assert_eq!(regions.length(), 1);
    let region = find(root, "[aria-live=polite]");
    assert_eq!(region.text_content().unwrap_or_default(), "", "silent before an answer");
    let none = find(root, "#flag-none");
    click(root, "#flag-seizure").await;
    assert!(root.query_selector(".checker__bar").unwrap().is_some());
    // A live region put in anew is not read out reliably; the one already there is.
    assert!(region.is_same_node(Some(&find(root, "[aria-live=polite]"))), "the live region was rebuilt");
    assert!(none.is_same_node(Some(&find(root, "#flag-none"))));
    let said = region.text_content().unwrap_or_default();
    assert!(said.starts_with("Emergency: "), "{said}");
    assert!(said.split_whitespace().count() <= 25, "{said}");
    let card = find(root, "#red-flag-result");
    assert!(!region.contains(Some(&card)), "the card is inside the live region");
    assert!(card.closest("[aria-live], [role=status]").unwrap().is_none(), "the card is in a live region");
    // Another sign with the same answer: the sentence does not change, so nothing is said again.
    click(root, "#flag-chest-pain").await;
    assert_eq!(region.text_content().unwrap_or_default(), said);
}

/// Focus moves or the region announces, never both: "See the answer" moves focus to the card
/// and leaves the region as it was.
#[wasm_bindgen_test]
async fn see_the_answer_moves_focus_to_the_card_and_says_nothing_new() {
    let checker = checker(Default::default()).await;
    let root = &checker.root;
    click(root, "#flag-rash").await;
    let said = text_of(root, "[aria-live=polite]");
    click(root, ".checker__bar a:not(.call__button)").await;
    let focused = document().active_element().map(|e| e.id());
    assert_eq!(focused.as_deref(), Some("red-flag-result"));
    assert_eq!(text_of(root, "[aria-live=polite]"), said);
}

/// Review §1.2 #1: "Answer kept" is state, so a new answer never shows it.
#[wasm_bindgen_test]
async fn answer_kept_goes_when_the_answer_changes() {
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
    let checker = checker(Default::default()).await;
    let root = &checker.root;
    click(root, "#flag-rash").await;
    click(root, "#red-flag-keep").await;
    assert!(!text_of(root, "#red-flag-keep-status").is_empty(), "no message after keeping");
    click(root, "#flag-fever").await;
    click(root, "#flag-seizure").await;
    click(root, "#flag-seizure").await;
    let status = root.query_selector("#red-flag-keep-status").unwrap();
    assert_eq!(status.and_then(|s| s.text_content()).unwrap_or_default(), "", "a new answer shows as kept");
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
}

/// Waits for one task of the browser's scheduler.
async fn one_task() {
    let window = web_sys::window().unwrap();
    let scheduler = js_sys::Reflect::get(&window, &JsValue::from_str("scheduler")).unwrap();
    let post: js_sys::Function =
        js_sys::Reflect::get(&scheduler, &JsValue::from_str("postTask")).unwrap().dyn_into().unwrap();
    let nothing = wasm_bindgen::closure::Closure::once_into_js(|| {});
    let promise: js_sys::Promise = post.call1(&scheduler, &nothing).unwrap().dyn_into().unwrap();
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn the_form_arrives_in_parts_and_an_early_tick_is_kept() {
    let (checker, shown) =
        mount_over("<p id=static-rules>The published rules</p>", Answers::default(), Default::default())
            .await;
    let root = &checker.root;
    // The first part: who it is for and the emergency signs, in place of the static rules.
    assert!(root.query_selector("#static-rules").unwrap().is_none());
    assert!(root.query_selector("#flag-seizure").unwrap().is_some());
    assert!(root.query_selector("#flag-none").unwrap().is_none(), "whole in one task");
    // A tick before the rest arrives stays.
    click(root, "#flag-seizure").await;
    wasm_bindgen_futures::JsFuture::from(shown).await.unwrap();
    yew::scheduler::flush().await;
    assert!(root.query_selector("#flag-none").unwrap().is_some());
    assert!(is_checked(root, "#flag-seizure"));
    assert!(text_of(root, ".care-card").contains("Emergency"));
    assert_eq!(root.query_selector_all("section.checker").unwrap().length(), 1);
    one_task().await;
    yew::scheduler::flush().await;
    assert_eq!(root.query_selector_all("#flag-none").unwrap().length(), 1);
}

/// A page tool (a translator) rewrites the helper's text and moves its elements: the next
/// action still shows the right answer, in the page, and keeps the person's place.
#[wasm_bindgen_test]
async fn a_page_tool_rewriting_and_moving_nodes_does_not_break_the_checker() {
    let checker = checker(Default::default()).await;
    let root = &checker.root;
    click(root, "#flag-rash").await;
    // As a translator does: every text node replaced by a <font> with other words.
    fn texts(node: &web_sys::Node, out: &mut Vec<web_sys::Node>) {
        let children = node.child_nodes();
        for i in 0..children.length() {
            let child = children.item(i).unwrap();
            if child.node_type() == web_sys::Node::TEXT_NODE {
                out.push(child);
            } else {
                texts(&child, out);
            }
        }
    }
    let mut found = Vec::new();
    texts(root, &mut found);
    for text in found {
        let font = document().create_element("font").unwrap();
        font.set_text_content(Some("traduit"));
        text.parent_node().unwrap().replace_child(&font, &text).unwrap();
    }
    // And what follows "None of these" moved out of the helper.
    let parking = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&parking).unwrap();
    let none = find(root, "#flag-none").closest(".field").unwrap().unwrap();
    while let Some(next) = none.next_element_sibling() {
        parking.append_child(&next).unwrap();
    }
    one_task().await;
    find(root, "#flag-seizure").dyn_into::<HtmlElement>().unwrap().focus().unwrap();
    click(root, "#flag-seizure").await;
    let bar = text_of(root, ".checker__bar");
    assert!(bar.contains("Emergency"), "{bar}");
    assert!(text_of(root, "#red-flag-result").contains("Emergency: Call your emergency number now"));
    assert!(is_checked(root, "#flag-rash") && is_checked(root, "#flag-seizure"), "answers were lost");
    assert_eq!(root.query_selector_all("#flag-seizure").unwrap().length(), 1);
    assert_eq!(
        document().active_element().map(|e| e.id()).as_deref(),
        Some("flag-seizure"),
        "focus was lost"
    );
    // And it keeps working.
    click(root, "#flag-seizure").await;
    assert!(!text_of(root, ".checker__bar").contains("Emergency"));
    parking.remove();
}

#[wasm_bindgen_test]
async fn unmounting_takes_the_checker_and_its_ids_out_of_the_page() {
    let mut checker = checker(Default::default()).await;
    click(&checker.root, "#flag-seizure").await;
    checker.unmount();
    yew::scheduler::flush().await;
    assert_eq!(checker.root.child_element_count(), 0);
    assert!(document().get_element_by_id("red-flag-result").is_none());
}
