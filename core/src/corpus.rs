//! The serialized corpus: the one blob `build.rs` writes and the app embeds,
//! holding the articles and their search index. Write and read go through this
//! module only, so both sides always agree.
//!
//! `Corpus::open` checks the header and borrows the bytes: nothing is decoded
//! until it is asked for, so opening costs the same for five articles or five
//! thousand.

use serde::Deserialize;

use crate::analysis::Stem;
use crate::article::{Article, BlockKind, Date};
use crate::index::{self, u32_at, Section, DOC_RECORD, FACET_KINDS, FIELDS, MAGIC, SECTIONS};

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

/// An opened corpus, borrowing the serialized bytes.
pub struct Corpus<'a> {
    pub(crate) sections: [&'a [u8]; SECTIONS],
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
        let body = bytes
            .strip_prefix(MAGIC.as_slice())
            .ok_or(CorpusError::NotACorpus)?;
        let count = u32_at(body, 0) as usize;
        if body.len() < 4 + SECTIONS * 8 {
            return Err(CorpusError::Corrupt("the header is cut short".into()));
        }
        if count != SECTIONS {
            return Err(CorpusError::NotACorpus);
        }
        let mut sections: [&[u8]; SECTIONS] = [&[]; SECTIONS];
        for (s, slot) in sections.iter_mut().enumerate() {
            let at = u32_at(body, 1 + 2 * s) as usize;
            let len = u32_at(body, 2 + 2 * s) as usize;
            *slot = bytes.get(at..at + len).ok_or_else(|| {
                CorpusError::Corrupt(format!("section {s} runs past the end of the blob"))
            })?;
        }
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
        self.section(Section::Articles)
            .get(at..at + len)
            .unwrap_or(&[])
    }

    /// The whole article `i` (`0..len()`), decoded. `None` past the end or if the bytes are damaged.
    pub fn article(&self, i: usize) -> Option<Article> {
        if i >= self.len {
            return None;
        }
        postcard::from_bytes(self.article_bytes(i)).ok()
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
    fn empty_corpus_opens() {
        let bytes = Corpus::build(&[]);
        let c = Corpus::open(&bytes).unwrap();
        assert!(c.is_empty());
        assert_eq!(c.newest_first().count(), 0);
    }
}
