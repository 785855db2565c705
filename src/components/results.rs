//! The result list: a count announced to screen readers, the sort order, then
//! each hit with its title and snippet highlighted, linking to the reader with
//! the search kept. The open article's link is marked as the current one.

use dossier_core::{Hit, Sort};
use leptos::html;
use leptos::prelude::*;

use crate::app::{use_dossier, History};
use crate::components::article_meta;
use crate::components::highlight::marked;
use crate::corpus_data::corpus;
use crate::dom::el;
use crate::patch::El;
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
    let list = NodeRef::<html::Ol>::new();
    // Cards are patched in place: a keystroke rewrites their text, it does
    // not build the list anew.
    Effect::new(move |drawn: Option<(El, ViewState, usize)>| {
        let listing = dossier.listing.get();
        let Some(ol) = list.get() else {
            return (El::root(), listing, usize::MAX);
        };
        // The rest of the page is searched for and drawn once the first
        // cards have painted and the typing has paused, for the results
        // then showing: a keystroke's work is the screenful the reader sees.
        // The filter panel waits for the same moment.
        let shown = dossier.results.with(|r| r.hits.len());
        let whole = dossier.whole_page.with(|w| w.as_ref() == Some(&listing));
        if !whole {
            let then = listing.clone();
            request_animation_frame(move || {
                set_timeout(
                    move || {
                        // A mounted instance may be destroyed by then, its
                        // signals with it: `try_` finds them gone.
                        if dossier.listing.try_with_untracked(|l| *l == then) == Some(true) {
                            dossier.whole_page.try_set(Some(then));
                        }
                    },
                    REST_AFTER,
                )
            });
        }
        let open = reading.get();
        let is_open = |id: &str| open.as_deref() == Some(id);
        match drawn {
            // Only the open article changed: its card is marked, nothing redrawn.
            Some((mut tree, was, n)) if was == listing && n == shown => {
                dossier.results.with_untracked(|r| {
                    for (card, hit) in tree.kids_mut().zip(&r.hits) {
                        if let Some(link) =
                            card.kids_mut().next().and_then(|h2| h2.kids_mut().next())
                        {
                            link.set("aria-current", is_open(hit.id).then_some("page"));
                        }
                    }
                });
                (tree, listing, shown)
            }
            drawn => {
                let drawn = drawn.map_or_else(El::root, |d| d.0);
                let mut tree = El::root();
                dossier.results.with_untracked(|r| {
                    for hit in &r.hits {
                        card(&mut tree, &listing, hit, is_open(hit.id));
                    }
                });
                tree.patch_into(&ol, drawn);
                (tree, listing, shown)
            }
        }
    });
    view! {
        <section class="results" aria-labelledby="results-heading">
            <h1 id="results-heading" class="visually-hidden">"Results"</h1>
            <div class="results-bar">
                <p class="result-count" role="status" aria-live="polite">{status}</p>
                <SortSelect />
            </div>
            <p id="search-note" class="fallback-note" hidden></p>
            <ol class="cards" aria-label="Articles" node_ref=list></ol>
        </section>
    }
}

/// How long the typing pauses before the cards below the first are drawn.
const REST_AFTER: std::time::Duration = std::time::Duration::from_millis(120);

/// A hit's card: its title and snippet highlighted, linking to the reader
/// with the search kept; the open article's link marked current.
fn card(list: &mut El, listing: &ViewState, hit: &Hit<'_>, open: bool) {
    let li = list.el("li", &[("class", "card")], "");
    let href = listing.with_article(hit.id).to_hash();
    let attrs = [("href", href.as_str()), ("aria-current", "page")];
    let title = li.el("h2", &[("class", "card-title")], "");
    marked(
        title.el("a", &attrs[..if open { 2 } else { 1 }], ""),
        hit.title,
        &hit.title_highlights,
    );
    article_meta::line(li, hit.date, None, hit.outlet, None);
    marked(
        li.el("p", &[("class", "card-lead")], ""),
        &hit.snippet,
        &hit.highlights,
    );
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
