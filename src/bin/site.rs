//! The settings module, on every page: reads, checks and applies the clinic's settings and hands
//! them to the page's helper module, if it has one (`baclofen_guide::mount::site`).

fn main() {
    baclofen_guide::mount::site();
}
