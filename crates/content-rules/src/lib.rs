//! The text rules every content file passes, written once.
//!
//! `build.rs` (pages, site, missed dose, red flags, ui, web team, planner, take-it-with-you) and
//! `xtask` (`content/search.toml`) all check their texts through [`TextRules::problems`], so no
//! file can skip a rule another file gets: no markup, no `javascript:`, no mirror address (fact
//! sheet §0b), no ruled-out claim (§12, `build/banned-claims.toml`), only known placeholders, and
//! (for what a patient reads) no sentence over [`MAX_SENTENCE_WORDS`] words. The caller says what
//! it expects of a text ([`Expect`]) and adds `file:line`.
//!
//! [`readability`] is the one Flesch-Kincaid grader the reading-level tests use.

use serde::Deserialize;
use std::path::Path;

pub mod readability;

/// The longest sentence a patient reads (issue #15): every text, every file.
pub const MAX_SENTENCE_WORDS: usize = 25;

/// `build/banned-claims.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BannedFile {
    claim: Vec<Claim>,
    /// Mirror, forum and test-server domains that must never reach a patient (fact sheet §0b).
    #[serde(default)]
    mirror: Vec<Mirror>,
}

/// A claim the sources rule out (fact sheet §12).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    pub phrase: String,
    pub why: String,
}

/// A copy of a publisher's page (fact sheet §0b).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mirror {
    /// A host (`imedi.co.uk`, which also covers its subdomains) with an optional path (`drugs.com/uk`).
    pub domain: String,
    pub why: String,
}

impl Mirror {
    /// Whether `address` (a web address) is on this mirror.
    pub fn matches(&self, address: &str) -> bool {
        let lower = address.to_lowercase();
        let rest = lower.split_once("://").map_or(lower.as_str(), |(_, r)| r);
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        let host = host.split(':').next().unwrap_or_default();
        let (domain_host, domain_path) = match self.domain.split_once('/') {
            Some((h, p)) => (h, Some(p)),
            None => (self.domain.as_str(), None),
        };
        let host_ok = host == domain_host || host.ends_with(&format!(".{domain_host}"));
        let path = &rest[rest.find('/').unwrap_or(rest.len())..];
        host_ok && domain_path.is_none_or(|p| path.starts_with(&format!("/{p}")))
    }
}

/// Which `{placeholder}`s a text may hold.
#[derive(Clone, Copy)]
pub enum Placeholders<'a> {
    /// Only these (each written with its braces, `"{next}"`).
    Only(&'a [&'a str]),
    /// Any well-formed `{name}` (lower-case letters, digits and `_`): the code that fills the
    /// text checks which ones it needs.
    Named,
    /// Braces are the text's own (the web team's words show a JSON example); the code fills its
    /// `{name}`s by replacing them.
    Unchecked,
}

/// The source ids `content/sources.toml` registers (for the generators that check a text's
/// `sources` list; `build/content_gen.rs` reads the whole file).
pub fn source_ids(content_dir: &Path) -> Result<std::collections::BTreeSet<String>, String> {
    #[derive(Deserialize)]
    struct Sources {
        source: Vec<SourceId>,
    }
    #[derive(Deserialize)]
    struct SourceId {
        id: String,
    }
    let path = content_dir.join("sources.toml");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let sources: Sources = toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(sources.source.into_iter().map(|s| s.id).collect())
}

/// What a caller expects of a text beyond the rules every text passes.
#[derive(Clone, Copy)]
pub struct Expect<'a> {
    pub placeholders: Placeholders<'a>,
    /// The longest sentence allowed, or `None` for a text whose sentences are not yet held to a
    /// length (see each caller).
    pub max_sentence_words: Option<usize>,
}

impl<'a> Expect<'a> {
    /// Patient wording that a helper fills in: any `{name}`, sentences of at most 25 words.
    pub const PATIENT: Expect<'static> =
        Expect { placeholders: Placeholders::Named, max_sentence_words: Some(MAX_SENTENCE_WORDS) };
    /// Static page text: no placeholder, sentences of at most 25 words.
    pub const PAGE: Expect<'static> =
        Expect { placeholders: Placeholders::Only(&[]), max_sentence_words: Some(MAX_SENTENCE_WORDS) };

    /// Patient wording with only these placeholders.
    pub const fn only(placeholders: &'a [&'a str]) -> Self {
        Expect {
            placeholders: Placeholders::Only(placeholders),
            max_sentence_words: Some(MAX_SENTENCE_WORDS),
        }
    }

    /// The same, without the sentence-length rule.
    pub const fn any_length(self) -> Self {
        Expect { max_sentence_words: None, ..self }
    }
}

/// Everything a text must pass, whichever file it is in.
pub struct TextRules {
    banned: Vec<Claim>,
    mirrors: Vec<Mirror>,
}

impl TextRules {
    /// Reads `build/banned-claims.toml`; an error is `path:line: message`.
    pub fn load(path: &Path) -> Result<Self, String> {
        let text =
            std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        Self::parse(&text, &path.display().to_string())
    }

