//! Full calendar dates in running text: "January 27, 2017", "27 January 2017",
//! "Jan. 27, 2017", "2017-01-27". A month and a year ("MAY 2022") or a weekday
//! ("Monday") is not a date: the parser never guesses a missing part.

use crate::article::Date;

use super::lines::word_count;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Words a dateline may carry besides the date ("Published: Monday, …, 3:42 PM ET").
const DATELINE_WORDS: [&str; 24] = [
    "published",
    "updated",
    "posted",
    "last",
    "on",
    "at",
    "am",
    "pm",
    "a",
    "p",
    "m",
    "et",
    "est",
    "edt",
    "gmt",
    "utc",
    "bst",
    "cet",
    "msk",
    "pt",
    "pst",
    "ct",
    "modified",
    "date",
];

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// "jan", "jan.", "january", "sept" → 1..=12.
pub fn month_number(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    if w == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() == 3 && m.starts_with(&w)))
        .map(|i| i as u8 + 1)
}

pub fn is_weekday(word: &str) -> bool {
    let w = word.trim_end_matches(['.', ',']).to_lowercase();
    WEEKDAYS
        .iter()
        .any(|d| *d == w || (w.len() == 3 && d.starts_with(&w)))
}

/// One alphanumeric run of the text, with its byte range.
#[derive(Clone, Copy)]
struct Tok<'a> {
    s: &'a str,
    start: usize,
    end: usize,
}

fn tokens(s: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(b)) => {
                out.push(Tok {
                    s: &s[b..i],
                    start: b,
                    end: i,
                });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(b) = start {
        out.push(Tok {
            s: &s[b..],
            start: b,
            end: s.len(),
        });
    }
    out
}

fn day_of(t: &str) -> Option<u8> {
    let digits = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &t[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok()
}

fn year_of(t: &str) -> Option<u16> {
    (t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.parse().ok())
        .flatten()
        .filter(|y| (1800..=2200).contains(y))
}

/// Only spaces, commas and full stops may stand between the parts of a date.
fn joined(s: &str, a: &Tok, b: &Tok) -> bool {
    let gap = &s[a.end..b.start];
    !gap.is_empty()
        && gap.len() <= 3
        && gap.chars().all(|c| matches!(c, ' ' | ',' | '.' | '\u{a0}'))
}

/// The first full date in `s`, with the byte range it covers.
pub fn find_date(s: &str) -> Option<(Date, usize, usize)> {
    let toks = tokens(s);
    for i in 0..toks.len() {
        if let Some(found) = iso_at(s, &toks, i).or_else(|| words_at(s, &toks, i)) {
            return Some(found);
        }
    }
    None
}

fn iso_at(s: &str, toks: &[Tok], i: usize) -> Option<(Date, usize, usize)> {
    let (y, m, d) = (toks.get(i)?, toks.get(i + 1)?, toks.get(i + 2)?);
    year_of(y.s)?;
    let dash = |a: &Tok, b: &Tok| &s[a.end..b.start] == "-";
    if m.s.len() != 2 || d.s.len() != 2 || !dash(y, m) || !dash(m, d) {
        return None;
    }
    // "2017-01-27-5" is an identifier, not a date.
    if s[d.end..].starts_with(|c: char| c == '-' || c.is_alphanumeric()) {
        return None;
    }
    let date = Date::parse_iso(&s[y.start..d.end])?;
    Some((date, y.start, d.end))
}

fn words_at(s: &str, toks: &[Tok], i: usize) -> Option<(Date, usize, usize)> {
    let (a, b, c) = (toks.get(i)?, toks.get(i + 1)?, toks.get(i + 2)?);
    if !joined(s, a, b) || !joined(s, b, c) {
        return None;
    }
    let year = year_of(c.s)?;
    let (month, day) = match (month_number(a.s), month_number(b.s)) {
        (Some(m), None) => (m, day_of(b.s)?),
        (None, Some(m)) => (m, day_of(a.s)?),
        _ => return None,
    };
    // "Jan" must be a word of its own, not the start of "Janet".
    Date::new(year, month, day).map(|d| (d, a.start, c.end))
}

/// A line that is a dateline and nothing more: the date plus at most a few
/// words like "Published", a weekday or a time.
pub fn dateline(line: &str) -> Option<Date> {
    if word_count(line) > 12 {
        return None;
    }
    let (date, start, end) = find_date(line)?;
    let rest = format!("{} {}", &line[..start], &line[end..]);
    let extra = tokens(&rest)
        .iter()
        .filter(|t| {
            let w = t.s.to_lowercase();
            !(DATELINE_WORDS.contains(&w.as_str())
                || is_weekday(&w)
                || w.bytes().all(|b| b.is_ascii_digit()))
        })
        .count();
    (extra <= 3).then_some(date)
}

/// "WASHINGTON, Jan. 27, 2017 — …": a date opening the first paragraph.
pub fn leading_dateline(paragraph: &str) -> Option<Date> {
    let (date, start, end) = find_date(paragraph)?;
    let before = &paragraph[..start];
    let prefix_is_place = before.chars().count() <= 40
        && !before.chars().any(|c| c.is_lowercase())
        && !before.contains(['.', '!', '?']);
    let after = paragraph[end..].trim_start();
    let sep = after.starts_with(['—', '–', '-', '(', ':', '/', '|']);
    (prefix_is_place && sep).then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<String> {
        find_date(s).map(|(d, _, _)| d.to_string())
    }

    #[test]
    fn formats_of_the_issue() {
        assert_eq!(d("January 27, 2017").as_deref(), Some("2017-01-27"));
        assert_eq!(d("27 January 2017").as_deref(), Some("2017-01-27"));
        assert_eq!(d("on Jan. 27, 2017 at noon").as_deref(), Some("2017-01-27"));
        assert_eq!(d("Sept. 5, 2017").as_deref(), Some("2017-09-05"));
        assert_eq!(d("the 3rd March 2020").as_deref(), Some("2020-03-03"));
        assert_eq!(d("x 2017-01-27 y").as_deref(), Some("2017-01-27"));
    }

    #[test]
    fn partial_or_invalid_dates_are_not_dates() {
        assert_eq!(d("MAY 2022"), None);
        assert_eq!(d("on Monday"), None);
        assert_eq!(d("the November 8 presidential poll"), None);
        assert_eq!(d("February 30, 2017"), None);
        assert_eq!(d("Janet 27, 2017"), None);
        assert_eq!(d("2017-01-27-4"), None);
        assert_eq!(d("May 5 in 2017"), None);
    }

    #[test]
    fn datelines() {
        assert!(dateline("January 27, 2017").is_some());
        assert!(dateline("Published: Monday, January 30, 2017 3:42 PM ET").is_some());
        assert!(dateline("Updated 27 January 2017").is_some());
        assert!(
            dateline("Talks were held on January 27, 2017 in Moscow between the two sides")
                .is_none()
        );
        assert!(leading_dateline("MOSCOW, Jan. 27, 2017 — The Kremlin said").is_some());
        assert!(leading_dateline("He said on Jan. 27, 2017 — that").is_none());
    }
}
