//! `seeds/catalog.toml`: optional per-file overrides a curator writes when the
//! parser gets an article wrong or cannot know something (its URL, its tags).
//! One table per file, keyed by the file name:
//!
//! ```toml
//! ["003_7427d6b749028ccb.txt"]
//! title = "Kremlin denies Trump–Putin call"
//! date = "2024-11-10"          # or a bare TOML date: 2024-11-10
//! outlet = "Fox News"
//! url = "https://example.com/story"
//! tags = ["russia", "ukraine"]
//! ```
//!
//! Every mistake is an error naming its line: TOML syntax, an unknown key, a
//! value of the wrong type, a date that is not a real `YYYY-MM-DD` date, a URL
//! that is not an absolute `http(s)` URL, and (checked by `seeds::load_folder`)
//! a file that is not in the folder.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::article::Date;

/// What the catalog says about one file. Every field given wins over the parser.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CatalogEntry {
    pub title: Option<String>,
    pub date: Option<Date>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub tags: Vec<String>,
    /// The line of the entry's `[…]` header, for errors found later.
    pub line: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalog {
    /// Entries by file name.
    pub entries: BTreeMap<String, CatalogEntry>,
}

/// A mistake in the catalog, at a 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogError {
    pub line: usize,
    pub message: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    title: Option<String>,
    date: Option<Spanned<toml::Value>>,
    outlet: Option<String>,
    url: Option<Spanned<String>>,
    tags: Option<Vec<String>>,
}

/// Whether `s` is an absolute `http://` or `https://` URL with a host. It is
/// meant to be shown as a link, so any other scheme (`javascript:`, `data:`) or a
/// relative URL must never get that far; whitespace and control characters
/// are refused too, as no real address holds them unescaped.
pub fn is_web_url(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &s[8..]
    } else if lower.starts_with("http://") {
        &s[7..]
    } else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or("");
    let host_name = host.split(':').next().unwrap_or("");
    !host_name.is_empty()
        && !s
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
}

/// 1-based line of a byte offset, given where the text's newlines are
/// (counting from the start for every entry was quadratic in a catalog of
/// thousands of files).
fn line_of(newlines: &[usize], offset: usize) -> usize {
    newlines.partition_point(|&n| n < offset) + 1
}

/// The `YYYY-MM-DD` date of a catalog value: a string or a bare TOML date.
fn date_of(value: &toml::Value) -> Option<Date> {
    match value {
        toml::Value::String(s) => Date::parse_iso(s),
        toml::Value::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => {
            let d = dt.date?;
            Date::new(d.year, d.month, d.day)
        }
        _ => None,
    }
}

/// A value as the curator wrote it, for error messages.
fn shown(value: &toml::Value) -> String {
    match value {
        toml::Value::String(s) => format!("\"{s}\""),
        toml::Value::Integer(i) => i.to_string(),
        toml::Value::Datetime(d) => d.to_string(),
        other => format!("a {}", other.type_str()),
    }
}

pub fn parse(text: &str) -> Result<Catalog, CatalogError> {
    let newlines: Vec<usize> = text
        .bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'\n')
        .map(|(i, _)| i)
        .collect();
    let line_of = |offset: usize| line_of(&newlines, offset);
    let raw: BTreeMap<Spanned<String>, Spanned<RawEntry>> =
        toml::from_str(text).map_err(|e| CatalogError {
            line: e.span().map_or(1, |s| line_of(s.start)),
            message: e.message().trim().to_string(),
        })?;
    let mut entries = BTreeMap::new();
    for (file, entry) in raw {
        let line = line_of(file.span().start);
        let e = entry.into_inner();
        let date = match e.date {
            None => None,
            Some(d) => Some(date_of(d.get_ref()).ok_or_else(|| CatalogError {
                line: line_of(d.span().start),
                message: format!(
                    "date of {} is not a real date written YYYY-MM-DD: {}",
                    file.get_ref(),
                    shown(d.get_ref())
                ),
            })?),
        };
        let url = match e.url {
            None => None,
            Some(u) if is_web_url(u.get_ref()) => Some(u.into_inner()),
            Some(u) => {
                return Err(CatalogError {
                    line: line_of(u.span().start),
                    message: format!(
                        "url of {} is not an absolute http:// or https:// URL: \"{}\"",
                        file.get_ref(),
                        u.get_ref()
                    ),
                })
            }
        };
        let tags = e
            .tags
            .unwrap_or_default()
            .iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect();
        entries.insert(
            file.into_inner(),
            CatalogEntry {
                title: e.title.filter(|t| !t.trim().is_empty()),
                date,
                outlet: e.outlet.filter(|t| !t.trim().is_empty()),
                url,
                tags,
                line,
            },
        );
    }
    Ok(Catalog { entries })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_entry() {
        let c = parse(
            "# curated\n[\"a.txt\"]\ntitle = \"T\"\ndate = \"2017-01-27\"\noutlet = \"O\"\nurl = \"https://x\"\ntags = [\"a\", \"b\"]\n\n[\"b.txt\"]\ndate = 2016-11-14\n",
        )
        .unwrap();
        let a = &c.entries["a.txt"];
        assert_eq!(a.title.as_deref(), Some("T"));
        assert_eq!(a.date.unwrap().to_string(), "2017-01-27");
        assert_eq!(a.tags, ["a", "b"]);
        assert_eq!(a.line, 2);
        assert_eq!(c.entries["b.txt"].date.unwrap().to_string(), "2016-11-14");
        assert_eq!(c.entries["b.txt"].line, 9);
    }

    #[test]
    fn mistakes_name_their_line() {
        let e = parse("[\"a.txt\"]\ntitle = \"T\"\ntitel = \"x\"\n").unwrap_err();
        assert_eq!(e.line, 3, "{e:?}");
        assert!(e.message.contains("titel"), "{e:?}");

        let e = parse("[\"a.txt\"]\n\ndate = \"2017-02-30\"\n").unwrap_err();
        assert_eq!(e.line, 3, "{e:?}");
        assert!(e.message.contains("YYYY-MM-DD"), "{e:?}");

        let e = parse("[\"a.txt\"]\ntags = \"x\"\n").unwrap_err();
        assert_eq!(e.line, 2, "{e:?}");

        let e = parse("[\"a.txt\"\ntitle = 1\n").unwrap_err();
        assert_eq!(e.line, 1, "{e:?}");

        let e = parse("[\"a.txt\"]\ntitle = \"T\"\nurl = \"javascript:alert(1)\"\n").unwrap_err();
        assert_eq!(e.line, 3, "{e:?}");
        assert!(e.message.contains("http"), "{e:?}");
    }

    #[test]
    fn only_absolute_web_urls_are_links() {
        for good in [
            "https://example.com/story",
            "http://example.com",
            "HTTPS://Example.com/a?b=c#d",
            "https://user@example.com:8080/x",
        ] {
            assert!(is_web_url(good), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript://example.com/%0Aalert(1)x",
            "data:text/html,hi",
            "//example.com/story",
            "/story",
            "example.com/story",
            "https://",
            "https:///path",
            "http://:80/",
            "https://exa mple.com",
            "https://example.com/\nx",
            "https:\\\\example.com",
            "ftp://example.com",
            "",
        ] {
            assert!(!is_web_url(bad), "{bad}");
        }
    }

    #[test]
    fn blank_tags_are_dropped() {
        let c = parse("[\"a.txt\"]\ntags = [\" russia \", \"\", \"  \"]\n").unwrap();
        assert_eq!(c.entries["a.txt"].tags, ["russia"]);
    }
}
