//! Calendar files (iCalendar, RFC 5545) made on the device: daily dose reminders, a single
//! "next dose" event after a missed-dose answer, and any list of dated events (a dose-change
//! plan). Pure text building: no clock (the caller passes `now`), no time-zone database, no
//! randomness, so the same inputs always give the same bytes.
//!
//! # Times are floating local times (no `TZID`, no `Z`)
//!
//! A dose time is a wall-clock time ("08:00 every day"). RFC 5545 §3.3.5 form #1, *floating
//! time*, says exactly that: the event happens at that hour and minute in whatever time zone
//! the calendar is showing. So a reminder stays at 08:00
//! - across daylight-saving changes (UK 29 March / 25 October 2026, US 8 March / 1 November
//!   2026): a `TZID` would do this too, a UTC (`Z`) time would move by an hour;
//! - when the person travels: a `TZID=Europe/London` event would ring at 03:00 in New York,
//!   while the person's prescription says "08:00" on their own clock.
//!
//! The cost, said plainly: on the night the clocks change, two doses either side of 01:00–03:00
//! can be an hour closer or further apart in real time; that is the same as the person's own
//! clock, and it is what the prescription's wall-clock times mean. Floating times need no
//! `VTIMEZONE` block, which keeps the file small and avoids shipping time-zone rules.
//! `DTSTAMP` is the one UTC value (RFC 5545 §3.8.7.2 requires UTC there).
//!
//! # What the builder guarantees (RFC 5545 §3.1, §3.3.11)
//! - every line ends with CRLF and is at most 75 octets; longer lines are folded with CRLF and
//!   one space, never inside a UTF-8 character;
//! - TEXT values escape backslash, semicolon, comma and newline, and drop other control
//!   characters (tab kept);
//! - `UID`s are worked out from the inputs (FNV-1a), so a file made again from the same times is
//!   byte-for-byte the same apart from `DTSTAMP`, and calendars that honour `UID` update
//!   events instead of doubling them;
//! - events are `TRANSP:TRANSPARENT` (a reminder never makes the person look busy) and
//!   `CLASS:PRIVATE` (a shared calendar that honours it shows "busy"/"private", not the title).

use crate::missed_dose::{Advice, Answer};
use crate::time::{local_at, ClockTime, Date, Instant, Zone, MINUTES_PER_DAY};

/// The `PRODID` of every file (RFC 5545 §3.7.3). It does not name the medicine: calendar files
/// travel with shared and synced calendars, and other people may read them (H99).
pub const PRODID: &str = "-//Patient guide//Dose reminders//EN";
/// How long each event lasts in the calendar. Short, so it marks a moment, not a meeting.
pub const EVENT_MINUTES: u16 = 5;

/// A wall-clock date and time with no time zone (a floating time).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalDateTime {
    pub date: Date,
    pub time: ClockTime,
}

impl LocalDateTime {
    pub fn new(date: Date, time: ClockTime) -> LocalDateTime {
        LocalDateTime { date, time }
    }

    /// What clocks in `zone` show at `at`.
    pub fn at(zone: &impl Zone, at: Instant) -> LocalDateTime {
        let (date, time) = local_at(zone, at);
        LocalDateTime { date, time }
    }

    fn plus_minutes(self, minutes: u16) -> LocalDateTime {
        let total = i64::from(self.time.minutes()) + i64::from(minutes);
        let date = self.date.plus_days(total.div_euclid(MINUTES_PER_DAY));
        let time = ClockTime::from_minutes(total.rem_euclid(MINUTES_PER_DAY) as u16).unwrap_or(self.time);
        LocalDateTime { date, time }
    }
}

/// One event to put in a calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Event<'a> {
    pub start: LocalDateTime,
    /// The title the calendar shows (chosen by the person: calendars are often shared).
    pub summary: &'a str,
    /// Where the times came from and when.
    pub description: &'a str,
    /// Repeats every day (`RRULE:FREQ=DAILY`) from `start`.
    pub daily: bool,
    /// An on-screen alarm at the event's time (`VALARM`, `TRIGGER:PT0S`).
    pub alarm: bool,
}

/// A calendar being written. Add events, then [`Calendar::finish`].
#[derive(Clone, Debug)]
pub struct Calendar {
    text: String,
    stamp: String,
    count: usize,
}

