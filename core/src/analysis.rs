//! Text analysis shared by the index and the query side: both must cut and fold
//! words identically or nothing matches.
//!
//! A char-class tokenizer instead of full UAX#29 keeps the wasm binary small; it
//! handles what news text needs: apostrophes (typographic or not), hyphenated
//! compounds (indexed whole and by their parts), numbers with separators
//! ("2,500" is the term `2500`), dotted acronyms ("U.S." is `us`), typographic
//! quotes and dashes, and diacritics (folded, the accented form kept aside so an
//! exact match can earn a bonus).

use rust_stemmers::{Algorithm, Stemmer};

/// Longer tokens are cut: nobody types them, and they would bloat the dictionary.
pub const MAX_TERM_BYTES: usize = 48;

/// What a token is, for the callers that treat compounds specially.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// An ordinary word or number.
    Word,
    /// One part of a hyphenated compound ("russia" in "US-Russia").
    Part,
    /// A hyphenated compound as a whole ("usrussia"), at the position of its first part.
    Whole,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Lowercased, diacritics folded: the dictionary key.
    pub term: String,
    /// Lowercased with diacritics kept; equal to `term` for plain ASCII words.
    pub exact: String,
    /// Char offsets (not bytes) into the analysed text, end exclusive.
    pub start: usize,
    pub end: usize,
    /// Word position; a `Whole` shares the position of its first `Part`.
    pub pos: u32,
    pub kind: TokenKind,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '′' | '`')
}

/// Hyphens that join a compound. The em dash and horizontal bar separate clauses instead.
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '\u{00AD}')
}

fn is_combining(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining(c)
}

/// Appends the folded form of one lowercase char: Latin diacritics dropped,
/// ligatures expanded. Other scripts pass through unchanged.
pub fn fold_char(c: char, out: &mut String) {
    let s: &str = match c as u32 {
        0xDF => "ss",
        0x00..=0xDE => {
            out.push(c);
            return;
        }
        0xE0..=0xE5 => "a",
        0xE6 => "ae",
        0xE7 => "c",
        0xE8..=0xEB => "e",
        0xEC..=0xEF => "i",
        0xF0 => "d",
        0xF1 => "n",
        0xF2..=0xF6 | 0xF8 => "o",
        0xF9..=0xFC => "u",
        0xFD | 0xFF => "y",
        0xFE => "th",
        0x100..=0x105 => "a",
        0x106..=0x10D => "c",
        0x10E..=0x111 => "d",
        0x112..=0x11B => "e",
        0x11C..=0x123 => "g",
        0x124..=0x127 => "h",
        0x128..=0x131 => "i",
        0x132..=0x133 => "ij",
        0x134..=0x135 => "j",
        0x136..=0x138 => "k",
        0x139..=0x142 => "l",
        0x143..=0x14B => "n",
        0x14C..=0x151 => "o",
        0x152..=0x153 => "oe",
        0x154..=0x159 => "r",
        0x15A..=0x161 | 0x17F => "s",
        0x162..=0x167 => "t",
        0x168..=0x173 => "u",
        0x174..=0x175 => "w",
        0x176..=0x178 => "y",
        0x179..=0x17E => "z",
        0x0300..=0x036F => "",
        _ => {
            out.push(c);
            return;
        }
    };
    out.push_str(s);
}

/// Lowercase + fold a whole string (facet values, single query words).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        fold_char(c, &mut out);
    }
    out
}

/// Cut at a char boundary so the term stays valid UTF-8.
fn truncate_term(s: &mut String) {
    if s.len() > MAX_TERM_BYTES {
        let mut cut = MAX_TERM_BYTES;
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        s.truncate(cut);
    }
}

/// A token borrowed from the tokenizer's buffers, for callers that only look.
#[derive(Debug, Clone, Copy)]
pub struct TokenRef<'t> {
    pub term: &'t str,
    pub exact: &'t str,
    pub start: usize,
    pub end: usize,
    pub pos: u32,
    pub kind: TokenKind,
}

/// Splits `text` into tokens, owned.
/// Positions start at `first_pos`; the returned value
/// is the next free position, so callers can number several blocks continuously.
pub fn tokenize_into(text: &str, first_pos: u32, out: &mut Vec<Token>) -> u32 {
    for_each_token(text, first_pos, |t| {
        out.push(Token {
            term: t.term.to_string(),
            exact: t.exact.to_string(),
            start: t.start,
            end: t.end,
            pos: t.pos,
            kind: t.kind,
        })
    })
}

