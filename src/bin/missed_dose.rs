//! The missed-dose helper's module, loaded only on the page that holds its placeholder.

use baclofen_guide::helpers::missed_dose::{MissedDose, MissedDoseProps};
use baclofen_guide::ids::MISSED_DOSE_ISLAND;

fn main() {
    baclofen_guide::mount::island::<MissedDose>(MISSED_DOSE_ISLAND, |settings, on_shown| MissedDoseProps {
        settings,
        on_shown,
    });
}
