//! The red-flag checker. It asks in the order a person needs: who it is for, the emergency signs
//! first, whether there is a baclofen pump, then the other signs in groups the person opens.
//! The answer updates with every tick and stays in view in a bar at the bottom of the screen.

use crate::components::call::call_button;
use crate::components::choice;
use crate::components::link;
use crate::components::red_flag_result::{red_flag_result, Viewer, RESULT_ID};
use crate::content::ui::checker as words;
use crate::content::{Answers, Group, Item, PumpAnswer, Step, RED_FLAGS};
use crate::dom::live::{self, Dispatch};
use crate::dom::{el, list, none, when, El, Node};
use crate::route::Route;
use crate::settings::SharedSettings;
use baclofen_logic::red_flags::Level;
use std::rc::Rc;
use wasm_bindgen::JsCast;

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
        bit: baclofen_logic::red_flags::Mask,
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

impl CheckerState {
    /// The state after `action`.
    pub fn reduce(self: Rc<Self>, action: CheckerAction) -> Rc<Self> {
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

/// Shows the checker in `root` (its placeholder), opened with `answers` (a bridge link may name
/// situations in the address).
pub fn mount(root: web_sys::Element, answers: Answers, settings: SharedSettings) {
    let state = CheckerState { answers, ..CheckerState::default() };
    live::mount(root, state, CheckerState::reduce, move |state, dispatch| view(state, dispatch, &settings));
}

fn checked(event: &web_sys::Event) -> bool {
    live::target_input(event).checked()
}

fn radio(
    name: &'static str,
    id: &'static str,
    label: &'static str,
    on: bool,
    pick: impl Fn(web_sys::Event) + 'static,
) -> El {
    choice::radio(name, id, on, label, "change", Rc::new(pick))
}

fn hint(group: &Group) -> Node {
    when(!group.hint.is_empty(), || el("p").class("hint").text(group.hint).into())
}

/// The checker as it is now.
pub fn view(state: &CheckerState, dispatch: &Dispatch<CheckerAction>, settings: &SharedSettings) -> Node {
    let viewer = state.viewer.unwrap_or(Viewer::Myself);
    let carer = viewer != Viewer::Myself;
    let result = RED_FLAGS.evaluate(&state.answers);

    let checkbox = |item: &'static Item| {
        let id = format!("flag-{}", item.id);
        el("div")
            .class("choice")
            .child(
                el("input")
                    .attr("type", "checkbox")
                    .id(id.clone())
                    .flag("checked", state.answers.ticked & item.bit != 0)
                    .on(
                        "change",
                        dispatch.to(move |e| CheckerAction::Tick { bit: item.bit, on: checked(&e) }),
                    ),
            )
            .child(el("label").attr("for", id).text(if carer { item.carer_label } else { item.label }))
    };
    let boxes = |group: &Group| {
        list(RED_FLAGS.items.iter().filter(|i| i.group == group.id && !i.question && !i.hidden).map(checkbox))
    };
    let pick_viewer = |who: Viewer, id: &'static str, label: &'static str| {
        radio(
            "viewer",
            id,
            label,
            state.viewer == Some(who),
            dispatch.to(move |_| CheckerAction::Viewer(who)),
        )
    };
    let pick_pump = |answer: PumpAnswer, id: &'static str, label: &'static str| {
        radio(
            "pump",
            id,
            label,
            state.answers.pump == Some(answer),
            dispatch.to(move |_| CheckerAction::Pump(answer)),
        )
    };
    let pump_label = |bit: baclofen_logic::red_flags::Mask, fallback: &'static str| {
        RED_FLAGS.items.iter().find(|i| i.bit == bit).map_or(fallback, |i| i.label)
    };
    let ticked_in = |group: &Group| (state.answers.ticked & group.mask).count_ones();
    let is_open = |group: &Group| state.opened.contains(&group.id);
    // A group the person opens: its heading shows how many are ticked inside.
    let disclosure = |group: &'static Group, open: bool| {
        let id = group.id;
        el("details")
            .class("checker__group")
            .key(group.id)
            .flag("open", open)
            .on(
                "toggle",
                dispatch.to(move |e| {
                    let details: web_sys::HtmlDetailsElement = e.target().expect("toggled").unchecked_into();
                    CheckerAction::Toggle { group: id, open: details.open() }
                }),
            )
            .child(el("summary").text(group.title).child(count(ticked_in(group))))
            .child(
                el("fieldset")
                    .class("field")
                    .child(el("legend").class("visually-hidden").text(group.title))
                    .child(hint(group))
                    .child(boxes(group)),
            )
    };
    let fieldset = |group: &'static Group, class: &'static str| {
        el("fieldset")
            .class(class)
            .key(group.id)
            .child(el("legend").text(group.title))
            .child(hint(group))
            .child(boxes(group))
    };
    let missed = ["missed-one", "missed-several", "ran-out"]
        .iter()
        .filter_map(|id| RED_FLAGS.item(id))
        .any(|i| state.answers.ticked & i.bit != 0);
    let top = result.fired.first().map(|&i| &RED_FLAGS.rule_text[i]);
    // Open for a pump user; a person who skipped the question can still open it.
    let pump_user = matches!(state.answers.pump, Some(PumpAnswer::Yes | PumpAnswer::NotSure));
    let shown = |step: Step| {
        RED_FLAGS.groups.iter().filter(move |g| g.step == step && RED_FLAGS.group_shown(g, &state.answers))
    };

    let bar = match (result.level, top) {
        // Stays in view at the bottom of the screen while ticking, so an emergency and its call
        // button show the moment it is ticked, wherever the tick is.
        (Some(level), Some(top)) => el("div")
            .class(format!("checker__bar {}", bar_modifier(level)))
            .key("bar")
            .child(
                el("span")
                    .class("checker__bar-text")
                    .child(el("strong").text(RED_FLAGS.level(level).label).text(":"))
                    .child(el("span").text(if carer { top.carer_action } else { top.action })),
            )
            .child(when(level == Level::Emergency, || call_button(settings.call_number(), None)))
            .child(
                el("a")
                    .attr("href", link::href(Route::SideEffects, None, Some(RESULT_ID)))
                    .on("click", |event: web_sys::Event| {
                        // In the page: following the link would reload a page opened with `?context=`.
                        event.prevent_default();
                        live::focus_and_show(RESULT_ID);
                    })
                    .text(words::SEE_ANSWER),
            )
            .into(),
        _ => none(),
    };

    el("section")
        .class("helper checker")
        .id(CHECKER_ID)
        .attr("aria-labelledby", "checker-title")
        .child(el("h2").id("checker-title").text(words::TITLE))
        .child(el("p").text(words::INTRO))
        .child(
            el("fieldset")
                .class("field")
                .child(el("legend").text(words::WHO_LEGEND))
                .child(pick_viewer(Viewer::Myself, "viewer-me", words::WHO_ME))
                .child(pick_viewer(Viewer::Carer, "viewer-carer", words::WHO_CARER))
                .child(pick_viewer(Viewer::Child, "viewer-child", words::WHO_CHILD)),
        )
        .children(
            RED_FLAGS
                .groups
                .iter()
                .filter(|g| g.step == Step::First)
                .map(|g| fieldset(g, "field checker__first")),
        )
        .child(
            el("fieldset")
                .class("field")
                .child(el("legend").text(if carer {
                    RED_FLAGS.pump.carer_legend
                } else {
                    RED_FLAGS.pump.legend
                }))
                .child(el("p").class("hint").text(RED_FLAGS.pump.hint))
                .child(pick_pump(PumpAnswer::Yes, "pump-yes", pump_label(RED_FLAGS.pump.yes, words::YES)))
                .child(pick_pump(PumpAnswer::No, "pump-no", words::NO))
                .child(pick_pump(
                    PumpAnswer::NotSure,
                    "pump-not-sure",
                    pump_label(RED_FLAGS.pump.not_sure, words::NOT_SURE),
                )),
        )
        .children(shown(Step::Pump).map(|group| disclosure(group, pump_user || is_open(group))))
        .child(el("h3").class("checker__others").text(words::OTHERS_TITLE))
        .child(el("p").class("hint").text(words::OTHERS_HINT))
        .children(shown(Step::Others).map(|group| {
            if group.shown_by != 0 {
                // Asked because of an earlier answer: shown open.
                fieldset(group, "field checker__follow-up")
            } else {
                disclosure(group, is_open(group))
            }
        }))
        .child(
            el("div")
                .class("field choice")
                .key("none")
                .child(
                    el("input")
                        .attr("type", "checkbox")
                        .id("flag-none")
                        .flag("checked", state.none_of_these)
                        .on("change", dispatch.to(|e| CheckerAction::NoneOfThese(checked(&e)))),
                )
                .child(el("label").attr("for", "flag-none").text(words::NONE_OF_THESE)),
        )
        .child(when(missed, || {
            el("p").child(el("a").attr("href", Route::MissedDose.href()).text(words::MISSED_DOSE_LINK)).into()
        }))
        .child(bar)
        .child(
            el("div")
                .class("checker__answer")
                .key("answer")
                .attr("role", "status")
                .attr("aria-live", "polite")
                .child(when(result.level.is_some() || state.none_of_these, || {
                    red_flag_result(&result, viewer, settings)
                })),
        )
        .into()
}

/// "(2 ticked)" after a group's title, so a closed group still shows what is in it.
fn count(n: u32) -> Node {
    match n {
        0 => none(),
        n => el("span").class("checker__count").text(words::TICKED.replace("{n}", &n.to_string())).into(),
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
