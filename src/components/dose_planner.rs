//! The dose-change planner (issue #20): the person enters the plan their prescriber gave them;
//! the page shows it as a dated table in mg and tablets or mL, with sourced checks.
//!
//! Fields start empty and keep exactly what was typed; problems are listed in an error summary
//! and at each field (GOV.UK pattern). Every word comes from `content/planner.toml`.
//!
//! A `dom` view (issue #18): the module carries no Yew.

use crate::components::choice;
use crate::components::citations::citation_node;
use crate::components::link;
use crate::dom::live::{self, Dispatch};
use crate::dom::{el, list, none, when, El, Node};
use crate::planner::content::{fill, warning, LIQUIDS, TABLETS, WORDS};
use crate::planner::form::{
    asks_child_under_8, asks_score_line, dose_count, input_id, liquids_for, tablets_for, time_id, Action,
    FormKind, State,
};
use crate::planner::wording;
use crate::route::Route;
use crate::settings::SharedSettings;
use baclofen_logic::calendar::{Calendar, Event as CalendarEvent, LocalDateTime};
use baclofen_logic::planner::{Direction, Field, FieldError, Form, Measure, Per, Plan, PlanInput, Who};
use baclofen_logic::time::Instant;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// The plan's heading: focused when a plan is made.
const PLAN_TITLE: &str = "planner-plan-title";

/// Shows the planner in `root` (its placeholder).
pub fn mount(root: web_sys::Element, settings: SharedSettings) {
    let scope = root.clone();
    live::mount(root, State::default(), State::reduce, move |state, dispatch| {
        view(state, dispatch, &settings, &scope)
    });
}

fn error_for(errors: &[FieldError], field: Field) -> Option<&FieldError> {
    errors.iter().find(|e| e.field == field)
}

fn error_id(id: &str) -> String {
    let mut s = String::from(id);
    s.push_str("-error");
    s
}

fn hint_id(id: &str) -> String {
    let mut s = String::from(id);
    s.push_str("-hint");
    s
}

fn field_class(error: bool) -> &'static str {
    if error {
        "field field--error"
    } else {
        "field"
    }
}

fn message(id: &str, text: Option<String>) -> Node {
    match text {
        Some(text) => el("p").class("field-error").id(error_id(id)).text(text).into(),
        None => none(),
    }
}

fn described_by(id: &str, hint: bool, error: bool) -> Option<String> {
    let mut s = String::new();
    if hint {
        s.push_str(&hint_id(id));
    }
    if error {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(&error_id(id));
    }
    (!s.is_empty()).then_some(s)
}

/// A text box with its label, hint and message. `inputmode` "decimal" or "numeric"; the type is
/// text so that whatever is typed (letters too) stays on screen to be corrected.
#[allow(clippy::too_many_arguments)]
fn text_field(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    value: &str,
    kind: &'static str,
    inputmode: &'static str,
    error: Option<String>,
    on_input: impl Fn(web_sys::Event) + 'static,
) -> El {
    let has_error = error.is_some();
    el("div")
        .class(field_class(has_error))
        .key(id)
        .child(el("label").attr("for", id).text(label))
        .child(when(!hint.is_empty(), || el("p").class("hint").id(hint_id(id)).text(hint).into()))
        .child(message(id, error))
        .child(
            el("input")
                .id(id)
                .attr("name", id)
                .attr("type", kind)
                .maybe("inputmode", (!inputmode.is_empty()).then_some(inputmode))
                .maybe("class", (kind == "text").then_some("input--short"))
                .attr("autocomplete", "off")
                .attr("value", value.to_string())
                .maybe("aria-invalid", has_error.then_some("true"))
                .maybe("aria-describedby", described_by(id, !hint.is_empty(), has_error))
                .on("input", on_input),
        )
}

fn radio(
    name: &'static str,
    id: &'static str,
    checked: bool,
    label: &'static str,
    on_input: impl Fn(web_sys::Event) + 'static,
) -> El {
    // "input" fires when a radio is chosen by pointer or keyboard; one event type for every
    // control keeps the module small.
    choice::radio(name, id, checked, label, "input", Rc::new(on_input))
}

/// A set of radio buttons with its legend and message.
fn choices(legend: &'static str, id: &'static str, error: Option<String>, items: Node) -> El {
    let has_error = error.is_some();
    el("fieldset")
        .class(field_class(has_error))
        .key(id)
        .maybe("aria-describedby", described_by(id, false, has_error))
        .child(el("legend").text(legend))
        .child(message(id, error))
        .child(items)
}

