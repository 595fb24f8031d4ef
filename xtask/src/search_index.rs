//! `search-index.json`: every section of every page, split at its headings, as words to match
//! and a short snippet to show. Written at build time so the browser only matches prefixes;
//! `static/search.js` splits the reader's words the same way as `words` here.

use baclofen_guide::content::{Block, BlockKind, Page};
use baclofen_guide::route::Route;

/// Words too common to help find a section.
const STOP_WORDS: [&str; 24] = [
    "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "for", "if", "in", "is", "it", "of", "on",
    "or", "so", "the", "to", "you", "your", "with",
];

/// Lower-case words of letters and digits, stop words left out.
pub fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty() && !STOP_WORDS.contains(w))
        .map(str::to_string)
        .collect()
}

/// A JSON string literal.
pub fn json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// One searchable part of a page: the part before its first heading, or one heading's part.
struct Entry {
    title: String,
    page: &'static str,
    href: String,
    snippet: String,
    /// Words of the entry's own heading (or the page title for the page's first part).
    title_words: Vec<String>,
    /// The page's title and search keywords: they place the entry, but rank below its heading.
    page_words: Vec<String>,
    body_words: Vec<String>,
}

fn block_text(block: &Block) -> Vec<&'static str> {
    match &block.kind {
        BlockKind::Heading(h) => vec![h.text],
        BlockKind::Paragraph(s) => vec![s.text],
        BlockKind::List(l) => std::iter::once(l.intro.text).chain(l.items.iter().copied()).collect(),
        BlockKind::Callout(c) => [c.title, c.text].into_iter().chain(c.items.iter().copied()).collect(),
        BlockKind::Question(q) => vec![q.question, q.answer.text],
        BlockKind::StepUp(s) => [s.title, s.intro.text].into_iter().chain(s.steps.iter().copied()).collect(),
    }
}

/// The first sentence or so of a part, cut at a word near 160 characters.
fn snippet(text: &str) -> String {
    const MOST: usize = 160;
    if text.chars().count() <= MOST {
        return text.to_string();
    }
    let cut: String = text.chars().take(MOST).collect();
    let end = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..end].trim_end_matches([',', ';', ':']))
}

fn unique(mut words: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::BTreeSet::new();
    words.retain(|w| seen.insert(w.clone()));
    words
}

fn entries(route: Route, page: &'static Page) -> Vec<Entry> {
    let page_href = route.href();
    let keywords = page.keywords.join(" ");
    let mut entries = vec![Entry {
        title: page.title.to_string(),
        page: page.title,
        href: page_href.clone(),
        snippet: page.description.to_string(),
        title_words: words(page.title),
        page_words: words(&format!("{} {keywords}", page.nav_label)),
        body_words: words(page.description),
    }];
    for block in page.blocks {
        if let BlockKind::Heading(heading) = &block.kind {
            entries.push(Entry {
                title: heading.text.to_string(),
                page: page.title,
                href: format!("{page_href}#{}", heading.id),
                snippet: String::new(),
                title_words: words(heading.text),
                page_words: words(page.title),
                body_words: Vec::new(),
            });
            continue;
        }
        let entry = entries.last_mut().expect("the page's own entry comes first");
        let texts = block_text(block);
        if entry.snippet.is_empty() {
            entry.snippet = snippet(texts[0]);
        }
        for text in texts {
            entry.body_words.extend(words(text));
        }
    }
    entries
}

/// The whole index as JSON: `[{"title", "page", "href", "snippet", "t": heading words,
/// "p": page words, "w": body words}]`, each list of words space-separated and without repeats.
pub fn search_index_json() -> String {
    let mut parts = Vec::new();
    for route in Route::PAGES.into_iter().filter(|r| *r != Route::Search) {
        let Some(page) = route.page() else { continue };
        for entry in entries(route, page) {
            let title_words = unique(entry.title_words);
            let page_words: Vec<String> =
                unique(entry.page_words).into_iter().filter(|w| !title_words.contains(w)).collect();
            let body_words: Vec<String> = unique(entry.body_words)
                .into_iter()
                .filter(|w| !title_words.contains(w) && !page_words.contains(w))
                .collect();
            parts.push(format!(
                "{{\"title\":{},\"page\":{},\"href\":{},\"snippet\":{},\"t\":{},\"p\":{},\"w\":{}}}",
                json_string(&entry.title),
                json_string(entry.page),
                json_string(&entry.href),
                json_string(&entry.snippet),
                json_string(&title_words.join(" ")),
                json_string(&page_words.join(" ")),
                json_string(&body_words.join(" ")),
            ));
        }
    }
    format!("[\n{}\n]\n", parts.join(",\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lower_case_without_stop_words_or_punctuation() {
        assert_eq!(
            words("Alcohol, and the DRIVING: 5 mg/5 ml!"),
            ["alcohol", "driving", "5", "mg", "5", "ml"]
        );
        assert!(words("the and of").is_empty());
    }

    #[test]
    fn json_strings_escape_quotes_backslashes_and_control_characters() {
        assert_eq!(json_string("a \"b\" \\ c\nd – é"), "\"a \\\"b\\\" \\\\ c\\u000ad – é\"");
    }

    #[test]
    fn snippets_stop_at_a_word() {
        let long = "word ".repeat(60);
        let cut = snippet(&long);
        assert!(cut.ends_with('…') && cut.chars().count() <= 161, "{cut}");
        assert_eq!(snippet("Short."), "Short.");
    }

    /// The sections a reader would expect for common words, found the way search.js finds them:
    /// every query word must start a word of the entry.
    #[test]
    fn common_questions_find_the_right_sections() {
        let index: Vec<(String, String, Vec<String>)> = Route::PAGES
            .into_iter()
            .filter(|r| *r != Route::Search)
            .flat_map(|route| entries(route, route.page().unwrap()))
            .map(|e| {
                (e.title, e.href, e.title_words.into_iter().chain(e.page_words).chain(e.body_words).collect())
            })
            .collect();
        let find = |query: &str| -> Vec<String> {
            let query = words(query);
            index
                .iter()
                .filter(|(_, _, w)| query.iter().all(|q| w.iter().any(|w| w.starts_with(q.as_str()))))
                .map(|(_, href, _)| href.clone())
                .collect()
        };
        let expectations = [
            ("alcohol", "medicines-alcohol-driving/#alcohol"),
            ("alc", "medicines-alcohol-driving/"),
            ("pregnant", "special-situations/#pregnancy"),
            ("kidney", "special-situations/#kidney-problems"),
            ("pump alarm", "stopping/#pump-alarms"),
            ("fridge", "storage/"),
            ("overdose", "overdose/"),
            ("granules", "forms/#granules"),
            ("physio", "living-with/#physiotherapy-and-exercise"),
            ("double dose", "missed-dose/"),
        ];
        for (query, expected) in expectations {
            let found = find(query);
            assert!(found.iter().any(|h| h == expected), "{query:?} should find {expected}, found {found:?}");
        }
        assert!(find("zebra").is_empty());
    }

    #[test]
    fn the_index_is_one_json_array_with_an_entry_per_heading() {
        let json = search_index_json();
        assert!(json.starts_with("[\n{") && json.ends_with("}\n]\n"));
        let headings: usize = Route::PAGES
            .into_iter()
            .filter(|r| *r != Route::Search)
            .map(|r| r.page().unwrap().headings().count() + 1)
            .sum();
        assert_eq!(json.matches("\"href\":").count(), headings);
        assert!(!json.contains("search/"), "the search page does not find itself");
    }
}
