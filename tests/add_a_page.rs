//! Issue #16: adding a page is one new file in `content/pages/` plus one line in
//! `content/site.toml` `navigation`, with no other edit. The content generator runs on a scratch
//! copy of `content/` with one extra page; the page must come out in the navigation order, as a
//! route (the generated `Route` enum that the prerender, the search index and the build manifest
//! walk), and as a page with its headings and helper place.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../build/content_gen.rs"]
mod content_gen;

use baclofen_guide::content::Helper;
mod common;

use common::{banned_claims, Scratch};

fn generate(scratch: &Scratch) -> Result<content_gen::Generated, Vec<String>> {
    content_gen::generate(scratch.path(), &banned_claims())
}

const NEW_PAGE: &str = r#"nav_label = "Travel"
title = "Travelling with baclofen"
description = "A page added to prove a page is one file and one line."

[[block]]
type = "heading"
text = "Before you go"

[[block]]
type = "paragraph"
text = "Take enough baclofen for the whole trip."
editorial = true

[[block]]
type = "helper"
module = "packing-list"
text = "The packing list needs JavaScript."
"#;

#[test]
fn a_new_page_is_one_file_and_one_navigation_line() {
    let scratch = Scratch::new();
    let before = generate(&scratch).expect("the real content is valid");

    // The one file and the one line, and nothing else.
    std::fs::write(scratch.0.join("pages/travel-abroad.toml"), NEW_PAGE).unwrap();
    let site_path = scratch.0.join("site.toml");
    let site = std::fs::read_to_string(&site_path).unwrap();
    let site = site.replacen("  \"storage\",\n", "  \"storage\",\n  \"travel-abroad\",\n", 1);
    std::fs::write(&site_path, site).unwrap();

    let after = generate(&scratch).unwrap_or_else(|errors| panic!("{errors:#?}"));
    assert_eq!(after.pages.len(), before.pages.len() + 1);

    // Navigation order: right after the line it follows.
    let slugs: Vec<&str> = after.pages.iter().map(|p| p.slug.as_str()).collect();
    let at = slugs.iter().position(|s| *s == "travel-abroad").expect("the page is generated");
    assert_eq!(slugs[at - 1], "storage");
    assert_eq!(slugs[0], "home", "home stays first");

    // Its summary (what the build manifest and the e2e walk read): title, headings, module.
    let page = &after.pages[at];
    assert_eq!(page.title, "Travelling with baclofen");
    assert_eq!(page.headings, vec![("before-you-go".to_string(), "Before you go".to_string())]);
    assert_eq!(page.modules, vec!["packing-list".to_string()]);

    // A route of its own: a variant, in `Route::PAGES` at the page's index, with its slug.
    assert_eq!(page.route, "TravelAbroad");
    assert!(after.routes.contains("    TravelAbroad,\n"), "{}", after.routes);
    assert!(after.routes.contains("Route::TravelAbroad => \"travel-abroad\","));
    let pages_line = after.routes.lines().find(|l| l.contains("pub const PAGES")).unwrap();
    assert!(pages_line.contains(&format!("[Route; {}]", after.pages.len())), "{pages_line}");
    let order: Vec<&str> =
        pages_line.split(['[', ']', ',']).filter_map(|s| s.trim().strip_prefix("Route::")).collect();
    assert_eq!(order[at], "TravelAbroad", "the route's discriminant is the page's index");

    // The page itself, with its helper's place, in `content::PAGES` at the same index.
    let slugs_in_content: Vec<&str> = after.content.pages.iter().map(|p| p.slug).collect();
    assert_eq!(slugs_in_content, slugs);
    let helper = after.content.pages[at].helpers().next().expect("the page holds its helper's place");
    assert_eq!(
        helper,
        &Helper {
            module: "packing-list",
            element_id: "packing-list-tool",
            text: "The packing list needs JavaScript."
        }
    );
}

#[test]
fn a_page_file_without_its_navigation_line_is_refused() {
    let scratch = Scratch::new();
    std::fs::write(scratch.0.join("pages/travel-abroad.toml"), NEW_PAGE).unwrap();
    let errors = generate(&scratch).err().expect("refused");
    assert!(
        errors
            .iter()
            .any(|e| e.contains("travel-abroad.toml:1:") && e.contains("not listed in `navigation`")),
        "{errors:#?}"
    );
}

#[test]
fn the_built_routes_are_the_content_pages_in_navigation_order() {
    use baclofen_guide::route::Route;
    let scratch = Scratch::new();
    let generated = generate(&scratch).expect("the real content is valid");
    let slugs: Vec<&str> = Route::PAGES.iter().map(|r| r.slug()).collect();
    let expected: Vec<&str> = generated.pages.iter().map(|p| p.slug.as_str()).collect();
    assert_eq!(slugs, expected);
}
