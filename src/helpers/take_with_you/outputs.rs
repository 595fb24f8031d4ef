//! What leaves the page with the person: the calendar file (a download made on the device) and
//! the carer's link with its QR code (copied, or read from the screen). Nothing is sent.

use super::state::{calendar_file, Action, State};
use super::{on, Dispatch};
use crate::keep::content::{fill, WORDS};
use crate::keep::device;
use yew::prelude::*;

/// What stands in for the calendar or the link when there are no times: the pump's note, or
/// "enter your times first".
pub fn missing(state: &State) -> &'static str {
    if state.doses.is_some() {
        WORDS.pump_note
    } else {
        WORDS.needs_times
    }
}

fn title_choice(id: &'static str, checked: bool, label: &'static str, onchange: Callback<Event>) -> Html {
    html! {
        <div class="choice">
            <input type="radio" name="keep-title" {id} {checked} {onchange} />
            <label for={id}>{ label }</label>
        </div>
    }
}

/// "Add the times to your calendar": the title, the download and what it made. Its heading
/// (`heading`) takes focus after "Use these times": it is the first part that became ready.
pub fn calendar(state: &State, d: &Dispatch, heading: NodeRef) -> Html {
    let part = match state.doses.as_ref().filter(|doses| !doses.times.is_empty()) {
        Some(doses) => {
            let named = doses.named_title;
            let on_download = {
                let (doses, d) = (doses.clone(), d.clone());
                Callback::from(move |_: MouseEvent| {
                    let text = calendar_file(&doses, device::today(), device::now());
                    if device::download(WORDS.file_name, "text/calendar;charset=utf-8", &text) {
                        d.dispatch(Action::Downloaded);
                    }
                })
            };
            html! {
                <>
                    <fieldset class="field">
                        <legend>{ WORDS.title_legend }</legend>
                        <p class="hint">{ WORDS.title_hint }</p>
                        { title_choice("title-plain", !named, WORDS.title_plain, on(d, |_: Event| Action::Title(false))) }
                        { title_choice("title-named", named, WORDS.title_named, on(d, |_: Event| Action::Title(true))) }
                    </fieldset>
                    <p>
                        <button type="button" class="button" id="keep-download" onclick={on_download}>{ WORDS.download }</button>
                    </p>
                    <p class="notice" role="status">
                        if state.downloaded { { fill(WORDS.downloaded, "file", WORDS.file_name) } }
                    </p>
                    <p>{ WORDS.stale_warning }</p>
                </>
            }
        }
        None => html! { <p>{ missing(state) }</p> },
    };
    html! {
        <section class="helper keep-screen" aria-labelledby="keep-calendar-title">
            <h2 id="keep-calendar-title" tabindex="-1" ref={heading}>{ WORDS.calendar_heading }</h2>
            <p>{ WORDS.calendar_intro }</p>
            <p>{ WORDS.calendar_same_clock }</p>
            <p>{ WORDS.travel }</p>
            { part }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct QrProps {
    pub text: AttrValue,
}

/// The QR code as SVG rectangles (one per run of dark modules), drawn on the device. A
/// component, so the matrix is worked out again only when the link changes (not on every
/// keystroke in the form).
#[component]
pub fn QrCode(props: &QrProps) -> Html {
    let Some(matrix) = baclofen_logic::qr::matrix(&props.text) else {
        return html! {};
    };
    let quiet = baclofen_logic::qr::QUIET_ZONE;
    let side = (matrix.size + 2 * quiet).to_string();
    let view_box = ["0 0 ", &side, " ", &side].concat();
    html! {
        <svg class="keep-qr" xmlns="http://www.w3.org/2000/svg" viewBox={view_box} role="img"
            aria-label={WORDS.qr_label} shape-rendering="crispEdges" width="200" height="200">
            <rect width={side.clone()} height={side} fill="#fff" />
            { for matrix.dark_runs().into_iter().map(|(x, y, w)| html! {
                <rect x={(x + quiet).to_string()} y={(y + quiet).to_string()} width={w.to_string()} height="1" fill="#000" />
            }) }
        </svg>
    }
}

#[derive(Properties, PartialEq)]
pub struct CarerProps {
    pub link: Option<AttrValue>,
    pub copied: Option<bool>,
    pub dispatch: Dispatch,
    pub missing: &'static str,
}

/// "Share with a carer": the link, "Copy the link", "Share the link" (only where the browser has
/// a share sheet), and the QR code.
#[component]
pub fn CarerPart(props: &CarerProps) -> Html {
    let part = match &props.link {
        Some(link) => {
            let on_copy = {
                let (link, d) = (link.clone(), props.dispatch.clone());
                Callback::from(move |_: MouseEvent| d.dispatch(Action::Copied(device::copy_text(&link))))
            };
            let on_share = {
                let (link, d) = (link.clone(), props.dispatch.clone());
                Callback::from(move |_: MouseEvent| {
                    let d = d.clone();
                    device::share(WORDS.share_title, WORDS.share_text, &link, move || {
                        d.dispatch(Action::ShareFailed)
                    });
                })
            };
            html! {
                <>
                    <div class="field">
                        <label for="keep-carer-link">{ WORDS.carer_link_label }</label>
                        <input type="text" id="keep-carer-link" readonly=true value={link.clone()} />
                    </div>
                    <p>
                        <button type="button" class="button button--secondary" id="keep-copy" onclick={on_copy}>
                            { WORDS.copy_link }
                        </button>
                        if device::can_share() {
                            { " " }
                            <button type="button" class="button button--secondary" id="keep-share" onclick={on_share}>
                                { WORDS.share_link }
                            </button>
                        }
                    </p>
                    <p class="notice" role="status">
                        if props.copied == Some(true) { { WORDS.copied } }
                    </p>
                    <figure class="keep-qr-figure">
                        <QrCode text={link.clone()} />
                        <figcaption>{ WORDS.qr_hint }</figcaption>
                    </figure>
                </>
            }
        }
        None => html! { <p>{ props.missing }</p> },
    };
    html! {
        <section class="helper keep-screen" aria-labelledby="keep-carer-title">
            <h2 id="keep-carer-title">{ WORDS.carer_heading }</h2>
            <p>{ WORDS.carer_intro }</p>
            { part }
        </section>
    }
}
