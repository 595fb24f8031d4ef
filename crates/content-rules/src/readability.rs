//! The Flesch-Kincaid grade, once, for every reading-level test (pages, Easy Read, helpers,
//! planner, take-it-with-you) and the sentence-length rule in [`crate::TextRules`].

/// Syllables by vowel groups, with a silent final "e" (as in "dose") not counted; at least one.
pub fn syllables(word: &str) -> usize {
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
    // "-le" after a consonant is its own syllable ("table"), so only other silent "e"s are dropped.
    let silent_e =
        n > 2 && word[n - 1] == 'e' && !vowel(word[n - 2]) && (word[n - 2] != 'l' || vowel(word[n - 3]));
    if silent_e {
        count -= 1;
    }
    count.max(1)
}

/// The sentences of a text, as the grade counts them (split at `.`, `!` and `?`).
pub fn sentences(text: &str) -> Vec<&str> {
    text.split(['.', '!', '?'])
        .map(str::trim)
        .filter(|s| s.split_whitespace().any(|w| w.chars().any(char::is_alphabetic)))
        .collect()
}

/// The words of a sentence (anything with a letter or a digit).
pub fn word_count(sentence: &str) -> usize {
    sentence.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

/// The Flesch-Kincaid grade of a text.
pub fn grade(text: &str) -> f64 {
    let sentences = sentences(text).len().max(1);
    let words: Vec<&str> = text.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).collect();
    let syllable_count: usize = words.iter().map(|w| syllables(w)).sum();
    let words_count = words.len().max(1) as f64;
    0.39 * (words_count / sentences as f64) + 11.8 * (syllable_count as f64 / words_count) - 15.59
}

/// Texts joined as one, each its own sentence (a label or heading counts as a sentence).
pub fn as_sentences<'a>(texts: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for t in texts {
        out.push_str(t.trim_end_matches(['.', ':', '?']));
        out.push_str(". ");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_match_a_dictionary() {
        // Syllable counts from a dictionary, not from this code.
        for (word, n) in
            [("dose", 1), ("table", 2), ("medicine", 3), ("baclofen", 3), ("the", 1), ("apple", 2)]
        {
            assert_eq!(syllables(word), n, "{word}");
        }
    }

    #[test]
    fn grade_of_a_worked_example() {
        // "The cat sat on the mat." 6 words, 1 sentence, 6 syllables:
        // 0.39 * 6 + 11.8 * 1 - 15.59 = -1.45.
        assert!((grade("The cat sat on the mat.") - (-1.45)).abs() < 1e-9);
    }
}
