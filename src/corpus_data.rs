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

/// Takes the bytes of `corpus-HASH.bin` (moved into wasm memory once, kept
/// for the life of the page) and opens them. A second call is ignored: every
/// instance on a page shares the one corpus.
#[wasm_bindgen(js_name = loadCorpus)]
pub fn load_corpus(bytes: Vec<u8>) {
    if CORPUS.get().is_none() {
        let _ = CORPUS.set(open(Vec::leak(bytes)));
    }
}

fn open(bytes: &'static [u8]) -> Corpus<'static> {
    // `build.rs` wrote the file with the same core version and the file's name
    // carries its hash, so a failure to open is a damaged copy or a file from
    // another build, not a user error.
    Corpus::open(bytes).unwrap_or_else(|_| {
        wasm_bindgen::throw_str(
            "Dossier: the corpus file is damaged or from another build; rebuild the app",
        )
    })
}
