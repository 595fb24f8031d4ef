//! The label's step-up schedule as a staircase picture, with its steps written out below it.

use crate::components::citations::citations;
use crate::content::ui::words;
use crate::content::StepUp;
use yew::prelude::*;

const WIDTH: u16 = 360;
const HEIGHT: u16 = 200;
/// Room for the dose above each bar and the days below it.
const TOP: u16 = 30;
const BOTTOM: u16 = 40;

/// One bar of the staircase: its box and the words drawn with it.
struct Bar {
    x: u16,
    y: u16,
    width: u16,
    height: u16,
    dose: String,
    days: String,
}

fn bars(plan: &StepUp) -> Vec<Bar> {
    let highest = plan.doses_mg.iter().copied().max().unwrap_or(1).max(1);
    let count = plan.doses_mg.len().max(1) as u16;
    let slot = WIDTH / count;
    let usable = HEIGHT - TOP - BOTTOM;
    plan.doses_mg
        .iter()
        .enumerate()
        .map(|(i, &dose)| {
            let i = i as u16;
            let height = (u32::from(usable) * u32::from(dose) / u32::from(highest)) as u16;
            let first_day = i * plan.days_per_step + 1;
            Bar {
                x: i * slot + 4,
                y: HEIGHT - BOTTOM - height,
                width: slot - 8,
                height,
                dose: words::MG.replace("{dose}", &dose.to_string()),
                days: words::DAYS
                    .replace("{first}", &first_day.to_string())
                    .replace("{last}", &(first_day + plan.days_per_step - 1).to_string()),
            }
        })
        .collect()
}

pub fn step_up(plan: &'static StepUp) -> Html {
    let times = match plan.times_a_day {
        1 => words::ONCE.to_string(),
        2 => words::TWICE.to_string(),
        3 => words::THREE_TIMES.to_string(),
        n => words::N_TIMES.replace("{n}", &n.to_string()),
    };
    html! {
        <figure class="step-up">
            <figcaption class="step-up__title">{ plan.title }</figcaption>
            <p>{ plan.intro.text }</p>
            // The list below says the same in words, so the picture is hidden from screen readers.
            <svg class="step-up__picture" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} aria-hidden="true" focusable="false">
                { for bars(plan).into_iter().map(|bar| {
                    let centre = bar.x + bar.width / 2;
                    html! {
                        <g>
                            <rect class="step-up__bar" x={bar.x.to_string()} y={bar.y.to_string()}
                                width={bar.width.to_string()} height={bar.height.to_string()} rx="3" />
                            <text class="step-up__dose" x={centre.to_string()} y={(bar.y - 8).to_string()} text-anchor="middle">{ bar.dose }</text>
                            <text class="step-up__days" x={centre.to_string()} y={(HEIGHT - BOTTOM + 22).to_string()} text-anchor="middle">{ bar.days }</text>
                        </g>
                    }
                }) }
                <line class="step-up__axis" x1="0" x2={WIDTH.to_string()} y1={(HEIGHT - BOTTOM).to_string()} y2={(HEIGHT - BOTTOM).to_string()} />
            </svg>
            <p class="step-up__note">{ words::TIMES_A_DAY.replace("{times}", &times) }</p>
            <ol class="step-up__steps">
                { for plan.steps.iter().map(|step| html! { <li>{ *step }</li> }) }
            </ol>
            { citations(plan.intro.sources) }
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Statement;

    static PLAN: StepUp = StepUp {
        title: "Plan",
        intro: Statement { text: "Intro", sources: &["FDA-TAB"] },
        doses_mg: &[5, 10, 15, 20],
        days_per_step: 3,
        times_a_day: 3,
        steps: &["a", "b", "c", "d"],
    };

    #[test]
    fn bars_rise_with_the_dose_and_stay_inside_the_picture() {
        let bars = bars(&PLAN);
        assert_eq!(bars.len(), 4);
        assert!(bars.windows(2).all(|w| w[1].height > w[0].height && w[1].x > w[0].x));
        assert_eq!(bars[3].height, HEIGHT - TOP - BOTTOM);
        assert!(bars.iter().all(|b| b.y >= TOP && b.x + b.width <= WIDTH));
        assert_eq!(bars[0].days, "Days 1–3");
        assert_eq!(bars[3].days, "Days 10–12");
        assert_eq!(bars[2].dose, "15 mg");
    }
}
