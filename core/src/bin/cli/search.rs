//! `dossier search [DIR] QUERY [--limit N] [--json]`: builds the corpus of DIR
//! in memory and runs the app's search engine on it, natively.

use std::path::PathBuf;
use std::process::ExitCode;

use dossier_core::{load_folder, Corpus, FacetCount, Results, SearchRequest};
use serde::ser::{Serialize, SerializeMap, Serializer};

pub const USAGE: &str = "dossier search [DIR] QUERY [--limit N] [--json]";

pub fn run(args: &[String]) -> ExitCode {
    let mut json = false;
    let mut limit = 10usize;
    let mut positional = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => json = true,
            "--limit" => match it.next().and_then(|n| n.parse().ok()) {
                Some(n) => limit = n,
                None => {
                    eprintln!("dossier: --limit needs a number\nusage: {USAGE}");
                    return ExitCode::from(2);
                }
            },
            _ => positional.push(a.as_str()),
        }
    }
    let (dir, query) = match positional.as_slice() {
        [q] => (PathBuf::from("seeds"), *q),
        [d, q] => (PathBuf::from(d), *q),
        _ => {
            eprintln!("usage: {USAGE}");
            return ExitCode::from(2);
        }
    };
    let report = match load_folder(&dir) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("dossier: cannot read {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
    };
    let bytes = Corpus::build(&report.articles);
    let corpus = match Corpus::open(&bytes) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("dossier: {e}");
            return ExitCode::FAILURE;
        }
    };
    let results = corpus.search(&SearchRequest {
        limit,
        ..SearchRequest::new(query)
    });
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&JsonResults(&results)).expect("results serialize")
        );
    } else {
        print_table(&results);
    }
    ExitCode::SUCCESS
}

fn print_table(r: &Results<'_>) {
    let kind = if r.fallback { " (partial matches)" } else { "" };
    println!("{} results{kind}", r.total);
    for h in &r.hits {
        let date = h
            .date
            .map(|d| d.to_string())
            .unwrap_or_else(|| "undated".into());
        println!("\n{:>7.3}  {}  {}  [{}]", h.score, date, h.title, h.id);
        println!("         {}", h.snippet);
    }
}

/// The CLI's JSON contract (README): field names and order are fixed here, not
/// by the engine's own types, so the engine can grow without breaking scripts.
struct JsonResults<'r, 'a>(&'r Results<'a>);

#[derive(serde::Serialize)]
struct JsonHit<'r> {
    id: &'r str,
    score: f32,
    title: &'r str,
    date: Option<String>,
    outlet: Option<&'r str>,
    snippet: &'r str,
    highlights: &'r [(usize, usize)],
}

struct JsonFacet<'r, 'a>(&'r [FacetCount<'a>]);

impl Serialize for JsonFacet<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for f in self.0 {
            m.serialize_entry(f.value, &f.count)?;
        }
        m.end()
    }
}

impl Serialize for JsonResults<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.0;
        let hits: Vec<JsonHit<'_>> = r
            .hits
            .iter()
            .map(|h| JsonHit {
                id: h.id,
                score: h.score,
                title: h.title,
                date: h.date.map(|d| d.to_string()),
                outlet: h.outlet,
                snippet: &h.snippet,
                highlights: &h.highlights,
            })
            .collect();
        let mut m = s.serialize_map(Some(4))?;
        m.serialize_entry("total", &r.total)?;
        m.serialize_entry("fallback", &r.fallback)?;
        m.serialize_entry("hits", &hits)?;
        struct All<'r, 'a>(&'r Results<'a>);
        impl Serialize for All<'_, '_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let f = &self.0.facets;
                let mut m = s.serialize_map(Some(5))?;
                m.serialize_entry("outlet", &JsonFacet(&f.outlet))?;
                m.serialize_entry("year", &JsonFacet(&f.year))?;
                m.serialize_entry("person", &JsonFacet(&f.person))?;
                m.serialize_entry("place", &JsonFacet(&f.place))?;
                m.serialize_entry("organization", &JsonFacet(&f.organization))?;
                m.end()
            }
        }
        m.serialize_entry("facets", &All(r))?;
        m.end()
    }
}
