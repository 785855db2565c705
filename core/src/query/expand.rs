//! From a query word to the dictionary terms that match it: the word itself,
//! its other inflections (same Snowball stem), completions of the word being
//! typed, and typo corrections found by walking the fst directly.

use fst::raw::{Fst, Node, Output};

use super::ranking::*;
use crate::analysis::is_stop_word;
use crate::corpus::Corpus;
use crate::index::{near, Cursor, Section, TermInfo};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchKind {
    Exact,
    Stem,
    Prefix,
    /// A rarer completion: only scored for articles the other words matched.
    PrefixTail,
    Fuzzy,
    Fuzzy2,
}

impl MatchKind {
    pub fn weight(self) -> f32 {
        match self {
            MatchKind::Exact => EXACT_WEIGHT,
            MatchKind::Stem => STEM_WEIGHT,
            MatchKind::Prefix | MatchKind::PrefixTail => PREFIX_WEIGHT,
            MatchKind::Fuzzy => FUZZY_WEIGHT,
            MatchKind::Fuzzy2 => FUZZY2_WEIGHT,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Expansion {
    pub term: String,
    pub info: TermInfo,
    pub kind: MatchKind,
}

impl Corpus<'_> {
    fn term_info(&self, offset: u64) -> TermInfo {
        TermInfo::read(self.section(Section::Postings), offset)
    }

    /// The exact term, if the dictionary has it.
    pub(crate) fn exact(&self, term: &str) -> Option<Expansion> {
        self.terms.get(term).map(|o| Expansion {
            term: term.to_string(),
            info: self.term_info(o),
            kind: MatchKind::Exact,
        })
    }

    /// Every term a word can match, best kind first, without duplicates.
    /// `literal` keeps the exact form only; `prefix` adds completions.
    pub(crate) fn expand(&self, term: &str, prefix: bool, literal: bool) -> Vec<Expansion> {
        let mut out: Vec<Expansion> = Vec::new();
        out.extend(self.exact(term));
        if literal || term.is_empty() {
            return out;
        }
        self.add_stems(term, &mut out);
        let chars = term.chars().count();
        let mut completions = 0;
        if prefix && chars >= PREFIX_MIN_CHARS {
            completions = self.add_prefixes(term, &mut out);
        }
        // A word being typed with more completions than FUZZY_PREFIX_COMPLETIONS
        // is unfinished, not misspelt: see the constant.
        if completions <= FUZZY_PREFIX_COMPLETIONS && corrected(term) {
            let known = out
                .first()
                .filter(|e| e.kind == MatchKind::Exact)
                .map(|e| e.info);
            let found = match known {
                Some(info) => self.add_stored_fuzzy(term, &info, &mut out),
                None => self.add_fuzzy(term, 1, MatchKind::Fuzzy, &mut out),
            };
            if found == 0 && out.is_empty() && chars >= FUZZY2_MIN_CHARS {
                self.add_fuzzy(term, 2, MatchKind::Fuzzy2, &mut out);
            }
        }
        out
    }

    /// The most frequent term two edits from a word the dictionary lacks,
    /// even one shorter than `expand` corrects that far: worth a suggestion
    /// once the search found nothing, too loose to match on while typing.
    pub(crate) fn correction(&self, term: &str) -> Option<String> {
        let chars = term.chars().count();
        if !(FUZZY_MIN_CHARS..=FUZZY_MAX_CHARS).contains(&chars)
            || term.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let mut out = Vec::new();
        self.add_fuzzy(term, 2, MatchKind::Fuzzy2, &mut out);
        out.into_iter().next().map(|e| e.term)
    }

    /// Terms sharing the word's Snowball stem.
    pub(crate) fn add_stems(&self, term: &str, out: &mut Vec<Expansion>) {
        let stem = self.stemmer.stem(term);
        let Some(at) = self.stems.get(stem.as_ref()) else {
            return;
        };
        let mut c = Cursor::new(self.section(Section::StemGroups), at as usize);
        let count = c.varint();
        let mut member = String::new();
        for _ in 0..count.min(64) {
            let shared = c.varint() as usize;
            let len = c.varint() as usize;
            let rest = c.slice(len);
            member.clear();
            let (Some(head), Ok(rest)) = (stem.get(..shared), std::str::from_utf8(rest)) else {
                continue;
            };
            member.push_str(head);
            member.push_str(rest);
            let member = member.as_str();
            if out.iter().any(|e| e.term == member) {
                continue;
            }
            if let Some(o) = self.terms.get(member) {
                out.push(Expansion {
                    term: member.to_string(),
                    info: self.term_info(o),
                    kind: MatchKind::Stem,
                });
            }
        }
    }

    /// Completions of the word being typed, the most frequent first. Returns
    /// how many the dictionary has (up to `PREFIX_SCAN`).
    fn add_prefixes(&self, term: &str, out: &mut Vec<Expansion>) -> usize {
        let fst = self.terms.as_fst();
        let postings = self.section(Section::Postings);
        let mut node = fst.root();
        let mut at = Output::zero();
        for &b in term.as_bytes() {
            let Some(i) = node.find_input(b) else {
                return 0;
            };
            let t = node.transition(i);
            at = at.cat(t.out);
            node = fst.node(t.addr);
        }
        // Depth first, transitions in byte order: the dictionary's order, as
        // a range stream gives it, at half its cost (no bounds to compare).
        // Each completion's bytes after the word go to one shared buffer.
        let mut rest: Vec<u8> = Vec::new();
        let mut found: Vec<(usize, usize, TermInfo)> = Vec::new();
        let mut path: Vec<u8> = Vec::with_capacity(16);
        let mut stack = vec![(node, at, 0usize)];
        'walk: while let Some(top) = stack.last_mut() {
            let (n, o, i) = *top;
            if i == n.len() {
                stack.pop();
                path.pop();
                continue;
            }
            top.2 += 1;
            let t = n.transition(i);
            let next = fst.node(t.addr);
            let o = o.cat(t.out);
            path.push(t.inp);
            if next.is_final() {
                if found.len() == PREFIX_SCAN {
                    break 'walk;
                }
                let start = rest.len();
                rest.extend_from_slice(&path);
                let offset = o.cat(next.final_output()).value();
                found.push((start, rest.len(), TermInfo::read(postings, offset)));
            }
            stack.push((next, o, 0));
        }
        let count = found.len();
        let before = out.len();
        // Most frequent first, ties in term order (`by_df`).
        let mut order: Vec<(u32, usize)> = found
            .iter()
            .enumerate()
            .map(|(i, f)| (u32::MAX - f.2.df, i))
            .collect();
        crate::sort::sort_u32_index(&mut order);
        for (k, (_, i)) in order.into_iter().enumerate() {
            let (start, end, info) = found[i];
            let Ok(tail) = std::str::from_utf8(&rest[start..end]) else {
                continue;
            };
            let mut completion = String::with_capacity(term.len() + tail.len());
            completion.push_str(term);
            completion.push_str(tail);
            // Exact and stem forms come first and are few: only they can repeat.
            if out[..before].iter().any(|e| e.term == completion) {
                continue;
            }
            // The most frequent completions are what the word likely becomes;
            // the rest still find the one article that has a rare word.
            let kind = if k < PREFIX_MAX_TERMS {
                MatchKind::Prefix
            } else {
                MatchKind::PrefixTail
            };
            out.push(Expansion {
                term: completion,
                info,
                kind,
            });
        }
        count
    }

    /// The one-edit neighbours the build stored for a term the dictionary
    /// has: the same terms, in the same order, as `add_fuzzy` walks to.
    fn add_stored_fuzzy(&self, term: &str, info: &TermInfo, out: &mut Vec<Expansion>) -> usize {
        let bytes = self.section(Section::Postings);
        let mut added = 0;
        near::each_neighbour(term, info.near(bytes), |t| {
            if out.iter().any(|e| e.term == t) {
                return true;
            }
            if let Some(o) = self.terms.get(t) {
                out.push(Expansion {
                    term: t.to_string(),
                    info: self.term_info(o),
                    kind: MatchKind::Fuzzy,
                });
                added += 1;
            }
            added < FUZZY_MAX_TERMS
        });
        added
    }

    /// Terms within `edits` edits of `term` (insert, delete, substitute, or swap
    /// two neighbours, all on chars), most frequent first. Returns how many were added.
    fn add_fuzzy(&self, term: &str, edits: u8, kind: MatchKind, out: &mut Vec<Expansion>) -> usize {
        // The walk keeps no outputs (most of its paths lead nowhere); the few
        // terms it found are looked up again for theirs.
        let scored: Vec<(Vec<u8>, TermInfo)> = within_edits(self.terms.as_fst(), term, edits)
            .into_iter()
            .filter_map(|k| {
                let info = self.term_info(self.terms.get(&k)?);
                Some((k, info))
            })
            .collect();
        let mut added = 0;
        for (key, info) in by_df(scored) {
            if added == FUZZY_MAX_TERMS {
                break;
            }
            let Ok(t) = String::from_utf8(key) else {
                continue;
            };
            if out.iter().any(|e| e.term == t) {
                continue;
            }
            out.push(Expansion {
                term: t,
                info,
                kind,
            });
            added += 1;
        }
        added
    }
}

/// Whether a word gets typo corrections at all: long enough, and not a
/// number. The build stores the one-edit neighbours of every such term.
pub(crate) fn corrected(term: &str) -> bool {
    let numeric = term.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    !numeric && (FUZZY_MIN_CHARS..=FUZZY_MAX_CHARS).contains(&term.chars().count())
}

/// The dictionary's terms within `edits` edits of `term` (insert, delete,
/// substitute, or swap two neighbours, all on chars), other than `term` and
/// the stop words, in byte order. The query walks for a word the dictionary lacks, the build
/// for every term it stores neighbours of.
pub(crate) fn within_edits(fst: &Fst<&[u8]>, term: &str, edits: u8) -> Vec<Vec<u8>> {
    let q: Vec<char> = term.chars().collect();
    let mut at = Vec::with_capacity(q.len() + 1);
    at.extend(term.char_indices().map(|(b, _)| b));
    at.push(term.len());
    let mut walk = Walk {
        fst,
        q: &q,
        qb: term.as_bytes(),
        at: &at,
        key: Vec::with_capacity(term.len() + 8),
        found: Vec::new(),
        steps: 0,
    };
    walk.go(fst.root(), 0, edits);
    let mut found = walk.found;
    found.sort_unstable();
    found.dedup();
    // A stop word is never what a misspelt word meant: "heave" read as
    // "have" would match almost every article.
    found.retain(|k| {
        k.as_slice() != term.as_bytes() && !std::str::from_utf8(k).is_ok_and(is_stop_word)
    });
    found
}

/// A bounded-edit walk over the fst's nodes. Following the query's own chars
/// costs nothing; each edit branches once per outgoing char. With one or two
/// edits this visits a few hundred nodes, far fewer than running a Levenshtein
/// automaton against the whole dictionary.
struct Walk<'f, 'q> {
    fst: &'f Fst<&'f [u8]>,
    q: &'q [char],
    /// The query's bytes, and where each of its chars starts in them (plus the end).
    qb: &'q [u8],
    at: &'q [usize],
    key: Vec<u8>,
    /// Terms found, without their outputs: a few per walk, looked up after.
    found: Vec<Vec<u8>>,
    steps: usize,
}

impl<'f> Walk<'f, '_> {
    /// Follows `bytes` from `node`, if the fst has them.
    fn follow(&self, mut node: Node<'f>, bytes: &[u8]) -> Option<Node<'f>> {
        for &b in bytes {
            node = self.fst.node(node.transition_addr(node.find_input(b)?));
        }
        Some(node)
    }

    /// Every complete char leaving `node`, with the node after it.
    fn chars_from(&self, node: Node<'f>, acc: &mut Vec<(char, Node<'f>)>) {
        fn rec<'f>(
            fst: &'f Fst<&'f [u8]>,
            node: Node<'f>,
            bytes: &mut Vec<u8>,
            acc: &mut Vec<(char, Node<'f>)>,
        ) {
            for t in node.transitions() {
                bytes.push(t.inp);
                let next = fst.node(t.addr);
                match std::str::from_utf8(bytes) {
                    Ok(s) => {
                        if let Some(c) = s.chars().next() {
                            acc.push((c, next));
                        }
                    }
                    // An incomplete sequence: keep reading continuation bytes.
                    Err(e) if e.error_len().is_none() && bytes.len() < 4 => {
                        rec(fst, next, bytes, acc)
                    }
                    Err(_) => {}
                }
                bytes.pop();
            }
        }
        rec(self.fst, node, &mut Vec::with_capacity(4), acc);
    }

