//! `search-index.json`: every section of every page, split at its headings (and each question
//! of the Questions page), as words to match and a short snippet to show, plus the search aids
//! of `content/search.toml`: synonym groups (the words people type for the guide's words) and
//! extra ways in ("Sick after a dose?"). Written at build time so the browser only matches
//! prefixes; `static/search.js` splits and matches the reader's words by the same rules as
//! `words`, `stem` and the test matcher here.

use baclofen_content_rules::{Expect, TextRules};
use baclofen_guide::content::{Block, BlockKind, Page, RED_FLAGS};
use baclofen_guide::ids::{MISSED_DOSE_ISLAND, RED_FLAG_ISLAND};
use baclofen_guide::pages::content_page::{anchor_id, anchors};
use baclofen_guide::route::Route;

/// The search aids, as written in the content (parsed and checked by `search_aids`).
const SEARCH_TOML: &str = include_str!("../../content/search.toml");

/// Words too common to help find a section (typed questions: "can I drink alcohol", "I've had
/// a fit", "can't pee"). `static/search.js` has the same list.
const STOP_WORDS: [&str; 47] = [
    "a", "am", "an", "and", "are", "as", "at", "be", "been", "by", "can", "cant", "did", "do", "does", "don",
    "dont", "for", "get", "got", "had", "has", "have", "how", "i", "if", "im", "in", "is", "it", "just",
    "me", "my", "of", "on", "or", "should", "so", "the", "to", "was", "what", "were", "will", "with", "you",
    "your",
];

/// Lower-case words of letters and digits, stop words and single letters left out.
pub fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty() && !STOP_WORDS.contains(w))
        .filter(|w| w.len() > 1 || w.bytes().all(|b| b.is_ascii_digit()))
        .map(str::to_string)
        .collect()
}

/// A typed word without its ending, so "beeping" also finds "beep" and "stopped" "stop":
/// -ing, -ed, -ies (to -y) and a plural -s, only when at least 3 letters are left, and a
/// doubled last letter made single ("stopp" to "stop", but not "miss" or "fall").
/// The stem is matched as the start of a word, so it stays short rather than exact.
/// (`static/search.js` does the same in the browser; this copy lets the query tests run here.)
#[cfg(test)]
pub fn stem(word: &str) -> String {
    let n = word.len();
    let cut = if n >= 5 && word.ends_with("ing") {
        &word[..n - 3]
    } else if n >= 5 && word.ends_with("ies") {
        return format!("{}y", &word[..n - 3]);
    } else if n >= 5 && word.ends_with("ed") {
        &word[..n - 2]
    } else if n >= 4 && word.ends_with('s') && !word.ends_with("ss") {
        &word[..n - 1]
    } else {
        word
    };
    let b = cut.as_bytes();
    if cut.len() >= 4
        && cut.len() < n
        && b[b.len() - 1] == b[b.len() - 2]
        && !b"lsz".contains(&b[b.len() - 1])
    {
        return cut[..cut.len() - 1].to_string();
    }
    cut.to_string()
}

