//! The read-aloud control, a Yew island (`src/bin/read_aloud.rs`), loaded only when a person
//! presses the page's prerendered "Read aloud" button: it reads at once, then offers pause or
//! resume, stop, and slower or normal speed. Where the browser has no speech, or no voice for
//! the page's language, it says so. With a helper's answer on the page, it reads the answer.

use crate::content::ui::read_aloud as words;
use crate::read_aloud::page::{call_numbers, read};
use crate::read_aloud::speech::{self, Event, Shared};
use crate::read_aloud::text::content_numbers;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Where the prerendered button and the island live (the page's `Read aloud` group).
pub const CONTROL_ID: &str = "read-aloud";
pub const ISLAND_ID: &str = "read-aloud-island";
/// A helper's answer, read on its own when it is on screen: the symptom checker's care card and
/// the missed-dose helper's result.
const ANSWER: &str = "#red-flag-tool .care-card, #missed-dose-tool .result";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Starting,
    Reading,
    Paused,
    Stopped,
    Finished,
    NoSpeech,
    NoVoice,
}

/// The reader's country, for the blocks true in one country only: the clinic's choice (set on
/// `<html data-region>` by the settings), else the device's time zone.
fn reader_region() -> Option<String> {
    let root = crate::browser::document().document_element()?;
    root.get_attribute("data-region").or_else(|| {
        crate::settings::region_for_time_zone(&crate::browser::time_zone()).map(|r| r.id.to_string())
    })
}

/// The sentences to read now: a helper's answer if one is on screen, else the page's main text.
fn sentences_now() -> Vec<speech_page::Sentence> {
    let document = crate::browser::document();
    let visible = |e: &web_sys::Element| e.get_client_rects().length() > 0;
    let answer = document.query_selector(ANSWER).ok().flatten().filter(visible);
    let Some(root) = answer.or_else(|| document.query_selector("main").ok().flatten()) else {
        return Vec::new();
    };
    let mut numbers = content_numbers();
    numbers.extend(call_numbers(&root));
    let region = reader_region();
    read(&root, region.as_deref().filter(|r| matches!(*r, "uk" | "us")), &numbers)
}

use crate::read_aloud::page as speech_page;

