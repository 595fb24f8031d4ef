//! Real instants, local calendar dates and wall-clock times, and the time zone that links them.
//!
//! Dose times are wall-clock times ("08:00") in the person's time zone; the advice compares
//! real instants, so midnight crossings and daylight-saving changes come out right.

use std::fmt;

pub const MINUTES_PER_DAY: i64 = 24 * 60;

/// A real moment: whole minutes since 1970-01-01 00:00 UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Instant(pub i64);

impl Instant {
    pub fn plus_minutes(self, minutes: i64) -> Instant {
        Instant(self.0 + minutes)
    }

    /// Minutes from `self` until `later` (negative if `later` is earlier).
    pub fn minutes_until(self, later: Instant) -> i64 {
        later.0 - self.0
    }
}

/// A calendar date (proleptic Gregorian).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// `None` unless the date exists.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The inverse of [`Date::days_since_epoch`].
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    pub fn plus_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + days)
    }

    /// 0 = Sunday … 6 = Saturday.
    pub fn weekday(self) -> u8 {
        (self.days_since_epoch() + 4).rem_euclid(7) as u8
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A wall-clock time of day, to the minute.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime(u16);

/// Why a typed time was not accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClockTimeError {
    Empty,
    /// Not in the `HH:MM` shape, or hours/minutes out of range.
    NotATime,
}

impl ClockTime {
    pub const MIDNIGHT: ClockTime = ClockTime(0);

    pub fn from_hm(hour: u8, minute: u8) -> Option<ClockTime> {
        (hour < 24 && minute < 60).then(|| ClockTime(u16::from(hour) * 60 + u16::from(minute)))
    }

    pub fn from_minutes(minutes: u16) -> Option<ClockTime> {
        (minutes < 24 * 60).then_some(ClockTime(minutes))
    }

    /// Parses what an `<input type="time">` gives: `HH:MM`, optionally with `:SS` (ignored).
    pub fn parse(text: &str) -> Result<ClockTime, ClockTimeError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(ClockTimeError::Empty);
        }
        let mut parts = text.split(':');
        let hour = parts.next().filter(|h| (1..=2).contains(&h.len()));
        let minute = parts.next().filter(|m| m.len() == 2);
        let seconds_ok = parts.next().is_none_or(|s| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()));
        if parts.next().is_some() || !seconds_ok {
            return Err(ClockTimeError::NotATime);
        }
        let number =
            |s: Option<&str>| s.filter(|s| s.bytes().all(|b| b.is_ascii_digit()))?.parse::<u8>().ok();
        match (number(hour), number(minute)) {
            (Some(h), Some(m)) => ClockTime::from_hm(h, m).ok_or(ClockTimeError::NotATime),
            _ => Err(ClockTimeError::NotATime),
        }
    }

    pub fn minutes(self) -> u16 {
        self.0
    }

    pub fn hour(self) -> u8 {
        (self.0 / 60) as u8
    }

    pub fn minute(self) -> u8 {
        (self.0 % 60) as u8
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour(), self.minute())
    }
}

/// A time zone: how far local clocks are ahead of UTC at a given instant.
pub trait Zone {
    /// Minutes east of UTC in force at `at` (UK summer: +60; New York winter: -300).
    fn offset_minutes(&self, at: Instant) -> i32;
}

/// A zone that never changes its clocks (UTC, India, …).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FixedZone(pub i32);

impl Zone for FixedZone {
    fn offset_minutes(&self, _at: Instant) -> i32 {
        self.0
    }
}

/// The local date and time that clocks in `zone` show at `at`.
pub fn local_at(zone: &impl Zone, at: Instant) -> (Date, ClockTime) {
    let local = at.0 + i64::from(zone.offset_minutes(at));
    let date = Date::from_days_since_epoch(local.div_euclid(MINUTES_PER_DAY));
    (date, ClockTime(local.rem_euclid(MINUTES_PER_DAY) as u16))
}