impl Calendar {
    /// `now` is written as every event's `DTSTAMP` (when the file was made).
    pub fn new(now: Instant) -> Calendar {
        let mut calendar = Calendar { text: String::new(), stamp: utc_stamp(now), count: 0 };
        for line in ["BEGIN:VCALENDAR", "VERSION:2.0"] {
            calendar.line(line);
        }
        calendar.property("PRODID", PRODID);
        calendar.line("CALSCALE:GREGORIAN");
        calendar.line("METHOD:PUBLISH");
        calendar
    }

    /// Adds one event. Its `UID` comes from its contents and its place in the file.
    pub fn event(&mut self, event: &Event) -> &mut Calendar {
        let start = event.start;
        let end = start.plus_minutes(EVENT_MINUTES);
        let uid = uid(event, self.count);
        self.count += 1;
        self.line("BEGIN:VEVENT");
        self.property("UID", &uid);
        let stamp = format!("DTSTAMP:{}", self.stamp);
        self.line(&stamp);
        self.line(&format!("DTSTART:{}", floating(start)));
        self.line(&format!("DTEND:{}", floating(end)));
        if event.daily {
            self.line("RRULE:FREQ=DAILY");
        }
        self.text_property("SUMMARY", event.summary);
        if !event.description.is_empty() {
            self.text_property("DESCRIPTION", event.description);
        }
        self.line("CLASS:PRIVATE");
        self.line("TRANSP:TRANSPARENT");
        if event.alarm {
            self.line("BEGIN:VALARM");
            self.line("ACTION:DISPLAY");
            self.text_property("DESCRIPTION", event.summary);
            self.line("TRIGGER:PT0S");
            self.line("END:VALARM");
        }
        self.line("END:VEVENT");
        self
    }

    /// The finished file, ready to save as `.ics` (`text/calendar`).
    pub fn finish(mut self) -> String {
        self.line("END:VCALENDAR");
        self.text
    }

    fn line(&mut self, line: &str) {
        fold_into(&mut self.text, line);
    }

    fn property(&mut self, name: &str, value: &str) {
        let line = format!("{name}:{value}");
        self.line(&line);
    }

    fn text_property(&mut self, name: &str, value: &str) {
        let line = format!("{name}:{}", escape_text(value));
        self.line(&line);
    }
}

/// One daily repeating event per dose time, each with an alarm at the time, starting on
/// `start_date`. `note` is the description (where the times came from and when).
pub fn daily_reminders(
    times: &[ClockTime],
    title: &str,
    start_date: Date,
    now: Instant,
    note: &str,
) -> String {
    let mut calendar = Calendar::new(now);
    for time in times {
        calendar.event(&Event {
            start: LocalDateTime::new(start_date, *time),
            summary: title,
            description: note,
            daily: true,
            alarm: true,
        });
    }
    calendar.finish()
}

/// One event with an alarm at `at` ("Add my next dose to my calendar").
pub fn single_event(at: LocalDateTime, title: &str, note: &str, now: Instant) -> String {
    dated_events(&[at], title, note, now)
}

/// One event with an alarm per date and time, in the order given (a dose-change plan).
pub fn dated_events(at: &[LocalDateTime], title: &str, note: &str, now: Instant) -> String {
    let mut calendar = Calendar::new(now);
    for start in at {
        calendar.event(&Event {
            start: *start,
            summary: title,
            description: note,
            daily: false,
            alarm: true,
        });
    }
    calendar.finish()
}

/// When the missed-dose answer says the next dose is due: `None` when the answer is to ask
/// someone (a professional decides the next dose, so the guide puts nothing in the calendar).
/// The missed dose itself is never given an event: only the one next dose, so a calendar can
/// never show two doses for one slot.
pub fn next_dose_time(answer: &Answer) -> Option<Instant> {
    match answer.advice {
        Advice::TakeNow { next_dose_at } | Advice::NextAtUsualTimeAndContactToday { next_dose_at } => {
            Some(next_dose_at)
        }
        Advice::SkipAndTakeNextAt(at) => Some(at),
        Advice::AskNow(_) | Advice::AskBeforeRestarting(_) | Advice::Emergency(_) => None,
    }
}

/// The single "next dose" event for a missed-dose answer, at the re-planned time as clocks in
/// `zone` show it; `None` when the answer has no next dose time.
pub fn next_dose_event(
    answer: &Answer,
    zone: &impl Zone,
    title: &str,
    note: &str,
    now: Instant,
) -> Option<String> {
    next_dose_time(answer).map(|at| single_event(LocalDateTime::at(zone, at), title, note, now))
}

