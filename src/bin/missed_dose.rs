//! The missed-dose helper's module, loaded only on the page that holds its placeholder.

use baclofen_guide::components::missed_dose_helper::mount;
use baclofen_guide::ids::MISSED_DOSE_ISLAND;

fn main() {
    baclofen_guide::mount::helper(MISSED_DOSE_ISLAND, mount);
}
