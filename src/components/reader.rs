//! The reading view of one article: title, meta line, and the body blocks as
//! paragraphs, sub-headings and captions. Text is rendered as text, never as HTML.

use dossier_core::{Article, BlockKind, Comment};
use leptos::html;
use leptos::prelude::*;

use crate::components::article_meta::ArticleMeta;
use crate::corpus_data::corpus;

#[component]
pub fn Reader(id: String) -> impl IntoView {
    match corpus().find(&id).and_then(|i| corpus().article(i)) {
        Some(article) => view! { <ArticleView article=article /> }.into_any(),
        None => view! {
            <section class="reader not-found">
                <h1>"Article not found"</h1>
                <p>"This dossier has no article with the id “" {id} "”. It may have been removed from the seeds."</p>
                <p><a href="#">"Back to all articles"</a></p>
            </section>
        }
        .into_any(),
    }
}

#[component]
fn ArticleView(article: Article) -> impl IntoView {
    let heading = NodeRef::<html::H1>::new();
    // Move focus to the title so keyboard and screen reader users start reading there.
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    document().set_title(&format!("{} — Dossier", article.title));
    on_cleanup(|| document().set_title("Dossier"));

    view! {
        <article class="reader">
            <nav class="reader-nav" aria-label="Article"><a href="#">"← All articles"</a></nav>
            <h1 class="reader-title" tabindex="-1" node_ref=heading>{article.title.clone()}</h1>
            {article.byline.clone().map(|b| view! { <p class="byline">{b}</p> })}
            <ArticleMeta
                date=article.date
                outlet=article.outlet.clone()
                reading_minutes=article.reading_minutes()
            />
            <div class="reader-body">
                {article
                    .blocks
                    .into_iter()
                    .map(|block| match block.kind {
                        BlockKind::Paragraph => view! { <p>{block.text}</p> }.into_any(),
                        BlockKind::Heading => view! { <h2>{block.text}</h2> }.into_any(),
                        BlockKind::Caption => view! { <p class="caption">{block.text}</p> }.into_any(),
                    })
                    .collect_view()}
            </div>
            <Comments comments=article.comments />
        </article>
    }
}

/// Reader comments, collapsed by default and marked as comments, so they are
/// never mistaken for the report.
#[component]
fn Comments(comments: Vec<Comment>) -> impl IntoView {
    if comments.is_empty() {
        return None;
    }
    let label = match comments.len() {
        1 => "1 reader comment".to_string(),
        n => format!("{n} reader comments"),
    };
    Some(view! {
        <details class="comments">
            <summary>{label}</summary>
            <p class="comments-note">"Comments by readers of the original page, not part of the article."</p>
            <ol class="comment-list" aria-label="Reader comments">
                {comments
                    .into_iter()
                    .map(|c| view! {
                        <li class="comment">
                            <p class="comment-author">{c.author.unwrap_or_else(|| "Anonymous reader".to_string())}</p>
                            <p class="comment-text">{c.text}</p>
                        </li>
                    })
                    .collect_view()}
            </ol>
        </details>
    })
}
