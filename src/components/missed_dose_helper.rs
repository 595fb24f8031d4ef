//! The missed-dose helper form. It asks in the order a person thinks (who, how it is taken, how
//! many times a day and when, what happened), starts empty, and keeps everything typed when
//! there is an error. State is a reducer over typed actions; the clock is read only in event
//! handlers and passed in, never during render.

use crate::components::choice::{self, error_for, error_message};
use crate::components::citations::citation_node;
use crate::components::dose_timeline::lay_out;
use crate::components::missed_dose_result::{missed_dose_result, Outcome, RESULT_ID};
use crate::content::ui::missed_dose_helper as words;
use crate::content::MISSED_DOSE;
use crate::dom::live::{self, Dispatch};
use crate::dom::{el, list, none, when, El, Handler, Node};
use crate::missed_dose::device::{self, DeviceZone, Remembered};
use crate::missed_dose::form::{self, Field, FieldError, Fields, Happened};
use crate::missed_dose::wording::{explain, time_words};
use crate::settings::SharedSettings;
use baclofen_logic::missed_dose::{advise, Form, Missed, Person, Rules, Situation};
use baclofen_logic::time::Instant;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// Times saved on this device, offered first.
#[derive(Clone, Debug, PartialEq)]
struct Saved {
    person: Person,
    form: Form,
    times: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
struct State {
    fields: Fields,
    /// The device's time when the person last did something (for the "which dose" menu).
    now: Instant,
    saved: Option<Saved>,
    remember: bool,
    /// The browser refused to keep the times.
    remember_failed: bool,
    errors: Vec<FieldError>,
    outcome: Option<Outcome>,
    notice: Option<&'static str>,
}

/// A change to one answer.
#[derive(Clone, Debug, PartialEq)]
enum Edit {
    Person(Person),
    Form(Form),
    Count(usize),
    Time { key: u32, value: String },
    UseSaved,
    Happened(Happened),
    Dose(String),
    Missed(Missed),
    VomitedAfter(String),
    Withdrawal(bool),
}

impl Default for State {
    fn default() -> Self {
        State {
            fields: Fields::default(),
            now: Instant(0),
            saved: None,
            remember: false,
            remember_failed: false,
            errors: Vec::new(),
            outcome: None,
            notice: None,
        }
    }
}

enum Action {
    Edit { edit: Edit, now: Instant },
    Remember(bool),
    Restore { found: Remembered, now: Instant },
    // Boxed: an answer is far larger than the other actions.
    Answered(Box<Result<Outcome, Vec<FieldError>>>),
    SaveFailed,
}

impl State {
    /// The state after `action`.
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Edit { edit, now } => {
                next.now = now;
                let f = &mut next.fields;
                match edit {
                    Edit::Person(person) => f.person = Some(person),
                    Edit::Form(form) => f.form = Some(form),
                    Edit::Count(count) => f.set_count(count),
                    Edit::Time { key, value } => f.set_time(key, value),
                    Edit::UseSaved => {
                        if let Some(saved) = &self.saved {
                            f.use_saved(saved.person, saved.form, &saved.times);
                        }
                    }
                    Edit::Happened(happened) => {
                        f.happened = Some(happened);
                        f.dose.clear();
                    }
                    Edit::Dose(dose) => f.dose = dose,
                    Edit::Missed(missed) => f.missed = Some(missed),
                    Edit::VomitedAfter(value) => f.vomited_after = value,
                    Edit::Withdrawal(yes) => f.withdrawal = Some(yes),
                }
                // An answer must never stay on screen for inputs it was not worked out from.
                next.outcome = None;
            }
            Action::Remember(on) => {
                next.remember = on;
                next.remember_failed = false;
            }
            Action::Restore { found: Remembered::Found { person, form, times }, now } => {
                next.saved = Some(Saved { person, form, times });
                // The box matches storage: times kept (here or in take-it-with-you) stay kept, so
                // an answer with changed times updates the one record (hazard H139).
                next.remember = true;
                next.now = now;
            }
            Action::Restore { found: Remembered::Discarded, now } => {
                next.now = now;
                next.notice = Some(words::SAVED_DISCARDED);
            }
            Action::Restore { found: Remembered::Newer, now } => {
                next.now = now;
                next.notice = Some(words::SAVED_NEWER);
            }
            Action::Restore { found: Remembered::Nothing, now } => next.now = now,
            Action::Answered(answer) => match *answer {
                Ok(outcome) => {
                    next.outcome = Some(outcome);
                    next.errors.clear();
                }
                Err(errors) => {
                    next.outcome = None;
                    next.errors = errors;
                }
            },
            Action::SaveFailed => next.remember_failed = true,
        }
        Rc::new(next)
    }
}

