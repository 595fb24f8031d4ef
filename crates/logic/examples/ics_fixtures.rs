//! Writes calendar files made by `baclofen_logic::calendar` into a folder, for the real-parser
//! check in tests/calendar.test.mjs (Mozilla's ical.js):
//!     cargo run -q -p baclofen-logic --example ics_fixtures -- target/ics-fixtures

use baclofen_logic::calendar::{daily_reminders, dated_events, next_dose_event, LocalDateTime};
use baclofen_logic::missed_dose::{advise, Person, Situation};
use baclofen_logic::schedule::Schedule;
use baclofen_logic::time::rule_zones::LONDON;
use baclofen_logic::time::{instant_at, ClockTime, Date, FixedZone};

#[path = "../tests/common/fact_sheet.rs"]
mod fact_sheet;
use fact_sheet::{LIMITS, RULES};

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "target/ics-fixtures".into());
    std::fs::create_dir_all(&dir).expect("make the fixtures folder");
    let hm = |h, m| ClockTime::from_hm(h, m).unwrap();
    let date = |y, m, d| Date::new(y, m, d).unwrap();
    let now = instant_at(&FixedZone(0), date(2026, 1, 5), hm(9, 15));
    let write = |name: &str, text: String| std::fs::write(format!("{dir}/{name}"), text).expect("write");

    // Three doses a day from 5 Jan 2026, through both 2026 clock changes in the UK and the US.
    let note = "Times you entered in the Baclofen guide on 5 Jan 2026. If your prescriber changes your times, make a new reminder.";
    write(
        "daily.ics",
        daily_reminders(&[hm(8, 0), hm(14, 0), hm(20, 0)], "Medicine reminder", date(2026, 1, 5), now, note),
    );

    // A title and note that need escaping and folding (commas, semicolons, a backslash, a
    // newline, letters of more than one byte).
    let awkward = "Médicament; dose 1, 2 \\ 3\nNächste Dosis: «08:00» — ½ tablet, with food; ça va? 日本語のテキストも折り返します。";
    write(
        "awkward.ics",
        daily_reminders(&[hm(0, 30), hm(12, 30)], "Baclofen; 10 mg, ½", date(2026, 3, 1), now, awkward),
    );

    // After a missed dose: a child on 08:00, 14:00, 20:00 remembers the 08:00 dose at 11:00 in
    // London. The answer moves the 14:00 dose to 15:00 (a 4-hour gap); one event at 15:00.
    let schedule = Schedule::from_times(&[hm(8, 0), hm(14, 0), hm(20, 0)], &LIMITS).unwrap();
    let rules = RULES;
    let at = instant_at(&LONDON, date(2026, 6, 10), hm(11, 0));
    let answer = advise(Some(&schedule), &LONDON, at, &Situation::one_missed(Person::Child), &rules).unwrap();
    let next = next_dose_event(
        &answer,
        &LONDON,
        "Medicine reminder",
        "Your next dose, from the missed-dose helper.",
        at,
    )
    .expect("a next dose");
    write("next-dose.ics", next);

    // A dose-change plan: dated single events.
    let plan: Vec<LocalDateTime> =
        (0..3).map(|day| LocalDateTime::new(date(2026, 10, 24).plus_days(day), hm(9, 0))).collect();
    write("plan.ics", dated_events(&plan, "Medicine reminder", "Step 1 of your plan.", now));
}
