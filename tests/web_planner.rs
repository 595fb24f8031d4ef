//! The dose-change planner in headless Chromium (`make test-wasm`): mounted as its module does,
//! filled in by the labels a person reads, checked against hand calculations (fact sheet §3).
//! Rendering is synchronous: each event's answer is in the page when the event returns.
#![cfg(target_arch = "wasm32")]

use baclofen_guide::components::dose_planner;
use baclofen_guide::planner::content::WORDS;
use baclofen_guide::settings::SharedSettings;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn mount() -> Element {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    baclofen_guide::dom::live::set_slice_ms(f64::INFINITY);
    dose_planner::mount(root.clone(), SharedSettings::default());
    root
}

/// The control a `<label>` with exactly this text points to.
fn by_label(root: &Element, label: &str) -> Element {
    let labels = root.query_selector_all("label").unwrap();
    for i in 0..labels.length() {
        let l: Element = labels.item(i).unwrap().dyn_into().unwrap();
        if l.text_content().unwrap_or_default().trim() == label {
            let id = l.get_attribute("for").unwrap();
            return root.query_selector(&format!("[id='{id}']")).unwrap().unwrap();
        }
    }
    panic!("no control labelled {label:?}");
}

fn fire(target: &Element, kind: &str) {
    let event = document().create_event("Event").unwrap();
    event.init_event_with_bubbles_and_cancelable(kind, true, true);
    target.dispatch_event(&event).unwrap();
}

fn type_into(root: &Element, label: &str, text: &str) {
    let input: HtmlInputElement = by_label(root, label).dyn_into().unwrap();
    input.set_value(text);
    fire(&input, "input");
}

fn choose(root: &Element, label: &str) {
    let control: HtmlElement = by_label(root, label).dyn_into().unwrap();
    control.click();
}

fn select_option(root: &Element, label: &str, option: &str) {
    let select: HtmlSelectElement = by_label(root, label).dyn_into().unwrap();
    let options = select.query_selector_all("option").unwrap();
    let mut found: Option<String> = None;
    for i in 0..options.length() {
        let o: Element = options.item(i).unwrap().dyn_into().unwrap();
        if o.text_content().unwrap_or_default().trim() == option {
            found = o.get_attribute("value");
        }
    }
    select.set_value(&found.unwrap_or_else(|| panic!("no option {option:?}")));
    fire(&select, "input");
}

fn submit(root: &Element) {
    let button: HtmlElement =
        root.query_selector("button[type=submit]").unwrap().unwrap().dyn_into().unwrap();
    button.click();
}

/// The plan table's rows as text cells.
fn rows(root: &Element) -> Vec<Vec<String>> {
    let rows = root.query_selector_all(".planner__table tbody tr").unwrap();
    (0..rows.length())
        .map(|i| {
            let row: Element = rows.item(i).unwrap().dyn_into().unwrap();
            let cells = row.query_selector_all("th, td").unwrap();
            (0..cells.length())
                .map(|j| cells.item(j).unwrap().text_content().unwrap_or_default().trim().to_string())
                .collect()
        })
        .collect()
}

