//! The missed-dose helper's published rules and worked answers, shown in the static page
//! (prerendered HTML) for browsers that cannot run the interactive helper.

use crate::components::citations::citations;
use crate::content::ui::missed_dose_rules as rules_words;
use crate::content::MISSED_DOSE;
use crate::missed_dose::table;
use crate::missed_dose::wording::fill;
use baclofen_logic::missed_dose::RuleId;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MissedDoseRulesProps {
    /// What the page says above the rules: the `helper` block's text in `content/pages/`.
    pub intro: &'static str,
}

#[component]
pub fn MissedDoseRules(props: &MissedDoseRulesProps) -> Html {
    let rules = MISSED_DOSE.rules;
    let main_rules = [
        RuleId::TakeWhenRemembered,
        RuleId::SkipNearNextDose,
        RuleId::ChildGiveThenWait,
        RuleId::SeveralMissed,
        RuleId::Pump,
        RuleId::WithdrawalSigns,
    ];
    html! {
        <section class="helper" aria-labelledby="helper-title">
            <h2 id="helper-title">{ rules_words::TITLE }</h2>
            <p>{ props.intro }</p>
            <ul class="rule-list">
                { for main_rules.into_iter().map(|rule| {
                    let wording = MISSED_DOSE.wording(rule);
                    html! {
                        <li key={rule.key()}>
                            <p><strong>{ fill(wording.action, None, &rules) }</strong>{" "}{ fill(wording.why, None, &rules) }</p>
                            { citations(wording.sources) }
                        </li>
                    }
                }) }
            </ul>
            <p>{ MISSED_DOSE.never_double.text }</p>
            { for table::three_a_day().into_iter().map(|t| html! {
                <div class="table-wrap">
                    <table>
                        <caption>{ t.title }{": "}{ rules_words::CAPTION_EXAMPLE }</caption>
                        <thead><tr><th scope="col">{ rules_words::TIME_NOW }</th><th scope="col">{ rules_words::WHAT_TO_DO }</th></tr></thead>
                        <tbody>
                            { for t.rows.into_iter().map(|r| html! { <tr><td>{ r.now }</td><td>{ r.answer }</td></tr> }) }
                        </tbody>
                    </table>
                </div>
            }) }
        </section>
    }
}
