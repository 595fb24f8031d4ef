//! The dose-change planner's module, loaded only on the page that holds its placeholder.

use baclofen_guide::helpers::planner::{Planner, PlannerProps, PLANNER_ISLAND};

fn main() {
    baclofen_guide::mount::island::<Planner>(PLANNER_ISLAND, |settings, on_shown| PlannerProps {
        settings,
        on_shown,
    });
}
