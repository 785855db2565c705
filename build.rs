//! Compiles the seed articles into the app: reads every file of `seeds/` (or of
//! `DOSSIER_SEEDS`) in name order, runs the core's ingestion and writes one
//! serialized corpus to `OUT_DIR/corpus.bin`, which `src/corpus_data.rs` embeds.

use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-env-changed=DOSSIER_SEEDS");
    let manifest = PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"),
    );
    let seeds = std::env::var_os("DOSSIER_SEEDS")
        .filter(|s| !s.is_empty())
        .map(|s| manifest.join(PathBuf::from(s)))
        .unwrap_or_else(|| manifest.join("seeds"));
    // A directory here makes cargo rerun when any file inside it is added, edited or removed.
    println!("cargo::rerun-if-changed={}", seeds.display());

    let report = match dossier_core::load_folder(&seeds) {
        Ok(r) => r,
        Err(e) => {
            // The error names the folder or the catalog line and says what to do.
            println!("cargo::error={e}");
            std::process::exit(1);
        }
    };
    for warning in &report.warnings {
        println!("cargo::warning={warning}");
    }
    for skipped in &report.skipped {
        println!(
            "cargo::warning={}: skipped: {}",
            skipped.file, skipped.reason
        );
    }
    if report.articles.is_empty() {
        println!(
            "cargo::warning=no articles found in {}: the app will be empty",
            seeds.display()
        );
    }
    let out =
        PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("corpus.bin");
    std::fs::write(&out, dossier_core::Corpus::build(&report.articles))
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
