//! Plain language, measured: the Flesch-Kincaid grade of every page's text, as built from
//! `content/`. Targets (reading age 9–11): median grade ≤ 6 and every page ≤ 8.
#![cfg(not(target_arch = "wasm32"))]

use baclofen_guide::content::{Block, BlockKind, MISSED_DOSE, PAGES, RED_FLAGS};

/// Syllables by vowel groups, with a silent final "e" (as in "dose") not counted; at least one.
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
    // "-le" after a consonant is its own syllable ("table"), so only other silent "e"s are dropped.
    let silent_e =
        n > 2 && word[n - 1] == 'e' && !vowel(word[n - 2]) && (word[n - 2] != 'l' || vowel(word[n - 3]));
    if silent_e {
        count -= 1;
    }
    count.max(1)
}

/// The Flesch-Kincaid grade of a text.
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

/// Everything a reader reads on a page, each heading and list item as its own sentence.
fn page_text(blocks: &[Block]) -> String {
    let mut text = String::new();
    let mut sentence = |t: &str| {
        text.push_str(t.trim_end_matches(['.', ':']));
        text.push_str(". ");
    };
    for block in blocks {
        match &block.kind {
            BlockKind::Heading(h) => sentence(h.text),
            BlockKind::Paragraph(s) => sentence(s.text),
            BlockKind::List(l) => {
                sentence(l.intro.text);
                l.items.iter().for_each(|item| sentence(item));
            }
            BlockKind::Callout(c) => {
                sentence(c.title);
                sentence(c.text);
                c.items.iter().for_each(|item| sentence(item));
            }
            BlockKind::Question(q) => {
                sentence(q.question);
                sentence(q.answer.text);
            }
            BlockKind::StepUp(s) => {
                sentence(s.title);
                sentence(s.intro.text);
                s.steps.iter().for_each(|step| sentence(step));
            }
        }
    }
    text
}

#[test]
fn syllables_are_counted_sensibly() {
    for (word, expected) in
        [("dose", 1), ("baclofen", 3), ("medicine", 3), ("table", 2), ("the", 1), ("spasticity", 4)]
    {
        assert_eq!(syllables(word), expected, "{word}");
    }
}

#[test]
fn every_page_reads_at_grade_8_or_below_and_the_median_at_6_or_below() {
    let mut grades: Vec<(f64, &str)> = PAGES
        .iter()
        // The source list is names and addresses, not sentences; search is one line.
        .filter(|p| p.slug != "sources" && p.slug != "search")
        .map(|p| (grade(&format!("{}. {}", p.description, page_text(p.blocks))), p.slug))
        .collect();
    // The helpers' answers are read too.
    let answers: String =
        MISSED_DOSE.rules_wording.iter().map(|w| format!("{} {} {} ", w.action, w.then, w.why)).collect();
    grades.push((grade(&answers.replace(['{', '}'], "")), "missed-dose answers"));
    let reasons: String = RED_FLAGS.rule_text.iter().map(|r| format!("{} {} ", r.why, r.if_worse)).collect();
    grades.push((grade(&reasons), "red-flag reasons"));
    for (g, slug) in &grades {
        println!("reading grade {slug}: {g:.1}");
        assert!(*g <= 8.0, "{slug} reads at grade {g:.1}; the limit is 8");
    }
    grades.sort_by(|a, b| a.0.total_cmp(&b.0));
    let median = grades[grades.len() / 2].0;
    println!("median reading grade: {median:.1}");
    assert!(median <= 6.0, "median reading grade {median:.1}; the target is 6 or below");
}