/// `YYYYMMDDTHHMMSS` (floating: no zone).
fn floating(at: LocalDateTime) -> String {
    let d = at.date;
    format!("{:04}{:02}{:02}T{:02}{:02}00", d.year, d.month, d.day, at.time.hour(), at.time.minute())
}

/// `YYYYMMDDTHHMMSSZ` in UTC.
fn utc_stamp(now: Instant) -> String {
    let date = Date::from_days_since_epoch(now.0.div_euclid(MINUTES_PER_DAY));
    let minutes = now.0.rem_euclid(MINUTES_PER_DAY);
    format!("{:04}{:02}{:02}T{:02}{:02}00Z", date.year, date.month, date.day, minutes / 60, minutes % 60)
}

/// FNV-1a (64-bit) of everything that makes the event what it is, and its place in the file.
fn uid(event: &Event, index: usize) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for byte in bytes {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        // A separator, so ("ab", "c") and ("a", "bc") differ.
        hash ^= 0xff;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    };
    eat(floating(event.start).as_bytes());
    eat(&[u8::from(event.daily), u8::from(event.alarm)]);
    eat(event.summary.as_bytes());
    eat(event.description.as_bytes());
    eat(&(index as u64).to_le_bytes());
    format!("{hash:016x}-{index}@dose-reminders")
}

