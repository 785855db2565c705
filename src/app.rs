//! The App: reads the view state from the URL hash, provides it to the views,
//! and shows either the article list or the reader.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::{article_list::ArticleList, reader::Reader};
use crate::corpus_data::corpus;
use crate::view_state::ViewState;

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

#[component]
pub fn App() -> impl IntoView {
    let view_state = RwSignal::new(ViewState::from_hash(&current_hash()));
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        view_state.set(ViewState::from_hash(&current_hash()));
    });
    on_cleanup(move || listener.remove());
    provide_context(view_state);

    let count = corpus().len();
    view! {
        <a class="skip-link" href="#main-content" on:click=|ev| {
            ev.prevent_default();
            if let Some(main) = document().get_element_by_id("main-content") {
                let _ = main.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }>"Skip to content"</a>
        <header class="site-header">
            <a class="brand" href="#">"Dossier"</a>
            <span class="site-count">{format!("{count} article{}", if count == 1 { "" } else { "s" })}</span>
        </header>
        <main id="main-content" tabindex="-1">
            {move || match view_state.with(|s| s.article.clone()) {
                Some(id) => view! { <Reader id=id /> }.into_any(),
                None => view! { <ArticleList /> }.into_any(),
            }}
        </main>
    }
}
