//! Reads `content/keep.toml` (every word of the "Take it with you" helper), checks it and writes
//! it as Rust statics (`OUT_DIR/keep.rs`, included by `src/keep/content.rs`).
//!
//! A problem fails the build with `content/keep.toml:LINE: message`: a missing or unknown word, a
//! clinical word without sources, an unknown source id, sources on a word that states nothing, a
//! text that breaks the one set of text rules (`crates/content-rules`: markup, `javascript:`, a
//! mirror address, a ruled-out claim, an unknown placeholder, a sentence over 25 words), a missing
//! or unknown link error. Strings are written with Rust's own escaping (`{:?}`), never as HTML.

use baclofen_content_rules::{source_ids, Expect, TextRules};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;
use toml::Spanned;

/// Every word, in the order of the generated struct. Adding a word: add it here and in
/// content/keep.toml.
const WORDS: &[&str] = &[
    "doses_heading",
    "doses_intro",
    "who_legend",
    "who_adult",
    "who_child",
    "name_label",
    "name_hint",
    "name_too_long",
    "form_legend",
    "form_tablet",
    "form_liquid",
    "form_granules",
    "form_pump",
    "pump_note",
    "count_label",
    "time_label",
    "use_times",
    "times_ready",
    "fix_first",
    "keep_label",
    "keep_hint",
    "kept",
    "not_kept",
    "clear",
    "cleared",
    "discarded",
    "never_double",
    "who_words_adult",
    "who_words_child",
    "calendar_heading",
    "calendar_intro",
    "calendar_same_clock",
    "travel",
    "title_legend",
    "title_hint",
    "title_plain",
    "title_named",
    "download",
    "downloaded",
    "needs_times",
    "file_name",
    "next_file_name",
    "note_plain",
    "note_named",
    "stale_warning",
    "summary_heading",
    "summary_intro",
    "print",
    "print_hint",
    "summary_title",
    "summary_for",
    "summary_form",
    "summary_times",
    "summary_entered",
    "summary_kept_heading",
    "summary_kept_none",
    "summary_questions_heading",
    "summary_clinic_heading",
    "summary_clinic_none",
    "summary_version",
    "kept_missed",
    "kept_symptoms",
    "kept_remove",
    "carer_heading",
    "carer_intro",
    "carer_link_label",
    "copy_link",
    "copied",
    "share_link",
    "share_title",
    "share_text",
    "share_failed",
    "qr_label",
    "qr_hint",
    "received_heading",
    "received_intro",
    "received_keep",
    "received_keep_yes",
    "received_keep_no",
    "received_kept",
    "received_shown",
    "received_shown_saved",
    "received_name",
    "received_replace",
    "newer",
    "check_times",
    "next_button",
    "next_note",
    "next_added",
    "keep_answer",
    "answer_kept",
    "answer_not_kept",
];

/// The words the missed-dose helper's answer card uses, also written as their own small static
/// (`NEXT_DOSE`) so that module links only these.
const NEXT_DOSE_WORDS: &[&str] = &[
    "next_button",
    "next_note",
    "next_added",
    "keep_answer",
    "answer_kept",
    "answer_not_kept",
    "title_plain",
    "next_file_name",
];

/// Words that state a clinical fact, so must name their sources (`<word>_sources`).
const CLINICAL: &[&str] = &["pump_note", "never_double"];

/// `baclofen_logic::carer_link::LinkError::key()` for every variant (tests/keep_content.rs and
/// the unit test in src/keep/content.rs check the two lists agree).
const LINK_ERRORS: &[&str] =
    &["not-a-carer-link", "unknown-version", "damaged", "not-a-schedule", "pump", "bad-name", "future-date"];

const PLACEHOLDERS: &[&str] = &["{n}", "{date}", "{version}", "{time}", "{file}"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKeep {
    words: BTreeMap<String, Spanned<toml::Value>>,
    errors: BTreeMap<String, Spanned<String>>,
    question: Vec<RawQuestion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    text: Spanned<String>,
}

struct Checker<'a> {
    path: String,
    text: &'a str,
    known: BTreeSet<String>,
    rules: TextRules,
    errors: Vec<String>,
}

impl Checker<'_> {
    fn at(&mut self, offset: usize, message: impl std::fmt::Display) {
        let line = self.text[..offset.min(self.text.len())].matches('\n').count() + 1;
        self.errors.push(format!("{}:{line}: {message}", self.path));
    }

    /// The offset of the line `key = ` inside `[table]`, for messages about a missing partner.
    fn key_offset(&self, table: &str, key: &str) -> usize {
        let start = self.text.find(&format!("[{table}]")).unwrap_or(0);
        self.text[start..].find(&format!("\n{key} =")).map(|i| start + i + 1).unwrap_or(start)
    }

    /// Every text passes the one set of text rules (`crates/content-rules`), with the
    /// placeholders this helper fills.
    fn words(&mut self, offset: usize, value: &str) {
        for problem in self.rules.problems(value, Expect::only(PLACEHOLDERS)) {
            self.at(offset, problem);
        }
    }
}

