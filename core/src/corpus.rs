//! The serialized corpus: the one blob `build.rs` writes and the app embeds.
//! Write and read go through this module only, so both sides always agree.

use serde::{Deserialize, Serialize};

use crate::article::Article;

/// Marks a Dossier corpus and its format version; bump the version when the layout changes.
const MAGIC: &[u8; 8] = b"DOSSIER1";

#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Corpus {
    pub articles: Vec<Article>,
}

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
            CorpusError::Corrupt(e) => write!(f, "the corpus is damaged: {e}"),
        }
    }
}

impl std::error::Error for CorpusError {}

impl Corpus {
    pub fn new(articles: Vec<Article>) -> Corpus {
        Corpus { articles }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend(postcard::to_allocvec(self).expect("a corpus always serializes"));
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Corpus, CorpusError> {
        let body = bytes
            .strip_prefix(MAGIC.as_slice())
            .ok_or(CorpusError::NotACorpus)?;
        postcard::from_bytes(body).map_err(|e| CorpusError::Corrupt(e.to_string()))
    }

    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }

    /// Every article, newest first; undated articles last, in file order.
    pub fn newest_first(&self) -> Vec<&Article> {
        let mut list: Vec<&Article> = self.articles.iter().collect();
        list.sort_by_key(|a| std::cmp::Reverse(a.date));
        list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_garbage() {
        let a = crate::ingest::ingest(
            "x",
            "x.txt",
            " date 2016-11-14 Putin called Trump on Monday.",
        );
        let c = Corpus::new(vec![a]);
        assert_eq!(Corpus::from_bytes(&c.to_bytes()).unwrap(), c);
        assert_eq!(Corpus::from_bytes(b"nope"), Err(CorpusError::NotACorpus));
        let mut bad = c.to_bytes();
        bad.truncate(20);
        assert!(matches!(
            Corpus::from_bytes(&bad),
            Err(CorpusError::Corrupt(_))
        ));
    }
}
