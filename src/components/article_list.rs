//! Every article, newest first: title (a link to the reader), date, outlet and
//! the first line of text.

use leptos::prelude::*;

use crate::components::article_meta::ArticleMeta;
use crate::corpus_data::corpus;
use crate::view_state::ViewState;

#[component]
pub fn ArticleList() -> impl IntoView {
    let articles = corpus().newest_first();
    view! {
        <section class="article-list" aria-labelledby="list-heading">
            <h1 id="list-heading" class="list-heading">"All articles"</h1>
            {articles.is_empty().then(|| view! { <p class="empty">"This dossier has no articles yet."</p> })}
            <ol class="cards" aria-label="Articles">
                {articles
                    .into_iter()
                    .map(|article| {
                        let href = ViewState { article: Some(article.id.clone()) }.to_hash();
                        view! {
                            <li class="card">
                                <h2 class="card-title"><a href=href>{article.title.as_str()}</a></h2>
                                <ArticleMeta article=article />
                                {article.lead().map(|lead| view! { <p class="card-lead">{lead}</p> })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}
