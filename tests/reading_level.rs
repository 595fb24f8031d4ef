//! Plain language, measured: the Flesch-Kincaid grade of every page's text, as built from
//! `content/`. Targets (issue #15): every patient page at grade 7 or below and no sentence over
//! 25 words; the helpers' answers at grade 8 or below; the median at 6 or below.
//! `readability_report` prints the per-page figures as one JSON line for `make bench`.
#![cfg(not(target_arch = "wasm32"))]

use baclofen_content_rules::readability::{grade, sentences, syllables, word_count};
use baclofen_guide::content::{Block, BlockKind, Page, MISSED_DOSE, PAGES, RED_FLAGS, SITE, UI_TEXTS};

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
            BlockKind::WayIn(w) => sentence(w.text),
            BlockKind::Helper(h) => sentence(h.text),
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
            BlockKind::Point(p) => {
                sentence(p.words.text);
                p.items.iter().for_each(|item| sentence(item));
            }
        }
    }
    text
}

/// Pages a patient reads as text (the source list is names and addresses; search is one line).
fn patient_pages() -> impl Iterator<Item = &'static Page> {
    PAGES.iter().filter(|p| p.slug != "sources" && p.slug != "search")
}

fn full_text(page: &Page) -> String {
    format!("{}. {}", page.description, page_text(page.blocks))
}

/// Longer everyday words that count as plain (the report lists any other word of three or more
/// syllables as a word to check). Medical words are not here: they are explained on the page or
/// on the glossary page.
const PLAIN_LONG_WORDS: &[&str] = &[
    "baclofen",
    "medicine",
    "medicines",
    "another",
    "anything",
    "everyone",
    "everything",
    "anyone",
    "someone",
    "hospital",
    "emergency",
    "pharmacist",
    "pharmacy",
    "usually",
    "usual",
    "family",
    "different",
    "difficult",
    "important",
    "already",
    "suddenly",
    "several",
    "sudden",
    "amount",
    "example",
    "every",
    "even",
    "over",
    "after",
    "every",
    "before",
    "remember",
    "remembers",
    "number",
    "numbers",
    "tablets",
    "tablet",
    "liquid",
    "liquids",
    "animals",
    "instead",
    "however",
    "company",
    "general",
    "possible",
    "probably",
    "problem",
    "problems",
    "getting",
    "together",
    "carefully",
    "careful",
    "allergy",
    "allergies",
    "breastfeeding",
    "pregnancy",
    "pregnant",
    "condition",
    "conditions",
    "temperature",
    "operation",
    "operations",
    "travel",
    "holiday",
    "whatever",
    "whenever",
    "wherever",
    "yourself",
    "themselves",
    "ourselves",
    "itself",
    "easier",
    "easily",
    "already",
    "today",
    "tomorrow",
    "continue",
    "contact",
    "information",
    "instructions",
    "supply",
    "sleepiness",
    "diabetes",
    "kidney",
    "kidneys",
    "alcohol",
    "unsteady",
    "unusual",
    "unusually",
    "family",
    "valuable",
    "energy",
    "medical",
    "regular",
    "regularly",
    "average",
    "similar",
    "natural",
    "physical",
    "reason",
    "ambulance",
    "telephone",
    "prescription",
    "prescribed",
    "prescribes",
    "appetite",
    "video",
    "actually",
    "especially",
    "finally",
    "totally",
    "ability",
    "activity",
    "activities",
    "quality",
];

/// Words of three or more syllables that are neither in the plain list nor explained on the
/// glossary page: the words to check first when a page reads hard.
fn words_to_check(text: &str) -> Vec<String> {
    let glossary: String = PAGES
        .iter()
        .find(|p| p.slug == "glossary")
        .map(|p| page_text(p.blocks).to_lowercase())
        .unwrap_or_default();
    let mut out: Vec<String> = Vec::new();
    for word in text.split(|c: char| !c.is_ascii_alphabetic() && c != '\'') {
        let word = word.trim_matches('\'').to_lowercase();
        if syllables(&word) < 3 || PLAIN_LONG_WORDS.contains(&word.as_str()) || out.contains(&word) {
            continue;
        }
        let stem = word.trim_end_matches('s');
        if glossary.contains(stem) {
            continue;
        }
        out.push(word);
    }
    out
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
fn every_patient_page_reads_at_grade_7_or_below() {
    for page in patient_pages() {
        let g = grade(&full_text(page));
        println!("reading grade {}: {g:.1}", page.slug);
        assert!(g <= 7.0, "{} reads at grade {g:.1}; the limit for patient pages is 7", page.slug);
    }
}

#[test]
fn no_helper_message_is_over_25_words() {
    for (key, text) in UI_TEXTS {
        for sentence in text.split(['.', '?', '!']) {
            assert!(word_count(sentence) <= 25, "{key}: {sentence:?}");
        }
    }
}

#[test]
fn no_sentence_on_a_patient_page_is_over_25_words() {
    let mut texts: Vec<(String, String)> =
        patient_pages().map(|p| (p.slug.to_string(), full_text(p))).collect();
    // The start-up message is read when nothing else works.
    texts.push(("site.toml [startup] emergency_signs".into(), SITE.startup.emergency_signs.to_string()));
    texts.push(("site.toml emergency".into(), SITE.emergency.to_string()));
    for (slug, text) in texts {
        for sentence in sentences(&text) {
            let n = word_count(sentence);
            assert!(n <= 25, "{slug}: a sentence of {n} words (limit 25): {sentence:?}");
        }
    }
}

/// Easy Read pages (issue #31): grade 3 or below, and no sentence over 12 words. Easy Read
/// guides ask for short sentences with one idea each and give no single number; 12 words is a
/// line or two beside a picture on a phone, and about half the limit for the full pages (25). A
/// sentence that needs more than 12 words usually holds two ideas.
const EASY_READ_GRADE: f64 = 3.0;
const EASY_READ_SENTENCE_WORDS: usize = 12;

fn easy_read_pages() -> impl Iterator<Item = &'static Page> {
    PAGES.iter().filter(|p| p.easy_read_of.is_some())
}

