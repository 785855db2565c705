//! `dossier`: the curator's command line. `inspect [DIR]` prints what the build
//! makes of a folder of seeds, as JSON (or a table with `--summary`);
//! `search [DIR] QUERY` runs the app's search engine on it.
//! `main` only dispatches on the subcommand, so more can be added beside it.

use std::path::PathBuf;
use std::process::ExitCode;

use dossier_core::{load_folder, Article, BlockKind, DateSource, SeedReport, TitleSource};

#[path = "cli/search.rs"]
mod search;

const USAGE: &str = "usage: dossier inspect [DIR] [--summary]\n\
    \x20      dossier search [DIR] QUERY [--limit N] [--json]\n\
    \n\
    inspect   print what the build makes of a folder of seeds (default: seeds)\n\
    \x20         as JSON on stdout; --summary prints a readable table instead.\n\
    \x20         Warnings go to stderr; the exit code is non-zero on errors.\n\
    search    run the app's search engine on a folder (default: seeds) and print\n\
    \x20         the ranked hits; --json prints the documented JSON shape.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("inspect") => inspect(&args[1..]),
        Some("search") => search::run(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn inspect(args: &[String]) -> ExitCode {
    let mut summary = false;
    let mut dir: Option<PathBuf> = None;
    for a in args {
        match a.as_str() {
            "--summary" => summary = true,
            flag if flag.starts_with('-') => {
                eprintln!("dossier: unknown option {flag}\n{USAGE}");
                return ExitCode::from(2);
            }
            path if dir.is_none() => dir = Some(path.into()),
            extra => {
                eprintln!("dossier: one folder at a time (also got {extra})\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let dir = dir.unwrap_or_else(|| "seeds".into());
    let report = match load_folder(&dir) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("dossier: error: {e}");
            return ExitCode::FAILURE;
        }
    };
    for w in &report.warnings {
        eprintln!("warning: {w}");
    }
    for s in &report.skipped {
        eprintln!("warning: {}: skipped: {}", s.file, s.reason);
    }
    if summary {
        print!("{}", table(&report));
    } else {
        match serde_json::to_string_pretty(&report) {
            Ok(json) => println!("{json}"),
            Err(e) => {
                eprintln!("dossier: error: cannot write JSON: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}

/// One row per article, with its structure and top entities underneath.
fn table(report: &SeedReport) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<28} {:<10} {:<8} {:>5} {:>3} {:>3} {:>3} {:>4}  {:<14} title",
        "file", "date", "from", "words", "min", "hd", "cap", "cmt", "outlet"
    );
    for a in &report.articles {
        let _ = writeln!(out, "{}", row(a));
        let _ = writeln!(out, "{:<28} {}", "", entities_line(a));
    }
    for s in &report.skipped {
        let _ = writeln!(out, "{:<28} skipped: {}", s.file, s.reason);
    }
    let _ = writeln!(
        out,
        "{} articles, {} skipped",
        report.articles.len(),
        report.skipped.len()
    );
    out
}

fn row(a: &Article) -> String {
    let count = |k: BlockKind| a.blocks.iter().filter(|b| b.kind == k).count();
    let date = a
        .date
        .map(|d| d.to_string())
        .unwrap_or_else(|| "unknown".into());
    let from = match a.date_source {
        Some(DateSource::Header) => "header",
        Some(DateSource::Dateline) => "dateline",
        Some(DateSource::Catalog) => "catalog",
        None => "-",
    };
    let title_mark = match a.title_source {
        TitleSource::Headline => "",
        TitleSource::FirstSentence => "(first sentence) ",
        TitleSource::Catalog => "(catalog) ",
    };
    let byline = a
        .byline
        .as_deref()
        .map(|b| format!(" — by {b}"))
        .unwrap_or_default();
    format!(
        "{:<28} {:<10} {:<8} {:>5} {:>3} {:>3} {:>3} {:>4}  {:<14} {title_mark}{}{byline}",
        a.file,
        date,
        from,
        a.words,
        a.reading_minutes(),
        count(BlockKind::Heading),
        count(BlockKind::Caption),
        a.comments.len(),
        a.outlet.as_deref().unwrap_or("-"),
        a.title,
    )
}

fn entities_line(a: &Article) -> String {
    let top = |v: &[dossier_core::EntityCount]| {
        v.iter()
            .take(4)
            .map(|e| format!("{} ×{}", e.name, e.count))
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!(
        "people: {} | places: {} | orgs: {}",
        top(&a.entities.people),
        top(&a.entities.places),
        top(&a.entities.organizations)
    )
}