    /// With no edit left, the rest of the query must follow byte for byte:
    /// one straight walk instead of a recursion per char (most calls end here).
    fn rest(&mut self, node: Node<'f>, qi: usize) {
        let tail = &self.qb[self.at[qi]..];
        if self.follow(node, tail).is_some_and(|n| n.is_final()) {
            let mut key = Vec::with_capacity(self.key.len() + tail.len());
            key.extend_from_slice(&self.key);
            key.extend_from_slice(tail);
            self.found.push(key);
        }
    }

    fn go(&mut self, node: Node<'f>, qi: usize, edits: u8) {
        self.steps += 1;
        if self.steps > FUZZY_MAX_STEPS {
            return;
        }
        if edits == 0 {
            self.rest(node, qi);
            return;
        }
        let q = self.q;
        let (qb, at) = (self.qb, self.at);
        if qi == q.len() && node.is_final() {
            self.found.push(self.key.clone());
        }
        if qi < q.len() {
            let c = &qb[at[qi]..at[qi + 1]];
            if let Some(n) = self.follow(node, c) {
                let mark = self.key.len();
                self.key.extend_from_slice(c);
                self.go(n, qi + 1, edits);
                self.key.truncate(mark);
            }
            // Deletion: the query has a char the term lacks.
            self.go(node, qi + 1, edits - 1);
        }
        // Transposition of two neighbours, one edit.
        if qi + 1 < q.len() && q[qi] != q[qi + 1] {
            let (c0, c1) = (&qb[at[qi]..at[qi + 1]], &qb[at[qi + 1]..at[qi + 2]]);
            if let Some(n) = self.follow(node, c1).and_then(|n| self.follow(n, c0)) {
                let mark = self.key.len();
                self.key.extend_from_slice(c1);
                self.key.extend_from_slice(c0);
                self.go(n, qi + 2, edits - 1);
                self.key.truncate(mark);
            }
        }
        // Insertion and substitution: any char the term has here.
        if qb.is_ascii() {
            // An ASCII word is not one edit away from a word with a single
            // non-Latin char (folding already made "naïve" naive), and the
            // thousands of CJK and Cyrillic first chars were most of the walk.
            // Transitions are read in place, in byte order: the ASCII ones
            // come first, so the loop stops at the first other.
            for i in 0..node.len() {
                let t = node.transition(i);
                if t.inp >= 0x80 {
                    break;
                }
                self.branch(t.inp as char, self.fst.node(t.addr), qi, edits);
            }
        } else {
            let mut next = Vec::new();
            self.chars_from(node, &mut next);
            for (c, n) in next {
                self.branch(c, n, qi, edits);
            }
        }
    }

