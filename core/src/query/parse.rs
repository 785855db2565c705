//! The query language. Nothing here fails: whatever does not parse as syntax is
//! read as plain words.
//!
//! Plain words must all match; `"a phrase"`; `-word` / `-"a phrase"` exclude;
//! `a OR b`; fields `title:` `person:` `place:` `org:` `outlet:` `year:2017`
//! `before:2017-01-01` `after:2016-11` `in:comments`.

use super::ranking::*;
use crate::analysis::{for_each_token, is_stop_word, TokenKind};

/// One way to satisfy a clause.
#[derive(Debug, Clone, PartialEq)]
pub enum Alt {
    Word {
        /// Folded, as in the dictionary.
        term: String,
        /// Lowercased with accents, for the diacritic bonus.
        exact: String,
        /// Complete this word (the last word typed, no space after it yet).
        prefix: bool,
        /// Exact form only: a single word in quotes.
        literal: bool,
    },
    /// Folded terms in order; parts of compounds, not wholes, so positions line up.
    Phrase(Vec<String>),
}

/// Alternatives joined by OR; a query's clauses all must match.
#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    pub alts: Vec<Alt>,
    /// `title:` restricts the clause to titles.
    pub title_only: bool,
}

/// Facet kinds as the query language names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldFacet {
    Outlet = 0,
    Person = 2,
    Place = 3,
    Organization = 4,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FacetClause {
    pub kind: FieldFacet,
    /// Folded words the value's name must contain.
    pub words: Vec<String>,
    pub negated: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    pub clauses: Vec<Clause>,
    pub excluded: Vec<Clause>,
    pub facets: Vec<FacetClause>,
    /// Inclusive date-key bounds (`yyyymmdd`).
    pub from: Option<u32>,
    pub to: Option<u32>,
    pub in_comments: bool,
}

impl Query {
    pub fn is_match_all(&self) -> bool {
        self.clauses.is_empty()
    }
}

/// Raw pieces of the query string, before words are analysed.
#[derive(Debug)]
enum Piece {
    /// A whitespace-delimited chunk, with whether whitespace follows it.
    Chunk(String, bool),
    /// A quoted phrase, optionally preceded by `-` or `field:`.
    Quoted { prefix: String, text: String },
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

fn split(input: &str) -> Vec<Piece> {
    let chars: Vec<char> = input.chars().take(MAX_QUERY_CHARS).collect();
    let mut pieces = Vec::new();
    let mut i = 0;
    let mut chunk = String::new();
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            if !chunk.is_empty() {
                pieces.push(Piece::Chunk(std::mem::take(&mut chunk), true));
            }
            i += 1;
            continue;
        }
        if is_quote(c) {
            let close = chars[i + 1..].iter().position(|&q| is_quote(q));
            match close {
                Some(k) => {
                    let text: String = chars[i + 1..i + 1 + k].iter().collect();
                    // `-"…"` and `title:"…"` bind to the phrase; anything else ends the chunk.
                    let prefix = if chunk == "-" || chunk.ends_with(':') {
                        std::mem::take(&mut chunk)
                    } else {
                        if !chunk.is_empty() {
                            pieces.push(Piece::Chunk(std::mem::take(&mut chunk), false));
                        }
                        String::new()
                    };
                    pieces.push(Piece::Quoted { prefix, text });
                    i += k + 2;
                }
                // An unbalanced quote is just punctuation.
                None => i += 1,
            }
            continue;
        }
        chunk.push(c);
        i += 1;
    }
    if !chunk.is_empty() {
        pieces.push(Piece::Chunk(chunk, false));
    }
    pieces
}

/// Words of a chunk of plain text: compounds whole, everything else as is.
fn words(text: &str, mut f: impl FnMut(&str, &str)) {
    for_each_token(text, 0, |t| {
        if t.kind != TokenKind::Part {
            f(t.term, t.exact)
        }
    });
}

/// Terms of a phrase, lined up by position (compound parts, not wholes).
fn phrase_terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_token(text, 0, |t| {
        if t.kind != TokenKind::Whole && out.len() < MAX_PHRASE_WORDS {
            out.push(t.term.to_string())
        }
    });
    out
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as the first and last date keys it covers.
fn date_span(s: &str) -> Option<(u32, u32)> {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize| -> Option<u32> {
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse().ok())?
    };
    match parts.as_slice() {
        [y] => {
            let y = num(y, 4)?;
            Some((y * 10_000 + 101, y * 10_000 + 1231))
        }
        [y, m] => {
            let (y, m) = (num(y, 4)?, num(m, 2)?);
            (1..=12)
                .contains(&m)
                .then_some((y * 10_000 + m * 100 + 1, y * 10_000 + m * 100 + 31))
        }
        [y, m, d] => {
            let date = crate::Date::new(num(y, 4)? as u16, num(m, 2)? as u8, num(d, 2)? as u8)?;
            let k = crate::index::date_key(Some(date));
            Some((k, k))
        }
        _ => None,
    }
}

