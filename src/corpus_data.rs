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
        Corpus::open(CORPUS_BYTES).expect("the embedded corpus was written by this build")
    })
}
