//! Dossier's core: turns a folder of scraped news text into structured articles
//! and a serialized corpus. Plain Rust with no web dependency, so the same code runs
//! in `build.rs`, in the `dossier` CLI, in native tests and in the browser (wasm).

pub mod article;
pub mod catalog;
pub mod corpus;
pub mod ingest;
pub mod seeds;

pub use article::{
    Article, Block, BlockKind, Comment, Date, DateSource, Entities, EntityCount, TitleSource,
};
pub use catalog::{Catalog, CatalogEntry};
pub use corpus::{Corpus, CorpusError};
pub use seeds::{load_folder, SeedError, SeedReport, Skipped};
