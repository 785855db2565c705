//! Reading a folder of seed files: which files count, which are skipped and why.
//! Every problem with one file becomes a `Skipped` entry or a warning naming the
//! file; it never stops the other files from building. Only a folder that cannot
//! be read or a mistake in `catalog.toml` is fatal (`SeedError`).

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::article::{Article, DateSource, TitleSource};
use crate::catalog::{self, Catalog};
use crate::ingest;

/// The optional curator's file inside the seeds folder.
pub const CATALOG_FILE: &str = "catalog.toml";

/// Why a folder of seeds could not be built at all.
#[derive(Debug)]
pub enum SeedError {
    /// The folder is missing or unreadable.
    Folder {
        dir: PathBuf,
        source: std::io::Error,
    },
    /// `catalog.toml` exists but cannot be read.
    CatalogUnreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A mistake in `catalog.toml`, at a 1-based line.
    Catalog {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

impl std::fmt::Display for SeedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SeedError::Folder { dir, source } => write!(
                f,
                "cannot read the seeds folder {}: {source} (create it, or point DOSSIER_SEEDS at a folder of .txt files)",
                dir.display()
            ),
            SeedError::CatalogUnreadable { path, source } => {
                write!(f, "cannot read {}: {source}", path.display())
            }
            SeedError::Catalog {
                path,
                line,
                message,
            } => write!(f, "{}:{line}: {message}", path.display()),
        }
    }
}

impl std::error::Error for SeedError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SeedError::Folder { source, .. } | SeedError::CatalogUnreadable { source, .. } => {
                Some(source)
            }
            SeedError::Catalog { .. } => None,
        }
    }
}

/// A file that did not become an article, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    pub file: String,
    pub reason: String,
}

/// What a folder of seeds made: the articles, the files left out, and warnings
/// about files that were kept but repaired.
#[derive(Debug, Default, Serialize)]
pub struct SeedReport {
    pub articles: Vec<Article>,
    pub skipped: Vec<Skipped>,
    #[serde(skip)]
    pub warnings: Vec<String>,
    /// Every file read (for build scripts that must rerun when one changes).
    #[serde(skip)]
    pub inputs: Vec<PathBuf>,
}

/// Extensions that hold articles; everything else in the folder is listed as ignored.
const ARTICLE_EXTENSIONS: [&str; 2] = ["txt", "md"];

/// Reads every article file of `dir` in name order and applies `catalog.toml`.
/// Fails only when the folder cannot be read or the catalog has a mistake.
pub fn load_folder(dir: &Path) -> Result<SeedReport, SeedError> {
    let folder_error = |source| SeedError::Folder {
        dir: dir.to_path_buf(),
        source,
    };
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(folder_error)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    entries.sort();

    let mut report = SeedReport::default();
    let mut seen: HashMap<Vec<u8>, String> = HashMap::new();
    let mut article_files: Vec<String> = Vec::new();
    for path in entries {
        let file = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        if file == CATALOG_FILE {
            report.inputs.push(path);
            continue;
        }
        if file.starts_with('.') {
            continue;
        }
        if !ARTICLE_EXTENSIONS.contains(&ext.as_str()) {
            report.skip(&file, "not a .txt or .md file: ignored");
            continue;
        }
        article_files.push(file.clone());
        report.inputs.push(path.clone());
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                report.skip(&file, &format!("cannot be read: {e}"));
                continue;
            }
        };
        let id = path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        if let Some(article) = report.read_one(&id, &file, bytes, &mut seen) {
            report.articles.push(article);
        }
    }

    let catalog_path = dir.join(CATALOG_FILE);
    if catalog_path.is_file() {
        let text =
            fs::read_to_string(&catalog_path).map_err(|source| SeedError::CatalogUnreadable {
                path: catalog_path.clone(),
                source,
            })?;
        let catalog = catalog::parse(&text).map_err(|e| SeedError::Catalog {
            path: catalog_path.clone(),
            line: e.line,
            message: e.message,
        })?;
        for (file, entry) in &catalog.entries {
            if !article_files.contains(file) {
                return Err(SeedError::Catalog {
                    path: catalog_path,
                    line: entry.line,
                    message: format!(
                        "no article file named {file} in {} (check the spelling; entries are keyed by file name, e.g. [\"000_example.txt\"])",
                        dir.display()
                    ),
                });
            }
        }
        report.apply(catalog);
    }
    Ok(report)
}