/// A tick box with its label (and an optional hint read with it); ticking it sends `on_change`.
fn checkbox(
    id: &'static str,
    checked: bool,
    label: &'static str,
    hint: Option<&'static str>,
    on_change: impl Fn(web_sys::Event) + 'static,
) -> Node {
    let hint_id = hint.map(|_| hint_id(id));
    el("div")
        .class("field checkbox")
        .key(id)
        .child(
            el("input")
                .attr("type", "checkbox")
                .id(id)
                .attr("name", id)
                .flag("checked", checked)
                .maybe("aria-describedby", hint_id.clone())
                .on("input", on_change),
        )
        .child(el("label").attr("for", id).text(label))
        .child(match (hint, hint_id) {
            (Some(text), Some(hid)) => el("p").class("hint").id(hid).text(text).into(),
            _ => none(),
        })
        .into()
}

/// The syringe drawn with the fill mark, and the same in words.
fn syringe(hundredths: u64, strength: &'static str) -> El {
    // The scale of the drawing: the smallest of these that holds the amount (a picture only).
    let scale = [100u64, 200, 500, 1000, 2000, 5000, 10000]
        .into_iter()
        .find(|s| *s >= hundredths)
        .unwrap_or(hundredths.div_ceil(1000) * 1000);
    let left = 40u64;
    let width = 260u64;
    let x = left + width * hundredths / scale;
    let ml = wording::ml(hundredths);
    let text = wording::syringe_caption(hundredths, strength);
    let rect =
        |x: &'static str, y: &'static str, width: String, height: &'static str, class: &'static str| {
            el("rect").attr("x", x).attr("y", y).attr("width", width).attr("height", height).class(class)
        };
    el("figure")
        .class("syringe")
        .key(ml.clone())
        .child(
            el("svg")
                .attr("viewBox", "0 0 340 100")
                .attr("role", "img")
                .attr("aria-label", text.clone())
                .attr("width", "100%")
                .attr("height", "100")
                .attr("focusable", "false")
                .child(rect("40", "30", "260".into(), "30", "syringe__barrel"))
                .child(rect("40", "30", (x - left).to_string(), "30", "syringe__fill"))
                .child(rect("300", "38", "30".into(), "14", "syringe__barrel"))
                .child(rect("20", "40", "20".into(), "10", "syringe__barrel"))
                .child(
                    el("line")
                        .attr("x1", x.to_string())
                        .attr("y1", "20")
                        .attr("x2", x.to_string())
                        .attr("y2", "64")
                        .class("syringe__mark"),
                )
                .child(
                    el("text")
                        .attr("x", x.to_string())
                        .attr("y", "16")
                        .attr("text-anchor", "middle")
                        .class("syringe__label")
                        .text(ml)
                        .text(" ")
                        .text(WORDS.ml),
                ),
        )
        .child(el("figcaption").text(text))
}

fn care_card(
    id: &'static str,
    title: &'static str,
    text: String,
    sources: &'static [&'static str],
    extra: Node,
) -> El {
    el("section")
        .class("callout callout--warning planner__check")
        .key(id)
        .attr("data-check", id)
        .child(el("h3").class("callout__title").text(title))
        .child(el("p").text(text))
        .child(extra)
        .child(citation_node(sources))
}

/// "Check symptoms now": the red-flag checker on the side-effects page.
fn symptom_link() -> Node {
    el("p")
        .child(
            el("a")
                .class("button button--secondary")
                .attr("href", link::href(Route::SideEffects, None, Some("red-flag-tool")))
                .text(WORDS.symptom_link),
        )
        .into()
}

/// The times of day, as shown in the table ("08:00, 14:00, 20:00").
fn times_text(input: &PlanInput) -> String {
    let mut s = String::new();
    for (i, t) in input.times.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        if t.minutes() == 0 {
            // A dose at 00:00 belongs to the day it starts (README of tests/planner_cases).
            s.push_str(WORDS.midnight);
        } else {
            s.push_str(&t.to_string());
        }
    }
    s
}

fn strength_words(input: &PlanInput) -> &'static str {
    match input.form {
        Form::Liquid { ug_per_ml } => {
            LIQUIDS.iter().find(|l| l.ug_per_ml == ug_per_ml).map_or("", |l| l.label)
        }
        Form::Tablet { strength_ug, .. } => {
            TABLETS.iter().find(|t| t.strength_ug == strength_ug).map_or("", |t| t.label)
        }
    }
}

