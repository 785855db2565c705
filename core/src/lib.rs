//! Dossier's core: turns a folder of scraped news text into structured articles
//! and a serialized corpus. Plain Rust with no web dependency, so the same code runs
//! in `build.rs`, in the `dossier` CLI, in native tests and in the browser (wasm).

pub mod analysis;
pub mod article;
pub mod catalog;
pub mod corpus;
pub mod index;
pub mod ingest;
pub mod query;
pub mod seeds;
pub mod sort;

pub use article::{
    Article, Block, BlockKind, Comment, Date, DateSource, Entities, EntityCount, TitleSource,
};
pub use catalog::{Catalog, CatalogEntry};
pub use corpus::{ArticleStore, ArticleView, Corpus, CorpusError, Summary};
pub use query::{
    ArticleHighlights, FacetCount, Facets, Filters, Highlighter, Hit, Results, SearchRequest, Sort,
};
pub use seeds::{load_folder, SeedError, SeedReport, Skipped};