#[test]
fn easy_read_pages_read_at_grade_3_or_below() {
    assert_eq!(easy_read_pages().count(), 5, "the five Easy Read pages of issue #31");
    for page in easy_read_pages() {
        // The title is read too.
        let text = format!("{}. {}", page.title, full_text(page));
        let g = grade(&text);
        println!("reading grade {} (Easy Read): {g:.1}", page.slug);
        assert!(g <= EASY_READ_GRADE, "{} reads at grade {g:.1}; the limit for Easy Read is 3", page.slug);
    }
}

#[test]
fn no_easy_read_sentence_is_over_12_words() {
    for page in easy_read_pages() {
        let text = format!("{}. {}", page.title, full_text(page));
        for sentence in sentences(&text) {
            let n = word_count(sentence);
            assert!(
                n <= EASY_READ_SENTENCE_WORDS,
                "{}: a sentence of {n} words (Easy Read limit {EASY_READ_SENTENCE_WORDS}): {sentence:?}",
                page.slug
            );
        }
    }
}

#[test]
fn words_to_check_are_found() {
    assert_eq!(words_to_check("Take it with food. Spasticity eases."), Vec::<String>::new());
    assert_eq!(words_to_check("The pharmacokinetics differ."), vec!["pharmacokinetics".to_string()]);
}

/// One JSON line per run for `make bench` (bench/readability.mjs): per page, the grade, the
/// longest sentence and the long words that are not in the plain list or the glossary.
#[test]
fn readability_report() {
    let mut pages = Vec::new();
    for page in patient_pages() {
        let text = full_text(page);
        let longest = sentences(&text).into_iter().max_by_key(|s| word_count(s)).unwrap_or_default();
        pages.push(serde_json::json!({
            "page": page.slug,
            "grade": (grade(&text) * 10.0).round() / 10.0,
            "longest_words": word_count(longest),
            "longest": longest,
            "words_to_check": words_to_check(&text),
        }));
    }
    println!("READABILITY {}", serde_json::Value::Array(pages));
}

#[test]
fn the_helpers_read_at_grade_8_or_below_and_the_median_at_6_or_below() {
    let mut grades: Vec<(f64, &str)> = patient_pages().map(|p| (grade(&full_text(p)), p.slug)).collect();
    // The helpers' answers are read too.
    let answers: String =
        MISSED_DOSE.rules_wording.iter().map(|w| format!("{} {} {} ", w.action, w.then, w.why)).collect();
    grades.push((grade(&answers.replace(['{', '}'], "")), "missed-dose answers"));
    let reasons: String = RED_FLAGS.rule_text.iter().map(|r| format!("{} {} ", r.why, r.if_worse)).collect();
    grades.push((grade(&reasons), "red-flag reasons"));
    // The helpers' own messages and labels (content/ui.toml).
    // Each label or message read as a sentence of its own.
    let ui: String =
        UI_TEXTS.iter().map(|(_, text)| format!("{}. ", text.trim_end_matches(['.', ':', '?']))).collect();
    grades.push((grade(&ui), "helper messages"));
    for (g, slug) in &grades {
        println!("reading grade {slug}: {g:.1}");
        assert!(*g <= 8.0, "{slug} reads at grade {g:.1}; the limit is 8");
    }
    grades.sort_by(|a, b| a.0.total_cmp(&b.0));
    let median = grades[grades.len() / 2].0;
    println!("median reading grade: {median:.1}");
    assert!(median <= 6.0, "median reading grade {median:.1}; the target is 6 or below");
}
