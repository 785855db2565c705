//! The serialized index: its layout, the byte-level codecs, and zero-copy views.
//!
//! Everything is laid out so that opening reads a fixed-size header and nothing
//! else: fixed-width little-endian tables are indexed in place, fst maps borrow
//! their bytes, variable-length records (articles, postings) are decoded only
//! when a query or a view touches them.

pub mod build;
pub mod near;

/// Marks a Dossier corpus and its format version; bump the version when the layout changes.
pub const MAGIC: &[u8; 8] = b"DOSSIER5";

/// The fields a term can occur in, in posting order. Their weights live in `query::ranking`.
pub const FIELD_TITLE: usize = 0;
/// Headings and captions share a field: both are short display text inside the report.
pub const FIELD_HEADING: usize = 1;
pub const FIELD_BODY: usize = 2;
/// Reader comments: searched only when a query asks with `in:comments`.
pub const FIELD_COMMENTS: usize = 3;
pub const FIELDS: usize = 4;

/// Facet kinds, in the order of their value ranges in the facet table.
pub const FACET_KINDS: usize = 5;
/// The facet kinds that are an article's entities: people, places, organisations.
pub const ENTITY_KINDS: std::ops::Range<usize> = 2..5;

/// Sections of the blob, in header order.
#[derive(Debug, Clone, Copy)]
#[repr(usize)]
pub enum Section {
    /// Per article a fixed record of `DOC_RECORD` bytes (see `DocRecord`).
    Docs,
    /// Postcard-encoded articles, back to back.
    Articles,
    /// fst: folded term -> offset of its postings in `Postings`.
    Terms,
    /// Per term: varint df (shifted left one bit, the low bit set when typo
    /// neighbours follow), varint doc-stream length, [varint length and the
    /// neighbours' edits, see `near`], [when df > `SKIP_EVERY`: varint
    /// length and the skip table, see `Seeker`], doc stream, positions stream.
    Postings,
    /// fst: Snowball stem -> offset of its group in `StemGroups`.
    Stems,
    /// Per stem: varint count, then each term as varint bytes shared with the
    /// stem, varint length of the rest, the rest.
    StemGroups,
    /// fst: accented lowercase form -> offset of its doc list in `VariantDocs`.
    Variants,
    /// Per accented form: varint count, then ascending doc ids as varint deltas.
    VariantDocs,
    /// fst: article id -> article index.
    Ids,
    /// Facet values sorted by (kind, name): per value u32 string offset, u32 length, u32 doc count.
    FacetValues,
    /// `FACET_KINDS + 1` u32: where each kind's values start in `FacetValues`.
    FacetKinds,
    FacetStrings,
    /// Per article: varint count, then ascending facet value ids as varint deltas.
    FacetDocs,
    /// All article indices, newest first, undated last.
    Newest,
    /// Per article `RELATED` u32 indices of related articles, `u32::MAX` for none.
    Related,
    /// Average length of each field over all articles, `FIELDS` f32.
    FieldAverages,
    /// Per article, per block then per comment: varint positions it spans, then
    /// varint byte deltas to the word at every `ANCHOR_WORDS`th position. A
    /// snippet window is chosen from postings positions alone; these say which
    /// block it falls in and where in the text to start reading it.
    Blocks,
    /// Per facet kind `FACET_TOP` u32: its values by article count, most
    /// first (ties in name order), `u32::MAX` past the end; browsing lists
    /// facets from here instead of ranking thousands of people every time.
    FacetTop,
}

pub const SECTIONS: usize = Section::FacetTop as usize + 1;

/// Facet values kept in `FacetTop` per kind: more than a sidebar shows.
pub const FACET_TOP: usize = 64;

/// Positions between two byte anchors of a block: a snippet tokenizes at most
/// its own 30 words plus this many on each side, whatever the block's length,
/// for about one byte of index per anchor (0.5% of the text).
pub const ANCHOR_WORDS: u32 = 32;
/// How many related articles are precomputed per article.
pub const RELATED: usize = 3;
/// article offset, article length, date, facet-docs offset, block-table
/// offset, then `FIELDS` field lengths.
pub const DOC_RECORD: usize = 4 * (5 + FIELDS);

