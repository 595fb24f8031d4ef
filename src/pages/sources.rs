use crate::components::citations::source_anchor;
use crate::content::ui::shell;
use crate::content::{Page, SITE, SOURCES};
use crate::pages::content_page::render_blocks;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SourcesPageProps {
    pub page: &'static Page,
}

#[component]
pub fn SourcesPage(props: &SourcesPageProps) -> Html {
    let page = props.page;
    html! {
        <article class="page">
            <h1>{ page.title }</h1>
            <p class="page__lede">{ page.description }</p>
            { render_blocks(page.blocks) }
            <dl class="review">
                <dt>{ shell::CONTENT_VERSION }</dt>
                <dd>{ SITE.content_version }</dd>
                <dt>{ shell::LAST_CHECKED }</dt>
                <dd><time datetime={SITE.checked_on_iso}>{ SITE.checked_on }</time></dd>
            </dl>
            <h2>{ shell::ALL_SOURCES }</h2>
            <ol class="source-list">
                { for SOURCES.iter().map(|source| html! {
                    <li id={source_anchor(source.id)} key={source.id} tabindex="-1">
                        <p class="source-list__id">{ source.id }</p>
                        <p class="source-list__title">{ source.title }</p>
                        <p>{ source.publisher }{". "}{ shell::PART_USED }{" "}{ source.section }{". "}{ shell::CHECKED }{" "}{ source.checked }{"."}</p>
                        <p class="source-list__address">
                            <a href={source.address} rel="noopener noreferrer external">{ source.address }</a>
                        </p>
                    </li>
                }) }
            </ol>
        </article>
    }
}
