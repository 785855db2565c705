//! The reading view of one article: title, meta line, and the body blocks as
//! paragraphs, sub-headings and captions; reader comments folded away; the
//! people, places and organisations named; related articles. It never
//! changes once shown, so it is built as plain DOM (crate::dom), text as text.

use dossier_core::{Article, ArticleHighlights, BlockKind, DateSource, EntityCount};
use leptos::html;
use leptos::prelude::*;
use web_sys::Element;

use crate::app::{use_dossier, Dossier};
use crate::components::article_meta::meta;
use crate::components::match_nav;
use crate::corpus_data::corpus;
use crate::dom::{add, add_text, attr, highlighted, link};
use crate::view_state::{facet_values, ViewState};

#[component]
pub fn Reader(id: String) -> impl IntoView {
    let dossier = use_dossier();
    let holder = NodeRef::<html::Article>::new();
    holder.on_load(move |reader| {
        let reader: &Element = &reader;
        // Leptos keeps the element when one article replaces another: empty it.
        reader.set_text_content(None);
        let state = dossier.state.get_untracked();
        let found = corpus()
            .find(&id)
            .and_then(|i| Some((i, corpus().article(i)?)));
        let Some((index, article)) = found else {
            not_found(reader, &state, &id);
            return;
        };
        let marks = corpus().highlights(index, &state.query).unwrap_or_default();
        if dossier.frame.with_value(|f| f.page) {
            document().set_title(&format!("{} — Dossier", article.title));
            on_cleanup(|| document().set_title("Dossier"));
        }
        fill(dossier, reader, &state, index, article, marks);
        // Focus the title so keyboard and screen reader users start reading there.
        if let Some(title) = dossier.frame.with_value(|f| f.find(".reader-title")) {
            let _ = title.focus();
        }
    });
    view! { <article class="reader" node_ref=holder></article> }
}

/// The list this article was opened from, as a link target.
fn back_hash(state: &ViewState) -> String {
    match state.without_article().to_hash() {
        hash if hash.is_empty() => "#".to_string(),
        hash => hash,
    }
}

/// The way back to the list this article was opened from.
fn back_link(reader: &Element, state: &ViewState) {
    let back = back_hash(state);
    let label = if state.query.trim().is_empty() && !state.has_filters() {
        "← All articles"
    } else {
        "← Back to results"
    };
    let nav = add(reader, "nav", "reader-nav");
    attr(&nav, "aria-label", "Article");
    link(&nav, "", &back, label);
}

fn not_found(reader: &Element, state: &ViewState, id: &str) {
    add_text(reader, "h1", "reader-title", "Article not found");
    add_text(
        reader,
        "p",
        "",
        &format!("This dossier has no article with the id “{id}”. It may have been removed from the seeds."),
    );
    link(
        &add(reader, "p", ""),
        "",
        &back_hash(state),
        "Back to all articles",
    );
}

fn fill(
    dossier: Dossier,
    reader: &Element,
    state: &ViewState,
    index: usize,
    article: Article,
    marks: ArticleHighlights,
) {
    back_link(reader, state);
    let title = add(reader, "h1", "reader-title");
    attr(&title, "tabindex", "-1");
    let mut total = highlighted(&title, &article.title, &marks.title);
    if let Some(byline) = &article.byline {
        add_text(reader, "p", "byline", byline);
    }
    let provenance = match (article.date, article.date_source) {
        (None, _) => None,
        (_, Some(DateSource::Dateline)) => Some("date from the text"),
        (_, Some(DateSource::Header)) => Some("date from the file"),
        (_, Some(DateSource::Catalog)) => Some("date from the catalog"),
        (_, None) => None,
    };
    meta(
        reader,
        article.date,
        provenance,
        article.outlet.as_deref(),
        Some(article.reading_minutes()),
    );
    source(reader, &article);
    let nav = add(reader, "div", "match-nav");
    let body = add(reader, "div", "reader-body");
    let mut block_marks = marks.blocks.iter();
    for block in &article.blocks {
        let (tag, class) = match block.kind {
            BlockKind::Paragraph => ("p", ""),
            BlockKind::Heading => ("h2", ""),
            BlockKind::Caption => ("p", "caption"),
        };
        let ranges = block_marks.next().map_or(&[][..], Vec::as_slice);
        total += highlighted(&add(&body, tag, class), &block.text, ranges);
    }
    total += comments(reader, &article, &marks);
    match_nav::attach(dossier, &nav, total);
    // Below the fold: drawn once the article has painted, so that opening it
    // fits in a frame. Another article empties the reader first, which
    // disconnects `rest`, and then this drawing is skipped.
    let rest = add(reader, "div", "");
    let (state, entities) = (state.clone(), article.entities);
    request_animation_frame(move || {
        set_timeout(
            move || {
                if rest.is_connected() {
                    named(
                        &rest,
                        entities.people,
                        entities.places,
                        entities.organizations,
                    );
                    related(&rest, &state, index);
                }
            },
            std::time::Duration::ZERO,
        )
    });
}

