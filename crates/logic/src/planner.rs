//! The dose-change planner (issue #20): turns the step-up or step-down instructions a
//! prescriber gave into a dated plan, in milligrams and as tablets or millilitres.
//!
//! It never proposes a dose. Every amount in a plan is one the person entered (the start, the
//! end) or the start plus or minus whole steps they entered; a last step that would pass the end
//! stops at the end and is flagged. A dose that is not a whole number of the tablet pieces the
//! content allows, or not a whole number of hundredths of a millilitre, is reported as "does not
//! fit" and never rounded.
//!
//! Arithmetic is in integers: doses in micrograms, liquids in hundredths of a millilitre.
//! Dates are passed in (no clock). Clinical numbers (the label maximum, the shortest taper the
//! sources describe) come from content through [`Limits`].

use crate::time::{ClockTime, Date};

/// Micrograms in a milligram.
pub const UG_PER_MG: u64 = 1000;

/// Who the plan is for: children get no adult maximum (their doses are set by a specialist).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    Adult,
    Child,
}

/// How the tablets of one strength may be divided, as the content (its sources) says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_logic::planner))]
pub enum Split {
    /// Whole tablets only.
    Whole,
    /// Halves allowed (a scored tablet the sources say may be halved).
    Halves,
    /// Quarters allowed.
    Quarters,
}

impl Split {
    /// Pieces per tablet.
    pub fn pieces(self) -> u64 {
        match self {
            Split::Whole => 1,
            Split::Halves => 2,
            Split::Quarters => 4,
        }
    }
}

/// The medicine the person has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Tablet {
        strength_ug: u64,
        split: Split,
    },
    /// Micrograms in one millilitre (1 mg/mL = 1000).
    Liquid {
        ug_per_ml: u64,
    },
}

/// Whether an amount is for one dose or for the whole day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Per {
    Dose,
    Day,
}

/// An amount as entered, in micrograms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Amount {
    pub ug: u64,
    pub per: Per,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// Everything the person entered, already read from the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanInput {
    pub who: Who,
    pub form: Form,
    /// The dose times, one per dose in the day.
    pub times: Vec<ClockTime>,
    pub start_date: Date,
    /// The dose on the first day.
    pub start: Amount,
    pub direction: Direction,
    /// The change at each step (always a positive amount; `direction` gives its sign).
    pub step: Amount,
    /// Days between steps.
    pub every_days: u32,
    /// The dose at the end (0 to stop); per dose or per day as `start.per`.
    pub end_ug: u64,
    /// A child's carer says the child is under 8 (the specialist flag's lower limit).
    pub child_under_8: bool,
}

/// Clinical and sanity numbers, from content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_logic::planner))]
pub struct Limits {
    /// The label's maximum daily total for adults (US label 80 mg a day).
    pub adult_max_daily_ug: u64,
    /// No single entered amount may be above this: a typing slip (1,000 mg) is stopped here.
    pub input_max_ug: u64,
    /// A stop reached in fewer days than this, counted from the first reduction, is faster than
    /// the sources describe (NHS: 1–2 weeks).
    pub shortest_taper_days: u32,
    /// From a day-1 total of at least `high_dose_daily_ug`, a stop in fewer days than this (from
    /// the first reduction) gets the softer "ask your prescriber" note (fact sheet §13.14).
    pub high_dose_taper_days: u32,
    pub high_dose_daily_ug: u64,
    /// A single step that lowers the daily total by more than this percentage of day 1's total is
    /// always flagged (fact sheet §13.14: "more than half").
    pub big_cut_percent: u32,
    /// A child's daily total above this gets the quiet "check this with the specialist" flag
    /// (UK SmPC §4.2: over 8 years); never shown as a target or maximum.
    pub child_check_daily_ug: u64,
    /// The same for a child the carer says is under 8.
    pub child_under_8_check_daily_ug: u64,
    /// Plans longer than this are refused (the table would be unusable).
    pub max_plan_days: u32,
    /// Most doses a day the form accepts.
    pub max_doses_per_day: u8,
    /// Most days between steps the form accepts.
    pub max_every_days: u32,
}

/// Which entry a problem belongs to (the form shows the message at that field).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Who,
    Form,
    Strength,
    DosesPerDay,
    /// One of the dose times, counted from 0.
    Time(u8),
    StartDate,
    StartDose,
    Direction,
    Step,
    Every,
    End,
}

/// Why an entry was not accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Problem {
    Empty,
    /// Not a number (letters, two decimal points, …).
    NotANumber,
    Negative,
    Zero,
    /// More decimal places than the field takes.
    TooPrecise,
    /// Above what the planner accepts (a typing slip such as 1,000 mg).
    TooLarge,
    NotADate,
    NotATime,
    /// The same time entered twice.
    SameTimeTwice,
    /// Times not in order through the day.
    TimesOutOfOrder,
    /// The end is on the wrong side of the start for the chosen direction.
    WrongDirection,
    /// A daily amount that does not split into equal doses to the microgram.
    DoesNotSplitEvenly,
    /// The first step would take a dose to more than twice what it was.
    MoreThanDoubles,
    /// The plan would run longer than the planner shows.
    TooLong,
    /// A date outside the window the form accepts (the plan, and its calendar file, must fit
    /// in four-digit years: attack review B8).
    OutOfRange,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

/// One dose as it is measured out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    /// A whole number of tablet pieces: `pieces` of size 1/`per_tablet` (4 pieces of a half = 2 tablets).
    Tablets { pieces: u64, per_tablet: u64 },
    /// Hundredths of a millilitre.
    Millilitres { hundredths: u64 },
    /// A liquid dose that is not a whole number of hundredths of a millilitre: the volume it
    /// needs, exactly, in ten-thousandths of a millilitre (2.52 mg of a 5 mg/mL liquid is
    /// 0.504 mL, `5_040`). It does not fit the syringe's marks: the person asks the pharmacist
    /// (never rounded to a mark). Fact sheet §13.10: mg and mL are always shown together.
    MillilitresToAsk { ten_thousandths: u64 },
    /// The dose is not a whole number of allowed tablet pieces, or of hundredths of a millilitre:
    /// ask the pharmacist (never rounded).
    DoesNotFit,
}

