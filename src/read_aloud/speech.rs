//! The browser's own speech (`speechSynthesis`): one utterance a sentence, so the sentence being
//! said can be highlighted and scrolled into view, and pause, resume, stop and the speed act at
//! once. Nothing leaves the device: no network, no third party.

use crate::browser::{document, window};
use crate::read_aloud::page::Sentence;
use js_sys::{Array, Function, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance};

/// The class on the block being read, and the name of the sentence's highlight (style/app.css).
pub const CURRENT_CLASS: &str = "read-aloud-current";
pub const HIGHLIGHT: &str = "read-aloud";
/// The slower speed (1 is the voice's normal speed).
const SLOW_RATE: f32 = 0.7;

/// What the reader tells its control.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// Saying sentence `n`.
    Sentence(usize),
    Finished,
    /// The browser refused to speak.
    Failed,
}

/// The browser's speech, if it has one.
pub fn synthesis() -> Option<SpeechSynthesis> {
    let value = Reflect::get(&window(), &JsValue::from_str("speechSynthesis")).ok()?;
    if value.is_undefined() || value.is_null() {
        return None;
    }
    // Not checked with `instanceof`: the object is the browser's own (or a test's spy).
    Some(value.unchecked_into())
}

/// The page's language ("en"), from `<html lang>`.
pub fn page_language() -> String {
    document().document_element().and_then(|e| e.get_attribute("lang")).unwrap_or_else(|| "en".into())
}

/// Whether the browser has a voice for `language` ("en" matches "en-GB"). Each utterance is given
/// the page's language, and the browser picks its own voice for it.
pub fn has_voice_for(synthesis: &SpeechSynthesis, language: &str) -> bool {
    let language = language.to_ascii_lowercase();
    let primary = language.split('-').next().unwrap_or_default().to_string();
    synthesis.get_voices().iter().any(|voice| {
        let lang = Reflect::get(&voice, &"lang".into()).ok().and_then(|l| l.as_string()).unwrap_or_default();
        let lang = lang.to_ascii_lowercase().replace('_', "-");
        lang == language || lang.split('-').next() == Some(primary.as_str())
    })
}

/// Something to run once, later.
type Pending = Box<dyn FnOnce()>;

/// Runs `then` once the browser's voice list is known: at once if it has voices, else when it
/// says the list changed, or after a short wait (some browsers never say).
pub fn when_voices_known(synthesis: &SpeechSynthesis, then: impl FnOnce() + 'static) {
    if synthesis.get_voices().length() > 0 {
        then();
        return;
    }
    let then: Rc<RefCell<Option<Pending>>> = Rc::new(RefCell::new(Some(Box::new(then))));
    let run = {
        let then = then.clone();
        move || {
            if let Some(then) = then.borrow_mut().take() {
                then();
            }
        }
    };
    let on_change = Closure::once_into_js(run.clone());
    let _ = synthesis.add_event_listener_with_callback("voiceschanged", on_change.unchecked_ref());
    let later = Closure::once_into_js(run);
    let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), 1500);
}

/// Shows which sentence is being said: a highlight over its words (where the browser has the CSS
/// Custom Highlight API), a mark on its block, and the block scrolled into view.
fn show(sentence: Option<&Sentence>) {
    if let Ok(marked) = document().query_selector_all(&format!(".{CURRENT_CLASS}")) {
        for i in 0..marked.length() {
            if let Some(element) = marked.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                let _ = element.class_list().remove_1(CURRENT_CLASS);
            }
        }
    }
    let registry = Reflect::get(&window(), &"CSS".into())
        .and_then(|css| Reflect::get(&css, &"highlights".into()))
        .ok()
        .filter(|r| !r.is_undefined());
    let call = |method: &str, args: &Array| {
        if let Some(registry) = &registry {
            if let Ok(f) = Reflect::get(registry, &method.into()).and_then(|f| f.dyn_into::<Function>()) {
                let _ = f.apply(registry, args);
            }
        }
    };
    let Some(sentence) = sentence else {
        call("delete", &Array::of1(&HIGHLIGHT.into()));
        return;
    };
    let _ = sentence.block.class_list().add_1(CURRENT_CLASS);
    let constructor =
        Reflect::get(&window(), &"Highlight".into()).ok().and_then(|c| c.dyn_into::<Function>().ok());
    match (&sentence.range, constructor) {
        (Some(range), Some(constructor)) => {
            if let Ok(highlight) = Reflect::construct(&constructor, &Array::of1(range)) {
                call("set", &Array::of2(&HIGHLIGHT.into(), &highlight));
            }
        }
        _ => call("delete", &Array::of1(&HIGHLIGHT.into())),
    }
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    sentence.block.scroll_into_view_with_scroll_into_view_options(&options);
}

