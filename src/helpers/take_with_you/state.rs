//! What take-it-with-you remembers while it is open, and how each action changes it: a pure
//! reducer (Yew's `Reducible`) with no storage, focus, clipboard or downloads (those are in the
//! component's handlers and effects). Native unit tests below.

use crate::keep::content::{date_words, fill, link_error, WORDS};
pub use crate::keep::record::Loaded;
use crate::keep::record::{name_ok, Doses, Kept};
use crate::missed_dose::form::{self, FieldError, Fields, Happened};
use baclofen_logic::calendar::daily_reminders;
use baclofen_logic::carer_link::{self, CarerCopy};
use baclofen_logic::missed_dose::{Form, Person};
use baclofen_logic::schedule::Schedule;
use baclofen_logic::time::{ClockTime, Date, Instant};
use std::rc::Rc;
use yew::Reducible;

/// A carer link the page was opened with.
#[derive(Clone, Debug, PartialEq)]
pub enum Received {
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

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The device's state was read (the start effect ran): the form is whole.
    pub started: bool,
    pub fields: Fields,
    pub name: String,
    pub errors: Vec<FieldError>,
    pub name_error: bool,
    /// The doses in use (after "Use these times", from storage, or from a carer link).
    pub doses: Option<Doses>,
    /// "Keep my times on this device" is ticked (it matches storage).
    pub keep: bool,
    /// The one short sentence the live region says after an action.
    pub notice: Option<&'static str>,
    pub downloaded: bool,
    /// The answers kept for the appointment, each with a key that stays with it.
    pub kept: Vec<(u32, Kept)>,
    pub received: Received,
    pub copied: Option<bool>,
    /// This page's address without its `#` part (the start of a carer link).
    pub page: String,
    /// Counts "Use these times" taps that found errors: each moves focus to the error summary.
    pub show_errors: u32,
    /// Counts requests to store the doses: each runs the store effect once.
    pub save_request: u32,
    /// Counts removals of kept answers: each moves focus to the list's heading.
    pub removed: u32,
    /// Counts "Use these times" taps that made the times ready: each moves focus to the first
    /// part that became ready (the calendar's heading).
    pub ready: u32,
}

impl Default for State {
    fn default() -> Self {
        State {
            started: false,
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
            page: String::new(),
            show_errors: 0,
            save_request: 0,
            removed: 0,
            ready: 0,
        }
    }
}

pub enum Action {
    Start {
        loaded: Loaded,
        fragment: String,
        page: String,
        today: Date,
    },
    Person(Person),
    Form(Form),
    Count(usize),
    Time(u32, String),
    Name(String),
    UseTimes(Date),
    /// The box was ticked or unticked (unticking forgot the doses already, in the handler).
    Keep(bool),
    Title(bool),
    /// The store effect ran: whether the browser kept the doses.
    Saved(bool),
    Downloaded,
    /// Everything was cleared (by the handler).
    Cleared,
    Answer {
        keep: bool,
    },
    Copied(bool),
    /// The share sheet failed (not cancelled): the live region says so.
    ShareFailed,
    /// A kept answer was removed (and the rest stored again, by the handler).
    RemoveKept(u32),
}

pub fn fields_from(doses: &Doses) -> Fields {
    let mut fields = Fields::default();
    let times: Vec<String> = doses.times.iter().map(ClockTime::to_string).collect();
    fields.use_saved(doses.person, doses.form, &times);
    fields
}

impl State {
    /// Asks the store effect to keep the doses, when the person ticked "keep"; the live region
    /// then says the result (one sentence, not "ready" and "kept" one after the other).
    fn save(&mut self) {
        if self.keep && self.doses.is_some() {
            self.save_request += 1;
            self.notice = None;
        }
    }

    /// The kept answers without their keys.
    pub fn kept_list(&self) -> Vec<Kept> {
        self.kept.iter().map(|(_, k)| k.clone()).collect()
    }

