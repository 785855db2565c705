//! Searching an opened corpus: parse → match (exact / stem / prefix / fuzzy) →
//! rank (BM25F, proximity, date) → facets → snippets.

pub mod expand;
pub mod parse;
pub mod ranking;
pub mod snippet;

use serde::{Deserialize, Serialize};

use self::expand::{Expansion, MatchKind};
use self::parse::{Alt, Clause, Query};
use self::ranking::*;
pub use self::snippet::{ArticleHighlights, Highlighter, Ranges};
use crate::analysis::for_each_token;
use crate::article::Date;
use crate::corpus::Corpus;
use crate::index::{
    date_key, u32_at, Cursor, Posting, Section, TermInfo, FACET_KINDS, FACET_TOP, FIELDS,
    FIELD_BODY, FIELD_COMMENTS, FIELD_HEADING, FIELD_TITLE, SEEK_RATIO,
};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    /// Best match first; the newer article wins a tie. An empty query is listed newest first.
    #[default]
    Relevance,
    Newest,
    Oldest,
}

/// Selected facet values. Values of one facet combine with OR, facets with AND.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filters {
    pub outlet: Vec<String>,
    /// Years as written in the year facet ("2017").
    pub year: Vec<String>,
    pub person: Vec<String>,
    pub place: Vec<String>,
    pub organization: Vec<String>,
}

