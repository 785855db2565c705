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
use crate::analysis::{for_each_token, for_each_token_until, TokenKind};
use crate::article::BlockKind;
use crate::corpus::{ArticleView, Corpus};
use crate::index::{
    Cursor, Section, ANCHOR_WORDS, FIELDS, FIELD_BODY, FIELD_COMMENTS, FIELD_HEADING,
};

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
                light(&mut out, t.start, t.end);
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

/// Adds a matched word's char range, in text order.
fn light(out: &mut Ranges, start: usize, end: usize) {
    match out.last_mut() {
        // A compound's part inside the compound already lit.
        Some(last) if start < last.1 => last.1 = last.1.max(end),
        _ => out.push((start, end)),
    }
}

/// A block of the article as the `Blocks` table describes it.
struct Span<'t> {
    text: &'t str,
    /// Field-tagged position of the block's first word.
    start: u32,
    len: u32,
    /// Where the block's byte anchors start in the `Blocks` section.
    anchors_at: usize,
}

/// Positions tagged with their field, as `min_distance` and the snippet compare them.
pub(crate) fn tag(field: usize, pos: u32) -> u32 {
    ((field as u32) << 24) | pos.min(0xFF_FFFF)
}

impl<'a> Corpus<'a> {
    /// The article's blocks (and comments when searched) in reading order.
    fn spans(&self, doc: usize, view: &ArticleView<'a>, in_comments: bool) -> Vec<Span<'a>> {
        let table = self.section(Section::Blocks);
        let mut c = Cursor::new(table, self.blocks_at(doc));
        let mut next = [0u32; FIELDS];
        let texts = view
            .blocks
            .iter()
            .map(|b| {
                let field = match b.kind {
                    BlockKind::Paragraph => FIELD_BODY,
                    BlockKind::Heading | BlockKind::Caption => FIELD_HEADING,
                };
                (field, b.text)
            })
            .chain(view.comments.iter().map(|c| (FIELD_COMMENTS, c.text)));
        let mut out = Vec::with_capacity(view.blocks.len());
        for (field, text) in texts {
            let len = c.varint();
            let anchors_at = c.at;
            for _ in 0..len.saturating_sub(1) / ANCHOR_WORDS {
                c.varint();
            }
            let start = next[field];
            next[field] = start.saturating_add(len).saturating_add(1);
            if field == FIELD_COMMENTS && !in_comments {
                continue;
            }
            out.push(Span {
                text,
                start: tag(field, start),
                len,
                anchors_at,
            });
        }
        out
    }

    /// Byte offset in the span's text of the word at anchor `k` (0: the start).
    fn anchor(&self, span: &Span<'_>, k: u32) -> usize {
        if k == 0 {
            return 0;
        }
        if k > span.len.saturating_sub(1) / ANCHOR_WORDS {
            return span.text.len();
        }
        let mut c = Cursor::new(self.section(Section::Blocks), span.anchors_at);
        let mut at = 0usize;
        for _ in 0..k {
            at += c.varint() as usize;
        }
        at.min(span.text.len())
    }

    /// The best window of about `SNIPPET_WORDS` words of article `doc`, chosen
    /// from the positions where the query's terms stand (`matches`: tagged
    /// position and clause, sorted); only that window's text is tokenized.
    pub(crate) fn snippet_at(
        &self,
        doc: usize,
        view: &ArticleView<'a>,
        matches: &[(u32, u16)],
        hl: &Highlighter,
    ) -> (String, Ranges) {
        let spans = self.spans(doc, view, hl.in_comments);
        // (score, span, first word, last word exclusive), words counted in the span.
        let mut best: Option<(u32, usize, u32, u32)> = None;
        let wanted = hl.groups.count_ones();
        for (b, s) in spans.iter().enumerate() {
            let lo = matches.partition_point(|m| m.0 < s.start);
            let hi = matches.partition_point(|m| m.0 < s.start + s.len);
            let ms = &matches[lo..hi];
            // The first match inside the window: windows only move forward, so
            // this only moves forward too (a block full of matches stays linear).
            let mut from = 0;
            for (k, m) in ms.iter().enumerate() {
                if k > 0 && ms[k - 1].0 == m.0 {
                    continue;
                }
                // A little context before the first match reads better than starting on it.
                let first = (m.0 - s.start).saturating_sub(SNIPPET_WORDS as u32 / 6);
                let end = (first + SNIPPET_WORDS as u32).min(s.len);
                while ms[from].0 - s.start < first {
                    from += 1;
                }
                let (mut seen, mut hits, mut last) = (0u64, 0u32, u32::MAX);
                for w in &ms[from..] {
                    if w.0 - s.start >= end {
                        break;
                    }
                    seen |= 1u64 << (w.1 % 64);
                    if w.0 != last {
                        hits += 1;
                        last = w.0;
                    }
                }
                let score = seen.count_ones() * 1000 + hits.min(999);
                if best.is_none_or(|x| score > x.0) {
                    best = Some((score, b, first, end));
                }
            }
            if best.is_some_and(|x| x.0 / 1000 >= wanted) {
                break;
            }
        }
        let (b, first, end) = match best {
            Some((_, b, first, end)) => (b, first, end),
            None => {
                let lead = view
                    .blocks
                    .iter()
                    .position(|b| b.kind == BlockKind::Paragraph);
                let b = lead.unwrap_or(0);
                let Some(s) = spans.get(b) else {
                    return (String::new(), Vec::new());
                };
                (b, 0, (SNIPPET_WORDS as u32).min(s.len))
            }
        };
        let s = &spans[b];
        let k0 = first / ANCHOR_WORDS;
        let from = self.anchor(s, k0);
        let to = self.anchor(s, end.div_ceil(ANCHOR_WORDS)).max(from);
        let part = s.text.get(from..to).unwrap_or("");
        let (mut c0, mut c1) = (None, 0);
        // The matched words seen from the window's first word on, as char
        // ranges of `part`: the snippet's highlights without tokenizing it again.
        let mut lit: Ranges = Vec::new();
        for_each_token_until(part, k0 * ANCHOR_WORDS, end, |t| {
            if t.pos >= first && t.pos < end {
                c0.get_or_insert(t.start);
                if t.kind != TokenKind::Whole {
                    c1 = c1.max(t.end);
                }
            }
            if c0.is_some() && hl.terms.contains_key(t.term) {
                lit.push((t.start, t.end));
            }
        });
        let Some(c0) = c0 else {
            return (String::new(), Vec::new());
        };
        let byte = |c: usize| part.char_indices().nth(c).map_or(part.len(), |(b, _)| b);
        let start = from + byte(c0);
        let mut stop = from + byte(c1);
        let mut c_stop = c1;
        // Keep closing punctuation on the last word ("leaders.").
        for ch in s.text[stop..].chars() {
            if ch.is_whitespace() {
                break;
            }
            stop += ch.len_utf8();
            c_stop += 1;
        }
        let mut snippet = String::with_capacity(stop - start + 8);
        let shift = usize::from(start > 0);
        if start > 0 {
            snippet.push('…');
        }
        snippet.push_str(&s.text[start..stop]);
        if stop < s.text.len() {
            snippet.push('…');
        }
        let mut ranges: Ranges = Vec::new();
        for (a, b) in lit {
            if a >= c0 && b <= c_stop {
                light(&mut ranges, a - c0 + shift, b - c0 + shift);
            }
        }
        (snippet, ranges)
    }
}
