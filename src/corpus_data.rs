//! The corpus `build.rs` compiled from the seeds, embedded in the binary and
//! opened in place: opening reads a header, not the articles.

use std::sync::OnceLock;

use dossier_core::Corpus;

static CORPUS_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The embedded corpus. `build.rs` wrote it with the same core version, so a
/// failure to open is a build bug, not a user error.
pub fn corpus() -> &'static Corpus<'static> {
    static CORPUS: OnceLock<Corpus<'static>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        // `throw_str`, not `expect`: no Debug formatting code in the wasm.
        Corpus::open(CORPUS_BYTES).unwrap_or_else(|_| {
            wasm_bindgen::throw_str("Dossier: the embedded corpus is damaged; rebuild the app")
        })
    })
}