/// Calls `f` for each token of `text` without allocating per token (snippets
/// and highlighting tokenize whole articles on every query).
pub fn for_each_token(text: &str, first_pos: u32, mut f: impl FnMut(TokenRef<'_>)) -> u32 {
    each_token(text, first_pos, u32::MAX, &mut f)
}

/// As `for_each_token`, but stops before the first word at position `stop` or
/// later that follows whitespace: a snippet reads its window and no further
/// (words glued to the window's last one, "leaders.Next", are still read).
pub(crate) fn for_each_token_until(
    text: &str,
    first_pos: u32,
    stop: u32,
    mut f: impl FnMut(TokenRef<'_>),
) {
    each_token(text, first_pos, stop, &mut f);
}

/// The tokenizer behind `for_each_token`, taking `f` as `dyn` so that its code
/// exists once in the wasm rather than once per caller (about 2 kB each).
fn each_token(text: &str, first_pos: u32, stop: u32, f: &mut dyn FnMut(TokenRef<'_>)) -> u32 {
    // Sized once: collecting grew it from a quarter of the bytes, several copies.
    let mut chars: Vec<char> = Vec::with_capacity(text.len());
    chars.extend(text.chars());
    let mut pos = first_pos;
    let mut i = 0;
    // The segments of one compound: (byte range in `buf`, char start, char end).
    let mut parts: Vec<(usize, usize, usize, usize)> = Vec::new();
    let mut buf = String::new();
    let mut exact = String::new();
    let mut term = String::new();
    let mut emit = |f: &mut dyn FnMut(TokenRef<'_>),
                    word: &str,
                    start: usize,
                    end: usize,
                    pos: u32,
                    kind: TokenKind| {
        if word.len() <= MAX_TERM_BYTES && word.is_ascii() {
            // Most words: nothing to cut or fold, and no copy to make.
            f(TokenRef {
                term: word,
                exact: word,
                start,
                end,
                pos,
                kind,
            });
            return;
        }
        exact.clear();
        exact.push_str(word);
        truncate_term(&mut exact);
        term.clear();
        if exact.is_ascii() {
            // Most words: nothing to fold.
            term.push_str(&exact);
        } else {
            for c in exact.chars() {
                fold_char(c, &mut term);
            }
            truncate_term(&mut term);
        }
        f(TokenRef {
            term: &term,
            exact: &exact,
            start,
            end,
            pos,
            kind,
        });
    };
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii() && !c.is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        if !is_word_char(c) || is_combining(c) {
            i += 1;
            continue;
        }
        if pos >= stop && i > 0 && chars[i - 1].is_whitespace() {
            break;
        }
        parts.clear();
        buf.clear();
        let mut seg_byte = 0;
        let mut seg_start = i;
        let mut seg_letters = 0usize;
        loop {
            let c = chars[i];
            if c.is_ascii_alphanumeric() {
                buf.push(c.to_ascii_lowercase());
                seg_letters += 1;
                i += 1;
                if i < chars.len() {
                    continue;
                }
                break;
            }
            if is_word_char(c) {
                buf.extend(c.to_lowercase());
                if !is_combining(c) {
                    seg_letters += 1;
                }
                i += 1;
                if i < chars.len() {
                    continue;
                }
                break;
            }
            let next_word = chars.get(i + 1).is_some_and(|&n| is_word_char(n));
            let prev = chars[i - 1];
            let next = chars.get(i + 1).copied().unwrap_or(' ');
            if is_apostrophe(c) && next_word && prev.is_alphabetic() && next.is_alphabetic() {
                // "Trump's" is Trump; "don't" is dont; "O'Brien" is obrien.
                let rest_is_s = (next == 's' || next == 'S')
                    && !chars.get(i + 2).is_some_and(|&n| is_word_char(n));
                if rest_is_s {
                    i += 2;
                    break;
                }
                i += 1;
                continue;
            }
            if (c == ',' || c == '.') && prev.is_ascii_digit() && next.is_ascii_digit() {
                // "2,500" is 2500; "3.5" keeps its point.
                if c == '.' {
                    buf.push('.');
                }
                i += 1;
                continue;
            }
            if c == '.' && seg_letters == 1 && prev.is_alphabetic() && next.is_alphabetic() {
                // Dotted acronyms: "U.S." reads as "us".
                let after = chars.get(i + 2).copied().unwrap_or(' ');
                if !is_word_char(after) {
                    seg_letters = 0;
                    i += 1;
                    continue;
                }
            }
            if is_hyphen(c) && next_word && is_word_char(prev) {
                parts.push((seg_byte, buf.len(), seg_start, i));
                i += 1;
                seg_byte = buf.len();
                seg_start = i;
                seg_letters = 0;
                continue;
            }
            break;
        }
        let end = i;
        parts.push((seg_byte, buf.len(), seg_start, end));
        if parts.len() == 1 {
            if !buf.is_empty() {
                emit(f, &buf, seg_start, end, pos, TokenKind::Word);
                pos += 1;
            }
        } else {
            // Parts are contiguous in `buf`, so the whole word is all of it.
            emit(f, &buf, parts[0].2, end, pos, TokenKind::Whole);
            for &(b0, b1, s, e) in &parts {
                if b1 > b0 {
                    emit(f, &buf[b0..b1], s, e, pos, TokenKind::Part);
                    pos += 1;
                }
            }
        }
    }
    pos
}

pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(text, 0, &mut out);
    out
}

/// English function words. They are indexed (phrases need them) but a query
/// ignores them, unless it has nothing else.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "had", "has", "have",
    "he", "her", "his", "if", "in", "into", "is", "it", "its", "not", "of", "on", "or", "she",
    "so", "that", "the", "their", "them", "then", "there", "they", "this", "to", "was", "were",
    "which", "will", "with",
];

pub fn is_stop_word(term: &str) -> bool {
    STOP_WORDS.binary_search(&term).is_ok()
}

/// English Snowball stemming of a folded term. Numbers and very short words stay as they are.
pub struct Stem(Stemmer);

impl Default for Stem {
    fn default() -> Self {
        Stem(Stemmer::create(Algorithm::English))
    }
}

impl Stem {
    pub fn stem<'t>(&self, term: &'t str) -> std::borrow::Cow<'t, str> {
        if term.len() < 3 || !term.bytes().all(|b| b.is_ascii_lowercase()) {
            return std::borrow::Cow::Borrowed(term);
        }
        self.0.stem(term)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(s: &str) -> Vec<String> {
        tokenize(s).into_iter().map(|t| t.term).collect()
    }

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn folds_case_and_diacritics_keeping_the_exact_form() {
        let t = tokenize("François Hollande");
        assert_eq!(t[0].term, "francois");
        assert_eq!(t[0].exact, "françois");
        assert_eq!((t[0].start, t[0].end), (0, 8));
        assert_eq!(terms("Straße ÆON Łódź"), ["strasse", "aeon", "lodz"]);
        // Decomposed accents fold like precomposed ones.
        assert_eq!(terms("Franc\u{327}ois"), ["francois"]);
    }

    #[test]
    fn apostrophes_typographic_or_not_are_the_same() {
        assert_eq!(terms("Trump’s"), terms("Trump's"));
        assert_eq!(terms("Trump's call"), ["trump", "call"]);
        assert_eq!(terms("don’t O'Brien"), ["dont", "obrien"]);
        assert_eq!(terms("the ‘quoted’ word"), ["the", "quoted", "word"]);
    }

    #[test]
    fn hyphenated_words_are_whole_and_parts() {
        let t = tokenize("US-Russia ties");
        let got: Vec<(&str, u32, TokenKind)> =
            t.iter().map(|t| (t.term.as_str(), t.pos, t.kind)).collect();
        assert_eq!(
            got,
            [
                ("usrussia", 0, TokenKind::Whole),
                ("us", 0, TokenKind::Part),
                ("russia", 1, TokenKind::Part),
                ("ties", 2, TokenKind::Word)
            ]
        );
        assert_eq!(terms("US–Russia"), terms("US-Russia"));
        // An em dash separates; a dangling hyphen is punctuation.
        assert_eq!(terms("enemy—terrorism"), ["enemy", "terrorism"]);
        assert_eq!(
            terms("pre- and post-war"),
            ["pre", "and", "postwar", "post", "war"]
        );
    }

    #[test]
    fn numbers_with_separators_are_one_term() {
        assert_eq!(terms("2,500 $ and 3.5%"), ["2500", "and", "3.5"]);
        assert_eq!(terms("in 2017, then"), ["in", "2017", "then"]);
    }

    #[test]
    fn dotted_acronyms_read_as_words() {
        assert_eq!(terms("the U.S. and"), ["the", "us", "and"]);
        assert_eq!(terms("U.S.A. e.g. a.m."), ["usa", "eg", "am"]);
        assert_eq!(terms("sentence.Next"), ["sentence", "next"]);
    }

    #[test]
    fn offsets_are_chars() {
        let t = tokenize("«Путин» — Trump");
        assert_eq!(t[0].term, "путин");
        assert_eq!((t[0].start, t[0].end), (1, 6));
        assert_eq!((t[1].start, t[1].end), (10, 15));
    }

    #[test]
    fn stemming_conflates_inflections() {
        let s = Stem::default();
        assert_eq!(s.stem("calls"), s.stem("called"));
        assert_eq!(s.stem("2500"), "2500");
    }
}
