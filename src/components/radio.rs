//! One radio button with its label, shared by the four helpers (symptom checker, missed-dose
//! helper, dose-change planner, take it with you):
//! `<div class="choice"><input type="radio" name id [checked]><label for=id>label</label></div>`.
//! [`radio`] draws one in a call; a list that keys its children gives the key where it uses the
//! component (`<Radio key={id} … />`).

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RadioProps {
    /// The group's `name` (one per question).
    pub name: &'static str,
    /// The input's id, which its label points to.
    pub id: &'static str,
    pub label: &'static str,
    pub checked: bool,
    /// Called when the person picks it.
    pub onchange: Callback<Event>,
}

#[component]
pub fn Radio(props: &RadioProps) -> Html {
    let RadioProps { name, id, label, checked, onchange } = props;
    html! {
        <div class="choice">
            <input type="radio" name={*name} id={*id} checked={*checked} onchange={onchange.clone()} />
            <label for={*id}>{ *label }</label>
        </div>
    }
}

/// One radio button, unkeyed: the group's name, the input's id, whether it is chosen, its words
/// and what picking it does.
pub fn radio(
    name: &'static str,
    id: &'static str,
    checked: bool,
    label: &'static str,
    onchange: Callback<Event>,
) -> Html {
    html! { <Radio {name} {id} {label} {checked} {onchange} /> }
}
