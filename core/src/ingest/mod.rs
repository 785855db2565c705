//! Raw scraped text → `Article`. A first version: the date header, a headline
//! line or the first sentence as title, one block per line.

use crate::article::{Article, Block, BlockKind, Date, DateSource, Entities, TitleSource};

/// Longest derived title, in characters, before it is cut at a word boundary.
const MAX_DERIVED_TITLE: usize = 120;

pub fn ingest(id: &str, file: &str, text: &str) -> Article {
    let mut date = None;
    let mut lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if let Some(first) = lines.first_mut() {
        if let Some(rest) = first.strip_prefix("date ") {
            if let Some(d) = rest.get(..10).and_then(Date::parse_iso) {
                date = Some((d, DateSource::Header));
                *first = rest[10..].trim();
            }
        }
    }
    lines.retain(|l| !l.is_empty());
    let headline = lines
        .first()
        .filter(|l| !ends_sentence(l))
        .map(|l| l.to_string());
    let mut blocks = Vec::new();
    for line in &lines {
        if Some(*line) == headline.as_deref() {
            continue;
        }
        let kind = if ends_sentence(line) || line.split_whitespace().count() > 8 {
            BlockKind::Paragraph
        } else {
            BlockKind::Heading
        };
        blocks.push(Block {
            kind,
            text: line.to_string(),
        });
    }
    let (title, title_source) = match headline {
        Some(h) => (h, TitleSource::Headline),
        None => (
            derive_title(blocks.first().map(|b| b.text.as_str()).unwrap_or("")),
            TitleSource::FirstSentence,
        ),
    };
    let words = blocks
        .iter()
        .map(|b| b.text.split_whitespace().count() as u32)
        .sum();
    Article {
        id: id.to_string(),
        file: file.to_string(),
        title,
        title_source,
        date: date.map(|d| d.0),
        date_source: date.map(|d| d.1),
        outlet: None,
        byline: None,
        blocks,
        comments: Vec::new(),
        entities: Entities::default(),
        words,
    }
}

fn ends_sentence(line: &str) -> bool {
    line.ends_with(['.', '!', '?', '"', '”', '’', ')'])
}

/// The first sentence, cut at a word boundary to at most `MAX_DERIVED_TITLE` characters.
fn derive_title(text: &str) -> String {
    let sentence = text.split_inclusive(". ").next().unwrap_or(text).trim();
    if sentence.chars().count() <= MAX_DERIVED_TITLE {
        return sentence.to_string();
    }
    let mut out = String::new();
    for word in sentence.split_whitespace() {
        if out.chars().count() + word.chars().count() + 2 > MAX_DERIVED_TITLE {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.push('…');
    out
}