#[component]
pub fn ReadAloud() -> Html {
    let status = use_state(|| Status::Starting);
    let slow = use_state(|| false);
    let reader = use_mut_ref(|| None::<Shared>);
    let first = use_node_ref();
    let said = use_node_ref();

    // No speech or no voice: the message takes the focus the pressed button had.
    {
        let said = said.clone();
        use_effect_with(*status, move |status| {
            if matches!(status, Status::NoSpeech | Status::NoVoice) {
                if let Some(message) = said.cast::<web_sys::HtmlElement>() {
                    let _ = message.focus();
                }
            }
        });
    }

    // On mount: find the browser's speech and a voice, then read at once (the person pressed
    // "Read aloud" to load this).
    {
        let (status, reader, first) = (status.setter(), reader.clone(), first.clone());
        use_effect_with((), move |_| {
            if let Some(button) = first.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
            match speech::synthesis() {
                None => status.set(Status::NoSpeech),
                Some(synthesis) => {
                    let waiting = synthesis.clone();
                    speech::when_voices_known(&waiting, move || {
                        let language = speech::page_language();
                        if !speech::has_voice_for(&synthesis, &language) {
                            status.set(Status::NoVoice);
                            return;
                        }
                        let on_event: Rc<dyn Fn(Event)> = {
                            let status = status.clone();
                            Rc::new(move |event| match event {
                                Event::Sentence(_) => status.set(Status::Reading),
                                Event::Finished => status.set(Status::Finished),
                                Event::Failed => status.set(Status::NoSpeech),
                            })
                        };
                        let shared = speech::Reader::new(synthesis, language, on_event);
                        *reader.borrow_mut() = Some(shared.clone());
                        speech::start(&shared, sentences_now());
                    });
                }
            }
        });
    }

    let with_reader = {
        let reader = reader.clone();
        move |f: Rc<dyn Fn(&Shared)>| {
            let reader = reader.clone();
            move || {
                if let Some(shared) = reader.borrow().as_ref() {
                    f(shared);
                }
            }
        }
    };
    let main_action = {
        let status_now = *status;
        let status = status.setter();
        let act = with_reader(Rc::new(move |shared: &Shared| match status_now {
            Status::Reading => {
                speech::pause(shared);
                status.set(Status::Paused);
            }
            Status::Paused => {
                speech::resume(shared);
                status.set(Status::Reading);
            }
            _ => speech::start(shared, sentences_now()),
        }));
        Callback::from(move |_: MouseEvent| act())
    };
    let on_stop = {
        let status = status.setter();
        let act = with_reader(Rc::new(move |shared: &Shared| {
            speech::stop(shared);
            status.set(Status::Stopped);
        }));
        Callback::from(move |_: MouseEvent| act())
    };
    let speed = |to_slow: bool| {
        let (slow_state, speaking) = (slow.clone(), *status == Status::Reading);
        let act = with_reader(Rc::new(move |shared: &Shared| speech::set_slow(shared, to_slow, speaking)));
        Callback::from(move |_: MouseEvent| {
            slow_state.set(to_slow);
            act();
        })
    };

    let message = match *status {
        Status::Starting => "",
        Status::Reading => words::READING,
        Status::Paused => words::PAUSED,
        Status::Stopped => words::STOPPED,
        Status::Finished => words::FINISHED,
        Status::NoSpeech => words::NO_SPEECH,
        Status::NoVoice => words::NO_VOICE,
    };
    let unavailable = matches!(*status, Status::NoSpeech | Status::NoVoice);
    let main_label = match *status {
        Status::Reading | Status::Starting => words::PAUSE,
        Status::Paused => words::RESUME,
        _ => words::READ,
    };
    html! {
        <div class="read-aloud__controls">
            if !unavailable {
                <button type="button" class="button button--secondary" ref={first} onclick={main_action}>{ main_label }</button>
                if matches!(*status, Status::Reading | Status::Paused | Status::Starting) {
                    <button type="button" class="button button--secondary" onclick={on_stop}>{ words::STOP }</button>
                }
                <span class="read-aloud__speed" role="group" aria-label={words::SPEED}>
                    <button type="button" class="button button--secondary" aria-pressed={(*slow).to_string()} onclick={speed(true)}>{ words::SLOWER }</button>
                    <button type="button" class="button button--secondary" aria-pressed={(!*slow).to_string()} onclick={speed(false)}>{ words::NORMAL }</button>
                </span>
            }
            <p class="read-aloud__status" role="status" tabindex="-1" ref={said}>{ message }</p>
        </div>
    }
}

/// The control as prerendered on every page: a button that `start.js` shows (it needs
/// JavaScript) and that fetches this island when pressed, the island's place, and the message
/// shown if the island cannot be fetched.
pub fn prerendered() -> Html {
    html! {
        <div class="read-aloud" id={CONTROL_ID} role="group" aria-label={words::READ}>
            <button type="button" class="button button--secondary read-aloud__start" data-read-aloud="" hidden=true>
                <svg class="read-aloud__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
                    <path d="M4 9h4l5-4v14l-5-4H4z" />
                    <path d="M16 9a4 4 0 0 1 0 6m2.5-8.5a7.5 7.5 0 0 1 0 11" />
                </svg>
                { words::READ }
            </button>
            <div id={ISLAND_ID}></div>
            <p class="read-aloud__failed" hidden=true>{ words::FAILED }</p>
        </div>
    }
}

/// The module's start: the island in its place, the prerendered button hidden (the island's
/// first button takes the focus).
pub fn mount() {
    let document = crate::browser::document();
    let Some(island) = document.get_element_by_id(ISLAND_ID) else { return };
    if let Ok(Some(button)) = document.query_selector(&format!("#{CONTROL_ID} [data-read-aloud]")) {
        if let Some(button) = button.dyn_ref::<web_sys::HtmlElement>() {
            button.set_hidden(true);
        }
    }
    yew::Renderer::<ReadAloud>::with_root(island).render();
}