fn narrow(q: &mut Query, from: Option<u32>, to: Option<u32>) {
    if let Some(f) = from {
        q.from = Some(q.from.map_or(f, |x| x.max(f)));
    }
    if let Some(t) = to {
        q.to = Some(q.to.map_or(t, |x| x.min(t)));
    }
}

pub fn parse(input: &str) -> Query {
    let mut q = Query::default();
    let pieces = split(input);
    let last_chunk = pieces.len().saturating_sub(1);
    // Set when `OR` was seen: the next alternative joins the previous clause.
    let mut join = false;
    for (k, piece) in pieces.into_iter().enumerate() {
        if q.clauses.len() >= MAX_CLAUSES && !join {
            break;
        }
        let (negated, field, body, quoted, trailing_space) = match piece {
            Piece::Chunk(c, space) => {
                if c == "OR" && !q.clauses.is_empty() {
                    join = true;
                    continue;
                }
                let (neg, rest) = match c.strip_prefix(['-', '−']) {
                    Some(rest) if !rest.is_empty() => (true, rest.to_string()),
                    _ => (false, c),
                };
                match rest.split_once(':') {
                    Some((f, v)) if !v.is_empty() => (
                        neg,
                        Some(f.to_ascii_lowercase()),
                        v.to_string(),
                        false,
                        space,
                    ),
                    _ => (neg, None, rest, false, space),
                }
            }
            Piece::Quoted { prefix, text } => {
                let neg = prefix.starts_with('-');
                let field = prefix
                    .trim_start_matches('-')
                    .strip_suffix(':')
                    .map(|f| f.to_ascii_lowercase());
                (neg, field, text, true, true)
            }
        };
        let is_last = k == last_chunk && !trailing_space;
        let mut title_only = false;
        let mut plain = body.clone();
        match field.as_deref() {
            Some("title") => title_only = true,
            Some(f @ ("person" | "place" | "org" | "organization" | "outlet")) => {
                let kind = match f {
                    "person" => FieldFacet::Person,
                    "place" => FieldFacet::Place,
                    "outlet" => FieldFacet::Outlet,
                    _ => FieldFacet::Organization,
                };
                let mut ws = Vec::new();
                words(&body, |t, _| ws.push(t.to_string()));
                if !ws.is_empty() {
                    q.facets.push(FacetClause {
                        kind,
                        words: ws,
                        negated,
                    });
                    join = false;
                    continue;
                }
            }
            Some(f @ ("year" | "before" | "after")) if !negated && !quoted => {
                let span = date_span(&body).filter(|_| f != "year" || body.len() == 4);
                if let Some((first, last)) = span {
                    match f {
                        "year" => narrow(&mut q, Some(first), Some(last)),
                        "before" => narrow(&mut q, None, Some(first.saturating_sub(1))),
                        _ => narrow(&mut q, Some(last + 1), None),
                    }
                    join = false;
                    continue;
                }
                plain = format!("{f} {body}");
            }
            Some("in") if body.eq_ignore_ascii_case("comments") && !negated => {
                q.in_comments = true;
                join = false;
                continue;
            }
            // Unknown fields are words: "re:election" searches for both.
            Some(f) => plain = format!("{f} {body}"),
            None => {}
        }
        // Alternatives this piece contributes, each its own clause unless OR-joined.
        let mut alts: Vec<Alt> = Vec::new();
        if quoted {
            let terms = phrase_terms(&plain);
            match terms.len() {
                0 => {}
                1 => {
                    let mut exact = String::new();
                    words(&plain, |_, e| exact = e.to_string());
                    alts.push(Alt::Word {
                        term: terms[0].clone(),
                        exact,
                        prefix: false,
                        literal: true,
                    })
                }
                _ => alts.push(Alt::Phrase(terms)),
            }
        } else {
            words(&plain, |t, e| {
                alts.push(Alt::Word {
                    term: t.to_string(),
                    exact: e.to_string(),
                    prefix: false,
                    literal: false,
                })
            });
            if is_last && field.is_none() {
                if let Some(Alt::Word { prefix, .. }) = alts.last_mut() {
                    *prefix = true;
                }
            }
        }
        for (j, alt) in alts.into_iter().enumerate() {
            let target = if negated {
                &mut q.excluded
            } else {
                &mut q.clauses
            };
            let joined = join && j == 0 && !negated;
            match target.last_mut() {
                Some(c) if joined && c.title_only == title_only => {
                    if c.alts.len() < MAX_ALTERNATIVES {
                        c.alts.push(alt)
                    }
                }
                _ => {
                    let cap = if negated { MAX_EXCLUSIONS } else { MAX_CLAUSES };
                    if target.len() < cap {
                        target.push(Clause {
                            alts: vec![alt],
                            title_only,
                        })
                    }
                }
            }
        }
        join = false;
    }
    drop_stop_words(&mut q.clauses);
    q
}