pub fn put_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// A forward reader over varints. Malformed input never panics: it reads zeros
/// past the end, and `open` has already checked every section's bounds.
#[derive(Clone)]
pub struct Cursor<'a> {
    pub bytes: &'a [u8],
    pub at: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(bytes: &'a [u8], at: usize) -> Cursor<'a> {
        Cursor { bytes, at }
    }

    #[inline(always)]
    pub fn byte(&mut self) -> u8 {
        let b = self.bytes.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        b
    }

    /// Most varints (doc deltas of common words, positions, counts) are one
    /// byte: that case is inlined, the rest is one shared call.
    #[inline(always)]
    pub fn varint(&mut self) -> u32 {
        let b = self.byte();
        if b < 0x80 {
            return b as u32;
        }
        self.varint_rest(b)
    }

    #[inline(never)]
    fn varint_rest(&mut self, first: u8) -> u32 {
        let mut v = (first & 0x7F) as u32;
        let mut shift = 7;
        loop {
            let b = self.byte();
            v |= ((b & 0x7F) as u32).wrapping_shl(shift);
            if b < 0x80 || shift >= 28 {
                return v;
            }
            shift += 7;
        }
    }

    /// Skips `n` varints without decoding them: only their last bytes are
    /// counted (positions of articles a query does not look at). A phrase
    /// with "the" skips millions of them, so eight bytes are counted at once
    /// while at least eight are left: eight bytes never end more than eight
    /// varints, so this never overshoots.
    #[inline]
    pub fn skip_varints(&mut self, mut n: u32) {
        let bytes = self.bytes;
        while n >= 8 {
            let Some(w) = bytes.get(self.at..self.at + 8) else {
                break;
            };
            let w = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
            n -= (!w & 0x8080_8080_8080_8080).count_ones();
            self.at += 8;
        }
        while n > 0 && self.at < bytes.len() {
            n -= u32::from(bytes[self.at] < 0x80);
            self.at += 1;
        }
    }

    pub fn slice(&mut self, len: usize) -> &'a [u8] {
        let start = self.at.min(self.bytes.len());
        let end = (self.at + len).min(self.bytes.len());
        self.at += len;
        &self.bytes[start..end]
    }
}

#[inline]
pub fn u32_at(bytes: &[u8], index: usize) -> u32 {
    bytes
        .get(index * 4..index * 4 + 4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .unwrap_or(0)
}

/// Dates as sortable integers: `yyyymmdd`, 0 for none.
pub fn date_key(date: Option<crate::Date>) -> u32 {
    date.map(|d| d.year as u32 * 10_000 + d.month as u32 * 100 + d.day as u32)
        .unwrap_or(0)
}

pub fn date_from_key(key: u32) -> Option<crate::Date> {
    if key == 0 {
        return None;
    }
    crate::Date::new(
        (key / 10_000) as u16,
        (key / 100 % 100) as u8,
        (key % 100) as u8,
    )
}

/// One posting of a term in a doc: the term's count in each field.
#[derive(Debug, Clone, Copy, Default)]
pub struct Posting {
    pub doc: u32,
    pub tf: [u32; FIELDS],
}

/// Iterates a term's doc stream without touching positions.
pub struct Postings<'a> {
    cur: Cursor<'a>,
    end: usize,
    doc: u32,
    first: bool,
}

/// Where a term's postings live.
#[derive(Debug, Clone, Copy)]
pub struct TermInfo {
    pub df: u32,
    /// Where the term's typo neighbours are stored (`near`), empty for none.
    pub near: (usize, usize),
    /// Where its skip table is, empty for a short list.
    pub skips: (usize, usize),
    pub docs_at: usize,
    pub docs_end: usize,
}

impl TermInfo {
    pub fn read(postings: &[u8], offset: u64) -> TermInfo {
        let mut c = Cursor::new(postings, offset as usize);
        let head = c.varint();
        let len = c.varint() as usize;
        let mut near = (0, 0);
        if head & 1 == 1 {
            let n = c.varint() as usize;
            near = (c.at, c.at.saturating_add(n));
            c.at = near.1;
        }
        let df = head >> 1;
        let mut skips = (0, 0);
        if df as usize > SKIP_EVERY {
            let n = c.varint() as usize;
            skips = (c.at, c.at.saturating_add(n));
            c.at = skips.1;
        }
        TermInfo {
            df,
            near,
            skips,
            docs_at: c.at,
            docs_end: c.at.saturating_add(len),
        }
    }

