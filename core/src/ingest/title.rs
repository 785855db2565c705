//! The article's title: the headline line when the page has one (chosen among
//! the short lines above the report by how much it shares with the report's
//! opening), otherwise the report's first sentence, cut at a word boundary.

use super::lines::{is_prose, normalized, word_count};

/// Longest derived title, in characters, ellipsis included.
pub const MAX_DERIVED_TITLE: usize = 120;

/// Words that end with a full stop without ending a sentence.
const ABBREVIATIONS: [&str; 28] = [
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "sen", "rep", "gov", "lt", "col", "sgt",
    "prof", "no", "vs", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec",
    "inc",
];

/// Could this line be a headline? Short of prose, long enough to say something.
pub fn is_candidate(s: &str) -> bool {
    let words = word_count(s);
    (3..=30).contains(&words)
        && s.chars().count() <= 250
        && !is_prose(s)
        && !s.ends_with([',', ';'])
        && (s.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'".contains(c))
            || is_hashtag_start(s))
}

/// "#MyFreedomDay: Students stand up…": a headline may open with a hashtag.
fn is_hashtag_start(s: &str) -> bool {
    s.strip_prefix('#')
        .and_then(|rest| rest.chars().next())
        .is_some_and(char::is_alphanumeric)
}

/// A line that may be a headline even though it ends like a sentence, when
/// its place says so (right above the dateline): short, and not cut off mid-clause.
pub fn is_sentence_headline(s: &str) -> bool {
    (2..=30).contains(&word_count(s)) && s.chars().count() <= 250 && !s.ends_with([',', ';'])
}

/// Picks the headline among candidate lines: the one sharing most words with
/// the report's opening, then the longest, then the first. Returns its index
/// and how many words it shares.
pub fn choose(candidates: &[&str], opening: &str) -> Option<(usize, usize)> {
    let body: std::collections::HashSet<String> = normalized(opening)
        .split(' ')
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_string)
        .collect();
    let score = |s: &str| {
        let shared = normalized(s)
            .split(' ')
            .filter(|w| body.contains(*w))
            .collect::<std::collections::HashSet<_>>()
            .len();
        (shared, word_count(s))
    };
    let mut best: Option<(usize, (usize, usize))> = None;
    for (i, c) in candidates.iter().enumerate() {
        let s = score(c);
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((i, s));
        }
    }
    best.map(|(i, (shared, _))| (i, shared))
}

/// Collapses runs of whitespace (including no-break spaces) to one space.
pub fn tidy(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first sentence of `text`: up to the first ". ", "? " or "! " that does
/// not follow an abbreviation or an initial.
pub fn first_sentence(text: &str) -> &str {
    let b = text.as_bytes();
    for (i, c) in text.char_indices() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let mut end = i + 1;
        // Closing quotes belong to the sentence.
        while let Some(q) = text[end..].chars().next().filter(|q| "\"”’')".contains(*q)) {
            end += q.len_utf8();
        }
        if end < b.len() && !text[end..].starts_with(char::is_whitespace) {
            continue;
        }
        if c == '.' {
            let word_start = text[..i]
                .char_indices()
                .rev()
                .find(|(_, ch)| ch.is_whitespace() || *ch == '(')
                .map_or(0, |(p, ch)| p + ch.len_utf8());
            let word = &text[word_start..i];
            let lower = word.to_lowercase();
            let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
            if initial || word.contains('.') || ABBREVIATIONS.contains(&lower.as_str()) {
                continue;
            }
        }
        return text[..end].trim();
    }
    text.trim()
}

/// A title made from the first sentence of the report, cut to fit.
pub fn derive(first_paragraph: &str) -> String {
    let sentence = tidy(first_sentence(first_paragraph));
    if sentence.chars().count() <= MAX_DERIVED_TITLE {
        return sentence;
    }
    let mut out = String::new();
    let mut len = 0;
    for word in sentence.split(' ') {
        let add = word.chars().count() + usize::from(!out.is_empty());
        // Leave room for the ellipsis.
        if len + add + 1 > MAX_DERIVED_TITLE {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
        len += add;
    }
    if out.is_empty() {
        // One word longer than a title: cut inside it.
        out = sentence.chars().take(MAX_DERIVED_TITLE - 1).collect();
    }
    let trimmed = out
        .trim_end_matches([',', ';', ':', '—', '–', '-', ' '])
        .len();
    out.truncate(trimmed);
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_headline_may_open_with_a_hashtag() {
        assert!(is_candidate(
            "#MyFreedomDay: Students stand up to slavery on March 14"
        ));
        assert!(!is_candidate("# # navigation"));
        assert!(!is_candidate("#"));
    }

    #[test]
    fn first_sentence_skips_abbreviations() {
        assert_eq!(
            first_sentence("The U.S. and Mr. Putin met on Jan. 5. Then they left."),
            "The U.S. and Mr. Putin met on Jan. 5."
        );
        assert_eq!(first_sentence("“We agree.” He left."), "“We agree.”");
        assert_eq!(first_sentence("No end"), "No end");
        // A wide space before the last word (found by proptest).
        assert_eq!(
            first_sentence("Ends\u{202f}here. Next"),
            "Ends\u{202f}here."
        );
    }

    #[test]
    fn long_sentences_are_cut_at_a_word_boundary() {
        let long = "The Kremlin denied a phone call took place between Russian President Vladimir Putin and President-elect Donald Trump last week in Florida. More.";
        let t = derive(long);
        assert!(t.chars().count() <= MAX_DERIVED_TITLE, "{t}");
        assert!(t.ends_with('…'));
        assert!(long.starts_with(t.trim_end_matches('…')));
        assert_eq!(derive("Short one. Two."), "Short one.");
        let one_word = "x".repeat(300);
        assert_eq!(derive(&one_word).chars().count(), MAX_DERIVED_TITLE);
    }

    #[test]
    fn the_headline_is_the_line_that_matches_the_report() {
        let c = [
            "Where to watch the Game on TV tonight",
            "Putin and Trump speak about ties",
        ];
        assert_eq!(
            choose(&c, "Putin spoke with Trump about bilateral ties.").map(|c| c.0),
            Some(1)
        );
        assert!(is_candidate(
            "White House Calls Conversation ‘Significant Start’"
        ));
        assert!(!is_candidate("Russia factor"));
    }
}