/// Stop words leave a query, unless nothing else would be left.
fn drop_stop_words(clauses: &mut Vec<Clause>) {
    let is_stop = |c: &Clause| {
        c.alts.len() == 1
            && matches!(&c.alts[0], Alt::Word { term, literal: false, .. } if is_stop_word(term))
    };
    if clauses.iter().any(|c| !is_stop(c)) {
        clauses.retain(|c| !is_stop(c));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(term: &str, prefix: bool) -> Alt {
        Alt::Word {
            term: term.into(),
            exact: term.into(),
            prefix,
            literal: false,
        }
    }

    fn clause(alts: Vec<Alt>) -> Clause {
        Clause {
            alts,
            title_only: false,
        }
    }

    #[test]
    fn plain_words_last_one_is_a_prefix_until_a_space() {
        let q = parse("putin pho");
        assert_eq!(
            q.clauses,
            [
                clause(vec![word("putin", false)]),
                clause(vec![word("pho", true)])
            ]
        );
        assert_eq!(
            parse("putin phone ").clauses[1],
            clause(vec![word("phone", false)])
        );
    }

    #[test]
    fn phrases_exclusions_and_or() {
        let q = parse(r#""phone call" -Kremlin trump OR putin"#);
        assert_eq!(q.clauses.len(), 2);
        assert_eq!(
            q.clauses[0].alts,
            [Alt::Phrase(vec!["phone".into(), "call".into()])]
        );
        assert_eq!(
            q.clauses[1].alts,
            [word("trump", false), word("putin", true)]
        );
        assert_eq!(q.excluded, [clause(vec![word("kremlin", false)])]);
        let q = parse(r#"-"white house" putin"#);
        assert_eq!(
            q.excluded[0].alts,
            [Alt::Phrase(vec!["white".into(), "house".into()])]
        );
    }

    #[test]
    fn fields() {
        let q = parse("title:putin person:peskov year:2017 in:comments");
        assert_eq!(q.clauses.len(), 1);
        assert!(q.clauses[0].title_only);
        assert_eq!(q.facets[0].kind, FieldFacet::Person);
        assert_eq!(q.facets[0].words, ["peskov"]);
        assert_eq!((q.from, q.to), (Some(20170101), Some(20171231)));
        assert!(q.in_comments);
        let q = parse("before:2017-01-28 after:2016");
        assert_eq!((q.from, q.to), (Some(20161232), Some(20170127)));
        assert!(q.clauses.is_empty());
    }

    #[test]
    fn malformed_syntax_degrades_to_words() {
        let terms = |s: &str| -> Vec<String> {
            parse(s)
                .clauses
                .iter()
                .flat_map(|c| c.alts.iter())
                .map(|a| match a {
                    Alt::Word { term, .. } => term.clone(),
                    Alt::Phrase(t) => t.join(" "),
                })
                .collect()
        };
        assert_eq!(terms(r#""unbalanced quote"#), ["unbalanced", "quote"]);
        assert_eq!(terms("year:abc"), ["year", "abc"]);
        assert_eq!(terms("foo:bar"), ["foo", "bar"]);
        assert_eq!(terms("- putin"), ["putin"]);
        assert_eq!(terms("OR putin OR"), ["putin"]);
        assert_eq!(terms("in:kitchen"), ["kitchen"]);
        assert!(parse("").clauses.is_empty());
        assert!(parse(r#"""  "#).clauses.is_empty());
    }

    #[test]
    fn stop_words_never_empty_a_query() {
        assert_eq!(terms_of(&parse("the call of putin")), ["call", "putin"]);
        assert_eq!(terms_of(&parse("the who")), ["who"]);
        assert_eq!(terms_of(&parse("to be")), ["to", "be"]);
    }

    fn terms_of(q: &Query) -> Vec<String> {
        q.clauses
            .iter()
            .map(|c| match &c.alts[0] {
                Alt::Word { term, .. } => term.clone(),
                Alt::Phrase(t) => t.join(" "),
            })
            .collect()
    }
}
