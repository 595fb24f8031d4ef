//! The page as it is read aloud: the text a sighted reader sees in `main`, in reading order, cut
//! into sentences, each with the DOM range it covers (for the highlight). Left out: anything
//! hidden (the `hidden` attribute, `display: none`, `visibility: hidden`, `aria-hidden`, text for
//! screen readers only), source ids and source lists, the page's own navigation, form controls,
//! this control itself, and blocks for the other country when the reader's country is known.

use crate::read_aloud::text::{plain, sentences, with_numbers_spoken};
use wasm_bindgen::JsCast;
use web_sys::{Element, Node, Range};

/// One sentence to say, and where it is on the page.
pub struct Sentence {
    /// What the speech engine is given (phone numbers digit by digit).
    pub speech: String,
    /// The sentence on the page, for the highlight.
    pub range: Option<Range>,
    /// The block that holds it (scrolled into view, and marked while it is read).
    pub block: Element,
}

/// Classes whose contents are never read: source ids and lists, contents and page links, the
/// text only screen readers get (they have their own reader), and the read-aloud control.
const SKIP_CLASSES: [&str; 8] = [
    "citations",
    "page-sources",
    "toc",
    "pager",
    "print-action",
    "visually-hidden",
    "read-aloud",
    "skip-link",
];
/// Elements whose text is never read: scripts, pictures and form controls.
const SKIP_TAGS: [&str; 10] =
    ["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "svg", "BUTTON", "INPUT", "SELECT", "TEXTAREA", "FIELDSET"];

fn skipped(element: &Element, region: Option<&str>) -> bool {
    if SKIP_TAGS.contains(&element.tag_name().as_str())
        || element.has_attribute("hidden")
        || element.get_attribute("aria-hidden").as_deref() == Some("true")
    {
        return true;
    }
    let classes = element.class_list();
    if SKIP_CLASSES.iter().any(|c| classes.contains(c)) {
        return true;
    }
    if let (Some(mine), Some(only)) = (region, element.get_attribute("data-only-region")) {
        if only != mine {
            return true;
        }
    }
    match crate::browser::window().get_computed_style(element) {
        Ok(Some(style)) => {
            let get = |p: &str| style.get_property_value(p).unwrap_or_default();
            get("display") == "none" || get("visibility") == "hidden"
        }
        _ => false,
    }
}

/// Whether an element starts a block of its own (a heading, paragraph, list item, button…).
fn is_block(element: &Element) -> bool {
    match crate::browser::window().get_computed_style(element) {
        Ok(Some(style)) => {
            let display = style.get_property_value("display").unwrap_or_default();
            display != "inline" && display != "contents"
        }
        _ => false,
    }
}

/// A run of text in one block: its text nodes, in order.
struct Run {
    block: Element,
    nodes: Vec<(Node, String)>,
}

fn walk(node: &Node, block: &Element, region: Option<&str>, runs: &mut Vec<Run>) {
    let children = node.child_nodes();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else { continue };
        match child.node_type() {
            Node::TEXT_NODE => {
                let text = child.node_value().unwrap_or_default();
                match runs.last_mut() {
                    Some(run) if run.block == *block => run.nodes.push((child, text)),
                    _ => runs.push(Run { block: block.clone(), nodes: vec![(child, text)] }),
                }
            }
            Node::ELEMENT_NODE => {
                let element: &Element = child.unchecked_ref();
                if skipped(element, region) {
                    continue;
                }
                if is_block(element) {
                    walk(&child, element, region, runs);
                    // Text after a block belongs to a new run of the block around it.
                    runs.push(Run { block: block.clone(), nodes: Vec::new() });
                } else {
                    walk(&child, block, region, runs);
                }
            }
            _ => {}
        }
    }
}

/// The DOM range of bytes `from..to` of a run's text (its text nodes joined).
fn range_of(run: &Run, from: usize, to: usize) -> Option<Range> {
    let document = crate::browser::document();
    let range = document.create_range().ok()?;
    let mut offset = 0;
    let (mut started, mut ended) = (false, false);
    for (node, text) in &run.nodes {
        let end = offset + text.len();
        // DOM offsets count UTF-16 code units.
        let units = |bytes: usize| text[..bytes].encode_utf16().count() as u32;
        if !started && from < end.max(offset + 1) && from >= offset {
            range.set_start(node, units(from - offset)).ok()?;
            started = true;
        }
        if started && to <= end {
            range.set_end(node, units(to - offset)).ok()?;
            ended = true;
            break;
        }
        offset = end;
    }
    (started && ended).then_some(range)
}

/// The sentences of everything under `root`, in reading order. `region` is the reader's country
/// ("uk", "us"), when known; `numbers` are the phone numbers to say digit by digit.
pub fn read(root: &Element, region: Option<&str>, numbers: &[String]) -> Vec<Sentence> {
    let mut runs = Vec::new();
    walk(root, root, region, &mut runs);
    let mut out = Vec::new();
    for run in runs.iter().filter(|r| !r.nodes.is_empty()) {
        let text: String = run.nodes.iter().map(|(_, t)| t.as_str()).collect();
        for (from, to) in sentences(&text) {
            let speech = plain(&with_numbers_spoken(&text[from..to], numbers));
            if speech.is_empty() {
                continue;
            }
            out.push(Sentence { speech, range: range_of(run, from, to), block: run.block.clone() });
        }
    }
    out
}

/// The numbers of the page's call buttons (`tel:` links), as their words show them.
pub fn call_numbers(root: &Element) -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(links) = root.query_selector_all("a[href^='tel:']") {
        for i in 0..links.length() {
            let text = links.item(i).and_then(|l| l.text_content()).unwrap_or_default();
            // The number is the run of digits, spaces and hyphens in "Call 116 123".
            let number: String = text
                .chars()
                .skip_while(|c| !c.is_ascii_digit())
                .take_while(|c| c.is_ascii_digit() || *c == ' ' || *c == '-')
                .collect();
            let number = number.trim().trim_end_matches('-').to_string();
            if !number.is_empty() {
                out.push(number);
            }
        }
    }
    out
}