/// The reader: the sentences, where it is, and the speed.
pub struct Reader {
    synthesis: SpeechSynthesis,
    language: String,
    sentences: Vec<Sentence>,
    index: usize,
    /// Bumped by stop and by a change of speed, so the end of an utterance that was cut off is
    /// not taken for the end of the current one.
    generation: u32,
    slow: bool,
    on_event: Rc<dyn Fn(Event)>,
}

pub type Shared = Rc<RefCell<Reader>>;

impl Reader {
    pub fn new(synthesis: SpeechSynthesis, language: String, on_event: Rc<dyn Fn(Event)>) -> Shared {
        Rc::new(RefCell::new(Reader {
            synthesis,
            language,
            sentences: Vec::new(),
            index: 0,
            generation: 0,
            slow: false,
            on_event,
        }))
    }
}

/// Says the sentence the reader is at, then the next, to the end.
fn say_current(reader: &Shared) {
    let (utterance, generation, index, on_event) = {
        let r = reader.borrow();
        let Some(sentence) = r.sentences.get(r.index) else { return };
        show(Some(sentence));
        let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(&sentence.speech) else { return };
        utterance.set_lang(&r.language);
        utterance.set_rate(if r.slow { SLOW_RATE } else { 1.0 });
        (utterance, r.generation, r.index, r.on_event.clone())
    };
    let on_end = {
        let reader = reader.clone();
        Closure::once_into_js(move || {
            let more = {
                let mut r = reader.borrow_mut();
                if r.generation != generation {
                    return;
                }
                r.index += 1;
                r.index < r.sentences.len()
            };
            if more {
                say_current(&reader);
            } else {
                show(None);
                let on_event = reader.borrow().on_event.clone();
                on_event(Event::Finished);
            }
        })
    };
    let on_error = {
        let reader = reader.clone();
        Closure::once_into_js(move |event: JsValue| {
            let error =
                Reflect::get(&event, &"error".into()).ok().and_then(|e| e.as_string()).unwrap_or_default();
            let current = reader.borrow().generation == generation;
            // "interrupted" and "canceled" are this reader's own stop or change of speed.
            if current && error != "interrupted" && error != "canceled" {
                reader.borrow_mut().generation += 1;
                show(None);
                let on_event = reader.borrow().on_event.clone();
                on_event(Event::Failed);
            }
        })
    };
    utterance.set_onend(Some(on_end.unchecked_ref()));
    utterance.set_onerror(Some(on_error.unchecked_ref()));
    on_event(Event::Sentence(index));
    reader.borrow().synthesis.speak(&utterance);
}

/// Starts reading `sentences` from the first.
pub fn start(reader: &Shared, sentences: Vec<Sentence>) {
    {
        let mut r = reader.borrow_mut();
        r.generation += 1;
        r.synthesis.cancel();
        // A browser left paused would hold the new sentences back.
        r.synthesis.resume();
        r.sentences = sentences;
        r.index = 0;
    }
    if reader.borrow().sentences.is_empty() {
        let on_event = reader.borrow().on_event.clone();
        on_event(Event::Finished);
        return;
    }
    say_current(reader);
}

pub fn pause(reader: &Shared) {
    reader.borrow().synthesis.pause();
}

pub fn resume(reader: &Shared) {
    reader.borrow().synthesis.resume();
}

/// Stops and forgets where it was.
pub fn stop(reader: &Shared) {
    let mut r = reader.borrow_mut();
    r.generation += 1;
    r.synthesis.cancel();
    r.synthesis.resume();
    r.index = 0;
    show(None);
}

/// Slower or normal speed; a sentence being said starts again at the new speed.
pub fn set_slow(reader: &Shared, slow: bool, speaking: bool) {
    {
        let mut r = reader.borrow_mut();
        r.slow = slow;
        if !speaking {
            return;
        }
        r.generation += 1;
        r.synthesis.cancel();
    }
    say_current(reader);
}
