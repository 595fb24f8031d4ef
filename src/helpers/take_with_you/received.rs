//! A carer link the page was opened with: shown as facts, kept only after "Yes"; a refused link
//! says why and that nothing changed. A name from a link is only ever text, shown as the sender
//! typed it (attack review B4).

use super::state::{form_words, times_words, who_words, Action, Received, State};
use super::{on, Dispatch};
use crate::components::citations::Citations;
use crate::keep::content::{date_words, fill, WORDS};
use baclofen_logic::carer_link::CarerCopy;
use yew::prelude::*;

/// What a carer link holds, as facts: who, how, the times, and the name as the sender typed it.
fn facts(copy: &CarerCopy) -> Html {
    html! {
        <dl class="keep-facts">
            <dt>{ WORDS.summary_for }</dt>
            <dd>{ who_words(copy.person) }</dd>
            if !copy.name.is_empty() {
                <dt>{ WORDS.received_name }</dt>
                <dd><q><bdi>{ copy.name.clone() }</bdi></q></dd>
            }
            <dt>{ WORDS.summary_form }</dt>
            <dd>{ form_words(copy.form) }</dd>
            <dt>{ WORDS.summary_times }</dt>
            <dd>{ times_words(copy.schedule.times()) }</dd>
        </dl>
    }
}

fn ask(copy: &CarerCopy, state: &State, d: &Dispatch) -> Html {
    let question = match (&state.doses, state.keep) {
        // Saved times would be replaced: say so, with them (attack review B7).
        (Some(saved), true) => fill(WORDS.received_replace, "time", &times_words(&saved.times)),
        _ => WORDS.received_keep.to_string(),
    };
    html! {
        <section class="result keep-screen" aria-labelledby="keep-received-title">
            <h2 id="keep-received-title">{ WORDS.received_heading }</h2>
            <p>{ WORDS.received_intro }</p>
            { facts(copy) }
            <p>{ fill(WORDS.summary_entered, "date", &date_words(copy.entered)) }</p>
            <p>{ WORDS.never_double }{ " " }<Citations ids={WORDS.never_double_sources} /></p>
            <p id="keep-received-question">{ question }</p>
            <div class="keep-actions" role="group" aria-labelledby="keep-received-question">
                <button type="button" class="button" onclick={on(d, |_: MouseEvent| Action::Answer { keep: true })}>
                    { WORDS.received_keep_yes }
                </button>
                <button type="button" class="button button--secondary"
                    onclick={on(d, |_: MouseEvent| Action::Answer { keep: false })}>
                    { WORDS.received_keep_no }
                </button>
            </div>
        </section>
    }
}

/// The card for a carer link, if the page was opened with one.
pub fn received(state: &State, d: &Dispatch) -> Html {
    match &state.received {
        Received::Nothing | Received::Kept => html! {},
        Received::Refused(message) => html! {
            <div class="callout callout--warning keep-screen" role="alert"><p>{ *message }</p></div>
        },
        Received::Ask(copy) => ask(copy, state, d),
        Received::Shown(copy, _) => html! {
            <section class="result keep-screen" aria-labelledby="keep-received-title">
                <h2 id="keep-received-title">{ WORDS.received_heading }</h2>
                { facts(copy) }
            </section>
        },
    }
}
