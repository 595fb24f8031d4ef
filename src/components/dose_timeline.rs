//! The day picture under a missed-dose answer: scheduled, missed, advised and next doses on a
//! line. The list beneath it says the same in words (and is what screen readers use).

use crate::content::ui::timeline;
use crate::missed_dose::wording::time_words;
use baclofen_logic::missed_dose::{DoseMark, TimelineDose};
use baclofen_logic::time::{Instant, Zone};
use yew::prelude::*;

/// A dose's words. After a dose that came back up, the dose now is that dose again, not a
/// missed one (issue 29: the vomiting route never says "missed").
fn mark_words(mark: DoseMark, came_back_up: bool) -> &'static str {
    match mark {
        DoseMark::Scheduled => timeline::SCHEDULED,
        DoseMark::Missed => timeline::MISSED,
        DoseMark::CameBackUp => timeline::CAME_BACK_UP,
        DoseMark::TakeNow if came_back_up => timeline::SAME_DOSE_AGAIN,
        DoseMark::TakeNow => timeline::TAKE_NOW,
        DoseMark::Next => timeline::NEXT,
        DoseMark::MovedFrom => timeline::MOVED_FROM,
    }
}

fn mark_class(mark: DoseMark) -> &'static str {
    match mark {
        DoseMark::Scheduled => "dot dot--scheduled",
        DoseMark::Missed | DoseMark::CameBackUp => "dot dot--missed",
        DoseMark::TakeNow => "dot dot--now",
        DoseMark::Next => "dot dot--next",
        DoseMark::MovedFrom => "dot dot--moved",
    }
}

/// One dose ready to draw: where, what, and its words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DrawnDose {
    pub x: i64,
    pub mark: DoseMark,
    pub clock: String,
    pub words: String,
}

const LEFT: i64 = 40;
const WIDTH: i64 = 520;

/// Lays the doses out along the line; pure, so it is tested natively.
pub fn lay_out(doses: &[TimelineDose], zone: &impl Zone, now: Instant) -> Vec<DrawnDose> {
    let (Some(first), Some(last)) = (doses.first(), doses.last()) else {
        return Vec::new();
    };
    let span = first.at.minutes_until(last.at).max(1);
    let came_back_up = doses.iter().any(|dose| dose.mark == DoseMark::CameBackUp);
    doses
        .iter()
        .map(|dose| {
            let when = time_words(zone, now, dose.at);
            DrawnDose {
                x: LEFT + first.at.minutes_until(dose.at) * WIDTH / span,
                mark: dose.mark,
                clock: when.split(' ').next().unwrap_or_default().to_string(),
                words: format!("{when}: {}", mark_words(dose.mark, came_back_up)),
            }
        })
        .collect()
}

/// The picture and its list; nothing when there are no doses.
pub fn dose_timeline(doses: &[DrawnDose]) -> Html {
    if doses.is_empty() {
        return html! {};
    }
    // Labels alternate above and below the line so that close doses stay readable. Each dose
    // is keyed by its place on the line and its mark.
    let dot = |(i, dose): (usize, &DrawnDose)| {
        let label_y = if i % 2 == 0 { "30" } else { "104" };
        let x = dose.x.to_string();
        html! {
            <g key={format!("{}-{}", dose.x, mark_class(dose.mark))}>
                <circle class={mark_class(dose.mark)} cx={x.clone()} cy="60" r="11" />
                if matches!(dose.mark, DoseMark::Missed | DoseMark::CameBackUp) {
                    <path class="dot__cross" d={format!("M{} 53l14 14m0-14l-14 14", dose.x - 7)} />
                }
                <text {x} y={label_y} text-anchor="middle">{ dose.clock.clone() }</text>
            </g>
        }
    };
    html! {
        <figure class="timeline">
            <svg viewBox="0 0 600 112" aria-hidden="true" focusable="false" class="timeline__picture">
                <line x1="20" y1="60" x2="580" y2="60" class="timeline__line" />
                { for doses.iter().enumerate().map(dot) }
            </svg>
            <figcaption>
                <ol class="timeline__list">
                    { for doses.iter().map(|dose| html! {
                        <li key={format!("{}-{}", dose.x, mark_class(dose.mark))}>
                            <span class={format!("key {}", mark_class(dose.mark))} aria-hidden="true"></span>
                            { dose.words.clone() }
                        </li>
                    }) }
                </ol>
            </figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use baclofen_logic::time::{instant_at, ClockTime, Date, FixedZone};

    #[test]
    fn doses_are_placed_in_time_order_across_the_line() {
        let zone = FixedZone(0);
        let day = Date::new(2026, 11, 23).unwrap();
        let at = |t: &str| instant_at(&zone, day, ClockTime::parse(t).unwrap());
        let doses = [
            TimelineDose { at: at("08:00"), mark: DoseMark::Missed },
            TimelineDose { at: at("10:00"), mark: DoseMark::TakeNow },
            TimelineDose { at: at("14:00"), mark: DoseMark::Next },
        ];
        let drawn = lay_out(&doses, &zone, at("10:00"));
        let x: Vec<i64> = drawn.iter().map(|d| d.x).collect();
        // Every dot (radius 11) sits whole on the drawn line, from x=20 to x=580 of the picture.
        assert!(x.iter().all(|x| (20 + 11..=580 - 11).contains(x)), "{x:?}");
        // In time order, spaced as the times are: 10:00 is a third of the way from 08:00 to 14:00.
        assert!(x[0] < x[1] && x[1] < x[2], "{x:?}");
        let third = (x[1] - x[0]) as f64 / (x[2] - x[0]) as f64;
        assert!((third - 1.0 / 3.0).abs() < 0.01, "{x:?}");
        // The line is used: the first and last doses are far apart, not squeezed in a corner.
        assert!(x[2] - x[0] >= (580 - 20) / 2, "{x:?}");
        // The time as people say it, then what the dose is (words from content/ui.toml).
        assert_eq!(drawn[0].words, format!("08:00 today: {}", timeline::MISSED));
        assert_eq!(drawn[2].clock, "14:00");
    }

    #[test]
    fn after_a_dose_that_came_back_up_no_dose_is_called_missed() {
        let zone = FixedZone(0);
        let day = Date::new(2026, 11, 23).unwrap();
        let at = |t: &str| instant_at(&zone, day, ClockTime::parse(t).unwrap());
        let doses = [
            TimelineDose { at: at("08:00"), mark: DoseMark::CameBackUp },
            TimelineDose { at: at("08:25"), mark: DoseMark::TakeNow },
            TimelineDose { at: at("14:00"), mark: DoseMark::Next },
        ];
        let words: Vec<String> = lay_out(&doses, &zone, at("08:25")).into_iter().map(|d| d.words).collect();
        assert!(words.iter().all(|w| !w.contains("missed")), "{words:?}");
        assert!(words[0].ends_with("came back up"), "{words:?}");
        assert!(words[1].contains("same dose again"), "{words:?}");
    }
}
