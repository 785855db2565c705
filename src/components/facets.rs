//! Facet filters: outlet, year, people, places, organisations, each value with
//! the count of articles selecting it would give. Values of one facet combine
//! with OR, facets with AND (the engine decides; this only renders).

use dossier_core::FacetCount;
use leptos::prelude::*;

use crate::app::{use_dossier, History};
use crate::view_state::{facet_lists, facet_values, ViewState};

/// Values shown per facet before "Show more".
const SHOWN: usize = 8;

#[component]
pub fn FacetPanel() -> impl IntoView {
    let dossier = use_dossier();
    let clear = move |_| {
        let s = dossier.state.get_untracked();
        let next = ViewState {
            filters: Default::default(),
            ..s
        };
        dossier.navigate(next, History::Push);
    };
    // On narrow screens the panel folds away behind a button so results come first.
    let open = RwSignal::new(false);
    let active = move || dossier.state.with(|s| selected_count(&s.filters));
    view! {
        <aside class="facets" class:open=move || open.get() aria-labelledby="facets-heading">
            <button
                type="button"
                class="facets-toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls="facet-lists"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {move || match active() {
                    0 => "Filters".to_string(),
                    n => format!("Filters ({n})"),
                }}
            </button>
            <div class="facets-head">
                <h2 id="facets-heading">"Filters"</h2>
                <Show when=move || dossier.state.with(|s| s.has_filters())>
                    <button type="button" class="link-button" on:click=clear>"Clear all"</button>
                </Show>
            </div>
            <div id="facet-lists" class="facet-lists">
            <Facet key="outlet" label="Outlet" pick=|f| f.outlet.clone() />
            <Facet key="year" label="Year" pick=|f| f.year.clone() />
            <Facet key="person" label="People" pick=|f| f.person.clone() />
            <Facet key="place" label="Places" pick=|f| f.place.clone() />
            <Facet key="org" label="Organisations" pick=|f| f.organization.clone() />
            </div>
        </aside>
    }
}

#[component]
fn Facet(
    key: &'static str,
    label: &'static str,
    pick: fn(&dossier_core::Facets<'static>) -> Vec<FacetCount<'static>>,
) -> impl IntoView {
    let dossier = use_dossier();
    let expanded = RwSignal::new(false);
    let values = Memo::new(move |_| dossier.results.with(|r| pick(&r.facets)));
    let toggle = move |value: String, on: bool| {
        let mut next = dossier.state.get_untracked().without_article();
        if let Some(list) = facet_values(&mut next.filters, key) {
            list.retain(|v| *v != value);
            if on {
                list.push(value);
            }
        }
        dossier.navigate(next, History::Push);
    };
    view! {
        <Show when=move || values.with(|v| !v.is_empty())>
            <fieldset class="facet">
                <legend>{label}</legend>
                <ul>
                    {move || {
                        let all = values.get();
                        let more = all.len() > SHOWN;
                        let shown = if expanded.get() { all.len() } else { SHOWN.min(all.len()) };
                        let items = all
                            .into_iter()
                            .take(shown)
                            .map(|fc| {
                                let value = fc.value.to_string();
                                view! {
                                    <li>
                                        <label class="facet-value">
                                            <input
                                                type="checkbox"
                                                prop:checked=fc.selected
                                                on:change=move |ev| toggle(value.clone(), event_target_checked(&ev))
                                            />
                                            <span class="facet-name">{fc.value}</span>
                                            <span class="facet-count" aria-label=format!("{} articles", fc.count)>{fc.count}</span>
                                        </label>
                                    </li>
                                }
                            })
                            .collect_view();
                        view! {
                            {items}
                            {more.then(|| view! {
                                <li>
                                    <button type="button" class="link-button" aria-expanded=move || expanded.get().to_string()
                                        on:click=move |_| expanded.update(|e| *e = !*e)>
                                        {move || if expanded.get() { "Show fewer" } else { "Show more" }}
                                    </button>
                                </li>
                            })}
                        }
                    }}
                </ul>
            </fieldset>
        </Show>
    }
}

/// How many facet values are selected in all.
fn selected_count(filters: &dossier_core::Filters) -> usize {
    facet_lists(filters).iter().map(|(_, v)| v.len()).sum()
}
