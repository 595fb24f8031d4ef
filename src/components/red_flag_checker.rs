//! The red-flag checker. It asks in the order a person needs: who it is for, the emergency signs
//! first, whether there is a baclofen pump, then the other signs in groups the person opens.
//! The answer updates with every tick and stays in view in a bar at the bottom of the screen.

use crate::components::call::call_button;
use crate::components::focus::focus_and_show;
use crate::components::link;
use crate::components::red_flag_result::{red_flag_result, Viewer, RESULT_ID};
use crate::content::ui::checker as words;
use crate::content::{Answers, Group, Item, PumpAnswer, Step, RED_FLAGS};
use crate::route::Route;
use crate::settings::SharedSettings;
use baclofen_logic::red_flags::Level;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

pub const CHECKER_ID: &str = "checker";

/// Groups a link may tick (`?context=missed-several,pump`): situations, never signs, so that a
/// link can only add context, not claim a symptom.
const LINKABLE_GROUPS: [&str; 2] = ["doses", "person"];

/// What a link names in the address, as answers. Unknown names and signs are ignored; `pump`
/// answers the pump question with Yes.
pub fn answers_from_query(value: Option<&str>) -> Answers {
    let mut answers = Answers::default();
    for id in value.unwrap_or_default().split(',').map(str::trim) {
        if id == "pump" {
            answers.pump = Some(PumpAnswer::Yes);
        } else if let Some(item) =
            RED_FLAGS.item(id).filter(|i| LINKABLE_GROUPS.contains(&i.group) && !i.hidden)
        {
            answers.ticked |= item.bit;
        }
    }
    answers
}

/// Everything the checker remembers while it is open.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CheckerState {
    pub answers: Answers,
    /// Nothing is chosen until the person chooses (never a pre-selected answer).
    pub viewer: Option<Viewer>,
    pub none_of_these: bool,
    /// Groups the person has opened (kept in state, so a re-render never closes one).
    pub opened: Vec<&'static str>,
}

/// Each change a person can make. Actions are applied to the latest state, so two ticks handled
/// before a re-render are both kept.
pub enum CheckerAction {
    Tick {
        bit: u64,
        on: bool,
    },
    Viewer(Viewer),
    Pump(PumpAnswer),
    NoneOfThese(bool),
    /// A group's heading was opened or closed.
    Toggle {
        group: &'static str,
        open: bool,
    },
}

impl Reducible for CheckerState {
    type Action = CheckerAction;

    fn reduce(self: Rc<Self>, action: CheckerAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            CheckerAction::Tick { bit, on } => {
                next.answers.ticked = if on { next.answers.ticked | bit } else { next.answers.ticked & !bit };
                if on {
                    next.none_of_these = false;
                    // The group it was ticked in stays open.
                    if let Some(group) = RED_FLAGS.groups.iter().find(|g| g.mask & bit != 0) {
                        if !next.opened.contains(&group.id) {
                            next.opened.push(group.id);
                        }
                    }
                }
            }
            CheckerAction::Viewer(viewer) => {
                next.viewer = Some(viewer);
                next.answers.child = viewer == Viewer::Child;
            }
            CheckerAction::Pump(answer) => next.answers.pump = Some(answer),
            CheckerAction::Toggle { group, open } => {
                next.opened.retain(|g| *g != group);
                if open {
                    next.opened.push(group);
                }
            }
            CheckerAction::NoneOfThese(on) => {
                next.none_of_these = on;
                if on {
                    // Keep the situations; clear the signs.
                    let situations = RED_FLAGS
                        .items
                        .iter()
                        .filter(|i| LINKABLE_GROUPS.contains(&i.group))
                        .fold(0, |m, i| m | i.bit);
                    next.answers.ticked &= situations;
                }
            }
        }
        Rc::new(next)
    }
}

#[derive(Properties, PartialEq, Default)]
pub struct RedFlagCheckerProps {
    /// Answers given when the checker opens (a bridge link may name situations in the address).
    #[prop_or_default]
    pub answers: Answers,
    #[prop_or_default]
    pub settings: SharedSettings,
}

