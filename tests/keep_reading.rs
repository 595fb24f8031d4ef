//! Plain words in "Take it with you" (#19): every sentence the helper shows (content/keep.toml)
//! at Flesch-Kincaid grade 8 or below as a whole, no sentence over 25 words, and no medical word
//! a reader would have to look up. The formula is the one tests/reading_level.rs uses for pages.
#![cfg(not(target_arch = "wasm32"))]

use baclofen_guide::keep::content::{LINK_ERRORS, QUESTIONS, WORD_LIST};

fn syllables(word: &str) -> usize {
    let word: Vec<char> = word.to_lowercase().chars().filter(|c| c.is_ascii_alphabetic()).collect();
    if word.is_empty() {
        return 0;
    }
    let vowel = |c: char| "aeiouy".contains(c);
    let mut count = 0;
    let mut previous = false;
    for &c in &word {
        let v = vowel(c);
        if v && !previous {
            count += 1;
        }
        previous = v;
    }
    let n = word.len();
    let silent_e =
        n > 2 && word[n - 1] == 'e' && !vowel(word[n - 2]) && (word[n - 2] != 'l' || vowel(word[n - 3]));
    if silent_e {
        count -= 1;
    }
    count.max(1)
}

fn grade(text: &str) -> f64 {
    let sentences = text
        .split(['.', '!', '?'])
        .filter(|s| s.split_whitespace().any(|w| w.chars().any(char::is_alphabetic)))
        .count()
        .max(1);
    let words: Vec<&str> = text.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).collect();
    let syllable_count: usize = words.iter().map(|w| syllables(w)).sum();
    let words_count = words.len().max(1) as f64;
    0.39 * (words_count / sentences as f64) + 11.8 * (syllable_count as f64 / words_count) - 15.59
}

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
