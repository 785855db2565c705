//! Runs one kind of the known-item queries once each, for an instruction
//! profiler: the release profile is the wasm's `opt-level = "z"`, so where the
//! instructions go here is close to where they go in the browser. The first
//! run ingests the folder and caches the blob and the query set next to it in
//! `target/profile/`; later runs only read them, so the profile is the queries.
//!
//!     cargo run --release -p dossier-core --example profile -- FOLDER prefix
//!     valgrind --tool=callgrind target/release/examples/profile FOLDER prefix

#[path = "../benches/known_item/mod.rs"]
mod known_item;

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dossier_core::{Corpus, SearchRequest};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(kind)) = (args.first(), args.get(1)) else {
        eprintln!(
            "usage: profile FOLDER KIND (exact, typo, prefix, phrase, facet-filtered, empty)"
        );
        return ExitCode::FAILURE;
    };
    let dir = Path::new(dir);
    let name = dir.file_name().unwrap_or_default().to_string_lossy();
    let cache = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/profile");
    let (blob, list) = (
        cache.join(format!("{name}.bin")),
        cache.join(format!("{name}.tsv")),
    );
    if !blob.exists() || !list.exists() {
        let Some(p) = known_item::prepare(&name, dir) else {
            return ExitCode::FAILURE;
        };
        let mut tsv = String::new();
        for k in known_item::kinds(&p.articles) {
            for c in &k.cases {
                let year = c.req.filters.year.first().map_or("", String::as_str);
                let target = p.articles[c.target].id.as_str();
                tsv.push_str(&format!("{}\t{target}\t{year}\t{}\n", k.name, c.req.query));
            }
        }
        std::fs::create_dir_all(&cache).expect("target/ is writable");
        std::fs::write(&blob, &p.bytes).expect("target/ is writable");
        std::fs::write(&list, tsv).expect("target/ is writable");
    }
    let bytes = std::fs::read(&blob).expect("the cached blob reads");
    let corpus = Corpus::open(&bytes).expect("the cached blob opens");
    let text = std::fs::read_to_string(&list).expect("the cached query set reads");
    // With a third argument, each query is timed (fastest of 5) and the
    // slowest are listed: the tail is what the p95 is made of.
    let timed = args.get(2).and_then(|a| a.parse::<usize>().ok());
    let mut times: Vec<(std::time::Duration, String)> = Vec::new();
    let (mut n, mut top1, mut top10) = (0, 0, 0);
    let mut digest = std::collections::hash_map::DefaultHasher::new();
    for line in text.lines() {
        let mut f = line.splitn(4, '\t');
        let (Some(k), Some(target), Some(year), Some(query)) =
            (f.next(), f.next(), f.next(), f.next())
        else {
            continue;
        };
        if k != kind {
            continue;
        }
        let mut req = SearchRequest::new(query);
        if !year.is_empty() {
            req.filters.year = vec![year.to_string()];
        }
        if timed.is_some() {
            let best = (0..5)
                .map(|_| {
                    let t = std::time::Instant::now();
                    corpus.search(&req);
                    t.elapsed()
                })
                .min()
                .unwrap_or_default();
            times.push((best, query.to_string()));
        }
        let r = corpus.search(&req);
        // What was found, to compare two builds: same digest, same results.
        r.total.hash(&mut digest);
        for h in &r.hits {
            (h.id, h.score.to_bits(), &h.snippet, &h.highlights).hash(&mut digest);
        }
        n += 1;
        top1 += usize::from(r.hits.first().is_some_and(|h| h.id == target));
        top10 += usize::from(r.hits.iter().any(|h| h.id == target));
    }
    if let Some(show) = timed {
        times.sort();
        let at = |p: f64| times[((times.len() as f64 - 1.0) * p).round() as usize].0;
        if !times.is_empty() {
            println!("p50 {:.1?}, p95 {:.1?}", at(0.5), at(0.95));
        }
        for (t, q) in times.iter().rev().take(show) {
            println!("{t:>10.1?}  {q}");
        }
    }
    println!(
        "{kind}: {n} queries, target first {top1}, in the top 10 {top10}, results digest {:016x}",
        digest.finish()
    );
    ExitCode::SUCCESS
}
