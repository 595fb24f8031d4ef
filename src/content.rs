//! Reviewed content, validated and generated at build time by `build.rs` from `content/`.
//! Nothing here is parsed at run time.

/// Site-wide wording and metadata (`content/site.toml`).
#[derive(Debug, PartialEq, Eq)]
pub struct Site {
    pub product_name: &'static str,
    pub tagline: &'static str,
    pub content_version: &'static str,
    /// When the content was last checked against its sources, in words ("23 November 2026").
    pub checked_on: &'static str,
    /// The same date as `YYYY-MM-DD`, for `<time datetime>`.
    pub checked_on_iso: &'static str,
    pub disclaimer: &'static str,
    pub emergency: &'static str,
    pub startup: Startup,
}

/// What the page says before the app runs: loading, failed to start, no JavaScript.
#[derive(Debug, PartialEq, Eq)]
pub struct Startup {
    pub loading: &'static str,
    pub failed: &'static str,
    pub no_script: &'static str,
    pub emergency_signs: &'static str,
}

/// One entry of the source registry (`content/sources.toml`).
#[derive(Debug, PartialEq, Eq)]
pub struct Source {
    pub id: &'static str,
    pub title: &'static str,
    pub publisher: &'static str,
    pub address: &'static str,
    pub section: &'static str,
    pub checked: &'static str,
}

/// One page of the guide (`content/pages/<slug>.toml`).
#[derive(Debug, PartialEq, Eq)]
pub struct Page {
    pub slug: &'static str,
    pub nav_label: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    pub blocks: &'static [Block],
}

#[derive(Debug, PartialEq, Eq)]
pub enum Block {
    Paragraph(Statement),
    Callout(Callout),
}

/// Plain text with the ids of the sources it comes from (empty only for statements about the guide).
#[derive(Debug, PartialEq, Eq)]
pub struct Statement {
    pub text: &'static str,
    pub sources: &'static [&'static str],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CalloutKind {
    /// Call the emergency number now.
    Emergency,
    /// Contact the prescriber today.
    Urgent,
    /// A rule that keeps people safe, such as "do not stop suddenly".
    Warning,
    Info,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Callout {
    pub kind: CalloutKind,
    pub title: &'static str,
    pub text: &'static str,
    pub items: &'static [&'static str],
    pub sources: &'static [&'static str],
}

include!(concat!(env!("OUT_DIR"), "/content.rs"));

pub fn page(slug: &str) -> Option<&'static Page> {
    PAGES.iter().find(|p| p.slug == slug)
}

pub fn source(id: &str) -> Option<&'static Source> {
    SOURCES.iter().find(|s| s.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_source_ids() -> impl Iterator<Item = &'static str> {
        PAGES.iter().flat_map(|p| p.blocks).flat_map(|b| match b {
            Block::Paragraph(s) => s.sources.iter().copied(),
            Block::Callout(c) => c.sources.iter().copied(),
        })
    }

    #[test]
    fn every_cited_source_resolves() {
        for id in all_source_ids() {
            assert!(source(id).is_some(), "unknown source {id}");
        }
    }

    #[test]
    fn home_comes_first_and_slugs_are_unique() {
        assert_eq!(PAGES[0].slug, "home");
        let mut slugs: Vec<_> = PAGES.iter().map(|p| p.slug).collect();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), PAGES.len());
    }

    #[test]
    fn the_emergency_line_never_names_only_one_country() {
        // Until a region is configured, the footer must not imply 911 (or 999) is everyone's number.
        assert!(SITE.emergency.contains("your local emergency number"));
    }
}
