//! `dossier`: the curator's command line. `inspect [DIR]` prints what the build
//! makes of a folder of seeds, as JSON (or a table with `--summary`);
//! `search [DIR] QUERY` runs the app's search engine on it.

use std::path::PathBuf;
use std::process::ExitCode;

use dossier_core::load_folder;

#[path = "cli/search.rs"]
mod search;

const USAGE: &str = "usage: dossier inspect [DIR] [--summary]\n       dossier search [DIR] QUERY [--limit N] [--json]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("inspect") => inspect(&args[1..]),
        Some("search") => search::run(&args[1..]),
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn inspect(args: &[String]) -> ExitCode {
    let summary = args.iter().any(|a| a == "--summary");
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .unwrap_or_else(|| "seeds".into());
    let report = match load_folder(&dir) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("dossier: cannot read {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
    };
    for w in &report.warnings {
        eprintln!("warning: {w}");
    }
    if summary {
        println!("{:<28} {:<10} {:>6}  title", "file", "date", "words");
        for a in &report.articles {
            let date = a
                .date
                .map(|d| d.to_string())
                .unwrap_or_else(|| "unknown".into());
            println!("{:<28} {:<10} {:>6}  {}", a.file, date, a.words, a.title);
        }
        for s in &report.skipped {
            println!("{:<28} skipped: {}", s.file, s.reason);
        }
    } else {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).expect("the report serializes")
        );
    }
    ExitCode::SUCCESS
}
