//! Bylines: "By Jane Doe", "By JANE DOE and John Roe, Reuters", "Written by …".
//! Only a line that says "by" (or "Author:") counts: a bare name above the
//! report is as often a topic tag as an author, and a wrong author is worse
//! than none.

use super::dateline::{is_weekday, month_number};
use super::lines::{ends_sentence, word_count};

const PREFIXES: [&str; 5] = ["by ", "written by ", "posted by ", "words by ", "author: "];
/// Lowercase words allowed inside a name list.
const JOINERS: [&str; 9] = ["and", "de", "van", "von", "der", "da", "al", "la", "bin"];

/// The names of a byline line, or `None` when the line is not one.
pub fn byline(line: &str) -> Option<String> {
    if word_count(line) > 14 || (ends_sentence(line) && !line.ends_with("Jr.")) {
        return None;
    }
    let lower = line.to_lowercase();
    let prefix = PREFIXES.iter().find(|p| lower.starts_with(*p))?;
    let rest = line[prefix.len()..].trim();
    // "By Jane Doe, Reuters | 5 min read": keep the names before the first separator.
    let names = rest
        .split([',', '|', '•', '—', '–'])
        .next()
        .unwrap_or("")
        .trim()
        .trim_end_matches(" -");
    let words: Vec<&str> = names.split_whitespace().collect();
    if words.is_empty() || words.len() > 8 {
        return None;
    }
    let name_like = words.iter().all(|w| {
        JOINERS.contains(&w.to_lowercase().as_str()) || w.starts_with(|c: char| c.is_uppercase())
    }) && words[0].starts_with(|c: char| c.is_uppercase())
        && !words
            .iter()
            .any(|w| is_weekday(w) || month_number(w).is_some() && w.len() > 3);
    name_like.then(|| names.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines() {
        assert_eq!(byline("By Jane Doe").as_deref(), Some("Jane Doe"));
        assert_eq!(
            byline("BY JANE DOE, Associated Press").as_deref(),
            Some("JANE DOE")
        );
        assert_eq!(
            byline("By Jane Doe and John de Roe | Reuters").as_deref(),
            Some("Jane Doe and John de Roe")
        );
        assert_eq!(byline("Written by Ann Lee").as_deref(), Some("Ann Lee"));
    }

    #[test]
    fn not_bylines() {
        assert_eq!(byline("Vladimir Putin"), None);
        assert_eq!(byline("By Monday, the talks had stalled"), None);
        assert_eq!(byline("By contrast"), None);
        assert_eq!(byline("By the way, the talks went well."), None);
    }
}
