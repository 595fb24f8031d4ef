//! The dose-change planner in headless Chromium (`make test-wasm`), rendered through Yew: mounted
//! as its module does, filled in by the labels a person reads, checked against hand calculations
//! (fact sheet §3). After each event the test waits for Yew's render (`yew::scheduler::flush`);
//! each test unmounts its planner at the end ([`Mounted`]'s drop), so no ids pile up.
#![cfg(target_arch = "wasm32")]

use baclofen_guide::helpers::planner::{self, Planner};
use baclofen_guide::planner::content::WORDS;
use baclofen_guide::settings::SharedSettings;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

mod browser;
use browser::{document, root_holding};

type Mounted = browser::Mounted<Planner>;

async fn mount() -> Mounted {
    // What the placeholder holds until the planner starts: replaced, never matched.
    let root = root_holding("<p>published rules</p>");
    let handle = planner::mount(root.clone(), SharedSettings::default());
    yew::scheduler::flush().await;
    Mounted::new(root, handle)
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

/// Waits for Yew to render what the last event changed.
async fn settle() {
    yew::scheduler::flush().await;
}

async fn type_into(root: &Element, label: &str, text: &str) {
    let input: HtmlInputElement = by_label(root, label).dyn_into().unwrap();
    input.set_value(text);
    fire(&input, "input");
    settle().await;
}

async fn choose(root: &Element, label: &str) {
    let control: HtmlElement = by_label(root, label).dyn_into().unwrap();
    control.click();
    settle().await;
}

async fn select_option(root: &Element, label: &str, option: &str) {
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
    settle().await;
}

async fn submit(root: &Element) {
    let button: HtmlElement =
        root.query_selector("button[type=submit]").unwrap().unwrap().dyn_into().unwrap();
    button.click();
    settle().await;
}

async fn click_id(root: &Element, id: &str) {
    root.query_selector(&format!("#{id}")).unwrap().unwrap().dyn_into::<HtmlElement>().unwrap().click();
    settle().await;
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
    let root = &mount().await;
    // Nothing pre-filled.
    assert_eq!(root.query_selector_all("input:checked").unwrap().length(), 0);
    let inputs = root.query_selector_all("input[type=text], input[type=date]").unwrap();
    for i in 0..inputs.length() {
        let input: HtmlInputElement = inputs.item(i).unwrap().dyn_into().unwrap();
        assert_eq!(input.value(), "");
    }
    // FDA-TAB: 5 mg three times a day, up by 5 mg a dose every 3 days to 20 mg three times a day.
    choose(root, WORDS.who_adult).await;
    choose(root, WORDS.form_tablet).await;
    select_option(root, WORDS.tablet_label, "5 mg").await;
    type_into(root, WORDS.doses_label, "3").await;
    type_into(root, "Time of dose 1", "08:00").await;
    type_into(root, "Time of dose 2", "14:00").await;
    type_into(root, "Time of dose 3", "20:00").await;
    type_into(root, WORDS.start_date_label, "2026-12-01").await;
    type_into(root, WORDS.start_label, "5").await;
    click_id(root, "planner-start-per-dose").await;
    choose(root, WORDS.direction_up).await;
    type_into(root, WORDS.step_label, "5").await;
    click_id(root, "planner-step-per-dose").await;
    type_into(root, WORDS.every_label, "3").await;
    type_into(root, WORDS.end_label, "20").await;
    submit(root).await;

    assert!(root.query_selector(".error-summary").unwrap().is_none());
    let rows = rows(root);
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
    let root = &mount().await;
    choose(root, WORDS.who_adult).await;
    choose(root, WORDS.form_tablet).await;
    type_into(root, WORDS.doses_label, "3").await;
    type_into(root, WORDS.start_label, "ten").await;
    type_into(root, WORDS.step_label, "-5").await;
    type_into(root, WORDS.every_label, "0").await;
    type_into(root, WORDS.end_label, "1000").await;
    submit(root).await;

    let summary = root.query_selector(".error-summary").unwrap().expect("an error summary");
    let text = summary.text_content().unwrap();
    assert!(text.contains("Enter the starting dose as a number"), "{text}");
    assert!(text.contains("without a minus sign"), "{text}");
    assert!(text.contains("more than 0"), "{text}");
    assert!(text.contains("more than this page can plan"), "{text}");
    // The message is at the field too, and the field is marked.
    let start = by_label(root, WORDS.start_label);
    assert_eq!(start.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(root.query_selector("#planner-start-error").unwrap().is_some());
    // Nothing typed is lost.
    let value = |label: &str| by_label(root, label).dyn_into::<HtmlInputElement>().unwrap().value();
    assert_eq!(value(WORDS.start_label), "ten");
    assert_eq!(value(WORDS.step_label), "-5");
    assert_eq!(value(WORDS.every_label), "0");
    assert_eq!(value(WORDS.end_label), "1000");
    assert_eq!(value(WORDS.doses_label), "3");
    assert!(root.query_selector(".planner__table").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn planner_shows_a_childs_liquid_plan_in_ml_with_the_syringe_mark() {
    let root = &mount().await;
    // A specialist's letter: 2.5 mg three times a day, up by 2.5 mg a dose every 7 days to 10 mg;
    // liquid 1 mg in 1 mL (fact sheet §2). Hand calculation: 2.5, 5, 7.5, 10 mL.
    choose(root, WORDS.who_child).await;
    choose(root, WORDS.form_liquid).await;
    select_option(root, WORDS.liquid_label, "1 mg in 1 mL (5 mg in 5 mL)").await;
    type_into(root, WORDS.doses_label, "3").await;
    type_into(root, "Time of dose 1", "07:00").await;
    type_into(root, "Time of dose 2", "13:00").await;
    type_into(root, "Time of dose 3", "19:00").await;
    type_into(root, WORDS.start_date_label, "2026-12-01").await;
    type_into(root, WORDS.start_label, "2.5").await;
    click_id(root, "planner-start-per-dose").await;
    choose(root, WORDS.direction_up).await;
    type_into(root, WORDS.step_label, "2.5").await;
    click_id(root, "planner-step-per-dose").await;
    type_into(root, WORDS.every_label, "7").await;
    type_into(root, WORDS.end_label, "10").await;
    submit(root).await;

    let rows = rows(root);
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

/// Fills an adult's step-down on UK 10 mg tablets from `from`, as a person would.
async fn step_down(root: &Element, from: &str, start: &str, step: &str, every: &str) {
    choose(root, WORDS.who_adult).await;
    choose(root, WORDS.form_tablet).await;
    select_option(root, WORDS.tablet_label, "10 mg").await;
    type_into(root, WORDS.doses_label, "3").await;
    type_into(root, "Time of dose 1", "08:00").await;
    type_into(root, "Time of dose 2", "14:00").await;
    type_into(root, "Time of dose 3", "20:00").await;
    type_into(root, WORDS.start_date_label, from).await;
    type_into(root, WORDS.start_label, start).await;
    click_id(root, "planner-start-per-dose").await;
    choose(root, WORDS.direction_down).await;
    type_into(root, WORDS.step_label, step).await;
    click_id(root, "planner-step-per-dose").await;
    type_into(root, WORDS.every_label, every).await;
    type_into(root, WORDS.end_label, "0").await;
    submit(root).await;
}

fn status(root: &Element) -> String {
    let regions = root.query_selector_all("[role=status], [aria-live]").unwrap();
    assert_eq!(regions.length(), 1, "one live region");
    regions.item(0).unwrap().text_content().unwrap_or_default().trim().to_string()
}

#[wasm_bindgen_test]
async fn a_new_plan_is_said_in_one_sentence_outside_the_plan_and_focus_stays() {
    let root = &mount().await;
    assert_eq!(status(root), "", "nothing said before a plan");
    assert!(root.text_content().unwrap().contains(WORDS.heading), "the published rules are replaced");
    assert!(!root.text_content().unwrap().contains("published rules"));
    // NHS: a step-down usually over 1 to 2 weeks; 15 mg a dose down 5 mg every 5 days.
    step_down(root, "2026-12-01", "15", "5", "5").await;
    let said = status(root);
    assert!(said.contains("Tuesday 1 December 2026"), "{said}");
    assert!(!said.contains(". "), "one sentence: {said}");
    // The plan is outside the live region, and focus did not move into it.
    let live = root.query_selector("[role=status]").unwrap().unwrap();
    assert!(live.query_selector("table").unwrap().is_none());
    let active = document().active_element();
    let plan = root.query_selector(".planner__plan").unwrap().unwrap();
    assert!(active.is_none_or(|a| !plan.contains(Some(&a))), "focus moves or the region speaks, never both");
    // Every cell carries its column's name.
    let first = root.query_selector(".planner__table tbody tr").unwrap().unwrap();
    let cells = first.query_selector_all("th, td").unwrap();
    let labels: Vec<String> = (0..cells.length())
        .map(|i| cells.item(i).unwrap().dyn_into::<Element>().unwrap().get_attribute("data-label").unwrap())
        .collect();
    assert_eq!(
        labels,
        [WORDS.col_date, WORDS.col_step, WORDS.col_times, WORDS.col_dose, WORDS.col_measure, WORDS.col_total]
    );
}

#[wasm_bindgen_test]
async fn the_error_summary_takes_focus_and_the_status_line_says_nothing() {
    let root = &mount().await;
    step_down(root, "2026-12-01", "15", "5", "5").await;
    assert_ne!(status(root), "");
    type_into(root, WORDS.start_label, "ten").await;
    submit(root).await;
    let summary = root.query_selector(".error-summary").unwrap().expect("an error summary");
    assert!(
        summary.get_attribute("role").is_none() && summary.get_attribute("aria-live").is_none(),
        "not a live region"
    );
    assert_eq!(document().active_element(), Some(summary), "the summary has focus");
    assert_eq!(status(root), "", "focus moved: the region says nothing");
    assert!(root.query_selector(".planner__table").unwrap().is_none());
}

/// Attack review B8: a first day near 31 December 9999 would have written `DTSTART:100000101…`.
#[wasm_bindgen_test]
async fn b8_a_first_day_past_the_calendars_range_is_a_message_at_the_date_and_nothing_typed_is_lost() {
    let root = &mount().await;
    step_down(root, "9999-12-31", "10", "5", "3").await;
    let date = by_label(root, WORDS.start_date_label);
    assert_eq!(date.get_attribute("aria-invalid").as_deref(), Some("true"));
    let message = root.query_selector("#planner-start-date-error").unwrap().expect("a message at the date");
    assert!(message.text_content().unwrap().contains("9996"), "{:?}", message.text_content());
    assert_eq!(date.dyn_into::<HtmlInputElement>().unwrap().value(), "9999-12-31");
    assert_eq!(by_label(root, WORDS.start_label).dyn_into::<HtmlInputElement>().unwrap().value(), "10");
    assert!(root.query_selector(".planner__calendar").unwrap().is_none(), "no plan, so no calendar file");
}

/// The text of the elements a control's `aria-describedby` names, as a screen reader reads its
/// description.
fn description(root: &Element, control: &Element) -> String {
    let ids = control.get_attribute("aria-describedby").unwrap_or_default();
    ids.split_whitespace()
        .filter_map(|id| root.query_selector(&format!("[id='{id}']")).unwrap())
        .map(|e| e.text_content().unwrap_or_default().trim().to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Issue 29: a typed first day is confirmed in words under the field, read as its description;
/// never pre-filled.
#[wasm_bindgen_test]
async fn the_first_day_typed_is_confirmed_in_words_in_the_fields_description() {
    let root = &mount().await;
    let date = by_label(root, WORDS.start_date_label);
    assert!(!description(root, &date).contains("2026"), "nothing before a date is typed");
    type_into(root, WORDS.start_date_label, "2026-12-07").await;
    let date = by_label(root, WORDS.start_date_label);
    // 7 December 2026 is a Monday (1 December 2026 is a Tuesday: fact-checked on the calendar).
    let said = description(root, &date);
    assert!(said.contains("Monday 7 December 2026"), "{said}");
    assert!(said.contains(WORDS.start_date_hint), "the hint is still read: {said}");
    type_into(root, WORDS.start_date_label, "").await;
    let date = by_label(root, WORDS.start_date_label);
    assert!(!description(root, &date).contains("December"), "gone when the date is cleared");
}

/// Fact sheet §2 and §13.10: a 10 mg in 5 mL liquid (2 mg in 1 mL); mg and mL are shown
/// together. 2.25 mg is 2.25 / 2 = 1.125 mL, between the syringe's marks: the mL is shown with
/// "ask your pharmacist", and the note speaks of the liquid, not of tablets.
#[wasm_bindgen_test]
async fn a_liquid_dose_between_the_syringe_marks_shows_its_ml_and_a_note_about_the_syringe() {
    let root = &mount().await;
    choose(root, WORDS.who_child).await;
    choose(root, WORDS.form_liquid).await;
    select_option(root, WORDS.liquid_label, "2 mg in 1 mL (10 mg in 5 mL)").await;
    type_into(root, WORDS.doses_label, "2").await;
    type_into(root, "Time of dose 1", "08:00").await;
    type_into(root, "Time of dose 2", "20:00").await;
    type_into(root, WORDS.start_date_label, "2026-12-07").await;
    type_into(root, WORDS.start_label, "2.5").await;
    click_id(root, "planner-start-per-dose").await;
    choose(root, WORDS.direction_down).await;
    type_into(root, WORDS.step_label, "0.25").await;
    click_id(root, "planner-step-per-dose").await;
    type_into(root, WORDS.every_label, "7").await;
    type_into(root, WORDS.end_label, "2").await;
    submit(root).await;

    let rows = rows(root);
    assert_eq!(rows.len(), 15, "{rows:?}");
    assert_eq!(rows[7][0], "Monday 14 December 2026");
    assert_eq!(rows[7][3], "2.25 mg");
    assert!(rows[7][4].starts_with("1.125 mL"), "{:?}", rows[7]);
    assert!(rows[7][4].contains("pharmacist"), "{:?}", rows[7]);
    assert_ne!(rows[7][4], WORDS.does_not_fit);
    assert_eq!(rows[14][4], "1 mL");
    let note = root.query_selector("[data-check=does-not-fit-liquid]").unwrap().expect("the liquid's note");
    let text = note.text_content().unwrap();
    assert!(text.contains("syringe"), "{text}");
    assert!(!text.to_lowercase().contains("tablet"), "{text}");
    assert!(root.query_selector("[data-check=does-not-fit]").unwrap().is_none());
}
