//! Moving the person to an answer or a message: focus it (so a screen reader reads it), then
//! scroll it to the top of the screen (focusing alone may leave a tall card's title above it).

use yew::NodeRef;

pub fn focus_and_show(node: &NodeRef) {
    if let Some(element) = node.cast::<web_sys::HtmlElement>() {
        let _ = element.focus();
        element.scroll_into_view();
    }
}
