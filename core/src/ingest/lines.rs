//! The unit the parser reasons about: one trimmed line of the input, where it
//! sits (blank lines before it, which run of adjacent lines it belongs to) and
//! the shape tests every other module uses (is it prose, is it short, does it
//! carry pictographs). Scraped pages put one paragraph or one widget label per
//! line, so a line, not a sentence, is what gets classified.

use crate::article::Date;

#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    /// The line without surrounding whitespace; always a slice of the input.
    pub text: &'a str,
    /// Blank lines between this line and the previous non-blank one.
    pub blanks_before: usize,
    /// `word_count(text)` and `is_prose(text)`, asked of every line many times.
    pub words: usize,
    pub prose: bool,
}

/// Splits `text` into non-blank lines, taking a leading ` date YYYY-MM-DD`
/// header off the first one (the rest of that line is ordinary text).
pub fn split(text: &str) -> (Option<Date>, Vec<Line<'_>>) {
    let mut out: Vec<Line<'_>> = Vec::new();
    let mut header = None;
    let mut blanks = 0;
    for raw in text.lines() {
        let mut t = trim(raw);
        if out.is_empty() && header.is_none() {
            if let Some((d, rest)) = date_header(t) {
                header = Some(d);
                t = trim(rest);
            }
        }
        if t.is_empty() {
            blanks += 1;
            continue;
        }
        out.push(Line {
            text: t,
            blanks_before: blanks,
            words: word_count(t),
            prose: is_prose(t),
        });
        blanks = 0;
    }
    (header, out)
}

/// Whitespace plus the invisible characters scrapers leave at line ends.
pub fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}' | '\u{200e}'))
}

/// ` date 2016-11-14 …` or `Date: 2016-11-14` at the very start of a file.
fn date_header(line: &str) -> Option<(Date, &str)> {
    let lower = line.get(..5)?.to_ascii_lowercase();
    if lower != "date " && lower != "date:" {
        return None;
    }
    let rest = line[5..].trim_start();
    let d = Date::parse_iso(rest.get(..10)?)?;
    let after = &rest[10..];
    // "2016-11-145" is not a date followed by text.
    if after.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    Some((d, after))
}

/// Words that hold at least one letter or digit ("—" and "|" are not words).
pub fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Ends like a sentence, looking past closing quotes and brackets.
pub fn ends_sentence(s: &str) -> bool {
    let core = s.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', '*', ' ']);
    core.ends_with(['.', '!', '?', '…', ':'])
}

/// A line of running text rather than a label, headline or menu item.
pub fn is_prose(s: &str) -> bool {
    let words = word_count(s);
    if words >= 25 {
        return true;
    }
    if !ends_sentence(s) || words < 4 {
        return false;
    }
    // "Will Trump Meet Putin?" is a headline; "What happens now?" is prose.
    let core = s.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', '*', ' ']);
    !(core.ends_with(['?', '!']) && is_title_case(s))
}

/// Most longer words capitalised, as in "Trump, Putin Expected to Speak by Phone".
pub fn is_title_case(s: &str) -> bool {
    let long: Vec<&str> = s
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 3)
        .collect();
    if long.is_empty() {
        return false;
    }
    let caps = long
        .iter()
        .filter(|w| {
            w.chars()
                .find(|c| c.is_alphanumeric())
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        .count();
    caps * 10 >= long.len() * 7
}

/// Emoji and other pictographs: page furniture, never in a report's sentences.
pub fn has_pictograph(s: &str) -> bool {
    s.chars().any(|c| {
        matches!(c as u32,
            0x2190..=0x21FF | 0x2300..=0x23FF | 0x25A0..=0x27BF | 0x2B00..=0x2BFF
            | 0x1F000..=0x1FAFF | 0xFE0F)
    })
}

/// Lowercase letters and digits only, single-spaced: equal for lines that differ
/// only in punctuation, case or spacing.
pub fn normalized(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split(|c: char| !c.is_alphanumeric()) {
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_is_taken_off_and_blank_lines_are_counted() {
        let (d, lines) = split(" date 2016-11-14 First line.\nsecond\n\n\nthird\n");
        assert_eq!(d.unwrap().to_string(), "2016-11-14");
        let t: Vec<_> = lines.iter().map(|l| (l.text, l.blanks_before)).collect();
        assert_eq!(t, [("First line.", 0), ("second", 0), ("third", 2)]);
    }

    #[test]
    fn a_bad_header_is_just_text() {
        let (d, lines) = split("date 2016-13-14 x");
        assert!(d.is_none());
        assert_eq!(lines[0].text, "date 2016-13-14 x");
    }

    #[test]
    fn shapes() {
        assert!(is_prose("The two men also spoke about working together."));
        assert!(!is_prose("Russia factor"));
        assert!(!is_prose("Will Trump Meet Putin Again?"));
        assert!(is_prose("What happens if they do not agree?"));
        assert!(ends_sentence("he said.”"));
        assert!(!ends_sentence("Improving Relationship’"));
        assert!(has_pictograph("Fan Guide ⚽"));
        assert!(!has_pictograph("François Hollande — “no”"));
        assert_eq!(normalized("  Support  SouthFront! "), "support southfront");
        assert_eq!(word_count("a — b | c"), 3);
    }
}
