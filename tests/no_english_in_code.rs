//! Every word a patient reads comes from `content/`, where the banned-claims check, the reading
//! level test and a reviewer see it. This test reads the code the way `grep` would: it finds each
//! string literal in `src/`, `crates/*/src/`, `xtask/src/` and the shipped scripts (outside
//! `#[cfg(test)]` modules and comments) and fails on anything that reads like English words for a
//! person, with its file and line. What is left on purpose is listed in `LEFT`, each with the reason;
//! an entry that no longer matches anything fails too, so the list stays true.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

/// (file, the literal's text, why it stays in code). The text must match a literal exactly.
const LEFT: &[(&str, &str, &str)] = &[
    (
        "crates/logic/src/calendar.rs",
        "-//Patient guide//Dose reminders//EN",
        "RFC 5545 PRODID: an identifier inside the calendar file, never shown",
    ),
    (
        "static/embed.js",
        "Baclofen guide",
        "the frame's title when the clinic's snippet has no data-title: the product name, not a sentence",
    ),
    (
        "static/embed.js",
        "Baclofen guide: no element with id \"",
        "console message for the clinic's web developer, not shown on the page",
    ),
    (
        "static/embed.js",
        "\"; the guide goes at the start of the page.",
        "console message for the clinic's web developer, not shown on the page",
    ),
    (
        "static/boot.js",
        "The guide could not start:",
        "console message for developers; the page shows content's words",
    ),
    ("static/boot.js", "A helper stopped:", "console message for developers; the page shows content's words"),
    ("xtask/sw-register.js", "Offline copy not available here:", "console message for developers"),
    (
        "static/boot.js",
        "this browser has no WebAssembly",
        "the reason given to the console; the page shows content's words",
    ),
    (
        "xtask/src/search_index.rs",
        "synonyms group {}",
        "where a build error in content/search.toml is, for the person editing it",
    ),
    ("xtask/sw.js", "Not Found", "the HTTP status text of the offline 404 response, not shown on the page"),
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files() -> Vec<PathBuf> {
    fn walk(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, ext, out);
            } else if path.extension().is_some_and(|e| e == ext) {
                out.push(path);
            }
        }
    }
    let root = root();
    let mut out = Vec::new();
    walk(&root.join("src"), "rs", &mut out);
    walk(&root.join("xtask/src"), "rs", &mut out);
    for entry in std::fs::read_dir(root.join("crates")).unwrap().flatten() {
        // The build's text rules speak to the person editing content/ (like build/*.rs, which is
        // not scanned either); nothing in them reaches a page.
        if entry.file_name() != "content-rules" {
            walk(&entry.path().join("src"), "rs", &mut out);
        }
    }
    for dir in ["static", "xtask"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap().flatten() {
            if entry.path().extension().is_some_and(|e| e == "js") {
                out.push(entry.path());
            }
        }
    }
    out.sort();
    out
}

/// The source with `#[cfg(test)]` items (a `mod … { … }` or one `fn`) blanked out, keeping lines.
fn without_tests(text: &str) -> String {
    let mut out = text.to_string();
    let mut from = 0;
    while let Some(found) = out[from..].find("#[cfg(test)]") {
        let start = from + found;
        let Some(open) = out[start..].find('{').map(|i| start + i) else { break };
        let mut depth = 0;
        let mut end = open;
        for (i, c) in out[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + i + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        let blank: String = out[start..end].chars().map(|c| if c == '\n' { '\n' } else { ' ' }).collect();
        out.replace_range(start..end, &blank);
        from = start + blank.len();
    }
    out
}

/// Every string literal with its line: Rust `"…"` and `r#"…"#`, JavaScript `'…'` and `"…"`;
/// comments are skipped.
fn literals(text: &str, js: bool) -> Vec<(usize, String)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
        }
        if c == '/' && chars.get(i + 1) == Some(&'/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if c == '/' && chars.get(i + 1) == Some(&'*') {
            i += 2;
            while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                if chars[i] == '\n' {
                    line += 1;
                }
                i += 1;
            }
            i += 2;
            continue;
        }
        // Rust char literals ('"', '\'') and lifetimes are not strings.
        if !js && c == '\'' {
            if chars.get(i + 2) == Some(&'\'') {
                i += 3;
                continue;
            }
            if chars.get(i + 1) == Some(&'\\') {
                i += 4;
                continue;
            }
            i += 1;
            continue;
        }
        if !js && c == 'r' && matches!(chars.get(i + 1), Some('#') | Some('"')) {
            let hashes = chars[i + 1..].iter().take_while(|c| **c == '#').count();
            if chars.get(i + 1 + hashes) == Some(&'"') && (i == 0 || !chars[i - 1].is_alphanumeric()) {
                let start_line = line;
                let mut j = i + 2 + hashes;
                let closing: String = std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
                let mut value = String::new();
                while j < chars.len() && !chars[j..].iter().take(closing.len()).copied().eq(closing.chars()) {
                    if chars[j] == '\n' {
                        line += 1;
                    }
                    value.push(chars[j]);
                    j += 1;
                }
                out.push((start_line, value));
                i = j + closing.len();
                continue;
            }
        }
        if c == '"' || (js && c == '\'') {
            let start_line = line;
            let mut j = i + 1;
            let mut value = String::new();
            while j < chars.len() && chars[j] != c {
                if chars[j] == '\\' && j + 1 < chars.len() {
                    value.push(chars[j]);
                    j += 1;
                }
                if chars[j] == '\n' {
                    line += 1;
                }
                value.push(chars[j]);
                j += 1;
            }
            out.push((start_line, value));
            i = j + 1;
            continue;
        }
        i += 1;
    }
    out
}

