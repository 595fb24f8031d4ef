//! The checker's answer: the bar that stays in view while ticking, the one short sentence the
//! live region says, and the care card (outside any live region; it takes focus only when the
//! person asks for it with "See the answer").

use super::state::{heading, CheckerAction, CheckerState, Kept, Viewer};
use crate::components::call::{
    clinic_contacts_html, emergency_call_html, named_call_html, pump_team_html, CallButton,
};
use crate::components::citations::Citations;
use crate::components::level_icon::{Icon, LevelIcon};
use crate::components::link;
use crate::content::ui::checker as words;
use crate::content::{Call, RED_FLAGS};
use crate::route::Route;
use baclofen_logic::red_flags::{Level, Triage};
use std::rc::Rc;
use yew::prelude::*;

pub const RESULT_ID: &str = "red-flag-result";

/// Stays in view at the bottom of the screen while ticking, so an emergency and its call button
/// show the moment it is ticked, wherever the tick is. (A view function: it changes with every
/// answer anyway, so a component would only add bytes.)
pub fn answer_bar(
    state: &CheckerState,
    triage: &Triage,
    settings: &crate::settings::Settings,
    dispatch: &UseReducerDispatcher<CheckerState>,
) -> Html {
    let Some(level) = triage.level else { return html! {} };
    let Some((label, title)) = heading(state, triage) else { return html! {} };
    let dispatch = dispatch.clone();
    let see_answer = Callback::from(move |event: MouseEvent| {
        // In the page: following the link would reload a page opened with `?context=`.
        event.prevent_default();
        dispatch.dispatch(CheckerAction::ShowAnswer);
    });
    html! {
        <div class={classes!("checker__bar", bar_modifier(level))}>
            <span class="checker__bar-text">
                <strong>{ label }{ ":" }</strong>
                <span>{ title }</span>
            </span>
            if level == Level::Emergency {
                <CallButton number={settings.call_number().map(|n| AttrValue::from(n.to_string()))} />
            }
            <a href={link::href(Route::SideEffects, None, Some(RESULT_ID))} onclick={see_answer}>{ words::SEE_ANSWER }</a>
        </div>
    }
}

fn bar_modifier(level: Level) -> &'static str {
    match level {
        Level::Emergency => "checker__bar--emergency",
        Level::Urgent => "checker__bar--urgent",
        Level::Routine => "checker__bar--routine",
    }
}

/// The live region: always in the page (a region put in anew is not read out reliably), saying
/// one short sentence when the answer changes, and nothing else.
pub fn announcer(text: String) -> Html {
    html! {
        <p class="checker__answer visually-hidden" role="status" aria-live="polite">{ text }</p>
    }
}

fn card_look(level: Option<Level>) -> (&'static str, Icon) {
    match level {
        Some(Level::Emergency) => ("care-card--emergency", Icon::Danger),
        Some(Level::Urgent) => ("care-card--urgent", Icon::Today),
        _ => ("care-card--routine", Icon::Info),
    }
}

#[derive(Properties, PartialEq)]
pub struct CardProps {
    pub state: Rc<CheckerState>,
    pub triage: Rc<Triage>,
    pub dispatch: UseReducerDispatcher<CheckerState>,
    pub node_ref: NodeRef,
}

