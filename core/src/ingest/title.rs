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

/// A headline too short for `is_candidate` ("Quotable", "Village revival"),
/// trusted only where a headline sits (right above the dateline or byline)
/// and only when the page has no longer candidate.
pub fn is_short_headline(s: &str) -> bool {
    (1..=2).contains(&word_count(s))
        && s.chars().count() <= 40
        && !s.ends_with([',', ';', ':', '.'])
        && s.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
}

/// "Should scientists engage in activism?": one short question on a line of
/// its own. Sentence case makes it read as prose, so only its place (first on
/// the page, a longer paragraph below, no other headline above) says otherwise.
pub fn is_question_headline(s: &str) -> bool {
    let core = s.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', '*', ' ']);
    core.ends_with('?')
        && (2..=20).contains(&word_count(s))
        && s.chars().count() <= 200
        && first_sentence(s) == s
}

/// Words that name a publication rather than a person or a subject, as the
/// site name ending a page's `<title>` does ("… - BBC News", "… | The Times").
const MEDIA_WORDS: [&str; 30] = [
    "News",
    "Times",
    "Post",
    "Journal",
    "Herald",
    "Guardian",
    "Tribune",
    "Telegraph",
    "Mail",
    "Express",
    "Daily",
    "Online",
    "Media",
    "TV",
    "Radio",
    "Press",
    "Network",
    "Magazine",
    "Gazette",
    "Observer",
    "Independent",
    "Chronicle",
    "Standard",
    "Mirror",
    "Reuters",
    "Wire",
    "Insider",
    "Weekly",
    "Broadcasting",
    "Channel",
];

/// Separators between a headline and the site's name, most specific first.
const SUFFIX_SEPARATORS: [&str; 6] = [" | ", " :: ", " · ", " - ", " – ", " — "];

/// "bbc.co.uk", "CNN.com".
fn is_domain(w: &str) -> bool {
    let parts: Vec<&str> = w.split('.').collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && parts.last().is_some_and(|tld| {
            (2..=6).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_alphabetic())
        })
}

/// "CNN", "FOX6": a call sign or initials.
fn is_acronym(w: &str) -> bool {
    (2..=6).contains(&w.chars().count())
        && w.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && w.chars().filter(char::is_ascii_uppercase).count() >= 2
}

/// Could `name`, after a separator at the end of a headline, be the site's
/// name? A dash also sets off who said a quoted headline ("… - Putin", "… -
/// Russian MP"), so after a dash only a domain or a publication's word counts;
/// after a bar (rarely anything but a site name) initials count too.
fn is_publisher(name: &str, bar: bool) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if !(1..=5).contains(&words.len()) || name.chars().count() > 40 {
        return false;
    }
    if words.len() == 1 && is_domain(words[0]) {
        return true;
    }
    let named = words.iter().all(|w| {
        w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            || ["of", "the", "and", "&"].contains(w)
    }) && !name.ends_with(['.', '!', '?', ':', ',']);
    let media = words
        .iter()
        .any(|w| MEDIA_WORDS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())));
    named && (media || (bar && words.len() == 1 && is_acronym(words[0])))
}

/// Splits a site's name off the end of a headline ("Talks collapse | CNN" →
/// ("Talks collapse", "CNN")). `outlet` is the publisher the page names
/// elsewhere: a suffix equal to it is the site's name whatever its shape.
pub fn site_suffix<'a>(title: &'a str, outlet: Option<&str>) -> Option<(&'a str, &'a str)> {
    let (at, sep) = SUFFIX_SEPARATORS
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|at| (at, *sep)))
        .max_by_key(|&(at, _)| at)?;
    let head = title[..at].trim_end();
    let name = title[at + sep.len()..].trim();
    let known = outlet.is_some_and(|o| o.eq_ignore_ascii_case(name));
    let bar = !matches!(sep, " - " | " – " | " — ");
    (word_count(head) >= 2 && (known || is_publisher(name, bar))).then_some((head, name))
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
    fn a_site_name_is_split_off_the_headline() {
        let split = |t| site_suffix(t, None);
        assert_eq!(
            split("Talks collapse over border | CNN"),
            Some(("Talks collapse over border", "CNN"))
        );
        assert_eq!(
            split("Talks collapse over border - BBC News"),
            Some(("Talks collapse over border", "BBC News"))
        );
        assert_eq!(
            split("Talks collapse – The Irish Times"),
            Some(("Talks collapse", "The Irish Times"))
        );
        assert_eq!(
            split("Talks collapse :: example.co.uk"),
            Some(("Talks collapse", "example.co.uk"))
        );
        // Who said it, not who published it.
        assert_eq!(split("Russia to strengthen its Armed Forces - Putin"), None);
        assert_eq!(split("No evidence of interference - Russian MP"), None);
        assert_eq!(
            split("Health plan leaves millions uninsured - US budget office"),
            None
        );
        assert_eq!(split("Trump attacks the media - Fox News host"), None);
        assert_eq!(split("Live: Last 16 - German Cup"), None);
        assert_eq!(split("Trump's hiring goals may not be met - Kelly"), None);
        // Initials after a dash are a speaker as often as a site.
        assert_eq!(split("Water quality is poorer - EPA"), None);
        // Too little would be left.
        assert_eq!(split("Analysis | The New York Times"), None);
        // The name the page gives elsewhere counts whatever its shape.
        assert_eq!(
            site_suffix("Talks collapse over border - Example", Some("example")),
            Some(("Talks collapse over border", "Example"))
        );
    }

    #[test]
    fn short_and_question_headlines_have_their_own_shape() {
        assert!(is_short_headline("Quotable"));
        assert!(is_short_headline("Village revival"));
        assert!(!is_short_headline("Three word line"));
        assert!(!is_short_headline("continued:"));
        assert!(is_question_headline(
            "Should scientists engage in activism?"
        ));
        assert!(is_question_headline("Is a ‘seven-day NHS’ feasible?”"));
        assert!(!is_question_headline(
            "Democracy or humility? Why not both?"
        ));
        assert!(!is_question_headline("They asked why. Nobody answered."));
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
