//! What the symptom checker remembers while it is open, and how each action changes it: a pure
//! reducer (Yew's `Reducible`), with no storage, focus or timers. Native unit tests below.

use crate::content::{Answers, PumpAnswer, RED_FLAGS};
use baclofen_logic::red_flags::{Level, Mask, Triage};
use std::rc::Rc;
use yew::Reducible;

/// Whose symptoms are being checked: the wording follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Viewer {
    Myself,
    Carer,
    Child,
}

/// Groups a link may tick (`?context=missed-several,pump`): situations, never signs, so that a
/// link can only add context, not claim a symptom.
const LINKABLE_GROUPS: [&str; 2] = ["doses", "person"];

/// What a link names in the address, as answers. Unknown names and signs are ignored; `pump`
/// answers the pump question with Yes.
pub fn answers_from_query(value: Option<&str>) -> Answers {
    let mut answers = Answers::default();
    for id in value.unwrap_or_default().split(',').map(str::trim) {
        if id == "pump" {
            answers.pump = Some(PumpAnswer::Yes);
        } else if let Some(item) =
            RED_FLAGS.item(id).filter(|i| LINKABLE_GROUPS.contains(&i.group) && !i.hidden)
        {
            answers.ticked |= item.bit;
        }
    }
    answers
}

/// Whether the answer on screen was kept for the appointment summary, after the person tapped
/// "Keep this answer" (any change to the answers clears it: a new answer is not kept).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kept {
    Yes,
    /// The browser refused to store it.
    Refused,
}

/// Everything the checker remembers while it is open.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CheckerState {
    pub answers: Answers,
    /// Nothing is chosen until the person chooses (never a pre-selected answer).
    pub viewer: Option<Viewer>,
    pub none_of_these: bool,
    /// Groups the person has opened (kept in state, so a re-render never closes one).
    pub opened: Vec<&'static str>,
    /// "Kept on this device…" under the answer, once the person kept it.
    pub kept: Option<Kept>,
    /// Counts the person's "See the answer" taps: each new value moves focus to the answer.
    pub show_answer: u32,
}

/// Each change a person can make. Actions are applied to the latest state, so two ticks handled
/// before a re-render are both kept.
pub enum CheckerAction {
    Tick {
        bit: Mask,
        on: bool,
    },
    Viewer(Viewer),
    Pump(PumpAnswer),
    NoneOfThese(bool),
    /// A group's heading was opened or closed.
    Toggle {
        group: &'static str,
        open: bool,
    },
    /// The answer was stored for the appointment summary (or the browser refused).
    Kept(Kept),
    /// "See the answer": the card takes focus.
    ShowAnswer,
}

impl CheckerState {
    pub fn new(answers: Answers) -> Self {
        CheckerState { answers, ..CheckerState::default() }
    }

    pub fn viewer(&self) -> Viewer {
        self.viewer.unwrap_or(Viewer::Myself)
    }

    pub fn triage(&self) -> Triage {
        RED_FLAGS.evaluate(&self.answers)
    }

    /// A card is shown: something ticked is a red flag, or the person said none of these.
    pub fn answered(&self, triage: &Triage) -> bool {
        triage.level.is_some() || self.none_of_these
    }
}

impl Reducible for CheckerState {
    type Action = CheckerAction;

    fn reduce(self: Rc<Self>, action: CheckerAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            CheckerAction::Tick { bit, on } => {
                next.kept = None;
                next.answers.ticked = if on { next.answers.ticked | bit } else { next.answers.ticked & !bit };
                if on {
                    next.none_of_these = false;
                    // The group it was ticked in stays open.
                    if let Some(group) = RED_FLAGS.groups.iter().find(|g| g.mask & bit != 0) {
                        if !next.opened.contains(&group.id) {
                            next.opened.push(group.id);
                        }
                    }
                }
            }
            CheckerAction::Viewer(viewer) => {
                next.kept = None;
                next.viewer = Some(viewer);
                next.answers.child = viewer == Viewer::Child;
            }
            CheckerAction::Pump(answer) => {
                next.kept = None;
                next.answers.pump = Some(answer);
            }
            CheckerAction::Toggle { group, open } => {
                if next.opened.contains(&group) == open {
                    // Already so (the browser tells of a change the view made): no new state.
                    return self;
                }
                next.opened.retain(|g| *g != group);
                if open {
                    next.opened.push(group);
                }
            }
            CheckerAction::NoneOfThese(on) => {
                next.kept = None;
                next.none_of_these = on;
                if on {
                    // Keep the situations; clear the signs.
                    let situations = RED_FLAGS
                        .items
                        .iter()
                        .filter(|i| LINKABLE_GROUPS.contains(&i.group))
                        .fold(0, |m, i| m | i.bit);
                    next.answers.ticked &= situations;
                }
            }
            CheckerAction::Kept(kept) => next.kept = Some(kept),
            CheckerAction::ShowAnswer => next.show_answer = next.show_answer.wrapping_add(1),
        }
        Rc::new(next)
    }
}

