//! "Take it with you" (#19): My doses, a calendar file, a printable summary for the
//! appointment and a carer's link with a QR code, all made on the device. Words come from
//! `content/keep.toml` (`crate::keep::content::WORDS`); times are checked by the missed-dose
//! helper's own form code (`crate::missed_dose::form`), so both accept the same schedules.
//!
//! Nothing is stored unless the person ticks "keep on this device"; one button clears
//! everything. A carer link is read from the `#` part only, shown, and kept only if the person
//! says yes; a damaged or changed link shows why and changes nothing. Text from a link or from
//! storage is only ever shown as text (never HTML).

use crate::components::call::clinic_contacts;
use crate::components::citations::citations;
use crate::content::SITE;
use crate::keep::content::{date_words, fill, link_error, QUESTIONS, WORDS};
use crate::keep::device;
use crate::keep::record::{Doses, Kept, KeptKind};
use crate::missed_dose::form::{self, Field, FieldError, Fields, Happened};
use crate::settings::SharedSettings;
use baclofen_logic::calendar::daily_reminders;
use baclofen_logic::carer_link::{self, CarerCopy};
use baclofen_logic::missed_dose::{Form, Person};
use baclofen_logic::schedule::Schedule;
use baclofen_logic::time::{ClockTime, Date};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The element the module renders into (the page's `helper` block with `module = "keep"`).
pub const KEEP_ISLAND: &str = "keep-tool";

#[derive(Clone, Debug, PartialEq)]
enum Received {
    Nothing,
    /// A carer link was opened: show it and ask before keeping anything.
    Ask(CarerCopy),
    Kept,
    Shown,
    /// A refused link: the message (nothing changed).
    Refused(&'static str),
}

#[derive(Clone, Debug, PartialEq)]
struct State {
    fields: Fields,
    name: String,
    errors: Vec<FieldError>,
    name_error: bool,
    /// The doses in use (after "Use these times", from storage, or from a carer link).
    doses: Option<Doses>,
    keep: bool,
    notice: Option<&'static str>,
    downloaded: bool,
    kept: Vec<Kept>,
    received: Received,
    copied: Option<bool>,
}

impl Default for State {
    fn default() -> Self {
        State {
            fields: Fields::default(),
            name: String::new(),
            errors: Vec::new(),
            name_error: false,
            doses: None,
            keep: false,
            notice: None,
            downloaded: false,
            kept: Vec::new(),
            received: Received::Nothing,
            copied: None,
        }
    }
}

enum Action {
    Start { loaded: device::Loaded, fragment: String },
    Person(Person),
    Form(Form),
    Count(usize),
    Time(u32, String),
    Name(String),
    UseTimes(Date),
    Keep(bool),
    Title(bool),
    Downloaded,
    Clear,
    Answer { keep: bool },
    Copied(bool),
    RemoveKept(usize),
}

fn fields_from(doses: &Doses) -> Fields {
    let mut fields = Fields::default();
    let times: Vec<String> = doses.times.iter().map(ClockTime::to_string).collect();
    fields.use_saved(doses.person, doses.form, &times);
    fields
}

impl State {
    fn save(&mut self) {
        if let (true, Some(doses)) = (self.keep, &self.doses) {
            self.notice = Some(if device::save_doses(doses) { WORDS.kept } else { WORDS.not_kept });
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        s.copied = None;
        match action {
            Action::Start { loaded, fragment } => {
                if let Some(doses) = loaded.doses {
                    s.fields = fields_from(&doses);
                    s.name = doses.name.clone();
                    s.doses = Some(doses);
                    s.keep = true;
                }
                s.kept = loaded.kept;
                s.notice = loaded.discarded.then_some(WORDS.discarded);
                if fragment.starts_with("#carer=") {
                    s.received = match carer_link::decode(&fragment, &crate::content::SCHEDULE_LIMITS) {
                        Ok(copy) => Received::Ask(copy),
                        Err(error) => Received::Refused(link_error(error.key())),
                    };
                }
            }
            Action::Person(person) => s.fields.person = Some(person),
            Action::Form(form) => {
                s.fields.form = Some(form);
                if form != Form::Pump && s.fields.times.is_empty() {
                    s.fields.set_count(1);
                }
            }
            Action::Count(n) => s.fields.set_count(n),
            Action::Time(key, value) => s.fields.set_time(key, value),
            Action::Name(name) => s.name = name,
            Action::UseTimes(today) => {
                // The missed-dose helper's own checks for who, how and the times (its "what
                // happened" and withdrawal questions do not apply here).
                let mut probe = s.fields.clone();
                probe.happened = Some(Happened::RanOut);
                probe.withdrawal = Some(false);
                let name = s.name.trim().to_owned();
                s.name_error = !crate::keep::record::name_ok(&name);
                match form::read(&probe) {
                    Ok((schedule, situation)) if !s.name_error => {
                        s.errors.clear();
                        let named_title = s.doses.as_ref().is_some_and(|d| d.named_title);
                        s.doses = Some(Doses {
                            person: situation.person,
                            form: situation.form,
                            times: schedule.map(|sc| sc.times().to_vec()).unwrap_or_default(),
                            named_title,
                            entered: today,
                            name,
                        });
                        s.downloaded = false;
                        s.notice = Some(WORDS.times_ready);
                        s.save();
                    }
                    Ok(_) => s.errors.clear(),
                    Err(errors) => s.errors = errors,
                }
            }
            Action::Keep(on) => {
                s.keep = on;
                if on {
                    s.save();
                } else {
                    device::forget_doses();
                    s.notice = None;
                }
            }
            Action::Title(named) => {
                if let Some(doses) = s.doses.as_mut() {
                    doses.named_title = named;
                }
                s.downloaded = false;
                s.save();
            }
            Action::Downloaded => s.downloaded = true,
            Action::Clear => {
                device::clear_everything();
                s = State { notice: Some(WORDS.cleared), ..State::default() };
            }
            Action::Answer { keep } => {
                if let Received::Ask(copy) = &s.received {
                    let doses = Doses {
                        person: copy.person,
                        form: copy.form,
                        times: copy.schedule.times().to_vec(),
                        named_title: false,
                        // The day the person entered the times, so an old schedule shows its age.
                        entered: copy.entered,
                        name: copy.name.clone(),
                    };
                    s.fields = fields_from(&doses);
                    s.name = doses.name.clone();
                    s.doses = Some(doses);
                    s.errors.clear();
                    s.keep = keep;
                    s.notice = None;
                    if keep {
                        s.save();
                    }
                    s.received = if keep { Received::Kept } else { Received::Shown };
                }
            }
            Action::Copied(ok) => s.copied = Some(ok),
            Action::RemoveKept(index) => {
                if index < s.kept.len() {
                    s.kept.remove(index);
                    let _ = device::save_kept(&s.kept);
                }
            }
        }
        Rc::new(s)
    }
}

fn radio(
    name: &'static str,
    id: &'static str,
    checked: bool,
    label: &'static str,
    pick: Callback<()>,
) -> Html {
    html! {
        <div class="choice">
            <input type="radio" {name} {id} {checked} onchange={pick.reform(|_| ())} />
            <label for={id}>{ label }</label>
        </div>
    }
}

fn error_for(errors: &[FieldError], field: Field) -> Option<&'static str> {
    errors.iter().find(|e| e.field == field).map(|e| e.message)
}

fn error_message(id: &str, message: Option<&'static str>) -> Html {
    match message {
        Some(message) => html! {
            <p class="field-error" id={[id, "-error"].concat()}><span class="visually-hidden">{"Error: "}</span>{ message }</p>
        },
        None => html! {},
    }
}

fn who_words(person: Person) -> &'static str {
    match person {
        Person::Adult => WORDS.who_words_adult,
        Person::Child => WORDS.who_words_child,
    }
}

fn form_words(form: Form) -> &'static str {
    match form {
        Form::Tablet => WORDS.form_tablet,
        Form::Liquid => WORDS.form_liquid,
        Form::Granules => WORDS.form_granules,
        Form::Pump => WORDS.form_pump,
    }
}

