//! Words for a plan: amounts, dates, tablets and millilitres, error messages and care cards, all
//! from `content/planner.toml`.

use crate::planner::content::{fill, warning, ERRORS, FIELD_NAMES, LIMITS, WORDS};
use baclofen_logic::planner::{Check, Direction, Field, FieldError, Form, Measure, Plan, Problem, UG_PER_MG};
use baclofen_logic::time::Date;

/// A whole number as digits.
pub fn number(n: u64) -> String {
    n.to_string()
}

/// A number of days in words: "1 day", "12 days".
pub fn days(n: u64) -> String {
    if n == 1 {
        WORDS.day_one.to_string()
    } else {
        WORDS.day_many.replace("{n}", &number(n))
    }
}

/// A fixed-point amount: `value` in units of 1/`scale` ("7.5" for 7500/1000, "3.75" for 375/100),
/// without trailing zeros.
fn decimal(value: u64, scale: u64) -> String {
    let mut out = number(value / scale);
    let mut frac = value % scale;
    if frac > 0 {
        out.push('.');
        let mut unit = scale / 10;
        while frac > 0 && unit > 0 {
            out.push(char::from(b'0' + (frac / unit) as u8));
            frac %= unit;
            unit /= 10;
        }
    }
    out
}

/// "7.5" for 7500 micrograms.
pub fn mg(ug: u64) -> String {
    decimal(ug, UG_PER_MG)
}

/// "7.5 mg".
pub fn mg_words(ug: u64) -> String {
    let mut out = mg(ug);
    out.push(' ');
    out.push_str(WORDS.mg);
    out
}

/// "3.75" for 375 hundredths.
pub fn ml(hundredths: u64) -> String {
    decimal(hundredths, 100)
}

