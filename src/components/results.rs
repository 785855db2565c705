//! The result list: a count announced to screen readers, then each hit with
//! its title and snippet highlighted, linking to the reader with the search kept.

use leptos::prelude::*;

use crate::app::use_dossier;
use crate::components::article_meta::ArticleMeta;
use crate::components::highlight::Highlighted;

#[component]
pub fn ResultList() -> impl IntoView {
    let dossier = use_dossier();
    let status = move || {
        dossier.results.with(|r| {
            let query = dossier.state.with(|s| s.query.trim().to_string());
            match (r.total, query.is_empty()) {
                (0, true) => "No articles match these filters.".to_string(),
                (0, false) => format!("No articles match “{query}”."),
                (1, _) => "1 article".to_string(),
                (n, _) => format!("{n} articles"),
            }
        })
    };
    view! {
        <section class="results" aria-labelledby="results-heading">
            <h1 id="results-heading" class="visually-hidden">"Results"</h1>
            <p class="result-count" role="status" aria-live="polite">{status}</p>
            <Show when=move || dossier.results.with(|r| r.fallback)>
                <p class="fallback-note">"No article has all of these words; these are the closest matches."</p>
            </Show>
            <ol class="cards" aria-label="Articles">
                {move || {
                    let state = dossier.state.get();
                    dossier
                        .results
                        .get()
                        .hits
                        .into_iter()
                        .map(|hit| {
                            let href = state.with_article(hit.id).to_hash();
                            view! {
                                <li class="card">
                                    <h2 class="card-title">
                                        <a href=href><Highlighted text=hit.title ranges=hit.title_highlights /></a>
                                    </h2>
                                    <ArticleMeta date=hit.date outlet=hit.outlet.map(str::to_string) />
                                    <p class="card-lead"><Highlighted text=hit.snippet ranges=hit.highlights /></p>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
        </section>
    }
}
