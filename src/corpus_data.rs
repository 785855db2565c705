//! The corpus `build.rs` compiled from the seeds, opened in place: opening
//! reads a header, not the articles.
//!
//! In wasm the corpus travels beside the module, not inside it. A data
//! segment is decoded when the module compiles and copied when it
//! instantiates, so a 21 MB corpus in the module cost about 50 ms before any
//! code ran. Instead the corpus is stored in a custom section, which
//! `scripts/post-build.mjs` moves into its own file (`corpus-HASH.bin`); the
//! page fetches it alongside the module and hands it to [`load_corpus`].
//! Native builds embed it as usual.

use std::sync::OnceLock;

use dossier_core::Corpus;
#[cfg(target_family = "wasm")]
use wasm_bindgen::prelude::wasm_bindgen;

macro_rules! corpus_file {
    () => {
        include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"))
    };
}

/// The custom section the post-build step turns into `corpus-HASH.bin`. The
/// name is matched there. Not `#[used]`: that also puts a copy in the data
/// segment; a custom section stays without any reference.
#[cfg(target_family = "wasm")]
#[link_section = "dossier-corpus"]
pub static CORPUS_SECTION: [u8; corpus_file!().len()] = *corpus_file!();

static CORPUS: OnceLock<Corpus<'static>> = OnceLock::new();

/// The corpus. In wasm, [`load_corpus`] must have run: the page's bootstrap
/// and `dossier.js` call it before anything else.
pub fn corpus() -> &'static Corpus<'static> {
    CORPUS.get_or_init(|| {
        // `throw_str`, not `expect`: no Debug formatting code in the wasm.
        #[cfg(target_family = "wasm")]
        wasm_bindgen::throw_str("Dossier: the articles are not loaded; call loadCorpus first");
        #[cfg(not(target_family = "wasm"))]
        open(corpus_file!())
    })
}

/// Takes the bytes of `corpus-HASH.bin` and opens them. Only the index is
/// copied into wasm memory; the articles' text (two thirds of the file) stays
/// in `bytes`, and each article is copied in the first time a result or the
/// reader shows it, so opening does not touch megabytes of text it may never
/// show. `bytes` is kept for the life of the page. A second call is ignored:
/// every instance on a page shares the one corpus.
#[cfg(target_family = "wasm")]
#[wasm_bindgen(js_name = loadCorpus)]
pub fn load_corpus(bytes: &js_sys::Uint8Array) {
    if CORPUS.get().is_some() {
        return;
    }
    let total = bytes.length() as usize;
    let header = bytes
        .subarray(0, total.min(Corpus::HEADER_LEN) as u32)
        .to_vec();
    let at = Corpus::articles_offset(&header).unwrap_or_else(|_| damaged());
    let head: &'static [u8] = Vec::leak(bytes.subarray(0, at as u32).to_vec());
    js_articles::keep(bytes.subarray(at as u32, total as u32));
    let corpus = Corpus::open_split(head, &js_articles::JsArticles).unwrap_or_else(|_| damaged());
    let _ = CORPUS.set(corpus);
}

/// The articles section, left in a JS `Uint8Array` and copied into wasm
/// memory one article at a time, each once.
#[cfg(target_family = "wasm")]
mod js_articles {
    use std::cell::RefCell;

    thread_local! {
        static SOURCE: RefCell<Option<js_sys::Uint8Array>> = const { RefCell::new(None) };
        /// Articles already copied in, sorted by offset: the corpus hands
        /// out `'static` borrows, so a copy is kept for the life of the page.
        static COPIED: RefCell<Vec<(usize, &'static [u8])>> = const { RefCell::new(Vec::new()) };
    }

    pub fn keep(bytes: js_sys::Uint8Array) {
        SOURCE.with_borrow_mut(|s| *s = Some(bytes));
    }

    /// The store the corpus reads through; the bytes live in the thread
    /// locals above (a JS value cannot be shared between threads, and wasm
    /// has one).
    pub struct JsArticles;

    impl dossier_core::ArticleStore<'static> for JsArticles {
        fn size(&self) -> usize {
            SOURCE.with_borrow(|s| s.as_ref().map_or(0, |b| b.length() as usize))
        }

        fn read(&self, at: usize, len: usize) -> Option<&'static [u8]> {
            let slot = COPIED.with_borrow(|c| c.binary_search_by_key(&at, |e| e.0));
            let slot = match slot {
                Ok(k) => return Some(COPIED.with_borrow(|c| c[k].1)),
                Err(k) => k,
            };
            let end = at.checked_add(len).filter(|end| *end <= self.size())?;
            let copy = SOURCE
                .with_borrow(|s| Some(s.as_ref()?.subarray(at as u32, end as u32).to_vec()))?;
            let bytes: &'static [u8] = Vec::leak(copy);
            COPIED.with_borrow_mut(|c| c.insert(slot, (at, bytes)));
            Some(bytes)
        }
    }
}

fn damaged() -> ! {
    // `build.rs` wrote the file with the same core version and the file's name
    // carries its hash, so a failure to open is a damaged copy or a file from
    // another build, not a user error.
    wasm_bindgen::throw_str(
        "Dossier: the corpus file is damaged or from another build; rebuild the app",
    )
}

#[cfg(not(target_family = "wasm"))]
fn open(bytes: &'static [u8]) -> Corpus<'static> {
    Corpus::open(bytes).unwrap_or_else(|_| damaged())
}