    /// The term has `c` where the query has its char `qi` (a substitution)
    /// or before it (an insertion), spending one of `edits`.
    fn branch(&mut self, c: char, n: Node<'f>, qi: usize, edits: u8) {
        let mark = self.key.len();
        self.key
            .extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
        self.go(n, qi, edits - 1);
        if qi < self.q.len() && c != self.q[qi] {
            self.go(n, qi + 1, edits - 1);
        }
        self.key.truncate(mark);
    }
}

/// Terms given in term order, most frequent first, then by term. Sorts
/// packed (rarity, index) keys with the query path's one sort: the index
/// breaks ties in term order, and the entries are moved once, not per swap.
fn by_df(mut found: Vec<(Vec<u8>, TermInfo)>) -> Vec<(Vec<u8>, TermInfo)> {
    let mut order: Vec<(u32, usize)> = found
        .iter()
        .enumerate()
        .map(|(i, (_, info))| (u32::MAX - info.df, i))
        .collect();
    crate::sort::sort_u32_index(&mut order);
    order
        .into_iter()
        .map(|(_, i)| (std::mem::take(&mut found[i].0), found[i].1))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The neighbours stored at build time are the ones the walk finds, in
    /// its order, for every term of the seeds, with or without some of them
    /// already matched as another kind.
    #[test]
    fn stored_typo_neighbours_are_the_walks() {
        use fst::Streamer;
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
        let articles = crate::load_folder(&dir).unwrap().articles;
        let bytes = Corpus::build(&articles);
        let c = Corpus::open(&bytes).unwrap();
        let mut terms = c.terms.stream();
        let (mut checked, mut with) = (0, 0);
        while let Some((term, offset)) = terms.next() {
            let term = std::str::from_utf8(term).unwrap();
            if !corrected(term) {
                continue;
            }
            let info = c.term_info(offset);
            let mut walked = Vec::new();
            c.add_fuzzy(term, 1, MatchKind::Fuzzy, &mut walked);
            let mut stored = Vec::new();
            c.add_stored_fuzzy(term, &info, &mut stored);
            let names = |v: &[Expansion]| v.iter().map(|e| e.term.clone()).collect::<Vec<_>>();
            assert_eq!(names(&stored), names(&walked), "{term}");
            if let Some(first) = walked.first().cloned() {
                with += 1;
                let (mut a, mut b) = (vec![first.clone()], vec![first]);
                c.add_fuzzy(term, 1, MatchKind::Fuzzy, &mut a);
                c.add_stored_fuzzy(term, &info, &mut b);
                assert_eq!(names(&a), names(&b), "{term}");
            }
            checked += 1;
        }
        assert!(
            checked > 500 && with > 100,
            "{checked} terms, {with} with neighbours"
        );
    }
}
