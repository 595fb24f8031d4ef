//! The red-flag rules as plain lists, for the static page (prerendered HTML) when the
//! interactive checker cannot run: the emergency list first, with the emergency number.

use crate::components::call::CallButton;
use crate::components::citations::citations;
use crate::content::ui::checker;
use crate::content::{OutOfHours, RED_FLAGS, SITE};
use baclofen_logic::red_flags::Level;
use yew::prelude::*;

/// A rule's condition in words: "Pins and needles or Itching, and High temperature". A pump
/// answer reads as "Has a baclofen pump".
fn condition(clauses: &[baclofen_logic::red_flags::Mask]) -> String {
    clauses
        .iter()
        .map(|clause| {
            let mut words: Vec<&str> = Vec::new();
            if clause & (RED_FLAGS.pump.yes | RED_FLAGS.pump.not_sure) != 0 {
                words.push(checker::HAS_PUMP);
            }
            words.extend(
                RED_FLAGS.items.iter().filter(|i| i.bit & clause != 0 && !i.question).map(|i| i.label),
            );
            words.join(" or ")
        })
        .collect::<Vec<_>>()
        .join(", and ")
}

#[derive(Properties, PartialEq)]
pub struct RedFlagListProps {
    /// What the page says above the rules: the `helper` block's text in `content/pages/`.
    pub intro: &'static str,
}

#[component]
pub fn RedFlagList(props: &RedFlagListProps) -> Html {
    html! {
        <section class="helper" aria-labelledby="checker-title">
            <h2 id="checker-title">{ checker::LIST_TITLE }</h2>
            <p>{ props.intro }</p>
            { for [Level::Emergency, Level::Urgent, Level::Routine].into_iter().map(|level| {
                let wording = RED_FLAGS.level(level);
                html! {
                    <>
                        <h3>{ wording.label }</h3>
                        if level == Level::Emergency {
                            <p class="call">
                                <CallButton number={None::<AttrValue>} note={Some(AttrValue::from(SITE.emergency))} />
                            </p>
                        }
                        <ul class="rule-list">
                            { for RED_FLAGS.rules.iter().zip(RED_FLAGS.rule_text).enumerate().filter(|(_, (r, _))| r.level == level).map(|(i, (rule, text))| html! {
                                <li key={text.id}>
                                    <p><strong>{ condition(rule.clauses) }</strong></p>
                                    <p><strong>{ text.action }{"."}</strong>{" "}{ text.why }</p>
                                    // No region is known on the static page: the general route.
                                    if let Some(route) = RED_FLAGS.when_closed(i, OutOfHours::General) {
                                        <p>{ route }</p>
                                    }
                                    { citations(text.sources) }
                                </li>
                            }) }
                        </ul>
                        <p>{ wording.detail }</p>
                    </>
                }
            }) }
        </section>
    }
}