#[component]
pub fn RedFlagChecker(props: &RedFlagCheckerProps) -> Html {
    let state = use_reducer(|| CheckerState { answers: props.answers, ..CheckerState::default() });
    let answer_ref = use_node_ref();
    let viewer = state.viewer.unwrap_or(Viewer::Myself);
    let carer = viewer != Viewer::Myself;
    let result = RED_FLAGS.evaluate(&state.answers);

    let checkbox = |item: &'static Item| {
        let id = format!("flag-{}", item.id);
        let dispatch = state.dispatcher();
        let on_change = Callback::from(move |event: Event| {
            let on = event.target_unchecked_into::<HtmlInputElement>().checked();
            dispatch.dispatch(CheckerAction::Tick { bit: item.bit, on });
        });
        html! {
            <div class="choice" key={item.id}>
                <input type="checkbox" id={id.clone()} checked={state.answers.ticked & item.bit != 0} onchange={on_change} />
                <label for={id}>{ if carer { item.carer_label } else { item.label } }</label>
            </div>
        }
    };
    let boxes = |group: &Group| -> Html {
        RED_FLAGS
            .items
            .iter()
            .filter(|i| i.group == group.id && !i.question && !i.hidden)
            .map(checkbox)
            .collect()
    };
    let hint = |group: &Group| -> Html {
        if group.hint.is_empty() {
            html! {}
        } else {
            html! { <p class="hint">{ group.hint }</p> }
        }
    };
    let radio =
        |name: &'static str, id: &'static str, label: &'static str, checked: bool, action: Callback<()>| {
            html! {
                <div class="choice">
                    <input type="radio" {name} {id} {checked} onchange={action.reform(|_: Event| ())} />
                    <label for={id}>{ label }</label>
                </div>
            }
        };
    let pick_viewer = |who: Viewer, id: &'static str, label: &'static str| {
        let dispatch = state.dispatcher();
        radio(
            "viewer",
            id,
            label,
            state.viewer == Some(who),
            Callback::from(move |()| dispatch.dispatch(CheckerAction::Viewer(who))),
        )
    };
    let pick_pump = |answer: PumpAnswer, id: &'static str, label: &'static str| {
        let dispatch = state.dispatcher();
        radio(
            "pump",
            id,
            label,
            state.answers.pump == Some(answer),
            Callback::from(move |()| dispatch.dispatch(CheckerAction::Pump(answer))),
        )
    };
    let pump_label = |bit: u64, fallback: &'static str| {
        RED_FLAGS.items.iter().find(|i| i.bit == bit).map_or(fallback, |i| i.label)
    };
    let first = RED_FLAGS.groups.iter().filter(|g| g.step == Step::First);
    let pump_groups = RED_FLAGS.groups.iter().filter(|g| g.step == Step::Pump);
    let others = RED_FLAGS.groups.iter().filter(|g| g.step == Step::Others);
    let ticked_in = |group: &Group| (state.answers.ticked & group.mask).count_ones();
    let is_open = |group: &Group| state.opened.contains(&group.id);
    let on_toggle = |id: &'static str| {
        let dispatch = state.dispatcher();
        Callback::from(move |event: Event| {
            let open = event.target_unchecked_into::<web_sys::HtmlDetailsElement>().open();
            dispatch.dispatch(CheckerAction::Toggle { group: id, open });
        })
    };
    // A group the person opens: its heading shows how many are ticked inside.
    let disclosure = |group: &'static Group, open: bool| {
        html! {
            <details class="checker__group" key={group.id} ontoggle={on_toggle(group.id)} {open}>
                <summary>{ group.title }{ count(ticked_in(group)) }</summary>
                <fieldset class="field">
                    <legend class="visually-hidden">{ group.title }</legend>
                    { hint(group) }
                    { boxes(group) }
                </fieldset>
            </details>
        }
    };
    let on_none = {
        let dispatch = state.dispatcher();
        Callback::from(move |event: Event| {
            dispatch.dispatch(CheckerAction::NoneOfThese(
                event.target_unchecked_into::<HtmlInputElement>().checked(),
            ))
        })
    };
    let missed = ["missed-one", "missed-several", "ran-out"]
        .iter()
        .filter_map(|id| RED_FLAGS.item(id))
        .any(|i| state.answers.ticked & i.bit != 0);
    let see_answer = {
        let answer_ref = answer_ref.clone();
        Callback::from(move |event: MouseEvent| {
            // In the page: following the link would reload a page opened with `?context=`.
            event.prevent_default();
            focus_and_show(&answer_ref);
        })
    };
    let top = result.fired.first().map(|&i| &RED_FLAGS.rule_text[i]);

    html! {
        <section class="helper checker" id={CHECKER_ID} aria-labelledby="checker-title">
            <h2 id="checker-title">{ words::TITLE }</h2>
            <p>{ words::INTRO }</p>
            <fieldset class="field">
                <legend>{ words::WHO_LEGEND }</legend>
                { pick_viewer(Viewer::Myself, "viewer-me", words::WHO_ME) }
                { pick_viewer(Viewer::Carer, "viewer-carer", words::WHO_CARER) }
                { pick_viewer(Viewer::Child, "viewer-child", words::WHO_CHILD) }
            </fieldset>
            { for first.map(|group| html! {
                <fieldset class="field checker__first" key={group.id}>
                    <legend>{ group.title }</legend>
                    { hint(group) }
                    { boxes(group) }
                </fieldset>
            }) }
            <fieldset class="field">
                <legend>{ if carer { RED_FLAGS.pump.carer_legend } else { RED_FLAGS.pump.legend } }</legend>
                <p class="hint">{ RED_FLAGS.pump.hint }</p>
                { pick_pump(PumpAnswer::Yes, "pump-yes", pump_label(RED_FLAGS.pump.yes, words::YES)) }
                { pick_pump(PumpAnswer::No, "pump-no", words::NO) }
                { pick_pump(PumpAnswer::NotSure, "pump-not-sure", pump_label(RED_FLAGS.pump.not_sure, words::NOT_SURE)) }
            </fieldset>
            { for pump_groups.filter(|g| RED_FLAGS.group_shown(g, &state.answers)).map(|group| {
                // Open for a pump user; a person who skipped the question can still open it.
                let pump_user = matches!(state.answers.pump, Some(PumpAnswer::Yes | PumpAnswer::NotSure));
                disclosure(group, pump_user || is_open(group))
            }) }
            <h3 class="checker__others">{ words::OTHERS_TITLE }</h3>
            <p class="hint">{ words::OTHERS_HINT }</p>
            { for others.filter(|g| RED_FLAGS.group_shown(g, &state.answers)).map(|group| {
                if group.shown_by != 0 {
                    // Asked because of an earlier answer: shown open.
                    html! {
                        <fieldset class="field checker__follow-up" key={group.id}>
                            <legend>{ group.title }</legend>
                            { hint(group) }
                            { boxes(group) }
                        </fieldset>
                    }
                } else {
                    disclosure(group, is_open(group))
                }
            }) }
            <div class="field choice">
                <input type="checkbox" id="flag-none" checked={state.none_of_these} onchange={on_none} />
                <label for="flag-none">{ words::NONE_OF_THESE }</label>
            </div>
            if missed {
                <p><a href={Route::MissedDose.href()}>{ words::MISSED_DOSE_LINK }</a></p>
            }
            if let (Some(level), Some(top)) = (result.level, top) {
                // Stays in view at the bottom of the screen while ticking, so an emergency and its
                // call button show the moment it is ticked, wherever the tick is.
                <div class={classes!("checker__bar", bar_modifier(level))}>
                    <span class="checker__bar-text">
                        <strong>{ RED_FLAGS.level(level).label }{":"}</strong>
                        <span>{ if carer { top.carer_action } else { top.action } }</span>
                    </span>
                    if level == Level::Emergency {
                        { call_button(props.settings.call_number(), None) }
                    }
                    <a href={link::href(Route::SideEffects, None, Some(RESULT_ID))} onclick={see_answer}>{ words::SEE_ANSWER }</a>
                </div>
            }
            <div class="checker__answer" role="status" aria-live="polite">
                if result.level.is_some() || state.none_of_these {
                    { red_flag_result(&result, viewer, &props.settings, answer_ref.clone()) }
                }
            </div>
        </section>
    }
}

