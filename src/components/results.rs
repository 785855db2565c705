//! The result list: a count announced to screen readers, the sort order, then
//! each hit with its title and snippet highlighted, linking to the reader with
//! the search kept. The open article's link is marked as the current one.

use dossier_core::{Hit, Sort};
use leptos::html;
use leptos::prelude::*;

use crate::app::{use_dossier, History};
use crate::components::article_meta;
use crate::components::highlight::Highlighted;
use crate::corpus_data::corpus;
use crate::dom::el;
use crate::view_state::ViewState;

#[component]
pub fn ResultList() -> impl IntoView {
    let dossier = use_dossier();
    let status = move || {
        dossier.results.with(|r| {
            let query = dossier.listing.with(|s| s.query.trim().to_string());
            match (r.total, query.is_empty()) {
                (0, true) => "No articles match these filters.".to_string(),
                (0, false) => format!("No articles match “{query}”."),
                (1, _) => "1 article".to_string(),
                (n, _) => format!("{n} articles"),
            }
        })
    };
    // Partial matches say so; nothing found offers a search the engine knows
    // finds something (a correction, or the words that match). Plain DOM
    // writes from an effect: cheaper in wasm than a reactive view.
    Effect::new(move |_| {
        let s = dossier.listing.get();
        let (total, fallback) = dossier.results.with(|r| (r.total, r.fallback));
        let Some(note) = dossier.frame.with_value(|f| f.find("#search-note")) else {
            return;
        };
        let fix = (total == 0 && !s.query.trim().is_empty())
            .then(|| corpus().suggest(&s.to_request(0)))
            .flatten();
        let text = match (fallback, &fix) {
            (true, _) => "No article has all of these words; these are the closest matches.",
            (_, Some(_)) => "Some words match no article. ",
            _ => "",
        };
        note.set_text_content(Some(text));
        let _ = note.toggle_attribute_with_force("hidden", text.is_empty());
        if let Some(q) = fix {
            let href = ViewState {
                query: q.clone(),
                ..s
            }
            .to_hash();
            el(
                &note,
                "a",
                &[("href", &href)],
                &format!("Search for “{q}” instead"),
            );
        }
    });
    let reading = Memo::new(move |_| dossier.state.with(|s| s.article.clone()));
    let rest_for = RwSignal::new(None::<ViewState>);
    view! {
        <section class="results" aria-labelledby="results-heading">
            <h1 id="results-heading" class="visually-hidden">"Results"</h1>
            <div class="results-bar">
                <p class="result-count" role="status" aria-live="polite">{status}</p>
                <SortSelect />
            </div>
            <p id="search-note" class="fallback-note" hidden></p>
            <ol class="cards" aria-label="Articles">
                {move || cards(dossier.listing.get(), reading, dossier.results.with(|r| r.hits[..r.hits.len().min(FIRST_CARDS)].to_vec()))}
                {move || {
                    // The rest of the page is drawn once the first cards have
                    // painted, for the results then showing: a keystroke's
                    // work is the screenful the reader sees.
                    let listing = dossier.listing.get();
                    if rest_for.with(|r| r.as_ref() != Some(&listing)) {
                        request_animation_frame(move || {
                            set_timeout(
                                move || rest_for.set(Some(listing)),
                                std::time::Duration::ZERO,
                            )
                        });
                        return None;
                    }
                    let hits = dossier.results.with_untracked(|r| r.hits.get(FIRST_CARDS..).unwrap_or_default().to_vec());
                    Some(cards(listing, reading, hits))
                }}
            </ol>
        </section>
    }
}

/// Cards drawn before the first paint of new results: more than a tall
/// window shows.
const FIRST_CARDS: usize = 12;

/// One card per hit: its title and snippet highlighted, linking to the
/// reader with the search kept; the open article's link marked current.
fn cards(
    listing: ViewState,
    reading: Memo<Option<String>>,
    hits: Vec<Hit<'static>>,
) -> impl IntoView {
    hits.into_iter()
        .map(|hit| {
            let href = listing.with_article(hit.id).to_hash();
            let id = hit.id;
            let current = move || reading.with(|r| r.as_deref() == Some(id)).then_some("page");
            let meta = NodeRef::<html::P>::new();
            meta.on_load(move |p| article_meta::fill(&p, hit.date, None, hit.outlet, None));
            view! {
                <li class="card">
                    <h2 class="card-title">
                        <a href=href aria-current=current><Highlighted text=hit.title ranges=hit.title_highlights /></a>
                    </h2>
                    <p class="article-meta" node_ref=meta></p>
                    <p class="card-lead"><Highlighted text=hit.snippet ranges=hit.highlights /></p>
                </li>
            }
        })
        .collect_view()
}

/// Relevance, newest or oldest first; each choice is a history entry.
#[component]
fn SortSelect() -> impl IntoView {
    let dossier = use_dossier();
    let value = move || match dossier.listing.with(|s| s.sort) {
        Sort::Relevance => "relevance",
        Sort::Newest => "newest",
        Sort::Oldest => "oldest",
    };
    let change = move |ev| {
        let sort = match event_target_value(&ev).as_str() {
            "newest" => Sort::Newest,
            "oldest" => Sort::Oldest,
            _ => Sort::Relevance,
        };
        let next = ViewState {
            sort,
            ..dossier.state.get_untracked()
        };
        dossier.navigate(next, History::Push);
    };
    view! {
        <div class="sort">
            <label for="sort-select">"Sort"</label>
            <select id="sort-select" prop:value=value on:change=change>
                <option value="relevance">"Relevance"</option>
                <option value="newest">"Newest first"</option>
                <option value="oldest">"Oldest first"</option>
            </select>
        </div>
    }
}
