//! Every article, newest first: title (a link to the reader), date, outlet and
//! the first line of text.

use leptos::prelude::*;

use crate::components::article_meta::ArticleMeta;
use crate::corpus_data::corpus;
use crate::view_state::ViewState;

#[component]
pub fn ArticleList() -> impl IntoView {
    let corpus = corpus();
    view! {
        <section class="article-list" aria-labelledby="list-heading">
            <h1 id="list-heading" class="list-heading">"All articles"</h1>
            {corpus.is_empty().then(|| view! { <p class="empty">"This dossier has no articles yet."</p> })}
            <ol class="cards" aria-label="Articles">
                {corpus
                    .newest_first()
                    .filter_map(|i| corpus.summary(i))
                    .map(|s| {
                        let href = ViewState { article: Some(s.id.to_string()) }.to_hash();
                        view! {
                            <li class="card">
                                <h2 class="card-title"><a href=href>{s.title}</a></h2>
                                <ArticleMeta date=s.date outlet=s.outlet.map(str::to_string) />
                                {s.lead.map(|lead| view! { <p class="card-lead">{lead}</p> })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}