    /// Parses the text of `build/banned-claims.toml` (`shown` names it in messages).
    pub fn parse(text: &str, shown: &str) -> Result<Self, String> {
        let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
        let file: BannedFile = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of(s.start)).unwrap_or(1);
            format!("{shown}:{line}: {}", e.message())
        })?;
        if let Some(bad) = file.mirror.iter().find(|m| m.domain.trim().is_empty() || m.domain.contains("://"))
        {
            let line = text.find(&format!("\"{}\"", bad.domain)).map(line_of).unwrap_or(1);
            return Err(format!(
                "{shown}:{line}: a mirror `domain` is a host with an optional path, such as `drugs.com/uk`"
            ));
        }
        Ok(Self {
            banned: file
                .claim
                .into_iter()
                .map(|c| Claim { phrase: c.phrase.to_lowercase(), why: c.why })
                .collect(),
            mirrors: file
                .mirror
                .into_iter()
                .map(|m| Mirror { domain: m.domain.to_lowercase(), why: m.why })
                .collect(),
        })
    }

    /// The mirror a web address is on, if any (for source addresses).
    pub fn mirror_of(&self, address: &str) -> Option<&Mirror> {
        self.mirrors.iter().find(|m| m.matches(address))
    }

    /// Every rule `text` breaks, as messages without a place (the caller adds `file:line`).
    pub fn problems(&self, text: &str, expect: Expect) -> Vec<String> {
        let mut out = Vec::new();
        if text.trim().is_empty() {
            out.push("text is empty".to_owned());
            return out;
        }
        if text.contains('<') || text.contains('>') {
            out.push("raw HTML is not allowed in content (found `<` or `>`); write plain words".to_owned());
        }
        let lower = text.to_lowercase();
        if lower.contains("javascript:") {
            out.push("`javascript:` is not allowed in content".to_owned());
        }
        for mirror in self.mirrors.iter().filter(|m| lower.contains(&m.domain)) {
            out.push(format!(
                "`{}` is a mirror, not the publisher's own page (baclofen-facts.md §0b): {}",
                mirror.domain, mirror.why
            ));
        }
        for claim in self.banned.iter().filter(|c| lower.contains(&c.phrase)) {
            out.push(format!("ruled-out claim `{}` (baclofen-facts.md §12): {}", claim.phrase, claim.why));
        }
        placeholder_problems(text, expect.placeholders, &mut out);
        let max = expect.max_sentence_words.unwrap_or(usize::MAX);
        for sentence in readability::sentences(text) {
            let words = readability::word_count(sentence);
            if words > max {
                out.push(format!("a sentence of {words} words (at most {max}; split it): \"{sentence}\""));
            }
        }
        out
    }
}

fn placeholder_problems(text: &str, allowed: Placeholders, out: &mut Vec<String>) {
    if let Placeholders::Unchecked = allowed {
        return;
    }
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        if rest[..open].contains('}') {
            out.push("unmatched `}`".to_owned());
        }
        let close = rest[open..].find('}').map(|c| open + c + 1).unwrap_or(rest.len());
        let placeholder = &rest[open..close];
        let ok = match allowed {
            Placeholders::Only(list) => list.contains(&placeholder),
            Placeholders::Unchecked => true,
            Placeholders::Named => {
                let name = placeholder.strip_prefix('{').and_then(|p| p.strip_suffix('}')).unwrap_or("");
                !name.is_empty()
                    && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            }
        };
        if !ok {
            let known = match allowed {
                Placeholders::Only([]) => "this text takes none".to_owned(),
                Placeholders::Only(list) => format!("use one of {}", list.join(", ")),
                Placeholders::Named | Placeholders::Unchecked => {
                    "a placeholder is `{name}` in lower-case letters".to_owned()
                }
            };
            out.push(format!("unknown placeholder `{placeholder}`; {known}"));
        }
        rest = &rest[close..];
    }
    if rest.contains('}') {
        out.push("unmatched `}`".to_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> TextRules {
        TextRules::parse(
            "[[claim]]\nphrase = \"Blocks Pain\"\nwhy = \"not a painkiller\"\n\n\
             [[mirror]]\ndomain = \"drugs.com/uk\"\nwhy = \"a copy\"\n",
            "banned.toml",
        )
        .unwrap()
    }

    #[test]
    fn each_rule_is_named() {
        let r = rules();
        let named = |text: &str, want: &str| {
            let p = r.problems(text, Expect::PATIENT);
            assert!(p.iter().any(|m| m.contains(want)), "{text}: {p:?}");
        };
        named(" ", "empty");
        named("Read <b>this</b>.", "raw HTML");
        named("Go to JavaScript:alert(1) now.", "`javascript:`");
        named("See www.Drugs.com/uk/baclofen.html for more.", "mirror");
        named("It blocks pain.", "ruled-out claim `blocks pain`");
        named("Take it at {Time}.", "unknown placeholder `{Time}`");
        named("Take it at time}.", "unmatched `}`");
        named(&"word ".repeat(26), "26 words");
        let only = r.problems("Take it at {time}.", Expect::only(&["{next}"]));
        assert!(only.iter().any(|m| m.contains("use one of {next}")), "{only:?}");
        assert!(r.problems("Take it at {next}. Call 111.", Expect::only(&["{next}"])).is_empty());
        assert!(r.problems("Take it at {next}.", Expect::PAGE).iter().any(|m| m.contains("takes none")));
        assert!(r.problems(&"word ".repeat(25), Expect::PATIENT).is_empty());
        assert!(r.problems(&"word ".repeat(26), Expect::PATIENT.any_length()).is_empty());
    }

    #[test]
    fn a_mirror_matches_its_host_subdomains_and_path_only() {
        let r = rules();
        assert!(r.mirror_of("https://www.drugs.com/uk/baclofen.html").is_some());
        assert!(r.mirror_of("https://drugs.com/uk").is_some());
        assert!(r.mirror_of("https://www.drugs.com/pro/baclofen.html").is_none());
        assert!(r.mirror_of("https://notdrugs.com/uk/x").is_none());
    }

    #[test]
    fn a_mirror_with_a_scheme_is_refused_with_its_line() {
        let e =
            TextRules::parse("claim = []\n\n[[mirror]]\ndomain = \"https://x.org\"\nwhy = \"w\"\n", "b.toml")
                .err()
                .unwrap();
        assert!(e.starts_with("b.toml:4: a mirror `domain`"), "{e}");
    }
}
