//! The dose-change planner's module, loaded only on the page that holds its placeholder.

use baclofen_guide::components::dose_planner::mount;

fn main() {
    baclofen_guide::mount::helper("planner-tool", mount);
}