impl Filters {
    fn of(&self, kind: usize) -> &[String] {
        match kind {
            0 => &self.outlet,
            1 => &self.year,
            2 => &self.person,
            3 => &self.place,
            _ => &self.organization,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchRequest {
    /// The query language of `parse`: words, "phrases", -exclusions, OR, fields.
    pub query: String,
    pub filters: Filters,
    /// Inclusive date range; undated articles drop out when either end is set.
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// Articles whose date is unknown; with `from`/`to` too, either kind.
    pub undated: bool,
    pub sort: Sort,
    pub offset: usize,
    pub limit: usize,
    /// Values listed per facet (selected values are always listed). With 0,
    /// no facet is counted and no timeline drawn: hits and total only.
    pub facet_limit: usize,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest {
            query: String::new(),
            filters: Filters::default(),
            from: None,
            to: None,
            undated: false,
            sort: Sort::Relevance,
            offset: 0,
            limit: 10,
            facet_limit: FACET_LIMIT,
        }
    }
}

impl SearchRequest {
    pub fn new(query: impl Into<String>) -> SearchRequest {
        SearchRequest {
            query: query.into(),
            ..SearchRequest::default()
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit<'a> {
    /// Index for `Corpus::article`, `view`, `related`, `highlights`.
    pub index: usize,
    pub id: &'a str,
    pub score: f32,
    pub title: &'a str,
    pub date: Option<Date>,
    pub outlet: Option<&'a str>,
    pub snippet: String,
    pub title_highlights: Ranges,
    /// Char ranges into `snippet`.
    pub highlights: Ranges,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetCount<'a> {
    pub value: &'a str,
    /// Articles the results would have with this value selected (with the
    /// other values of this facet, if any, still selected too).
    pub count: u32,
    pub selected: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Facets<'a> {
    pub outlet: Vec<FacetCount<'a>>,
    pub year: Vec<FacetCount<'a>>,
    pub person: Vec<FacetCount<'a>>,
    pub place: Vec<FacetCount<'a>>,
    pub organization: Vec<FacetCount<'a>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Results<'a> {
    /// Articles matching, over all pages.
    pub total: usize,
    /// No article matched every word: these are the best partial matches.
    pub fallback: bool,
    pub hits: Vec<Hit<'a>>,
    pub facets: Facets<'a>,
    /// The timeline: `(yyyymm, articles)` for every month with any, oldest
    /// first. Counted as if the request had no `from`/`to`/`undated`, so a
    /// selected range does not hide the rest: each count is what selecting
    /// that month would give.
    pub months: Vec<(u32, u32)>,
    /// Articles of unknown date, counted the same way.
    pub undated: u32,
}

/// Facet counts of one search, and which values have any (a corpus has
/// thousands of people; a query touches a few).
struct Counts {
    n: Vec<u32>,
    touched: Vec<u32>,
    /// `yyyymm` of each article counted on the timeline (0: undated).
    months: Vec<u32>,
}

impl Counts {
    /// Counts one article's values that fall in `range`.
    fn bump(&mut self, values: &[u32], range: std::ops::Range<u32>) {
        for &v in values {
            if !range.contains(&v) {
                continue;
            }
            if let Some(c) = self.n.get_mut(v as usize) {
                if *c == 0 {
                    self.touched.push(v);
                }
                *c += 1;
            }
        }
    }

    fn clear(&mut self) {
        for &v in &self.touched {
            self.n[v as usize] = 0;
        }
        self.touched.clear();
        self.months.clear();
    }
}

/// Per month the number of articles, from their `yyyymm` keys (0 for
/// undated), and the undated count apart.
fn histogram(mut keys: Vec<u32>) -> (Vec<(u32, u32)>, u32) {
    crate::sort::sort_u32(&mut keys);
    let undated = keys.partition_point(|&k| k == 0);
    let mut months: Vec<(u32, u32)> = Vec::new();
    for &k in &keys[undated..] {
        match months.last_mut() {
            Some((m, n)) if *m == k => *n += 1,
            _ => months.push((k, 1)),
        }
    }
    (months, undated as u32)
}

impl<'a> Facets<'a> {
    fn set(&mut self, kind: usize, list: Vec<FacetCount<'a>>) {
        match kind {
            0 => self.outlet = list,
            1 => self.year = list,
            2 => self.person = list,
            3 => self.place = list,
            _ => self.organization = list,
        }
    }
}

/// A candidate article: index, score, clauses matched.
#[derive(Debug, Clone, Copy)]
struct Cand {
    doc: u32,
    score: f32,
    matched: u32,
    date: u32,
}

/// Dense per-article accumulators, one clause at a time.
#[derive(Default)]
struct Scratch {
    best: Vec<f32>,
    touched: Vec<u32>,
    total: Vec<f32>,
    matched: Vec<u32>,
    any: Vec<u32>,
}

impl Scratch {
    #[inline]
    fn offer(&mut self, doc: u32, s: f32) {
        let Some(b) = self.best.get_mut(doc as usize) else {
            return;
        };
        if *b == 0.0 {
            self.touched.push(doc);
        }
        if s > *b {
            *b = s;
        }
    }

    fn close_clause(&mut self, c: usize) {
        for &d in &self.touched {
            let d = d as usize;
            if self.matched[d] == 0 {
                self.any.push(d as u32);
            }
            self.matched[d] |= 1 << c;
            self.total[d] += self.best[d];
            self.best[d] = 0.0;
        }
        self.touched.clear();
    }
}

/// A search's article-sized accumulators and facet counts, kept zeroed for
/// the next search: allocating and zeroing them on every keystroke cost more
/// than a tenth of a query, and a search touches few of their entries.
type Buffers = (Scratch, Vec<u32>);

thread_local! {
    static BUFFERS: std::cell::Cell<Option<Buffers>> = const { std::cell::Cell::new(None) };
}

/// Fields searched unless a clause says otherwise.
fn default_mask(in_comments: bool) -> u8 {
    let m = (1 << FIELD_TITLE) | (1 << FIELD_HEADING) | (1 << FIELD_BODY);
    if in_comments {
        m | (1 << FIELD_COMMENTS)
    } else {
        m
    }
}

impl<'a> Corpus<'a> {
    /// BM25F's saturated pseudo-frequency of one posting over the allowed fields.
    #[inline]
    fn bm25_tf(&self, p: &Posting, mask: u8) -> f32 {
        let mut tf = 0.0;
        for f in 0..FIELDS {
            if p.tf[f] == 0 || mask & (1 << f) == 0 {
                continue;
            }
            let len = self.field_len(p.doc as usize, f) as f32;
            let norm = 1.0 - FIELD_B[f] + FIELD_B[f] * len / self.averages[f];
            tf += FIELD_WEIGHT[f] * p.tf[f] as f32 / norm;
        }
        if tf == 0.0 {
            0.0
        } else {
            tf * (K1 + 1.0) / (tf + K1)
        }
    }

    fn postings_bytes(&self) -> &'a [u8] {
        self.section(Section::Postings)
    }

    /// Calls `f(target index, field, position)` for every position of the term
    /// in the `targets` (sorted article indices) within `mask`.
    fn positions_for(
        &self,
        info: &TermInfo,
        targets: &[u32],
        mask: u8,
        mut f: impl FnMut(usize, usize, u32),
    ) {
        let bytes = self.postings_bytes();
        let mut pos = info.positions(bytes);
        let mut seek = info.seek(bytes);
        for (ti, &t) in targets.iter().enumerate() {
            let Some(p) = seek.advance_to(t) else {
                break;
            };
            if p.doc != t {
                continue;
            }
            seek.sync(&mut pos);
            seek.consume();
            for (field, &tf) in p.tf.iter().enumerate() {
                let wanted = mask & (1 << field) != 0;
                let mut at = 0u32;
                for k in 0..tf {
                    let d = pos.varint();
                    at = if k == 0 { d } else { at.wrapping_add(d) };
                    if wanted {
                        f(ti, field, at);
                    }
                }
            }
        }
    }

    /// Articles containing the terms at consecutive positions of one field,
    /// with the summed BM25F of the words as score.
    fn phrase_docs(&self, terms: &[String], mask: u8) -> Vec<(u32, f32)> {
        let bytes = self.postings_bytes();
        let mut infos = Vec::with_capacity(terms.len());
        for t in terms {
            match self.terms.get(t) {
                Some(o) => infos.push(TermInfo::read(bytes, o)),
                None => return Vec::new(),
            }
        }
        let n = self.len();
        // Rarest word first. Sorting (df, index) pairs shares the sort code
        // of the other (u32, usize) sorts in the wasm.
        let mut by_df: Vec<(u32, usize)> =
            infos.iter().enumerate().map(|(j, i)| (i.df, j)).collect();
        crate::sort::sort_u32_index(&mut by_df);
        let order: Vec<usize> = by_df.into_iter().map(|(_, j)| j).collect();
        let first = &infos[order[0]];
        let w = idf(first.df, n);
        let mut docs: Vec<(u32, f32)> = first
            .postings(bytes)
            .filter_map(|p| {
                let s = self.bm25_tf(&p, mask);
                (s > 0.0).then_some((p.doc, w * s))
            })
            .collect();
        for &j in &order[1..] {
            let w = idf(infos[j].df, n);
            let mut seek = infos[j].seek(bytes);
            docs.retain_mut(|(d, s)| match seek.advance_to(*d) {
                Some(p) if p.doc == *d => {
                    let add = self.bm25_tf(&p, mask);
                    *s += w * add;
                    add > 0.0
                }
                _ => false,
            });
            if docs.is_empty() {
                return docs;
            }
        }
        let targets: Vec<u32> = docs.iter().map(|d| d.0).collect();
        // Positions tagged with their field so a phrase never spans two fields.
        let mut lists: Vec<Vec<Vec<u32>>> = vec![vec![Vec::new(); targets.len()]; infos.len()];
        for (j, info) in infos.iter().enumerate() {
            let list = &mut lists[j];
            self.positions_for(info, &targets, mask, |ti, f, p| {
                list[ti].push(((f as u32) << 24) | p.min(0xFF_FFFF))
            });
        }
        let mut k = 0;
        docs.retain(|_| {
            let ti = k;
            k += 1;
            lists[0][ti].iter().any(|&p0| {
                (1..lists.len()).all(|j| lists[j][ti].binary_search(&(p0 + j as u32)).is_ok())
            })
        });
        docs
    }

    fn variant_docs(&self, exact: &str) -> Vec<u32> {
        let Some(at) = self.variants.get(exact) else {
            return Vec::new();
        };
        let mut c = Cursor::new(self.section(Section::VariantDocs), at as usize);
        let count = c.varint().min(self.len() as u32);
        let mut last = 0u32;
        (0..count)
            .map(|_| {
                last = last.wrapping_add(c.varint());
                last
            })
            .collect()
    }

    /// Scores one clause into `scratch`; returns the terms for proximity.
    /// Each alternative's matching terms (`None` for a phrase).
    fn expand_clause(&self, clause: &Clause) -> Vec<Option<Vec<Expansion>>> {
        clause
            .alts
            .iter()
            .map(|alt| match alt {
                Alt::Word {
                    term,
                    prefix,
                    literal,
                    ..
                } => Some(self.expand(term, *prefix, *literal)),
                Alt::Phrase(_) => None,
            })
            .collect()
    }

    /// Postings a clause will walk: rarer clauses are scored first.
    fn clause_cost(&self, clause: &Clause, exps: &[Option<Vec<Expansion>>]) -> u64 {
        let bytes = self.postings_bytes();
        clause
            .alts
            .iter()
            .zip(exps)
            .map(|(alt, e)| match (alt, e) {
                (_, Some(e)) => e.iter().map(|x| x.info.df as u64).sum(),
                (Alt::Phrase(terms), None) => terms
                    .iter()
                    .map(|t| {
                        self.terms
                            .get(t)
                            .map_or(0, |o| TermInfo::read(bytes, o).df as u64)
                    })
                    .min()
                    .unwrap_or(0),
                _ => 0,
            })
            .sum()
    }

    /// Scores the clauses into `scratch`, rarest first. With `restrict`, a
    /// clause only scores articles every clause before it matched: when all
    /// words must match, the others cannot be results, and skipping them
    /// spares the float work on the long postings of a common completion.
    #[allow(clippy::too_many_arguments)]
    fn score_clauses(
        &self,
        clauses: &[Clause],
        expanded: &[Vec<Option<Vec<Expansion>>>],
        mask: u8,
        restrict: bool,
        scratch: &mut Scratch,
        hl: &mut Highlighter,
        snip: &mut Vec<(TermInfo, u16)>,
        near: &mut [Vec<TermInfo>],
    ) {
        // Cheapest clause first; costs are postings bytes, which fit a u32 in
        // any corpus a browser can hold, and (u32, usize) shares sort code.
        let mut order: Vec<(u32, usize)> = clauses
            .iter()
            .zip(expanded)
            .enumerate()
            .map(|(c, (clause, e))| (self.clause_cost(clause, e).min(u32::MAX as u64) as u32, c))
            .collect();
        crate::sort::sort_u32_index(&mut order);
        let mut need = 0u32;
        for (_, c) in order {
            near[c] = self.eval_clause(c, &clauses[c], &expanded[c], mask, need, scratch, hl, snip);
            scratch.close_clause(c);
            if restrict {
                need |= 1 << c;
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn eval_clause(
        &self,
        c: usize,
        clause: &Clause,
        expanded: &[Option<Vec<Expansion>>],
        mask: u8,
        need: u32,
        scratch: &mut Scratch,
        hl: &mut Highlighter,
        snip: &mut Vec<(TermInfo, u16)>,
    ) -> Vec<TermInfo> {
        let bytes = self.postings_bytes();
        let n = self.len();
        let mask = if clause.title_only {
            1 << FIELD_TITLE
        } else {
            mask
        };
        let mut near = Vec::new();
        let wanted = |scratch: &Scratch, doc: u32| {
            need == 0
                || scratch
                    .matched
                    .get(doc as usize)
                    .is_some_and(|&m| m & need == need)
        };
        // Past the last article the earlier clauses left, a postings list
        // holds nothing this clause may score: the long lists of a common
        // completion or correction stop there.
        let mut stop = if need == 0 { u32::MAX } else { 0 };
        // The articles still in the running, in order, to seek to when they
        // are few against a list's length.
        let mut running: Vec<u32> = Vec::new();
        if need != 0 {
            running.extend(
                (scratch.any.iter().copied())
                    .filter(|&d| scratch.matched[d as usize] & need == need),
            );
            crate::sort::sort_u32(&mut running);
            stop = running.last().map_or(0, |&d| d + 1);
        }
        for (alt, exps) in clause.alts.iter().zip(expanded) {
            match alt {
                Alt::Word { term, exact, .. } => {
                    let Some(exps) = exps.as_ref().filter(|e| !e.is_empty()) else {
                        continue;
                    };
                    // One weight per word, from the form typed (or the most
                    // common reading of it): a rare typo must not outweigh the word.
                    let df = match exps.iter().find(|e| e.kind == MatchKind::Exact) {
                        Some(e) => e.info.df,
                        None => exps.iter().map(|e| e.info.df).max().unwrap_or(1),
                    };
                    let w = idf(df, n);
                    let accented = if exact != term {
                        self.variant_docs(exact)
                    } else {
                        Vec::new()
                    };
                    // The window is chosen from the word's strong forms or a
                    // few likeliest readings (as proximity); every reading is
                    // still lit inside it.
                    snip.extend(proximity_terms(exps).into_iter().map(|i| (i, c as u16)));
                    for e in exps {
                        let tail = e.kind == MatchKind::PrefixTail;
                        if tail && need == 0 {
                            continue;
                        }
                        let mut offered = false;
                        // A completion weighs as much as the word it completes
                        // to: the rare word typed halfway is what singles out
                        // the article (issue 4's prefix queries).
                        // A correction never weighs more than the word it
                        // corrects: "davin", typed and found, must not lend
                        // its rarity to every article about a David.
                        let wk = match e.kind {
                            MatchKind::Prefix | MatchKind::PrefixTail => idf(e.info.df, n),
                            MatchKind::Fuzzy | MatchKind::Fuzzy2 => w.min(idf(e.info.df, n)),
                            _ => w,
                        } * e.kind.weight();
                        let bonus = e.kind == MatchKind::Exact && !accented.is_empty();
                        let mut score = |scratch: &mut Scratch, p: &Posting| {
                            let tf = self.bm25_tf(p, mask);
                            if tf == 0.0 {
                                return;
                            }
                            let mut s = wk * tf;
                            if bonus && accented.binary_search(&p.doc).is_ok() {
                                s *= DIACRITIC_BONUS;
                            }
                            scratch.offer(p.doc, s);
                            offered = true;
                        };
                        if need != 0 && running.len() * SEEK_RATIO < e.info.df as usize {
                            let mut seek = e.info.seek(bytes);
                            for &d in &running {
                                match seek.advance_to(d) {
                                    Some(p) if p.doc == d => score(scratch, &p),
                                    Some(_) => {}
                                    None => break,
                                }
                            }
                        } else {
                            for p in e.info.postings(bytes) {
                                if p.doc >= stop {
                                    break;
                                }
                                if wanted(scratch, p.doc) {
                                    score(scratch, &p);
                                }
                            }
                        }
                        if offered || !tail {
                            hl.add(&e.term, c);
                        }
                    }
                    near.extend(proximity_terms(exps));
                }
                Alt::Phrase(terms) => {
                    for t in terms {
                        hl.add(t, c);
                        if let Some(o) = self.terms.get(t) {
                            snip.push((TermInfo::read(bytes, o), c as u16));
                        }
                    }
                    for (d, s) in self.phrase_docs(terms, mask) {
                        if wanted(scratch, d) {
                            scratch.offer(d, s);
                        }
                    }
                }
            }
        }
        near
    }

    /// Articles any excluded clause matches (exact and inflections only: an
    /// exclusion must not remove articles for a typo-like neighbour).
    fn excluded(&self, clauses: &[Clause], mask: u8) -> Vec<bool> {
        let mut out = vec![false; self.len()];
        let bytes = self.postings_bytes();
        for c in clauses {
            let mask = if c.title_only { 1 << FIELD_TITLE } else { mask };
            for alt in &c.alts {
                match alt {
                    Alt::Word { term, literal, .. } => {
                        let mut exps: Vec<Expansion> = self.exact(term).into_iter().collect();
                        if !literal {
                            self.add_stems(term, &mut exps);
                        }
                        for e in exps {
                            for p in e.info.postings(bytes) {
                                if self.bm25_tf(&p, mask) > 0.0 {
                                    out[p.doc as usize] = true;
                                }
                            }
                        }
                    }
                    Alt::Phrase(terms) => {
                        for (d, _) in self.phrase_docs(terms, mask) {
                            out[d as usize] = true;
                        }
                    }
                }
            }
        }
        out
    }

    // ----- facets -----

    pub(crate) fn facet_kind_range(&self, kind: usize) -> std::ops::Range<u32> {
        let k = self.section(Section::FacetKinds);
        u32_at(k, kind)..u32_at(k, kind + 1)
    }

    pub(crate) fn facet_name(&self, id: u32) -> &'a str {
        let v = self.section(Section::FacetValues);
        let at = u32_at(v, id as usize * 3) as usize;
        let len = u32_at(v, id as usize * 3 + 1) as usize;
        self.section(Section::FacetStrings)
            .get(at..at + len)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    }

    fn facet_total(&self, id: u32) -> u32 {
        u32_at(self.section(Section::FacetValues), id as usize * 3 + 2)
    }

    fn find_facet_value(&self, kind: usize, name: &str) -> Option<u32> {
        let r = self.facet_kind_range(kind);
        let ids: Vec<u32> = r.collect();
        ids.binary_search_by(|&id| self.facet_name(id).cmp(name.trim()))
            .ok()
            .map(|i| ids[i])
    }

    /// Values of a kind whose name contains every word (`person:putin`).
    fn facet_values_with_words(&self, kind: usize, words: &[String]) -> Vec<u32> {
        let mut out = Vec::new();
        let mut name_terms: Vec<String> = Vec::new();
        for id in self.facet_kind_range(kind) {
            name_terms.clear();
            for_each_token(self.facet_name(id), 0, |t| {
                name_terms.push(t.term.to_string())
            });
            if words.iter().all(|w| name_terms.contains(w)) {
                out.push(id);
            }
        }
        out
    }

    pub(crate) fn doc_facets(&self, doc: usize, out: &mut Vec<u32>) {
        out.clear();
        let mut c = Cursor::new(self.section(Section::FacetDocs), self.facet_docs_at(doc));
        let count = c.varint().min(4096);
        let mut last = 0u32;
        // `extend` of a counted range reserves once and writes in a loop,
        // where a `push` per value was a call per value.
        out.extend((0..count).map(|_| {
            last = last.wrapping_add(c.varint());
            last
        }));
    }

    // ----- the search -----

    /// Runs a search. Never fails: any input gives some results, maybe none.
    pub fn search(&self, req: &SearchRequest) -> Results<'a> {
        let query = parse::parse(&req.query);
        let n = self.len();
        let mask = default_mask(query.in_comments);
        let mut hl = Highlighter {
            in_comments: query.in_comments,
            ..Highlighter::default()
        };

        // The query's own dates (`before:`, `year:`) bind like any word; the
        // request's range and `undated` act as one more facet, the timeline's,
        // so they count toward its histogram without hiding the rest of it.
        let (from, to) = (query.from, query.to);
        let ranged = req.from.is_some() || req.to.is_some();
        let timed = ranged || req.undated;
        let lo = date_key(req.from);
        let hi = req.to.map_or(u32::MAX, |d| date_key(Some(d)));
        let starts: [u32; FACET_KINDS + 1] =
            std::array::from_fn(|k| u32_at(self.section(Section::FacetKinds), k));
        // Selected values per kind, `None` when the facet is not filtered.
        let selected: Vec<Option<Vec<u32>>> = (0..FACET_KINDS)
            .map(|k| {
                let names = req.filters.of(k);
                (!names.is_empty()).then(|| {
                    let mut ids: Vec<u32> = names
                        .iter()
                        .filter_map(|v| self.find_facet_value(k, v))
                        .collect();
                    crate::sort::sort_u32(&mut ids);
                    ids
                })
            })
            .collect();
        let constraints: Vec<(Vec<u32>, bool)> = query
            .facets
            .iter()
            .map(|f| {
                (
                    self.facet_values_with_words(f.kind as usize, &f.words),
                    f.negated,
                )
            })
            .collect();
        let excluded = if query.excluded.is_empty() {
            Vec::new()
        } else {
            self.excluded(&query.excluded, mask)
        };

        // Score the clauses.
        let clauses = &query.clauses;
        let all = if clauses.is_empty() {
            0
        } else {
            u32::MAX >> (32 - clauses.len())
        };
        let mut near: Vec<Vec<TermInfo>> = vec![Vec::new(); clauses.len()];
        let mut snip: Vec<(TermInfo, u16)> = Vec::new();
        // Every entry is zero here, and is zeroed again before they are kept.
        let (mut scratch, mut facet_n) = BUFFERS.with(|b| b.take()).unwrap_or_default();
        let expanded: Vec<Vec<Option<Vec<Expansion>>>> =
            clauses.iter().map(|c| self.expand_clause(c)).collect();
        if !clauses.is_empty() {
            scratch.best.resize(n, 0.0);
            scratch.total.resize(n, 0.0);
            scratch.matched.resize(n, 0);
            self.score_clauses(
                clauses,
                &expanded,
                mask,
                true,
                &mut scratch,
                &mut hl,
                &mut snip,
                &mut near,
            );
        }

        let no_filters = selected.iter().all(Option::is_none)
            && constraints.is_empty()
            && excluded.is_empty()
            && from.is_none()
            && to.is_none()
            && !timed;
        if clauses.is_empty() && no_filters && req.sort != Sort::Oldest {
            BUFFERS.with(|b| b.set(Some((scratch, facet_n))));
            return self.browse(req);
        }
        let total_values = starts[FACET_KINDS] as usize;
        facet_n.resize(total_values, 0);
        let mut counts = Counts {
            n: facet_n,
            touched: Vec::new(),
            months: Vec::new(),
        };
        let mut values = Vec::new();
        // Counting reads every candidate's facet values, three quarters of
        // a common word's search; a caller that shows no facets skips it.
        // Filters need the values whether counted or not.
        let counting = req.facet_limit > 0;
        let filtered = !constraints.is_empty() || selected.iter().any(Option::is_some);
        // Keeps a candidate if it passes everything; when counting, counts
        // its facets either way.
        let mut collect =
            |doc: u32, score: f32, matched: u32, out: &mut Vec<Cand>, counts: &mut Counts| {
                let d = doc as usize;
                if excluded.get(d).copied().unwrap_or(false) {
                    return;
                }
                let date = self.date_key(d);
                if from.is_some_and(|f| date < f || date == 0)
                    || to.is_some_and(|t| date > t || date == 0)
                {
                    return;
                }
                if counting || filtered {
                    self.doc_facets(d, &mut values);
                }
                for (set, negated) in &constraints {
                    let has = values.iter().any(|v| set.binary_search(v).is_ok());
                    if has == *negated {
                        return;
                    }
                }
                let mut fails = 0u32;
                let dated_in = date != 0 && ranged && (lo..=hi).contains(&date);
                if timed && !dated_in && !(req.undated && date == 0) {
                    fails |= 1 << FACET_KINDS;
                }
                for (k, sel) in selected.iter().enumerate() {
                    if let Some(sel) = sel {
                        let r = starts[k]..starts[k + 1];
                        if !values
                            .iter()
                            .any(|v| r.contains(v) && sel.binary_search(v).is_ok())
                        {
                            fails |= 1 << k;
                        }
                    }
                }
                if counting && fails & !(1 << FACET_KINDS) == 0 {
                    counts.months.push(date / 100);
                }
                match fails.count_ones() {
                    0 => {
                        if counting {
                            counts.bump(&values, 0..u32::MAX);
                        }
                        out.push(Cand {
                            doc,
                            score,
                            matched,
                            date,
                        });
                    }
                    // Failing only its own facet: it counts toward that facet's other values.
                    1 if counting => {
                        let k = fails.trailing_zeros() as usize;
                        if k < FACET_KINDS {
                            counts.bump(&values, starts[k]..starts[k + 1]);
                        }
                    }
                    _ => {}
                }
            };

        let mut cands: Vec<Cand> = Vec::new();
        let mut fallback = false;
        if clauses.is_empty() {
            for doc in 0..n as u32 {
                collect(doc, 0.0, 0, &mut cands, &mut counts);
            }
        } else {
            // In the order scored: the candidates are ranked by a total
            // order and the facet values counted, so no order matters here.
            for &doc in &scratch.any {
                let m = scratch.matched[doc as usize];
                if m == all {
                    collect(doc, scratch.total[doc as usize], m, &mut cands, &mut counts);
                }
            }
            if cands.is_empty() && clauses.len() > 1 {
                counts.clear();
                // The best partial matches need every clause's full scores.
                for &d in &scratch.any {
                    scratch.total[d as usize] = 0.0;
                    scratch.matched[d as usize] = 0;
                }
                scratch.any.clear();
                snip.clear();
                self.score_clauses(
                    clauses,
                    &expanded,
                    mask,
                    false,
                    &mut scratch,
                    &mut hl,
                    &mut snip,
                    &mut near,
                );
                for &doc in &scratch.any {
                    let m = scratch.matched[doc as usize];
                    collect(doc, scratch.total[doc as usize], m, &mut cands, &mut counts);
                }
                fallback = !cands.is_empty();
            }
        }

        let total = cands.len();
        let page_end = req.offset.saturating_add(req.limit).min(total);
        let by_relevance = |a: &Cand, b: &Cand| {
            b.matched
                .count_ones()
                .cmp(&a.matched.count_ones())
                .then(b.score.total_cmp(&a.score))
                .then(b.date.cmp(&a.date))
                .then(a.doc.cmp(&b.doc))
        };
        let sort = if clauses.is_empty() && req.sort == Sort::Relevance {
            Sort::Newest
        } else {
            req.sort
        };
        match sort {
            Sort::Relevance => {
                let head = page_end.max(PROXIMITY_RERANK).min(total);
                top_k(&mut cands, head, &by_relevance);
                let words = near.iter().filter(|t| !t.is_empty()).count();
                if words > 1 && !fallback {
                    self.proximity(&mut cands[..PROXIMITY_RERANK.min(total)], &near, mask);
                    top_k(
                        &mut cands[..PROXIMITY_RERANK.min(total)],
                        PROXIMITY_RERANK,
                        &by_relevance,
                    );
                }
            }
            Sort::Newest => top_k(&mut cands, page_end, &|a, b| {
                b.date.cmp(&a.date).then(a.doc.cmp(&b.doc))
            }),
            Sort::Oldest => top_k(&mut cands, page_end, &|a, b| {
                // Undated articles last in either order.
                let ka = if a.date == 0 { u32::MAX } else { a.date };
                let kb = if b.date == 0 { u32::MAX } else { b.date };
                ka.cmp(&kb).then(a.doc.cmp(&b.doc))
            }),
        }

        let page = cands.get(req.offset.min(page_end)..page_end).unwrap_or(&[]);
        let hits = self.hits(page, &hl, &snip);

        // Values counted, by kind, in the order first counted: `top_by_count`
        // orders them fully, so one pass spares sorting them all.
        let mut by_kind: [Vec<u32>; FACET_KINDS] = Default::default();
        for &v in &counts.touched {
            let mut k = 0;
            while k + 1 < FACET_KINDS && v >= starts[k + 1] {
                k += 1;
            }
            by_kind[k].push(v);
        }
        let mut facets = Facets::default();
        for (k, mut list) in by_kind.into_iter().enumerate().filter(|_| counting) {
            let sel = selected[k].as_deref().unwrap_or(&[]);
            // Ids run in name order within a kind (the build sorts them), so
            // comparing ids orders names without reading a single string.
            let n = &counts.n;
            top_by_count(&mut list, req.facet_limit, &|id| n[id as usize]);
            for &s in sel {
                if !list.contains(&s) {
                    list.push(s);
                }
            }
            let out = list
                .into_iter()
                .map(|id| FacetCount {
                    value: self.facet_name(id),
                    count: n[id as usize],
                    selected: sel.contains(&id),
                })
                .collect();
            facets.set(k, out);
        }
        let (months, undated) = histogram(counts.months);
        for &d in &scratch.any {
            scratch.total[d as usize] = 0.0;
            scratch.matched[d as usize] = 0;
        }
        scratch.any.clear();
        for &v in &counts.touched {
            counts.n[v as usize] = 0;
        }
        BUFFERS.with(|b| b.set(Some((scratch, counts.n))));
        Results {
            total,
            fallback,
            hits,
            facets,
            months,
            undated,
        }
    }

    /// An empty query without filters: every article newest first, facet
    /// counts as the build counted them. Costs the page, not the corpus.
    fn browse(&self, req: &SearchRequest) -> Results<'a> {
        let n = self.len();
        let page_end = req.offset.saturating_add(req.limit).min(n);
        let newest = self.section(Section::Newest);
        let page: Vec<Cand> = (req.offset.min(page_end)..page_end)
            .map(|k| {
                let doc = u32_at(newest, k);
                Cand {
                    doc,
                    score: 0.0,
                    matched: 0,
                    date: self.date_key(doc as usize),
                }
            })
            .collect();
        let hits = self.hits(&page, &Highlighter::default(), &[]);
        let top = self.section(Section::FacetTop);
        let mut facets = Facets::default();
        for k in 0..FACET_KINDS {
            let ids: Vec<u32> = if req.facet_limit <= FACET_TOP {
                (0..req.facet_limit)
                    .map(|i| u32_at(top, k * FACET_TOP + i))
                    .filter(|&id| id != u32::MAX)
                    .collect()
            } else {
                let mut all: Vec<u32> = self.facet_kind_range(k).collect();
                top_by_count(&mut all, req.facet_limit, &|id| self.facet_total(id));
                all
            };
            let out = ids
                .into_iter()
                .map(|id| FacetCount {
                    value: self.facet_name(id),
                    count: self.facet_total(id),
                    selected: false,
                })
                .collect();
            facets.set(k, out);
        }
        let (months, undated) = histogram((0..n).map(|d| self.date_key(d) / 100).collect());
        Results {
            total: n,
            fallback: false,
            hits,
            facets,
            months,
            undated,
        }
    }

    /// The page's hits with their snippets: the positions of every matched
    /// term are read for these few articles only.
    fn hits(&self, page: &[Cand], hl: &Highlighter, snip: &[(TermInfo, u16)]) -> Vec<Hit<'a>> {
        let mut order: Vec<(u32, usize)> =
            page.iter().enumerate().map(|(i, c)| (c.doc, i)).collect();
        crate::sort::sort_u32_index(&mut order);
        let targets: Vec<u32> = order.iter().map(|o| o.0).collect();
        let mut matches: Vec<Vec<(u32, u16)>> = vec![Vec::new(); page.len()];
        let mut mask = (1 << FIELD_HEADING) | (1 << FIELD_BODY);
        if hl.in_comments {
            mask |= 1 << FIELD_COMMENTS;
        }
        if !targets.is_empty() {
            for (info, group) in snip {
                self.positions_for(info, &targets, mask, |ti, f, p| {
                    matches[order[ti].1].push((snippet::tag(f, p), *group))
                });
            }
        }
        page.iter()
            .zip(&mut matches)
            .filter_map(|(c, m)| {
                crate::sort::sort_u32_u16(m);
                let view = self.view(c.doc as usize)?;
                let (snippet, highlights) = self.snippet_at(c.doc as usize, &view, m, hl);
                Some(Hit {
                    index: c.doc as usize,
                    id: view.id,
                    score: c.score,
                    title: view.title,
                    date: view.date,
                    outlet: view.outlet,
                    title_highlights: hl.ranges(view.title),
                    snippet,
                    highlights,
                })
            })
            .collect()
    }

    /// Scales the scores of `cands` by how close consecutive query words stand.
    fn proximity(&self, cands: &mut [Cand], near: &[Vec<TermInfo>], mask: u8) {
        let mut targets: Vec<(u32, usize)> =
            cands.iter().enumerate().map(|(i, c)| (c.doc, i)).collect();
        crate::sort::sort_u32_index(&mut targets);
        let docs: Vec<u32> = targets.iter().map(|t| t.0).collect();
        // Per clause, per target: field-tagged positions.
        let mut lists: Vec<Vec<Vec<u32>>> = Vec::with_capacity(near.len());
        for infos in near.iter().filter(|t| !t.is_empty()) {
            let mut per: Vec<Vec<u32>> = vec![Vec::new(); docs.len()];
            for info in infos {
                self.positions_for(info, &docs, mask, |ti, f, p| {
                    per[ti].push(((f as u32) << 24) | p.min(0xFF_FFFF))
                });
            }
            for l in &mut per {
                crate::sort::sort_u32(l);
            }
            lists.push(per);
        }
        let pairs = (lists.len() - 1) as f32;
        for (ti, &(_, ci)) in targets.iter().enumerate() {
            let mut closeness = 0.0;
            for w in lists.windows(2) {
                let d = min_distance(&w[0][ti], &w[1][ti]);
                if d <= PROXIMITY_SPAN {
                    closeness += 1.0 / d.max(1) as f32;
                }
            }
            cands[ci].score *= 1.0 + PROXIMITY_MAX * closeness / pairs;
        }
    }

    /// The terms a query matched, to highlight in any text (the reader view).
    pub fn highlighter(&self, query: &str) -> Highlighter {
        let q = parse::parse(query);
        let mut hl = Highlighter {
            in_comments: q.in_comments,
            ..Highlighter::default()
        };
        for (k, c) in q.clauses.iter().enumerate() {
            for alt in &c.alts {
                match alt {
                    Alt::Word {
                        term,
                        prefix,
                        literal,
                        ..
                    } => {
                        for e in self.expand(term, *prefix, *literal) {
                            if e.kind != MatchKind::PrefixTail {
                                hl.add(&e.term, k);
                            }
                        }
                    }
                    Alt::Phrase(terms) => terms.iter().for_each(|t| hl.add(t, k)),
                }
            }
        }
        hl
    }

    /// Match ranges over the whole of article `i` for `query`.
    pub fn highlights(&self, i: usize, query: &str) -> Option<ArticleHighlights> {
        let view = self.view(i)?;
        Some(self.highlighter(query).article(&view))
    }

    /// For a search that found nothing, a query that finds something: each
    /// word no article has replaced by its nearest dictionary term (two
    /// edits), else left out, else the words that do match alone. `None`
    /// when every word matches (the filters or exclusions are to blame) or
    /// nothing would. Field, date and facet syntax is dropped from it.
    pub fn suggest(&self, req: &SearchRequest) -> Option<String> {
        let q = parse::parse(&req.query);
        let mask = default_mask(q.in_comments);
        // [with corrections, without the dead words]
        let mut tries = [Vec::new(), Vec::new()];
        let mut dead = false;
        for c in &q.clauses {
            let mut alts: [Vec<String>; 2] = Default::default();
            for alt in &c.alts {
                let (live, fix) = match alt {
                    Alt::Word {
                        term,
                        prefix,
                        literal,
                        ..
                    } => (
                        !self.expand(term, *prefix, *literal).is_empty(),
                        Some(term.as_str()),
                    ),
                    Alt::Phrase(terms) => (!self.phrase_docs(terms, mask).is_empty(), None),
                };
                let text = match alt {
                    Alt::Word { term, .. } => term.clone(),
                    Alt::Phrase(terms) => format!("\"{}\"", terms.join(" ")),
                };
                if live {
                    alts[0].push(text.clone());
                    alts[1].push(text);
                } else {
                    dead = true;
                    alts[0].extend(fix.and_then(|t| self.correction(t)));
                }
            }
            for (t, a) in tries.iter_mut().zip(alts) {
                if !a.is_empty() {
                    t.push(a.join(" OR "));
                }
            }
        }
        if !dead {
            return None;
        }
        tries.into_iter().map(|t| t.join(" ")).find(|t| {
            !t.is_empty()
                && self
                    .search(&SearchRequest {
                        query: t.clone(),
                        limit: 0,
                        facet_limit: 0,
                        ..req.clone()
                    })
                    .total
                    > 0
        })
    }

    /// Parses a query without running it (for tools that show what was understood).
    pub fn parse(query: &str) -> Query {
        parse::parse(query)
    }
}

/// The terms whose positions stand for a clause in proximity: the word and its
/// inflections if present, else its few most frequent completions or corrections.
fn proximity_terms(exps: &[Expansion]) -> Vec<TermInfo> {
    let strong: Vec<TermInfo> = exps
        .iter()
        .filter(|e| matches!(e.kind, MatchKind::Exact | MatchKind::Stem))
        .map(|e| e.info)
        .collect();
    if !strong.is_empty() {
        return strong;
    }
    exps.iter().take(4).map(|e| e.info).collect()
}

/// Smallest distance between two sorted lists of field-tagged positions, in the same field.
fn min_distance(a: &[u32], b: &[u32]) -> u32 {
    let (mut i, mut j) = (0, 0);
    let mut best = u32::MAX;
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        if x >> 24 == y >> 24 {
            best = best.min(x.abs_diff(y));
        }
        if x < y {
            i += 1;
        } else {
            j += 1;
        }
    }
    best
}

/// Keeps the `k` facet value ids with the highest `count`, most first, ties
/// in id (that is, name) order. Packed into `u64` keys, so that the sort is
/// the one `crate::sort` already ships.
fn top_by_count(ids: &mut Vec<u32>, k: usize, count: &dyn Fn(u32) -> u32) {
    let mut keys: Vec<u64> = ids
        .iter()
        .map(|&id| (u64::from(u32::MAX - count(id)) << 32) | u64::from(id))
        .collect();
    if k == 0 {
        ids.clear();
        return;
    }
    if k < keys.len() {
        keys.select_nth_unstable(k - 1);
        keys.truncate(k);
    }
    keys.sort_unstable();
    ids.clear();
    ids.extend(keys.into_iter().map(|key| key as u32));
}

/// Puts the `k` first elements by `cmp` in order at the front; the rest stay
/// unordered. One pass keeps the best `k` so far sorted at the front: most
/// elements lose to the current `k`th with one comparison, the others are
/// placed by binary search. Every comparator here is a total order, so this
/// gives exactly what a full sort would; taking it as `&dyn` keeps one copy of
/// the code per element type instead of one per comparator (wasm size).
fn top_k<T: Copy>(v: &mut [T], k: usize, cmp: &dyn Fn(&T, &T) -> std::cmp::Ordering) {
    let k = k.min(v.len());
    let mut kept = 0;
    for i in 0..v.len() {
        let x = v[i];
        if kept == k {
            if k == 0 || cmp(&x, &v[k - 1]).is_ge() {
                continue;
            }
            // x takes the place of the kth, which goes where x was.
            v[i] = v[k - 1];
            kept -= 1;
        }
        let at = v[..kept].partition_point(|y| cmp(y, &x).is_lt());
        v.copy_within(at..kept, at + 1);
        v[at] = x;
        kept += 1;
    }
}