/// The instant at which clocks in `zone` show `time` on `date`.
///
/// When clocks go back, a time happens twice: the earlier instant is used. When clocks go
/// forward, a skipped time (01:30 on the UK spring change) is read with the offset from before
/// the change, which lands just after it (02:30 summer time), as JavaScript's `Date` does.
pub fn instant_at(zone: &impl Zone, date: Date, time: ClockTime) -> Instant {
    let local = date.days_since_epoch() * MINUTES_PER_DAY + i64::from(time.0);
    // Offsets that could apply: those a day either side cover any real-world change.
    let before = zone.offset_minutes(Instant(local - MINUTES_PER_DAY));
    let after = zone.offset_minutes(Instant(local + MINUTES_PER_DAY));
    // A larger offset gives an earlier instant: try it first so the earlier occurrence wins.
    let candidates = [before.max(after), before.min(after)];
    candidates
        .into_iter()
        .map(|offset| Instant(local - i64::from(offset)))
        .find(|candidate| local_at(zone, *candidate) == (date, time))
        .unwrap_or(Instant(local - i64::from(before)))
}

/// Daylight-saving zones following the current UK/EU and US rules, for tests, sweeps and the
/// published decision table. (The browser app uses the device's own zone instead.)
pub mod rule_zones {
    use super::{Date, Instant, Zone, MINUTES_PER_DAY};

    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum DstRule {
        /// Last Sunday of March 01:00 UTC to last Sunday of October 01:00 UTC.
        European,
        /// Second Sunday of March 02:00 local to first Sunday of November 02:00 local.
        UnitedStates,
    }

    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub struct RuleZone {
        pub name: &'static str,
        pub standard: i32,
        pub rule: DstRule,
    }

    pub const LONDON: RuleZone = RuleZone { name: "Europe/London", standard: 0, rule: DstRule::European };
    pub const BERLIN: RuleZone = RuleZone { name: "Europe/Berlin", standard: 60, rule: DstRule::European };
    pub const NEW_YORK: RuleZone =
        RuleZone { name: "America/New_York", standard: -300, rule: DstRule::UnitedStates };
    pub const LOS_ANGELES: RuleZone =
        RuleZone { name: "America/Los_Angeles", standard: -480, rule: DstRule::UnitedStates };

    fn nth_sunday(year: i32, month: u8, n: u8) -> Date {
        let first = Date::new(year, month, 1).unwrap();
        let to_sunday = (7 - first.weekday()) % 7;
        first.plus_days(i64::from(to_sunday + 7 * (n - 1)))
    }

    fn last_sunday(year: i32, month: u8) -> Date {
        let next_month_first =
            if month == 12 { Date::new(year + 1, 1, 1) } else { Date::new(year, month + 1, 1) }.unwrap();
        let last = next_month_first.plus_days(-1);
        last.plus_days(-i64::from(last.weekday()))
    }

    fn at_utc(date: Date, minutes_utc: i64) -> i64 {
        date.days_since_epoch() * MINUTES_PER_DAY + minutes_utc
    }

    impl RuleZone {
        /// The UTC instants (in minutes) when summer time starts and ends in `year`.
        pub fn summer_time(&self, year: i32) -> (Instant, Instant) {
            let s = i64::from(self.standard);
            match self.rule {
                DstRule::European => {
                    (Instant(at_utc(last_sunday(year, 3), 60)), Instant(at_utc(last_sunday(year, 10), 60)))
                }
                DstRule::UnitedStates => (
                    Instant(at_utc(nth_sunday(year, 3, 2), 120 - s)),
                    Instant(at_utc(nth_sunday(year, 11, 1), 120 - (s + 60))),
                ),
            }
        }
    }

