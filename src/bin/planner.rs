//! The dose-change planner's module, loaded only on the page that holds its placeholder.

use baclofen_guide::components::dose_planner::{DosePlanner, DosePlannerProps};

fn main() {
    baclofen_guide::mount::yew_helper::<DosePlanner, _>("planner-tool", |settings| DosePlannerProps {
        settings,
    });
}