/// The calendar file: one event per dose until the last change; the last dose, if not a stop,
/// repeats daily from its first day (the person stays on it until told otherwise).
fn calendar_file(plan: &Plan, input: &PlanInput, now: Instant) -> String {
    let mut calendar = Calendar::new(now);
    for step in &plan.steps {
        if step.daily_ug == 0 {
            continue;
        }
        let summary = match step.dose_ug {
            Some(dose_ug) => {
                let mut dose = wording::mg_words(dose_ug);
                if step.measure != Measure::DoesNotFit {
                    dose.push_str(" (");
                    dose.push_str(&wording::measure(step.measure));
                    dose.push(')');
                }
                fill(WORDS.calendar_event, &[("dose", &dose)])
            }
            None => fill(WORDS.calendar_unknown, &[("total", &wording::mg(step.daily_ug))]),
        };
        let days = step.days.unwrap_or(1);
        for offset in 0..days {
            for time in &input.times {
                calendar.event(&CalendarEvent {
                    start: LocalDateTime::new(step.first_date.plus_days(i64::from(offset)), *time),
                    summary: &summary,
                    description: WORDS.calendar_note,
                    daily: step.days.is_none(),
                    alarm: true,
                });
            }
        }
    }
    calendar.finish()
}

fn plan_view(made: &Rc<(Plan, PlanInput)>) -> Node {
    let (plan, input) = (&made.0, &made.1);
    let last = plan.last();
    let stops = last.daily_ug == 0;
    let last_date = wording::date(last.first_date);
    let summary = if stops {
        fill(WORDS.plan_summary_stop, &[("date", &last_date)])
    } else {
        fill(
            WORDS.plan_summary,
            &[("date", &last_date), ("days", &wording::days(u64::from(plan.days_to_end)))],
        )
    };
    let times = times_text(input);
    let days = plan.days();
    let rows = days.iter().map(|day| {
        let step = &plan.steps[day.step as usize];
        let change = if !day.step_starts {
            String::new()
        } else if day.step == 0 {
            WORDS.step_start.to_string()
        } else if step.daily_ug == 0 {
            WORDS.step_stop.to_string()
        } else {
            fill(WORDS.step_of, &[("n", &wording::number(u64::from(day.step)))])
        };
        let zero = step.daily_ug == 0;
        el("tr")
            .maybe("class", day.step_starts.then_some("planner__step-row"))
            .child(el("th").attr("scope", "row").child(
                el("time").attr("datetime", wording::iso_date(day.date)).text(wording::date(day.date)),
            ))
            .child(el("td").text(change))
            .child(el("td").text(if zero { WORDS.no_doses.to_string() } else { times.clone() }))
            .child(el("td").text(match step.dose_ug {
                Some(dose) if !zero => wording::mg_words(dose),
                Some(_) => String::from("0"),
                None => WORDS.dose_unknown.to_string(),
            }))
            .child(el("td").text(if zero { String::new() } else { wording::measure(step.measure) }))
            .child(el("td").text(wording::mg_words(day.daily_ug)))
    });
    let strength = strength_words(input);
    let syringes = match input.form {
        Form::Liquid { .. } => {
            let mut seen: Vec<u64> = Vec::new();
            let pictures = plan.steps.iter().filter_map(|s| match s.measure {
                Measure::Millilitres { hundredths } if hundredths > 0 && !seen.contains(&hundredths) => {
                    seen.push(hundredths);
                    Some(syringe(hundredths, strength))
                }
                _ => None,
            });
            el("section")
                .class("planner__syringes")
                .child(el("h3").text(WORDS.syringe_heading))
                .child(el("p").text(WORDS.syringe_measure))
                .child(citation_node(WORDS.syringe_measure_sources))
                .children(pictures)
                .into()
        }
        Form::Tablet { .. } => none(),
    };
    let checks = plan.checks.iter().map(|check| {
        let (id, title, text, sources) = wording::check_card(check);
        let extra = when(wording::links_symptom_checker(check), symptom_link);
        care_card(id, title, text, sources, extra)
    });
    let withdrawal = when(input.direction == Direction::Down, || {
        let w = warning("withdrawal-signs");
        care_card(w.check, w.title, w.text.to_string(), w.sources, symptom_link()).into()
    });
    let on_print = |_: web_sys::Event| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    el("section")
        .class("planner__plan")
        .attr("aria-labelledby", PLAN_TITLE)
        .child(el("h2").id(PLAN_TITLE).attr("tabindex", "-1").text(WORDS.plan_heading))
        .children(checks)
        .child(withdrawal)
        .child(el("p").text(summary))
        // Scrolls sideways on a narrow screen: a keyboard can reach it, and it has a name.
        .child(
            el("div")
                .class("planner__table-wrap")
                .attr("tabindex", "0")
                .attr("role", "region")
                .attr("aria-label", WORDS.table_label)
                .child(
                    el("table")
                        .class("planner__table")
                        .child(el("caption").class("visually-hidden").text(WORDS.plan_heading))
                        .child(
                            el("thead").child(
                                el("tr").children(
                                    [
                                        WORDS.col_date,
                                        WORDS.col_step,
                                        WORDS.col_times,
                                        WORDS.col_dose,
                                        WORDS.col_measure,
                                        WORDS.col_total,
                                    ]
                                    .map(|col| el("th").attr("scope", "col").text(col)),
                                ),
                            ),
                        )
                        .child(el("tbody").children(rows)),
                ),
        )
        .child(when(!stops, || el("p").text(WORDS.plan_continue).into()))
        .child(syringes)
        .child(el("p").text(WORDS.print_note))
        .child(
            el("p")
                .class("planner__actions")
                .child(
                    el("button")
                        .attr("type", "button")
                        .class("button print-action")
                        .on("click", on_print)
                        .text(WORDS.print),
                )
                .text(" ")
                .child(
                    el("a")
                        .class("button button--secondary planner__calendar")
                        .attr("href", "#")
                        .attr("download", WORDS.calendar_file)
                        .on("click", calendar_click(made.clone()))
                        .text(WORDS.calendar),
                ),
        )
        .into()
}