/// "(2 ticked)" after a group's title, so a closed group still shows what is in it.
fn count(n: u32) -> Html {
    match n {
        0 => html! {},
        n => html! { <span class="checker__count">{ format!("({n} ticked)") }</span> },
    }
}

fn bar_modifier(level: Level) -> &'static str {
    match level {
        Level::Emergency => "checker__bar--emergency",
        Level::Urgent => "checker__bar--urgent",
        Level::Routine => "checker__bar--routine",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_can_name_situations_but_never_signs() {
        let several = RED_FLAGS.item("missed-several").unwrap().bit;
        let answers = answers_from_query(Some("missed-several, pump"));
        assert_eq!(answers.ticked, several);
        assert_eq!(answers.pump, Some(PumpAnswer::Yes));
        let junk = answers_from_query(Some("fever,breathing,child,<script>,javascript:alert(1)"));
        assert_eq!(junk, Answers::default(), "signs, hidden items and junk are ignored");
        assert_eq!(answers_from_query(None), Answers::default());
    }

    #[test]
    fn two_actions_in_one_task_are_both_kept() {
        let fever = RED_FLAGS.item("fever").unwrap().bit;
        let rash = RED_FLAGS.item("rash").unwrap().bit;
        let state = Rc::new(CheckerState::default());
        let state = state.reduce(CheckerAction::Tick { bit: fever, on: true });
        let state = state.reduce(CheckerAction::Tick { bit: rash, on: true });
        assert_eq!(state.answers.ticked, fever | rash);
    }
}
