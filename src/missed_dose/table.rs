//! Worked answers of the missed-dose helper, laid out as tables: published for review in
//! `docs/missed-dose-decision-table.md` and shown on the static page when the helper cannot run.

use super::wording::{explain, time_words};
use crate::content::MISSED_DOSE;
use baclofen_logic::missed_dose::{advise, Form, Missed, Person, Situation, WhichDose};
use baclofen_logic::schedule::Schedule;
use baclofen_logic::time::rule_zones::{LONDON, NEW_YORK};
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

fn t(text: &str) -> ClockTime {
    ClockTime::parse(text).expect("times in the worked examples are valid")
}

fn schedule(times: &[&str]) -> Schedule {
    Schedule::from_times(&times.iter().map(|s| t(s)).collect::<Vec<_>>(), &crate::content::SCHEDULE_LIMITS)
        .expect("a valid example schedule")
}

fn row(zone: &impl Zone, sched: &Schedule, now: Instant, situation: Situation, who: &str) -> Row {
    let rules = MISSED_DOSE.rules;
    let answer = advise(Some(sched), zone, now, &situation, &rules).expect("a valid example question");
    let words = explain(&answer, zone, now, &rules);
    Row {
        who: who.to_string(),
        now: local_at(zone, now).1.to_string(),
        dose: answer.dose_at.map(|at| time_words(zone, now, at)).unwrap_or_else(|| "–".into()),
        answer: format!("{} {}", words.action, words.then),
        rule: answer.rule.key(),
    }
}

fn timed(
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
        timed("Adult (NHS rule)", &utc, &three, day, &times, Person::Adult),
        timed(
            // The gap is the content's number (content/missed-dose.toml), said in words.
            format!(
                "Child (NHS rule with the Medicines for Children gap of {})",
                super::wording::duration_words(MISSED_DOSE.rules.child_min_gap)
            ),
            &utc,
            &three,
            day,
            &times,
            Person::Child,
        ),
    ]
}

/// Every worked table: the three-a-day tables, four a day, other situations, and clock changes.
pub fn all() -> Vec<Table> {
    let (utc, day) = (FixedZone(0), example_day());
    let mut tables = three_a_day();
    let four = schedule(&["08:00", "12:00", "16:00", "20:00"]);
    tables.push(timed(
        "Child, four doses a day (08:00, 12:00, 16:00, 20:00), the 08:00 dose missed",
        &utc,
        &four,
        day,
        &["08:30", "09:00", "09:59", "10:00"],
        Person::Child,
    ));

    let three = schedule(&["08:00", "14:00", "20:00"]);
    let ten = instant_at(&utc, day, t("10:00"));
    let cases: [(&str, Situation); 7] = [
        (
            "two or more missed",
            Situation { missed: Missed::TwoOrMoreInARow, ..Situation::one_missed(Person::Adult) },
        ),
        ("ran out", Situation { missed: Missed::RanOut, ..Situation::one_missed(Person::Adult) }),
        ("pump user", Situation { form: Form::Pump, ..Situation::one_missed(Person::Adult) }),
        ("withdrawal signs", Situation { withdrawal_signs: true, ..Situation::one_missed(Person::Adult) }),
        (
            "adult, sick 20 min after",
            Situation { vomited_after: Some(20), ..Situation::one_missed(Person::Adult) },
        ),
        (
            "child, sick 20 min after",
            Situation { vomited_after: Some(20), ..Situation::one_missed(Person::Child) },
        ),
        (
            "child, sick 45 min after",
            Situation { vomited_after: Some(45), ..Situation::one_missed(Person::Child) },
        ),
    ];
    let mut rows: Vec<Row> = cases.into_iter().map(|(who, s)| row(&utc, &three, ten, s, who)).collect();
    let chosen = Situation {
        dose: WhichDose::At(instant_at(&utc, day, t("08:00"))),
        ..Situation::one_missed(Person::Adult)
    };
    rows.push(row(&utc, &three, instant_at(&utc, day, t("15:00")), chosen, "08:00 chosen at 15:00"));
    tables.push(Table { title: "Other situations (adult unless stated; now 10:00)".into(), rows });

    let late = schedule(&["08:00", "15:00", "22:00"]);
    let autumn = Date::new(2026, 10, 25).expect("a real date");
    let six_hourly = schedule(&["03:00", "09:00", "15:00", "21:00"]);
    let first = instant_at(&LONDON, autumn, t("01:15"));
    let spring = Date::new(2026, 3, 8).expect("a real date");
    let five = schedule(&["01:00", "04:00", "10:00", "16:00", "22:00"]);
    tables.push(Table {
        title: "Midnight and daylight-saving days".into(),
        rows: vec![
            row(
                &LONDON,
                &late,
                instant_at(&LONDON, day.plus_days(1), t("01:30")),
                Situation::one_missed(Person::Adult),
                "adult, due 22:00",
            ),
            row(
                &LONDON,
                &six_hourly,
                first,
                Situation::one_missed(Person::Adult),
                "adult, London 25 Oct, first 01:15 (BST)",
            ),
            row(
                &LONDON,
                &six_hourly,
                first.plus_minutes(60),
                Situation::one_missed(Person::Adult),
                "adult, London 25 Oct, second 01:15 (GMT)",
            ),
            row(
                &NEW_YORK,
                &five,
                instant_at(&NEW_YORK, spring, t("01:30")),
                Situation::one_missed(Person::Adult),
                "adult, New York 8 Mar, 01:30 (next 04:00 is 90 real minutes away)",
            ),
        ],
    });
    tables
}
