//! The "Take it with you" helper's module (#19), loaded only on the page that holds its
//! placeholder (content/pages/take-it-with-you.toml, `module = "keep"`).

use baclofen_guide::components::keep::{mount, KEEP_ISLAND};

fn main() {
    baclofen_guide::mount::helper(KEEP_ISLAND, mount);
}