    /// The kept answers after removing the one with `key` (to store before the removal).
    pub fn kept_without(&self, key: u32) -> Vec<Kept> {
        self.kept.iter().filter(|(k, _)| *k != key).map(|(_, kept)| kept.clone()).collect()
    }

    /// The carer link for the doses in use (`None` for a pump, or before the page is known).
    pub fn carer_link(&self) -> Option<String> {
        self.doses.as_ref().filter(|_| !self.page.is_empty()).and_then(|d| carer_link_for(d, &self.page))
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        s.copied = None;
        match action {
            Action::Start { loaded, fragment, page, today } => {
                s.started = true;
                s.page = page;
                if let Some(doses) = loaded.doses {
                    s.fields = fields_from(&doses);
                    s.name = doses.name.clone();
                    s.doses = Some(doses);
                    s.keep = true;
                }
                s.kept = (0..).zip(loaded.kept).collect();
                s.notice = if loaded.newer {
                    Some(WORDS.newer)
                } else if loaded.differed {
                    Some(WORDS.check_times)
                } else {
                    loaded.discarded.then_some(WORDS.discarded)
                };
                if fragment.starts_with("#carer=") {
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
                s.name_error = !name_ok(&name);
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
                        s.ready += 1;
                        s.save();
                    }
                    Ok(_) => {
                        s.errors.clear();
                        s.show_errors += 1;
                    }
                    Err(errors) => {
                        s.errors = errors;
                        s.show_errors += 1;
                    }
                }
            }
            Action::Keep(on) => {
                s.keep = on;
                s.notice = None;
                s.save();
            }
            Action::Title(named) => {
                if let Some(doses) = s.doses.as_mut() {
                    doses.named_title = named;
                }
                s.downloaded = false;
                s.save();
            }
            Action::Saved(ok) => {
                s.notice = Some(match (ok, &s.received) {
                    (true, Received::Kept) => WORDS.received_kept,
                    (true, _) => WORDS.kept,
                    (false, _) => WORDS.not_kept,
                })
            }
            Action::Downloaded => s.downloaded = true,
            Action::Cleared => {
                s = State {
                    started: true,
                    page: s.page,
                    notice: Some(WORDS.cleared),
                    save_request: s.save_request,
                    show_errors: s.show_errors,
                    removed: s.removed,
                    ready: s.ready,
                    ..State::default()
                };
            }
            Action::Answer { keep } => {
                // The person's own times, kept on this device: "No" leaves them in use and kept
                // (the box stays ticked, as storage is); "Yes" replaces them (the question said so).
                let saved = s.keep && s.doses.is_some();
                if let (Received::Ask(copy), false, true) = (&s.received, keep, saved) {
                    s.received = Received::Shown(copy.clone(), true);
                    s.notice = Some(WORDS.received_shown_saved);
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
                    s.received = if keep { Received::Kept } else { Received::Shown(copy, false) };
                    s.notice = (!keep).then_some(WORDS.received_shown);
                    s.save();
                }
            }
            Action::Copied(ok) => s.copied = Some(ok),
            Action::ShareFailed => s.notice = Some(WORDS.share_failed),
            Action::RemoveKept(key) => {
                s.kept.retain(|(k, _)| *k != key);
                s.removed += 1;
            }
        }
        Rc::new(s)
    }
}

pub fn who_words(person: Person) -> &'static str {
    match person {
        Person::Adult => WORDS.who_words_adult,
        Person::Child => WORDS.who_words_child,
    }
}

pub fn form_words(form: Form) -> &'static str {
    match form {
        Form::Tablet => WORDS.form_tablet,
        Form::Liquid => WORDS.form_liquid,
        Form::Granules => WORDS.form_granules,
        Form::Pump => WORDS.form_pump,
    }
}

pub fn times_words(times: &[ClockTime]) -> String {
    times.iter().map(ClockTime::to_string).collect::<Vec<_>>().join(", ")
}

