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
use crate::components::choice::{self, error_for, error_message};
use crate::components::citations::citation_node;
use crate::content::SITE;
use crate::dom::live::{self, Dispatch};
use crate::dom::{el, list, none, text, when, El, Node};
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

/// The element the module renders into (the page's `helper` block with `module = "keep"`).
pub const KEEP_ISLAND: &str = "keep-tool";

#[derive(Clone, Debug)]
enum Received {
    Nothing,
    /// A carer link was opened: show it and ask before keeping anything.
    Ask(CarerCopy),
    Kept,
    /// "No, just show them": the link's times, and whether the person's own saved times stayed
    /// in use (then the link's times are shown only here, and nothing below changes).
    Shown(CarerCopy, bool),
    /// A refused link: the message (nothing changed).
    Refused(&'static str),
}

#[derive(Clone, Debug)]
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

impl State {
    /// The state after `action`.
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
                s.notice = if loaded.newer {
                    Some(WORDS.newer)
                } else if loaded.differed {
                    Some(WORDS.check_times)
                } else {
                    loaded.discarded.then_some(WORDS.discarded)
                };
                if fragment.starts_with("#carer=") {
                    let today = device::today();
                    s.received = match carer_link::decode(&fragment, &crate::content::SCHEDULE_LIMITS, today)
                    {
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
                // The person's own times, kept on this device: "No" leaves them in use and kept
                // (the box stays ticked, as storage is); "Yes" replaces them (the question said so).
                let saved = s.keep && s.doses.is_some();
                if let (Received::Ask(copy), false, true) = (&s.received, keep, saved) {
                    s.received = Received::Shown(copy.clone(), true);
                } else if let Received::Ask(copy) = &s.received {
                    let copy = copy.clone();
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
                    s.received = if keep { Received::Kept } else { Received::Shown(copy, false) };
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
    pick: impl Fn(web_sys::Event) + 'static,
) -> El {
    choice::radio(name, id, checked, label, "change", Rc::new(pick))
}

/// "field", and "field field--error" when `error`.
fn field_class(error: bool) -> &'static str {
    if error {
        "field field--error"
    } else {
        "field"
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
/// Reminders start on `today` (this device's date), never on the day the times were entered:
/// a carer link's date (tomorrow, from an earlier time zone) would otherwise silence tonight's
/// reminders (attack review B5).
pub fn calendar_file(doses: &Doses, today: Date, now: baclofen_logic::time::Instant) -> String {
    let (title, note) = if doses.named_title {
        (WORDS.title_named, WORDS.note_named)
    } else {
        (WORDS.title_plain, WORDS.note_plain)
    };
    let note = fill(note, "date", &date_words(doses.entered));
    daily_reminders(&doses.times, title, today, now, &note)
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
fn qr_svg(text: &str) -> Node {
    let Some(matrix) = baclofen_logic::qr::matrix(text) else {
        return none();
    };
    let quiet = baclofen_logic::qr::QUIET_ZONE;
    let side = (matrix.size + 2 * quiet).to_string();
    let view_box = ["0 0 ", &side, " ", &side].concat();
    el("svg")
        .class("keep-qr")
        .attr("xmlns", "http://www.w3.org/2000/svg")
        .attr("viewBox", view_box)
        .attr("role", "img")
        .attr("aria-label", WORDS.qr_label)
        .attr("shape-rendering", "crispEdges")
        .attr("width", "200")
        .attr("height", "200")
        .child(el("rect").attr("width", side.clone()).attr("height", side).attr("fill", "#fff"))
        .children(matrix.dark_runs().into_iter().map(|(x, y, w)| {
            el("rect")
                .attr("x", (x + quiet).to_string())
                .attr("y", (y + quiet).to_string())
                .attr("width", w.to_string())
                .attr("height", "1")
                .attr("fill", "#000")
        }))
        .into()
}

/// Shows the helper in `root` (its placeholder) with what this device kept and, when the page
/// was opened from a carer link, that link's times.
pub fn mount(root: web_sys::Element, settings: SharedSettings) {
    let start = Action::Start { loaded: device::load(), fragment: device::fragment() };
    let state = Rc::unwrap_or_clone(Rc::new(State::default()).reduce(start));
    live::mount(root, state, State::reduce, move |state, dispatch| view(state, dispatch, &settings));
}

/// "Sam (adult)" or "An adult": who the doses are for.
fn who_node(name: &str, person: Person) -> Node {
    if name.is_empty() {
        text(who_words(person))
    } else {
        list([el("bdi").text(name.to_owned()).into(), text(" ("), text(who_words(person)), text(")")])
    }
}

/// What a carer link holds, as facts: who, how, the times, and the name as the sender typed it
/// (a name from a link is never shown as the guide's words: attack review B4).
fn received_facts(copy: &CarerCopy) -> El {
    el("dl")
        .class("keep-facts")
        .child(el("dt").text(WORDS.summary_for))
        .child(el("dd").text(who_words(copy.person)))
        .child(when(!copy.name.is_empty(), || {
            list([
                el("dt").text(WORDS.received_name),
                el("dd").child(el("q").child(el("bdi").text(copy.name.clone()))),
            ])
        }))
        .child(el("dt").text(WORDS.summary_form))
        .child(el("dd").text(form_words(copy.form)))
        .child(el("dt").text(WORDS.summary_times))
        .child(el("dd").text(times_words(copy.schedule.times())))
}

/// The helper as it is now.
fn view(state: &State, d: &Dispatch<Action>, settings: &SharedSettings) -> Node {
    let fields = &state.fields;
    let errors = &state.errors;
    let pump = fields.form == Some(Form::Pump);
    let count = fields.times.len();

    let person_pick = |p: Person| d.to(move |_| Action::Person(p));
    let form_pick = |f: Form| d.to(move |_| Action::Form(f));

    let time_inputs = fields.times.iter().enumerate().map(|(i, field)| {
        let key = field.key;
        let id = ["dose-time-", &key.to_string()].concat();
        let message = error_for(errors, Field::Time(key));
        el("div")
            .class(if message.is_some() { "field field--time field--error" } else { "field field--time" })
            .key(key.to_string())
            .child(el("label").attr("for", id.clone()).text(fill(
                WORDS.time_label,
                "n",
                &(i + 1).to_string(),
            )))
            .child(error_message(&id, message))
            .child(choice::time_input(
                &id,
                &field.value,
                message,
                Rc::new(d.to(move |e| Action::Time(key, live::target_value(&e)))),
            ))
    });

    let received = match &state.received {
        Received::Nothing => none(),
        Received::Refused(message) => el("div")
            .class("callout callout--warning keep-screen")
            .attr("role", "alert")
            .child(el("p").text(*message))
            .into(),
        Received::Ask(copy) => el("section")
            .class("result keep-screen")
            .attr("aria-labelledby", "keep-received-title")
            .child(el("h2").id("keep-received-title").text(WORDS.received_heading))
            .child(el("p").text(WORDS.received_intro))
            .child(received_facts(copy))
            .child(el("p").text(fill(WORDS.summary_entered, "date", &date_words(copy.entered))))
            .child(
                el("p").text(WORDS.never_double).text(" ").child(citation_node(WORDS.never_double_sources)),
            )
            .child(el("p").id("keep-received-question").text(match (&state.doses, state.keep) {
                // Saved times would be replaced: say so, with them (attack review B7).
                (Some(saved), true) => fill(WORDS.received_replace, "time", &times_words(&saved.times)),
                _ => WORDS.received_keep.to_string(),
            }))
            .child(
                el("div")
                    .class("keep-actions")
                    .attr("role", "group")
                    .attr("aria-labelledby", "keep-received-question")
                    .child(
                        el("button")
                            .attr("type", "button")
                            .class("button")
                            .on("click", d.to(|_| Action::Answer { keep: true }))
                            .text(WORDS.received_keep_yes),
                    )
                    .child(
                        el("button")
                            .attr("type", "button")
                            .class("button button--secondary")
                            .on("click", d.to(|_| Action::Answer { keep: false }))
                            .text(WORDS.received_keep_no),
                    ),
            )
            .into(),
        Received::Kept => {
            el("p").class("notice keep-screen").attr("role", "status").text(WORDS.received_kept).into()
        }
        Received::Shown(copy, saved) => el("section")
            .class("result keep-screen")
            .attr("aria-labelledby", "keep-received-title")
            .child(el("h2").id("keep-received-title").text(WORDS.received_heading))
            .child(received_facts(copy))
            .child(el("p").class("notice").attr("role", "status").text(if *saved {
                WORDS.received_shown_saved
            } else {
                WORDS.received_shown
            }))
            .into(),
    };

    let doses = state.doses.as_ref();
    let page = device::page_address();
    let link = doses.and_then(|doses| carer_link_for(doses, &page));
    let named = doses.is_some_and(|d| d.named_title);

    let missing =
        || -> Node { el("p").text(if doses.is_some() { WORDS.pump_note } else { WORDS.needs_times }).into() };
    let calendar_part = match doses {
        Some(doses) if !doses.times.is_empty() => {
            let doses = doses.clone();
            let sent = d.clone();
            let on_download = move |_| {
                let text = calendar_file(&doses, device::today(), device::now());
                if device::download(WORDS.file_name, "text/calendar;charset=utf-8", &text) {
                    sent.send(Action::Downloaded);
                }
            };
            list([
                el("fieldset")
                    .class("field")
                    .child(el("legend").text(WORDS.title_legend))
                    .child(el("p").class("hint").text(WORDS.title_hint))
                    .child(radio(
                        "keep-title",
                        "title-plain",
                        !named,
                        WORDS.title_plain,
                        d.to(|_| Action::Title(false)),
                    ))
                    .child(radio(
                        "keep-title",
                        "title-named",
                        named,
                        WORDS.title_named,
                        d.to(|_| Action::Title(true)),
                    )),
                el("p").child(
                    el("button")
                        .attr("type", "button")
                        .class("button")
                        .id("keep-download")
                        .on("click", on_download)
                        .text(WORDS.download),
                ),
                el("p")
                    .class("notice")
                    .attr("role", "status")
                    .child(when(state.downloaded, || text(fill(WORDS.downloaded, "file", WORDS.file_name)))),
                el("p").text(WORDS.stale_warning),
            ])
        }
        _ => missing(),
    };
    let summary_doses = match doses {
        Some(doses) => list([
            el("dl")
                .class("keep-facts")
                .child(el("dt").text(WORDS.summary_for))
                .child(el("dd").child(who_node(&doses.name, doses.person)))
                .child(el("dt").text(WORDS.summary_form))
                .child(el("dd").text(form_words(doses.form)))
                .child(when(!doses.times.is_empty(), || {
                    list([el("dt").text(WORDS.summary_times), el("dd").text(times_words(&doses.times))])
                })),
            el("p").text(fill(WORDS.summary_entered, "date", &date_words(doses.entered))),
        ]),
        None => el("p").text(WORDS.needs_times).into(),
    };
    let carer_part = match link {
        Some(link) => {
            let copied = link.clone();
            list([
                el("div")
                    .class("field")
                    .child(el("label").attr("for", "keep-carer-link").text(WORDS.carer_link_label))
                    .child(
                        el("input")
                            .attr("type", "text")
                            .id("keep-carer-link")
                            .flag("readonly", true)
                            .attr("value", link.clone()),
                    ),
                el("p").child(
                    el("button")
                        .attr("type", "button")
                        .class("button button--secondary")
                        .id("keep-copy")
                        .on("click", d.to(move |_| Action::Copied(device::copy_text(&copied))))
                        .text(WORDS.copy_link),
                ),
                el("p")
                    .class("notice")
                    .attr("role", "status")
                    .child(when(state.copied == Some(true), || text(WORDS.copied))),
                el("figure")
                    .class("keep-qr-figure")
                    .child(qr_svg(&link))
                    .child(el("figcaption").text(WORDS.qr_hint)),
            ])
        }
        None => missing(),
    };

    let error_summary = when(!errors.is_empty() || state.name_error, || {
        el("div")
            .class("error-summary")
            .attr("tabindex", "-1")
            .attr("role", "alert")
            .attr("aria-labelledby", "keep-error-title")
            .child(el("h3").id("keep-error-title").text(WORDS.fix_first))
            .child(
                el("ul")
                    .children(errors.iter().map(|e| {
                        el("li")
                            .child(el("a").attr("href", ["#", &e.field.input_id()].concat()).text(e.message))
                    }))
                    .child(when(state.name_error, || {
                        el("li").child(el("a").attr("href", "#keep-name").text(WORDS.name_too_long)).into()
                    })),
            )
            .into()
    });

    let count_or_times = error_for(errors, Field::Count).or(error_for(errors, Field::Times));
    let times_part = if pump {
        el("p").text(WORDS.pump_note).text(" ").child(citation_node(WORDS.pump_note_sources)).into()
    } else if fields.form.is_some() {
        list([
            el("div")
                .class(field_class(count_or_times.is_some()))
                .child(el("label").attr("for", "dose-count").text(WORDS.count_label))
                .child(error_message("dose-count", count_or_times))
                .child(
                    el("select")
                        .id("dose-count")
                        .on("change", d.to(|e| Action::Count(live::target_value(&e).parse().unwrap_or(1))))
                        .children((1..=crate::content::SCHEDULE_LIMITS.max_doses_per_day).map(|n| {
                            el("option")
                                .attr("value", n.to_string())
                                .flag("selected", count == n)
                                .text(n.to_string())
                        })),
                )
                .into(),
            list(time_inputs),
        ])
    } else {
        none()
    };

    let form = el("form")
        .class("helper__form")
        .flag("novalidate", true)
        .on("submit", {
            let d = d.clone();
            move |event: web_sys::Event| {
                event.prevent_default();
                d.send(Action::UseTimes(device::today()));
            }
        })
        .child(
            el("fieldset")
                .class(field_class(error_for(errors, Field::Person).is_some()))
                .child(el("legend").text(WORDS.who_legend))
                .child(error_message("person", error_for(errors, Field::Person)))
                .child(radio(
                    "keep-person",
                    "person-adult",
                    fields.person == Some(Person::Adult),
                    WORDS.who_adult,
                    person_pick(Person::Adult),
                ))
                .child(radio(
                    "keep-person",
                    "person-child",
                    fields.person == Some(Person::Child),
                    WORDS.who_child,
                    person_pick(Person::Child),
                )),
        )
        .child(
            el("div")
                .class(field_class(state.name_error))
                .child(el("label").attr("for", "keep-name").text(WORDS.name_label))
                .child(el("p").class("hint").id("keep-name-hint").text(WORDS.name_hint))
                .child(when(state.name_error, || error_message("keep-name", Some(WORDS.name_too_long))))
                .child(
                    el("input")
                        .attr("type", "text")
                        .id("keep-name")
                        .attr("autocomplete", "off")
                        .attr("maxlength", "40")
                        .attr("value", state.name.clone())
                        .on("input", d.to(|e| Action::Name(live::target_value(&e))))
                        .attr("aria-describedby", "keep-name-hint")
                        .maybe("aria-invalid", state.name_error.then_some("true")),
                ),
        )
        .child(
            el("fieldset")
                .class(field_class(error_for(errors, Field::Form).is_some()))
                .child(el("legend").text(WORDS.form_legend))
                .child(error_message("form", error_for(errors, Field::Form)))
                .child(radio(
                    "keep-form",
                    "form-tablet",
                    fields.form == Some(Form::Tablet),
                    WORDS.form_tablet,
                    form_pick(Form::Tablet),
                ))
                .child(radio(
                    "keep-form",
                    "form-liquid",
                    fields.form == Some(Form::Liquid),
                    WORDS.form_liquid,
                    form_pick(Form::Liquid),
                ))
                .child(radio(
                    "keep-form",
                    "form-granules",
                    fields.form == Some(Form::Granules),
                    WORDS.form_granules,
                    form_pick(Form::Granules),
                ))
                .child(radio("keep-form", "form-pump", pump, WORDS.form_pump, form_pick(Form::Pump))),
        )
        .child(times_part)
        .child(
            el("div")
                .class("choice")
                .child(
                    el("input")
                        .attr("type", "checkbox")
                        .id("keep-on-device")
                        .flag("checked", state.keep)
                        .on("change", d.to(|e| Action::Keep(live::target_input(&e).checked())))
                        .attr("aria-describedby", "keep-on-device-hint"),
                )
                .child(el("label").attr("for", "keep-on-device").text(WORDS.keep_label)),
        )
        .child(el("p").class("hint").id("keep-on-device-hint").text(WORDS.keep_hint))
        .child(el("button").attr("type", "submit").class("button").text(WORDS.use_times));

    let kept_list = if state.kept.is_empty() {
        el("p").text(WORDS.summary_kept_none)
    } else {
        el("ul").class("keep-kept").children(state.kept.iter().enumerate().map(|(i, kept)| {
            let (date, time) = device::local(kept.at);
            let kind = match kept.kind {
                KeptKind::Missed => WORDS.kept_missed,
                KeptKind::Symptoms => WORDS.kept_symptoms,
            };
            el("li")
                .child(
                    el("strong")
                        .text(kind)
                        .text(", ")
                        .text(date_words(date))
                        .text(" ")
                        .text(time.to_string())
                        .text(": ")
                        .text(kept.level.clone()),
                )
                .child(when(!kept.detail.is_empty(), || list([text(" "), text(kept.detail.clone())])))
                .text(" ")
                .child(
                    el("button")
                        .attr("type", "button")
                        .class("button button--link keep-screen")
                        .on("click", d.to(move |_| Action::RemoveKept(i)))
                        .text(WORDS.kept_remove),
                )
        }))
    };
    let settings = &settings.0;
    let clinic = if settings.clinic_phone.is_none() && settings.out_of_hours().is_none() {
        el("p").text(WORDS.summary_clinic_none).into()
    } else {
        clinic_contacts(settings)
    };

    el("div")
        .class("keep")
        .child(received)
        .child(state.notice.map(|notice| -> Node {
            el("p").class("notice keep-screen").attr("role", "status").text(notice).into()
        }))
        .child(
            el("section")
                .class("helper keep-screen")
                .attr("aria-labelledby", "keep-doses-title")
                .child(el("h2").id("keep-doses-title").text(WORDS.doses_heading))
                .child(el("p").text(WORDS.doses_intro))
                .child(error_summary)
                .child(form)
                .child(
                    el("p").child(
                        el("button")
                            .attr("type", "button")
                            .class("button button--secondary")
                            .id("keep-clear")
                            .on("click", d.to(|_| Action::Clear))
                            .text(WORDS.clear),
                    ),
                ),
        )
        .child(
            el("section")
                .class("helper keep-screen")
                .attr("aria-labelledby", "keep-calendar-title")
                .child(el("h2").id("keep-calendar-title").text(WORDS.calendar_heading))
                .child(el("p").text(WORDS.calendar_intro))
                .child(el("p").text(WORDS.calendar_same_clock))
                .child(el("p").text(WORDS.travel))
                .child(calendar_part),
        )
        .child(
            el("section")
                .class("keep-summary")
                .attr("aria-labelledby", "keep-summary-title")
                .child(el("h2").id("keep-summary-title").class("keep-screen").text(WORDS.summary_heading))
                .child(el("p").class("keep-screen").text(WORDS.summary_intro))
                .child(
                    el("p").class("keep-screen").child(
                        el("button")
                            .attr("type", "button")
                            .class("button")
                            .id("keep-print")
                            .on("click", |_| device::print())
                            .text(WORDS.print),
                    ),
                )
                .child(el("p").class("hint keep-screen").text(WORDS.print_hint))
                .child(
                    el("article")
                        .class("keep-sheet")
                        .attr("aria-label", WORDS.summary_title)
                        .child(el("h3").text(WORDS.summary_title))
                        .child(summary_doses)
                        .child(el("h4").text(WORDS.summary_kept_heading))
                        .child(kept_list)
                        .child(el("h4").text(WORDS.summary_questions_heading))
                        .child(el("ul").children(QUESTIONS.iter().map(|q| el("li").text(*q))))
                        .child(el("h4").text(WORDS.summary_clinic_heading))
                        .child(clinic)
                        .child(el("p").class("keep-version").text(fill(
                            &fill(WORDS.summary_version, "version", SITE.content_version),
                            "date",
                            SITE.checked_on,
                        )))
                        .child(el("p").class("keep-version").text(SITE.disclaimer)),
                ),
        )
        .child(
            el("section")
                .class("helper keep-screen")
                .attr("aria-labelledby", "keep-carer-title")
                .child(el("h2").id("keep-carer-title").text(WORDS.carer_heading))
                .child(el("p").text(WORDS.carer_intro))
                .child(carer_part),
        )
        .into()
}
