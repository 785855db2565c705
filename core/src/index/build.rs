//! Builds the whole blob from articles, at compile time (build.rs) or in the CLI.
//! Everything a query can reuse is computed here: field lengths and their
//! averages, facet tables, stem groups, newest-first order and related articles.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use fst::MapBuilder;

use super::*;
use crate::analysis::{is_stop_word, tokenize_into, Stem, Token};
use crate::article::{sort_entities, Article, BlockKind, Entities, EntityCount};
use crate::query::expand::{corrected, within_edits};

/// Terms per article kept for the related-articles similarity: enough to
/// characterise a news report, few enough to keep the build quadratic-free.
const TERM_VECTOR_SIZE: usize = 32;

/// Per term, the articles it occurs in with its positions in each field, in term order.
type Inverted = BTreeMap<String, Vec<(u32, [Vec<u32>; FIELDS])>>;

/// Per doc, per term, per field: positions.
type DocTerms = HashMap<String, [Vec<u32>; FIELDS]>;

/// Indexes one block of text into its field. With `table`, also writes the
/// block's entry of the `Blocks` section.
#[allow(clippy::too_many_arguments)]
fn index_text(
    text: &str,
    field: usize,
    next_pos: &mut [u32; FIELDS],
    lens: &mut [u32; FIELDS],
    terms: &mut DocTerms,
    variants: &mut BTreeSet<String>,
    scratch: &mut Vec<Token>,
    table: Option<&mut Vec<u8>>,
) {
    scratch.clear();
    let first = next_pos[field];
    // One position of gap between blocks keeps phrases from spanning two paragraphs.
    let end = tokenize_into(text, first, scratch);
    lens[field] += end - first;
    next_pos[field] = end + 1;
    if let Some(table) = table {
        put_varint(table, end - first);
        let mut chars = text.char_indices().enumerate();
        let mut last_byte = 0;
        let mut next_anchor = first + ANCHOR_WORDS;
        for t in scratch.iter() {
            if t.pos < next_anchor {
                continue;
            }
            // The first token at the anchor's position: a compound's whole
            // comes before its first part and starts at the same char.
            let byte = chars
                .find(|&(c, _)| c == t.start)
                .map_or(text.len(), |(_, (b, _))| b);
            put_varint(table, (byte - last_byte) as u32);
            last_byte = byte;
            next_anchor += ANCHOR_WORDS;
        }
    }
    for t in scratch.drain(..) {
        if t.exact != t.term {
            variants.insert(t.exact);
        }
        terms.entry(t.term).or_default()[field].push(t.pos);
    }
}

