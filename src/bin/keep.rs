//! The "Take it with you" helper's module (#19), loaded only on the page that holds its
//! placeholder (content/pages/take-it-with-you.toml, `module = "keep"`).

use baclofen_guide::helpers::take_with_you::{TakeWithYou, TakeWithYouProps, TAKE_WITH_YOU_ISLAND};

fn main() {
    baclofen_guide::mount::island::<TakeWithYou>(TAKE_WITH_YOU_ISLAND, |settings, on_shown| {
        TakeWithYouProps { settings, on_shown }
    });
}