/// Where the article came from and how the curator tagged it, when the
/// catalog says (its url is checked at build time to be http or https).
fn source(reader: &Element, article: &Article) {
    if article.url.is_none() && article.tags.is_empty() {
        return;
    }
    let p = add(reader, "p", "article-source");
    if let Some(url) = &article.url {
        let a = link(&p, "", url, "Original article");
        attr(&a, "rel", "noopener noreferrer");
    }
    if !article.tags.is_empty() {
        add_text(
            &p,
            "span",
            "",
            &format!("Tags: {}", article.tags.join(", ")),
        );
    }
}

/// A section headed `heading` (an `h2` with id `key-heading`).
fn section(parent: &Element, key: &str, heading: &str) -> Element {
    let s = add(parent, "section", key);
    let id = format!("{key}-heading");
    attr(&s, "aria-labelledby", &id);
    attr(&add_text(&s, "h2", "", heading), "id", &id);
    s
}

/// Reader comments, collapsed by default and marked as comments, so they are
/// never mistaken for the report. Returns how many matches it marked.
fn comments(reader: &Element, article: &Article, marks: &ArticleHighlights) -> usize {
    let n = article.comments.len();
    if n == 0 {
        return 0;
    }
    let details = add(reader, "details", "comments");
    add_text(
        &details,
        "summary",
        "",
        &if n == 1 {
            "1 reader comment".to_string()
        } else {
            format!("{n} reader comments")
        },
    );
    add_text(
        &details,
        "p",
        "comments-note",
        "Comments by readers of the original page, not part of the article.",
    );
    let list = add(&details, "ol", "comment-list");
    attr(&list, "aria-label", "Reader comments");
    let mut total = 0;
    for (i, c) in article.comments.iter().enumerate() {
        let li = add(&list, "li", "comment");
        add_text(
            &li,
            "p",
            "comment-author",
            c.author.as_deref().unwrap_or("Anonymous reader"),
        );
        let ranges = marks.comments.get(i).map_or(&[][..], Vec::as_slice);
        total += highlighted(&add(&li, "p", "comment-text"), &c.text, ranges);
    }
    total
}

/// The people, places and organisations the article names, each a link that
/// lists every article naming it.
fn named(
    reader: &Element,
    people: Vec<EntityCount>,
    places: Vec<EntityCount>,
    orgs: Vec<EntityCount>,
) {
    let groups = [
        ("People", "person", people),
        ("Places", "place", places),
        ("Organisations", "org", orgs),
    ];
    if groups.iter().all(|(_, _, list)| list.is_empty()) {
        return;
    }
    let s = section(reader, "named", "Named in this article");
    for (label, key, list) in groups.into_iter().filter(|(_, _, list)| !list.is_empty()) {
        let group = add(&s, "div", "named-group");
        add_text(&group, "h3", "", label);
        let chips = add(&group, "ul", "chips");
        for entity in list {
            let mut filter = ViewState::default();
            if let Some(values) = facet_values(&mut filter.filters, key) {
                values.push(entity.name.clone());
            }
            let mentions = match entity.count {
                1 => "1 mention".to_string(),
                n => format!("{n} mentions"),
            };
            let chip = link(
                &add(&chips, "li", ""),
                "chip",
                &filter.to_hash(),
                &entity.name,
            );
            attr(
                &chip,
                "title",
                &format!("Articles naming {} ({mentions} here)", entity.name),
            );
        }
    }
}

/// Up to three articles sharing the most vocabulary with this one.
fn related(reader: &Element, state: &ViewState, index: usize) {
    let related = corpus().related(index);
    if related.is_empty() {
        return;
    }
    let list = add(&section(reader, "related", "Related articles"), "ul", "");
    for s in related.into_iter().filter_map(|i| corpus().summary(i)) {
        let li = add(&list, "li", "");
        link(&li, "", &state.with_article(s.id).to_hash(), s.title);
        meta(&li, s.date, None, s.outlet, None);
    }
}
