//! One section of the guide as static HTML: its contents, blocks, sources and neighbours.

use crate::components::easy_read;
use crate::components::link::{self, Link};
use crate::components::{callout::Callout, citations::citations, helper_placeholder, step_up::step_up};
use crate::content::ui::shell;
use crate::content::{self, Block, BlockKind, CalloutKind, Page, SITE};
use crate::route::Route;
use crate::settings::{call_label, tel_href};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ContentPageProps {
    pub page: &'static Page,
    /// Shown between the introduction and the page's content (the search box).
    #[prop_or_default]
    pub children: Html,
    /// How many of the page's blocks come before `children` (the start page: its emergency box
    /// and the ways into the helpers, then search).
    #[prop_or_default]
    pub children_after: usize,
    /// Sources cited by `children` (the search box's crisis lines), listed with the page's own.
    #[prop_or_default]
    pub children_sources: &'static [&'static str],
}

/// A heading one level below the section headings once a section has begun, so the outline
/// never skips a level.
fn sub_heading(level: u8, text: &'static str, class: &'static str) -> Html {
    if level == 3 {
        html! { <h3 {class}>{ text }</h3> }
    } else {
        html! { <h2 {class}>{ text }</h2> }
    }
}

/// An element id made of a question's or a box's words, so a search result or a link can lead
/// straight to it: "Can I drink alcohol?" is `can-i-drink-alcohol`.
pub fn anchor_id(text: &str) -> String {
    let mut id = String::new();
    for word in text.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()) {
        if !id.is_empty() {
            id.push('-');
        }
        id.push_str(&word.to_ascii_lowercase());
    }
    id
}

/// Every id a page's blocks give their parts (section headings, questions, boxes), in order.
pub fn anchors(page: &Page) -> Vec<String> {
    page.blocks
        .iter()
        .filter_map(|block| match &block.kind {
            BlockKind::Heading(heading) => Some(heading.id.to_string()),
            BlockKind::Question(question) => Some(anchor_id(question.question)),
            BlockKind::Callout(callout) => Some(anchor_id(callout.title)),
            _ => None,
        })
        .collect()
}

