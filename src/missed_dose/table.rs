//! Worked answers of the missed-dose helper, laid out as tables: the three-a-day tables are
//! shown on the static page when the helper cannot run; `tests/decision_table.rs` adds the
//! pharmacist's review tables (`docs/missed-dose-decision-table.md`) from the same pieces.

use super::wording::{explain, time_words};
use crate::content::MISSED_DOSE;
use baclofen_logic::missed_dose::{advise, Person, Situation};
use baclofen_logic::schedule::Schedule;
use baclofen_logic::time::{instant_at, local_at, ClockTime, Date, FixedZone, Instant, Zone};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub who: String,
    pub now: String,
    pub dose: String,
    pub answer: String,
    pub rule: &'static str,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub title: String,
    pub rows: Vec<Row>,
}

pub fn t(text: &str) -> ClockTime {
    ClockTime::parse(text).expect("times in the worked examples are valid")
}

pub fn schedule(times: &[&str]) -> Schedule {
    Schedule::from_times(&times.iter().map(|s| t(s)).collect::<Vec<_>>(), &crate::content::SCHEDULE_LIMITS)
        .expect("a valid example schedule")
}

pub fn row(zone: &impl Zone, sched: &Schedule, now: Instant, situation: Situation, who: &str) -> Row {
    let rules = MISSED_DOSE.rules;
    let answer = advise(Some(sched), zone, now, &situation, &rules).expect("a valid example question");
    // The published tables are the same in every region: the general out-of-hours route.
    let words = explain(&answer, zone, now, &rules, crate::content::OutOfHours::General);
    Row {
        who: who.to_string(),
        now: local_at(zone, now).1.to_string(),
        dose: answer.dose_at.map(|at| time_words(zone, now, at)).unwrap_or_else(|| "–".into()),
        answer: [Some(words.action), Some(words.then), words.out_of_hours, words.safe_default]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" "),
        rule: answer.rule.key(),
    }
}

pub fn timed(
    title: impl Into<String>,
    zone: &impl Zone,
    sched: &Schedule,
    date: Date,
    times: &[&str],
    person: Person,
) -> Table {
    let who = match person {
        Person::Adult => "adult",
        Person::Child => "child",
    };
    let rows = times
        .iter()
        .map(|time| row(zone, sched, instant_at(zone, date, t(time)), Situation::one_missed(person), who))
        .collect();
    Table { title: title.into(), rows }
}

/// The example day: London, 23 November 2026.
pub fn example_day() -> Date {
    Date::new(2026, 11, 23).expect("a real date")
}

/// Doses at 08:00, 14:00 and 20:00 with the 08:00 dose missed, for an adult and a child.
pub fn three_a_day() -> Vec<Table> {
    let (utc, day) = (FixedZone(0), example_day());
    let three = schedule(&["08:00", "14:00", "20:00"]);
    let times = ["08:00", "09:00", "10:00", "11:00", "11:59", "12:00", "12:01", "13:00", "13:30", "13:59"];
    vec![
        timed(crate::content::ui::missed_dose_rules::ADULT_TABLE, &utc, &three, day, &times, Person::Adult),
        timed(
            // The gap is the content's number (content/missed-dose.toml), said in words.
            crate::content::ui::missed_dose_rules::CHILD_TABLE
                .replace("{gap}", &super::wording::duration_words(MISSED_DOSE.rules.child_min_gap)),
            &utc,
            &three,
            day,
            &times,
            Person::Child,
        ),
    ]
}