/// "08:00", "08:00 and 20:00", "08:00, 14:00 and 20:00".
fn list_words(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), crate::content::ui::words::AND),
    }
}

/// Where the "check symptoms" link leads: the checker with the situation ticked. One missed
/// dose is not "missed doses" (§11 row 27 vs row 13).
fn checker_context(situation: &Situation) -> &'static str {
    match (situation.form, situation.missed) {
        (Form::Pump, _) => "pump",
        (_, Missed::TwoOrMoreInARow | Missed::MoreThanADay) => "missed-several",
        (_, Missed::RanOut) => "ran-out",
        (_, Missed::One) if situation.vomited_after.is_some() => "",
        (_, Missed::One) => "missed-one",
    }
}

/// Reads the form, asks the engine, and words the answer for the device's time zone.
fn answer(
    fields: &Fields,
    rules: &Rules,
    now: Instant,
    route: crate::content::OutOfHours<'_>,
) -> Result<Outcome, Vec<FieldError>> {
    let (schedule, situation) = form::read(fields)?;
    let zone = DeviceZone;
    let answer =
        advise(schedule.as_ref(), &zone, now, &situation, rules).map_err(|e| vec![form::advice_error(e)])?;
    let used = schedule.as_ref().map(|s| {
        let times: Vec<String> = s.times().iter().map(|t| t.to_string()).collect();
        words::USING_TIMES.replace("{times}", &list_words(&times))
    });
    let explained = explain(&answer, &zone, now, rules, route);
    let words = &crate::keep::content::NEXT_DOSE;
    let date = crate::keep::content::date_words(baclofen_logic::time::local_at(&zone, now).0);
    let note = crate::keep::content::fill(words.next_note, "date", &date);
    let next_dose_calendar =
        baclofen_logic::calendar::next_dose_event(&answer, &zone, words.title_plain, &note, now);
    let kept = crate::keep::record::Kept {
        kind: crate::keep::record::KeptKind::Missed,
        at: now,
        level: explained.action.clone(),
        detail: explained.then.clone(),
    };
    Ok(Outcome {
        explained,
        timeline: lay_out(&answer.timeline, &zone, now),
        used,
        checker_context: checker_context(&situation),
        next_dose_calendar,
        kept,
    })
}

/// One radio button. Not generic over the value, so the WebAssembly holds one copy of it.
fn radio(name: &'static str, id: &'static str, checked: bool, label: &'static str, on_pick: Handler) -> El {
    choice::radio(name, id, checked, label, "change", on_pick)
}