pub fn build(articles: &[Article]) -> Vec<u8> {
    let n = articles.len();
    let mut scratch = Vec::new();
    // term -> [(doc, positions per field)], terms in key order for the fst.
    let mut inverted: Inverted = BTreeMap::new();
    let mut variant_docs: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut field_lens: Vec<[u32; FIELDS]> = Vec::with_capacity(n);
    let mut blocks_table = Vec::new();
    let mut blocks_at = Vec::with_capacity(n);
    for (doc, a) in articles.iter().enumerate() {
        let mut terms = DocTerms::new();
        let mut variants = BTreeSet::new();
        let mut next = [0u32; FIELDS];
        let mut lens = [0u32; FIELDS];
        blocks_at.push(blocks_table.len() as u32);
        let mut add = |text: &str, field: usize, table: Option<&mut Vec<u8>>| {
            index_text(
                text,
                field,
                &mut next,
                &mut lens,
                &mut terms,
                &mut variants,
                &mut scratch,
                table,
            )
        };
        add(&a.title, FIELD_TITLE, None);
        for b in &a.blocks {
            let field = match b.kind {
                BlockKind::Paragraph => FIELD_BODY,
                BlockKind::Heading | BlockKind::Caption => FIELD_HEADING,
            };
            add(&b.text, field, Some(&mut blocks_table));
        }
        for c in &a.comments {
            add(&c.text, FIELD_COMMENTS, Some(&mut blocks_table));
        }
        field_lens.push(lens);
        for (term, pos) in terms {
            inverted.entry(term).or_default().push((doc as u32, pos));
        }
        for v in variants {
            variant_docs.entry(v).or_default().push(doc as u32);
        }
    }

    let mut w = Writer::default();

    // Postings and the term dictionary.
    let mut postings = Vec::new();
    let mut terms_fst = MapBuilder::memory();
    let mut docs_stream = Vec::new();
    let mut pos_stream = Vec::new();
    let mut skips = Vec::new();
    let mut df_of: HashMap<&str, u32> = HashMap::with_capacity(inverted.len());
    let near = typo_neighbours(&inverted);
    for (term, list) in &inverted {
        docs_stream.clear();
        pos_stream.clear();
        skips.clear();
        let mut last = 0;
        let mut entry = (0, 0, 0);
        for (k, (doc, fields)) in list.iter().enumerate() {
            if k > 0 && k % SKIP_EVERY == 0 {
                let here = (last, docs_stream.len() as u32, pos_stream.len() as u32);
                put_varint(&mut skips, here.0 - entry.0);
                put_varint(&mut skips, here.1 - entry.1);
                put_varint(&mut skips, here.2 - entry.2);
                entry = here;
            }
            // Lists are pushed in doc order, so deltas are never negative.
            let tf: [u32; FIELDS] = std::array::from_fn(|f| fields[f].len() as u32);
            put_posting(&mut docs_stream, doc - last, &tf);
            last = *doc;
            for positions in fields {
                let mut prev = 0;
                for (k, &p) in positions.iter().enumerate() {
                    put_varint(&mut pos_stream, if k == 0 { p } else { p - prev });
                    prev = p;
                }
            }
        }
        let offset = postings.len() as u64;
        let edits = near.get(term.as_str()).filter(|e| !e.is_empty());
        put_varint(
            &mut postings,
            (list.len() as u32) << 1 | edits.is_some() as u32,
        );
        put_varint(&mut postings, docs_stream.len() as u32);
        if let Some(edits) = edits {
            put_varint(&mut postings, edits.len() as u32);
            postings.extend_from_slice(edits);
        }
        if list.len() > SKIP_EVERY {
            put_varint(&mut postings, skips.len() as u32);
            postings.extend_from_slice(&skips);
        }
        postings.extend_from_slice(&docs_stream);
        postings.extend_from_slice(&pos_stream);
        terms_fst
            .insert(term, offset)
            .expect("terms are inserted once each, in order");
        df_of.insert(term.as_str(), list.len() as u32);
    }

    // Stem groups: only stems that lead somewhere other than the typed word itself.
    let stemmer = Stem::default();
    let mut stems: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for term in inverted.keys() {
        let s = stemmer.stem(term);
        stems.entry(s.into_owned()).or_default().push(term);
    }
    let mut stems_fst = MapBuilder::memory();
    let mut groups = Vec::new();
    for (stem, members) in &stems {
        if members.len() == 1 && members[0] == stem {
            continue;
        }
        let offset = groups.len() as u64;
        put_varint(&mut groups, members.len() as u32);
        for m in members {
            // Members mostly extend their stem ("call" → "calls", "called").
            let mut shared = stem
                .bytes()
                .zip(m.bytes())
                .take_while(|(a, b)| a == b)
                .count();
            while !stem.is_char_boundary(shared) {
                shared -= 1;
            }
            put_varint(&mut groups, shared as u32);
            put_varint(&mut groups, (m.len() - shared) as u32);
            groups.extend_from_slice(&m.as_bytes()[shared..]);
        }
        stems_fst.insert(stem, offset).expect("stems are sorted");
    }

    let mut variants_fst = MapBuilder::memory();
    let mut variant_bytes = Vec::new();
    for (v, docs) in &variant_docs {
        let offset = variant_bytes.len() as u64;
        put_varint(&mut variant_bytes, docs.len() as u32);
        let mut last = 0;
        for &d in docs {
            put_varint(&mut variant_bytes, d - last);
            last = d;
        }
        variants_fst.insert(v, offset).expect("variants are sorted");
    }

    let mut ids: Vec<(&str, usize)> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    ids.sort();
    ids.dedup_by(|b, a| a.0 == b.0);
    let mut ids_fst = MapBuilder::memory();
    for (id, i) in ids {
        ids_fst
            .insert(id, i as u64)
            .expect("ids are sorted and unique");
    }

    // Facets: value ids in (kind, name) order, so each kind is one contiguous range.
    let mut facet_map: BTreeMap<(usize, String), Vec<u32>> = BTreeMap::new();
    for (doc, a) in articles.iter().enumerate() {
        let mut add = |kind: usize, name: &str| {
            let name = name.trim();
            if !name.is_empty() {
                let docs = facet_map.entry((kind, name.to_string())).or_default();
                if docs.last() != Some(&(doc as u32)) {
                    docs.push(doc as u32);
                }
            }
        };
        if let Some(o) = &a.outlet {
            add(0, o);
        }
        if let Some(d) = a.date {
            add(1, &d.year.to_string());
        }
        for e in &a.entities.people {
            add(2, &e.name);
        }
        for e in &a.entities.places {
            add(3, &e.name);
        }
        for e in &a.entities.organizations {
            add(4, &e.name);
        }
    }
    let mut facet_values = Vec::new();
    let mut facet_strings = Vec::new();
    let mut kind_starts = vec![0u32; FACET_KINDS + 1];
    let mut per_doc: Vec<Vec<u32>> = vec![Vec::new(); n];
    for (id, ((kind, name), docs)) in facet_map.iter().enumerate() {
        for start in &mut kind_starts[kind + 1..] {
            *start = id as u32 + 1;
        }
        put_u32(&mut facet_values, facet_strings.len() as u32);
        put_u32(&mut facet_values, name.len() as u32);
        put_u32(&mut facet_values, docs.len() as u32);
        facet_strings.extend_from_slice(name.as_bytes());
        for &d in docs {
            per_doc[d as usize].push(id as u32);
        }
    }
    let mut kinds = Vec::new();
    for s in &kind_starts {
        put_u32(&mut kinds, *s);
    }
    let totals: Vec<u32> = facet_map.values().map(|d| d.len() as u32).collect();
    let mut facet_top = Vec::with_capacity(FACET_KINDS * FACET_TOP * 4);
    for k in 0..FACET_KINDS {
        let mut ids: Vec<u32> = (kind_starts[k]..kind_starts[k + 1]).collect();
        ids.sort_by_key(|&id| (std::cmp::Reverse(totals[id as usize]), id));
        for slot in 0..FACET_TOP {
            put_u32(&mut facet_top, ids.get(slot).copied().unwrap_or(u32::MAX));
        }
    }
    let mut facet_docs = Vec::new();
    let mut facet_offsets = Vec::with_capacity(n);
    for values in &per_doc {
        facet_offsets.push(facet_docs.len() as u32);
        put_varint(&mut facet_docs, values.len() as u32);
        let mut last = 0;
        for &v in values {
            put_varint(&mut facet_docs, v - last);
            last = v;
        }
    }

    // The articles. The names of their people, places and organisations are
    // the facet values the article already lists, so a record stores only
    // each one's count after the article (a seventh of the corpus otherwise).
    let names: Vec<&str> = facet_map.keys().map(|(_, name)| name.as_str()).collect();
    let mut article_spans = Vec::with_capacity(n);
    let mut articles_bytes = Vec::new();
    for (doc, a) in articles.iter().enumerate() {
        let start = articles_bytes.len();
        let entities = &per_doc[doc][..];
        let entities =
            &entities[entities.partition_point(|&id| id < kind_starts[ENTITY_KINDS.start])..];
        match entity_counts(a, entities, &names, &kind_starts) {
            Some(counts) => {
                let bare = Article {
                    entities: Entities::default(),
                    ..a.clone()
                };
                articles_bytes
                    .extend(postcard::to_allocvec(&bare).expect("an article always serializes"));
                for c in counts {
                    put_varint(&mut articles_bytes, c);
                }
            }
            None => {
                articles_bytes
                    .extend(postcard::to_allocvec(a).expect("an article always serializes"));
            }
        }
        article_spans.push((start as u32, (articles_bytes.len() - start) as u32));
    }

    let mut docs = Vec::with_capacity(n * DOC_RECORD);
    for (i, a) in articles.iter().enumerate() {
        put_u32(&mut docs, article_spans[i].0);
        put_u32(&mut docs, article_spans[i].1);
        put_u32(&mut docs, date_key(a.date));
        put_u32(&mut docs, facet_offsets[i]);
        put_u32(&mut docs, blocks_at[i]);
        for &l in &field_lens[i] {
            put_u32(&mut docs, l);
        }
    }

    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(date_key(articles[i].date)));
    let mut newest = Vec::with_capacity(n * 4);
    for i in order {
        put_u32(&mut newest, i as u32);
    }

    let related_lists = related(&inverted, &df_of, n);
    let mut related_bytes = Vec::with_capacity(n * RELATED * 4);
    for list in &related_lists {
        for k in 0..RELATED {
            put_u32(&mut related_bytes, list.get(k).copied().unwrap_or(u32::MAX));
        }
    }

    let mut averages = Vec::new();
    for f in 0..FIELDS {
        let total: u64 = field_lens.iter().map(|l| l[f] as u64).sum();
        let avg = if n == 0 {
            1.0
        } else {
            (total as f32 / n as f32).max(1.0)
        };
        averages.extend_from_slice(&avg.to_le_bytes());
    }

    w.section(Section::Docs, docs);
    w.section(Section::Articles, articles_bytes);
    w.section(
        Section::Terms,
        terms_fst.into_inner().expect("fst in memory"),
    );
    w.section(Section::Postings, postings);
    w.section(
        Section::Stems,
        stems_fst.into_inner().expect("fst in memory"),
    );
    w.section(Section::StemGroups, groups);
    w.section(
        Section::Variants,
        variants_fst.into_inner().expect("fst in memory"),
    );
    w.section(Section::VariantDocs, variant_bytes);
    w.section(Section::Ids, ids_fst.into_inner().expect("fst in memory"));
    w.section(Section::FacetValues, facet_values);
    w.section(Section::FacetKinds, kinds);
    w.section(Section::FacetStrings, facet_strings);
    w.section(Section::FacetDocs, facet_docs);
    w.section(Section::Newest, newest);
    w.section(Section::Related, related_bytes);
    w.section(Section::FieldAverages, averages);
    w.section(Section::Blocks, blocks_table);
    w.section(Section::FacetTop, facet_top);
    w.finish()
}