    /// The stored edits of the term's typo neighbours (`near::each_neighbour`).
    pub fn near<'a>(&self, postings: &'a [u8]) -> &'a [u8] {
        postings.get(self.near.0..self.near.1).unwrap_or(&[])
    }

    pub fn postings<'a>(&self, postings: &'a [u8]) -> Postings<'a> {
        Postings {
            cur: Cursor::new(postings, self.docs_at),
            end: self.docs_end.min(postings.len()),
            doc: 0,
            first: true,
        }
    }

    /// A reader that jumps ahead to given articles (see `Seeker`).
    pub fn seek<'a>(&self, postings: &'a [u8]) -> Seeker<'a> {
        let mut s = Seeker {
            it: self.postings(postings),
            skips: Cursor::new(postings, self.skips.0),
            skips_end: self.skips.1.min(postings.len()),
            entry: None,
            last: 0,
            docs_rel: 0,
            pos_rel: 0,
            docs_base: self.docs_at,
            pos_base: self.docs_end,
            held: None,
            passed: 0,
            jumped: None,
        };
        s.next_entry();
        s
    }

    /// The positions stream starts right after the doc stream.
    pub fn positions<'a>(&self, postings: &'a [u8]) -> Cursor<'a> {
        Cursor::new(postings, self.docs_end)
    }
}

impl Iterator for Postings<'_> {
    type Item = Posting;

    #[inline(always)]
    fn next(&mut self) -> Option<Posting> {
        if self.cur.at >= self.end {
            return None;
        }
        let head = self.cur.varint();
        let delta = head >> 3;
        self.doc = if self.first {
            delta
        } else {
            self.doc.wrapping_add(delta)
        };
        self.first = false;
        let mut tf = [0u32; FIELDS];
        let code = head & 7;
        if code != POSTING_FULL {
            tf[FIELD_BODY] = code;
            return Some(Posting { doc: self.doc, tf });
        }
        let head = self.cur.byte();
        let mask = head & 0x0F;
        let mut first_field = true;
        for (f, slot) in tf.iter_mut().enumerate() {
            if mask & (1 << f) == 0 {
                continue;
            }
            *slot = if first_field {
                let small = (head >> 4) as u32;
                if small == 15 {
                    15 + self.cur.varint()
                } else {
                    small
                }
            } else {
                self.cur.varint()
            };
            first_field = false;
        }
        Some(Posting { doc: self.doc, tf })
    }
}

/// A long postings list keeps a skip entry every `SKIP_EVERY` articles: the
/// article before the entry's block and where the block starts in the doc
/// and positions streams (three varint deltas). A clause narrowed to a few
/// articles by rarer words, or the positions wanted for the ten hits of a
/// page, then cost a few blocks instead of the common word's whole list.
pub const SKIP_EVERY: usize = 32;

/// A clause seeks its articles (rather than reading the list through) when
/// the list is this many times longer: a seek decodes half a block on average.
pub const SEEK_RATIO: usize = SKIP_EVERY / 2;

/// Postings read in order of the articles asked for, jumping over whole
/// blocks with the skip table. Counts the postings passed since the last
/// `sync`, so positions can be skipped along (`TermInfo::positions`).
pub struct Seeker<'a> {
    it: Postings<'a>,
    skips: Cursor<'a>,
    skips_end: usize,
    /// The next skip entry: (article before the block, doc stream offset,
    /// positions offset), both offsets absolute.
    entry: Option<(u32, usize, usize)>,
    last: u32,
    docs_rel: usize,
    pos_rel: usize,
    docs_base: usize,
    pos_base: usize,
    /// The posting the last `advance_to` stopped at, not yet passed.
    held: Option<Posting>,
    /// Positions of postings passed since the last `sync`.
    passed: u32,
    /// Where the positions of the block jumped to start, since the last `sync`.
    jumped: Option<usize>,
}