/// Escapes a TEXT value (RFC 5545 §3.3.11): `\` `;` `,` and newlines; other control characters
/// (not allowed in TEXT) are dropped, tab is kept. CRLF and lone CR count as one newline.
pub fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded to 75 octets per physical line (RFC 5545 §3.1), each ending in CRLF.
/// A continuation line starts with one space, which counts towards its 75 octets. Folds fall
/// between characters, never inside one.
pub fn fold_into(out: &mut String, line: &str) {
    let mut room = 75;
    let mut used = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        if used + width > room {
            out.push_str("\r\n ");
            room = 74;
            used = 0;
        }
        out.push(c);
        used += width;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::rule_zones::{LONDON, NEW_YORK};
    use crate::time::{instant_at, FixedZone};

    fn date(y: i32, m: u8, d: u8) -> Date {
        Date::new(y, m, d).unwrap()
    }

    fn hm(h: u8, m: u8) -> ClockTime {
        ClockTime::from_hm(h, m).unwrap()
    }

    /// 23 Nov 2026 22:10 UTC.
    fn now() -> Instant {
        instant_at(&FixedZone(0), date(2026, 11, 23), hm(22, 10))
    }

    const NOTE: &str =
        "Times you entered in the Baclofen guide on 23 Nov 2026. If your prescriber changes your times, make a new reminder.";

    #[test]
    fn daily_reminders_have_one_repeating_event_per_time_with_an_alarm_at_the_time() {
        let ics = daily_reminders(
            &[hm(8, 0), hm(14, 0), hm(20, 0)],
            "Medicine reminder",
            date(2026, 11, 24),
            now(),
            NOTE,
        );
        assert!(ics.starts_with(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Patient guide//Dose reminders//EN\r\n"
        ));
        assert!(ics.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
        assert_eq!(ics.matches("BEGIN:VEVENT\r\n").count(), 3);
        assert_eq!(ics.matches("RRULE:FREQ=DAILY\r\n").count(), 3);
        assert_eq!(ics.matches("BEGIN:VALARM\r\nACTION:DISPLAY\r\n").count(), 3);
        assert_eq!(ics.matches("TRIGGER:PT0S\r\n").count(), 3);
        for start in
            ["DTSTART:20261124T080000\r\n", "DTSTART:20261124T140000\r\n", "DTSTART:20261124T200000\r\n"]
        {
            assert!(ics.contains(start), "{start}");
        }
        assert!(ics.contains("DTEND:20261124T080500\r\n"));
        assert_eq!(ics.matches("DTSTAMP:20261123T221000Z\r\n").count(), 3);
        assert!(!ics.contains("TZID"), "floating times: no time zone");
        // No bare LF anywhere: every line ends in CRLF.
        assert_eq!(ics.matches('\n').count(), ics.matches("\r\n").count());
    }

    #[test]
    fn the_description_says_where_the_times_came_from_and_escapes_commas() {
        let ics = daily_reminders(&[hm(8, 0)], "Baclofen", date(2026, 11, 24), now(), NOTE);
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains(
            "DESCRIPTION:Times you entered in the Baclofen guide on 23 Nov 2026. If your prescriber changes your times\\, make a new reminder.\r\n"
        ));
        assert!(unfolded.contains("SUMMARY:Baclofen\r\n"));
    }

    #[test]
    fn text_escaping_follows_rfc_5545() {
        assert_eq!(escape_text(r"a\b;c,d"), r"a\\b\;c\,d");
        assert_eq!(escape_text("one\ntwo\r\nthree\rfour"), r"one\ntwo\nthree\nfour");
        assert_eq!(escape_text("bell\u{7}tab\t"), "belltab\t");
        assert_eq!(escape_text("Médicament"), "Médicament");
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let mut out = String::new();
        let long = format!("DESCRIPTION:{}", "é".repeat(100));
        fold_into(&mut out, &long);
        for physical in out.split_terminator("\r\n") {
            assert!(physical.len() <= 75, "{} octets", physical.len());
        }
        assert_eq!(out.replace("\r\n ", ""), format!("{long}\r\n"));
        // Exactly 75 octets: not folded.
        let mut exact = String::new();
        fold_into(&mut exact, &"x".repeat(75));
        assert_eq!(exact, format!("{}\r\n", "x".repeat(75)));
        let mut over = String::new();
        fold_into(&mut over, &"x".repeat(76));
        assert_eq!(over, format!("{}\r\n x\r\n", "x".repeat(75)));
    }

    #[test]
    fn uids_depend_on_the_inputs_not_the_clock() {
        let a = daily_reminders(&[hm(8, 0), hm(20, 0)], "Medicine reminder", date(2026, 11, 24), now(), NOTE);
        let b = daily_reminders(
            &[hm(8, 0), hm(20, 0)],
            "Medicine reminder",
            date(2026, 11, 24),
            now().plus_minutes(90),
            NOTE,
        );
        let uids =
            |ics: &str| ics.lines().filter(|l| l.starts_with("UID:")).map(str::to_owned).collect::<Vec<_>>();
        assert_eq!(uids(&a), uids(&b));
        let c = daily_reminders(&[hm(9, 0), hm(20, 0)], "Medicine reminder", date(2026, 11, 24), now(), NOTE);
        assert_ne!(uids(&a)[0], uids(&c)[0]);
        let all = uids(&a);
        assert_ne!(all[0], all[1]);
    }

    #[test]
    fn an_event_near_midnight_ends_on_the_next_day() {
        let ics =
            single_event(LocalDateTime::new(date(2026, 12, 31), hm(23, 58)), "Medicine reminder", "", now());
        assert!(ics.contains("DTSTART:20261231T235800\r\nDTEND:20270101T000300\r\n"));
        assert!(!ics.contains("RRULE"));
        assert!(!ics.contains("\r\nDESCRIPTION:\r\n"));
    }

    #[test]
    fn a_floating_time_maps_to_the_same_wall_clock_on_both_sides_of_2026_clock_changes() {
        // The reference: UK clocks change 29 Mar / 25 Oct 2026, US 8 Mar / 1 Nov 2026.
        for (zone, before, after) in [
            (LONDON, date(2026, 3, 28), date(2026, 3, 30)),
            (LONDON, date(2026, 10, 24), date(2026, 10, 26)),
            (NEW_YORK, date(2026, 3, 7), date(2026, 3, 9)),
            (NEW_YORK, date(2026, 10, 31), date(2026, 11, 2)),
        ] {
            let a = instant_at(&zone, before, hm(8, 0));
            let b = instant_at(&zone, after, hm(8, 0));
            // Two days apart on the clock, but 47 or 49 real hours: the clock changed between.
            assert!(a.minutes_until(b) == 47 * 60 || a.minutes_until(b) == 49 * 60, "{zone:?}");
            assert_eq!(LocalDateTime::at(&zone, b).time, hm(8, 0));
        }
    }
}

/// Property tests: the file a generated schedule gives is read back by a small RFC 5545 reader
/// (unfold, unescape, pick properties) and checked against the schedule rules and the
/// missed-dose engine. The real-parser check (Mozilla's ical.js) is tests/calendar.test.mjs.
#[cfg(test)]
mod property {
    use super::*;
    use crate::fact_sheet::{LIMITS, RULES};
    use crate::missed_dose::{advise, Advice, Person, Situation};
    use crate::schedule::Schedule;

    use crate::time::rule_zones::{LONDON, NEW_YORK};
    use crate::time::{instant_at, FixedZone};
    use proptest::prelude::*;

