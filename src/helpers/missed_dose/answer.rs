//! The answer: the one short sentence the live region says, and the card (outside any live
//! region): the action first (with a call button for an emergency and the clinic's numbers when
//! the answer is to contact someone), the next dose time, the day picture, "take it with you",
//! and why, with any disagreement between sources inside "Why this answer".

use super::state::{level_label, MissedDoseAction, Outcome, Took};
use super::Dispatch;
use crate::components::call::{clinic_contacts_html, emergency_call_html, pump_team_html, use_settings};
use crate::components::citations::Citations;
use crate::components::dose_timeline::dose_timeline;
use crate::components::level_icon::{Icon, LevelIcon};
use crate::components::link;
use crate::content::ui::missed_dose_answer as words;
use crate::content::{MISSED_DOSE, SITE};
use crate::missed_dose::wording::Level;
use crate::route::Route;
use std::rc::Rc;
use yew::prelude::*;

pub const RESULT_ID: &str = "missed-dose-result";

/// The live region: always in the page (a region put in anew is not read out reliably), saying
/// one short sentence for each answer the person asks for, and nothing else. Each answer's
/// sentence is a new node (keyed by `shown`), so asking again is said again, once.
pub fn announcer(text: String, shown: u32) -> Html {
    html! {
        <p class="helper__announce visually-hidden" role="status" aria-live="polite">
            if !text.is_empty() {
                <span key={shown}>{ text }</span>
            }
        </p>
    }
}

fn look(level: Level) -> (&'static str, Icon) {
    match level {
        Level::Emergency => ("result--emergency", Icon::Danger),
        Level::Now | Level::StraightAway | Level::Urgent => ("result--urgent", Icon::Today),
        Level::Routine => ("result--routine", Icon::Done),
    }
}

#[derive(Properties, PartialEq)]
pub struct AnswerCardProps {
    pub outcome: Rc<Outcome>,
    pub took: Option<Took>,
    pub dispatch: Dispatch,
    pub node_ref: NodeRef,
}

/// The answer card. A component: it re-renders only when the answer or what was done with it
/// changes, never while the person reads it.
#[component]
pub fn AnswerCard(props: &AnswerCardProps) -> Html {
    let settings = use_settings();
    let outcome = &props.outcome;
    let e = &outcome.explained;
    let (modifier, icon) = look(e.level);
    let context = outcome.checker_context;
    let contact = matches!(e.level, Level::Now | Level::StraightAway | Level::Urgent);
    let check_symptoms = (e.level != Level::Routine && !context.is_empty()).then(|| {
        let href = link::href(Route::SideEffects, Some(&format!("context={context}")), Some("checker"));
        html! { <p><a {href} class="button button--secondary">{ words::CHECK_WITHDRAWAL }</a></p> }
    });
    html! {
        <article class={classes!("result", modifier)} id={RESULT_ID} tabindex="-1"
            aria-labelledby="result-action" ref={props.node_ref.clone()}>
            <h3 class="result__action" id="result-action">
                <LevelIcon {icon} class="result__icon" size="32" />
                <span><span class="result__label">{ level_label(e.level) }{ ": " }</span>{ e.action.clone() }</span>
            </h3>
            if e.level == Level::Emergency { { emergency_call_html(&settings) } }
            <p class="result__then">{ e.then.clone() }</p>
            if let Some(route) = &e.out_of_hours { <p class="result__out-of-hours">{ route.clone() }</p> }
            if contact { { clinic_contacts_html(&settings) } }
            // The pump answer (call the pump team now): where their number is, and the emergency
            // number for warning signs (fact sheet §11 row 11).
            if e.level == Level::Now { { pump_team_html(&settings) } }
            if let Some(used) = &outcome.used { <p class="result__used">{ used.clone() }</p> }
            { for e.notes.iter().map(|(text, sources)| html! {
                <div class="result__note" key={text.clone()}><p>{ text.clone() }</p><Citations ids={*sources} /></div>
            }) }
            { dose_timeline(&outcome.timeline) }
            { take_it_with_you(outcome, props.took, &props.dispatch) }
            { check_symptoms }
            { why(outcome) }
            <p class="result__safety">{ MISSED_DOSE.safety_net.text }</p>
        </article>
    }
}

/// "Why this answer": the reason, its sources, where sources differ, and the rules' version.
fn why(outcome: &Outcome) -> Html {
    let e = &outcome.explained;
    html! {
        <details class="result__why">
            <summary>{ words::WHY }</summary>
            <p>{ e.why.clone() }</p>
            <Citations ids={e.sources} />
            if let Some((text, sources)) = &e.differ {
                <p>{ text.clone() }</p>
                <Citations ids={*sources} />
            }
            <p class="result__version">
                { words::VERSION_BEFORE }{ " " }{ SITE.content_version }{ words::VERSION_MIDDLE }{ " " }{ SITE.checked_on }{ "." }
            </p>
        </details>
    }
}

/// "Add my next dose to my calendar" and "Keep this answer for my appointment" (#19). What the
/// tap did is state (a new answer clears it), said once by the card's own status line.
fn take_it_with_you(outcome: &Outcome, took: Option<Took>, dispatch: &Dispatch) -> Html {
    use crate::keep::content::{fill, NEXT_DOSE};
    let calendar = outcome.next_dose_calendar.clone().map(|text| {
        let dispatch = dispatch.clone();
        let on_click = Callback::from(move |_: MouseEvent| {
            if crate::keep::device::download(NEXT_DOSE.next_file_name, "text/calendar;charset=utf-8", &text) {
                dispatch.dispatch(MissedDoseAction::Took(Took::Calendar));
            }
        });
        html! {
            <button type="button" class="button button--secondary" id="missed-dose-calendar" onclick={on_click}>
                { NEXT_DOSE.next_button }
            </button>
        }
    });
    let on_keep = {
        let (kept, dispatch) = (outcome.kept.clone(), dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            let stored = crate::keep::device::keep_answer(kept.clone());
            dispatch.dispatch(MissedDoseAction::Took(if stored { Took::Kept } else { Took::NotKept }));
        })
    };
    let message = match took {
        Some(Took::Kept) => NEXT_DOSE.answer_kept.to_string(),
        Some(Took::NotKept) => NEXT_DOSE.answer_not_kept.to_string(),
        Some(Took::Calendar) => fill(NEXT_DOSE.next_added, "file", NEXT_DOSE.next_file_name),
        None => String::new(),
    };
    html! {
        <div class="keep-actions result__keep">
            { calendar }
            <button type="button" class="button button--secondary" id="missed-dose-keep" onclick={on_keep}>
                { NEXT_DOSE.keep_answer }
            </button>
            <p class="notice" role="status" id="missed-dose-keep-status">{ message }</p>
        </div>
    }
}