    /// A [`RuleZone`] with its summer-time periods worked out in advance for a range of years:
    /// the same offsets, cheap enough for sweeps that ask millions of times.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct PrecomputedZone {
        standard: i32,
        summers: Vec<(Instant, Instant)>,
        years: std::ops::RangeInclusive<i32>,
    }

    impl RuleZone {
        pub fn precomputed(&self, years: std::ops::RangeInclusive<i32>) -> PrecomputedZone {
            let summers = years.clone().map(|year| self.summer_time(year)).collect();
            PrecomputedZone { standard: self.standard, summers, years }
        }
    }

    impl Zone for PrecomputedZone {
        fn offset_minutes(&self, at: Instant) -> i32 {
            debug_assert!(self
                .years
                .contains(&Date::from_days_since_epoch(at.0.div_euclid(MINUTES_PER_DAY)).year));
            let summer = self.summers.iter().any(|(start, end)| at >= *start && at < *end);
            self.standard + if summer { 60 } else { 0 }
        }
    }

    impl Zone for RuleZone {
        fn offset_minutes(&self, at: Instant) -> i32 {
            let year = Date::from_days_since_epoch(at.0.div_euclid(MINUTES_PER_DAY)).year;
            let (start, end) = self.summer_time(year);
            if at >= start && at < end {
                self.standard + 60
            } else {
                self.standard
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::rule_zones::{LONDON, NEW_YORK};
    use super::*;

    fn date(y: i32, m: u8, d: u8) -> Date {
        Date::new(y, m, d).unwrap()
    }

    fn hm(h: u8, m: u8) -> ClockTime {
        ClockTime::from_hm(h, m).unwrap()
    }

    #[test]
    fn civil_dates_round_trip_over_four_centuries() {
        for days in -146_097..146_097 * 2 {
            let d = Date::from_days_since_epoch(days);
            assert_eq!(d.days_since_epoch(), days);
            assert!(Date::new(d.year, d.month, d.day).is_some());
        }
        assert_eq!(date(1970, 1, 1).days_since_epoch(), 0);
        assert_eq!(date(2026, 11, 23).weekday(), 1, "a Monday");
        assert_eq!(Date::new(2026, 2, 29), None);
        assert!(Date::new(2028, 2, 29).is_some());
    }

    #[test]
    fn clock_times_parse_what_time_inputs_give_and_reject_the_rest() {
        assert_eq!(ClockTime::parse("08:00"), Ok(hm(8, 0)));
        assert_eq!(ClockTime::parse("8:05"), Ok(hm(8, 5)));
        assert_eq!(ClockTime::parse("23:59:00"), Ok(hm(23, 59)));
        assert_eq!(ClockTime::parse("  "), Err(ClockTimeError::Empty));
        for bad in
            ["24:00", "12:60", "12", "1200", "ab:cd", "12:5", "-1:00", "12:00:00:00", "+1:00", "12:00:5x"]
        {
            assert_eq!(ClockTime::parse(bad), Err(ClockTimeError::NotATime), "{bad}");
        }
        assert_eq!(hm(7, 5).to_string(), "07:05");
    }

    #[test]
    fn uk_and_us_summer_time_2026_start_and_end_on_the_right_days() {
        let (start, end) = LONDON.summer_time(2026);
        assert_eq!(local_at(&FixedZone(0), start), (date(2026, 3, 29), hm(1, 0)));
        assert_eq!(local_at(&FixedZone(0), end), (date(2026, 10, 25), hm(1, 0)));
        let (start, end) = NEW_YORK.summer_time(2026);
        assert_eq!(local_at(&FixedZone(-300), start), (date(2026, 3, 8), hm(2, 0)));
        assert_eq!(local_at(&FixedZone(-240), end), (date(2026, 11, 1), hm(2, 0)));
    }

    #[test]
    fn precomputed_zones_give_the_same_offsets() {
        let fast = LONDON.precomputed(2025..=2027);
        let start = instant_at(&FixedZone(0), date(2025, 1, 1), ClockTime::MIDNIGHT);
        for step in 0..(3 * 365 * 24) {
            let at = start.plus_minutes(step * 60 + 7);
            assert_eq!(fast.offset_minutes(at), LONDON.offset_minutes(at));
        }
    }

    #[test]
    fn a_skipped_spring_time_lands_just_after_the_change() {
        // London, 29 March 2026: clocks jump from 01:00 to 02:00.
        let at = instant_at(&LONDON, date(2026, 3, 29), hm(1, 30));
        assert_eq!(local_at(&LONDON, at), (date(2026, 3, 29), hm(2, 30)));
    }

    #[test]
    fn a_repeated_autumn_time_uses_its_first_occurrence() {
        // London, 25 October 2026: 01:00–02:00 happens twice; first in summer time (UTC+1).
        let at = instant_at(&LONDON, date(2026, 10, 25), hm(1, 30));
        assert_eq!(local_at(&FixedZone(0), at), (date(2026, 10, 25), hm(0, 30)));
    }

    #[test]
    fn every_local_minute_round_trips_on_change_days_except_the_skipped_hour() {
        for (zone, day) in
            [(LONDON, date(2026, 3, 29)), (LONDON, date(2026, 10, 25)), (NEW_YORK, date(2026, 3, 8))]
        {
            for minute in 0..1440 {
                let time = ClockTime::from_minutes(minute).unwrap();
                let at = instant_at(&zone, day, time);
                let (d, t) = local_at(&zone, at);
                // Only the hour the clocks skip comes back an hour later.
                let skipped = d == day && t.minutes() == time.minutes() + 60;
                assert!((d, t) == (day, time) || skipped, "{day:?} {time} came back as {d:?} {t}");
            }
        }
    }
}
