//! Search latency per query kind, on the seeds and on `DOSSIER_BENCH_SEEDS` if set.
//!
//! Queries follow issue 4's known-item protocol so the numbers sit beside the
//! MiniSearch / FlexSearch / Pagefind table: three rare words from one
//! article's body (exact), the same with one typo, the same with the last word
//! cut to four letters (prefix); plus a two-word phrase, the exact query with a
//! year filter, and the empty query. Prints p50 / p95 per kind and how often the
//! target article ranks first and in the top 10, then hands each kind to criterion.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use dossier_core::analysis::{for_each_token, is_stop_word, TokenKind};
use dossier_core::{load_folder, Article, BlockKind, Corpus, SearchRequest};

/// Known-item queries per kind, as in the experiment.
const QUERIES: usize = 300;

struct Case {
    target: usize,
    req: SearchRequest,
}

fn lcg(seed: &mut u64) -> u64 {
    *seed = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    *seed >> 33
}

fn body_words(a: &Article) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for b in a.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph) {
        for_each_token(&b.text, 0, |t| {
            if t.kind != TokenKind::Whole {
                out.push((t.term.to_string(), t.exact.to_string()));
            }
        });
    }
    out
}

fn cases(articles: &[Article]) -> Vec<(&'static str, Vec<Case>)> {
    let mut df: HashMap<String, u32> = HashMap::new();
    let words: Vec<Vec<(String, String)>> = articles.iter().map(body_words).collect();
    for w in &words {
        let mut seen: Vec<&str> = w.iter().map(|x| x.0.as_str()).collect();
        seen.sort_unstable();
        seen.dedup();
        for t in seen {
            *df.entry(t.to_string()).or_default() += 1;
        }
    }
    let mut seed = 42u64;
    let (mut exact, mut typo, mut prefix, mut phrase, mut facet, mut empty) =
        (vec![], vec![], vec![], vec![], vec![], vec![]);
    let step = (articles.len() / QUERIES).max(1);
    for target in (0..articles.len()).step_by(step).take(QUERIES) {
        let mut rare: Vec<&(String, String)> = words[target]
            .iter()
            .filter(|(t, _)| t.len() >= 5 && t.bytes().all(|b| b.is_ascii_lowercase()))
            .filter(|(t, _)| !is_stop_word(t))
            .collect();
        rare.sort_by_key(|(t, _)| (df[t], t.clone()));
        rare.dedup_by(|a, b| a.0 == b.0);
        if rare.len() < 3 {
            continue;
        }
        let three: Vec<String> = rare[..3].iter().map(|w| w.1.clone()).collect();
        let q = three.join(" ");
        exact.push(Case {
            target,
            req: SearchRequest::new(q.clone()),
        });
        // One typo in a random word: substitute one inner letter.
        let k = (lcg(&mut seed) % 3) as usize;
        let mut t3 = three.clone();
        let mut chars: Vec<char> = t3[k].chars().collect();
        let at = 1 + (lcg(&mut seed) as usize % (chars.len() - 2));
        chars[at] = if chars[at] == 'e' { 'a' } else { 'e' };
        t3[k] = chars.into_iter().collect();
        typo.push(Case {
            target,
            req: SearchRequest::new(t3.join(" ")),
        });
        let mut p3 = three.clone();
        p3[2] = p3[2].chars().take(4).collect();
        prefix.push(Case {
            target,
            req: SearchRequest::new(p3.join(" ")),
        });
        // A phrase: two neighbouring body words, the first of them rare.
        let w = &words[target];
        if let Some(i) = w.iter().position(|x| x.0 == rare[0].0) {
            let j = if i + 1 < w.len() {
                i
            } else {
                i.saturating_sub(1)
            };
            if j + 1 < w.len() {
                phrase.push(Case {
                    target,
                    req: SearchRequest::new(format!("\"{} {}\"", w[j].1, w[j + 1].1)),
                });
            }
        }
        if let Some(d) = articles[target].date {
            let mut req = SearchRequest::new(q.clone());
            req.filters.year = vec![d.year.to_string()];
            facet.push(Case { target, req });
        }
        empty.push(Case {
            target,
            req: SearchRequest::new(""),
        });
    }
    vec![
        ("exact", exact),
        ("typo", typo),
        ("prefix", prefix),
        ("phrase", phrase),
        ("facet-filtered", facet),
        ("empty", empty),
    ]
}

fn raw_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .filter_map(|e| e.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn bench_folder(c: &mut Criterion, name: &str, dir: &Path) {
    let articles = match load_folder(dir) {
        Ok(r) => r.articles,
        Err(e) => {
            eprintln!("cannot read {}: {e}", dir.display());
            return;
        }
    };
    let t = Instant::now();
    let bytes = Corpus::build(&articles);
    let build = t.elapsed();
    let t = Instant::now();
    let corpus = Corpus::open(&bytes).expect("the blob opens");
    let open = t.elapsed();
    let raw = raw_size(dir);
    println!(
        "\n[{name}] {} articles, raw text {} B, corpus {} B ({:.2}x), build {:.2?}, open {:.2?}",
        articles.len(),
        raw,
        bytes.len(),
        bytes.len() as f64 / raw.max(1) as f64,
        build,
        open
    );
    let t = Instant::now();
    let first = corpus.search(&SearchRequest::new("president"));
    println!(
        "[{name}] open + first search {:.2?} ({} hits)",
        open + t.elapsed(),
        first.total
    );
    println!(
        "[{name}] {:<15} {:>5} {:>10} {:>10} {:>7} {:>7}",
        "kind", "n", "p50", "p95", "top1", "top10"
    );
    let kinds = cases(&articles);
    for (kind, list) in &kinds {
        let mut times = Vec::with_capacity(list.len());
        let (mut top1, mut top10) = (0, 0);
        for case in list {
            let t = Instant::now();
            let r = corpus.search(&case.req);
            times.push(t.elapsed());
            if r.hits.first().is_some_and(|h| h.index == case.target) {
                top1 += 1;
            }
            if r.hits.iter().any(|h| h.index == case.target) {
                top10 += 1;
            }
        }
        times.sort();
        let pct = |x: usize| 100.0 * x as f64 / list.len().max(1) as f64;
        println!(
            "[{name}] {:<15} {:>5} {:>10.1?} {:>10.1?} {:>6.0}% {:>6.0}%",
            kind,
            list.len(),
            percentile(&times, 0.5),
            percentile(&times, 0.95),
            pct(top1),
            pct(top10)
        );
    }
    let mut group = c.benchmark_group(name);
    for (kind, list) in &kinds {
        if list.is_empty() {
            continue;
        }
        let mut i = 0;
        group.bench_function(*kind, |b| {
            b.iter(|| {
                i = (i + 1) % list.len();
                corpus.search(&list[i].req).total
            })
        });
    }
    group.finish();
}

fn search(c: &mut Criterion) {
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    bench_folder(c, "seeds", &seeds);
    if let Some(dir) = std::env::var_os("DOSSIER_BENCH_SEEDS").filter(|d| !d.is_empty()) {
        bench_folder(c, "large", Path::new(&dir));
    }
}

criterion_group! {
    name = benches;
    // Short runs: the machine is shared, and the percentiles above are the headline.
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    targets = search
}
criterion_main!(benches);
