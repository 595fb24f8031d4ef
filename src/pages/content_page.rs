use crate::components::{callout::Callout, citations::citations};
use crate::content::{Block, Page};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ContentPageProps {
    pub page: &'static Page,
    /// A helper shown between the introduction and the page's content.
    #[prop_or_default]
    pub children: Html,
}

pub fn render_blocks(blocks: &'static [Block]) -> Html {
    html! {
        { for blocks.iter().map(|block| match block {
            Block::Paragraph(statement) => html! {
                <div class="statement">
                    <p>{ statement.text }</p>
                    { citations(statement.sources) }
                </div>
            },
            Block::Callout(callout) => html! { <Callout {callout} /> },
        }) }
    }
}

#[component]
pub fn ContentPage(props: &ContentPageProps) -> Html {
    let page = props.page;
    html! {
        <article class="page">
            <h1>{ page.title }</h1>
            <p class="page__lede">{ page.description }</p>
            { props.children.clone() }
            { render_blocks(page.blocks) }
        </article>
    }
}
