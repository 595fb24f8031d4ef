//! The build-time content validator rejects bad content with `file:line` messages.
//! Each test copies the real `content/` into a scratch folder, breaks one thing, and
//! checks the validator names the problem.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../build/content_gen.rs"]
mod content_gen;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn banned_claims() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("build/banned-claims.toml")
}

/// A scratch copy of `content/`, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Self {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "baclofen-content-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        copy_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("content").as_path(), &dir);
        Scratch(dir)
    }

    fn edit(&self, file: &str, from: &str, to: &str) {
        let path = self.0.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file} does not contain {from:?}");
        std::fs::write(path, text.replacen(from, to, 1)).unwrap();
    }

    fn errors(&self) -> Vec<String> {
        content_gen::generate(&self.0, &banned_claims()).err().unwrap_or_default()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn assert_one_error(errors: &[String], file_and_line: &str, words: &str) {
    assert!(
        errors.iter().any(|e| e.contains(file_and_line) && e.contains(words)),
        "expected an error at {file_and_line} mentioning {words:?}, got {errors:#?}"
    );
}

#[test]
fn the_real_content_is_valid() {
    let scratch = Scratch::new();
    assert_eq!(scratch.errors(), Vec::<String>::new());
}

#[test]
fn an_unknown_source_id_fails_with_file_and_line() {
    let scratch = Scratch::new();
    scratch.edit("pages/about.toml", r#"sources = ["FDA-TAB", "QCH"]"#, r#"sources = ["FDA-TAB", "QHC"]"#);
    assert_one_error(&scratch.errors(), "about.toml:13:", "unknown source id `QHC`");
}

#[test]
fn a_statement_without_sources_fails() {
    let scratch = Scratch::new();
    scratch.edit("pages/taking.toml", "sources = [\"NHS-HOW\", \"PMS\", \"QCH\"]\n", "");
    assert_one_error(&scratch.errors(), "taking.toml:", "statement has no sources");
}

#[test]
fn raw_html_fails() {
    let scratch = Scratch::new();
    scratch.edit("pages/stopping.toml", "Only stop baclofen", "Only stop <script>baclofen");
    assert_one_error(&scratch.errors(), "stopping.toml:", "raw HTML is not allowed");
}

#[test]
fn a_javascript_link_fails() {
    let scratch = Scratch::new();
    scratch.edit("pages/home.toml", "Baclofen is a medicine", "javascript:alert(1) Baclofen is a medicine");
    assert_one_error(&scratch.errors(), "home.toml:7:", "`javascript:` is not allowed");
}

#[test]
fn every_ruled_out_claim_from_section_12_fails() {
    let banned = std::fs::read_to_string(banned_claims()).unwrap();
    let phrases: Vec<&str> = banned
        .lines()
        .filter_map(|l| l.strip_prefix("phrase = \"").and_then(|rest| rest.strip_suffix('"')))
        .collect();
    assert!(phrases.len() >= 20, "the §12 list looks truncated");
    for phrase in phrases {
        let scratch = Scratch::new();
        let loud = phrase.to_uppercase();
        scratch.edit("pages/about.toml", "Baclofen is a muscle relaxer.", &format!("Baclofen {loud} works."));
        assert_one_error(&scratch.errors(), "about.toml:12:", &format!("ruled-out claim `{phrase}`"));
    }
}

#[test]
fn a_missing_required_page_fails() {
    let scratch = Scratch::new();
    std::fs::remove_file(scratch.0.join("pages/stopping.toml")).unwrap();
    assert_one_error(&scratch.errors(), "site.toml:", "required page");
}

#[test]
fn a_section_missing_from_the_navigation_fails() {
    let scratch = Scratch::new();
    scratch.edit("site.toml", "  \"overdose\",\n", "");
    std::fs::remove_file(scratch.0.join("pages/overdose.toml")).unwrap();
    assert_one_error(&scratch.errors(), "site.toml:1:", "the section `overdose` is missing");
}

#[test]
fn a_heading_with_sources_fails() {
    let scratch = Scratch::new();
    scratch.edit(
        "pages/forms.toml",
        "type = \"heading\"\ntext = \"Tablets\"\n",
        "type = \"heading\"\ntext = \"Tablets\"\nsources = [\"NHS-HOW\"]\n",
    );
    assert_one_error(&scratch.errors(), "forms.toml:", "a heading block does not take `sources`");
}

#[test]
fn a_step_up_picture_without_words_for_each_step_fails() {
    let scratch = Scratch::new();
    scratch.edit("pages/taking.toml", "  \"Days 10 to 12: 20 mg, three times a day (60 mg a day).\",\n", "");
    assert_one_error(&scratch.errors(), "taking.toml:", "4 doses, 3 items");
}

#[test]
fn an_unknown_region_fails() {
    let scratch = Scratch::new();
    scratch.edit("pages/forms.toml", "region = \"uk\"", "region = \"england\"");
    assert_one_error(&scratch.errors(), "forms.toml:", "unknown region `england`");
}

#[test]
fn two_headings_with_the_same_anchor_fail() {
    let scratch = Scratch::new();
    scratch.edit("pages/forms.toml", "text = \"Granules\"", "text = \"Tablets!\"");
    assert_one_error(&scratch.errors(), "forms.toml:", "share the anchor `tablets`");
}

#[test]
fn a_page_not_in_the_navigation_fails() {
    let scratch = Scratch::new();
    std::fs::copy(scratch.0.join("pages/about.toml"), scratch.0.join("pages/extra.toml")).unwrap();
    assert_one_error(&scratch.errors(), "extra.toml:1:", "not listed in `navigation`");
}

#[test]
fn an_empty_section_fails() {
    let scratch = Scratch::new();
    let path = scratch.0.join("pages/sources.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, &text[..text.find("[[block]]").unwrap()]).unwrap();
    assert_one_error(&scratch.errors(), "sources.toml:1:", "page has no content blocks");
}

#[test]
fn empty_text_fails() {
    let scratch = Scratch::new();
    scratch.edit("pages/missed-dose.toml", r#"title = "If you miss a dose""#, r#"title = "  ""#);
    assert_one_error(&scratch.errors(), "missed-dose.toml:2:", "text is empty");
}

#[test]
fn a_callout_without_a_level_fails() {
    let scratch = Scratch::new();
    scratch.edit("pages/home.toml", "kind = \"emergency\"\n", "");
    assert_one_error(&scratch.errors(), "home.toml:", "a callout needs `kind`");
}

#[test]
fn a_toml_syntax_error_names_the_line() {
    let scratch = Scratch::new();
    scratch.edit("site.toml", "content_version = \"0.2.0\"", "content_version = 0.2.0\"");
    assert_one_error(&scratch.errors(), "site.toml:4:", "");
}

#[test]
fn an_impossible_review_date_fails() {
    let scratch = Scratch::new();
    let site = std::fs::read_to_string(scratch.0.join("site.toml")).unwrap();
    let line = site.lines().find(|l| l.starts_with("checked_on")).unwrap().to_string();
    scratch.edit("site.toml", &line, r#"checked_on = "2026-02-30""#);
    assert_one_error(&scratch.errors(), "site.toml:", "date must be YYYY-MM-DD");
}
