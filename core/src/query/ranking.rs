//! Every ranking constant, in one place. Tune here and nowhere else.

use crate::index::FIELDS;

/// BM25 term-frequency saturation: the usual 1.2; news articles are long enough
/// that a word's tenth mention says little more than its third.
pub const K1: f32 = 1.2;

/// Per-field weight in the BM25F pseudo-frequency, in `index::FIELD_*` order:
/// a title word is worth three body words, a heading or caption word one and a
/// half, a comment word half (comments only count with `in:comments`).
pub const FIELD_WEIGHT: [f32; FIELDS] = [3.0, 1.5, 1.0, 0.5];

/// Per-field length normalisation (BM25 `b`): titles vary little in length, so
/// they are barely normalised; bodies the usual 0.75.
pub const FIELD_B: [f32; FIELDS] = [0.3, 0.5, 0.75, 0.75];

/// Weight of a match by how it was found: the exact word the user typed beats
/// another inflection of it, which beats a completion of the word being typed,
/// which beats a typo correction.
pub const EXACT_WEIGHT: f32 = 1.0;
pub const STEM_WEIGHT: f32 = 0.75;
pub const PREFIX_WEIGHT: f32 = 0.6;
pub const FUZZY_WEIGHT: f32 = 0.45;
/// A second edit is a weaker guess than one.
pub const FUZZY2_WEIGHT: f32 = 0.3;

/// Multiplier for an article that has the word with the same accents as the
/// query ("François" typed, "François" written, rather than "Francois").
pub const DIACRITIC_BONUS: f32 = 1.1;

/// Proximity: up to this fraction is added to the score of an article where
/// consecutive query words stand next to each other, fading with distance.
pub const PROXIMITY_MAX: f32 = 0.25;
/// Words further apart than this many positions earn no proximity bonus.
pub const PROXIMITY_SPAN: u32 = 8;
/// Only this many of the best articles are re-ranked by proximity: reading
/// positions is the costly part, and proximity only reorders close scores.
pub const PROXIMITY_RERANK: usize = 40;

/// Typo tolerance: one edit for words of this many letters or more ...
pub const FUZZY_MIN_CHARS: usize = 4;
/// ... two edits for words this long, and only when one edit finds nothing.
pub const FUZZY2_MIN_CHARS: usize = 9;
/// Longer words are not corrected: they are pasted, not typed.
pub const FUZZY_MAX_CHARS: usize = 40;
/// Most frequent corrections kept per word.
pub const FUZZY_MAX_TERMS: usize = 16;
/// fst nodes a correction walk may visit, bounding the worst case.
pub const FUZZY_MAX_STEPS: usize = 20_000;

/// The last word is completed from this many letters on.
pub const PREFIX_MIN_CHARS: usize = 2;
/// Dictionary entries scanned for completions (a two-letter prefix has more).
pub const PREFIX_SCAN: usize = 2_000;
/// The most frequent completions, scored over every article; the others only
/// over articles the query's other words already matched.
pub const PREFIX_MAX_TERMS: usize = 24;

/// The word being typed is not corrected once it has more completions than
/// this (the ones scored over every article, `PREFIX_MAX_TERMS`): "comp" with
/// 169 completions is a word half typed, and its one-edit neighbours ("camp",
/// "coma", "cop") only crowd the completions out, while "market" (14) still
/// finds "markey". Typos rarely start that many words; this spares the typo
/// walk on exactly the short prefixes that cost the most to score.
pub const FUZZY_PREFIX_COMPLETIONS: usize = PREFIX_MAX_TERMS;

/// Query size caps: a pasted page must not become a thousand-term query.
pub const MAX_CLAUSES: usize = 16;
pub const MAX_ALTERNATIVES: usize = 8;
pub const MAX_PHRASE_WORDS: usize = 10;
pub const MAX_EXCLUSIONS: usize = 8;
pub const MAX_QUERY_CHARS: usize = 2_000;

/// Snippets: about this many words around the matches.
pub const SNIPPET_WORDS: usize = 30;

/// Facet values listed per facet unless the request asks otherwise.
pub const FACET_LIMIT: usize = 20;

/// Robertson–Spärck Jones idf, floored at a small positive value so a word in
/// every article still counts for something.
pub fn idf(df: u32, n: usize) -> f32 {
    let df = df as f32;
    (1.0 + (n as f32 - df + 0.5) / (df + 0.5)).ln().max(0.01)
}