/// The calendar file for the doses: one daily event per time, the title the person chose, and a
/// note saying where the times came from and when.
/// Reminders start on `today` (this device's date), never on the day the times were entered:
/// a carer link's date (tomorrow, from an earlier time zone) would otherwise silence tonight's
/// reminders (attack review B5).
pub fn calendar_file(doses: &Doses, today: Date, now: Instant) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keep::record::KeptKind;

    fn today() -> Date {
        Date::new(2026, 11, 23).unwrap()
    }

    fn t(text: &str) -> ClockTime {
        ClockTime::parse(text).unwrap()
    }

    fn started(loaded: Loaded, fragment: &str) -> Rc<State> {
        Rc::new(State::default()).reduce(Action::Start {
            loaded,
            fragment: fragment.into(),
            page: "https://example.org/take-it-with-you/".into(),
            today: today(),
        })
    }

    fn doses() -> Doses {
        Doses {
            person: Person::Adult,
            form: Form::Tablet,
            times: vec![t("08:00"), t("20:00")],
            named_title: false,
            entered: Date::new(2026, 11, 1).unwrap(),
            name: "Sam".into(),
        }
    }

    fn entered(state: Rc<State>, times: &[&str]) -> Rc<State> {
        let mut s = state.reduce(Action::Person(Person::Adult)).reduce(Action::Form(Form::Tablet));
        s = s.reduce(Action::Count(times.len()));
        let keys: Vec<u32> = s.fields.times.iter().map(|f| f.key).collect();
        for (key, time) in keys.into_iter().zip(times) {
            s = s.reduce(Action::Time(key, (*time).into()));
        }
        s.reduce(Action::UseTimes(today()))
    }

    #[test]
    fn nothing_is_offered_before_the_device_is_read_and_kept_times_are_offered_after() {
        let empty = Rc::new(State::default());
        assert!(!empty.started && empty.doses.is_none() && !empty.keep);
        let s = started(Loaded { doses: Some(doses()), ..Loaded::default() }, "");
        assert!(s.started && s.keep, "the box matches storage");
        assert_eq!(s.fields.typed_times(), ["08:00", "20:00"]);
        assert_eq!(s.notice, None);
    }

    #[test]
    fn each_problem_found_on_the_device_has_its_one_notice() {
        let newer = started(Loaded { newer: true, discarded: true, ..Loaded::default() }, "");
        assert_eq!(newer.notice, Some(WORDS.newer));
        let differed = started(Loaded { differed: true, ..Loaded::default() }, "");
        assert_eq!(differed.notice, Some(WORDS.check_times));
        let discarded = started(Loaded { discarded: true, ..Loaded::default() }, "");
        assert_eq!(discarded.notice, Some(WORDS.discarded));
    }

    #[test]
    fn use_these_times_checks_with_the_missed_dose_helpers_rules_and_asks_to_store_only_when_kept() {
        let s = started(Loaded::default(), "");
        let bad = s.clone().reduce(Action::UseTimes(today()));
        assert!(!bad.errors.is_empty());
        assert_eq!((bad.show_errors, bad.ready), (1, 0), "the error summary takes focus");
        let close = entered(s.clone(), &["08:00", "09:00"]);
        assert!(close.doses.is_none() && !close.errors.is_empty());
        let ready = entered(s.clone(), &["08:00", "14:00", "20:00"]);
        assert_eq!(ready.doses.as_ref().map(|d| d.times.len()), Some(3));
        assert_eq!(
            (ready.notice, ready.save_request),
            (Some(WORDS.times_ready), 0),
            "not stored without the tick"
        );
        assert_eq!(ready.ready, 1, "focus moves to what became ready");
        let kept = entered(s.reduce(Action::Keep(true)), &["08:00", "20:00"]);
        assert_eq!((kept.notice, kept.save_request), (None, 1), "the store effect says the one sentence");
        assert_eq!(kept.clone().reduce(Action::Saved(true)).notice, Some(WORDS.kept));
        assert_eq!(kept.reduce(Action::Saved(false)).notice, Some(WORDS.not_kept));
    }

    #[test]
    fn a_bad_name_is_refused_with_the_times() {
        let s = started(Loaded::default(), "").reduce(Action::Name("Call 0800 555 0123".into()));
        let s = entered(s, &["08:00", "20:00"]);
        assert!(s.name_error && s.doses.is_none());
    }

    #[test]
    fn a_carer_link_is_kept_only_after_yes_and_no_leaves_saved_times_in_use() {
        let link = carer_link_for(&doses(), "https://example.org/p/").unwrap();
        let fragment = &link[link.find('#').unwrap()..];
        let asked = started(Loaded::default(), fragment);
        assert!(matches!(asked.received, Received::Ask(_)));
        assert_eq!(asked.save_request, 0, "nothing kept before the answer");
        let yes = asked.clone().reduce(Action::Answer { keep: true });
        assert_eq!((yes.received.clone(), yes.save_request, yes.keep), (Received::Kept, 1, true));
        let no = asked.reduce(Action::Answer { keep: false });
        assert_eq!((no.save_request, no.keep), (0, false));
        assert_eq!(no.doses.as_ref().map(|d| d.times.clone()), Some(doses().times));
        // With the person's own times kept, "No" keeps them in use (attack review B7).
        let own = Doses { times: vec![t("07:00"), t("15:00"), t("23:00")], ..doses() };
        let saved = started(Loaded { doses: Some(own.clone()), ..Loaded::default() }, fragment)
            .reduce(Action::Answer { keep: false });
        assert!(matches!(saved.received, Received::Shown(_, true)));
        assert_eq!(saved.doses, Some(own));
        let refused = started(Loaded::default(), "#carer=v1.AAAA.AAAAAA");
        assert!(matches!(refused.received, Received::Refused(_)));
    }

    #[test]
    fn a_removed_answer_goes_by_its_key_and_the_others_keep_theirs() {
        let kept =
            |at| Kept { kind: KeptKind::Missed, at: Instant(at), level: "x".into(), detail: String::new() };
        let s = started(Loaded { kept: vec![kept(1), kept(2), kept(3)], ..Loaded::default() }, "");
        assert_eq!(s.kept_without(1), vec![kept(1), kept(3)]);
        let s = s.reduce(Action::RemoveKept(1));
        assert_eq!(s.kept.iter().map(|(k, _)| *k).collect::<Vec<_>>(), [0, 2]);
        assert_eq!(s.removed, 1);
    }

    #[test]
    fn clearing_leaves_nothing_but_the_notice() {
        let s =
            entered(started(Loaded { doses: Some(doses()), ..Loaded::default() }, ""), &["08:00", "20:00"]);
        let cleared = s.reduce(Action::Cleared);
        assert!(cleared.doses.is_none() && !cleared.keep && cleared.kept.is_empty());
        assert_eq!(cleared.notice, Some(WORDS.cleared));
        assert!(cleared.started);
    }

    #[test]
    fn a_failed_share_says_one_sentence_in_the_live_region() {
        let s = entered(started(Loaded::default(), ""), &["08:00", "20:00"]);
        assert_eq!(s.reduce(Action::ShareFailed).notice, Some(WORDS.share_failed));
    }

    #[test]
    fn the_calendar_starts_today_and_the_link_holds_the_times() {
        let file = calendar_file(&doses(), today(), Instant(0));
        assert_eq!(file.matches("BEGIN:VEVENT").count(), 2);
        assert!(file.contains("Medicine reminder"));
        let pump = Doses { form: Form::Pump, times: vec![], ..doses() };
        assert_eq!(carer_link_for(&pump, "p"), None);
    }
}
