//! Prints the numbers of issues 4 and 7 for each corpus folder, without
//! criterion's long runs: ingest, index build, serialized size against the raw
//! text, open, open + first search, and the known-item evaluation per query
//! kind (p50 / p95 latency, target first / in the top 10).
//!
//!     python3 scripts/corpus.py --copies 10
//!     cargo run --release -p dossier-core --example eval [-- FOLDER...]
//!
//! Without folders: the seeds, target/corpus/news-3824 and news-x10 (or
//! `DOSSIER_BENCH_SEEDS` / `DOSSIER_BENCH_X10`); missing folders are skipped.

#[path = "../benches/known_item/mod.rs"]
mod known_item;

use std::path::PathBuf;
use std::time::Instant;

use dossier_core::{Corpus, SearchRequest};

/// Measured rounds per query (plus one warm-up); a query's time is its fastest.
const ROUNDS: usize = 3;

fn main() {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let folders: Vec<(String, PathBuf)> = if args.is_empty() {
        known_item::folders()
            .into_iter()
            .map(|(n, p)| (n.to_string(), p))
            .collect()
    } else {
        args.into_iter()
            .map(|p| {
                (
                    p.file_name()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .into_owned(),
                    p,
                )
            })
            .collect()
    };
    for (label, dir) in folders {
        let Some(known_item::Prepared {
            articles,
            bytes,
            raw,
            ingest,
            build,
        }) = known_item::prepare(&label, &dir)
        else {
            continue;
        };
        let t = Instant::now();
        let corpus = Corpus::open(&bytes).expect("the blob opens");
        let open = t.elapsed();
        let first = corpus.search(&SearchRequest::new("president"));
        let first_search = t.elapsed();
        println!(
            "\n[{label}] {} articles, raw text {:.2} MB, corpus {:.2} MB ({:.2}x raw), ingest {:.2?}, index build {:.2?}, open {:.1?}, open + first search {:.1?} ({} hits)",
            articles.len(),
            raw as f64 / 1e6,
            bytes.len() as f64 / 1e6,
            bytes.len() as f64 / raw.max(1) as f64,
            ingest,
            build,
            open,
            first_search,
            first.total,
        );
        let kinds = known_item::kinds(&articles);
        let rows = known_item::evaluate(&corpus, &kinds, ROUNDS);
        known_item::print_rows(&label, &rows);
    }
}
