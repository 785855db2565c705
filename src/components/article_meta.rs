//! The line under a title: date (or "Date unknown"), outlet, reading time.

use dossier_core::Date;
use leptos::prelude::*;

/// "14 November 2016" or "Date unknown".
pub fn date_label(date: Option<Date>) -> String {
    date.map(|d| d.to_long_string())
        .unwrap_or_else(|| "Date unknown".to_string())
}

#[component]
pub fn ArticleMeta(
    date: Option<Date>,
    outlet: Option<String>,
    #[prop(optional)] reading_minutes: Option<u32>,
) -> impl IntoView {
    view! {
        <p class="article-meta">
            <time datetime=date.map(|d| d.to_string())>{date_label(date)}</time>
            {outlet.map(|o| view! { <span class="outlet">{o}</span> })}
            {reading_minutes.map(|m| view! { <span class="reading-time">{format!("{m} min read")}</span> })}
        </p>
    }
}