impl SeedReport {
    /// Catalog values win over what the parser found, and say so.
    fn apply(&mut self, catalog: Catalog) {
        for a in &mut self.articles {
            let Some(e) = catalog.entries.get(&a.file) else {
                continue;
            };
            if let Some(t) = &e.title {
                a.title = t.clone();
                a.title_source = TitleSource::Catalog;
            }
            if let Some(d) = e.date {
                a.date = Some(d);
                a.date_source = Some(DateSource::Catalog);
            }
            if let Some(o) = &e.outlet {
                a.outlet = Some(o.clone());
            }
            a.url.clone_from(&e.url);
            a.tags.clone_from(&e.tags);
        }
    }

    fn skip(&mut self, file: &str, reason: &str) {
        self.skipped.push(Skipped {
            file: file.to_string(),
            reason: reason.to_string(),
        });
    }

    /// Checks one file's bytes and ingests them, or records why not.
    fn read_one(
        &mut self,
        id: &str,
        file: &str,
        bytes: Vec<u8>,
        seen: &mut HashMap<Vec<u8>, String>,
    ) -> Option<Article> {
        if bytes.iter().all(|b| b.is_ascii_whitespace()) {
            self.skip(file, "empty or only whitespace");
            return None;
        }
        if looks_binary(&bytes) {
            self.skip(file, "binary data, not text");
            return None;
        }
        if let Some(first) = seen.get(&bytes) {
            self.skip(file, &format!("exact duplicate of {first}: kept once"));
            return None;
        }
        seen.insert(bytes.clone(), file.to_string());
        let text = match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) => {
                self.warnings.push(format!(
                    "{file}: not valid UTF-8 (first bad byte at offset {}); decoded with replacement characters",
                    e.utf8_error().valid_up_to()
                ));
                String::from_utf8_lossy(e.as_bytes()).into_owned()
            }
        };
        let article = ingest::ingest(id, file, &text);
        if article.blocks.is_empty() {
            self.skip(file, "no article text found after removing boilerplate");
            return None;
        }
        Some(article)
    }
}

