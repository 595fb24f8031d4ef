//! Plain words in "Take it with you" (#19): every sentence the helper shows (content/keep.toml)
//! at Flesch-Kincaid grade 8 or below as a whole, no sentence over 25 words, and no medical word
//! a reader would have to look up. The grader is the one in crates/content-rules.
#![cfg(not(target_arch = "wasm32"))]

use baclofen_content_rules::readability::grade;
use baclofen_guide::keep::content::{LINK_ERRORS, QUESTIONS, WORD_LIST};

/// Everything a person reads in the helper, each label its own sentence (file names left out).
fn helper_text() -> String {
    let mut text = String::new();
    let shown = WORD_LIST.iter().filter(|(key, _)| !key.ends_with("file_name")).map(|(_, t)| *t);
    for t in shown.chain(QUESTIONS.iter().copied()).chain(LINK_ERRORS.iter().map(|(_, t)| *t)) {
        text.push_str(t.trim_end_matches(['.', ':', '?']));
        text.push_str(". ");
    }
    text
}

#[test]
fn the_keep_helper_reads_at_grade_8_or_below() {
    let g = grade(&helper_text());
    println!("keep helper: Flesch-Kincaid grade {g:.1}");
    assert!(g <= 8.0, "content/keep.toml reads at grade {g:.1}");
}

#[test]
fn no_keep_sentence_is_over_25_words() {
    for sentence in helper_text().split(['.', '?', '!']) {
        let words = sentence.split_whitespace().count();
        assert!(words <= 25, "{words} words: {sentence}");
    }
}