/// One searchable part of a page: the part before its first heading, or one heading's part.
struct Entry {
    /// An extra way in that loses ties to the guide's own sections (`last = true`).
    last: bool,
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
        BlockKind::WayIn(w) => vec![w.text],
        BlockKind::Helper(h) => vec![h.text],
        BlockKind::Point(p) => std::iter::once(p.words.text).chain(p.items.iter().copied()).collect(),
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
        last: false,
        title: page.title.to_string(),
        page: page.title,
        href: page_href.clone(),
        snippet: page.description.to_string(),
        title_words: words(page.title),
        page_words: words(&format!("{} {keywords}", page.nav_label)),
        body_words: words(page.description),
    }];
    // Questions on the Questions page are found as themselves ("can I drink alcohol"), not as
    // the page's text.
    let mut question_entries = Vec::new();
    for block in page.blocks {
        if let BlockKind::Heading(heading) = &block.kind {
            entries.push(Entry {
                last: false,
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
        if let (Route::Questions, BlockKind::Question(q)) = (route, &block.kind) {
            question_entries.push(Entry {
                last: false,
                title: q.question.to_string(),
                page: page.title,
                href: format!("{page_href}#{}", anchor_id(q.question)),
                snippet: snippet(q.answer.text),
                title_words: words(q.question),
                page_words: words(page.title),
                body_words: words(q.answer.text),
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
    entries.extend(question_entries);
    entries
}

/// The one set of text rules (`crates/content-rules`), read from `build/banned-claims.toml`.
fn text_rules() -> &'static TextRules {
    static RULES: std::sync::OnceLock<TextRules> = std::sync::OnceLock::new();
    RULES.get_or_init(|| {
        TextRules::parse(include_str!("../../build/banned-claims.toml"), "build/banned-claims.toml")
            .unwrap_or_else(|e| panic!("{e}"))
    })
}

/// `content/search.toml`, checked: every group and entry must lead somewhere.
struct SearchAids {
    /// Each group's words and phrases, as `words` splits them (a phrase's words space-separated).
    synonyms: Vec<Vec<String>>,
    entries: Vec<Entry>,
    crisis: Crisis,
}

/// Words about harming or killing oneself (`[crisis]`): search.js shows the crisis box first
/// for any of them, and the section at `href` as the first result.
struct Crisis {
    href: String,
    /// Each phrase as `words` splits it, space-separated (search.js compares their stems).
    phrases: Vec<String>,
}

fn strings(table: &toml::Table, key: &str, what: &str) -> Result<Vec<String>, String> {
    let list = table.get(key).and_then(|v| v.as_array()).ok_or(format!("{what}: `{key}` must be a list"))?;
    list.iter()
        .map(|v| v.as_str().map(str::to_string).ok_or(format!("{what}: `{key}` must hold only text")))
        .collect()
}

fn text<'t>(table: &'t toml::Table, key: &str, what: &str) -> Result<&'t str, String> {
    table
        .get(key)
        .and_then(|v| v.as_str())
        .filter(|s| !s.trim().is_empty())
        .ok_or(format!("{what}: `{key}` must be text"))
}

/// Reads the search aids. Fails with `content/search.toml: …` when a group or entry is malformed
/// or an entry's address is not a page with that heading or helper.
fn search_aids(source: &str) -> Result<SearchAids, String> {
    let fail = |m: String| format!("content/search.toml: {m}");
    let doc: toml::Table = source.parse().map_err(|e| fail(format!("{e}")))?;
    for key in doc.keys() {
        if key != "synonyms" && key != "entry" && key != "crisis" {
            return Err(fail(format!("unknown table `{key}` (use [[synonyms]], [[entry]] or [crisis])")));
        }
    }
    let tables = |key: &str| -> Vec<toml::Table> {
        doc.get(key)
            .and_then(|v| v.as_array())
            .map(|a| a.iter().filter_map(|t| t.as_table().cloned()).collect())
            .unwrap_or_default()
    };
    let mut synonyms = Vec::new();
    for (i, group) in tables("synonyms").iter().enumerate() {
        let what = format!("synonyms group {}", i + 1);
        let mut members = Vec::new();
        for member in strings(group, "words", &what).map_err(fail)? {
            let split = words(&member);
            if split.is_empty() || (split.len() == 1 && member.trim().contains(' ')) {
                return Err(fail(format!("{what}: \"{member}\" is only common words once split")));
            }
            if split.len() > 3 {
                return Err(fail(format!("{what}: \"{member}\" is longer than 3 words")));
            }
            members.push(split.join(" "));
        }
        if members.len() < 2 {
            return Err(fail(format!("{what}: a group needs at least 2 words")));
        }
        synonyms.push(unique(members));
    }
    let mut entries = Vec::new();
    for (i, entry) in tables("entry").iter().enumerate() {
        let what = format!("entry {}", i + 1);
        let title = text(entry, "title", &what).map_err(fail)?;
        let href = text(entry, "href", &what).map_err(fail)?;
        let (route, page, anchor) = place(href).map_err(|m| fail(format!("{what}: {m}")))?;
        let body = text(entry, "text", &what).map_err(fail)?;
        // What the results list shows passes the same text rules as every content file (its
        // sentences not yet held to 25 words: the symptom checker's entry has one of 28).
        for (key, shown) in [("title", title), ("text", body)] {
            if let Some(problem) = text_rules().problems(shown, Expect::PAGE.any_length()).into_iter().next()
            {
                return Err(fail(format!("{what}: `{key}`: {problem}")));
            }
        }
        let extra = strings(entry, "words", &what).map_err(fail)?.join(" ");
        let mut body_words = words(body);
        // The symptom checker is found by every symptom it asks about, in its own words.
        if route == Route::SideEffects && anchor == RED_FLAG_ISLAND {
            for item in RED_FLAGS.items {
                body_words.extend(words(item.label).into_iter().chain(words(item.carer_label)));
            }
            for group in RED_FLAGS.groups {
                body_words.extend(words(group.title));
            }
        }
        let last = match entry.get("last") {
            None => false,
            Some(value) => value.as_bool().ok_or(fail(format!("{what}: `last` must be true or false")))?,
        };
        entries.push(Entry {
            last,
            title: title.to_string(),
            page: page.title,
            href: href.to_string(),
            snippet: body.to_string(),
            // Written for search: its words count like a heading's.
            title_words: words(&format!("{title} {extra}")),
            page_words: words(page.title),
            body_words,
        });
    }
    let crisis = match doc.get("crisis").and_then(|v| v.as_table()) {
        Some(table) => {
            let href = text(table, "href", "[crisis]").map_err(fail)?;
            place(href).map_err(|m| fail(format!("[crisis]: {m}")))?;
            let mut phrases = Vec::new();
            for phrase in strings(table, "words", "[crisis]").map_err(fail)? {
                let split = words(&phrase);
                if split.is_empty() {
                    return Err(fail(format!("[crisis]: \"{phrase}\" is only common words once split")));
                }
                phrases.push(split.join(" "));
            }
            Crisis { href: href.to_string(), phrases: unique(phrases) }
        }
        None => Crisis { href: String::new(), phrases: Vec::new() },
    };
    Ok(SearchAids { synonyms, entries, crisis })
}

/// A page of the guide and a place on it: `side-effects/#pump-alarms` is a heading, a
/// question, a box or a helper on that page (`""` for the top).
fn place(href: &str) -> Result<(Route, &'static Page, &str), String> {
    let (path, anchor) = href.split_once('#').unwrap_or((href, ""));
    let route = Route::PAGES
        .into_iter()
        .find(|r| r.href() == path && *r != Route::Search)
        .ok_or(format!("{href} is not a page of the guide"))?;
    let page = route.page().ok_or(format!("{href} has no page"))?;
    let helper = match route {
        Route::MissedDose => Some(MISSED_DOSE_ISLAND),
        Route::SideEffects => Some(RED_FLAG_ISLAND),
        _ => None,
    };
    if !anchor.is_empty() && helper != Some(anchor) && !anchors(page).iter().any(|id| id == anchor) {
        return Err(format!("{href}: the page has no heading, question, box or helper `{anchor}`"));
    }
    Ok((route, page, anchor))
}

/// Every entry of the index, extra ways in first, in the order search.js breaks ties.
fn all_entries(aids: SearchAids) -> (Vec<Vec<String>>, Vec<Entry>) {
    let (last, mut all): (Vec<Entry>, Vec<Entry>) = aids.entries.into_iter().partition(|e| e.last);
    for route in Route::PAGES.into_iter().filter(|r| *r != Route::Search) {
        let Some(page) = route.page() else { continue };
        all.extend(entries(route, page));
    }
    all.extend(last);
    for entry in &mut all {
        entry.title_words = unique(std::mem::take(&mut entry.title_words));
        let title = &entry.title_words;
        entry.page_words = unique(std::mem::take(&mut entry.page_words))
            .into_iter()
            .filter(|w| !title.contains(w))
            .collect();
        let page = &entry.page_words;
        entry.body_words = unique(std::mem::take(&mut entry.body_words))
            .into_iter()
            .filter(|w| !title.contains(w) && !page.contains(w))
            .collect();
    }
    (aids.synonyms, all)
}

/// The whole index as JSON: `{"synonyms": [[word or phrase, …], …], "entries": [{"title",
/// "page", "href", "snippet", "t": heading words, "p": page words, "w": body words}]}`, each
/// list of words space-separated and without repeats.
pub fn search_index_json() -> Result<String, String> {
    let aids = search_aids(SEARCH_TOML)?;
    let crisis = serde_json::json!({ "href": aids.crisis.href, "phrases": aids.crisis.phrases });
    let (synonyms, entries) = all_entries(aids);
    let entries: Vec<serde_json::Value> = entries
        .iter()
        .map(|entry| {
            serde_json::json!({
                "title": entry.title,
                "page": entry.page,
                "href": entry.href,
                "snippet": entry.snippet,
                "t": entry.title_words.join(" "),
                "p": entry.page_words.join(" "),
                "w": entry.body_words.join(" "),
            })
        })
        .collect();
    let index = serde_json::json!({ "synonyms": synonyms, "crisis": crisis, "entries": entries });
    serde_json::to_string(&index).map(|json| json + "\n").map_err(|e| e.to_string())
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
        assert_eq!(words("Can I drink? I'm sick"), ["drink", "sick"]);
    }

    #[test]
    fn stems_drop_common_endings_but_keep_short_words() {
        let cases = [
            ("beeping", "beep"),
            ("stopped", "stop"),
            ("stopping", "stop"),
            ("vomited", "vomit"),
            ("itching", "itch"),
            ("babies", "baby"),
            ("fits", "fit"),
            ("missing", "miss"),
            ("falling", "fall"),
            ("doses", "dose"),
            ("less", "less"),
            ("used", "used"),
            ("sing", "sing"),
            ("bed", "bed"),
        ];
        for (word, want) in cases {
            assert_eq!(stem(word), want, "{word}");
        }
    }

    #[test]
    fn snippets_stop_at_a_word() {
        let long = "word ".repeat(60);
        let cut = snippet(&long);
        assert!(cut.ends_with('…') && cut.chars().count() <= 161, "{cut}");
        assert_eq!(snippet("Short."), "Short.");
    }

    /// Everyday queries and the result a reader should see first: `tests/e2e/search-queries.txt`.
    /// search.js itself answers them, in node (`tests/e2e/search-node.test.mjs`) and in the page
    /// (`search.test.mjs`); here each names a place that exists.
    const QUERIES: &str = include_str!("../../tests/e2e/search-queries.txt");

    fn queries() -> Vec<(&'static str, &'static str, &'static str)> {
        QUERIES
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|l| {
                let parts: Vec<&str> = l.split(" | ").map(str::trim).collect();
                assert!(parts.len() == 3 || (parts.len() == 4 && parts[3] == "crisis"), "query line: {l}");
                (parts[0], parts[1], parts[2])
            })
            .collect()
    }

    #[test]
    fn the_everyday_queries_name_real_sections() {
        let (_, entries) = all_entries(search_aids(SEARCH_TOML).unwrap());
        let queries = queries();
        assert!(queries.len() >= 120, "{} queries", queries.len());
        for (query, href, title) in queries {
            assert!(
                entries.iter().any(|e| e.href == href && e.title == title),
                "{query:?}: no entry {title} ({href})"
            );
        }
    }

    // What a synonym finds (a short one only whole words, a longer one the words it starts), and
    // that every group finds something in the guide, are search.js's own answers:
    // tests/e2e/search-node.test.mjs runs it in node (no copy of its rules here).

    #[test]
    fn a_word_belongs_to_one_synonym_group_only() {
        let mut seen = std::collections::HashMap::new();
        for (g, members) in search_aids(SEARCH_TOML).unwrap().synonyms.iter().enumerate() {
            for m in members {
                if let Some(other) = seen.insert(m.clone(), g) {
                    panic!("content/search.toml: \"{m}\" is in groups {} and {}", other + 1, g + 1);
                }
            }
        }
    }

    #[test]
    fn search_aids_that_lead_nowhere_fail_the_build() {
        let bad = [
            ("[[entry]]\ntitle = \"X\"\nhref = \"nowhere/\"\ntext = \"x\"\nwords = []\n", "not a page"),
            (
                "[[entry]]\ntitle = \"X\"\nhref = \"missed-dose/#nothing\"\ntext = \"x\"\nwords = []\n",
                "no heading",
            ),
            ("[[synonyms]]\nwords = [\"zebra\"]\n", "at least 2"),
            ("[[synonyms]]\nwords = [\"the\", \"a\"]\n", "only common words"),
            ("[[synonym]]\nwords = [\"a\", \"b\"]\n", "unknown table"),
            ("[crisis]\nhref = \"side-effects/#nowhere\"\nwords = [\"suicide\"]\n", "no heading"),
            ("[crisis]\nhref = \"side-effects/\"\nwords = [\"to it\"]\n", "only common words"),
        ];
        for (toml, want) in bad {
            let err = search_aids(toml).err().unwrap_or_default();
            assert!(err.starts_with("content/search.toml: ") && err.contains(want), "{toml}: {err}");
        }
        assert!(search_aids(
            "[[entry]]\ntitle = \"X\"\nhref = \"missed-dose/#missed-dose-tool\"\ntext = \"x\"\nwords = []\n"
        )
        .is_ok());
    }

    /// The code review's safety hole (§3.6), for the one content file xtask reads: a mirror
    /// address or a `javascript:` link in what the results list shows fails the build.
    #[test]
    fn a_mirror_or_javascript_link_fails_in_search_toml() {
        let real = include_str!("../../content/search.toml");
        let shown = "text = \"The symptom checker on this page says";
        assert!(real.contains(shown));
        for (added, rule) in [
            ("See www.drugs.com/uk/baclofen.html. ", "`drugs.com/uk` is a mirror"),
            ("Open javascript:alert(1) now. ", "`javascript:` is not allowed"),
        ] {
            let changed =
                real.replacen(shown, &format!("text = \"{added}The symptom checker on this page says"), 1);
            let err = search_aids(&changed).err().unwrap_or_default();
            assert!(err.starts_with("content/search.toml: entry ") && err.contains(rule), "{err}");
        }
        let title = real.replacen("title = \"", "title = \"javascript:void(0) ", 1);
        assert!(search_aids(&title).err().unwrap_or_default().contains("`title`: `javascript:`"));
    }

    #[test]
    fn the_index_is_one_json_object_with_an_entry_per_heading_question_and_extra_way_in() {
        let json = search_index_json().unwrap();
        let index: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert!(index["synonyms"][0][0].is_string() && index["entries"].is_array() && json.ends_with("}\n"));
        let headings: usize = Route::PAGES
            .into_iter()
            .filter(|r| *r != Route::Search)
            .map(|r| r.page().unwrap().headings().count() + 1)
            .sum();
        let questions = Route::Questions
            .page()
            .unwrap()
            .blocks
            .iter()
            .filter(|b| matches!(b.kind, BlockKind::Question(_)))
            .count();
        let extra = search_aids(SEARCH_TOML).unwrap().entries.len();
        // (and the crisis words' section)
        assert_eq!(json.matches("\"href\":").count(), headings + questions + extra + 1);
        assert!(!json.contains("search/"), "the search page does not find itself");
        // Every question leads to itself.
        assert!(json.contains("\"href\":\"questions/#can-i-drink-alcohol\""), "{json}");
        let entries = index["entries"].as_array().unwrap();
        assert!(
            !entries
                .iter()
                .any(|e| e["href"] == "questions/" && e["snippet"].as_str().unwrap().starts_with("Yes")),
            "a question without its anchor"
        );
        let crisis = search_aids(SEARCH_TOML).unwrap().crisis;
        assert!(crisis.phrases.contains(&"want die".to_string()) && crisis.href.contains('#'));
    }
}
