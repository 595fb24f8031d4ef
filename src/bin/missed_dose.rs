//! The missed-dose helper's module, loaded only on the page that holds its placeholder.

use baclofen_guide::components::missed_dose_helper::{MissedDoseHelper, MissedDoseHelperProps};
use baclofen_guide::ids::MISSED_DOSE_ISLAND;

fn main() {
    baclofen_guide::mount::yew_helper::<MissedDoseHelper, _>(MISSED_DOSE_ISLAND, |settings| {
        MissedDoseHelperProps { settings }
    });
}
