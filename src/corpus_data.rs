//! The corpus `build.rs` compiled from the seeds, embedded in the binary and
//! decoded once on first use.

use std::sync::OnceLock;

use dossier_core::Corpus;

static CORPUS_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The embedded corpus. `build.rs` wrote it with the same core version, so a
/// failure to decode is a build bug, not a user error.
pub fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        Corpus::from_bytes(CORPUS_BYTES).expect("the embedded corpus was written by this build")
    })
}