/// The generated Rust source, or every problem found.
pub fn generate(content_dir: &Path, banned_path: &Path) -> Result<String, Vec<String>> {
    let path = content_dir.join("keep.toml");
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(&path).map_err(|e| vec![format!("{shown}: {e}")])?;
    let raw: RawKeep = toml::from_str(&text).map_err(|e| {
        let line = e.span().map(|s| text[..s.start].matches('\n').count() + 1).unwrap_or(1);
        vec![format!("{shown}:{line}: {}", e.message())]
    })?;
    let known = source_ids(content_dir).map_err(|e| vec![e])?;
    let rules = TextRules::load(banned_path).map_err(|e| vec![e])?;
    let mut c = Checker { path: shown, text: &text, known, rules, errors: Vec::new() };

    let mut words: BTreeMap<&str, String> = BTreeMap::new();
    let mut word_sources: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (key, value) in &raw.words {
        let offset = value.span().start;
        if let Some(word) = key.strip_suffix("_sources") {
            if !CLINICAL.contains(&word) {
                c.at(offset, format!("`{key}`: `{word}` states nothing clinical, so it takes no sources"));
            }
            let Some(list) = value.get_ref().as_array() else {
                c.at(offset, format!("`{key}` must be a list of source ids"));
                continue;
            };
            let mut ids = Vec::new();
            for id in list {
                match id.as_str() {
                    Some(id) if c.known.contains(id) => ids.push(id.to_owned()),
                    Some(id) => c.at(offset, format!("unknown source id `{id}` (see content/sources.toml)")),
                    None => c.at(offset, format!("`{key}` must be a list of source ids")),
                }
            }
            if ids.is_empty() {
                c.at(offset, format!("`{key}` is empty; a clinical statement needs at least one source"));
            }
            if let Some(word) = WORDS.iter().find(|w| **w == word) {
                word_sources.insert(word, ids);
            }
            continue;
        }
        let Some(word) = WORDS.iter().find(|w| **w == key.as_str()) else {
            c.at(offset, format!("unknown word `{key}`; the helper uses: {}", WORDS.join(", ")));
            continue;
        };
        match value.get_ref().as_str() {
            Some(s) => {
                c.words(offset, s);
                words.insert(word, s.to_owned());
            }
            None => c.at(offset, format!("`{key}` must be text in quotes")),
        }
    }
    for word in WORDS {
        if !words.contains_key(word) {
            let at = c.text.find("[words]").unwrap_or(0);
            c.at(at, format!("missing word `{word}`"));
        }
    }
    for word in CLINICAL {
        if words.contains_key(word) && !word_sources.contains_key(word) {
            let at = c.key_offset("words", word);
            c.at(at, format!("`{word}` states a clinical fact: add `{word}_sources = [..]`"));
        }
    }
    for (key, value) in &raw.errors {
        let offset = value.span().start;
        if !LINK_ERRORS.contains(&key.as_str()) {
            c.at(offset, format!("unknown link error `{key}`; use one of {}", LINK_ERRORS.join(", ")));
        }
        c.words(offset, value.get_ref());
        if !value.get_ref().contains("Nothing on this device has changed") {
            c.at(offset, "a link error must say \"Nothing on this device has changed\"");
        }
    }
    for key in LINK_ERRORS {
        if !raw.errors.contains_key(*key) {
            let at = c.text.find("[errors]").unwrap_or(0);
            c.at(at, format!("missing link error `{key}`"));
        }
    }
    if raw.question.is_empty() {
        c.at(0, "add at least one [[question]]");
    }
    for q in &raw.question {
        c.words(q.text.span().start, q.text.get_ref());
        if !q.text.get_ref().trim_end().ends_with('?') {
            c.at(
                q.text.span().start,
                "a question ends with `?` (questions state nothing, so they take no sources)",
            );
        }
    }
    if !c.errors.is_empty() {
        return Err(c.errors);
    }

    let mut out = String::from("// Generated by build/keep_gen.rs from content/keep.toml. Do not edit.\n\n");
    out.push_str("/// Every word of the helper (content/keep.toml `[words]`).\npub struct KeepWords {\n");
    for word in WORDS {
        let _ = writeln!(out, "    pub {word}: &'static str,");
    }
    for word in CLINICAL {
        let _ = writeln!(out, "    pub {word}_sources: &'static [&'static str],");
    }
    out.push_str("}\n\npub static WORDS: KeepWords = KeepWords {\n");
    for word in WORDS {
        let _ = writeln!(out, "    {word}: {:?},", words[word]);
    }
    for word in CLINICAL {
        let _ = writeln!(out, "    {word}_sources: &{:?},", word_sources[word]);
    }
    out.push_str("};\n\n/// Every word by its key, for the reading-level checks (tests only; not in the WebAssembly).\npub static WORD_LIST: &[(&str, &str)] = &[\n");
    for word in WORDS {
        let _ = writeln!(out, "    ({word:?}, {:?}),", words[word]);
    }
    out.push_str("];\n\n/// The missed-dose answer card's words (a copy of those in `WORDS`).\npub struct NextDoseWords {\n");
    for word in NEXT_DOSE_WORDS {
        let _ = writeln!(out, "    pub {word}: &'static str,");
    }
    out.push_str("}\n\npub static NEXT_DOSE: NextDoseWords = NextDoseWords {\n");
    for word in NEXT_DOSE_WORDS {
        let _ = writeln!(out, "    {word}: {:?},", words[word]);
    }
    out.push_str("};\n\n/// Why a carer link was refused, by `LinkError::key()`.\npub static LINK_ERRORS: &[(&str, &str)] = &[\n");
    for key in LINK_ERRORS {
        let _ = writeln!(out, "    ({key:?}, {:?}),", raw.errors[*key].get_ref());
    }
    out.push_str("];\n\n/// Questions to bring to the appointment.\npub static QUESTIONS: &[&str] = &[\n");
    for q in &raw.question {
        let _ = writeln!(out, "    {:?},", q.text.get_ref());
    }
    out.push_str("];\n");
    Ok(out)
}