/// Per term that typo correction applies to, the edits making its one-edit
/// neighbours (`near`), most frequent first then in term order: the order
/// the query's own walk ranks them in, so stored and walked agree.
fn typo_neighbours(inverted: &Inverted) -> HashMap<&str, Vec<u8>> {
    let dictionary = fst::Set::from_iter(inverted.keys()).expect("terms are sorted");
    let fst = fst::raw::Fst::new(dictionary.as_fst().as_bytes()).expect("a built fst opens");
    let mut out = HashMap::new();
    for term in inverted.keys().filter(|t| corrected(t)) {
        let mut found: Vec<(usize, String)> = within_edits(&fst, term, 1)
            .into_iter()
            .filter_map(|k| String::from_utf8(k).ok())
            .map(|k| (inverted.get(&k).map_or(0, Vec::len), k))
            .collect();
        found.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        let mut edits = Vec::with_capacity(found.len() * 2);
        for (_, k) in &found {
            let ok = near::put_edit(&mut edits, term, k);
            debug_assert!(ok, "{term} -> {k} is one edit");
        }
        out.insert(term.as_str(), edits);
    }
    out
}

/// The counts of an article's entities in the order of its facet values
/// (`ids`, the person, place and organisation ones, ascending), when the
/// corpus can give the lists back from them exactly; `None` otherwise.
fn entity_counts(a: &Article, ids: &[u32], names: &[&str], starts: &[u32]) -> Option<Vec<u32>> {
    let lists = [
        &a.entities.people,
        &a.entities.places,
        &a.entities.organizations,
    ];
    let mut counts = Vec::with_capacity(ids.len());
    let mut rebuilt: [Vec<EntityCount>; 3] = Default::default();
    for &id in ids {
        let k = (ENTITY_KINDS.start..ENTITY_KINDS.end).find(|&k| id < starts[k + 1])?;
        let name = names[id as usize];
        let e = lists[k - ENTITY_KINDS.start]
            .iter()
            .find(|e| e.name == name)?;
        counts.push(e.count);
        rebuilt[k - ENTITY_KINDS.start].push(e.clone());
    }
    for (list, original) in rebuilt.iter_mut().zip(lists) {
        sort_entities(list);
        if list != original {
            return None;
        }
    }
    Some(counts)
}