/// The answer's heading in words, "Urgent: Call your pump team straight away" (the level's label
/// and the most urgent fired rule's action, in the viewer's wording), or `None` with no answer.
pub fn heading(state: &CheckerState, triage: &Triage) -> Option<(&'static str, &'static str)> {
    let carer = state.viewer() != Viewer::Myself;
    match (triage.level, triage.fired.first()) {
        (Some(level), Some(&top)) => {
            let text = &RED_FLAGS.rule_text[top];
            Some((RED_FLAGS.level(level).label, if carer { text.carer_action } else { text.action }))
        }
        _ if state.none_of_these => {
            Some((RED_FLAGS.level(Level::Routine).label, crate::content::ui::checker::NO_RED_FLAGS))
        }
        _ => None,
    }
}

/// The one short sentence the live region says when the answer changes (empty with none): the
/// level and the first sentence of the action, "Urgent: Call your pump team now." The rest of
/// the action is the card's title, which the person reaches next (or with "See the answer").
pub fn announcement(state: &CheckerState, triage: &Triage) -> String {
    heading(state, triage)
        .map(|(label, title)| {
            let first = title.find(". ").map_or(title, |end| &title[..=end]);
            [label, ": ", first].concat()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bit(id: &str) -> Mask {
        RED_FLAGS.item(id).unwrap_or_else(|| panic!("no item {id}")).bit
    }

    fn run(actions: impl IntoIterator<Item = CheckerAction>) -> Rc<CheckerState> {
        actions.into_iter().fold(Rc::new(CheckerState::default()), |s, a| s.reduce(a))
    }

    #[test]
    fn a_link_can_name_situations_but_never_signs() {
        let answers = answers_from_query(Some("missed-several, pump"));
        assert_eq!(answers.ticked, bit("missed-several"));
        assert_eq!(answers.pump, Some(PumpAnswer::Yes));
        let junk = answers_from_query(Some("fever,breathing,child,<script>,javascript:alert(1)"));
        assert_eq!(junk, Answers::default(), "signs, hidden items and junk are ignored");
        assert_eq!(answers_from_query(None), Answers::default());
    }

    #[test]
    fn two_actions_in_one_task_are_both_kept() {
        let state = run([
            CheckerAction::Tick { bit: bit("fever"), on: true },
            CheckerAction::Tick { bit: bit("rash"), on: true },
        ]);
        assert_eq!(state.answers.ticked, bit("fever") | bit("rash"));
    }

    #[test]
    fn a_kept_answer_stops_being_kept_when_the_answer_changes() {
        let state = run([CheckerAction::Tick { bit: bit("rash"), on: true }, CheckerAction::Kept(Kept::Yes)]);
        assert_eq!(state.kept, Some(Kept::Yes));
        let state = state.reduce(CheckerAction::Toggle { group: "skin", open: true });
        assert_eq!(state.kept, Some(Kept::Yes), "opening a heading changes no answer");
        let state = state.reduce(CheckerAction::Tick { bit: bit("fever"), on: true });
        assert_eq!(state.kept, None, "a new answer was not kept");
    }

    #[test]
    fn none_of_these_clears_the_signs_and_keeps_the_situations() {
        let state = run([
            CheckerAction::Tick { bit: bit("missed-several"), on: true },
            CheckerAction::Tick { bit: bit("fever"), on: true },
            CheckerAction::NoneOfThese(true),
        ]);
        assert_eq!(state.answers.ticked, bit("missed-several"));
        let state = state.reduce(CheckerAction::Tick { bit: bit("chest-pain"), on: true });
        assert!(!state.none_of_these, "ticking a sign clears 'none of these'");
    }

    #[test]
    fn the_announcement_is_the_answers_heading_in_one_short_sentence() {
        // Fact sheet §11: a fit (seizure) is an emergency.
        let state = run([CheckerAction::Tick { bit: bit("seizure"), on: true }]);
        let said = announcement(&state, &state.triage());
        assert!(said.starts_with("Emergency: "), "{said}");
        assert!(said.split_whitespace().count() <= 25, "{said}");
        assert!(!said.contains(". "), "one sentence: {said}");
        assert_eq!(announcement(&CheckerState::default(), &CheckerState::default().triage()), "");
        // An action of several sentences is said up to its first full stop (the card has it all).
        for (i, text) in RED_FLAGS.rule_text.iter().enumerate() {
            let mut state = CheckerState::default();
            let triage = Triage { level: Some(RED_FLAGS.rules[i].level), timing: None, fired: vec![i] };
            state.viewer = Some(Viewer::Carer);
            let said = announcement(&state, &triage);
            assert!(!said.trim_end_matches('.').contains(". "), "{}: {said}", text.id);
            assert!(text.carer_action.starts_with(said.split_once(": ").unwrap().1.trim_end_matches('.')));
        }
    }

    #[test]
    fn seeing_the_answer_again_is_a_new_request_each_time() {
        let state = run([CheckerAction::ShowAnswer, CheckerAction::ShowAnswer]);
        assert_eq!(state.show_answer, 2);
    }
}