fn focus_id(id: &str) {
    if let Some(element) = crate::browser::element(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// "field" with the error modifier of each field that has an error.
fn field_class(errors: &[FieldError], fields: &[Field]) -> String {
    let mut class = String::from("field");
    for &field in fields {
        if error_for(errors, field).is_some() {
            class.push_str(" field--error");
        }
    }
    class
}

const SUMMARY_ID: &str = "error-summary";

/// Shows the helper in `root` (its placeholder), offering the times saved on this device.
pub fn mount(root: web_sys::Element, settings: SharedSettings) {
    // What was saved is read before the first render, so the form is shown once, whole.
    let state =
        Rc::new(State::default()).reduce(Action::Restore { found: device::load(), now: device::now() });
    let state = Rc::try_unwrap(state).unwrap_or_else(|shared| (*shared).clone());
    live::mount(root, state, State::reduce, move |state, dispatch| view(state, dispatch, &settings));
}

fn view(state: &State, dispatch: &Dispatch<Action>, settings: &SharedSettings) -> Node {
    let edit = |make: fn(web_sys::Event) -> Edit| -> Handler {
        let dispatch = dispatch.clone();
        Rc::new(move |e| dispatch.send(Action::Edit { edit: make(e), now: device::now() }))
    };
    let pick = |to: Edit| -> Handler {
        let dispatch = dispatch.clone();
        Rc::new(move |_| dispatch.send(Action::Edit { edit: to.clone(), now: device::now() }))
    };
    let fields = &state.fields;
    let errors = &state.errors;

    let on_submit = {
        let dispatch = dispatch.clone();
        let fields = fields.clone();
        let remember = state.remember;
        let rules = settings.missed_dose_rules();
        let settings = settings.clone();
        move |event: web_sys::Event| {
            event.prevent_default();
            let route = crate::red_flag_words::out_of_hours(&settings);
            let result = answer(&fields, &rules, device::now(), route);
            if let (Ok(_), Some(person), Some(form)) = (&result, fields.person, fields.form) {
                // The times are one record shared with take-it-with-you: only unticking the box
                // forgets them, never an answer given without the tick.
                if form != Form::Pump && remember && !device::save(person, form, &fields.typed_times()) {
                    dispatch.send(Action::SaveFailed);
                }
            }
            let target = if result.is_ok() { RESULT_ID } else { SUMMARY_ID };
            dispatch.send(Action::Answered(Box::new(result)));
            // After an answer or an error, move focus to it so it is read out and seen.
            live::focus_and_show(target);
        }
    };
    let on_remember = dispatch.to(|event| {
        let on = live::target_input(&event).checked();
        if !on {
            device::forget();
        }
        Action::Remember(on)
    });

    let pump = fields.form == Some(Form::Pump);
    let child = fields.person == Some(Person::Child);

    let time_inputs = fields.times.iter().enumerate().map(|(i, field)| {
        let key = field.key;
        let id = format!("dose-time-{key}");
        let message = error_for(errors, Field::Time(key));
        let dispatch = dispatch.clone();
        let on_input = move |event: web_sys::Event| {
            let value = live::target_value(&event);
            dispatch.send(Action::Edit { edit: Edit::Time { key, value }, now: device::now() });
        };
        el("div")
            .class(if message.is_some() { "field field--time field--error" } else { "field field--time" })
            .key(key.to_string())
            .child(
                el("label")
                    .attr("for", id.clone())
                    .text(words::DOSE_TIME.replace("{n}", &(i + 1).to_string())),
            )
            .child(error_message(&id, message))
            .child(choice::time_input(&id, &field.value, message, Rc::new(on_input)))
    });

    // Choices for "which dose": any dose due in the last day, worked out from the time of the
    // person's last change (never the clock at render time).
    let dose_options: Vec<(String, String)> = form::schedule_of(fields)
        .map(|schedule| {
            let (zone, now) = (DeviceZone, state.now);
            form::recent_doses(&schedule, &zone, now)
                .into_iter()
                .map(|at| (at.0.to_string(), words::THE_DOSE.replace("{time}", &time_words(&zone, now, at))))
                .collect()
        })
        .unwrap_or_default();

    let class = |of: &[Field]| field_class(errors, of);
    let withdrawal_question =
        if pump { &MISSED_DOSE.pump_withdrawal_question } else { &MISSED_DOSE.withdrawal_question };
    let happened = fields.happened;
    let count = fields.times.len();

    let error_summary = when(!errors.is_empty(), || {
        el("div")
            .class("error-summary")
            .id(SUMMARY_ID)
            .attr("tabindex", "-1")
            .attr("role", "alert")
            .attr("aria-labelledby", "error-summary-title")
            .child(el("h3").id("error-summary-title").text(words::PROBLEM_TITLE))
            .child(el("ul").children(errors.iter().map(|e| {
                let id = e.field.input_id();
                let target = id.clone();
                el("li").child(
                    el("a")
                        .attr("href", format!("#{id}"))
                        .on("click", move |event: web_sys::Event| {
                            event.prevent_default();
                            focus_id(&target);
                        })
                        .text(e.message),
                )
            })))
            .into()
    });

    let schedule_questions = when(fields.form.is_some() && !pump, || {
        let saved = match &state.saved {
            Some(saved) => el("p")
                .child(
                    el("button")
                        .attr("type", "button")
                        .class("button button--secondary")
                        .handle("click", pick(Edit::UseSaved))
                        .text(words::USE_SAVED.replace("{times}", &list_words(&saved.times))),
                )
                .into(),
            None => none(),
        };
        let count_options = (1..=crate::content::SCHEDULE_LIMITS.max_doses_per_day).map(|n| {
            el("option").attr("value", n.to_string()).flag("selected", count == n).text(if n == 1 {
                words::ONCE_A_DAY.to_string()
            } else {
                words::N_TIMES_A_DAY.replace("{n}", &n.to_string())
            })
        });
        let remember = when(count > 0, || {
            list([
                el("div")
                    .class("choice")
                    .child(
                        el("input")
                            .attr("type", "checkbox")
                            .id("remember")
                            .flag("checked", state.remember)
                            .on("change", on_remember),
                    )
                    .child(
                        el("label")
                            .attr("for", "remember")
                            .text(words::REMEMBER)
                            .child(el("span").class("hint").text(words::REMEMBER_HINT)),
                    )
                    .into(),
                when(state.remember_failed, || {
                    el("p").class("field-error").attr("role", "status").text(words::REMEMBER_FAILED).into()
                }),
            ])
        });
        let which = when(matches!(happened, Some(Happened::Missed | Happened::Vomited)), || {
            let empty = if dose_options.is_empty() { words::ENTER_TIMES_FIRST } else { words::CHOOSE_A_DOSE };
            el("div")
                .class(class(&[Field::Dose]))
                .key("which")
                .child(el("label").attr("for", "which-dose").text(if happened == Some(Happened::Vomited) {
                    words::WHICH_TAKEN
                } else {
                    words::WHICH_MISSED
                }))
                .child(error_message("which-dose", error_for(errors, Field::Dose)))
                .child(
                    el("select")
                        .id("which-dose")
                        .handle("change", edit(|e| Edit::Dose(live::target_value(&e))))
                        .child(
                            el("option")
                                .attr("value", "")
                                .flag("selected", fields.dose.is_empty())
                                .flag("disabled", true)
                                .text(empty),
                        )
                        .children(dose_options.iter().map(|(value, label)| {
                            el("option")
                                .flag("selected", fields.dose == *value)
                                .attr("value", value.clone())
                                .text(label.clone())
                        })),
                )
                .into()
        });
        let missed = when(happened == Some(Happened::Missed), || {
            el("fieldset")
                .class(class(&[Field::Missed]))
                .key("missed")
                .child(el("legend").text(words::MISSED_LEGEND))
                .child(error_message("missed", error_for(errors, Field::Missed)))
                .child(radio(
                    "missed",
                    "missed-one",
                    fields.missed == Some(Missed::One),
                    words::MISSED_ONE,
                    pick(Edit::Missed(Missed::One)),
                ))
                .child(radio(
                    "missed",
                    "missed-several",
                    fields.missed == Some(Missed::TwoOrMoreInARow),
                    words::MISSED_SEVERAL,
                    pick(Edit::Missed(Missed::TwoOrMoreInARow)),
                ))
                .child(radio(
                    "missed",
                    "missed-days",
                    fields.missed == Some(Missed::MoreThanADay),
                    words::MISSED_DAYS,
                    pick(Edit::Missed(Missed::MoreThanADay)),
                ))
                .into()
        });
        let vomited = when(happened == Some(Happened::Vomited), || {
            let message = error_for(errors, Field::VomitedAfter);
            el("div")
                .class(class(&[Field::VomitedAfter]))
                .key("vomited")
                .child(el("label").attr("for", "vomited-after").text(words::VOMITED_LABEL))
                .child(citation_node(MISSED_DOSE.vomited_question.sources))
                .child(error_message("vomited-after", message))
                .child(
                    el("input")
                        .attr("type", "text")
                        .attr("inputmode", "numeric")
                        .id("vomited-after")
                        .class("input--short")
                        .attr("value", fields.vomited_after.clone())
                        .handle("input", edit(|e| Edit::VomitedAfter(live::target_value(&e))))
                        .maybe("aria-invalid", message.map(|_| "true"))
                        .maybe("aria-describedby", message.map(|_| "vomited-after-error")),
                )
                .into()
        });
        list([
            el("fieldset")
                .class(class(&[Field::Count, Field::Times]))
                .key("times")
                .child(el("legend").text(words::TIMES_LEGEND))
                .child(saved)
                .child(
                    el("div")
                        .class("field")
                        .child(el("label").attr("for", "dose-count").text(words::COUNT_LABEL))
                        .child(error_message(
                            "dose-count",
                            error_for(errors, Field::Count).or(error_for(errors, Field::Times)),
                        ))
                        .child(
                            el("select")
                                .id("dose-count")
                                .handle(
                                    "change",
                                    edit(|e| Edit::Count(live::target_value(&e).parse().unwrap_or(0))),
                                )
                                .child(
                                    el("option")
                                        .attr("value", "")
                                        .flag("selected", count == 0)
                                        .flag("disabled", true)
                                        .text(words::CHOOSE),
                                )
                                .children(count_options),
                        ),
                )
                .child(when(count > 0, || el("p").class("hint").text(words::TIMES_HINT).into()))
                .children(time_inputs)
                .child(remember)
                .into(),
            el("fieldset")
                .class(class(&[Field::Happened]))
                .key("happened")
                .child(el("legend").text(words::HAPPENED_LEGEND))
                .child(error_message("happened", error_for(errors, Field::Happened)))
                .child(radio(
                    "happened",
                    "happened-missed",
                    happened == Some(Happened::Missed),
                    words::HAPPENED_MISSED,
                    pick(Edit::Happened(Happened::Missed)),
                ))
                .child(radio(
                    "happened",
                    "happened-vomited",
                    happened == Some(Happened::Vomited),
                    words::HAPPENED_VOMITED,
                    pick(Edit::Happened(Happened::Vomited)),
                ))
                .child(radio(
                    "happened",
                    "happened-ran-out",
                    happened == Some(Happened::RanOut),
                    words::HAPPENED_RAN_OUT,
                    pick(Edit::Happened(Happened::RanOut)),
                ))
                .into(),
            which,
            missed,
            vomited,
        ])
    });

    el("section")
        .class("helper")
        .attr("aria-labelledby", "helper-title")
        .child(el("h2").id("helper-title").text(words::TITLE))
        .child(el("p").text(words::INTRO))
        .child(match state.notice {
            Some(notice) => el("p").class("notice").attr("role", "status").text(notice).into(),
            None => none(),
        })
        .child(error_summary)
        .child(
            el("form")
                .class("helper__form")
                .flag("novalidate", true)
                .on("submit", on_submit)
                .child(
                    el("fieldset")
                        .class(class(&[Field::Person]))
                        .key("person")
                        .child(el("legend").text(words::WHO_LEGEND))
                        .child(error_message("person", error_for(errors, Field::Person)))
                        .child(radio(
                            "person",
                            "person-adult",
                            fields.person == Some(Person::Adult),
                            words::WHO_ADULT,
                            pick(Edit::Person(Person::Adult)),
                        ))
                        .child(radio(
                            "person",
                            "person-child",
                            fields.person == Some(Person::Child),
                            words::WHO_CHILD,
                            pick(Edit::Person(Person::Child)),
                        )),
                )
                .child(
                    el("fieldset")
                        .class(class(&[Field::Form]))
                        .key("form")
                        .child(el("legend").text(words::FORM_LEGEND))
                        .child(error_message("form", error_for(errors, Field::Form)))
                        .child(radio(
                            "form",
                            "form-tablet",
                            fields.form == Some(Form::Tablet),
                            words::FORM_TABLET,
                            pick(Edit::Form(Form::Tablet)),
                        ))
                        .child(radio(
                            "form",
                            "form-liquid",
                            fields.form == Some(Form::Liquid),
                            words::FORM_LIQUID,
                            pick(Edit::Form(Form::Liquid)),
                        ))
                        .child(radio(
                            "form",
                            "form-granules",
                            fields.form == Some(Form::Granules),
                            words::FORM_GRANULES,
                            pick(Edit::Form(Form::Granules)),
                        ))
                        .child(radio(
                            "form",
                            "form-pump",
                            fields.form == Some(Form::Pump),
                            words::FORM_PUMP,
                            pick(Edit::Form(Form::Pump)),
                        )),
                )
                .child(schedule_questions)
                .child(
                    el("fieldset")
                        .class(class(&[Field::Withdrawal]))
                        .key("withdrawal")
                        .child(el("legend").text(withdrawal_question.text))
                        .child(citation_node(withdrawal_question.sources))
                        .child(error_message("withdrawal", error_for(errors, Field::Withdrawal)))
                        .child(radio(
                            "withdrawal",
                            "withdrawal-no",
                            fields.withdrawal == Some(false),
                            words::NO,
                            pick(Edit::Withdrawal(false)),
                        ))
                        .child(radio(
                            "withdrawal",
                            "withdrawal-yes",
                            fields.withdrawal == Some(true),
                            words::YES,
                            pick(Edit::Withdrawal(true)),
                        )),
                )
                .child(el("button").attr("type", "submit").class("button").text(if child {
                    words::SHOW_CHILD
                } else {
                    words::SHOW
                })),
        )
        .child(el("div").class("helper__answer").key("answer").attr("aria-live", "polite").child(
            match &state.outcome {
                Some(outcome) => missed_dose_result(outcome, settings),
                None => none(),
            },
        ))
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(state: Rc<State>, edit: Edit) -> Rc<State> {
        state.reduce(Action::Edit { edit, now: Instant(0) })
    }

    #[test]
    fn removing_a_time_twice_in_one_task_and_typing_into_a_removed_field_never_panic() {
        let state = with(Rc::new(State::default()), Edit::Count(3));
        let removed = state.fields.times[2].key;
        let state = with(state, Edit::Count(2));
        let state = with(state, Edit::Count(1));
        let state = with(state, Edit::Time { key: removed, value: "21:00".into() });
        assert_eq!(state.fields.typed_times(), vec![String::new()]);
    }

    #[test]
    fn the_times_in_the_answer_are_listed_in_words() {
        assert_eq!(list_words(&["08:00".into(), "20:00".into()]), "08:00 and 20:00");
        assert_eq!(list_words(&["08:00".into(), "14:00".into(), "20:00".into()]), "08:00, 14:00 and 20:00");
    }
}
