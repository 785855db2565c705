//! Issue 7's native benchmarks: ingest, index build, open, and queries by
//! kind (exact, typo, prefix, phrase, facet-filtered, empty) on the seeds, the
//! 3,824 real articles and their ×10 copy, so the growth of each cost shows.
//!
//!     python3 scripts/corpus.py --copies 10
//!     cargo bench -p dossier-core --bench search
//!
//! Folders: `seeds`, `DOSSIER_BENCH_SEEDS` (default target/corpus/news-3824),
//! `DOSSIER_BENCH_X10` (default target/corpus/news-x10); a missing folder is
//! skipped with a note. Before criterion's runs, each folder prints its size
//! ratio, one-shot ingest / build / open times and the known-item table
//! (p50 / p95, target first / in the top 10) of `known_item`.
//!
//! Ingest and build of the ×10 folder take tens of seconds each: criterion
//! would repeat them ten times, so they are timed once (printed) unless
//! `DOSSIER_BENCH_FULL=1`.

mod known_item;

use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use dossier_core::{load_folder, Corpus};

/// Measured rounds per known-item query in the printed table.
const ROUNDS: usize = 3;

/// Above this many articles, ingest and build are timed once, not by criterion.
const ONE_SHOT_ABOVE: usize = 10_000;

fn bench_folder(c: &mut Criterion, name: &str, dir: &Path) {
    let Some(known_item::Prepared {
        articles,
        bytes,
        raw,
        ingest,
        build,
    }) = known_item::prepare(name, dir)
    else {
        return;
    };
    let t = Instant::now();
    let corpus = Corpus::open(&bytes).expect("the blob opens");
    let open = t.elapsed();
    println!(
        "\n[{name}] {} articles, raw text {} B, corpus {} B ({:.2}x), ingest {:.2?}, build {:.2?}, open {:.2?}",
        articles.len(),
        raw,
        bytes.len(),
        bytes.len() as f64 / raw.max(1) as f64,
        ingest,
        build,
        open
    );
    let kinds = known_item::kinds(&articles);
    known_item::print_rows(name, &known_item::evaluate(&corpus, &kinds, ROUNDS));

    let mut group = c.benchmark_group(name);
    let full = std::env::var_os("DOSSIER_BENCH_FULL").is_some_and(|v| v == "1");
    if articles.len() <= ONE_SHOT_ABOVE || full {
        group.sample_size(10);
        group.bench_function("ingest", |b| {
            b.iter(|| load_folder(dir).map(|r| r.articles.len()))
        });
        group.bench_function("build", |b| b.iter(|| Corpus::build(&articles).len()));
        group.sample_size(20);
    } else {
        println!("[{name}] ingest and build timed once above (DOSSIER_BENCH_FULL=1 to run them under criterion)");
    }
    group.bench_function("open", |b| {
        b.iter(|| Corpus::open(&bytes).map(|c| c.len()).unwrap_or(0))
    });
    for kind in &kinds {
        if kind.cases.is_empty() {
            continue;
        }
        let mut i = 0;
        group.bench_function(format!("query/{}", kind.name), |b| {
            b.iter(|| {
                i = (i + 1) % kind.cases.len();
                corpus.search(&kind.cases[i].req).total
            })
        });
    }
    group.finish();
}

fn search(c: &mut Criterion) {
    for (name, dir) in known_item::folders() {
        bench_folder(c, name, &dir);
    }
}

criterion_group! {
    name = benches;
    // Short runs: the machine is shared, and the printed percentiles are the headline.
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    targets = search
}
criterion_main!(benches);
