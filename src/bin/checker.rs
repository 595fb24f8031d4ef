//! The symptom checker's module, loaded only on the page that holds its placeholder. A link
//! from the missed-dose helper (`?context=missed`) opens it with the missed doses ticked.

use baclofen_guide::browser::query;
use baclofen_guide::helpers::checker::{state::answers_from_query, Checker, CheckerProps};
use baclofen_guide::ids::RED_FLAG_ISLAND;
use baclofen_guide::settings::query_value;

fn main() {
    baclofen_guide::mount::island::<Checker>(RED_FLAG_ISLAND, |settings, on_shown| CheckerProps {
        answers: answers_from_query(query_value(&query(), "context").as_deref()),
        settings,
        on_shown,
    });
}
