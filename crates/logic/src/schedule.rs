//! A prescribed dosing schedule: a few doses a day at fixed wall-clock times, within the limits
//! that `content/missed-dose.toml` `[numbers]` sets (the engine carries no number of its own).

use crate::time::{instant_at, local_at, ClockTime, Instant, Zone};

/// What the helpers accept as a schedule: at most `max_doses_per_day` times, each at least
/// `min_minutes_between_doses` after the one before (across midnight too). Closer doses are not
/// a schedule the engine can reason about safely, so the person is sent to their pharmacist.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_logic::schedule))]
pub struct Limits {
    pub max_doses_per_day: usize,
    pub min_minutes_between_doses: u16,
}

/// A validated schedule. Times are kept in clock order from midnight.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    times: Vec<ClockTime>,
}

/// Why a schedule was not accepted. `index` is the position of the dose time the person typed
/// (0-based), so the message can sit next to that field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScheduleError {
    NoDoses,
    TooManyDoses {
        count: usize,
    },
    Duplicate {
        index: usize,
    },
    /// Times must go forward through the day (crossing midnight at most once).
    OutOfOrder {
        index: usize,
    },
    TooClose {
        index: usize,
    },
}

impl Schedule {
    /// Dose times in the order the person takes them, starting with the first dose of their day.
    /// A late dose after midnight (08:00, 14:00, 20:00, 00:30) is fine.
    pub fn from_times(times: &[ClockTime], limits: &Limits) -> Result<Schedule, ScheduleError> {
        if times.is_empty() {
            return Err(ScheduleError::NoDoses);
        }
        if times.len() > limits.max_doses_per_day {
            return Err(ScheduleError::TooManyDoses { count: times.len() });
        }
        for (index, time) in times.iter().enumerate() {
            if times[..index].contains(time) {
                return Err(ScheduleError::Duplicate { index });
            }
        }
        let mut span = 0u16;
        for index in 1..times.len() {
            let gap = forward_gap(times[index - 1], times[index]);
            span += gap;
            if span >= 24 * 60 {
                return Err(ScheduleError::OutOfOrder { index });
            }
            if gap < limits.min_minutes_between_doses {
                return Err(ScheduleError::TooClose { index });
            }
        }
        if times.len() > 1 && forward_gap(times[times.len() - 1], times[0]) < limits.min_minutes_between_doses
        {
            return Err(ScheduleError::TooClose { index: 0 });
        }
        let mut sorted = times.to_vec();
        crate::sort_small_by_key(&mut sorted, |t| *t);
        Ok(Schedule { times: sorted })
    }

    pub fn times(&self) -> &[ClockTime] {
        &self.times
    }

    pub fn doses_per_day(&self) -> usize {
        self.times.len()
    }

    /// The shortest gap on the clock between one dose and the next, in minutes (across midnight
    /// too); a whole day for one dose a day.
    pub fn shortest_gap(&self) -> i64 {
        let n = self.times.len();
        if n < 2 {
            return 1440;
        }
        (0..n).map(|i| i64::from(forward_gap(self.times[i], self.times[(i + 1) % n]))).min().unwrap_or(1440)
    }

    /// Every scheduled dose instant from the local day before `around` to two days after,
    /// in time order.
    pub fn instants_around(&self, zone: &impl Zone, around: Instant) -> Vec<Instant> {
        let (today, _) = local_at(zone, around);
        let mut all: Vec<Instant> = (-2..=2)
            .flat_map(|day| {
                let date = today.plus_days(day);
                self.times.iter().map(move |time| instant_at(zone, date, *time))
            })
            .collect();
        crate::sort_small_by_key(&mut all, |t| *t);
        all.dedup();
        all
    }
}

#[cfg(test)]
mod gap_tests {
    use super::*;
    use crate::fact_sheet::LIMITS;

    fn schedule(times: &[&str]) -> Schedule {
        let times: Vec<ClockTime> = times.iter().map(|t| ClockTime::parse(t).unwrap()).collect();
        Schedule::from_times(&times, &LIMITS).unwrap()
    }

    #[test]
    fn the_shortest_gap_counts_across_midnight() {
        assert_eq!(schedule(&["08:00", "20:00"]).shortest_gap(), 720);
        assert_eq!(schedule(&["08:00", "11:00", "20:00"]).shortest_gap(), 180);
        assert_eq!(schedule(&["01:00", "09:00", "23:00"]).shortest_gap(), 120, "23:00 to 01:00");
        assert_eq!(schedule(&["09:00"]).shortest_gap(), 1440);
    }
}

/// Minutes from `a` forward to `b` on the clock (0 if equal).
fn forward_gap(a: ClockTime, b: ClockTime) -> u16 {
    (b.minutes() + 1440 - a.minutes()) % 1440
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fact_sheet::LIMITS;

    fn t(text: &str) -> ClockTime {
        ClockTime::parse(text).unwrap()
    }

    fn times(list: &[&str]) -> Vec<ClockTime> {
        list.iter().map(|s| t(s)).collect()
    }

    #[test]
    fn valid_schedules_are_kept_in_clock_order() {
        let s = Schedule::from_times(&times(&["08:00", "14:00", "20:00", "00:30"]), &LIMITS).unwrap();
        assert_eq!(s.times(), times(&["00:30", "08:00", "14:00", "20:00"]).as_slice());
        assert_eq!(Schedule::from_times(&times(&["09:00"]), &LIMITS).unwrap().doses_per_day(), 1);
    }

    #[test]
    fn bad_schedules_name_the_field_at_fault() {
        let cases: [(&[&str], ScheduleError); 6] = [
            (&[], ScheduleError::NoDoses),
            (
                &["01:00", "05:00", "09:00", "13:00", "17:00", "21:00", "23:30"],
                ScheduleError::TooManyDoses { count: 7 },
            ),
            (&["08:00", "14:00", "08:00"], ScheduleError::Duplicate { index: 2 }),
            (&["08:00", "20:00", "14:00"], ScheduleError::OutOfOrder { index: 2 }),
            (&["08:00", "09:00"], ScheduleError::TooClose { index: 1 }),
            (&["01:00", "23:30"], ScheduleError::TooClose { index: 0 }),
        ];
        for (list, expected) in cases {
            assert_eq!(Schedule::from_times(&times(list), &LIMITS), Err(expected), "{list:?}");
        }
    }
}
