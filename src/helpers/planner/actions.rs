//! Print the plan, or put it in a calendar. The calendar file is made when the link is followed
//! (the clock is read there, not in a render) and handed to the browser as a download.

use super::state::Made;
use crate::planner::content::{fill, WORDS};
use crate::planner::wording;
use baclofen_logic::calendar::{Calendar, Event as CalendarEvent, LocalDateTime};
use baclofen_logic::planner::{Measure, Plan, PlanInput};
use baclofen_logic::time::Instant;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The calendar file: one event per dose until the last change; the last dose, if not a stop,
/// repeats daily from its first day (the person stays on it until told otherwise). Every date
/// is within four-digit years: the form refuses a first day that would run past them (B8).
pub fn calendar_file(plan: &Plan, input: &PlanInput, now: Instant) -> String {
    let mut calendar = Calendar::new(now);
    for step in plan.steps.iter().filter(|s| s.daily_ug != 0) {
        let summary = match step.dose_ug {
            Some(dose_ug) => {
                let mut dose = wording::mg_words(dose_ug);
                if step.measure != Measure::DoesNotFit {
                    dose = [dose.as_str(), " (", &wording::measure(step.measure), ")"].concat();
                }
                fill(WORDS.calendar_event, &[("dose", &dose)])
            }
            None => fill(WORDS.calendar_unknown, &[("total", &wording::mg(step.daily_ug))]),
        };
        for offset in 0..step.days.unwrap_or(1) {
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

/// Hands `text` to the browser as the download `name` (an anchor made for the purpose and
/// never put in the page).
fn download(name: &str, text: &str) {
    let href =
        ["data:text/calendar;charset=utf-8,", &String::from(js_sys::encode_uri_component(text))].concat();
    let Ok(anchor) = crate::browser::document().create_element("a") else { return };
    let _ = anchor.set_attribute("href", &href);
    let _ = anchor.set_attribute("download", name);
    anchor.unchecked_into::<web_sys::HtmlElement>().click();
}

#[derive(Properties, PartialEq)]
pub struct ActionsProps {
    pub made: Made,
}

#[component]
pub fn PlanActions(props: &ActionsProps) -> Html {
    let on_print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    let on_calendar = {
        let made = props.made.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            let now = Instant((js_sys::Date::now() / 60_000.0) as i64);
            download(WORDS.calendar_file, &calendar_file(&made.0, &made.1, now));
        })
    };
    html! {
        <p class="planner__actions">
            <button type="button" class="button print-action" onclick={on_print}>{ WORDS.print }</button>
            { " " }
            <a class="button button--secondary planner__calendar" href="#" download={WORDS.calendar_file} onclick={on_calendar}>
                { WORDS.calendar }
            </a>
        </p>
    }
}