/// Reads as words for a person: two or more words of letters, at least one capitalised or the
/// text ending like a sentence, and not markup, a CSS class list, a path or a format for code.
fn reads_as_english(text: &str) -> bool {
    // Markup: the words between the tags count, not the tag names and attributes.
    if text.trim_start().starts_with('<') {
        let mut between = String::new();
        let mut inside = false;
        for c in text.chars() {
            match c {
                '<' => inside = true,
                '>' => {
                    inside = false;
                    between.push(' ');
                }
                c if !inside => between.push(c),
                _ => {}
            }
        }
        return !between.trim().is_empty() && !between.contains('<') && reads_as_english(between.trim());
    }
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphabetic() && c != '\'' && c != '-')
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .collect();
    // Words with a lower-case letter: "BEGIN:VCALENDAR" and "OUT_DIR" are not words for people.
    let words: Vec<&str> = words.into_iter().filter(|w| w.chars().any(char::is_lowercase)).collect();
    let trimmed = text.trim();
    if words.len() < 2 || !trimmed.contains(' ') {
        return false;
    }
    let code_like =
        trimmed.contains("::") || trimmed.contains("=>") || trimmed.contains("{}") && !trimmed.contains(' ');
    let classes =
        trimmed.split(' ').all(|w| w.chars().all(|c| c.is_ascii_lowercase() || c == '-' || c == '_'));
    let capital = words.iter().any(|w| w.starts_with(|c: char| c.is_uppercase()));
    let sentence_end = trimmed.ends_with(['.', '!', '?', ':']);
    // A template a sentence is built from: "{n} times a day" (lower case, no full stop) is still
    // words for a person.
    let outside: String =
        trimmed.split('{').map(|part| part.split_once('}').map_or(part, |(_, rest)| rest)).collect();
    let template = trimmed.contains('{')
        && outside.split(' ').filter(|w| w.len() >= 3 && w.chars().all(|c| c.is_ascii_lowercase())).count()
            >= 2;
    (capital || sentence_end || template) && !classes && !code_like
}

/// Build-time and programming errors (`expect`, `panic!`, `Err(format!(…))` in xtask) are for
/// developers; a literal on such a line is not a patient's word.
fn developer_line(line: &str, path: &str) -> bool {
    let l = line.trim_start();
    l.contains(".expect(")
        || l.contains("panic!(")
        || l.contains("unreachable!(")
        || l.contains("assert")
        || l.contains("console.")
        || (path.starts_with("xtask/src/")
            && (l.contains("Err(")
                || l.contains("format!(\"{")
                || l.contains("map_err")
                || l.contains(".ok_or")))
        || l.starts_with("#[wasm_bindgen")
}

#[test]
fn no_patient_facing_english_in_code() {
    let root = root();
    let mut found = Vec::new();
    let mut used = vec![false; LEFT.len()];
    for path in files() {
        let relative = path.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
        let raw = std::fs::read_to_string(&path).unwrap();
        let js = relative.ends_with(".js");
        let text = if js { raw.clone() } else { without_tests(&raw) };
        let lines: Vec<&str> = raw.lines().collect();
        // The literal's line or one of the two before it (a call split over lines).
        let developer = |line: usize| {
            (line.saturating_sub(2).max(1)..=line)
                .any(|n| developer_line(lines.get(n - 1).copied().unwrap_or(""), &relative))
        };
        for (line, literal) in literals(&text, js) {
            if !reads_as_english(&literal) {
                continue;
            }
            if let Some(k) = LEFT.iter().position(|(file, left, _)| *file == relative && *left == literal) {
                used[k] = true;
                continue;
            }
            if developer(line) {
                continue;
            }
            found.push(format!("{relative}:{line}: {literal:?}"));
        }
    }
    assert!(
        found.is_empty(),
        "English words in code: move them to content/ (ui.toml for patients, web-team.toml for a clinic's web team), or list them in LEFT with the reason:\n{}",
        found.join("\n")
    );
    let stale: Vec<_> =
        LEFT.iter().zip(&used).filter(|(_, u)| !**u).map(|(l, _)| l.0.to_string() + ": " + l.1).collect();
    assert!(stale.is_empty(), "LEFT lists text no longer in the code: {stale:?}");
}

#[test]
fn the_scanner_finds_a_sentence_and_skips_code() {
    // A check that cannot fail proves nothing: the scanner must see a sentence in a component.
    let sample =
        "fn view() -> Html { html! { <p>{\"Take the missed dose now.\"}</p> } }\n// \"A comment.\"\n";
    let found: Vec<_> = literals(sample, false).into_iter().filter(|(_, t)| reads_as_english(t)).collect();
    assert_eq!(found, vec![(1, "Take the missed dose now.".to_string())]);
    let markup = r#"html! { <p class="hint">Paste a link to the guide.</p> }"#;
    assert!(reads_as_english("<p class=\"hint\">Paste a link to the guide.</p>"), "{markup}");
    assert!(!reads_as_english("<section class=\"boot\" aria-label=\"{}\" hidden><p>{}</p></section>"));
    let js =
        "status.textContent = 'Type a longer word.'; el.className = 'call__button call__button--secondary';";
    let found: Vec<_> = literals(js, true).into_iter().filter(|(_, t)| reads_as_english(t)).collect();
    assert_eq!(found, vec![(1, "Type a longer word.".to_string())]);
    let tests = "fn a() {}\n#[cfg(test)]\nmod tests {\n    const S: &str = \"Hidden in a test.\";\n}\n";
    assert!(literals(&without_tests(tests), false).is_empty());
}
