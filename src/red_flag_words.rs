//! The checker's answer in words, for the person's region: the title (the most urgent fired
//! rule's own action), the route for when the person it names is closed, the level's line, "if
//! it gets worse" and the reasons. Pure (no browser), so the native tests read every rule's
//! answer for every region through the same function the answer card shows.

use crate::content::{OutOfHours, RED_FLAGS};
use crate::settings::Settings;
use baclofen_logic::red_flags::{Level, Triage};

/// What the answer card says, in the order it says it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerWords {
    /// "Emergency", "Urgent", "Not urgent".
    pub label: &'static str,
    /// The most urgent fired rule's action (says how soon).
    pub title: &'static str,
    /// Where to go when the person the answer names is closed, by region.
    pub when_closed: Option<String>,
    /// The level's own line.
    pub detail: &'static str,
    pub if_worse: &'static str,
    /// One reason per fired rule, the same words once; under an emergency, only the reasons for
    /// calling now.
    pub reasons: Vec<(&'static str, &'static str, &'static [&'static str])>,
}

/// Who to turn to out of hours: a clinic's own out-of-hours number, else the service of the
/// region (the clinic's choice, else the device's time zone), else the general words.
pub fn out_of_hours(settings: &Settings) -> OutOfHours<'_> {
    if let Some(phone) = settings.out_of_hours_phone.as_deref() {
        return OutOfHours::Clinic(phone);
    }
    match settings.region.or(settings.time_zone_region).and_then(|r| r.out_of_hours_name) {
        Some(name) => OutOfHours::Named(name),
        None => OutOfHours::General,
    }
}

/// The answer for `result` (`None` when nothing ticked is a red flag).
pub fn answer_words(result: &Triage, carer: bool, settings: &Settings) -> Option<AnswerWords> {
    let (level, &top) = result.level.zip(result.fired.first())?;
    let text = &RED_FLAGS.rule_text[top];
    let wording = RED_FLAGS.level(level);
    let mut reasons: Vec<(&'static str, &'static str, &'static [&'static str])> = Vec::new();
    for &i in &result.fired {
        if level == Level::Emergency && RED_FLAGS.rules[i].level != Level::Emergency {
            continue;
        }
        let rule = &RED_FLAGS.rule_text[i];
        let why = if carer { rule.carer_why } else { rule.why };
        if !reasons.iter().any(|(_, w, _)| *w == why) {
            reasons.push((rule.id, why, rule.sources));
        }
    }
    Some(AnswerWords {
        label: wording.label,
        title: if carer { text.carer_action } else { text.action },
        when_closed: RED_FLAGS.when_closed(top, out_of_hours(settings)),
        detail: wording.detail,
        if_worse: text.if_worse,
        reasons,
    })
}
