//! The line under a title: date (or "Date unknown"), outlet, reading time.

use dossier_core::Article;
use leptos::prelude::*;

/// "14 November 2016" or "Date unknown".
pub fn date_label(article: &Article) -> String {
    article
        .date
        .map(|d| d.to_long_string())
        .unwrap_or_else(|| "Date unknown".to_string())
}

#[component]
pub fn ArticleMeta(article: &'static Article) -> impl IntoView {
    let datetime = article.date.map(|d| d.to_string());
    view! {
        <p class="article-meta">
            <time datetime=datetime>{date_label(article)}</time>
            {article.outlet.as_deref().map(|o| view! { <span class="outlet">{o}</span> })}
            <span class="reading-time">{format!("{} min read", article.reading_minutes())}</span>
        </p>
    }
}
