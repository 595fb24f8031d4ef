//! The red-flag checker: tick symptoms and situations; the answer updates with every tick, so
//! an emergency shows the moment it is ticked.

use crate::components::link;
use crate::components::red_flag_result::{red_flag_result, Viewer, RESULT_ID};
use crate::content::{Item, RED_FLAGS};
use crate::islands::browser;
use crate::route::Route;
use crate::settings::SharedSettings;
use baclofen_logic::red_flags::{triage, Level};
use web_sys::HtmlInputElement;
use yew::prelude::*;

pub const CHECKER_ID: &str = "checker";

/// Situations named in the address (`?context=missed,pump`), as bits. Unknown names are ignored.
pub fn contexts_from_query(value: Option<&str>) -> u64 {
    value
        .unwrap_or_default()
        .split(',')
        .filter_map(|id| RED_FLAGS.contexts.iter().find(|c| c.id == id.trim()))
        .fold(0, |bits, c| bits | c.bit)
}

fn child_bit() -> u64 {
    RED_FLAGS.contexts.iter().find(|c| c.id == "child").map_or(0, |c| c.bit)
}

#[derive(Properties, PartialEq, Default)]
pub struct RedFlagCheckerProps {
    /// Situations ticked when the checker opens (a bridge link may name them in the address).
    #[prop_or_default]
    pub contexts: u64,
    #[prop_or_default]
    pub settings: SharedSettings,
}

#[component]
pub fn RedFlagChecker(props: &RedFlagCheckerProps) -> Html {
    let ticked = use_state(|| props.contexts);
    let viewer = use_state(|| Viewer::Myself);
    let none_of_these = use_state(|| false);

    // A child is a situation too: choosing "a child" ticks it.
    let effective = *ticked | if *viewer == Viewer::Child { child_bit() } else { 0 };
    let result = triage(RED_FLAGS.rules, effective);

    let toggle = {
        let ticked = ticked.clone();
        let none_of_these = none_of_these.clone();
        Callback::from(move |(bit, on): (u64, bool)| {
            ticked.set(if on { *ticked | bit } else { *ticked & !bit });
            if on {
                none_of_these.set(false);
            }
        })
    };
    let checkbox = |item: &'static Item| {
        let id = format!("flag-{}", item.id);
        let on_change = toggle.reform(move |event: Event| {
            (item.bit, event.target_unchecked_into::<HtmlInputElement>().checked())
        });
        let label = if *viewer == Viewer::Myself { item.label } else { item.carer_label };
        html! {
            <div class="choice" key={item.id}>
                <input type="checkbox" id={id.clone()} checked={*ticked & item.bit != 0} onchange={on_change} />
                <label for={id}>{ label }</label>
            </div>
        }
    };
    let pick_viewer = |who: Viewer, id: &'static str, label: &'static str| {
        let viewer = viewer.clone();
        html! {
            <div class="choice">
                <input type="radio" name="viewer" {id} checked={*viewer == who} onchange={Callback::from(move |_| viewer.set(who))} />
                <label for={id}>{ label }</label>
            </div>
        }
    };
    let on_none = {
        let none_of_these = none_of_these.clone();
        let ticked = ticked.clone();
        let contexts: u64 = RED_FLAGS.contexts.iter().fold(0, |bits, c| bits | c.bit);
        Callback::from(move |event: Event| {
            let on = event.target_unchecked_into::<HtmlInputElement>().checked();
            none_of_these.set(on);
            if on {
                // Keep the situations; clear the symptoms.
                ticked.set(*ticked & contexts);
            }
        })
    };
    let missed_bit = RED_FLAGS.contexts.iter().find(|c| c.id == "missed").map_or(0, |c| c.bit);

    html! {
        <section class="helper checker" id={CHECKER_ID} aria-labelledby="checker-title">
            <h2 id="checker-title">{"Check symptoms now"}</h2>
            <p>{"Tick everything that is happening. The advice below changes as you tick, and nothing leaves this device."}</p>
            <fieldset class="field">
                <legend>{"Who is this for?"}</legend>
                { pick_viewer(Viewer::Myself, "viewer-me", "Me") }
                { pick_viewer(Viewer::Carer, "viewer-carer", "Someone I care for") }
                { pick_viewer(Viewer::Child, "viewer-child", "A child") }
            </fieldset>
            <fieldset class="field">
                <legend>{"Does any of this apply?"}</legend>
                { for RED_FLAGS.contexts.iter().filter(|c| c.id != "child").map(checkbox) }
            </fieldset>
            { for RED_FLAGS.groups.iter().map(|group| html! {
                <fieldset class="field" key={group.id}>
                    <legend>{ group.title }</legend>
                    { for RED_FLAGS.symptoms.iter().filter(|s| s.group == group.id).map(checkbox) }
                </fieldset>
            }) }
            <div class="field choice">
                <input type="checkbox" id="flag-none" checked={*none_of_these} onchange={on_none} />
                <label for="flag-none">{"None of these"}</label>
            </div>
            if effective & missed_bit != 0 {
                <p><a href={Route::MissedDose.href()}>{"Work out what to do about a missed dose"}</a></p>
            }
            if let Some(level) = result.level {
                // Stays in view at the bottom of the screen while ticking, so an emergency and its
                // call button show the moment it is ticked, wherever the tick is.
                <div class={classes!("checker__bar", bar_modifier(level))}>
                    <span class="checker__bar-text">{ RED_FLAGS.level(level).title_for(*viewer != Viewer::Myself) }</span>
                    if level == Level::Emergency {
                        <a class="call__button" href={format!("tel:{}", props.settings.call_number())}>
                            { format!("Call {}", props.settings.call_number()) }
                        </a>
                    }
                    // In-page: following the link would reload a page opened with `?context=`.
                    <a href={link::href(Route::SideEffects, None, Some(RESULT_ID))} onclick={Callback::from(|event: MouseEvent| {
                        event.prevent_default();
                        browser::show_and_focus(RESULT_ID);
                    })}>{"See why"}</a>
                </div>
            }
            <div class="checker__answer" role="status" aria-live="polite">
                if result.level.is_some() || *none_of_these {
                    { red_flag_result(result.level, &result.fired, *viewer, &props.settings) }
                }
            </div>
        </section>
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
    fn only_known_situations_are_read_from_the_address() {
        let missed = RED_FLAGS.item("missed").unwrap().bit;
        let pump = RED_FLAGS.item("pump").unwrap().bit;
        assert_eq!(contexts_from_query(Some("missed")), missed);
        assert_eq!(contexts_from_query(Some("missed, pump")), missed | pump);
        assert_eq!(
            contexts_from_query(Some("fever,<script>,javascript:alert(1)")),
            0,
            "symptoms and junk are ignored"
        );
        assert_eq!(contexts_from_query(None), 0);
    }
}
