//! The serialized corpus: the one blob `build.rs` writes and the app embeds,
//! holding the articles and their search index. Write and read go through this
//! module only, so both sides always agree.
//!
//! `Corpus::open` checks the header and borrows the bytes: nothing is decoded
//! until it is asked for, so opening costs the same for five articles or five
//! thousand.

use serde::Deserialize;

use crate::analysis::Stem;
use crate::article::{Article, BlockKind, Date, Entities, EntityCount};
use crate::index::{
    self, u32_at, Cursor, Section, DOC_RECORD, ENTITY_KINDS, FACET_KINDS, FIELDS, MAGIC, SECTIONS,
};

#[derive(Debug, PartialEq, Eq)]
pub enum CorpusError {
    /// The blob does not start with the Dossier header: not a corpus, or from another format version.
    NotACorpus,
    /// The header matched but the contents could not be decoded.
    Corrupt(String),
}

impl std::fmt::Display for CorpusError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CorpusError::NotACorpus => {
                write!(f, "not a Dossier corpus of this version (rebuild the app)")
            }
            CorpusError::Corrupt(e) => {
                write!(f, "the corpus is damaged: {e} (rebuild it from the seeds)")
            }
        }
    }
}

impl std::error::Error for CorpusError {}

/// Where a corpus opened with [`Corpus::open_split`] reads its articles
/// from: the bytes of the articles section, kept outside the corpus and
/// read one article at a time.
pub trait ArticleStore<'a>: Sync {
    /// The length of the articles section.
    fn size(&self) -> usize;
    /// Bytes `at..at + len` of the articles section; `None` if they cannot be read.
    fn read(&self, at: usize, len: usize) -> Option<&'a [u8]>;
}

/// The articles section: in the corpus bytes, or in a store.
#[derive(Clone, Copy)]
enum Articles<'a> {
    Bytes(&'a [u8]),
    Store(&'a dyn ArticleStore<'a>),
}

/// An opened corpus, borrowing the serialized bytes.
pub struct Corpus<'a> {
    pub(crate) sections: [&'a [u8]; SECTIONS],
    articles: Articles<'a>,
    pub(crate) len: usize,
    pub(crate) terms: fst::Map<&'a [u8]>,
    pub(crate) stems: fst::Map<&'a [u8]>,
    pub(crate) variants: fst::Map<&'a [u8]>,
    pub(crate) ids: fst::Map<&'a [u8]>,
    pub(crate) averages: [f32; FIELDS],
    pub(crate) stemmer: Stem,
}

/// What a result list shows of an article, borrowed from the corpus bytes.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Summary<'a> {
    pub index: usize,
    pub id: &'a str,
    pub title: &'a str,
    pub date: Option<Date>,
    pub outlet: Option<&'a str>,
    /// The first paragraph, as `Article::lead`.
    pub lead: Option<&'a str>,
}

/// An article decoded without copying its text. Field order mirrors `Article`,
/// whose postcard encoding it reads; it stops before `entities`, so the fields
/// after it (`words`, `url`, `tags`) are left in the bytes.
#[derive(Debug, Deserialize)]
pub struct ArticleView<'a> {
    #[serde(borrow)]
    pub id: &'a str,
    pub file: &'a str,
    pub title: &'a str,
    pub title_source: crate::article::TitleSource,
    pub date: Option<Date>,
    pub date_source: Option<crate::article::DateSource>,
    pub outlet: Option<&'a str>,
    pub byline: Option<&'a str>,
    pub blocks: Vec<BlockView<'a>>,
    pub comments: Vec<CommentView<'a>>,
}

#[derive(Debug, Deserialize)]
pub struct BlockView<'a> {
    pub kind: BlockKind,
    #[serde(borrow)]
    pub text: &'a str,
}

#[derive(Debug, Deserialize)]
pub struct CommentView<'a> {
    #[serde(borrow)]
    pub author: Option<&'a str>,
    pub text: &'a str,
}

impl ArticleView<'_> {
    pub fn lead(&self) -> Option<&str> {
        self.blocks
            .iter()
            .find(|b| b.kind == BlockKind::Paragraph)
            .map(|b| b.text)
    }
}

impl<'a> Corpus<'a> {
    /// Serializes articles and their index into one blob for `open`.
    pub fn build(articles: &[Article]) -> Vec<u8> {
        index::build::build(articles)
    }