fn nth(list: &'static str, i: usize) -> &'static str {
    list.split(',').nth(i).map(str::trim).unwrap_or("")
}

/// "Tuesday 1 December 2026".
pub fn date(d: Date) -> String {
    let mut out = String::from(nth(WORDS.weekdays, usize::from(d.weekday())));
    out.push(' ');
    out.push_str(&number(u64::from(d.day)));
    out.push(' ');
    out.push_str(nth(WORDS.months, usize::from(d.month) - 1));
    out.push(' ');
    out.push_str(&d.year.to_string());
    out
}

/// The sentence under the plan's checks: when the plan reaches its last dose, or, for a stop, the
/// last day with doses (the day before the first day with none) and the first day with none.
pub fn summary(plan: &Plan) -> String {
    let last = plan.last();
    let last_date = date(last.first_date);
    if last.daily_ug == 0 {
        let last_dose_day = date(last.first_date.plus_days(-1));
        fill(WORDS.plan_summary_stop, &[("last", &last_dose_day), ("date", &last_date)])
    } else {
        fill(WORDS.plan_summary, &[("date", &last_date), ("days", &days(u64::from(plan.days_to_end)))])
    }
}

/// "2026-12-01" (for `datetime` attributes).
pub fn iso_date(d: Date) -> String {
    let two = |n: u8| {
        let mut s = String::new();
        if n < 10 {
            s.push('0');
        }
        s.push_str(&number(u64::from(n)));
        s
    };
    let mut out = d.year.to_string();
    out.push('-');
    out.push_str(&two(d.month));
    out.push('-');
    out.push_str(&two(d.day));
    out
}

/// "2 tablets", "half a tablet", "1 and a half tablets", "3.75 mL", or the pharmacist message
/// (for a liquid dose between the syringe's marks, with the mL it needs: "0.504 mL: …").
pub fn measure(m: Measure) -> String {
    match m {
        Measure::Tablets { pieces, per_tablet } => {
            let whole = pieces / per_tablet;
            let half = per_tablet == 2 && pieces % 2 == 1;
            if whole == 0 && half {
                return WORDS.half_tablet.to_string();
            }
            let mut out = number(whole);
            out.push(' ');
            if half {
                out.push_str(WORDS.and_a_half);
                out.push(' ');
            }
            out.push_str(if whole == 1 && !half { WORDS.tablet_one } else { WORDS.tablet_many });
            out
        }
        Measure::Millilitres { hundredths } => {
            let mut out = ml(hundredths);
            out.push(' ');
            out.push_str(WORDS.ml);
            // Review M8: not whole tenths of a mL: the volume with "ask which syringe".
            if !hundredths.is_multiple_of(10) {
                out.push_str(" (");
                out.push_str(WORDS.syringe_ask_short);
                out.push(')');
            }
            out
        }
        Measure::MillilitresToAsk { ten_thousandths } => {
            fill(WORDS.does_not_fit_ml, &[("ml", &decimal(ten_thousandths, 10_000))])
        }
        Measure::DoesNotFit => WORDS.does_not_fit.to_string(),
    }
}

/// The field's name as used in messages ("the starting dose"; "the dose time 2").
fn field_name(field: Field) -> String {
    let name = match field {
        Field::Who => FIELD_NAMES.who,
        Field::Form => FIELD_NAMES.form,
        Field::Strength => FIELD_NAMES.strength,
        Field::DosesPerDay => FIELD_NAMES.doses,
        Field::Time(i) => {
            let mut s = String::from(FIELD_NAMES.time);
            s.push(' ');
            s.push_str(&number(u64::from(i) + 1));
            return s;
        }
        Field::StartDate => FIELD_NAMES.start_date,
        Field::StartDose => FIELD_NAMES.start,
        Field::Direction => FIELD_NAMES.direction,
        Field::Step => FIELD_NAMES.step,
        Field::Every => FIELD_NAMES.every,
        Field::End => FIELD_NAMES.end,
    };
    name.to_string()
}

/// The message shown at the field and in the error summary.
pub fn error_message(error: &FieldError, direction: Option<Direction>, typed: bool) -> String {
    let choice = matches!(error.field, Field::Who | Field::Form | Field::Strength | Field::Direction);
    let count = matches!(error.field, Field::DosesPerDay | Field::Every);
    let template = match error.problem {
        Problem::Empty if choice => ERRORS.empty_choice,
        // The number is there: what is missing is "for each dose" or "for the whole day".
        Problem::Empty if typed => ERRORS.choose_per,
        // A radio button (each dose or the whole day) not chosen, when the number is there.
        Problem::Empty => ERRORS.empty,
        Problem::NotANumber | Problem::TooPrecise if count => ERRORS.whole_number,
        Problem::NotANumber => ERRORS.not_a_number,
        Problem::Negative => ERRORS.negative,
        Problem::Zero => ERRORS.zero,
        Problem::TooPrecise => ERRORS.too_precise,
        Problem::TooLarge => ERRORS.too_large,
        Problem::NotADate => ERRORS.not_a_date,
        Problem::NotATime => ERRORS.not_a_time,
        Problem::SameTimeTwice => ERRORS.same_time_twice,
        Problem::TimesOutOfOrder => ERRORS.times_out_of_order,
        Problem::WrongDirection if direction == Some(Direction::Down) => ERRORS.wrong_direction_down,
        Problem::WrongDirection => ERRORS.wrong_direction_up,
        Problem::DoesNotSplitEvenly => ERRORS.does_not_split,
        Problem::MoreThanDoubles => ERRORS.more_than_doubles,
        Problem::TooLong => ERRORS.too_long,
        Problem::OutOfRange => ERRORS.date_out_of_range,
    };
    let (first, last) = crate::planner::form::date_window();
    fill(template, &[("field", &field_name(error.field)), ("from", &date(first)), ("to", &date(last))])
}

/// Whether a check's card carries the way to the symptom checker: every check about how fast the
/// dose comes down (fact sheet §13.14: the withdrawal signs and a way to the symptom checker).
pub fn links_symptom_checker(check: &Check) -> bool {
    matches!(
        check,
        Check::StopsFasterThanSources { .. }
            | Check::StopsInOneStep { .. }
            | Check::BigCut { .. }
            | Check::HighDoseShortTaper { .. }
    )
}

/// The words under a syringe picture: the fill mark, or, for a volume that is not whole tenths
/// of a millilitre, the volume with "ask your pharmacist which syringe to use" (review M8).
pub fn syringe_caption(hundredths: u64, strength: &str) -> String {
    let template = if hundredths.is_multiple_of(10) { WORDS.syringe_text } else { WORDS.syringe_ask };
    fill(template, &[("ml", &ml(hundredths)), ("strength", strength)])
}

/// A care card's id, title and text for one of the engine's checks; "does not fit" speaks of
/// tablets or of the syringe, as the plan's `form` is.
pub fn check_card(
    check: &Check,
    form: Form,
) -> (&'static str, &'static str, String, &'static [&'static str]) {
    let (id, values): (&str, Vec<(&str, String)>) = match *check {
        Check::AboveLabelMaximum { date: d, daily_ug } => (
            "above-label-maximum",
            vec![
                ("date", date(d)),
                ("total", mg(daily_ug)),
                ("max", number(LIMITS.adult_max_daily_ug / UG_PER_MG)),
            ],
        ),
        Check::StopsFasterThanSources { days } => {
            ("stops-faster-than-sources", vec![("days", self::days(u64::from(days)))])
        }
        Check::StopsInOneStep { date: d, daily_ug } => {
            ("stops-in-one-step", vec![("date", date(d)), ("total", mg(daily_ug))])
        }
        Check::BigCut { date: d, from_ug, to_ug } => {
            ("big-cut", vec![("date", date(d)), ("from", mg(from_ug)), ("total", mg(to_ug))])
        }
        Check::HighDoseShortTaper { days, daily_ug } => {
            ("high-dose-short-taper", vec![("days", self::days(u64::from(days))), ("total", mg(daily_ug))])
        }
        Check::ChildDosesBySpecialist => ("child-doses-by-specialist", vec![]),
        Check::ShortLastStep { date: d } => ("short-last-step", vec![("date", date(d))]),
        Check::LongerThanAYear { days } => {
            ("longer-than-a-year", vec![("days", self::days(u64::from(days)))])
        }
        Check::DoesNotFit => match form {
            Form::Tablet { .. } => ("does-not-fit", vec![]),
            Form::Liquid { .. } => ("does-not-fit-liquid", vec![]),
        },
        Check::AskWhichSyringe { hundredths } => ("ask-which-syringe", vec![("ml", ml(hundredths))]),
        Check::ChildCheckWithSpecialist { date: d } => {
            ("child-check-with-specialist", vec![("date", date(d))])
        }
    };
    let w = warning(id);
    let pairs: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    (w.check, w.title, fill(w.text, &pairs), w.sources)
}