/// Text cut into plain parts and phone numbers ("1-800-222-1222", "116 123"): a phone number
/// is a run of at least 6 digits joined by single spaces or hyphens (at least one), starting and
/// ending with a digit, not inside a word. `true` marks a number.
pub fn phone_parts(text: &str) -> Vec<(bool, &str)> {
    let mut parts = Vec::new();
    let bytes = text.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() || (i > 0 && bytes[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        let (mut end, mut digits, mut j) = (i, 0, i);
        while j < bytes.len() {
            if bytes[j].is_ascii_digit() {
                digits += 1;
                end = j + 1;
                j += 1;
            } else if (bytes[j] == b' ' || bytes[j] == b'-')
                && bytes.get(j + 1).is_some_and(u8::is_ascii_digit)
            {
                j += 1;
            } else {
                break;
            }
        }
        let joined = text[i..end].contains([' ', '-']);
        if digits >= 6 && joined && !text[end..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
            if start < i {
                parts.push((false, &text[start..i]));
            }
            parts.push((true, &text[i..end]));
            start = end;
        }
        i = end.max(i + 1);
    }
    if start < text.len() {
        parts.push((false, &text[start..]));
    }
    parts
}

/// Text with each phone number in a span that never wraps across lines.
pub fn with_numbers(text: &'static str) -> Html {
    phone_parts(text)
        .into_iter()
        .map(|(number, part)| {
            if number {
                html! { <span class="phone">{ part }</span> }
            } else {
                html! { { part } }
            }
        })
        .collect()
}

/// The emergency number's call button, as the footer's line says it: hidden in the page as
/// built, and shown by `start.js` (the device's time zone) or the settings module (a clinic's
/// number) once it holds the number to dial (`[data-emergency-call]`).
pub fn emergency_call_line() -> Html {
    html! {
        <p class="call" data-emergency-call="" hidden=true>
            <a class="call__button" href={tel_href(SITE.emergency_default_number)}>{ call_label(SITE.emergency_default_number) }</a>
            <span class="call__note"></span>
        </p>
    }
}

fn render_block(block: &'static Block, level: u8, call: bool) -> Html {
    let body = match &block.kind {
        BlockKind::Heading(heading) => html! { <h2 id={heading.id} tabindex="-1">{ heading.text }</h2> },
        BlockKind::Paragraph(statement) => html! {
            <div class="statement">
                <p>{ with_numbers(statement.text) }</p>
                { citations(statement.sources) }
            </div>
        },
        BlockKind::List(list) => html! {
            <div class="statement">
                <p>{ with_numbers(list.intro.text) }</p>
                <ul>{ for list.items.iter().map(|item| html! { <li>{ with_numbers(item) }</li> }) }</ul>
                { citations(list.intro.sources) }
            </div>
        },
        // An emergency box on a page without a helper (a helper shows its own call buttons)
        // offers the call itself.
        BlockKind::Callout(callout) if call && callout.kind == CalloutKind::Emergency => html! {
            <Callout {callout} level={level} id={anchor_id(callout.title)}>{ emergency_call_line() }</Callout>
        },
        BlockKind::Callout(callout) => {
            html! { <Callout {callout} level={level} id={anchor_id(callout.title)} /> }
        }
        BlockKind::Question(question) => html! {
            <section class="question" id={anchor_id(question.question)}>
                { sub_heading(level, question.question, "question__title") }
                <p>{ with_numbers(question.answer.text) }</p>
                { citations(question.answer.sources) }
            </section>
        },
        BlockKind::StepUp(plan) => step_up(plan),
        BlockKind::WayIn(way) => {
            let href = if way.anchor.is_empty() {
                format!("{}/", way.page)
            } else {
                format!("{}/#{}", way.page, way.anchor)
            };
            html! { <p class="way-in"><a {href}>{ way.text }</a></p> }
        }
        BlockKind::Helper(helper) => helper_placeholder::placeholder(helper),
        // An Easy Read emergency point ("Call your emergency number now") offers the call with
        // the number of the person's region, as the emergency boxes do (never a list of
        // countries' numbers).
        BlockKind::Point(point)
            if call
                && block.region.is_none()
                && point.kind == Some(CalloutKind::Emergency)
                && point.picture == content::Picture::Ambulance =>
        {
            html! { <>{ easy_read::point(point) }{ emergency_call_line() }</> }
        }
        BlockKind::Point(point) => easy_read::point(point),
    };
    match block.region {
        // Labelled in words; hidden only when a clinic has chosen the other country.
        Some(region) => html! {
            <div class="region-note" data-only-region={region.id()}>
                <p class="region-note__label">{ content::region_label(region) }</p>
                { body }
            </div>
        },
        None => body,
    }
}

pub fn render_blocks(blocks: &'static [Block]) -> Html {
    rendered_blocks(blocks).into_iter().collect()
}

/// Each block as HTML, in order.
fn rendered_blocks(blocks: &'static [Block]) -> Vec<Html> {
    let call = !blocks.iter().any(|b| matches!(b.kind, BlockKind::Helper(_)));
    let mut level = 2;
    blocks
        .iter()
        .map(|block| {
            if matches!(block.kind, BlockKind::Heading(_)) {
                level = 3;
            }
            render_block(block, level, call)
        })
        .collect()
}

/// The page's own headings, for readers who want to jump. Each link names the page: with the
/// `<base>` tag a bare `#id` would lead to the start page.
fn on_this_page(route: Route, page: &'static Page) -> Html {
    let headings: Vec<_> = page.headings().collect();
    if headings.len() < 2 {
        return html! {};
    }
    html! {
        <nav class="toc" aria-labelledby="toc-title">
            <h2 id="toc-title" class="toc__title">{ shell::ON_THIS_PAGE }</h2>
            <ul>
                { for headings.iter().map(|h| html! { <li><a href={link::href(route, None, Some(h.id))}>{ h.text }</a></li> }) }
            </ul>
        </nav>
    }
}

/// Every source the page cites in full (with its helpers' published rules), with the review
/// date, so a printed page stands alone.
fn page_sources(page: &'static Page, children_sources: &'static [&'static str]) -> Html {
    let mut ids = page.source_ids();
    let helper_sources = helper_placeholder::sources(page.helpers());
    for id in helper_sources.into_iter().chain(children_sources.iter().copied()) {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    if ids.is_empty() {
        return html! {};
    }
    html! {
        <section class="page-sources" aria-labelledby="page-sources-title">
            <h2 id="page-sources-title">{ shell::PAGE_SOURCES }</h2>
            <ul>
                { for ids.iter().filter_map(|id| content::source(id)).map(|source| html! {
                    <li>
                        <strong>{ source.id }</strong>{": "}{ source.title }{". "}{ source.publisher }{". "}
                        <span class="page-sources__address">{ source.address }</span>
                    </li>
                }) }
            </ul>
            <p>
                { shell::CHECKED_ON }{" "}
                <time datetime={SITE.checked_on_iso}>{ SITE.checked_on }</time>
                {". "}{ shell::CONTENT_VERSION }{" "}{ SITE.content_version }{"."}
            </p>
        </section>
    }
}

/// "Previous" and "Next" sections, for reading the guide from start to end.
fn pager(route: Route) -> Html {
    let (previous, next) = route.neighbours();
    let link = |to: Route, rel: &'static str, word: &'static str| {
        let label = to.page().map(|p| p.nav_label).unwrap_or_default();
        html! {
            <li class={format!("pager__{rel}")}>
                <Link to={to}><span class="pager__word">{ word }</span>{ label }</Link>
            </li>
        }
    };
    if previous.is_none() && next.is_none() {
        return html! {};
    }
    html! {
        <nav class="pager" aria-label={ shell::PAGER_LABEL }>
            <ul>
                { for previous.map(|to| link(to, "previous", shell::PREVIOUS)) }
                { for next.map(|to| link(to, "next", shell::NEXT)) }
            </ul>
        </nav>
    }
}

/// Every section with what it covers: the guide's table of contents.
pub fn contents() -> Html {
    html! {
        <nav class="contents" aria-labelledby="contents">
            <h2 id="contents" tabindex="-1">{ shell::CONTENTS }</h2>
            <ol>
                { for Route::sections().filter_map(|route| route.page().map(|page| (route, page))).map(|(route, page)| html! {
                    <li>
                        <Link to={route}>{ page.title }</Link>
                        <p>{ page.description }</p>
                    </li>
                }) }
            </ol>
        </nav>
    }
}

#[component]
pub fn ContentPage(props: &ContentPageProps) -> Html {
    let page = props.page;
    let route = Route::for_slug(page.slug);
    let mut blocks = rendered_blocks(page.blocks);
    let before: Vec<Html> = blocks.drain(..props.children_after.min(blocks.len())).collect();
    html! {
        <article class={classes!("page", page.easy_read_of.map(|_| "page--easy-read"))}>
            <h1>{ page.title }</h1>
            <p class="page__lede">{ page.description }</p>
            { easy_read::page_link(page) }
            { crate::read_aloud::control::prerendered() }
            { on_this_page(route, page) }
            { for before }
            { props.children.clone() }
            if page.easy_read_of.is_some() {
                <div class="easy-read">{ for blocks }</div>
            } else {
                { for blocks }
            }
            if route == Route::Home {
                { contents() }
            }
            { page_sources(page, props.children_sources) }
            <p class="print-action"><button type="button" class="button button--secondary" data-print="" hidden=true>{ shell::PRINT }</button></p>
            { pager(route) }
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_are_kept_whole_and_other_numbers_left_alone() {
        assert_eq!(
            phone_parts("Call 1-800-222-1222, any time."),
            [(false, "Call "), (true, "1-800-222-1222"), (false, ", any time.")]
        );
        assert_eq!(
            phone_parts("Samaritans 116 123 or Lifeline 13 11 14."),
            [
                (false, "Samaritans "),
                (true, "116 123"),
                (false, " or Lifeline "),
                (true, "13 11 14"),
                (false, ".")
            ]
        );
        for plain in [
            "Take 5 mg 3 times a day.",
            "From 10 to 20 mg.",
            "In 2026 and 2027.",
            "Call 999 now.",
            "40 to 80 mg",
        ] {
            assert_eq!(phone_parts(plain), [(false, plain)], "{plain}");
        }
    }

    #[test]
    fn anchor_ids_are_the_words_in_lower_case_joined_by_hyphens() {
        assert_eq!(anchor_id("Can I drink alcohol?"), "can-i-drink-alcohol");
        assert_eq!(anchor_id("Missed two or more doses, or run out?"), "missed-two-or-more-doses-or-run-out");
    }

    /// A question or a box that shares its id with another part of its page would lead a link
    /// to the wrong place.
    #[test]
    fn every_part_of_a_page_has_its_own_id() {
        for page in content::PAGES {
            let ids = anchors(page);
            for (i, id) in ids.iter().enumerate() {
                assert!(
                    !id.is_empty(),
                    "content/pages/{}.toml: a question or box has no words for an id",
                    page.slug
                );
                assert!(
                    !ids[..i].contains(id),
                    "content/pages/{}.toml: two parts have the id `{id}`",
                    page.slug
                );
                assert!(
                    !["main", "contents", "toc-title", "page-sources-title"].contains(&id.as_str()),
                    "{id}"
                );
            }
        }
    }
}