    /// Unfolded logical lines of a file (RFC 5545 §3.1), checking the physical form on the way.
    fn logical_lines(ics: &str) -> Vec<String> {
        assert!(ics.ends_with("\r\n"));
        let mut lines: Vec<String> = Vec::new();
        for physical in ics.split_terminator("\r\n") {
            assert!(physical.len() <= 75, "line of {} octets: {physical}", physical.len());
            assert!(!physical.contains('\n') && !physical.contains('\r'));
            match physical.strip_prefix(' ') {
                Some(rest) => lines.last_mut().expect("a continuation after a line").push_str(rest),
                None => lines.push(physical.to_owned()),
            }
        }
        lines
    }

    fn unescape(value: &str) -> String {
        let mut out = String::new();
        let mut chars = value.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n') | Some('N') => out.push('\n'),
                    Some(other) => out.push(other),
                    None => panic!("a lone backslash"),
                }
            } else {
                assert!(c != ';' && c != ',', "unescaped {c} in {value}");
                out.push(c);
            }
        }
        out
    }

    #[derive(Debug, Default, Clone)]
    struct Read {
        start: String,
        rrule: Option<String>,
        summary: String,
        description: String,
        alarm_trigger: Option<String>,
        uid: String,
    }

    fn read_events(ics: &str) -> Vec<Read> {
        let mut events = Vec::new();
        let mut current: Option<Read> = None;
        let mut in_alarm = false;
        for line in logical_lines(ics) {
            let (name, value) = line.split_once(':').expect("NAME:value");
            match (name, value) {
                ("BEGIN", "VEVENT") => current = Some(Read::default()),
                ("END", "VEVENT") => events.push(current.take().expect("an open event")),
                ("BEGIN", "VALARM") => in_alarm = true,
                ("END", "VALARM") => in_alarm = false,
                _ => {
                    let Some(event) = current.as_mut() else { continue };
                    match name {
                        "DTSTART" => event.start = value.to_owned(),
                        "RRULE" => event.rrule = Some(value.to_owned()),
                        "SUMMARY" => event.summary = unescape(value),
                        "DESCRIPTION" if !in_alarm => event.description = unescape(value),
                        "TRIGGER" if in_alarm => event.alarm_trigger = Some(value.to_owned()),
                        "UID" => event.uid = value.to_owned(),
                        _ => {}
                    }
                }
            }
        }
        events
    }

    /// `YYYYMMDDTHHMMSS` back to a floating date and time (panics on anything else).
    fn parse_floating(text: &str) -> LocalDateTime {
        assert_eq!(text.len(), 15, "{text}");
        assert_eq!(&text[8..9], "T");
        assert_eq!(&text[13..15], "00");
        let n = |r: std::ops::Range<usize>| text[r].parse::<u32>().unwrap();
        LocalDateTime::new(
            Date::new(n(0..4) as i32, n(4..6) as u8, n(6..8) as u8).unwrap(),
            ClockTime::from_hm(n(9..11) as u8, n(11..13) as u8).unwrap(),
        )
    }

    /// A valid schedule of 1–6 doses: gaps of at least the schedule's minimum, any start.
    fn schedules() -> impl Strategy<Value = Schedule> {
        (1usize..=6, 0u16..1440, prop::collection::vec(1u16..100, 6)).prop_map(|(n, first, weights)| {
            let spare = 1440 - LIMITS.min_minutes_between_doses * n as u16;
            let total: u32 = weights[..n].iter().map(|w| u32::from(*w)).sum();
            let mut minute = first;
            let mut times = Vec::new();
            for weight in &weights[..n] {
                times.push(ClockTime::from_minutes(minute % 1440).unwrap());
                minute +=
                    LIMITS.min_minutes_between_doses + (u32::from(spare) * u32::from(*weight) / total) as u16;
            }
            Schedule::from_times(&times, &LIMITS).expect("generated schedules are valid")
        })
    }

    /// What a reader should get back from any text: newlines as `\n`, other controls gone.
    fn clean(text: &str) -> String {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        text.chars().filter(|c| !c.is_control() || *c == '\n' || *c == '\t').collect()
    }

    fn titles() -> impl Strategy<Value = String> {
        prop_oneof![Just("Medicine reminder".to_owned()), Just("Baclofen".to_owned()), any::<String>()]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        /// One daily event per dose time, each at its time with an alarm at the time, and no two
        /// reminders, over a week of repeats, closer than the schedule's own shortest gap.
        #[test]
        fn daily_reminders_never_come_closer_than_the_schedule(
            schedule in schedules(),
            title in titles(),
            note in any::<String>(),
            day in 0i64..3650,
        ) {
            let start = Date::new(2026, 1, 1).unwrap().plus_days(day);
            let ics = daily_reminders(schedule.times(), &title, start, Instant(29_000_000), &note);
            let events = read_events(&ics);
            prop_assert_eq!(events.len(), schedule.doses_per_day());
            let mut wall_clock = Vec::new();
            for (event, time) in events.iter().zip(schedule.times()) {
                prop_assert_eq!(event.rrule.as_deref(), Some("FREQ=DAILY"));
                prop_assert_eq!(event.alarm_trigger.as_deref(), Some("PT0S"));
                let at = parse_floating(&event.start);
                prop_assert_eq!(at, LocalDateTime::new(start, *time));
                prop_assert_eq!(&event.summary, &clean(&title));
                for repeat in 0..7 {
                    wall_clock.push((at.date.days_since_epoch() + repeat) * MINUTES_PER_DAY + i64::from(at.time.minutes()));
                }
            }
            wall_clock.sort_unstable();
            for pair in wall_clock.windows(2) {
                prop_assert!(pair[1] - pair[0] >= schedule.shortest_gap());
                prop_assert!(pair[1] - pair[0] >= i64::from(LIMITS.min_minutes_between_doses));
            }
            let mut uids: Vec<&str> = events.iter().map(|e| e.uid.as_str()).collect();
            uids.dedup();
            prop_assert_eq!(uids.len(), events.len());
        }

        /// Any text survives escaping and folding: a reader gets the same words back.
        #[test]
        fn any_text_round_trips_through_escaping_and_folding(title in any::<String>(), note in any::<String>()) {
            let ics = single_event(LocalDateTime::new(Date::new(2026, 3, 29).unwrap(), ClockTime::from_hm(1, 30).unwrap()), &title, &note, Instant(0));
            let events = read_events(&ics);
            prop_assert_eq!(events.len(), 1);
            prop_assert_eq!(&events[0].summary, &clean(&title));
            if !clean(&note).is_empty() {
                prop_assert_eq!(&events[0].description, &clean(&note));
            }
        }

        /// After a missed dose, the one event is exactly the engine's re-planned next dose, on the
        /// clock the person sees; no event when the answer is to ask someone; and it is never a
        /// double dose: after "take it now" it leaves the NHS 2-hour window (adults) or the
        /// Medicines for Children 4-hour gap (children).
        #[test]
        fn the_next_dose_event_is_the_engines_answer_and_never_a_double_dose(
            schedule in schedules(),
            minute_of_2026 in 0i64..(365 * 1440),
            child in any::<bool>(),
            london in any::<bool>(),
        ) {
            let person = if child { Person::Child } else { Person::Adult };
            let zone = if london { LONDON.precomputed(2025..=2027) } else { NEW_YORK.precomputed(2025..=2027) };
            let now = instant_at(&FixedZone(0), Date::new(2026, 1, 1).unwrap(), ClockTime::MIDNIGHT).plus_minutes(minute_of_2026);
            let answer = advise(Some(&schedule), &zone, now, &Situation::one_missed(person), &RULES).unwrap();
            let event = next_dose_event(&answer, &zone, "Medicine reminder", "", now);
            match answer.advice {
                Advice::TakeNow { next_dose_at } | Advice::SkipAndTakeNextAt(next_dose_at) => {
                    let ics = event.expect("an event for a next dose time");
                    let events = read_events(&ics);
                    prop_assert_eq!(events.len(), 1, "one event, never two doses");
                    prop_assert_eq!(events[0].rrule.as_deref(), None);
                    prop_assert_eq!(events[0].alarm_trigger.as_deref(), Some("PT0S"));
                    let at = parse_floating(&events[0].start);
                    prop_assert_eq!(at, LocalDateTime::at(&zone, next_dose_at));
                    prop_assert!(next_dose_at > now);
                    if let Advice::TakeNow { .. } = answer.advice {
                        let gap = now.minutes_until(next_dose_at);
                        let least = match person { Person::Adult => RULES.skip_window, Person::Child => RULES.child_min_gap };
                        prop_assert!(gap >= i64::from(least), "next dose {gap} min after the late one");
                    }
                }
                _ => prop_assert!(event.is_none()),
            }
        }
    }
}