/// Makes the calendar file when the link is followed (the clock is read here, not in render).
fn calendar_click(made: Rc<(Plan, PlanInput)>) -> impl Fn(web_sys::Event) + 'static {
    move |event: web_sys::Event| {
        let now = Instant((js_sys::Date::now() / 60_000.0) as i64);
        let text = calendar_file(&made.0, &made.1, now);
        let mut href = String::from("data:text/calendar;charset=utf-8,");
        href.push_str(&String::from(js_sys::encode_uri_component(&text)));
        if let Some(anchor) = event.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            let _ = anchor.set_attribute("href", &href);
        }
    }
}

/// Moves the person to what a submission showed: the error summary, or else the plan.
fn show_result(root: &web_sys::Element) {
    match root.query_selector(".error-summary").ok().flatten() {
        Some(summary) => live::focus_and_show_element(summary),
        None => live::focus_and_show(PLAN_TITLE),
    }
}

/// The planner as it is now.
pub fn view(
    state: &State,
    dispatch: &Dispatch<Action>,
    settings: &SharedSettings,
    root: &web_sys::Element,
) -> Node {
    let typing = |make: fn(String) -> Action| dispatch.to(move |e| make(live::target_value(&e)));
    let pick = |action: Action| dispatch.to(move |_| action.clone());
    let f = &state.fields;
    let errors = &state.errors;
    let typed = |field: Field| match field {
        Field::StartDose => !f.start.trim().is_empty(),
        Field::Step => !f.step.trim().is_empty(),
        _ => false,
    };
    let msg =
        |field: Field| error_for(errors, field).map(|e| wording::error_message(e, f.direction, typed(field)));
    let region = settings.0.region_id();

    let strength = match f.form {
        None => none(),
        Some(kind) => {
            let (label, hint, options): (&str, &str, Vec<(usize, &str)>) = match kind {
                FormKind::Tablet => (
                    WORDS.tablet_label,
                    WORDS.tablet_hint,
                    tablets_for(region).into_iter().map(|(i, t)| (i, t.label)).collect(),
                ),
                FormKind::Liquid => (
                    WORDS.liquid_label,
                    WORDS.liquid_hint,
                    liquids_for(region).into_iter().map(|(i, l)| (i, l.label)).collect(),
                ),
            };
            let error = msg(Field::Strength);
            let has_error = error.is_some();
            let sources = when(kind == FormKind::Liquid, || citation_node(WORDS.liquid_hint_sources));
            el("div")
                .class(field_class(has_error))
                .key("planner-strength")
                .child(el("label").attr("for", "planner-strength").text(label))
                .child(el("p").class("hint").id("planner-strength-hint").text(hint))
                .child(sources)
                .child(message("planner-strength", error))
                .child(
                    el("select")
                        .id("planner-strength")
                        .attr("name", "planner-strength")
                        .on("input", typing(Action::Strength))
                        .maybe("aria-invalid", has_error.then_some("true"))
                        .maybe("aria-describedby", described_by("planner-strength", true, has_error))
                        .child(
                            el("option")
                                .attr("value", "")
                                .flag("selected", f.strength.is_empty())
                                .text(WORDS.choose),
                        )
                        .children(options.into_iter().map(|(i, label)| {
                            let value = i.to_string();
                            let selected = f.strength == value;
                            el("option").flag("selected", selected).attr("value", value).text(label)
                        })),
                )
                .into()
        }
    };
    // Fact sheet §13.14, decision (f): halves of US 10 and 20 mg tablets only after the person
    // confirms the line (src/planner/form.rs decides; this is only the control).
    let score_line = when(asks_score_line(f), || {
        checkbox(
            "planner-score-line",
            f.score_line,
            WORDS.score_line,
            Some(WORDS.score_line_hint),
            pick(Action::ScoreLine(!f.score_line)),
        )
    });

    let times = (0..dose_count(f)).map(|i| {
        let id = time_id(i);
        let label = fill(WORDS.time_label, &[("n", &(i + 1).to_string())]);
        let value = f.times.get(i).cloned().unwrap_or_default();
        let error = msg(Field::Time(i as u8));
        let has_error = error.is_some();
        el("div")
            .class(field_class(has_error))
            .key(id.clone())
            .child(el("label").attr("for", id.clone()).text(label))
            .child(message(&id, error))
            .child(
                el("input")
                    .id(id.clone())
                    .attr("type", "time")
                    .attr("value", value)
                    .on("input", dispatch.to(move |e| Action::Time(i, live::target_value(&e))))
                    .maybe("aria-invalid", has_error.then_some("true"))
                    .maybe("aria-describedby", described_by(&id, false, has_error)),
            )
    });

    let on_submit = {
        let dispatch = dispatch.clone();
        let root = root.clone();
        move |e: web_sys::Event| {
            e.prevent_default();
            // The new view is in the page when `send` returns.
            dispatch.send(Action::Submit);
            show_result(&root);
        }
    };
    let summary = when(!errors.is_empty(), || {
        el("div")
            .class("error-summary")
            .key("planner-error-summary")
            .attr("tabindex", "-1")
            .attr("role", "alert")
            .attr("aria-labelledby", "planner-error-title")
            .child(el("h3").id("planner-error-title").text(WORDS.error_summary))
            .child(el("ul").children(errors.iter().map(|e| {
                let id = input_id(e.field);
                let mut href = String::from("#");
                href.push_str(&id);
                let on_click = move |event: web_sys::Event| {
                    event.prevent_default();
                    if let Some(el) = crate::browser::element(&id) {
                        let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
                    }
                };
                el("li").child(el("a").attr("href", href).on("click", on_click).text(wording::error_message(
                    e,
                    f.direction,
                    typed(e.field),
                )))
            })))
            .into()
    });
    let per = |name: &'static str,
               dose_id: &'static str,
               day_id: &'static str,
               value: Option<Per>,
               make: fn(Per) -> Action| {
        list([
            radio(name, dose_id, value == Some(Per::Dose), WORDS.per_dose, pick(make(Per::Dose))),
            radio(name, day_id, value == Some(Per::Day), WORDS.per_day, pick(make(Per::Day))),
        ])
    };
    let nested = |legend: &'static str, name: &'static str, items: Node| {
        el("fieldset").class("field field--nested").key(name).child(el("legend").text(legend)).child(items)
    };
    el("div")
        .class("helper planner")
        .child(el("h2").text(WORDS.heading))
        .child(el("p").text(WORDS.intro))
        .child(citation_node(WORDS.intro_sources))
        .child(el("p").class("notice").text(WORDS.latest_only))
        .child(citation_node(WORDS.latest_only_sources))
        .child(summary)
        .child(
            el("form")
                .class("helper__form")
                .attr("novalidate", "novalidate")
                .on("submit", on_submit)
                .child(choices(
                    WORDS.who_legend,
                    "planner-who",
                    msg(Field::Who),
                    list([
                        radio(
                            "planner-who",
                            "planner-who-adult",
                            f.who == Some(Who::Adult),
                            WORDS.who_adult,
                            pick(Action::Who(Who::Adult)),
                        ),
                        radio(
                            "planner-who",
                            "planner-who-child",
                            f.who == Some(Who::Child),
                            WORDS.who_child,
                            pick(Action::Who(Who::Child)),
                        ),
                    ]),
                ))
                .child(when(f.who == Some(Who::Child), || {
                    el("p").class("notice").key("planner-child-note").text(WORDS.child_note).into()
                }))
                .child(when(asks_child_under_8(f), || {
                    checkbox(
                        "planner-child-under-8",
                        f.child_under_8,
                        WORDS.child_under_8,
                        None,
                        pick(Action::ChildUnder8(!f.child_under_8)),
                    )
                }))
                .child(choices(
                    WORDS.form_legend,
                    "planner-form",
                    msg(Field::Form),
                    list([
                        radio(
                            "planner-form",
                            "planner-form-tablet",
                            f.form == Some(FormKind::Tablet),
                            WORDS.form_tablet,
                            pick(Action::Form(FormKind::Tablet)),
                        )
                        .into(),
                        radio(
                            "planner-form",
                            "planner-form-liquid",
                            f.form == Some(FormKind::Liquid),
                            WORDS.form_liquid,
                            pick(Action::Form(FormKind::Liquid)),
                        )
                        .into(),
                        Node::from(el("p").class("hint").text(WORDS.pump_note)),
                    ]),
                ))
                .child(strength)
                .child(score_line)
                .child(text_field(
                    "planner-doses",
                    WORDS.doses_label,
                    WORDS.doses_hint,
                    &f.doses,
                    "text",
                    "numeric",
                    msg(Field::DosesPerDay),
                    typing(Action::Doses),
                ))
                .child(el("p").class("hint").key("planner-one-change").text(WORDS.one_change_note))
                .children(times)
                .child(text_field(
                    "planner-start-date",
                    WORDS.start_date_label,
                    WORDS.start_date_hint,
                    &f.start_date,
                    "date",
                    "",
                    msg(Field::StartDate),
                    typing(Action::StartDate),
                ))
                .child(text_field(
                    "planner-start",
                    WORDS.start_label,
                    WORDS.start_hint,
                    &f.start,
                    "text",
                    "decimal",
                    msg(Field::StartDose),
                    typing(Action::Start),
                ))
                .child(nested(
                    WORDS.per_legend,
                    "planner-start-per",
                    per(
                        "planner-start-per",
                        "planner-start-per-dose",
                        "planner-start-per-day",
                        f.start_per,
                        Action::StartPer,
                    ),
                ))
                .child(choices(
                    WORDS.direction_legend,
                    "planner-direction",
                    msg(Field::Direction),
                    list([
                        radio(
                            "planner-direction",
                            "planner-direction-up",
                            f.direction == Some(Direction::Up),
                            WORDS.direction_up,
                            pick(Action::Direction(Direction::Up)),
                        ),
                        radio(
                            "planner-direction",
                            "planner-direction-down",
                            f.direction == Some(Direction::Down),
                            WORDS.direction_down,
                            pick(Action::Direction(Direction::Down)),
                        ),
                    ]),
                ))
                .child(text_field(
                    "planner-step",
                    WORDS.step_label,
                    WORDS.step_hint,
                    &f.step,
                    "text",
                    "decimal",
                    msg(Field::Step),
                    typing(Action::Step),
                ))
                .child(nested(
                    WORDS.step_per_legend,
                    "planner-step-per",
                    per(
                        "planner-step-per",
                        "planner-step-per-dose",
                        "planner-step-per-day",
                        f.step_per,
                        Action::StepPer,
                    ),
                ))
                .child(text_field(
                    "planner-every",
                    WORDS.every_label,
                    WORDS.every_hint,
                    &f.every,
                    "text",
                    "numeric",
                    msg(Field::Every),
                    typing(Action::Every),
                ))
                .child(text_field(
                    "planner-end",
                    WORDS.end_label,
                    WORDS.end_hint,
                    &f.end,
                    "text",
                    "decimal",
                    msg(Field::End),
                    typing(Action::End),
                ))
                .child(el("button").attr("type", "submit").class("button").text(WORDS.submit)),
        )
        .child(match &state.plan {
            Some(made) => plan_view(made),
            None => none(),
        })
        .into()
}