#[wasm_bindgen_test]
async fn planner_starts_empty_and_turns_the_label_step_up_into_dated_tablets() {
    let root = mount();
    // Nothing pre-filled.
    assert_eq!(root.query_selector_all("input:checked").unwrap().length(), 0);
    let inputs = root.query_selector_all("input[type=text], input[type=date]").unwrap();
    for i in 0..inputs.length() {
        let input: HtmlInputElement = inputs.item(i).unwrap().dyn_into().unwrap();
        assert_eq!(input.value(), "");
    }
    // FDA-TAB: 5 mg three times a day, up by 5 mg a dose every 3 days to 20 mg three times a day.
    choose(&root, WORDS.who_adult);
    choose(&root, WORDS.form_tablet);
    select_option(&root, WORDS.tablet_label, "5 mg");
    type_into(&root, WORDS.doses_label, "3");
    type_into(&root, "Time of dose 1", "08:00");
    type_into(&root, "Time of dose 2", "14:00");
    type_into(&root, "Time of dose 3", "20:00");
    type_into(&root, WORDS.start_date_label, "2026-12-01");
    type_into(&root, WORDS.start_label, "5");
    let per_dose = root.query_selector("#planner-start-per-dose").unwrap().unwrap();
    per_dose.dyn_into::<HtmlElement>().unwrap().click();
    choose(&root, WORDS.direction_up);
    type_into(&root, WORDS.step_label, "5");
    root.query_selector("#planner-step-per-dose")
        .unwrap()
        .unwrap()
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    type_into(&root, WORDS.every_label, "3");
    type_into(&root, WORDS.end_label, "20");
    submit(&root);

    assert!(root.query_selector(".error-summary").unwrap().is_none());
    let rows = rows(&root);
    // 1 December to 10 December: ten dates, each once.
    assert_eq!(rows.len(), 10, "{rows:?}");
    assert_eq!(rows[0][0], "Tuesday 1 December 2026");
    assert_eq!(rows[0][1], "Start");
    assert_eq!(rows[0][2], "08:00, 14:00, 20:00");
    assert_eq!(rows[0][3], "5 mg");
    assert_eq!(rows[0][4], "1 tablet");
    assert_eq!(rows[0][5], "15 mg");
    assert_eq!(rows[3][0], "Friday 4 December 2026");
    assert_eq!(rows[3][3], "10 mg");
    assert_eq!(rows[3][4], "2 tablets");
    assert_eq!(rows[9][0], "Thursday 10 December 2026");
    assert_eq!(rows[9][3], "20 mg");
    assert_eq!(rows[9][4], "4 tablets");
    assert_eq!(rows[9][5], "60 mg");
    // 60 mg a day is within the label's 80: no maximum card.
    assert!(root.query_selector("[data-check=above-label-maximum]").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn planner_keeps_what_was_typed_and_says_what_to_fix() {
    let root = mount();
    choose(&root, WORDS.who_adult);
    choose(&root, WORDS.form_tablet);
    type_into(&root, WORDS.doses_label, "3");
    type_into(&root, WORDS.start_label, "ten");
    type_into(&root, WORDS.step_label, "-5");
    type_into(&root, WORDS.every_label, "0");
    type_into(&root, WORDS.end_label, "1000");
    submit(&root);

    let summary = root.query_selector(".error-summary").unwrap().expect("an error summary");
    let text = summary.text_content().unwrap();
    assert!(text.contains("Enter the starting dose as a number"), "{text}");
    assert!(text.contains("without a minus sign"), "{text}");
    assert!(text.contains("more than 0"), "{text}");
    assert!(text.contains("more than this page can plan"), "{text}");
    // The message is at the field too, and the field is marked.
    let start = by_label(&root, WORDS.start_label);
    assert_eq!(start.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(root.query_selector("#planner-start-error").unwrap().is_some());
    // Nothing typed is lost.
    let value = |label: &str| by_label(&root, label).dyn_into::<HtmlInputElement>().unwrap().value();
    assert_eq!(value(WORDS.start_label), "ten");
    assert_eq!(value(WORDS.step_label), "-5");
    assert_eq!(value(WORDS.every_label), "0");
    assert_eq!(value(WORDS.end_label), "1000");
    assert_eq!(value(WORDS.doses_label), "3");
    assert!(root.query_selector(".planner__table").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn planner_shows_a_childs_liquid_plan_in_ml_with_the_syringe_mark() {
    let root = mount();
    // A specialist's letter: 2.5 mg three times a day, up by 2.5 mg a dose every 7 days to 10 mg;
    // liquid 1 mg in 1 mL (fact sheet §2). Hand calculation: 2.5, 5, 7.5, 10 mL.
    choose(&root, WORDS.who_child);
    choose(&root, WORDS.form_liquid);
    select_option(&root, WORDS.liquid_label, "1 mg in 1 mL (5 mg in 5 mL)");
    type_into(&root, WORDS.doses_label, "3");
    type_into(&root, "Time of dose 1", "07:00");
    type_into(&root, "Time of dose 2", "13:00");
    type_into(&root, "Time of dose 3", "19:00");
    type_into(&root, WORDS.start_date_label, "2026-12-01");
    type_into(&root, WORDS.start_label, "2.5");
    root.query_selector("#planner-start-per-dose")
        .unwrap()
        .unwrap()
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    choose(&root, WORDS.direction_up);
    type_into(&root, WORDS.step_label, "2.5");
    root.query_selector("#planner-step-per-dose")
        .unwrap()
        .unwrap()
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    type_into(&root, WORDS.every_label, "7");
    type_into(&root, WORDS.end_label, "10");
    submit(&root);

    let rows = rows(&root);
    assert_eq!(rows.len(), 22, "{rows:?}");
    assert_eq!(rows[0][4], "2.5 mL");
    assert_eq!(rows[7][4], "5 mL");
    assert_eq!(rows[14][4], "7.5 mL");
    assert_eq!(rows[21][4], "10 mL");
    assert_eq!(rows[21][5], "30 mg");
    // A child's plan: the specialist card, never the adult maximum.
    assert!(root.query_selector("[data-check=child-doses-by-specialist]").unwrap().is_some());
    assert!(root.query_selector("[data-check=above-label-maximum]").unwrap().is_none());
    // One syringe picture per dose, each with its words.
    let pictures = root.query_selector_all(".syringe svg[role=img]").unwrap();
    assert_eq!(pictures.length(), 4);
    let first: Element = pictures.item(0).unwrap().dyn_into().unwrap();
    assert!(first.get_attribute("aria-label").unwrap().contains("2.5 mL"));
}
