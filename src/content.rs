//! Reviewed content, validated and generated at build time by `build.rs` from `content/`.
//! Nothing here is parsed at run time.

pub use baclofen_content_model::*;

/// The words beside a block that is true in one country only (`content/ui.toml`).
pub fn region_label(region: RegionTag) -> &'static str {
    match region {
        RegionTag::Uk => ui::region_labels::UK,
        RegionTag::Us => ui::region_labels::US,
    }
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

    #[test]
    fn every_cited_source_resolves() {
        for page in PAGES {
            for id in page.source_ids() {
                assert!(source(id).is_some(), "{}: unknown source {id}", page.slug);
            }
        }
    }

    #[test]
    fn every_section_but_search_cites_sources_and_every_fact_block_has_some() {
        for page in PAGES.iter().filter(|p| !matches!(p.slug, "search" | "sources")) {
            assert!(!page.source_ids().is_empty(), "{} cites no sources", page.slug);
        }
    }

    #[test]
    fn headings_feed_the_page_contents_with_unique_anchors() {
        let special = page("special-situations").unwrap();
        let ids: Vec<&str> = special.headings().map(|h| h.id).collect();
        assert!(ids.contains(&"kidney-problems") && ids.contains(&"pregnancy"), "{ids:?}");
        for page in PAGES {
            let mut ids: Vec<&str> = page.headings().map(|h| h.id).collect();
            let count = ids.len();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), count, "{} repeats an anchor", page.slug);
        }
    }

    #[test]
    fn us_only_and_uk_only_facts_are_labelled_with_their_country() {
        let forms = page("forms").unwrap();
        let regions: Vec<RegionTag> = forms.blocks.iter().filter_map(|b| b.region).collect();
        assert!(regions.contains(&RegionTag::Uk) && regions.contains(&RegionTag::Us));
        assert!(region_label(RegionTag::Uk).contains("UK") && region_label(RegionTag::Us).contains("US"));
    }

    #[test]
    fn every_way_in_leads_to_a_page_and_a_place_on_it() {
        let mut ways = 0;
        for page in PAGES {
            for block in page.blocks {
                if let BlockKind::WayIn(way) = &block.kind {
                    ways += 1;
                    let target = super::page(way.page)
                        .unwrap_or_else(|| panic!("{}: no page {}", page.slug, way.page));
                    assert!(
                        way.anchor.is_empty()
                            || target.helpers().any(|h| h.element_id == way.anchor)
                            || target.headings().any(|h| h.id == way.anchor),
                        "{}: no {} on {}",
                        page.slug,
                        way.anchor,
                        way.page
                    );
                }
            }
        }
        assert!(ways >= 3, "the start page and the missed-dose page lead into the helpers");
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