fn times_words(times: &[ClockTime]) -> String {
    times.iter().map(ClockTime::to_string).collect::<Vec<_>>().join(", ")
}

/// The calendar file for the doses: one daily event per time, the title the person chose, and a
/// note saying where the times came from and when.
pub fn calendar_file(doses: &Doses, now: baclofen_logic::time::Instant) -> String {
    let (title, note) = if doses.named_title {
        (WORDS.title_named, WORDS.note_named)
    } else {
        (WORDS.title_plain, WORDS.note_plain)
    };
    let note = fill(note, "date", &date_words(doses.entered));
    daily_reminders(&doses.times, title, doses.entered, now, &note)
}

/// The carer link for the doses (`None` for a pump, which has no times to share).
pub fn carer_link_for(doses: &Doses, page: &str) -> Option<String> {
    let schedule = Schedule::from_times(&doses.times, &crate::content::SCHEDULE_LIMITS).ok()?;
    let copy = CarerCopy {
        person: doses.person,
        form: doses.form,
        schedule,
        entered: doses.entered,
        name: doses.name.clone(),
    };
    carer_link::encode(&copy).ok().map(|fragment| [page, "#", &fragment].concat())
}

/// The QR code as SVG rectangles (one per run of dark modules), drawn on the device.
fn qr_svg(text: &str) -> Html {
    let Some(matrix) = baclofen_logic::qr::matrix(text) else {
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

#[derive(Properties, PartialEq, Default)]
pub struct KeepHelperProps {
    #[prop_or_default]
    pub settings: SharedSettings,
}

#[component]
pub fn KeepHelper(props: &KeepHelperProps) -> Html {
    let state = use_reducer(State::default);
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            dispatch.dispatch(Action::Start { loaded: device::load(), fragment: device::fragment() })
        });
    }
    let d = state.dispatcher();
    let act = |make: fn() -> Action| {
        let d = d.clone();
        Callback::from(move |()| d.dispatch(make()))
    };
    let fields = &state.fields;
    let errors = &state.errors;
    let pump = fields.form == Some(Form::Pump);
    let count = fields.times.len();

    let on_submit = {
        let d = d.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            d.dispatch(Action::UseTimes(device::today()));
        })
    };
    let on_count = {
        let d = d.clone();
        Callback::from(move |event: Event| {
            let n = event.target_unchecked_into::<HtmlSelectElement>().value().parse().unwrap_or(1);
            d.dispatch(Action::Count(n))
        })
    };
    let on_name = {
        let d = d.clone();
        Callback::from(move |event: InputEvent| {
            d.dispatch(Action::Name(event.target_unchecked_into::<HtmlInputElement>().value()))
        })
    };
    let on_keep = {
        let d = d.clone();
        Callback::from(move |event: Event| {
            d.dispatch(Action::Keep(event.target_unchecked_into::<HtmlInputElement>().checked()))
        })
    };
    let on_download = {
        let d = d.clone();
        let doses = state.doses.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(doses) = &doses {
                let text = calendar_file(doses, device::now());
                if device::download(WORDS.file_name, "text/calendar;charset=utf-8", &text) {
                    d.dispatch(Action::Downloaded);
                }
            }
        })
    };
    let answer = |keep: bool| {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Answer { keep }))
    };
    let person_pick = |p: Person| {
        let d = d.clone();
        Callback::from(move |()| d.dispatch(Action::Person(p)))
    };
    let form_pick = |f: Form| {
        let d = d.clone();
        Callback::from(move |()| d.dispatch(Action::Form(f)))
    };

    let time_inputs = fields.times.iter().enumerate().map(|(i, field)| {
        let key = field.key;
        let id = ["dose-time-", &key.to_string()].concat();
        let message = error_for(errors, Field::Time(key));
        let d = d.clone();
        let oninput = Callback::from(move |event: InputEvent| {
            d.dispatch(Action::Time(key, event.target_unchecked_into::<HtmlInputElement>().value()))
        });
        html! {
            <div class={classes!("field", "field--time", message.map(|_| "field--error"))} key={key}>
                <label for={id.clone()}>{ fill(WORDS.time_label, "n", &(i + 1).to_string()) }</label>
                { error_message(&id, message) }
                <input type="time" id={id.clone()} value={field.value.clone()} {oninput}
                    aria-invalid={message.map(|_| "true")}
                    aria-describedby={message.map(|_| [id.as_str(), "-error"].concat())} />
            </div>
        }
    });

    let received = match &state.received {
        Received::Nothing => html! {},
        Received::Refused(message) => html! {
            <div class="callout callout--warning keep-screen" role="alert"><p>{ *message }</p></div>
        },
        Received::Ask(copy) => html! {
            <section class="result keep-screen" aria-labelledby="keep-received-title">
                <h2 id="keep-received-title">{ WORDS.received_heading }</h2>
                <p>{ WORDS.received_intro }</p>
                <dl class="keep-facts">
                    if !copy.name.is_empty() {
                        <dt>{ WORDS.summary_for }</dt><dd><bdi>{ copy.name.clone() }</bdi>{" ("}{ who_words(copy.person) }{")"}</dd>
                    } else {
                        <dt>{ WORDS.summary_for }</dt><dd>{ who_words(copy.person) }</dd>
                    }
                    <dt>{ WORDS.summary_form }</dt><dd>{ form_words(copy.form) }</dd>
                    <dt>{ WORDS.summary_times }</dt><dd>{ times_words(copy.schedule.times()) }</dd>
                </dl>
                <p>{ fill(WORDS.summary_entered, "date", &date_words(copy.entered)) }</p>
                <p>{ WORDS.never_double }{" "}{ citations(WORDS.never_double_sources) }</p>
                <p id="keep-received-question">{ WORDS.received_keep }</p>
                <div class="keep-actions" role="group" aria-labelledby="keep-received-question">
                    <button type="button" class="button" onclick={answer(true)}>{ WORDS.received_keep_yes }</button>
                    <button type="button" class="button button--secondary" onclick={answer(false)}>{ WORDS.received_keep_no }</button>
                </div>
            </section>
        },
        Received::Kept => html! { <p class="notice keep-screen" role="status">{ WORDS.received_kept }</p> },
        Received::Shown => html! { <p class="notice keep-screen" role="status">{ WORDS.received_shown }</p> },
    };

    let doses = state.doses.as_ref();
    let settings = &props.settings.0;
    let page = device::page_address();
    let link = doses.and_then(|doses| carer_link_for(doses, &page));
    let named = doses.is_some_and(|d| d.named_title);
    let on_copy = {
        let d = d.clone();
        let link = link.clone().unwrap_or_default();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Copied(device::copy_text(&link))))
    };
    let title_pick = |named: bool| {
        let d = d.clone();
        Callback::from(move |()| d.dispatch(Action::Title(named)))
    };

    let missing = html! { <p>{ if doses.is_some() { WORDS.pump_note } else { WORDS.needs_times } }</p> };
    let calendar_part = match doses {
        Some(doses) if !doses.times.is_empty() => html! {
            <>
                <fieldset class="field">
                    <legend>{ WORDS.title_legend }</legend>
                    <p class="hint">{ WORDS.title_hint }</p>
                    { radio("keep-title", "title-plain", !named, WORDS.title_plain, title_pick(false)) }
                    { radio("keep-title", "title-named", named, WORDS.title_named, title_pick(true)) }
                </fieldset>
                <p><button type="button" class="button" id="keep-download" onclick={on_download}>{ WORDS.download }</button></p>
                <p class="notice" role="status">
                    if state.downloaded { { fill(WORDS.downloaded, "file", WORDS.file_name) } }
                </p>
                <p>{ WORDS.stale_warning }</p>
            </>
        },
        _ => missing.clone(),
    };
    let summary_doses = match doses {
        Some(doses) => html! {
            <>
                <dl class="keep-facts">
                    <dt>{ WORDS.summary_for }</dt>
                    <dd>
                        if !doses.name.is_empty() { <bdi>{ doses.name.clone() }</bdi>{" ("}{ who_words(doses.person) }{")"} }
                        else { { who_words(doses.person) } }
                    </dd>
                    <dt>{ WORDS.summary_form }</dt><dd>{ form_words(doses.form) }</dd>
                    if !doses.times.is_empty() {
                        <dt>{ WORDS.summary_times }</dt><dd>{ times_words(&doses.times) }</dd>
                    }
                </dl>
                <p>{ fill(WORDS.summary_entered, "date", &date_words(doses.entered)) }</p>
            </>
        },
        None => html! { <p>{ WORDS.needs_times }</p> },
    };
    let carer_part = match link {
        Some(link) => html! {
            <>
                <div class="field">
                    <label for="keep-carer-link">{ WORDS.carer_link_label }</label>
                    <input type="text" id="keep-carer-link" readonly=true value={link.clone()} />
                </div>
                <p><button type="button" class="button button--secondary" id="keep-copy" onclick={on_copy}>{ WORDS.copy_link }</button></p>
                <p class="notice" role="status">if state.copied == Some(true) { { WORDS.copied } }</p>
                <figure class="keep-qr-figure">
                    { qr_svg(&link) }
                    <figcaption>{ WORDS.qr_hint }</figcaption>
                </figure>
            </>
        },
        None => missing,
    };

    html! {
        <div class="keep">
            { received }
            if let Some(notice) = state.notice {
                <p class="notice keep-screen" role="status">{ notice }</p>
            }
            <section class="helper keep-screen" aria-labelledby="keep-doses-title">
                <h2 id="keep-doses-title">{ WORDS.doses_heading }</h2>
                <p>{ WORDS.doses_intro }</p>
                if !errors.is_empty() || state.name_error {
                    <div class="error-summary" tabindex="-1" role="alert" aria-labelledby="keep-error-title">
                        <h3 id="keep-error-title">{ WORDS.fix_first }</h3>
                        <ul>
                            { for errors.iter().map(|e| html! {
                                <li><a href={["#", &e.field.input_id()].concat()}>{ e.message }</a></li>
                            }) }
                            if state.name_error {
                                <li><a href="#keep-name">{ WORDS.name_too_long }</a></li>
                            }
                        </ul>
                    </div>
                }
                <form class="helper__form" novalidate=true onsubmit={on_submit}>
                    <fieldset class={classes!("field", error_for(errors, Field::Person).map(|_| "field--error"))}>
                        <legend>{ WORDS.who_legend }</legend>
                        { error_message("person", error_for(errors, Field::Person)) }
                        { radio("keep-person", "person-adult", fields.person == Some(Person::Adult), WORDS.who_adult, person_pick(Person::Adult)) }
                        { radio("keep-person", "person-child", fields.person == Some(Person::Child), WORDS.who_child, person_pick(Person::Child)) }
                    </fieldset>
                    <div class={classes!("field", state.name_error.then_some("field--error"))}>
                        <label for="keep-name">{ WORDS.name_label }</label>
                        <p class="hint" id="keep-name-hint">{ WORDS.name_hint }</p>
                        if state.name_error {
                            { error_message("keep-name", Some(WORDS.name_too_long)) }
                        }
                        <input type="text" id="keep-name" autocomplete="off" maxlength="40" value={state.name.clone()}
                            oninput={on_name} aria-describedby="keep-name-hint"
                            aria-invalid={state.name_error.then_some("true")} />
                    </div>
                    <fieldset class={classes!("field", error_for(errors, Field::Form).map(|_| "field--error"))}>
                        <legend>{ WORDS.form_legend }</legend>
                        { error_message("form", error_for(errors, Field::Form)) }
                        { radio("keep-form", "form-tablet", fields.form == Some(Form::Tablet), WORDS.form_tablet, form_pick(Form::Tablet)) }
                        { radio("keep-form", "form-liquid", fields.form == Some(Form::Liquid), WORDS.form_liquid, form_pick(Form::Liquid)) }
                        { radio("keep-form", "form-granules", fields.form == Some(Form::Granules), WORDS.form_granules, form_pick(Form::Granules)) }
                        { radio("keep-form", "form-pump", pump, WORDS.form_pump, form_pick(Form::Pump)) }
                    </fieldset>
                    if pump {
                        <p>{ WORDS.pump_note }{" "}{ citations(WORDS.pump_note_sources) }</p>
                    } else if fields.form.is_some() {
                        <div class={classes!("field", error_for(errors, Field::Count).or(error_for(errors, Field::Times)).map(|_| "field--error"))}>
                            <label for="dose-count">{ WORDS.count_label }</label>
                            { error_message("dose-count", error_for(errors, Field::Count).or(error_for(errors, Field::Times))) }
                            <select id="dose-count" onchange={on_count}>
                                { for (1..=crate::content::SCHEDULE_LIMITS.max_doses_per_day).map(|n| html! {
                                    <option value={n.to_string()} selected={count == n}>{ n.to_string() }</option>
                                }) }
                            </select>
                        </div>
                        { for time_inputs }
                    }
                    <div class="choice">
                        <input type="checkbox" id="keep-on-device" checked={state.keep} onchange={on_keep} aria-describedby="keep-on-device-hint" />
                        <label for="keep-on-device">{ WORDS.keep_label }</label>
                    </div>
                    <p class="hint" id="keep-on-device-hint">{ WORDS.keep_hint }</p>
                    <button type="submit" class="button">{ WORDS.use_times }</button>
                </form>
                <p>
                    <button type="button" class="button button--secondary" id="keep-clear" onclick={act(|| Action::Clear).reform(|_: MouseEvent| ())}>{ WORDS.clear }</button>
                </p>
            </section>

            <section class="helper keep-screen" aria-labelledby="keep-calendar-title">
                <h2 id="keep-calendar-title">{ WORDS.calendar_heading }</h2>
                <p>{ WORDS.calendar_intro }</p>
                <p>{ WORDS.calendar_same_clock }</p>
                { calendar_part }
            </section>

            <section class="keep-summary" aria-labelledby="keep-summary-title">
                <h2 id="keep-summary-title" class="keep-screen">{ WORDS.summary_heading }</h2>
                <p class="keep-screen">{ WORDS.summary_intro }</p>
                <p class="keep-screen">
                    <button type="button" class="button" id="keep-print" onclick={Callback::from(|_: MouseEvent| device::print())}>{ WORDS.print }</button>
                </p>
                <p class="hint keep-screen">{ WORDS.print_hint }</p>
                <article class="keep-sheet" aria-label={WORDS.summary_title}>
                    <h3>{ WORDS.summary_title }</h3>
                    { summary_doses }
                    <h4>{ WORDS.summary_kept_heading }</h4>
                    if state.kept.is_empty() {
                        <p>{ WORDS.summary_kept_none }</p>
                    } else {
                        <ul class="keep-kept">
                            { for state.kept.iter().enumerate().map(|(i, kept)| {
                                let (date, time) = device::local(kept.at);
                                let kind = match kept.kind { KeptKind::Missed => WORDS.kept_missed, KeptKind::Symptoms => WORDS.kept_symptoms };
                                let d = d.clone();
                                html! {
                                    <li>
                                        <strong>{ kind }{", "}{ date_words(date) }{" "}{ time.to_string() }{": "}{ kept.level.clone() }</strong>
                                        if !kept.detail.is_empty() { {" "}{ kept.detail.clone() } }
                                        {" "}
                                        <button type="button" class="button button--link keep-screen"
                                            onclick={Callback::from(move |_: MouseEvent| d.dispatch(Action::RemoveKept(i)))}>
                                            { WORDS.kept_remove }
                                        </button>
                                    </li>
                                }
                            }) }
                        </ul>
                    }
                    <h4>{ WORDS.summary_questions_heading }</h4>
                    <ul>{ for QUESTIONS.iter().map(|q| html! { <li>{ *q }</li> }) }</ul>
                    <h4>{ WORDS.summary_clinic_heading }</h4>
                    if settings.clinic_phone.is_none() && settings.out_of_hours().is_none() {
                        <p>{ WORDS.summary_clinic_none }</p>
                    } else {
                        { clinic_contacts(settings) }
                    }
                    <p class="keep-version">{ fill(&fill(WORDS.summary_version, "version", SITE.content_version), "date", SITE.checked_on) }</p>
                    <p class="keep-version">{ SITE.disclaimer }</p>
                </article>
            </section>

            <section class="helper keep-screen" aria-labelledby="keep-carer-title">
                <h2 id="keep-carer-title">{ WORDS.carer_heading }</h2>
                <p>{ WORDS.carer_intro }</p>
                { carer_part }
            </section>
        </div>
    }
}