/// One stretch of days at the same dose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    /// 0 for the starting dose, then 1, 2, …
    pub number: u32,
    pub first_date: Date,
    /// Days at this dose; `None` for the last stretch, which lasts until the prescriber says
    /// otherwise (or, for a stop, the day the doses stop).
    pub days: Option<u32>,
    /// Each dose of the day, in micrograms (all the day's doses are equal); `None` when the
    /// daily total does not share equally between the doses (the person asks which dose changes).
    pub dose_ug: Option<u64>,
    pub daily_ug: u64,
    pub measure: Measure,
    /// Whether the change into this step differs from the entered step (the last one, cut short
    /// so as not to pass the end).
    pub short_step: bool,
}

/// One day of the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanDay {
    pub date: Date,
    /// The step this day belongs to.
    pub step: u32,
    /// True on the first day of a step.
    pub step_starts: bool,
    /// One dose per dose time, in micrograms; empty on a day with no doses (stopped) and when
    /// the daily total does not share equally.
    pub doses_ug: Vec<u64>,
    pub daily_ug: u64,
}

/// Something the person should check before following the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    /// An adult daily total above the label maximum, first reached on `date`.
    AboveLabelMaximum { date: Date, daily_ug: u64 },
    /// Stopping in fewer days than the sources describe, counted from the first reduction to the
    /// first day with no doses.
    StopsFasterThanSources { days: u32 },
    /// The first reduction is the stop: from `daily_ug` a day to nothing on `date`.
    StopsInOneStep { date: Date, daily_ug: u64 },
    /// A single step lowers the daily total by more than the allowed share of day 1's total: the
    /// first such step starts on `date`, going from `from_ug` to `to_ug` a day.
    BigCut { date: Date, from_ug: u64, to_ug: u64 },
    /// A stop from a high daily total in fewer days than the softer limit (the "ask your
    /// prescriber" note); `days` from the first reduction, `daily_ug` the day-1 total.
    HighDoseShortTaper { days: u32, daily_ug: u64 },
    /// The plan is for a child: no adult maximum is shown; the child's specialist sets the doses.
    ChildDosesBySpecialist,
    /// The last step is smaller than the others (cut so as not to pass the end), on `date`.
    ShortLastStep { date: Date },
    /// The plan ends later than a year after it starts.
    LongerThanAYear { days: u32 },
    /// At least one dose does not fit the tablets or the syringe ([`Measure::DoesNotFit`] or
    /// [`Measure::MillilitresToAsk`]).
    DoesNotFit,
    /// A liquid dose that is not a whole number of tenths of a millilitre (first at `hundredths`):
    /// ask the pharmacist which syringe to use (review M8).
    AskWhichSyringe { hundredths: u64 },
    /// A child's daily total above the specialist flag's limit, first on `date` (decision (i)):
    /// "check this with the specialist", never a target, a maximum or "the dose is wrong".
    ChildCheckWithSpecialist { date: Date },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub steps: Vec<Step>,
    pub checks: Vec<Check>,
    pub doses_per_day: u8,
    /// Days from the start date to the first day at the end dose.
    pub days_to_end: u32,
}

impl Plan {
    /// Every day from the start until the first day at the end dose, plus the whole of the
    /// step before it; the last stretch is shown as one day (it continues).
    pub fn days(&self) -> Vec<PlanDay> {
        let n = usize::from(self.doses_per_day);
        let mut out = Vec::new();
        for step in &self.steps {
            for offset in 0..step.days.unwrap_or(1) {
                out.push(PlanDay {
                    date: step.first_date.plus_days(i64::from(offset)),
                    step: step.number,
                    step_starts: offset == 0,
                    doses_ug: match step.dose_ug {
                        Some(dose) if dose > 0 => vec![dose; n],
                        _ => Vec::new(),
                    },
                    daily_ug: step.daily_ug,
                });
            }
        }
        out
    }

    pub fn last(&self) -> &Step {
        self.steps.last().expect("a plan has at least two steps")
    }
}

/// Reads a decimal amount in milligrams ("7.5", "10", "0.25") into micrograms: at most
/// `decimals` places (≤ 3), no sign, no exponent. A leading minus sign is reported as
/// [`Problem::Negative`]. A comma is refused: "1,000" could be a thousand or one.
pub fn parse_mg(text: &str, decimals: u32) -> Result<u64, Problem> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Problem::Empty);
    }
    let (negative, body) = match text.strip_prefix('-').or_else(|| text.strip_prefix('\u{2212}')) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, text),
    };
    let mut parts = body.splitn(2, '.');
    let whole = parts.next().unwrap_or("");
    let frac = parts.next().unwrap_or("");
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && frac.is_empty()) || !digits(whole) || !digits(frac) {
        return Err(Problem::NotANumber);
    }
    if negative {
        return Err(Problem::Negative);
    }
    let trimmed = frac.trim_end_matches('0');
    if trimmed.len() > decimals.min(3) as usize {
        return Err(Problem::TooPrecise);
    }
    let whole_part = whole.trim_start_matches('0');
    if whole_part.len() > 9 {
        return Err(Problem::TooLarge);
    }
    let mut ug =
        if whole_part.is_empty() { 0 } else { whole_part.parse::<u64>().map_err(|_| Problem::NotANumber)? };
    ug *= UG_PER_MG;
    let mut scale = UG_PER_MG / 10;
    for b in trimmed.bytes() {
        ug += u64::from(b - b'0') * scale;
        scale /= 10;
    }
    Ok(ug)
}

/// Reads a whole count ("3", "14") with the same problems as [`parse_mg`].
pub fn parse_count(text: &str) -> Result<u32, Problem> {
    let ug = parse_mg(text, 0)?;
    u32::try_from(ug / UG_PER_MG).map_err(|_| Problem::TooLarge)
}