    /// Opens a blob from `build` without decoding it: checks the header and
    /// the bounds of every section, then borrows.
    pub fn open(bytes: &'a [u8]) -> Result<Corpus<'a>, CorpusError> {
        let mut sections = Self::locate(bytes, false)?;
        let articles = std::mem::take(&mut sections[Section::Articles as usize]);
        Self::open_sections(sections, Articles::Bytes(articles))
    }

    /// Where the articles section starts in a blob from `build` (it is the
    /// last), read from its first [`HEADER_LEN`](Self::HEADER_LEN) bytes.
    pub fn articles_offset(header: &[u8]) -> Result<usize, CorpusError> {
        let (at, _) = Self::section_bounds(header, Section::Articles as usize)?;
        Ok(at)
    }

    /// The size of the blob's header: enough for [`articles_offset`](Self::articles_offset).
    pub const HEADER_LEN: usize = MAGIC.len() + 4 + SECTIONS * 8;

    /// Opens a blob from `build` split in two: `head`, every byte before the
    /// articles section, and `store`, the articles section itself. The
    /// articles are then read from the store one at a time, when a result or
    /// the reader shows one, so a page need not copy all their text in to
    /// open the corpus.
    pub fn open_split(
        head: &'a [u8],
        store: &'a dyn ArticleStore<'a>,
    ) -> Result<Corpus<'a>, CorpusError> {
        let (at, len) = Self::section_bounds(head, Section::Articles as usize)?;
        if at != head.len() || len != store.size() {
            return Err(CorpusError::Corrupt(
                "the articles are not where the header puts them".into(),
            ));
        }
        Self::open_sections(Self::locate(head, true)?, Articles::Store(store))
    }

    /// Offset and length of section `s`, checked against the header's own shape.
    fn section_bounds(bytes: &[u8], s: usize) -> Result<(usize, usize), CorpusError> {
        let body = bytes
            .strip_prefix(MAGIC.as_slice())
            .ok_or(CorpusError::NotACorpus)?;
        if body.len() < 4 + SECTIONS * 8 {
            return Err(CorpusError::Corrupt("the header is cut short".into()));
        }
        if u32_at(body, 0) as usize != SECTIONS {
            return Err(CorpusError::NotACorpus);
        }
        Ok((
            u32_at(body, 1 + 2 * s) as usize,
            u32_at(body, 2 + 2 * s) as usize,
        ))
    }

    /// Every section's bytes; with `split`, `bytes` is a split blob's head
    /// and the articles section is left empty.
    fn locate(bytes: &'a [u8], split: bool) -> Result<[&'a [u8]; SECTIONS], CorpusError> {
        let mut sections: [&[u8]; SECTIONS] = [&[]; SECTIONS];
        for (s, slot) in sections.iter_mut().enumerate() {
            let (at, len) = Self::section_bounds(bytes, s)?;
            if split && s == Section::Articles as usize {
                continue;
            }
            *slot = at
                .checked_add(len)
                .and_then(|end| bytes.get(at..end))
                .ok_or_else(|| {
                    CorpusError::Corrupt(format!("section {s} runs past the end of the blob"))
                })?;
        }
        Ok(sections)
    }

    fn open_sections(
        sections: [&'a [u8]; SECTIONS],
        articles: Articles<'a>,
    ) -> Result<Corpus<'a>, CorpusError> {
        let docs = sections[Section::Docs as usize];
        if docs.len() % DOC_RECORD != 0 {
            return Err(CorpusError::Corrupt(
                "the article table is misaligned".into(),
            ));
        }
        let len = docs.len() / DOC_RECORD;
        let fixed = [
            (Section::Newest, len * 4),
            (Section::Related, len * index::RELATED * 4),
            (Section::FieldAverages, FIELDS * 4),
            (Section::FacetKinds, (FACET_KINDS + 1) * 4),
            (Section::FacetTop, FACET_KINDS * index::FACET_TOP * 4),
        ];
        for (s, want) in fixed {
            if sections[s as usize].len() != want {
                return Err(CorpusError::Corrupt(format!(
                    "section {} has {} bytes, expected {want}",
                    s as usize,
                    sections[s as usize].len()
                )));
            }
        }
        let map = |s: Section| {
            fst::Map::new(sections[s as usize])
                // No `{e}` or `{s:?}`: their formatting code would ship in the
                // wasm for an error the app only reports as "damaged".
                .map_err(|_| {
                    CorpusError::Corrupt(format!("dictionary {} is not a valid fst", s as usize))
                })
        };
        let averages = std::array::from_fn(|f| {
            f32::from_bits(u32_at(sections[Section::FieldAverages as usize], f)).max(1.0)
        });
        Ok(Corpus {
            len,
            terms: map(Section::Terms)?,
            stems: map(Section::Stems)?,
            variants: map(Section::Variants)?,
            ids: map(Section::Ids)?,
            averages,
            sections,
            articles,
            stemmer: Stem::default(),
        })
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub(crate) fn section(&self, s: Section) -> &'a [u8] {
        self.sections[s as usize]
    }