impl Seeker<'_> {
    fn next_entry(&mut self) {
        self.entry = None;
        if self.skips.at >= self.skips_end {
            return;
        }
        self.last = self.last.wrapping_add(self.skips.varint());
        self.docs_rel = self.docs_rel.wrapping_add(self.skips.varint() as usize);
        self.pos_rel = self.pos_rel.wrapping_add(self.skips.varint() as usize);
        self.entry = Some((
            self.last,
            self.docs_base.saturating_add(self.docs_rel),
            self.pos_base.saturating_add(self.pos_rel),
        ));
    }

    /// The first posting at or after article `target` (targets ascending), or
    /// `None` past the end. The posting is held: the next call may return it again.
    pub fn advance_to(&mut self, target: u32) -> Option<Posting> {
        if let Some(h) = self.held {
            if h.doc >= target {
                return Some(h);
            }
            self.passed = self.passed.wrapping_add(h.tf.iter().sum());
            self.held = None;
        }
        let mut jump = None;
        while let Some((last, docs, pos)) = self.entry {
            if last >= target {
                break;
            }
            if docs >= self.it.cur.at {
                jump = Some((last, docs, pos));
            }
            self.next_entry();
        }
        if let Some((last, docs, pos)) = jump {
            self.it.cur.at = docs;
            self.it.doc = last;
            self.it.first = false;
            self.passed = 0;
            self.jumped = Some(pos);
        }
        for p in self.it.by_ref() {
            if p.doc >= target {
                self.held = Some(p);
                return Some(p);
            }
            self.passed = self.passed.wrapping_add(p.tf.iter().sum());
        }
        None
    }

    /// The held posting is used up (its positions read): it is not counted as passed.
    pub fn consume(&mut self) {
        self.held = None;
    }

    /// Brings a positions cursor to the held posting's positions.
    pub fn sync(&mut self, positions: &mut Cursor<'_>) {
        if let Some(at) = self.jumped.take() {
            positions.at = at;
        }
        positions.skip_varints(std::mem::take(&mut self.passed));
    }
}

/// The low three bits of a posting's first varint: 1..=6 is the count of a
/// term found in the body only (most postings, one byte for a near doc), this
/// code says a byte of field mask and counts follows.
const POSTING_FULL: u32 = 7;

/// Writes one doc entry of a doc stream (see `Postings`).
pub fn put_posting(out: &mut Vec<u8>, delta: u32, tf: &[u32; FIELDS]) {
    let body_only = tf
        .iter()
        .enumerate()
        .all(|(f, &t)| (f == FIELD_BODY) == (t > 0));
    if body_only && tf[FIELD_BODY] < POSTING_FULL {
        put_varint(out, (delta << 3) | tf[FIELD_BODY]);
        return;
    }
    put_varint(out, (delta << 3) | POSTING_FULL);
    let mask = tf
        .iter()
        .enumerate()
        .fold(0u8, |m, (f, &t)| if t > 0 { m | (1 << f) } else { m });
    let first = tf.iter().copied().find(|&t| t > 0).unwrap_or(0);
    out.push(mask | ((first.min(15) as u8) << 4));
    if first >= 15 {
        put_varint(out, first - 15);
    }
    let mut seen_first = false;
    for &t in tf {
        if t == 0 {
            continue;
        }
        if seen_first {
            put_varint(out, t);
        }
        seen_first = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_round_trip() {
        let entries = [
            (3u32, [0, 0, 1, 0]),
            (7, [2, 0, 40, 0]),
            (8, [0, 15, 0, 3]),
            (300, [16, 1, 0, 0]),
            (301, [0, 0, 6, 0]),
            (302, [0, 0, 7, 0]),
            (40_000, [0, 0, 1, 0]),
        ];
        let mut out = Vec::new();
        let mut last = 0;
        for (i, (doc, tf)) in entries.iter().enumerate() {
            put_posting(&mut out, if i == 0 { *doc } else { doc - last }, tf);
            last = *doc;
        }
        let info = TermInfo {
            df: entries.len() as u32,
            near: (0, 0),
            skips: (0, 0),
            docs_at: 0,
            docs_end: out.len(),
        };
        let got: Vec<(u32, [u32; 4])> = info.postings(&out).map(|p| (p.doc, p.tf)).collect();
        assert_eq!(got, entries);
    }

    #[test]
    fn skipping_varints_lands_where_reading_them_does() {
        let mut out = Vec::new();
        let values: Vec<u32> = (0..300u32).map(|i| (i * 7919) % (1 << (i % 22))).collect();
        for &v in &values {
            put_varint(&mut out, v);
        }
        for n in 0..values.len() as u32 {
            let mut read = Cursor::new(&out, 0);
            (0..n).for_each(|_| {
                read.varint();
            });
            let mut skip = Cursor::new(&out, 0);
            skip.skip_varints(n);
            assert_eq!(skip.at, read.at, "skipping {n}");
        }
    }

    #[test]
    fn varints_never_panic_on_garbage() {
        let mut c = Cursor::new(&[0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF], 0);
        c.varint();
        c.varint();
        assert_eq!(c.varint(), 0);
    }
}
