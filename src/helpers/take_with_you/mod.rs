//! "Take it with you" (#19): My doses, a calendar file, a printable summary for the appointment
//! and a carer's link with a QR code, all made on the device. Words come from
//! `content/keep.toml` (`crate::keep::content::WORDS`); times are checked by the missed-dose
//! helper's own form code, so both accept the same schedules, and both read and write the one
//! schedule record (`crate::schedule_record`).
//!
//! `state.rs` is the pure reducer; `doses.rs`, `received.rs`, `outputs.rs` and `summary.rs` the
//! views. Storage, downloads, the clipboard and printing happen in handlers and effects here.
//! The screen-reader contract: each result is one short sentence in the live region that is
//! always in the page (`#keep-notice`); the error summary takes focus instead (never both); the
//! kept answers are a keyed list, and removing one moves focus to the list's heading. "Use these
//! times" moves focus to the calendar's heading (the first part that became ready: it names the
//! part) and the live region says the one sentence of what happened ("Your times are ready
//! below."), so the two never repeat each other. A failed share (not a cancelled one) is one
//! sentence in the same live region.
//!
//! (The module, the element id `keep-tool` and the CSS classes keep the name `keep`: they are
//! named in content, styles and tests; the helper's code is `take_with_you`.)

pub mod doses;
pub mod outputs;
pub mod received;
pub mod state;
pub mod summary;

use crate::helpers::page_tools::use_page_tool_guard;
use crate::keep::content::WORDS;
use crate::keep::device;
use crate::settings::SharedSettings;
use state::{Action, State};
use yew::prelude::*;

/// The element the module renders into (the page's `helper` block with `module = "keep"`).
pub const TAKE_WITH_YOU_ISLAND: &str = "keep-tool";

#[derive(Properties, PartialEq, Default)]
pub struct TakeWithYouProps {
    #[prop_or_default]
    pub settings: SharedSettings,
    /// Called once, when the device's state is read and the form is whole.
    #[prop_or_default]
    pub on_shown: Callback<()>,
}

pub type Dispatch = UseReducerDispatcher<State>;

/// A callback that dispatches the action `f` makes of the event.
pub fn on<E: 'static>(d: &Dispatch, f: impl Fn(E) -> Action + 'static) -> Callback<E> {
    let d = d.clone();
    Callback::from(move |e| d.dispatch(f(e)))
}

/// Focuses the element (a focus target with `tabindex="-1"`) and scrolls it into view.
pub fn focus(node: &NodeRef) {
    if let Some(element) = node.cast::<web_sys::HtmlElement>() {
        let _ = element.focus();
        element.scroll_into_view();
    }
}

/// Reads what this device kept and the address's carer link, once, after the first render.
#[hook]
fn use_start(state: &UseReducerHandle<State>, on_shown: Callback<()>) {
    let dispatch = state.dispatcher();
    use_effect_with((), move |_| {
        let loaded = device::load();
        dispatch.dispatch(Action::Start {
            loaded,
            fragment: device::fragment(),
            page: device::page_address(),
            today: device::today(),
        });
    });
    use_effect_with(state.started, move |&started| {
        if started {
            on_shown.emit(());
        }
    });
}

#[component]
pub fn TakeWithYou(props: &TakeWithYouProps) -> Html {
    let state = use_reducer(State::default);
    let section = use_node_ref();
    let errors_ref = use_node_ref();
    let kept_ref = use_node_ref();
    let ready_ref = use_node_ref();
    let generation = use_page_tool_guard(section.clone());
    use_start(&state, props.on_shown.clone());
    {
        // The doses are stored when the reducer asks (the person ticked "keep"): once per request.
        let (dispatch, doses) = (state.dispatcher(), state.doses.clone());
        use_effect_with(state.save_request, move |&asked| {
            if let (true, Some(doses)) = (asked > 0, doses) {
                dispatch.dispatch(Action::Saved(device::save_doses(&doses)));
            }
        });
    }
    {
        let errors_ref = errors_ref.clone();
        use_effect_with(state.show_errors, move |&shown| {
            if shown > 0 {
                focus(&errors_ref);
            }
        });
    }
    {
        let kept_ref = kept_ref.clone();
        use_effect_with(state.removed, move |&removed| {
            if removed > 0 {
                focus(&kept_ref);
            }
        });
    }
    {
        // The times are ready: focus moves to the first part that became ready (the calendar's
        // heading). The live region still says "Your times are ready below." once: the heading
        // names the part, the sentence what happened, so nothing is said twice.
        let ready_ref = ready_ref.clone();
        use_effect_with(state.ready, move |&ready| {
            if ready > 0 {
                focus(&ready_ref);
            }
        });
    }
    let dispatch = state.dispatcher();
    let on_clear = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            device::clear_everything();
            dispatch.dispatch(Action::Cleared);
        })
    };
    let link = use_memo((state.doses.clone(), state.page.clone()), |_| state.carer_link());

    html! {
        <ContextProvider<SharedSettings> context={props.settings.clone()}>
            <div key={generation} ref={section} class="keep">
                { received::received(&state, &dispatch) }
                <p id="keep-notice" class="notice keep-screen" role="status">{ state.notice.unwrap_or_default() }</p>
                <section class="helper keep-screen" aria-labelledby="keep-doses-title">
                    <h2 id="keep-doses-title">{ WORDS.doses_heading }</h2>
                    <p>{ WORDS.doses_intro }</p>
                    { doses::error_summary(&state, errors_ref) }
                    { doses::doses_form(&state, &dispatch) }
                    <p>
                        <button type="button" class="button button--secondary" id="keep-clear" onclick={on_clear}>
                            { WORDS.clear }
                        </button>
                    </p>
                </section>
                { outputs::calendar(&state, &dispatch, ready_ref) }
                <summary::Summary doses={state.doses.clone()} kept={state.kept.clone()} {dispatch} heading={kept_ref} />
                <outputs::CarerPart link={(*link).clone().map(AttrValue::from)} copied={state.copied} dispatch={state.dispatcher()} missing={outputs::missing(&state)} />
            </div>
        </ContextProvider<SharedSettings>>
    }
}

/// Shows the helper in `root` (its placeholder, whose static content it replaces). For tests
/// and the module's start ([`crate::mount::island`] does the same).
pub fn mount(root: web_sys::Element, settings: SharedSettings) -> yew::AppHandle<TakeWithYou> {
    yew::Renderer::<TakeWithYou>::with_root_and_props(
        root,
        TakeWithYouProps { settings, on_shown: Callback::noop() },
    )
    .render()
}