/// Text never holds NUL bytes, and holds few control characters other than
/// whitespace; the first 8 KiB tell.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    controls * 10 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(files: &[(&str, &[u8])]) -> tempdir::TempFolder {
        let dir = tempdir::TempFolder::new();
        for (name, bytes) in files {
            fs::write(dir.path().join(name), bytes).unwrap();
        }
        dir
    }

    /// A throwaway folder under the system temp dir, removed on drop.
    mod tempdir {
        use std::path::{Path, PathBuf};
        use std::sync::atomic::{AtomicUsize, Ordering};
        pub struct TempFolder(PathBuf);
        impl TempFolder {
            pub fn new() -> Self {
                static N: AtomicUsize = AtomicUsize::new(0);
                let p = std::env::temp_dir().join(format!(
                    "dossier-seeds-test-{}-{}",
                    std::process::id(),
                    N.fetch_add(1, Ordering::SeqCst)
                ));
                std::fs::create_dir_all(&p).unwrap();
                TempFolder(p)
            }
            pub fn path(&self) -> &Path {
                &self.0
            }
        }
        impl Drop for TempFolder {
            fn drop(&mut self) {
                let _ = std::fs::remove_dir_all(&self.0);
            }
        }
    }

    #[test]
    fn bad_files_are_named_and_the_rest_still_build() {
        let good = b"A headline about talks\n\nThe two leaders spoke on Monday about trade.\n";
        let dir = folder(&[
            ("a.txt", good),
            ("b.txt", b"   \n\n  "),
            ("c.txt", b"\x00\x01\x02binary\x00"),
            ("d.txt", good),
            ("e.jpg", b"whatever"),
            ("f.md", b"Caf\xe9 owners protest\n\nThe owners of a caf\xe9 said on Monday they would close.\n"),
        ]);
        let r = load_folder(dir.path()).unwrap();
        let ids: Vec<_> = r.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "f"]);
        let reasons: Vec<_> = r
            .skipped
            .iter()
            .map(|s| (s.file.as_str(), s.reason.as_str()))
            .collect();
        assert!(reasons[0].0 == "b.txt" && reasons[0].1.contains("empty"));
        assert!(reasons[1].0 == "c.txt" && reasons[1].1.contains("binary"));
        assert!(reasons[2].0 == "d.txt" && reasons[2].1.contains("duplicate of a.txt"));
        assert!(reasons[3].0 == "e.jpg" && reasons[3].1.contains("not a .txt"));
        assert_eq!(r.warnings.len(), 1);
        assert!(r.warnings[0].starts_with("f.md: not valid UTF-8"));
        assert!(r.articles[1].blocks[0].text.contains('\u{FFFD}'));
    }
    const GOOD: &[u8] = b"Talks Resume in Vienna\n\nThe two sides met again on Monday.\n";

    #[test]
    fn the_catalog_wins_and_says_so() {
        let dir = folder(&[
            ("a.txt", GOOD),
            (
                "catalog.toml",
                b"[\"a.txt\"]\ntitle = \"Curated\"\ndate = \"2017-01-27\"\noutlet = \"Example\"\ntags = [\"x\"]\n",
            ),
        ]);
        let r = load_folder(dir.path()).unwrap();
        let a = &r.articles[0];
        assert_eq!(a.title, "Curated");
        assert_eq!(a.title_source, TitleSource::Catalog);
        assert_eq!(a.date.unwrap().to_string(), "2017-01-27");
        assert_eq!(a.date_source, Some(DateSource::Catalog));
        assert_eq!(a.outlet.as_deref(), Some("Example"));
        assert_eq!(a.url, None);
        assert_eq!(a.tags, ["x"]);
        assert!(
            r.skipped.is_empty(),
            "catalog.toml is not listed as ignored"
        );
    }

    #[test]
    fn catalog_url_and_tags_reach_the_article_and_the_json() {
        let dir = folder(&[
            ("a.txt", GOOD),
            ("b.txt", b"Other News Today\n\nSomething else happened on Tuesday.\n"),
            (
                "catalog.toml",
                b"[\"a.txt\"]\nurl = \"https://example.com/vienna?id=1\"\ntags = [\"talks\", \"austria\"]\n",
            ),
        ]);
        let r = load_folder(dir.path()).unwrap();
        let a = &r.articles[0];
        assert_eq!(a.url.as_deref(), Some("https://example.com/vienna?id=1"));
        assert_eq!(a.tags, ["talks", "austria"]);
        // Only url and tags were given: the parser's title stays.
        assert_eq!(a.title_source, TitleSource::Headline);
        let json = serde_json::to_value(&r).unwrap();
        let (ja, jb) = (&json["articles"][0], &json["articles"][1]);
        assert_eq!(ja["url"], "https://example.com/vienna?id=1");
        assert_eq!(ja["tags"], serde_json::json!(["talks", "austria"]));
        assert!(jb["url"].is_null(), "{jb}");
        assert_eq!(jb["tags"], serde_json::json!([]));
    }

    #[test]
    fn catalog_mistakes_are_errors_naming_the_line() {
        let cases: [(&[u8], usize, &str); 4] = [
            (
                b"[\"a.txt\"]\ntitle = \"x\"\n\n[\"nope.txt\"]\ntitle = \"y\"\n",
                4,
                "no article file named nope.txt",
            ),
            (b"[\"a.txt\"]\ndate = \"27/01/2017\"\n", 2, "YYYY-MM-DD"),
            (b"[\"a.txt\"]\nheadline = \"x\"\n", 2, "headline"),
            (
                b"[\"a.txt\"]\ntitle = \"x\"\nurl = \"javascript:alert(1)\"\n",
                3,
                "not an absolute http:// or https:// URL",
            ),
        ];
        for (catalog, line, words) in cases {
            let dir = folder(&[("a.txt", GOOD), ("catalog.toml", catalog)]);
            let e = load_folder(dir.path()).unwrap_err();
            let SeedError::Catalog { line: l, .. } = &e else {
                panic!("{e}");
            };
            assert_eq!(*l, line, "{e}");
            let shown = e.to_string();
            assert!(shown.contains(&format!("catalog.toml:{line}:")), "{shown}");
            assert!(shown.contains(words), "{shown}");
        }
    }

    #[test]
    fn a_missing_folder_is_an_error_that_says_what_to_do() {
        let e = load_folder(Path::new("/nonexistent/dossier/seeds")).unwrap_err();
        assert!(matches!(e, SeedError::Folder { .. }));
        assert!(e.to_string().contains("DOSSIER_SEEDS"), "{e}");
    }
}
