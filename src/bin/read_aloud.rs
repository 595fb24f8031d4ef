//! Read aloud (issue #31): the control's Yew island. `start.js` fetches this module only when a
//! person presses the page's "Read aloud" button; it then reads the page (or a helper's answer)
//! with the browser's own speech.

fn main() {
    baclofen_guide::read_aloud::control::mount();
}
