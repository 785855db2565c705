//! Issue 4's known-item protocol, shared by the criterion bench and
//! `examples/eval.rs`: for an article, three rare words from its body (exact),
//! the same with one typo, the same with the last word cut to four letters
//! (prefix), plus a two-word phrase, the exact query with a year filter and the
//! empty query. Deterministic: the same corpus always gives the same queries.

#![allow(dead_code)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use dossier_core::analysis::{for_each_token, is_stop_word, TokenKind};
use dossier_core::{Article, BlockKind, Corpus, SearchRequest};

/// Known-item queries per kind, as in the experiment.
pub const QUERIES: usize = 300;

pub struct Case {
    pub target: usize,
    pub req: SearchRequest,
}

pub struct Kind {
    pub name: &'static str,
    pub cases: Vec<Case>,
    /// Whether finding the target is the point (not for the empty query).
    pub known_item: bool,
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

pub fn kinds(articles: &[Article]) -> Vec<Kind> {
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
    let kind = |name, cases, known_item| Kind {
        name,
        cases,
        known_item,
    };
    vec![
        kind("exact", exact, true),
        kind("typo", typo, true),
        kind("prefix", prefix, true),
        kind("phrase", phrase, true),
        kind("facet-filtered", facet, true),
        kind("empty", empty, false),
    ]
}

/// The article a copy was made from: `news_0001_c3` is a copy of `news_0001`
/// (scripts/corpus.py), so finding any copy finds the article.
pub fn original(id: &str) -> &str {
    match id.rfind("_c") {
        Some(at) if id[at + 2..].bytes().all(|b| b.is_ascii_digit()) && at + 2 < id.len() => {
            &id[..at]
        }
        _ => id,
    }
}

pub fn raw_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
                .filter_map(|e| e.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

/// The folders measured: the seeds, the real corpus and its ×10 copy, each
/// from an environment variable or the path scripts/corpus.py writes.
pub fn folders() -> Vec<(&'static str, PathBuf)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let pick = |var: &str, default: &str| {
        std::env::var_os(var)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .unwrap_or_else(|| root.join(default))
    };
    vec![
        ("seeds", root.join("seeds")),
        (
            "news-3824",
            pick("DOSSIER_BENCH_SEEDS", "target/corpus/news-3824"),
        ),
        (
            "news-x10",
            pick("DOSSIER_BENCH_X10", "target/corpus/news-x10"),
        ),
    ]
}

/// Per kind: p50, p95, share of targets first, share in the top 10.
pub struct Row {
    pub name: &'static str,
    pub n: usize,
    pub p50: Duration,
    pub p95: Duration,
    pub top1: f64,
    pub top10: f64,
}

/// Runs every case `rounds` times (the first round warms caches and is not
/// counted); a case's time is its fastest round, so a neighbour's burst on a
/// shared machine does not land in the percentiles.
pub fn evaluate(corpus: &Corpus<'_>, kinds: &[Kind], rounds: usize) -> Vec<Row> {
    let mut rows = Vec::new();
    for kind in kinds {
        let mut times = Vec::with_capacity(kind.cases.len());
        let (mut top1, mut top10) = (0, 0);
        for case in &kind.cases {
            let want = corpus.summary(case.target).map(|s| original(s.id));
            let mut best = Duration::MAX;
            let mut hits = Vec::new();
            for round in 0..rounds.max(2) {
                let t = Instant::now();
                let r = corpus.search(&case.req);
                let e = t.elapsed();
                if round > 0 {
                    best = best.min(e);
                }
                hits = r.hits.iter().map(|h| original(h.id).to_string()).collect();
            }
            times.push(best);
            if hits.first().map(String::as_str) == want {
                top1 += 1;
            }
            if hits.iter().any(|h| Some(h.as_str()) == want) {
                top10 += 1;
            }
        }
        times.sort();
        let pct = |x: usize| 100.0 * x as f64 / kind.cases.len().max(1) as f64;
        rows.push(Row {
            name: kind.name,
            n: kind.cases.len(),
            p50: percentile(&times, 0.5),
            p95: percentile(&times, 0.95),
            top1: if kind.known_item { pct(top1) } else { f64::NAN },
            top10: if kind.known_item {
                pct(top10)
            } else {
                f64::NAN
            },
        });
    }
    rows
}

pub fn print_rows(label: &str, rows: &[Row]) {
    println!(
        "[{label}] {:<15} {:>5} {:>10} {:>10} {:>7} {:>7}",
        "kind", "n", "p50", "p95", "top1", "top10"
    );
    for r in rows {
        println!(
            "[{label}] {:<15} {:>5} {:>10.1?} {:>10.1?} {:>6.1}% {:>6.1}%",
            r.name, r.n, r.p50, r.p95, r.top1, r.top10
        );
    }
}

/// A folder ingested and indexed once, with what each step cost.
pub struct Prepared {
    pub articles: Vec<Article>,
    pub bytes: Vec<u8>,
    pub raw: u64,
    pub ingest: Duration,
    pub build: Duration,
}

/// Ingests and indexes `dir`, timing both; `None` (with a printed note) when the
/// folder is missing or unreadable, so a run goes on with the other folders.
pub fn prepare(label: &str, dir: &Path) -> Option<Prepared> {
    if !dir.is_dir() {
        println!(
            "\n[{label}] skipped: {} is missing (python3 scripts/corpus.py --copies 10 writes it)",
            dir.display()
        );
        return None;
    }
    let t = Instant::now();
    let articles = match dossier_core::load_folder(dir) {
        Ok(r) => r.articles,
        Err(e) => {
            println!("\n[{label}] skipped: {e}");
            return None;
        }
    };
    let ingest = t.elapsed();
    let t = Instant::now();
    let bytes = Corpus::build(&articles);
    let build = t.elapsed();
    Some(Prepared {
        raw: raw_size(dir),
        articles,
        bytes,
        ingest,
        build,
    })
}