/// Reads a date as an `<input type="date">` gives it: `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Result<Date, Problem> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Problem::Empty);
    }
    let mut parts = text.split('-');
    let (y, m, d) = match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(y), Some(m), Some(d), None) => (y, m, d),
        _ => return Err(Problem::NotADate),
    };
    let ok = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if !ok(y, 4) || !ok(m, 2) || !ok(d, 2) {
        return Err(Problem::NotADate);
    }
    let year: i32 = y.parse().map_err(|_| Problem::NotADate)?;
    let month: u8 = m.parse().map_err(|_| Problem::NotADate)?;
    let day: u8 = d.parse().map_err(|_| Problem::NotADate)?;
    Date::new(year, month, day).ok_or(Problem::NotADate)
}

/// How one dose is measured out with this form.
pub fn measure(form: Form, dose_ug: u64) -> Measure {
    match form {
        Form::Tablet { strength_ug, split } => {
            let per_tablet = split.pieces();
            // One piece is strength / per_tablet; the dose must be a whole number of pieces.
            let scaled = dose_ug * per_tablet;
            if strength_ug == 0 || !scaled.is_multiple_of(strength_ug) {
                Measure::DoesNotFit
            } else {
                Measure::Tablets { pieces: scaled / strength_ug, per_tablet }
            }
        }
        Form::Liquid { ug_per_ml } => {
            let scaled = dose_ug * 100;
            if ug_per_ml == 0 {
                Measure::DoesNotFit
            } else if scaled.is_multiple_of(ug_per_ml) {
                Measure::Millilitres { hundredths: scaled / ug_per_ml }
            } else if (scaled * 100).is_multiple_of(ug_per_ml) {
                Measure::MillilitresToAsk { ten_thousandths: scaled * 100 / ug_per_ml }
            } else {
                // A strength whose volumes run past four decimal places: no figure rather than a
                // rounded one (every strength in content/planner.toml divides 10 mg).
                Measure::DoesNotFit
            }
        }
    }
}

/// An entered amount as a daily total.
fn daily(amount: Amount, doses: u64) -> u64 {
    match amount.per {
        Per::Dose => amount.ug * doses,
        Per::Day => amount.ug,
    }
}

/// The same date a year later (28 February for 29 February).
fn a_year_after(date: Date) -> Date {
    Date::new(date.year + 1, date.month, date.day).unwrap_or(Date { year: date.year + 1, month: 2, day: 28 })
}

/// How fast a step-down goes (fact sheet §13.14, clinical review S8): the taper is measured from
/// the first reduction to the first day with no doses, never from day 1 (the days at the starting
/// dose are not part of it). A stop whose first reduction is the stop gets only
/// [`Check::StopsInOneStep`], the exact form of the other two.
fn taper_checks(steps: &[Step], input: &PlanInput, limits: &Limits, days_to_end: u32) -> Vec<Check> {
    let mut out = Vec::new();
    if input.direction != Direction::Down {
        return out;
    }
    let day1 = steps[0].daily_ug;
    let Some(first_cut) = steps.iter().find(|s| s.daily_ug < day1) else {
        return out;
    };
    let stops = steps.last().is_some_and(|s| s.daily_ug == 0);
    if stops && first_cut.daily_ug == 0 {
        out.push(Check::StopsInOneStep { date: first_cut.first_date, daily_ug: day1 });
        return out;
    }
    let cut_limit = u128::from(day1) * u128::from(limits.big_cut_percent);
    if let Some(pair) =
        steps.windows(2).find(|w| u128::from(w[0].daily_ug.saturating_sub(w[1].daily_ug)) * 100 > cut_limit)
    {
        out.push(Check::BigCut {
            date: pair[1].first_date,
            from_ug: pair[0].daily_ug,
            to_ug: pair[1].daily_ug,
        });
    }
    if stops {
        let taper = days_to_end - first_cut.number * input.every_days;
        if taper < limits.shortest_taper_days {
            out.push(Check::StopsFasterThanSources { days: taper });
        } else if taper < limits.high_dose_taper_days && day1 >= limits.high_dose_daily_ug {
            out.push(Check::HighDoseShortTaper { days: taper, daily_ug: day1 });
        }
    }
    out
}

