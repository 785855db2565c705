//! Writes the known-item query set of a folder as JSON on stdout, for the
//! in-browser benchmark (scripts/bench-browser.mjs): the same deterministic
//! queries the native benchmarks run, with the id of the article each should find.
//!
//!     cargo run --release -p dossier-core --example queries -- FOLDER > queries.json

#[path = "../benches/known_item/mod.rs"]
mod known_item;

use std::path::PathBuf;
use std::process::ExitCode;

#[derive(serde::Serialize)]
struct Query<'a> {
    kind: &'a str,
    /// The article to find, or `null` for the empty query (browsing).
    target: Option<&'a str>,
    query: &'a str,
    year: Option<&'a str>,
}

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: queries FOLDER");
        return ExitCode::FAILURE;
    };
    let articles = match dossier_core::load_folder(&dir) {
        Ok(r) => r.articles,
        Err(e) => {
            eprintln!("{}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
    };
    let kinds = known_item::kinds(&articles);
    let mut out = Vec::new();
    for kind in &kinds {
        for case in &kind.cases {
            out.push(Query {
                kind: kind.name,
                target: kind
                    .known_item
                    .then(|| known_item::original(&articles[case.target].id)),
                query: &case.req.query,
                year: case.req.filters.year.first().map(String::as_str),
            });
        }
    }
    println!(
        "{}",
        serde_json::to_string(&out).expect("plain data serializes")
    );
    ExitCode::SUCCESS
}
