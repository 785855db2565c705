//! The reading view of one article: title, meta line, and the body blocks as
//! paragraphs, sub-headings and captions. Text is rendered as text, never as HTML.

use dossier_core::{Article, ArticleHighlights, BlockKind, Comment, Entities, EntityCount};
use leptos::html;
use leptos::prelude::*;

use crate::app::use_dossier;
use crate::components::article_meta::ArticleMeta;
use crate::components::highlight::Highlighted;
use crate::components::match_nav::MatchNav;
use crate::corpus_data::corpus;
use crate::view_state::{facet_values, ViewState};

#[component]
pub fn Reader(id: String) -> impl IntoView {
    let dossier = use_dossier();
    let state = dossier.state.get_untracked();
    let back = match state.without_article().to_hash() {
        hash if hash.is_empty() => "#".to_string(),
        hash => hash,
    };
    let back_label = if state.query.trim().is_empty() && !state.has_filters() {
        "← All articles"
    } else {
        "← Back to results"
    };
    let found = corpus()
        .find(&id)
        .and_then(|i| Some((i, corpus().article(i)?)));
    match found {
        Some((index, article)) => {
            let marks = corpus().highlights(index, &state.query);
            view! { <ArticleView index article marks back back_label /> }.into_any()
        }
        None => view! {
            <section class="reader not-found">
                <h1>"Article not found"</h1>
                <p>"This dossier has no article with the id “" {id} "”. It may have been removed from the seeds."</p>
                <p><a href=back>"Back to all articles"</a></p>
            </section>
        }
        .into_any(),
    }
}

#[component]
fn ArticleView(
    index: usize,
    article: Article,
    marks: Option<ArticleHighlights>,
    back: String,
    back_label: &'static str,
) -> impl IntoView {
    let heading = NodeRef::<html::H1>::new();
    // Move focus to the title so keyboard and screen reader users start reading there.
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    document().set_title(&format!("{} — Dossier", article.title));
    on_cleanup(|| document().set_title("Dossier"));
    let marks = marks.unwrap_or_default();
    // The highlighter's ranges are sorted and disjoint: one <mark> each.
    let total = marks.title.len() + marks.blocks.iter().map(Vec::len).sum::<usize>();
    let mut block_marks = marks.blocks.into_iter();

    view! {
        <article class="reader">
            <nav class="reader-nav" aria-label="Article"><a href=back>{back_label}</a></nav>
            <h1 class="reader-title" tabindex="-1" node_ref=heading>
                <Highlighted text=article.title.clone() ranges=marks.title />
            </h1>
            {article.byline.clone().map(|b| view! { <p class="byline">{b}</p> })}
            <ArticleMeta
                date=article.date
                outlet=article.outlet.clone()
                reading_minutes=article.reading_minutes()
            />
            <MatchNav total />
            <div class="reader-body">
                {article
                    .blocks
                    .into_iter()
                    .map(|block| {
                        let ranges = block_marks.next().unwrap_or_default();
                        let text = view! { <Highlighted text=block.text ranges /> };
                        match block.kind {
                            BlockKind::Paragraph => view! { <p>{text}</p> }.into_any(),
                            BlockKind::Heading => view! { <h2>{text}</h2> }.into_any(),
                            BlockKind::Caption => view! { <p class="caption">{text}</p> }.into_any(),
                        }
                    })
                    .collect_view()}
            </div>
            <Comments comments=article.comments />
            <Named entities=article.entities />
            <Related index />
        </article>
    }
}

/// The people, places and organisations the article names, each a link that
/// lists every article naming it.
#[component]
fn Named(entities: Entities) -> impl IntoView {
    let groups = [
        ("People", "person", entities.people),
        ("Places", "place", entities.places),
        ("Organisations", "org", entities.organizations),
    ];
    if groups.iter().all(|(_, _, list)| list.is_empty()) {
        return None;
    }
    Some(view! {
        <section class="named" aria-labelledby="named-heading">
            <h2 id="named-heading">"Named in this article"</h2>
            {groups
                .into_iter()
                .filter(|(_, _, list)| !list.is_empty())
                .map(|(label, key, list)| view! {
                    <div class="named-group">
                        <h3>{label}</h3>
                        <ul class="chips">
                            {list.into_iter().map(|e| entity_chip(key, e)).collect_view()}
                        </ul>
                    </div>
                })
                .collect_view()}
        </section>
    })
}

fn entity_chip(key: &'static str, entity: EntityCount) -> impl IntoView {
    let mut filter = ViewState::default();
    if let Some(values) = facet_values(&mut filter.filters, key) {
        values.push(entity.name.clone());
    }
    let mentions = match entity.count {
        1 => "1 mention".to_string(),
        n => format!("{n} mentions"),
    };
    let title = format!("Articles naming {} ({mentions} here)", entity.name);
    view! {
        <li>
            <a class="chip" href=filter.to_hash() title=title>
                {entity.name}
            </a>
        </li>
    }
}

/// Up to three articles sharing the most vocabulary with this one.
#[component]
fn Related(index: usize) -> impl IntoView {
    let dossier = use_dossier();
    let related = corpus().related(index);
    if related.is_empty() {
        return None;
    }
    let state = dossier.state.get_untracked();
    Some(view! {
        <section class="related" aria-labelledby="related-heading">
            <h2 id="related-heading">"Related articles"</h2>
            <ul>
                {related
                    .into_iter()
                    .filter_map(|i| corpus().summary(i))
                    .map(|s| view! {
                        <li>
                            <a href=state.with_article(s.id).to_hash()>{s.title}</a>
                            <ArticleMeta date=s.date outlet=s.outlet.map(str::to_string) />
                        </li>
                    })
                    .collect_view()}
            </ul>
        </section>
    })
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