/// Checks the entries and works out the plan, or says which entries need another look.
pub fn plan(input: &PlanInput, limits: &Limits) -> Result<Plan, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut err = |field, problem| errors.push(FieldError { field, problem });
    let n = input.times.len();
    if n == 0 {
        err(Field::DosesPerDay, Problem::Empty);
    } else if n > usize::from(limits.max_doses_per_day) {
        err(Field::DosesPerDay, Problem::TooLarge);
    }
    for (i, pair) in input.times.windows(2).enumerate() {
        let field = Field::Time((i + 1) as u8);
        if pair[0] == pair[1] {
            err(field, Problem::SameTimeTwice);
        } else if pair[0] > pair[1] {
            err(field, Problem::TimesOutOfOrder);
        }
    }
    match input.form {
        Form::Tablet { strength_ug: 0, .. } | Form::Liquid { ug_per_ml: 0 } => {
            err(Field::Strength, Problem::Zero)
        }
        _ => {}
    }
    if input.every_days == 0 {
        err(Field::Every, Problem::Zero);
    } else if input.every_days > limits.max_every_days {
        err(Field::Every, Problem::TooLarge);
    }
    let doses = n.max(1) as u64;
    // Worked in daily totals: a per-day change that does not share equally between the doses
    // leaves the dose unknown (the person asks which dose changes), never guessed.
    let mut amount = |field, a: Amount| -> Option<u64> {
        if a.ug > limits.input_max_ug {
            err(field, Problem::TooLarge);
            return None;
        }
        Some(daily(a, doses))
    };
    let start = amount(Field::StartDose, input.start);
    let step = amount(Field::Step, input.step);
    let end = amount(Field::End, Amount { ug: input.end_ug, per: input.start.per });
    if start == Some(0) {
        err(Field::StartDose, Problem::Zero);
    }
    if input.step.ug == 0 {
        err(Field::Step, Problem::Zero);
    }
    let (Some(start), Some(step), Some(end)) = (start, step, end) else {
        return Err(errors);
    };
    if start == 0 || step == 0 {
        return Err(errors);
    }
    match input.direction {
        Direction::Up if end <= start => err(Field::End, Problem::WrongDirection),
        Direction::Down if end >= start => err(Field::End, Problem::WrongDirection),
        _ => {}
    }
    // A step is never more than the dose it starts from, so no dose ever more than doubles.
    if input.direction == Direction::Up && end > start && step > start {
        err(Field::Step, Problem::MoreThanDoubles);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let distance = start.abs_diff(end);
    let split = |total: u64| total.is_multiple_of(doses).then(|| total / doses);
    let steps_needed = distance.div_ceil(step);
    let days_to_end = steps_needed.saturating_mul(u64::from(input.every_days));
    if days_to_end > u64::from(limits.max_plan_days) {
        return Err(vec![FieldError { field: Field::Every, problem: Problem::TooLong }]);
    }
    let days_to_end = days_to_end as u32;

    let mut steps = Vec::new();
    let mut dose = start;
    for number in 0..=steps_needed as u32 {
        if number > 0 {
            dose = match input.direction {
                Direction::Up => (dose + step).min(end),
                Direction::Down => dose.saturating_sub(step).max(end),
            };
        }
        let last = u64::from(number) == steps_needed;
        let dose_ug = split(dose);
        steps.push(Step {
            number,
            first_date: input.start_date.plus_days(i64::from(number) * i64::from(input.every_days)),
            days: (!last).then_some(input.every_days),
            dose_ug,
            daily_ug: dose,
            measure: dose_ug.map_or(Measure::DoesNotFit, |d| measure(input.form, d)),
            short_step: number > 0 && last && distance % step != 0,
        });
    }

    let mut checks = Vec::new();
    if input.who == Who::Adult {
        if let Some(s) = steps.iter().find(|s| s.daily_ug > limits.adult_max_daily_ug) {
            checks.push(Check::AboveLabelMaximum { date: s.first_date, daily_ug: s.daily_ug });
        }
    }
    checks.extend(taper_checks(&steps, input, limits, days_to_end));
    if input.who == Who::Child {
        checks.push(Check::ChildDosesBySpecialist);
    }
    if let Some(s) = steps.iter().find(|s| s.short_step) {
        checks.push(Check::ShortLastStep { date: s.first_date });
    }
    let end_date = input.start_date.plus_days(i64::from(days_to_end));
    if end_date > a_year_after(input.start_date) {
        checks.push(Check::LongerThanAYear { days: days_to_end });
    }
    if steps.iter().any(|s| {
        s.daily_ug > 0 && matches!(s.measure, Measure::DoesNotFit | Measure::MillilitresToAsk { .. })
    }) {
        checks.push(Check::DoesNotFit);
    }
    if let Some(hundredths) = steps.iter().find_map(|s| match s.measure {
        Measure::Millilitres { hundredths } if s.daily_ug > 0 && !hundredths.is_multiple_of(10) => {
            Some(hundredths)
        }
        _ => None,
    }) {
        checks.push(Check::AskWhichSyringe { hundredths });
    }
    if input.who == Who::Child {
        let limit = if input.child_under_8 {
            limits.child_under_8_check_daily_ug
        } else {
            limits.child_check_daily_ug
        };
        if let Some(s) = steps.iter().find(|s| s.daily_ug > limit) {
            checks.push(Check::ChildCheckWithSpecialist { date: s.first_date });
        }
    }
    Ok(Plan { steps, checks, doses_per_day: doses as u8, days_to_end })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) const LIMITS: Limits = Limits {
        adult_max_daily_ug: 80_000,
        input_max_ug: 100_000,
        shortest_taper_days: 7,
        high_dose_taper_days: 14,
        high_dose_daily_ug: 60_000,
        big_cut_percent: 50,
        child_check_daily_ug: 60_000,
        child_under_8_check_daily_ug: 40_000,
        max_plan_days: 1100,
        max_doses_per_day: 6,
        max_every_days: 90,
    };

    fn t(h: u8) -> ClockTime {
        ClockTime::from_hm(h, 0).unwrap()
    }

    fn mg(x: u64) -> u64 {
        x * UG_PER_MG
    }

    fn input() -> PlanInput {
        PlanInput {
            who: Who::Adult,
            form: Form::Tablet { strength_ug: mg(5), split: Split::Whole },
            times: vec![t(8), t(14), t(20)],
            start_date: Date::new(2026, 12, 1).unwrap(),
            start: Amount { ug: mg(5), per: Per::Dose },
            direction: Direction::Up,
            step: Amount { ug: mg(5), per: Per::Dose },
            every_days: 3,
            end_ug: mg(20),
            child_under_8: false,
        }
    }

    #[test]
    fn the_us_label_step_up_becomes_four_three_day_steps() {
        // FDA-TAB Dosage: 5 mg three times a day for 3 days, then 10, 15, 20 mg, each for 3 days.
        let plan = plan(&input(), &LIMITS).unwrap();
        let doses: Vec<u64> = plan.steps.iter().map(|s| s.dose_ug.unwrap() / UG_PER_MG).collect();
        assert_eq!(doses, [5, 10, 15, 20]);
        assert_eq!(plan.steps[3].first_date, Date::new(2026, 12, 10).unwrap());
        assert_eq!(plan.steps[3].measure, Measure::Tablets { pieces: 4, per_tablet: 1 });
        assert_eq!(plan.days_to_end, 9);
        assert_eq!(plan.days().len(), 10);
        assert_eq!(plan.checks, []);
        assert!(!plan.checks.iter().any(|c| matches!(c, Check::AboveLabelMaximum { .. })));
    }

    #[test]
    fn a_dose_that_does_not_fit_the_tablets_is_never_rounded() {
        let form = Form::Tablet { strength_ug: mg(10), split: Split::Halves };
        assert_eq!(measure(form, 7_500), Measure::DoesNotFit);
        assert_eq!(measure(form, 5_000), Measure::Tablets { pieces: 1, per_tablet: 2 });
        let whole = Form::Tablet { strength_ug: mg(10), split: Split::Whole };
        assert_eq!(measure(whole, 5_000), Measure::DoesNotFit);
    }

    #[test]
    fn liquids_are_measured_to_the_hundredth_of_a_millilitre_or_not_at_all() {
        assert_eq!(
            measure(Form::Liquid { ug_per_ml: 2_000 }, 7_500),
            Measure::Millilitres { hundredths: 375 }
        );
        assert_eq!(
            measure(Form::Liquid { ug_per_ml: 5_000 }, 2_520),
            Measure::MillilitresToAsk { ten_thousandths: 5_040 }
        );
        assert_eq!(
            measure(Form::Liquid { ug_per_ml: 1_000 }, 5_000),
            Measure::Millilitres { hundredths: 500 }
        );
    }

    #[test]
    fn adult_daily_totals_above_the_label_maximum_are_flagged_and_children_are_not() {
        let mut i = input();
        i.end_ug = mg(30);
        let p = plan(&i, &LIMITS).unwrap();
        assert!(p.checks.iter().any(|c| matches!(c, Check::AboveLabelMaximum { daily_ug: 90_000, .. })));
        i.who = Who::Child;
        let p = plan(&i, &LIMITS).unwrap();
        assert!(!p.checks.iter().any(|c| matches!(c, Check::AboveLabelMaximum { .. })));
    }

    #[test]
    fn a_stop_in_under_a_week_gets_the_withdrawal_check() {
        let mut i = input();
        i.direction = Direction::Down;
        i.start = Amount { ug: mg(10), per: Per::Dose };
        i.end_ug = 0;
        i.every_days = 3;
        let p = plan(&i, &LIMITS).unwrap();
        assert_eq!(p.days_to_end, 6);
        // Counted from the first reduction (day 4) to the stop (day 7), not from day 1.
        assert!(p.checks.contains(&Check::StopsFasterThanSources { days: 3 }));
        i.every_days = 7;
        let p = plan(&i, &LIMITS).unwrap();
        assert!(!p.checks.iter().any(|c| matches!(c, Check::StopsFasterThanSources { .. })));
        assert_eq!(p.last().dose_ug, Some(0));
        assert_eq!(p.last().days, None);
    }

    fn down(start_mg: u64, step_mg: u64, every_days: u32, end_mg: u64) -> PlanInput {
        PlanInput {
            form: Form::Tablet { strength_ug: mg(10), split: Split::Halves },
            start: Amount { ug: mg(start_mg), per: Per::Dose },
            direction: Direction::Down,
            step: Amount { ug: mg(step_mg), per: Per::Dose },
            every_days,
            end_ug: mg(end_mg),
            ..input()
        }
    }

    #[test]
    fn s8_a_one_step_stop_after_a_week_at_60_mg_a_day_is_always_flagged() {
        // Review S8, first input: 20 mg three times a day for 7 days, then nothing (§13.14).
        let p = plan(&down(20, 20, 7, 0), &LIMITS).unwrap();
        assert_eq!(
            p.checks,
            [Check::StopsInOneStep { date: Date::new(2026, 12, 8).unwrap(), daily_ug: mg(60) }]
        );
        // However long the week at the starting dose, a one-step stop is flagged.
        let p = plan(&down(20, 20, 90, 0), &LIMITS).unwrap();
        assert!(matches!(p.checks[..], [Check::StopsInOneStep { .. }]));
    }

    #[test]
    fn s8_the_taper_is_measured_from_the_first_reduction_not_from_day_1() {
        // Review S8, second input: 60 mg a day for 4 days, 30 for 4 days, then stop: 4 days of taper.
        let p = plan(&down(20, 10, 4, 0), &LIMITS).unwrap();
        assert_eq!(p.days_to_end, 8);
        assert_eq!(p.checks, [Check::StopsFasterThanSources { days: 4 }]);
    }

    #[test]
    fn s8_a_single_cut_of_more_than_half_the_days_total_is_flagged_even_in_a_slow_plan() {
        // 60 → 15 mg a day after 14 days: a cut of 45 (more than 30).
        let p = plan(&down(20, 15, 14, 5), &LIMITS).unwrap();
        assert_eq!(
            p.checks,
            [Check::BigCut { date: Date::new(2026, 12, 15).unwrap(), from_ug: mg(60), to_ug: mg(15) }]
        );
        // Exactly half is not more than half.
        let p = plan(&down(20, 10, 14, 10), &LIMITS).unwrap();
        assert_eq!(p.checks, []);
    }

    #[test]
    fn s8_a_stop_from_60_mg_a_day_in_under_14_days_gets_the_softer_note() {
        let p = plan(&down(20, 10, 13, 0), &LIMITS).unwrap();
        assert_eq!(p.checks, [Check::HighDoseShortTaper { days: 13, daily_ug: mg(60) }]);
        assert_eq!(plan(&down(20, 10, 14, 0), &LIMITS).unwrap().checks, []);
        // Below 60 mg a day there is no note.
        let p = plan(&down(15, 5, 4, 0), &LIMITS).unwrap(); // 45 → 30 → 15 → 0: 8 days of taper
        assert_eq!(p.checks, []);
    }

    #[test]
    fn m8_a_volume_that_is_not_whole_tenths_of_a_millilitre_asks_which_syringe() {
        // 2 mg/mL: 5 → 7.5 → 10 mg a dose is 2.5, 3.75, 5 mL (review M8, §13.14).
        let i = PlanInput {
            form: Form::Liquid { ug_per_ml: 2_000 },
            step: Amount { ug: 2_500, per: Per::Dose },
            end_ug: mg(10),
            ..input()
        };
        let p = plan(&i, &LIMITS).unwrap();
        assert_eq!(p.checks, [Check::AskWhichSyringe { hundredths: 375 }]);
        assert_eq!(p.steps[1].measure, Measure::Millilitres { hundredths: 375 });
    }

    #[test]
    fn a_liquid_dose_finer_than_the_syringe_marks_keeps_its_millilitres_and_asks_the_pharmacist() {
        // Fact sheet §2: OZOBAX DS is 10 mg in 5 mL, so 2 mg in 1 mL; §13.10: mg and mL are always
        // shown together. A child's 2.5 mg a dose, down 0.25 mg every 7 days, to 2 mg:
        // 2.5 mg is 1.25 mL; 2.25 mg is 2.25 / 2 = 1.125 mL (no syringe marks thousandths);
        // 2 mg is 1 mL.
        let i = PlanInput {
            who: Who::Child,
            form: Form::Liquid { ug_per_ml: mg(2) },
            times: vec![t(8), t(20)],
            start: Amount { ug: 2_500, per: Per::Dose },
            direction: Direction::Down,
            step: Amount { ug: 250, per: Per::Dose },
            every_days: 7,
            end_ug: mg(2),
            ..input()
        };
        let p = plan(&i, &LIMITS).unwrap();
        let measures: Vec<Measure> = p.steps.iter().map(|s| s.measure).collect();
        assert_eq!(
            measures,
            [
                Measure::Millilitres { hundredths: 125 },
                Measure::MillilitresToAsk { ten_thousandths: 11_250 },
                Measure::Millilitres { hundredths: 100 },
            ]
        );
        assert!(p.checks.contains(&Check::DoesNotFit), "the 1.125 mL dose goes to the pharmacist");
        // FDA-OS (FLEQSUVY, 25 mg in 5 mL, so 5 mg in 1 mL): 2.52 mg is 0.504 mL.
        assert_eq!(
            measure(Form::Liquid { ug_per_ml: mg(5) }, 2_520),
            Measure::MillilitresToAsk { ten_thousandths: 5_040 }
        );
    }

    #[test]
    fn m21_a_childs_plan_above_60_mg_a_day_or_40_under_8_is_flagged_for_the_specialist() {
        // Decision (i): 10 mg four times a day (40) then 12.5 (50).
        let i = PlanInput {
            who: Who::Child,
            form: Form::Liquid { ug_per_ml: 1_000 },
            times: vec![t(7), t(11), t(15), t(19)],
            start: Amount { ug: mg(10), per: Per::Dose },
            step: Amount { ug: 2_500, per: Per::Dose },
            every_days: 7,
            end_ug: 12_500,
            ..input()
        };
        let flagged = |i: &PlanInput| {
            plan(i, &LIMITS)
                .unwrap()
                .checks
                .iter()
                .any(|c| matches!(c, Check::ChildCheckWithSpecialist { .. }))
        };
        assert!(!flagged(&i), "50 mg a day is not above 60");
        assert!(flagged(&PlanInput { child_under_8: true, ..i.clone() }), "50 is above 40 under 8");
        // Never for an adult.
        assert!(!flagged(&PlanInput { who: Who::Adult, child_under_8: true, ..i }));
    }

    #[test]
    fn bad_entries_are_field_errors() {
        let mut i = input();
        i.step.ug = 0;
        assert_eq!(
            plan(&i, &LIMITS).unwrap_err(),
            [FieldError { field: Field::Step, problem: Problem::Zero }]
        );
        let mut i = input();
        i.start.ug = mg(1000);
        assert!(plan(&i, &LIMITS)
            .unwrap_err()
            .contains(&FieldError { field: Field::StartDose, problem: Problem::TooLarge }));
        let mut i = input();
        i.end_ug = mg(5);
        assert_eq!(
            plan(&i, &LIMITS).unwrap_err(),
            [FieldError { field: Field::End, problem: Problem::WrongDirection }]
        );
        let mut i = input();
        i.direction = Direction::Down;
        assert_eq!(
            plan(&i, &LIMITS).unwrap_err(),
            [FieldError { field: Field::End, problem: Problem::WrongDirection }]
        );
        let mut i = input();
        i.step.ug = mg(10);
        assert_eq!(
            plan(&i, &LIMITS).unwrap_err(),
            [FieldError { field: Field::Step, problem: Problem::MoreThanDoubles }]
        );
        let mut i = input();
        i.times = vec![t(8), t(8)];
        assert!(plan(&i, &LIMITS)
            .unwrap_err()
            .contains(&FieldError { field: Field::Time(1), problem: Problem::SameTimeTwice }));
        let mut i = input();
        i.every_days = 0;
        assert!(plan(&i, &LIMITS)
            .unwrap_err()
            .contains(&FieldError { field: Field::Every, problem: Problem::Zero }));
    }

    #[test]
    fn a_daily_change_that_does_not_share_equally_leaves_the_dose_to_the_pharmacist() {
        // 5 mg three times a day, the daily dose up by 5 mg every 3 days to 10 mg three times a day:
        // 20 and 25 mg a day do not share equally between three doses.
        let mut i = input();
        i.form = Form::Tablet { strength_ug: mg(10), split: Split::Halves };
        i.step = Amount { ug: mg(5), per: Per::Day };
        i.end_ug = mg(10);
        let p = plan(&i, &LIMITS).unwrap();
        let daily: Vec<u64> = p.steps.iter().map(|s| s.daily_ug / UG_PER_MG).collect();
        assert_eq!(daily, [15, 20, 25, 30]);
        assert_eq!(p.steps[1].dose_ug, None);
        assert_eq!(p.steps[1].measure, Measure::DoesNotFit);
        assert_eq!(p.steps[3].measure, Measure::Tablets { pieces: 2, per_tablet: 2 });
        assert!(p.checks.contains(&Check::DoesNotFit));
    }

    #[test]
    fn longer_than_a_year_means_ending_after_the_same_date_a_year_later() {
        let mut i = input();
        i.start = Amount { ug: mg(5), per: Per::Dose };
        i.step = Amount { ug: mg(1), per: Per::Dose };
        i.end_ug = mg(20);
        i.every_days = 26; // 15 steps: 390 days
        let p = plan(&i, &LIMITS).unwrap();
        assert!(p.checks.contains(&Check::LongerThanAYear { days: 390 }));
        i.every_days = 24; // 360 days
        assert!(!plan(&i, &LIMITS)
            .unwrap()
            .checks
            .iter()
            .any(|c| matches!(c, Check::LongerThanAYear { .. })));
    }

    #[test]
    fn typed_numbers_are_read_exactly() {
        assert_eq!(parse_mg("7.5", 2), Ok(7_500));
        assert_eq!(parse_mg(" 10 ", 2), Ok(10_000));
        assert_eq!(parse_mg("1,000", 2), Err(Problem::NotANumber));
        assert_eq!(parse_mg("0,25", 2), Err(Problem::NotANumber));
        assert_eq!(parse_mg(".5", 2), Ok(500));
        assert_eq!(parse_mg("2.50", 1), Ok(2_500));
        assert_eq!(parse_mg("-5", 2), Err(Problem::Negative));
        assert_eq!(parse_mg("five", 2), Err(Problem::NotANumber));
        assert_eq!(parse_mg("1.2.3", 2), Err(Problem::NotANumber));
        assert_eq!(parse_mg("1e3", 2), Err(Problem::NotANumber));
        assert_eq!(parse_mg("", 2), Err(Problem::Empty));
        assert_eq!(parse_mg("1.234", 2), Err(Problem::TooPrecise));
        assert_eq!(parse_mg("99999999999", 2), Err(Problem::TooLarge));
        assert_eq!(parse_count("3"), Ok(3));
        assert_eq!(parse_count("3.5"), Err(Problem::TooPrecise));
        assert_eq!(parse_date("2026-02-29"), Err(Problem::NotADate));
        assert_eq!(parse_date("2028-02-29"), Ok(Date::new(2028, 2, 29).unwrap()));
    }
}

