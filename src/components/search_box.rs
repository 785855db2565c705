//! The search box: every keystroke updates the query (replacing the history
//! entry) and closes the reader, so results follow the typing.

use leptos::prelude::*;

use crate::app::{use_dossier, History};
use crate::view_state::ViewState;

#[component]
pub fn SearchBox() -> impl IntoView {
    let dossier = use_dossier();
    let query = move || dossier.state.with(|s| s.query.clone());
    view! {
        <search class="search-box">
            <label for="search-input" class="visually-hidden">"Search articles"</label>
            <input
                id="search-input"
                type="search"
                placeholder="Search articles"
                autocomplete="off"
                spellcheck="false"
                prop:value=query
                on:input=move |ev| {
                    let q = event_target_value(&ev);
                    let next = ViewState { query: q, ..dossier.state.get_untracked().without_article() };
                    dossier.navigate(next, History::Replace);
                }
            />
        </search>
    }
}
