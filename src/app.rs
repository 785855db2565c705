//! The App: the view state (mirrored in the URL hash), the search results
//! derived from it, and the page frame: the search, the filters and the
//! results, and the reader beside them (or instead of them on narrow screens).

use dossier_core::Results;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::{
    facets::FacetPanel, reader::Reader, results::ResultList, search_box::SearchBox,
};
use crate::corpus_data::corpus;
use crate::view_state::ViewState;

/// Hits shown per page of results.
pub const PAGE_SIZE: usize = 50;

/// How a view change enters the browser history.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum History {
    /// A new entry: Back returns to the previous view.
    Push,
    /// Replaces the current entry: typing does not add one entry per key.
    Replace,
}

/// The state every view reads: where the reader is and what it finds.
#[derive(Clone, Copy)]
pub struct Dossier {
    pub state: RwSignal<ViewState>,
    /// The state without the open article: the search the result list shows.
    /// Opening an article or stepping through matches does not change it.
    pub listing: Memo<ViewState>,
    pub results: Memo<Results<'static>>,
}

impl Dossier {
    /// Shows `next` and records it in the URL.
    pub fn navigate(&self, next: ViewState, history: History) {
        if self.state.with_untracked(|s| *s == next) {
            return;
        }
        let url = match next.to_hash() {
            hash if hash.is_empty() => {
                let loc = window().location();
                format!(
                    "{}{}",
                    loc.pathname().unwrap_or_default(),
                    loc.search().unwrap_or_default()
                )
            }
            hash => hash,
        };
        if let Ok(h) = window().history() {
            let _ = match history {
                History::Push => {
                    h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
                }
                History::Replace => {
                    h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
                }
            };
        }
        self.state.set(next);
    }
}

pub fn use_dossier() -> Dossier {
    expect_context::<Dossier>()
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

#[component]
pub fn App() -> impl IntoView {
    let state = RwSignal::new(ViewState::from_hash(&current_hash()));
    // Back, forward, followed links and edited URLs all arrive as hashchange.
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        state.set(ViewState::from_hash(&current_hash()));
    });
    on_cleanup(move || listener.remove());
    let listing = Memo::new(move |_| state.with(ViewState::without_article));
    let results = Memo::new(move |_| listing.with(|s| corpus().search(&s.to_request(PAGE_SIZE))));
    let dossier = Dossier {
        state,
        listing,
        results,
    };
    provide_context(dossier);
    crate::components::settings::restore();
    crate::components::shortcuts::listen(dossier);

    // The reader is rebuilt only when another article opens, not on every state change.
    let reading = Memo::new(move |_| state.with(|s| s.article.clone()));
    view! {
        <a class="skip-link" href="#main-content" on:click=|ev| {
            ev.prevent_default();
            if let Some(main) = document().get_element_by_id("main-content") {
                let _ = main.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }>"Skip to content"</a>
        <header class="site-header">
            <a class="brand" href="#">"Dossier"</a>
            <SearchBox />
            <div class="header-tools">
                <button type="button" class="tool-button" popovertarget="reading-settings">"Reading settings"</button>
                <button type="button" class="tool-button" id="shortcuts-button" command="show-modal" commandfor="shortcuts">
                    "Shortcuts"
                </button>
            </div>
        </header>
        <main id="main-content" tabindex="-1">
            <div class="search-layout" class:reading=move || reading.with(Option::is_some)>
                <FacetPanel />
                <ResultList />
                {move || reading.get().map(|id| view! {
                    <section class="reader-pane" aria-label="Reader"><Reader id=id /></section>
                })}
            </div>
        </main>
    }
}