    pub(crate) fn doc_field(&self, i: usize, k: usize) -> u32 {
        u32_at(self.section(Section::Docs), i * (DOC_RECORD / 4) + k)
    }

    pub(crate) fn date_key(&self, i: usize) -> u32 {
        self.doc_field(i, 2)
    }

    pub(crate) fn field_len(&self, i: usize, f: usize) -> u32 {
        self.doc_field(i, 5 + f)
    }

    pub(crate) fn facet_docs_at(&self, i: usize) -> usize {
        self.doc_field(i, 3) as usize
    }

    pub(crate) fn blocks_at(&self, i: usize) -> usize {
        self.doc_field(i, 4) as usize
    }

    fn article_bytes(&self, i: usize) -> &'a [u8] {
        let at = self.doc_field(i, 0) as usize;
        let len = self.doc_field(i, 1) as usize;
        match self.articles {
            Articles::Bytes(bytes) => at.checked_add(len).and_then(|end| bytes.get(at..end)),
            Articles::Store(store) => store.read(at, len),
        }
        .unwrap_or(&[])
    }

    /// The whole article `i` (`0..len()`), decoded. `None` past the end or if the bytes are damaged.
    pub fn article(&self, i: usize) -> Option<Article> {
        if i >= self.len {
            return None;
        }
        let (mut a, counts): (Article, _) =
            postcard::take_from_bytes(self.article_bytes(i)).ok()?;
        if !counts.is_empty() {
            a.entities = self.stored_entities(i, counts)?;
        }
        Some(a)
    }

    /// An article's entities from its facet values and the counts stored
    /// after its record (see `entity_counts` in the build).
    fn stored_entities(&self, i: usize, counts: &[u8]) -> Option<Entities> {
        let mut values = Vec::new();
        self.doc_facets(i, &mut values);
        let mut counts = Cursor::new(counts, 0);
        let mut lists: [Vec<EntityCount>; 3] = Default::default();
        for k in ENTITY_KINDS {
            let range = self.facet_kind_range(k);
            let mut found: Vec<(u32, u32)> = Vec::new();
            for &id in values.iter().filter(|id| range.contains(id)) {
                if counts.at >= counts.bytes.len() {
                    return None;
                }
                found.push((id, counts.varint()));
            }
            // Most mentioned first, then by name (`sort_entities`): ids run in
            // name order, and the query path's one sort keeps the wasm small.
            let mut order: Vec<(u32, usize)> = found
                .iter()
                .enumerate()
                .map(|(i, &(_, count))| (u32::MAX - count, i))
                .collect();
            crate::sort::sort_u32_index(&mut order);
            lists[k - ENTITY_KINDS.start] = order
                .into_iter()
                .map(|(_, i)| EntityCount {
                    name: self.facet_name(found[i].0).to_string(),
                    count: found[i].1,
                })
                .collect();
        }
        let [people, places, organizations] = lists;
        Some(Entities {
            people,
            places,
            organizations,
        })
    }

    /// Article `i` with its text borrowed from the corpus bytes.
    pub fn view(&self, i: usize) -> Option<ArticleView<'a>> {
        if i >= self.len {
            return None;
        }
        postcard::take_from_bytes(self.article_bytes(i))
            .ok()
            .map(|v| v.0)
    }

    pub fn summary(&self, i: usize) -> Option<Summary<'a>> {
        let v = self.view(i)?;
        Some(Summary {
            index: i,
            id: v.id,
            title: v.title,
            date: v.date,
            outlet: v.outlet,
            lead: v
                .blocks
                .iter()
                .find(|b| b.kind == BlockKind::Paragraph)
                .map(|b| b.text),
        })
    }

    /// The index of the article with this id.
    pub fn find(&self, id: &str) -> Option<usize> {
        self.ids.get(id).map(|i| i as usize)
    }

    pub fn date(&self, i: usize) -> Option<Date> {
        index::date_from_key(self.date_key(i))
    }

    /// Every article index, newest first; undated articles last, in file order.
    pub fn newest_first(&self) -> impl ExactSizeIterator<Item = usize> + 'a {
        let bytes = self.section(Section::Newest);
        (0..self.len).map(move |k| u32_at(bytes, k) as usize)
    }

    /// Up to three articles most like article `i`, most similar first.
    pub fn related(&self, i: usize) -> Vec<usize> {
        if i >= self.len {
            return Vec::new();
        }
        let bytes = self.section(Section::Related);
        (0..index::RELATED)
            .map(|k| u32_at(bytes, i * index::RELATED + k))
            .filter(|&r| (r as usize) < self.len)
            .map(|r| r as usize)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SearchRequest;

    fn sample() -> Vec<Article> {
        let mut y = crate::ingest::ingest(
            "y",
            "y.txt",
            "Talks on trade resume in Geneva\n\nAn undated report on the trade talks, which resumed in Geneva.",
        );
        y.url = Some("https://example.com/geneva".into());
        y.tags = vec!["trade".into(), "talks".into()];
        vec![
            crate::ingest::ingest(
                "x",
                "x.txt",
                " date 2016-11-14 Putin called Trump on Monday.",
            ),
            y,
        ]
    }

    #[test]
    fn round_trips_and_rejects_garbage() {
        let articles = sample();
        let bytes = Corpus::build(&articles);
        let c = Corpus::open(&bytes).unwrap();
        assert_eq!(c.len(), 2);
        assert_eq!(c.article(0).as_ref(), Some(&articles[0]));
        assert_eq!(c.article(1).as_ref(), Some(&articles[1]));
        assert_eq!(c.article(2), None);
        assert_eq!(c.find("y"), Some(1));
        assert_eq!(c.find("z"), None);
        assert_eq!(
            c.summary(1).unwrap().lead,
            Some("An undated report on the trade talks, which resumed in Geneva.")
        );
        assert_eq!(c.newest_first().collect::<Vec<_>>(), [0, 1]);
        // The view reads a prefix of the encoding; the catalog fields after it
        // must not disturb it.
        let v = c.view(1).unwrap();
        assert_eq!((v.id, v.title), ("y", articles[1].title.as_str()));
        assert_eq!(v.comments.len(), articles[1].comments.len());
        assert!(matches!(
            Corpus::open(b"nope"),
            Err(CorpusError::NotACorpus)
        ));
        let mut bad = bytes.clone();
        bad.truncate(bytes.len() / 2);
        assert!(matches!(Corpus::open(&bad), Err(CorpusError::Corrupt(_))));
    }

    #[test]
    fn every_seed_comes_back_whole_with_its_entities_stored_as_counts() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
        let articles = crate::load_folder(&dir).unwrap().articles;
        let bytes = Corpus::build(&articles);
        let c = Corpus::open(&bytes).unwrap();
        let mut names = 0;
        for (i, a) in articles.iter().enumerate() {
            assert_eq!(c.article(i).as_ref(), Some(a), "{}", a.id);
            let e = &a.entities;
            for x in e.people.iter().chain(&e.places).chain(&e.organizations) {
                names += x.name.len();
            }
        }
        assert!(
            names > 500,
            "the seeds name people, places and organisations"
        );
        // The names are not stored a second time with the articles.
        let inline: usize = articles
            .iter()
            .map(|a| postcard::to_allocvec(a).unwrap().len())
            .sum();
        let at = Corpus::articles_offset(&bytes[..Corpus::HEADER_LEN]).unwrap();
        assert!(bytes.len() - at + names / 2 < inline);
    }

    /// A store that counts its reads, as the page's copy-on-demand one would.
    struct Counted<'a>(&'a [u8], std::sync::atomic::AtomicUsize);

    impl<'a> ArticleStore<'a> for Counted<'a> {
        fn size(&self) -> usize {
            self.0.len()
        }
        fn read(&self, at: usize, len: usize) -> Option<&'a [u8]> {
            self.1.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            self.0.get(at..at.checked_add(len)?)
        }
    }

    #[test]
    fn opens_split_reading_articles_only_when_shown() {
        let articles = sample();
        let bytes = Corpus::build(&articles);
        let at = Corpus::articles_offset(&bytes[..Corpus::HEADER_LEN]).unwrap();
        let (head, rest) = bytes.split_at(at);
        let store = Counted(rest, Default::default());
        let c = Corpus::open_split(head, &store).unwrap();
        let whole = Corpus::open(&bytes).unwrap();
        let request = SearchRequest::new("trade talks");
        let reads = || store.1.load(std::sync::atomic::Ordering::Relaxed);
        assert_eq!(reads(), 0, "opening reads no article");
        assert_eq!(
            format!("{:?}", c.search(&request).hits),
            format!("{:?}", whole.search(&request).hits)
        );
        assert!(reads() > 0);
        assert_eq!(c.article(1).as_ref(), Some(&articles[1]));
        // A head cut short, or a store of the wrong size, is refused.
        assert!(Corpus::open_split(&head[..head.len() - 1], &store).is_err());
        let short = Counted(&rest[1..], Default::default());
        assert!(Corpus::open_split(head, &short).is_err());
        assert!(Corpus::articles_offset(b"DOSSIER").is_err());
    }

    #[test]
    fn empty_corpus_opens() {
        let bytes = Corpus::build(&[]);
        let c = Corpus::open(&bytes).unwrap();
        assert!(c.is_empty());
        assert_eq!(c.newest_first().count(), 0);
    }
}
