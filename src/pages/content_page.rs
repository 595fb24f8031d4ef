//! One section of the guide as static HTML: its contents, blocks, sources and neighbours.

use crate::components::easy_read;
use crate::components::link::{self, Link};
use crate::components::{callout::Callout, citations::citations, helper_placeholder, step_up::step_up};
use crate::content::ui::shell;
use crate::content::{self, Block, BlockKind, Page, SITE};
use crate::route::Route;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ContentPageProps {
    pub page: &'static Page,
    /// Shown between the introduction and the page's content (the search box).
    #[prop_or_default]
    pub children: Html,
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

fn render_block(block: &'static Block, level: u8) -> Html {
    let body = match &block.kind {
        BlockKind::Heading(heading) => html! { <h2 id={heading.id} tabindex="-1">{ heading.text }</h2> },
        BlockKind::Paragraph(statement) => html! {
            <div class="statement">
                <p>{ statement.text }</p>
                { citations(statement.sources) }
            </div>
        },
        BlockKind::List(list) => html! {
            <div class="statement">
                <p>{ list.intro.text }</p>
                <ul>{ for list.items.iter().map(|item| html! { <li>{ *item }</li> }) }</ul>
                { citations(list.intro.sources) }
            </div>
        },
        BlockKind::Callout(callout) => html! { <Callout {callout} level={level} /> },
        BlockKind::Question(question) => html! {
            <section class="question">
                { sub_heading(level, question.question, "question__title") }
                <p>{ question.answer.text }</p>
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
    let mut level = 2;
    let rendered: Vec<Html> = blocks
        .iter()
        .map(|block| {
            if matches!(block.kind, BlockKind::Heading(_)) {
                level = 3;
            }
            render_block(block, level)
        })
        .collect();
    rendered.into_iter().collect()
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
fn page_sources(page: &'static Page) -> Html {
    let mut ids = page.source_ids();
    for id in helper_placeholder::sources(page.helpers()) {
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
    html! {
        <article class={classes!("page", page.easy_read_of.map(|_| "page--easy-read"))}>
            <h1>{ page.title }</h1>
            <p class="page__lede">{ page.description }</p>
            { easy_read::page_link(page) }
            { crate::read_aloud::control::prerendered() }
            { on_this_page(route, page) }
            { props.children.clone() }
            if page.easy_read_of.is_some() {
                <div class="easy-read">{ render_blocks(page.blocks) }</div>
            } else {
                { render_blocks(page.blocks) }
            }
            if route == Route::Home {
                { contents() }
            }
            { page_sources(page) }
            <p class="print-action"><button type="button" class="button button--secondary" data-print="" hidden=true>{ shell::PRINT }</button></p>
            { pager(route) }
        </article>
    }
}