#[cfg(test)]
mod props {
    use super::tests::LIMITS;
    use super::*;
    use proptest::prelude::*;

    fn form() -> impl Strategy<Value = Form> {
        prop_oneof![
            (
                prop::sample::select(vec![5u64, 10, 15, 20, 25]),
                prop::sample::select(vec![Split::Whole, Split::Halves, Split::Quarters])
            )
                .prop_map(|(mg, split)| Form::Tablet { strength_ug: mg * UG_PER_MG, split }),
            prop::sample::select(vec![1u64, 2, 5]).prop_map(|mg| Form::Liquid { ug_per_ml: mg * UG_PER_MG }),
        ]
    }

    fn per() -> impl Strategy<Value = Per> {
        prop_oneof![Just(Per::Dose), Just(Per::Day)]
    }

    prop_compose! {
        fn plan_input()(
            child in any::<bool>(),
            form in form(),
            n in 1usize..=6,
            start_day in 0i64..3000,
            start in 1u64..=4000,
            start_per in per(),
            up in any::<bool>(),
            step in 1u64..=2000,
            step_per in per(),
            every_days in 1u32..=30,
            end in 0u64..=4000,
        ) -> PlanInput {
            // Amounts in tens of micrograms (what a two-decimal mg entry can hold).
            PlanInput {
                who: if child { Who::Child } else { Who::Adult },
                form,
                times: (0..n).map(|i| ClockTime::from_hm(6 + 3 * i as u8, 0).unwrap()).collect(),
                start_date: Date::new(2026, 1, 1).unwrap().plus_days(start_day),
                start: Amount { ug: start * 10, per: start_per },
                direction: if up { Direction::Up } else { Direction::Down },
                step: Amount { ug: step * 10, per: step_per },
                every_days,
                end_ug: if up { end * 10 } else { (end * 10).min(if end % 3 == 0 { 0 } else { u64::MAX }) },
                child_under_8: start % 2 == 0,
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        #[test]
        fn planner_properties_hold_for_every_generated_plan(input in plan_input()) {
            let Ok(plan) = plan(&input, &LIMITS) else {
                return Ok(());
            };
            let n = input.times.len() as u64;
            let daily = |ug: u64, per: Per| if per == Per::Day { ug } else { ug * n };
            let start = plan.steps[0].daily_ug;
            let end = plan.last().daily_ug;
            // The plan starts where the person said and ends where they said.
            prop_assert_eq!(plan.steps[0].first_date, input.start_date);
            prop_assert_eq!(start, daily(input.start.ug, input.start.per));
            prop_assert_eq!(end, daily(input.end_ug, input.start.per));
            let step = daily(input.step.ug, input.step.per);
            let mut previous: Option<u64> = None;
            let days = plan.days();
            prop_assert_eq!(days.len() as u32, plan.days_to_end + 1);
            for (i, day) in days.iter().enumerate() {
                // Every date once, in order.
                prop_assert_eq!(day.date, input.start_date.plus_days(i as i64));
                // Every day's doses add up to its daily total (or are left to the pharmacist).
                if !day.doses_ug.is_empty() {
                    prop_assert_eq!(day.doses_ug.len() as u64, n);
                    prop_assert_eq!(day.doses_ug.iter().sum::<u64>(), day.daily_ug);
                } else {
                    prop_assert!(day.daily_ug == 0 || day.daily_ug % n != 0);
                    // The doses on this day are the pharmacist's to set: compare daily totals only.
                    previous = None;
                }
                // Step-up never passes its target; step-down never goes below zero or the end.
                match input.direction {
                    Direction::Up => prop_assert!(day.daily_ug >= start && day.daily_ug <= end),
                    Direction::Down => prop_assert!(day.daily_ug <= start && day.daily_ug >= end),
                }
                for &dose in &day.doses_ug {
                    if let Some(prev) = previous {
                        // No dose ever more than doubles from one dose to the next.
                        prop_assert!(dose <= 2 * prev);
                    }
                    previous = Some(dose);
                }
            }
            // Steps move by exactly one step (never skip one), except a last step cut short at the end.
            for pair in plan.steps.windows(2) {
                let change = pair[0].daily_ug.abs_diff(pair[1].daily_ug);
                prop_assert!(change == step || (pair[1].short_step && change < step && pair[1].daily_ug == end));
                prop_assert!(pair[1].daily_ug <= 2 * pair[0].daily_ug);
                prop_assert_eq!(
                    pair[1].first_date.days_since_epoch() - pair[0].first_date.days_since_epoch(),
                    i64::from(input.every_days)
                );
            }
            for s in &plan.steps {
                match (s.measure, s.dose_ug) {
                    // Tablets × strength = dose exactly …
                    (Measure::Tablets { pieces, per_tablet }, Some(dose)) => {
                        let Form::Tablet { strength_ug, split } = input.form else { panic!("tablets for a liquid") };
                        prop_assert_eq!(per_tablet, split.pieces());
                        prop_assert_eq!(pieces * strength_ug, dose * per_tablet);
                    }
                    // … mL × concentration = dose to 0.01 mL …
                    (Measure::Millilitres { hundredths }, Some(dose)) => {
                        let Form::Liquid { ug_per_ml } = input.form else { panic!("mL for tablets") };
                        prop_assert_eq!(hundredths * ug_per_ml, dose * 100);
                    }
                    // … a volume finer than the marks, exactly, sent to the pharmacist …
                    (Measure::MillilitresToAsk { ten_thousandths }, Some(dose)) => {
                        let Form::Liquid { ug_per_ml } = input.form else { panic!("mL for tablets") };
                        prop_assert_eq!(ten_thousandths * ug_per_ml, dose * 10_000);
                        prop_assert!((dose * 100) % ug_per_ml != 0);
                        prop_assert!(plan.checks.contains(&Check::DoesNotFit));
                    }
                    // … or the plan says it does not fit (and it really does not).
                    (Measure::DoesNotFit, dose) => {
                        if let Some(dose) = dose {
                            match input.form {
                                Form::Tablet { strength_ug, split } => {
                                    prop_assert!((dose * split.pieces()) % strength_ug != 0)
                                }
                                Form::Liquid { ug_per_ml } => prop_assert!((dose * 100) % ug_per_ml != 0),
                            }
                        }
                        if s.daily_ug > 0 {
                            prop_assert!(plan.checks.contains(&Check::DoesNotFit));
                        }
                    }
                    (measure, None) => prop_assert!(false, "{:?} without a dose", measure),
                }
            }
            // The checks agree with the plan.
            let above = plan.steps.iter().any(|s| s.daily_ug > LIMITS.adult_max_daily_ug);
            prop_assert_eq!(
                plan.checks.iter().any(|c| matches!(c, Check::AboveLabelMaximum { .. })),
                above && input.who == Who::Adult
            );
            prop_assert_eq!(plan.checks.contains(&Check::ChildDosesBySpecialist), input.who == Who::Child);
            // The taper checks (§13.14), from the steps themselves: measured from the first reduction.
            let day1 = plan.steps[0].daily_ug;
            let first_cut = plan.steps.iter().find(|s| s.daily_ug < day1);
            let stops = input.direction == Direction::Down && end == 0;
            let one_step = stops && first_cut.is_some_and(|s| s.daily_ug == 0);
            let taper = first_cut.map_or(i64::MAX, |s| {
                plan.last().first_date.days_since_epoch() - s.first_date.days_since_epoch()
            });
            let has = |f: fn(&Check) -> bool| plan.checks.iter().any(f);
            prop_assert_eq!(has(|c| matches!(c, Check::StopsInOneStep { .. })), one_step);
            prop_assert_eq!(
                has(|c| matches!(c, Check::StopsFasterThanSources { .. })),
                stops && !one_step && taper < 7
            );
            prop_assert_eq!(
                has(|c| matches!(c, Check::HighDoseShortTaper { .. })),
                stops && !one_step && (7..14).contains(&taper) && day1 >= 60_000
            );
            let big = plan.steps.windows(2).any(|w| 2 * w[0].daily_ug.saturating_sub(w[1].daily_ug) > day1);
            prop_assert_eq!(has(|c| matches!(c, Check::BigCut { .. })), big && !one_step);
            // Review M8: any liquid dose not in whole tenths of a mL asks which syringe.
            let odd = plan.steps.iter().any(|s| {
                s.daily_ug > 0 && matches!(s.measure, Measure::Millilitres { hundredths } if !hundredths.is_multiple_of(10))
            });
            prop_assert_eq!(has(|c| matches!(c, Check::AskWhichSyringe { .. })), odd);
            // Decision (i): a child above 60 mg a day (40 under 8), never an adult.
            let limit = if input.child_under_8 { 40_000 } else { 60_000 };
            let over = plan.steps.iter().any(|s| s.daily_ug > limit);
            prop_assert_eq!(
                has(|c| matches!(c, Check::ChildCheckWithSpecialist { .. })),
                over && input.who == Who::Child
            );
        }

        #[test]
        fn planner_never_panics_and_errors_name_a_field(input in plan_input(), zero_every in any::<bool>()) {
            let mut input = input;
            if zero_every { input.every_days = 0; }
            if let Err(errors) = plan(&input, &LIMITS) {
                prop_assert!(!errors.is_empty());
            }
        }

        #[test]
        fn planner_reads_back_what_it_would_print(mg in 0u64..100_000, hundredths in 0u64..100) {
            let text = format!("{mg}.{hundredths:02}");
            prop_assert_eq!(parse_mg(&text, 2), Ok(mg * UG_PER_MG + hundredths * 10));
        }
    }
}
