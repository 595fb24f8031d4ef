//! The checker's questions: who it is for, a group of signs (a fieldset, or a heading the
//! person opens; a component, so a group re-renders only when its own ticks change), the pump
//! question and "None of these". Every list is keyed.

use super::state::{CheckerAction, CheckerState, Viewer};
use crate::components::radio::radio;
use crate::content::ui::checker as words;
use crate::content::{Group, Item, PumpAnswer, RED_FLAGS};
use baclofen_logic::red_flags::Mask;
use web_sys::{HtmlDetailsElement, HtmlInputElement};
use yew::prelude::*;

pub type Dispatch = UseReducerDispatcher<CheckerState>;

fn checked(event: &Event) -> bool {
    event.target_unchecked_into::<HtmlInputElement>().checked()
}

/// "Who is this for?": nothing chosen until the person chooses. (A view function, not a
/// component: it is cheap to render, and each component costs the module about 1 KiB.)
pub fn who_question(viewer: Option<Viewer>, dispatch: &Dispatch) -> Html {
    let pick = |who: Viewer, id: &'static str, label: &'static str| {
        let dispatch = dispatch.clone();
        let on = Callback::from(move |_: Event| dispatch.dispatch(CheckerAction::Viewer(who)));
        radio("viewer", id, viewer == Some(who), label, on)
    };
    html! {
        <fieldset class="field">
            <legend>{ words::WHO_LEGEND }</legend>
            { pick(Viewer::Myself, "viewer-me", words::WHO_ME) }
            { pick(Viewer::Carer, "viewer-carer", words::WHO_CARER) }
            { pick(Viewer::Child, "viewer-child", words::WHO_CHILD) }
        </fieldset>
    }
}

/// How a group of signs is shown.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Always open, with a visible legend (`class` on the fieldset).
    Fieldset(&'static str),
    /// A heading the person opens (`details`), open or closed.
    Disclosure { open: bool },
}

#[derive(Properties, PartialEq)]
pub struct SignGroupProps {
    pub group: &'static Group,
    pub shape: Shape,
    /// The group's own ticks (its bits of the answers).
    pub ticked: Mask,
    pub carer: bool,
    pub dispatch: Dispatch,
}

/// One group of signs, each a checkbox keyed by its id.
#[component]
pub fn SignGroup(props: &SignGroupProps) -> Html {
    let group = props.group;
    let checkbox = |item: &'static Item| {
        let id = format!("flag-{}", item.id);
        let dispatch = props.dispatch.clone();
        let on_change = Callback::from(move |event: Event| {
            dispatch.dispatch(CheckerAction::Tick { bit: item.bit, on: checked(&event) })
        });
        html! {
            <div class="choice" key={item.id}>
                <input type="checkbox" id={id.clone()} checked={props.ticked & item.bit != 0} onchange={on_change} />
                <label for={id}>{ if props.carer { item.carer_label } else { item.label } }</label>
            </div>
        }
    };
    let hint = (!group.hint.is_empty()).then(|| html! { <p class="hint">{ group.hint }</p> });
    let boxes = html! {
        { for RED_FLAGS.items.iter().filter(|i| i.group == group.id && !i.question && !i.hidden).map(checkbox) }
    };
    match props.shape {
        Shape::Fieldset(class) => html! {
            <fieldset {class}>
                <legend>{ group.title }</legend>
                { hint }
                { boxes }
            </fieldset>
        },
        Shape::Disclosure { open } => {
            let dispatch = props.dispatch.clone();
            let id = group.id;
            let on_toggle = Callback::from(move |event: Event| {
                let open = event.target_unchecked_into::<HtmlDetailsElement>().open();
                dispatch.dispatch(CheckerAction::Toggle { group: id, open });
            });
            let count = (props.ticked & group.mask).count_ones();
            html! {
                // A group the person opens: its heading shows how many are ticked inside.
                <details class="checker__group" {open} ontoggle={on_toggle}>
                    <summary>
                        { group.title }
                        if count > 0 {
                            <span class="checker__count">{ words::TICKED.replace("{n}", &count.to_string()) }</span>
                        }
                    </summary>
                    <fieldset class="field">
                        <legend class="visually-hidden">{ group.title }</legend>
                        { hint }
                        { boxes }
                    </fieldset>
                </details>
            }
        }
    }
}

/// "Do you have a baclofen pump?" Yes and Not sure use the pump items' own words.
pub fn pump_question(pump_answer: Option<PumpAnswer>, carer: bool, dispatch: &Dispatch) -> Html {
    let label = |bit: Mask, fallback: &'static str| {
        RED_FLAGS.items.iter().find(|i| i.bit == bit).map_or(fallback, |i| i.label)
    };
    let pick = |answer: PumpAnswer, id: &'static str, label: &'static str| {
        let dispatch = dispatch.clone();
        let on = Callback::from(move |_: Event| dispatch.dispatch(CheckerAction::Pump(answer)));
        radio("pump", id, pump_answer == Some(answer), label, on)
    };
    let pump = &RED_FLAGS.pump;
    html! {
        <fieldset class="field">
            <legend>{ if carer { pump.carer_legend } else { pump.legend } }</legend>
            <p class="hint">{ pump.hint }</p>
            { pick(PumpAnswer::Yes, "pump-yes", label(pump.yes, words::YES)) }
            { pick(PumpAnswer::No, "pump-no", words::NO) }
            { pick(PumpAnswer::NotSure, "pump-not-sure", label(pump.not_sure, words::NOT_SURE)) }
        </fieldset>
    }
}

/// "None of these": a calm answer, cleared by ticking a sign.
pub fn none_of_these(on: bool, dispatch: &Dispatch) -> Html {
    let dispatch = dispatch.clone();
    let on_change =
        Callback::from(move |event: Event| dispatch.dispatch(CheckerAction::NoneOfThese(checked(&event))));
    html! {
        <div class="field choice">
            <input type="checkbox" id="flag-none" checked={on} onchange={on_change} />
            <label for="flag-none">{ words::NONE_OF_THESE }</label>
        </div>
    }
}
