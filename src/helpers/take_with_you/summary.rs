//! The summary for the appointment (printed alone, one page): the doses, the answers kept for
//! the appointment (a keyed list: "Remove" takes away that answer and no other), questions to
//! ask, the clinic's numbers and the content version.

use super::state::{form_words, times_words, who_words, Action};
use super::Dispatch;
use crate::components::call::{clinic_contacts_html, use_settings};
use crate::content::SITE;
use crate::keep::content::{date_words, fill, QUESTIONS, WORDS};
use crate::keep::device;
use crate::keep::record::{Doses, Kept, KeptKind};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub doses: Option<Doses>,
    pub kept: Vec<(u32, Kept)>,
    pub dispatch: Dispatch,
    /// The kept answers' heading: focus goes there after a removal.
    pub heading: NodeRef,
}

fn doses_part(doses: Option<&Doses>) -> Html {
    let Some(doses) = doses else {
        return html! { <p>{ WORDS.needs_times }</p> };
    };
    let who = if doses.name.is_empty() {
        html! { { who_words(doses.person) } }
    } else {
        html! { <><bdi>{ doses.name.clone() }</bdi>{ " (" }{ who_words(doses.person) }{ ")" }</> }
    };
    html! {
        <>
            <dl class="keep-facts">
                <dt>{ WORDS.summary_for }</dt>
                <dd>{ who }</dd>
                <dt>{ WORDS.summary_form }</dt>
                <dd>{ form_words(doses.form) }</dd>
                if !doses.times.is_empty() {
                    <dt>{ WORDS.summary_times }</dt>
                    <dd>{ times_words(&doses.times) }</dd>
                }
            </dl>
            <p>{ fill(WORDS.summary_entered, "date", &date_words(doses.entered)) }</p>
        </>
    }
}

fn kept_item(key: u32, kept: &Kept, all: &[(u32, Kept)], d: &Dispatch) -> Html {
    let (date, time) = device::local(kept.at);
    let kind = match kept.kind {
        KeptKind::Missed => WORDS.kept_missed,
        KeptKind::Symptoms => WORDS.kept_symptoms,
    };
    let rest: Vec<Kept> = all.iter().filter(|(k, _)| *k != key).map(|(_, kept)| kept.clone()).collect();
    let d = d.clone();
    let on_remove = Callback::from(move |_: MouseEvent| {
        // Stored first; the list on screen follows what the device keeps.
        let _ = device::save_kept(&rest);
        d.dispatch(Action::RemoveKept(key));
    });
    html! {
        <li key={key}>
            <strong>{ kind }{ ", " }{ date_words(date) }{ " " }{ time.to_string() }{ ": " }{ kept.level.clone() }</strong>
            if !kept.detail.is_empty() { { " " }{ kept.detail.clone() } }
            { " " }
            <button type="button" class="button button--link keep-screen" onclick={on_remove}>{ WORDS.kept_remove }</button>
        </li>
    }
}

#[component]
pub fn Summary(props: &SummaryProps) -> Html {
    let settings = use_settings();
    let kept = if props.kept.is_empty() {
        html! { <p>{ WORDS.summary_kept_none }</p> }
    } else {
        html! {
            <ul class="keep-kept">
                { for props.kept.iter().map(|(key, kept)| kept_item(*key, kept, &props.kept, &props.dispatch)) }
            </ul>
        }
    };
    let clinic = if settings.clinic_phone.is_none() && settings.out_of_hours().is_none() {
        html! { <p>{ WORDS.summary_clinic_none }</p> }
    } else {
        clinic_contacts_html(&settings)
    };
    let version =
        fill(&fill(WORDS.summary_version, "version", SITE.content_version), "date", SITE.checked_on);
    html! {
        <section class="keep-summary" aria-labelledby="keep-summary-title">
            <h2 id="keep-summary-title" class="keep-screen">{ WORDS.summary_heading }</h2>
            <p class="keep-screen">{ WORDS.summary_intro }</p>
            <p class="keep-screen">
                <button type="button" class="button" id="keep-print" onclick={|_: MouseEvent| device::print()}>
                    { WORDS.print }
                </button>
            </p>
            <p class="hint keep-screen">{ WORDS.print_hint }</p>
            <article class="keep-sheet" aria-label={WORDS.summary_title}>
                <h3>{ WORDS.summary_title }</h3>
                { doses_part(props.doses.as_ref()) }
                <h4 ref={props.heading.clone()} tabindex="-1">{ WORDS.summary_kept_heading }</h4>
                { kept }
                <h4>{ WORDS.summary_questions_heading }</h4>
                <ul>{ for QUESTIONS.iter().map(|q| html! { <li key={*q}>{ *q }</li> }) }</ul>
                <h4>{ WORDS.summary_clinic_heading }</h4>
                { clinic }
                <p class="keep-version">{ version }</p>
                <p class="keep-version">{ SITE.disclaimer }</p>
            </article>
        </section>
    }
}