/// The answer as a care card. Its first screen is the action (the most urgent fired rule's own
/// words, with its own timing), the call button and "if it gets worse"; then one reason per
/// fired rule, with its sources.
#[component]
pub fn CareCard(props: &CardProps) -> Html {
    let settings = crate::components::call::use_settings();
    let triage = &props.triage;
    let carer = props.state.viewer() != Viewer::Myself;
    let (modifier, icon) = card_look(triage.level);
    let Some((label, title)) = heading(&props.state, triage) else { return html! {} };
    let top = triage.fired.first().map(|&i| &RED_FLAGS.rule_text[i]);
    // The answer in words for the person's region (the pure function the native tests read).
    let answer = crate::red_flag_words::answer_words(triage, carer, &settings);
    let body = match (triage.level, top, answer) {
        (Some(level), Some(top), Some(answer)) => {
            let reasons = answer.reasons;
            let crisis = settings.crisis_line().filter(|_| top.call == Call::Crisis);
            // Fact sheet §11 row 3 and §0c: the region's poisons line, only when every emergency
            // reason allows it (never for a child, C7, nor with a danger sign such as row 1's).
            let poisons = settings.poisons_line().filter(|_| {
                top.call == Call::Poisons
                    && triage.fired.iter().all(|&i| {
                        RED_FLAGS.rules[i].level != Level::Emergency
                            || RED_FLAGS.rule_text[i].call == Call::Poisons
                    })
            });
            let pump_team = top.call == Call::PumpTeam && level != Level::Emergency;
            // The region's out-of-hours service the route names ("call NHS 111"), as a button
            // (fact sheet §0c), unless the clinic's contacts above already have it.
            let in_contacts = level == Level::Urgent && settings.out_of_hours().is_some();
            let closed_call =
                answer.when_closed.as_ref().and(region_out_of_hours(&settings)).filter(|_| !in_contacts);
            html! {
                <>
                    if level == Level::Emergency { { emergency_call_html(&settings) } }
                    if let Some((name, phone)) = poisons {
                        <p class="care-card__action">{ words::POISONS_INTRO }</p>
                        { named_call_html(name, phone) }
                    }
                    if let Some((name, phone)) = crisis { { named_call_html(name, phone) } }
                    if level == Level::Urgent { { clinic_contacts_html(&settings) } }
                    if pump_team { { pump_team_html(&settings) } }
                    // Where to go when the person named is closed, for this region.
                    if let Some(route) = answer.when_closed { <p class="care-card__action">{ route }</p> }
                    if let Some((name, phone)) = closed_call { { named_call_html(name, phone) } }
                    <p class="care-card__action">{ answer.detail }</p>
                    <p class="care-card__worse"><strong>{ words::IF_WORSE }{ " " }</strong>{ answer.if_worse }</p>
                    <h4>{ words::WHY }</h4>
                    <ul class="care-card__reasons">
                        { for reasons.iter().map(|&(id, why, sources)| html! {
                            <li key={id}><p>{ why }</p><Citations ids={sources} /></li>
                        }) }
                    </ul>
                    if level != Level::Emergency {
                        { keep_answer(
                            [label, ": ", title].concat(),
                            reasons.iter().map(|r| r.1).collect::<Vec<_>>().join(" "),
                            props.state.kept,
                            &props.dispatch,
                        ) }
                    }
                </>
            }
        }
        _ => html! {
            <>
                <p>{ RED_FLAGS.none.text }</p>
                <Citations ids={RED_FLAGS.none.sources} />
            </>
        },
    };
    html! {
        <article class={classes!("care-card", modifier)} id={RESULT_ID} tabindex="-1"
            aria-labelledby="care-card-heading" ref={props.node_ref.clone()}>
            <div class="care-card__header">
                <h3 class="care-card__title" id="care-card-heading">
                    <LevelIcon {icon} class="care-card__icon" size="32" />
                    <span><span class="care-card__label">{ label }{ ": " }</span>{ title }</span>
                </h3>
            </div>
            { body }
        </article>
    }
}

/// The out-of-hours service of the region the answer's route names (the clinic's region, else the
/// device's time zone's, as in [`crate::red_flag_words::out_of_hours`]): `None` when a clinic set
/// its own out-of-hours number (the route says it) or the region has no such service.
fn region_out_of_hours(settings: &crate::settings::Settings) -> Option<(&'static str, &'static str)> {
    if settings.out_of_hours_phone.is_some() {
        return None;
    }
    let region = settings.region.or(settings.time_zone_region)?;
    region.out_of_hours_name.zip(region.out_of_hours_phone)
}

/// "Keep this answer for my appointment" (#19): only when the person taps it, the level
/// ("Not urgent: Mention it at your next visit"), the action and the reasons, in the words shown,
/// go to the summary on the "Take it with you" page. The message after the tap is state: a new
/// answer clears it.
fn keep_answer(
    level: String,
    detail: String,
    kept: Option<Kept>,
    dispatch: &UseReducerDispatcher<CheckerState>,
) -> Html {
    use crate::keep::content::NEXT_DOSE;
    use crate::keep::record::{Kept as Record, KeptKind};
    let on_click = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            let record = Record {
                kind: KeptKind::Symptoms,
                at: crate::missed_dose::device::now(),
                level: level.clone(),
                detail: detail.clone(),
            };
            let stored = crate::keep::device::keep_answer(record);
            dispatch.dispatch(CheckerAction::Kept(if stored { Kept::Yes } else { Kept::Refused }));
        })
    };
    let message = match kept {
        Some(Kept::Yes) => NEXT_DOSE.answer_kept,
        Some(Kept::Refused) => NEXT_DOSE.answer_not_kept,
        None => "",
    };
    html! {
        <div class="keep-actions">
            <button type="button" class="button button--secondary" id="red-flag-keep" onclick={on_click}>
                { NEXT_DOSE.keep_answer }
            </button>
            <p class="notice" role="status" id="red-flag-keep-status">{ message }</p>
        </div>
    }
}
