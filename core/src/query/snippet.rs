//! Highlighting and snippets: where the matched terms stand in a text, and
//! the best window of about `SNIPPET_WORDS` words to show in a result list.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: the term set is probed once per word of every snippet, and the
/// standard SipHash (DoS-resistant, not needed here) was a tenth of the time.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf29ce484222325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ b as u64).wrapping_mul(0x100000001b3);
        }
        self.0 = h;
    }
}

type TermMap = HashMap<String, u16, BuildHasherDefault<Fnv>>;

use super::ranking::SNIPPET_WORDS;
use crate::analysis::{for_each_token, TokenKind};
use crate::article::BlockKind;
use crate::corpus::ArticleView;

/// Char ranges `[start, end)` into a text.
pub type Ranges = Vec<(usize, usize)>;

/// The dictionary terms a query matched, to find again in any text.
#[derive(Debug, Clone, Default)]
pub struct Highlighter {
    /// term -> small id, so a window can count distinct terms.
    pub(crate) terms: TermMap,
    pub(crate) in_comments: bool,
    /// Bit per clause with at least one term.
    pub(crate) groups: u64,
}

/// Match ranges over a whole article, for the reader.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ArticleHighlights {
    pub title: Ranges,
    /// One list per block of `Article::blocks`, in order.
    pub blocks: Vec<Ranges>,
    /// One list per comment; empty lists unless the query said `in:comments`.
    pub comments: Vec<Ranges>,
}

impl Highlighter {
    /// Adds a term matched for query clause `group`: a snippet window is
    /// judged by how many clauses it shows, not how many inflections.
    pub(crate) fn add(&mut self, term: &str, group: usize) {
        let group = group.min(63) as u16;
        if !self.terms.contains_key(term) {
            self.terms.insert(term.to_string(), group);
            self.groups |= 1 << group;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Matched words in `text` as char ranges, sorted, not overlapping.
    pub fn ranges(&self, text: &str) -> Ranges {
        let mut out: Ranges = Vec::new();
        if self.terms.is_empty() {
            return out;
        }
        for_each_token(text, 0, |t| {
            if self.terms.contains_key(t.term) {
                match out.last_mut() {
                    // A compound's part inside the compound already lit.
                    Some(last) if t.start < last.1 => last.1 = last.1.max(t.end),
                    _ => out.push((t.start, t.end)),
                }
            }
        });
        out
    }

    pub fn article(&self, view: &ArticleView<'_>) -> ArticleHighlights {
        ArticleHighlights {
            title: self.ranges(view.title),
            blocks: view.blocks.iter().map(|b| self.ranges(b.text)).collect(),
            comments: view
                .comments
                .iter()
                .map(|c| {
                    if self.in_comments {
                        self.ranges(c.text)
                    } else {
                        Vec::new()
                    }
                })
                .collect(),
        }
    }

    /// The best window of the article's text and its highlights, relative to the snippet.
    pub fn snippet(&self, view: &ArticleView<'_>) -> (String, Ranges) {
        // (start char, end char, matched term id) per word of one block.
        let mut words: Vec<(usize, usize, Option<u16>)> = Vec::new();
        // (score, block, first word, last word exclusive)
        let mut best: Option<(u32, usize, usize, usize)> = None;
        let texts = view.blocks.iter().map(|b| (b.kind, b.text)).chain(
            view.comments
                .iter()
                .filter(|_| self.in_comments)
                .map(|c| (BlockKind::Paragraph, c.text)),
        );
        let mut lead: Option<usize> = None;
        let mut blocks: Vec<&str> = Vec::new();
        for (b, (kind, text)) in texts.enumerate() {
            blocks.push(text);
            if lead.is_none() && kind == BlockKind::Paragraph {
                lead = Some(b);
            }
            if self.terms.is_empty() {
                continue;
            }
            words.clear();
            for_each_token(text, 0, |t| match t.kind {
                TokenKind::Whole => {
                    // The compound lights up its parts, which follow it.
                    if let Some(&id) = self.terms.get(t.term) {
                        words.push((t.start, t.start, Some(id)));
                    }
                }
                _ => {
                    let id = self.terms.get(t.term).copied();
                    match words.last_mut() {
                        Some(w) if w.0 == w.1 => *w = (t.start, t.end, w.2.or(id)),
                        _ => words.push((t.start, t.end, id)),
                    }
                }
            });
            for anchor in 0..words.len() {
                if words[anchor].2.is_none() {
                    continue;
                }
                // A little context before the first match reads better than starting on it.
                let start = anchor.saturating_sub(SNIPPET_WORDS / 6);
                let end = (start + SNIPPET_WORDS).min(words.len());
                let mut seen: u64 = 0;
                let mut hits = 0u32;
                for w in &words[start..end] {
                    if let Some(id) = w.2 {
                        seen |= 1u64 << (id % 64);
                        hits += 1;
                    }
                }
                let score = seen.count_ones() * 1000 + hits.min(999);
                if best.is_none_or(|b| score > b.0) {
                    best = Some((score, b, words[start].0, words[end - 1].1));
                }
            }
            // A window showing every clause will not be beaten by much: stop
            // reading the article (tokenizing is the cost of a snippet).
            if best.is_some_and(|b| b.0 / 1000 >= self.groups.count_ones()) {
                break;
            }
        }
        let (block, start, end) = match best {
            Some((_, b, s, e)) => (b, s, e),
            None => {
                let Some(b) = lead.or(if blocks.is_empty() { None } else { Some(0) }) else {
                    return (String::new(), Vec::new());
                };
                let mut end = 0;
                let mut count = 0;
                for_each_token(blocks[b], 0, |t| {
                    if t.kind != TokenKind::Part && count < SNIPPET_WORDS {
                        end = t.end;
                        count += 1;
                    }
                });
                (b, 0, end)
            }
        };
        let text = blocks[block];
        let total = text.chars().count();
        // Keep closing punctuation on the last word ("leaders.").
        let mut end = end;
        for c in text.chars().skip(end) {
            if c.is_whitespace() || end >= total {
                break;
            }
            end += 1;
        }
        let byte = |c: usize| text.char_indices().nth(c).map_or(text.len(), |(b, _)| b);
        let mut snippet = String::new();
        if start > 0 {
            snippet.push('…');
        }
        snippet.push_str(&text[byte(start)..byte(end)]);
        if end < total {
            snippet.push('…');
        }
        let ranges = self.ranges(&snippet);
        (snippet, ranges)
    }
}