/// For each article, up to `RELATED` others with the highest cosine similarity
/// of tf-idf term vectors, each vector cut to its `TERM_VECTOR_SIZE` heaviest
/// terms. Computed here so the app only reads three numbers.
fn related(inverted: &Inverted, df_of: &HashMap<&str, u32>, n: usize) -> Vec<Vec<u32>> {
    let mut vectors: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n];
    for (term_id, (term, list)) in inverted.iter().enumerate() {
        let df = df_of[term.as_str()];
        // A term in one article links nothing; one in most articles says nothing.
        if df < 2 || df as usize * 2 > n || is_stop_word(term) || term.len() < 3 {
            continue;
        }
        if term.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let idf = ((n as f32) / df as f32).ln();
        for (doc, fields) in list {
            // Title words say more about the subject than body words.
            let tf = 2 * fields[FIELD_TITLE].len()
                + fields[FIELD_HEADING].len()
                + fields[FIELD_BODY].len();
            if tf == 0 {
                continue;
            }
            let w = (1.0 + (tf as f32).ln()) * idf;
            vectors[*doc as usize].push((term_id as u32, w));
        }
    }
    let mut postings: HashMap<u32, Vec<(u32, f32)>> = HashMap::new();
    for (doc, v) in vectors.iter_mut().enumerate() {
        v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        v.truncate(TERM_VECTOR_SIZE);
        let norm = v
            .iter()
            .map(|x| x.1 * x.1)
            .sum::<f32>()
            .sqrt()
            .max(f32::EPSILON);
        for x in v.iter_mut() {
            x.1 /= norm;
            postings.entry(x.0).or_default().push((doc as u32, x.1));
        }
    }
    let mut scores = vec![0f32; n];
    let mut touched = Vec::new();
    let mut out = Vec::with_capacity(n);
    for (doc, v) in vectors.iter().enumerate() {
        for &(t, w) in v {
            for &(other, w2) in &postings[&t] {
                if other as usize != doc {
                    if scores[other as usize] == 0.0 {
                        touched.push(other);
                    }
                    scores[other as usize] += w * w2;
                }
            }
        }
        touched.sort_by(|&a, &b| {
            scores[b as usize]
                .total_cmp(&scores[a as usize])
                .then(a.cmp(&b))
        });
        out.push(touched.iter().take(RELATED).copied().collect());
        for &t in &touched {
            scores[t as usize] = 0.0;
        }
        touched.clear();
    }
    out
}

fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// Lays sections out behind the header: magic, section count, (offset, length) pairs.
#[derive(Default)]
struct Writer {
    sections: Vec<(usize, Vec<u8>)>,
}

impl Writer {
    fn section(&mut self, s: Section, bytes: Vec<u8>) {
        self.sections.push((s as usize, bytes));
    }

    fn finish(mut self) -> Vec<u8> {
        // Header order, except that the articles go last: a reader can then
        // take everything before them in one piece and fetch the articles'
        // text only when one is shown (`Corpus::open_split`).
        self.sections
            .sort_by_key(|s| (s.0 == Section::Articles as usize, s.0));
        assert_eq!(self.sections.len(), SECTIONS, "every section is written");
        let header = MAGIC.len() + 4 + SECTIONS * 8;
        let total: usize = header + self.sections.iter().map(|s| s.1.len()).sum::<usize>();
        let mut out = Vec::with_capacity(total);
        out.extend_from_slice(MAGIC);
        put_u32(&mut out, SECTIONS as u32);
        let mut bounds = [(0, 0); SECTIONS];
        let mut at = header;
        for (s, bytes) in &self.sections {
            bounds[*s] = (at, bytes.len());
            at += bytes.len();
        }
        for (at, len) in bounds {
            put_u32(&mut out, at as u32);
            put_u32(&mut out, len as u32);
        }
        for (_, bytes) in self.sections {
            out.extend_from_slice(&bytes);
        }
        out
    }
}
