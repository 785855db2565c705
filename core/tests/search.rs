//! One test per rule of the search engine (issue 4), on the seeds and on small
//! articles built here, plus property tests and a reference BM25.

use std::path::PathBuf;

use dossier_core::*;
use proptest::prelude::*;

fn art(id: &str, title: &str, date: Option<&str>, body: &[&str]) -> Article {
    Article {
        id: id.into(),
        file: format!("{id}.txt"),
        title: title.into(),
        title_source: TitleSource::Headline,
        date: date.and_then(Date::parse_iso),
        date_source: None,
        outlet: None,
        byline: None,
        blocks: body
            .iter()
            .map(|t| Block {
                kind: BlockKind::Paragraph,
                text: t.to_string(),
            })
            .collect(),
        comments: Vec::new(),
        entities: Entities::default(),
        words: 0,
        url: None,
        tags: Vec::new(),
    }
}

fn ents(names: &[&str]) -> Vec<EntityCount> {
    names
        .iter()
        .map(|n| EntityCount {
            name: n.to_string(),
            count: 1,
        })
        .collect()
}

fn seeds() -> Vec<u8> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    Corpus::build(&load_folder(&dir).expect("the seeds are readable").articles)
}

fn ids(c: &Corpus<'_>, q: &str) -> Vec<String> {
    search(c, q).hits.iter().map(|h| h.id.to_string()).collect()
}

fn search<'a>(c: &Corpus<'a>, q: &str) -> Results<'a> {
    c.search(&SearchRequest {
        limit: 100,
        ..SearchRequest::new(q)
    })
}

fn seed_ids(c: &Corpus<'_>, q: &str) -> Vec<String> {
    // Seed ids are NNN_hash; the number is stable whatever ingestion becomes.
    ids(c, q).into_iter().map(|i| i[..3].to_string()).collect()
}

// ---- 1. text analysis ----

#[test]
fn diacritics_fold_with_a_bonus_for_the_exact_form() {
    let bytes = seeds();
    let c = Corpus::open(&bytes).unwrap();
    assert_eq!(seed_ids(&c, "francois hollande"), ["001"]);
    assert_eq!(seed_ids(&c, "François"), ["001"]);

    let bytes = Corpus::build(&[
        art("plain", "Francois said", None, &["Francois spoke today."]),
        art("accent", "François said", None, &["François spoke today."]),
    ]);
    let c = Corpus::open(&bytes).unwrap();
    assert_eq!(ids(&c, "François "), ["accent", "plain"]);
    assert_eq!(ids(&c, "francois ").len(), 2);
}

#[test]
fn typographic_apostrophes_and_quotes_are_normalised() {
    let bytes = Corpus::build(&[art("a", "t", None, &["It was Trump’s “big” call."])]);
    let c = Corpus::open(&bytes).unwrap();
    assert_eq!(ids(&c, "Trump's call"), ["a"]);
    assert_eq!(ids(&c, "\"big call\""), ["a"]);
}

#[test]
fn hyphenated_words_are_found_whole_and_by_parts() {
    let bytes = seeds();
    let c = Corpus::open(&bytes).unwrap();
    let whole = seed_ids(&c, "US-Russia");
    assert!(whole.contains(&"000".to_string()));
    assert!(seed_ids(&c, "russia relationship").contains(&"000".to_string()));
    assert_eq!(seed_ids(&c, "US–Russia"), whole);
    assert_eq!(seed_ids(&c, "\"US-Russia relationship\""), ["000"]);
}

#[test]
fn numbers_with_separators_are_terms() {
    let bytes = Corpus::build(&[
        art(
            "a",
            "Aid pledged",
            None,
            &["Donors pledged 2,500 tonnes of grain."],
        ),
        art(
            "b",
            "Aid delayed",
            None,
            &["About 2500 trucks waited at the border."],
        ),
        art(
            "c",
            "Aid stopped",
            None,
            &["No more than 25 trucks crossed."],
        ),
    ]);
    let c = Corpus::open(&bytes).unwrap();
    assert_eq!(ids(&c, "2500").len(), 2);
    assert_eq!(ids(&c, "2,500").len(), 2);
    assert!(!ids(&c, "2500").contains(&"c".to_string()));
}

#[test]
fn stemming_finds_inflections_and_prefers_the_form_typed() {
    let bytes = Corpus::build(&[
        art("called", "a", None, &["He called yesterday about it."]),
        art("calls", "a", None, &["He calls yesterday about it."]),
    ]);
    let c = Corpus::open(&bytes).unwrap();
    assert_eq!(ids(&c, "calls "), ["calls", "called"]);
    assert_eq!(ids(&c, "called "), ["called", "calls"]);
}

#[test]
fn stop_words_never_leave_a_query_empty() {
    let bytes = seeds();
    let c = Corpus::open(&bytes).unwrap();
    assert_eq!(ids(&c, "the peskov"), ids(&c, "peskov"));
    assert_eq!(search(&c, "the").total, 5);
}

// ---- 2. index ----

#[test]
fn the_blob_opens_without_decoding_and_round_trips() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    let articles = load_folder(&dir).unwrap().articles;
    let bytes = Corpus::build(&articles);
    let c = Corpus::open(&bytes).unwrap();
    for (i, a) in articles.iter().enumerate() {
        assert_eq!(c.article(i).as_ref(), Some(a));
        assert_eq!(c.find(&a.id), Some(i));
        assert_eq!(c.summary(i).unwrap().title, a.title);
    }
    // Damage past the header is only found when that part is read: open stays O(1).
    let mut damaged = bytes.clone();
    let at = bytes.len() / 3;
    damaged[at..at + 64].fill(0xAB);
    if let Ok(c) = Corpus::open(&damaged) {
        let _ = search(&c, "putin phone");
        let _ = c.article(2);
    }
}

#[test]
fn serialized_size_is_reported_against_raw_text() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    let raw: usize = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| std::fs::metadata(e.unwrap().path()).unwrap().len() as usize)
        .sum();
    let bytes = seeds();
    // Five short files carry fixed overheads; the 1.6x budget is for the large corpus.
    assert!(bytes.len() < raw * 3, "{} vs {raw}", bytes.len());
}

// ---- 3. query language ----

#[test]
fn all_words_must_match_else_best_partial_matches_flagged() {
    let bytes = seeds();
    let c = Corpus::open(&bytes).unwrap();
    let r = search(&c, "peskov spicer");
    assert!(!r.fallback);
    assert_eq!(seed_ids(&c, "peskov spicer"), ["001"]);
    let r = search(&c, "peskov xylophonist");
    assert!(r.fallback);
    assert_eq!(r.total, 3);
    let r = search(&c, "xylophonist zanzibarian");
    assert_eq!((r.total, r.fallback), (0, false));
}

#[test]
fn phrases_exclusions_and_or() {
    let bytes = seeds();
    let c = Corpus::open(&bytes).unwrap();
    let phrase = seed_ids(&c, "\"phone call\"");
    let words = seed_ids(&c, "phone call ");
    assert!(phrase.len() < words.len() || phrase == words);
    assert_eq!(seed_ids(&c, "\"Dmitry Peskov said\""), ["001", "003"]);
    assert!(seed_ids(&c, "\"Peskov Dmitry\"").is_empty());
    let all = search(&c, "putin").total;
    let without = search(&c, "putin -peskov").total;
    assert_eq!(without, all - 3);
    assert!(!seed_ids(&c, "putin -\"Dmitry Peskov\"").contains(&"001".to_string()));
    let mut either = seed_ids(&c, "hollande OR ukraine");
    either.sort();
    let mut a = seed_ids(&c, "hollande");
    a.extend(seed_ids(&c, "ukraine"));
    a.sort();
    a.dedup();
    assert_eq!(either, a);
}

fn fielded() -> Vec<Article> {
    let mut a = art(
        "a",
        "Putin and the Kremlin",
        Some("2016-11-14"),
        &["Talks."],
    );
    a.outlet = Some("Fox6".into());
    a.entities.people = ents(&["Vladimir Putin", "Dmitry Peskov"]);
    a.entities.places = ents(&["Moscow"]);
    a.entities.organizations = ents(&["Kremlin"]);
    let mut b = art(
        "b",
        "Phone talks",
        Some("2017-01-28"),
        &["Putin and Trump spoke."],
    );
    b.outlet = Some("VOA".into());
    b.entities.people = ents(&["Vladimir Putin", "Donald Trump"]);
    b.entities.places = ents(&["Washington"]);
    b.comments.push(Comment {
        author: Some("x".into()),
        text: "What about sanctions?".into(),
    });
    let mut c = art(
        "c",
        "Sanctions",
        Some("2017-03-01"),
        &["Sanctions were debated."],
    );
    c.outlet = Some("VOA".into());
    c.entities.organizations = ents(&["White House"]);
    vec![a, b, c]
}

#[test]
fn fields_restrict_matches() {
    let bytes = Corpus::build(&fielded());
    let c = Corpus::open(&bytes).unwrap();
    assert_eq!(ids(&c, "title:putin"), ["a"]);
    assert_eq!(ids(&c, "putin person:trump"), ["b"]);
    assert_eq!(ids(&c, "person:peskov"), ["a"]);
    assert_eq!(ids(&c, "place:moscow"), ["a"]);
    assert_eq!(ids(&c, "org:\"white house\""), ["c"]);
    assert_eq!(ids(&c, "outlet:voa"), ["c", "b"]);
    assert_eq!(ids(&c, "year:2017"), ["c", "b"]);
    assert_eq!(ids(&c, "before:2017-01-01"), ["a"]);
    assert_eq!(ids(&c, "after:2017-01-28"), ["c"]);
    assert_eq!(ids(&c, "putin -person:peskov"), ["b"]);
    // Comments are searched only when asked.
    assert_eq!(ids(&c, "sanctions "), ["c"]);
    let mut both = ids(&c, "sanctions in:comments");
    both.sort();
    assert_eq!(both, ["b", "c"]);
}

#[test]
fn malformed_syntax_degrades_to_plain_words() {
    let bytes = seeds();
    let c = Corpus::open(&bytes).unwrap();
    assert_eq!(
        seed_ids(&c, "\"peskov spicer"),
        seed_ids(&c, "peskov spicer")
    );
    assert_eq!(seed_ids(&c, "- peskov"), seed_ids(&c, "peskov"));
    assert_eq!(seed_ids(&c, "peskov:spicer"), seed_ids(&c, "peskov spicer"));
    assert!(search(&c, "year:abc").total <= 5);
    for q in [
        "", " ", "\"", "-", "OR", "title:", "year:", "before:x", "::", "\"\"\"",
    ] {
        let _ = search(&c, q);
    }
}

// ---- 4. ranking ----

#[test]
fn title_beats_headings_and_captions_beat_body() {
    let filler = "one two three four five six seven eight";
    let mut h = art("heading", "Report", None, &[filler]);
    h.blocks.push(Block {
        kind: BlockKind::Heading,
        text: "Zebras".into(),
    });
    let bytes = Corpus::build(&[
        art("body", "Report", None, &[&format!("{filler} zebras")]),
        h,
        art("title", "Zebras", None, &[filler]),
    ]);
    let c = Corpus::open(&bytes).unwrap();
    assert_eq!(ids(&c, "zebras "), ["title", "heading", "body"]);
}

#[test]
fn exact_beats_stem_beats_prefix_beats_fuzzy() {
    let bytes = Corpus::build(&[
        art("fuzzy", "a", None, &["the markey stood"]),
        art("prefix", "a", None, &["the marketplace stood"]),
        art("stem", "a", None, &["the markets stood"]),
        art("exact", "a", None, &["the market stood"]),
    ]);
    let c = Corpus::open(&bytes).unwrap();
    assert_eq!(ids(&c, "market"), ["exact", "stem", "prefix", "fuzzy"]);
    // Two edits only for long words, only when one edit finds nothing.
    let bytes = Corpus::build(&[art("a", "a", None, &["administration officials"])]);
    let c = Corpus::open(&bytes).unwrap();
    assert_eq!(ids(&c, "adminstartion "), ["a"]);
    assert!(ids(&c, "ofcials ").is_empty());
    assert_eq!(ids(&c, "officails "), ["a"], "a swap is one edit");
    assert!(ids(&c, "ofi ").is_empty(), "no typos under four letters");
}

#[test]
fn a_misspelt_word_is_never_read_as_a_stop_word() {
    let bytes = Corpus::build(&[
        art("have", "a", None, &["they have stood"]),
        art("heavy", "a", None, &["a heavy load"]),
        art("wire", "a", None, &["the wire was cut"]),
    ]);
    let c = Corpus::open(&bytes).unwrap();
    // "have" and "were" are one edit away, and stop words: no match on them.
    assert_eq!(ids(&c, "heave "), ["heavy"]);
    assert_eq!(ids(&c, "wire "), ["wire"]);
    assert_eq!(ids(&c, "wier "), ["wire"]);
}

#[test]
fn a_word_being_typed_with_many_completions_is_not_corrected() {
    // "camp" is one edit from "comp"; with more completions than
    // FUZZY_PREFIX_COMPLETIONS (24), "comp" is read as half typed.
    let words: Vec<String> = (0..30)
        .map(|k| format!("comp{}", (b'a' + k % 26) as char))
        .collect();
    let mut arts = vec![art("camp", "a", None, &["the camp stood"])];
    for (k, w) in words.iter().enumerate() {
        let text = format!("the {w}{k} stood");
        arts.push(art(&format!("c{k}"), "a", None, &[text.as_str()]));
    }
    let bytes = Corpus::build(&arts);
    let c = Corpus::open(&bytes).unwrap();
    let found = ids(&c, "comp");
    assert!(!found.is_empty() && !found.contains(&"camp".to_string()));
    // Typed out (a trailing space), the word is corrected as always.
    assert!(ids(&c, "comp ").contains(&"camp".to_string()));
    // With few completions, a word being typed is still corrected.
    let bytes = Corpus::build(&[
        art("camp", "a", None, &["the camp stood"]),
        art("comp", "a", None, &["the compost stood"]),
    ]);
    let c = Corpus::open(&bytes).unwrap();
    assert_eq!(ids(&c, "comp"), ["comp", "camp"]);
}

#[test]
fn words_standing_close_rank_higher() {
    let bytes = Corpus::build(&[
        art(
            "far",
            "a",
            None,
            &["phone one two three four five six seven eight nine ten call"],
        ),
        art(
            "near",
            "a",
            None,
            &["one two three four five six seven eight nine ten phone call"],
        ),
    ]);
    let c = Corpus::open(&bytes).unwrap();
    assert_eq!(ids(&c, "phone call "), ["near", "far"]);
}

#[test]
fn date_breaks_ties_newest_first() {
    let bytes = Corpus::build(&[
        art("old", "a", Some("2016-01-01"), &["same text here"]),
        art("new", "a", Some("2017-01-01"), &["same text here"]),
        art("undated", "a", None, &["same text here"]),
    ]);
    let c = Corpus::open(&bytes).unwrap();
    assert_eq!(ids(&c, "text "), ["new", "old", "undated"]);
}

// ---- 5. facets ----

#[test]
fn facet_counts_or_within_and_across_and_date_range() {
    let bytes = Corpus::build(&fielded());
    let c = Corpus::open(&bytes).unwrap();
    let count = |f: &[FacetCount<'_>], v: &str| f.iter().find(|x| x.value == v).map(|x| x.count);
    let r = c.search(&SearchRequest::new(""));
    assert_eq!(r.total, 3);
    assert_eq!(count(&r.facets.outlet, "VOA"), Some(2));
    assert_eq!(count(&r.facets.year, "2017"), Some(2));
    assert_eq!(count(&r.facets.person, "Vladimir Putin"), Some(2));

    let mut req = SearchRequest::new("");
    req.filters.outlet = vec!["Fox6".into()];
    let r = c.search(&req);
    assert_eq!(r.total, 1);
    // The other outlet's count says what adding it would give.
    assert_eq!(count(&r.facets.outlet, "VOA"), Some(2));
    assert_eq!(count(&r.facets.year, "2016"), Some(1));
    assert_eq!(count(&r.facets.year, "2017"), None);
    assert!(r
        .facets
        .outlet
        .iter()
        .any(|f| f.value == "Fox6" && f.selected));

    req.filters.outlet.push("VOA".into());
    assert_eq!(c.search(&req).total, 3);
    req.filters.year = vec!["2017".into()];
    let r = c.search(&req);
    assert_eq!(r.total, 2);
    assert_eq!(count(&r.facets.year, "2016"), Some(1));

    let mut req = SearchRequest::new("putin");
    req.filters.person = vec!["Donald Trump".into()];
    assert_eq!(c.search(&req).total, 1);

    let mut req = SearchRequest::new("");
    req.from = Date::parse_iso("2017-01-01");
    req.to = Date::parse_iso("2017-02-01");
    let r = c.search(&req);
    assert_eq!(r.hits.iter().map(|h| h.id).collect::<Vec<_>>(), ["b"]);
}

/// `facet_limit: 0` (the JS `search()`, the typo correction's checks) skips
/// counting: the same hits and total, filters still applied, no facets.
#[test]
fn no_facet_counts_when_none_are_asked_for() {
    let bytes = seeds();
    let c = Corpus::open(&bytes).unwrap();
    let mut requests = vec![
        SearchRequest::new("putin"),
        SearchRequest::new("trump OR russia -elon"),
        SearchRequest::new("person:putin call"),
    ];
    let mut req = SearchRequest::new("president");
    req.filters.year = vec!["2017".into()];
    requests.push(req);
    let mut req = SearchRequest::new("putin");
    req.filters.outlet = vec!["FOX6 News".into(), "SouthFront".into()];
    req.from = Date::parse_iso("2016-01-01");
    // Both outlets' articles are undated.
    req.undated = true;
    requests.push(req);
    for req in requests {
        let full = c.search(&req);
        let bare = c.search(&SearchRequest {
            facet_limit: 0,
            ..req.clone()
        });
        assert!(full.total > 0, "{:?} finds something", req.query);
        assert_eq!(bare.total, full.total, "{:?}", req.query);
        assert_eq!(bare.fallback, full.fallback);
        assert_eq!(format!("{:?}", bare.hits), format!("{:?}", full.hits));
        assert!(!full.facets.person.is_empty());
        assert!(bare.facets.person.is_empty() && bare.facets.year.is_empty());
        assert!(bare.facets.outlet.is_empty() && bare.months.is_empty());
    }
}

#[test]
fn an_empty_query_browses_newest_first() {
    let bytes = Corpus::build(&fielded());
    let c = Corpus::open(&bytes).unwrap();
    assert_eq!(ids(&c, ""), ["c", "b", "a"]);
    let mut req = SearchRequest::new("");
    req.sort = Sort::Oldest;
    let r = c.search(&req);
    assert_eq!(
        r.hits.iter().map(|h| h.id).collect::<Vec<_>>(),
        ["a", "b", "c"]
    );
    assert_eq!(c.newest_first().collect::<Vec<_>>(), [2, 1, 0]);
}

// ---- 6. results ----

fn slice(s: &str, r: (usize, usize)) -> String {
    s.chars().skip(r.0).take(r.1 - r.0).collect()
}

#[test]
fn snippets_and_highlights_point_at_the_matches() {
    let bytes = seeds();
    let c = Corpus::open(&bytes).unwrap();
    let r = search(&c, "peskov hollande");
    let hit = &r.hits[0];
    assert!(
        hit.snippet.split_whitespace().count() <= 34,
        "{}",
        hit.snippet
    );
    assert!(!hit.highlights.is_empty());
    for &h in &hit.highlights {
        let word = slice(&hit.snippet, h).to_lowercase();
        assert!(word == "peskov" || word == "hollande", "{word}");
    }
    let r = search(&c, "kremlin denied");
    let hit = &r.hits[0];
    let lit: Vec<String> = hit
        .title_highlights
        .iter()
        .map(|&h| slice(hit.title, h))
        .collect();
    assert!(
        lit.contains(&"Kremlin".to_string()),
        "{lit:?} in {}",
        hit.title
    );

    // Whole-article ranges for the reader.
    let i = hit.index;
    let view = c.view(i).unwrap();
    let hl = c.highlights(i, "kremlin denied").unwrap();
    assert_eq!(hl.blocks.len(), view.blocks.len());
    let mut lit = 0;
    for (b, ranges) in view.blocks.iter().zip(&hl.blocks) {
        for &r in ranges {
            assert!(["kremlin", "denied"].contains(&slice(b.text, r).to_lowercase().as_str()));
            lit += 1;
        }
    }
    assert!(lit >= 2);
}

#[test]
fn related_articles_share_vocabulary() {
    let bytes = Corpus::build(&[
        art(
            "v1",
            "Volcano erupts",
            None,
            &["The volcano eruption sent lava and ash over the island villages."],
        ),
        art(
            "f1",
            "Cup final",
            None,
            &["The striker scored a late goal in the football final at the stadium."],
        ),
        art(
            "v2",
            "Ash cloud",
            None,
            &["Ash from the volcano eruption closed airports; lava reached villages."],
        ),
        art(
            "f2",
            "Derby",
            None,
            &["A late goal by the striker won the football derby at the stadium."],
        ),
        art(
            "x",
            "Budget",
            None,
            &["Parliament debated the budget and taxes."],
        ),
    ]);
    let c = Corpus::open(&bytes).unwrap();
    assert_eq!(c.related(0).first(), Some(&2));
    assert_eq!(c.related(3).first(), Some(&1));
    assert!(c.related(0).len() <= 3);
    assert!(!c.related(0).contains(&0));
}

// ---- 8. reference BM25 and properties ----

const VOCAB: &[&str] = &[
    "alpha", "bravo", "charlie", "delta", "foxtrot", "hotel", "india", "juliet", "kilo", "lima",
    "november", "oscar", "quebec", "romeo", "sierra", "tango", "uniform", "victor", "whiskey",
    "yankee", "zulu", "golf",
];

fn lcg(seed: &mut u64) -> u64 {
    *seed = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    *seed >> 33
}

/// A straightforward BM25F over title and body, written from the textbook
/// formula with the engine's published constants.
fn reference(articles: &[Article], words: &[&str]) -> Vec<(usize, f64)> {
    use dossier_core::query::ranking::{FIELD_B, FIELD_WEIGHT, K1};
    let toks =
        |s: &str| -> Vec<String> { s.split_whitespace().map(|w| w.to_lowercase()).collect() };
    let docs: Vec<[Vec<String>; 2]> = articles
        .iter()
        .map(|a| {
            [
                toks(&a.title),
                a.blocks.iter().flat_map(|b| toks(&b.text)).collect(),
            ]
        })
        .collect();
    let n = docs.len() as f64;
    let avg: Vec<f64> = (0..2)
        .map(|f| (docs.iter().map(|d| d[f].len()).sum::<usize>() as f64 / n).max(1.0))
        .collect();
    let field = [0usize, 2];
    let mut out = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        let mut score = 0.0;
        let mut all = true;
        for w in words {
            let df = docs
                .iter()
                .filter(|d| d.iter().any(|f| f.iter().any(|t| t == w)))
                .count() as f64;
            let mut tf = 0.0;
            for f in 0..2 {
                let c = d[f].iter().filter(|t| t == w).count() as f64;
                let (wt, b) = (FIELD_WEIGHT[field[f]] as f64, FIELD_B[field[f]] as f64);
                tf += wt * c / (1.0 - b + b * d[f].len() as f64 / avg[f]);
            }
            if tf == 0.0 {
                all = false;
                continue;
            }
            let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln().max(0.01);
            score += idf * tf * (K1 as f64 + 1.0) / (tf + K1 as f64);
        }
        if all {
            out.push((i, score));
        }
    }
    out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

#[test]
fn ranking_agrees_with_a_reference_bm25() {
    use dossier_core::query::ranking::PROXIMITY_MAX;
    let mut seed = 7u64;
    let articles: Vec<Article> = (0..60)
        .map(|i| {
            let mut pick = |len: u64| -> String {
                let len = 1 + lcg(&mut seed) % len;
                (0..len)
                    // Skewed: low indices are common words, high ones rare.
                    .map(|_| {
                        let r = lcg(&mut seed) % 1000;
                        VOCAB[((r * r) / 1000 * VOCAB.len() as u64 / 1000) as usize]
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let title = pick(6);
            let body = pick(120);
            art(&format!("d{i:02}"), &title, None, &[&body])
        })
        .collect();
    let bytes = Corpus::build(&articles);
    let c = Corpus::open(&bytes).unwrap();
    let mut queries: Vec<Vec<&str>> = VOCAB.iter().map(|w| vec![*w]).collect();
    for (k, a) in VOCAB.iter().enumerate() {
        queries.push(vec![a, VOCAB[(k * 7 + 3) % VOCAB.len()]]);
    }
    let mut compared = 0;
    for q in queries {
        let want = reference(&articles, &q);
        compared += want.len();
        // A trailing space: no completion of the last word, as after typing it.
        let got = c.search(&SearchRequest {
            limit: 1000,
            ..SearchRequest::new(format!("{} ", q.join(" ")))
        });
        let mut got_docs: Vec<usize> = got.hits.iter().map(|h| h.index).collect();
        let mut want_docs: Vec<usize> = want.iter().map(|w| w.0).collect();
        assert_eq!(got.total, want.len(), "{q:?}");
        if q.len() == 1 {
            for (h, w) in got.hits.iter().zip(&want) {
                assert!(
                    (h.score as f64 - w.1).abs() < 1e-4 * w.1.max(1.0),
                    "{q:?}: {} vs {}",
                    h.score,
                    w.1
                );
            }
            // Same order up to float ties.
            for pair in got.hits.windows(2) {
                let (a, b) = (pair[0].index, pair[1].index);
                let sa = want.iter().find(|w| w.0 == a).unwrap().1;
                let sb = want.iter().find(|w| w.0 == b).unwrap().1;
                assert!(
                    sa > sb - 1e-5 || (sa - sb).abs() < 1e-5,
                    "{q:?}: {a} before {b}"
                );
            }
        } else {
            for h in &got.hits {
                let w = want.iter().find(|w| w.0 == h.index).unwrap().1;
                let ratio = h.score as f64 / w;
                assert!(
                    (1.0 - 1e-4..=1.0 + PROXIMITY_MAX as f64 + 1e-4).contains(&ratio),
                    "{q:?}: {ratio}"
                );
            }
            // Beyond what proximity can add, the order is the reference's.
            for (i, a) in got.hits.iter().enumerate() {
                for b in &got.hits[i + 1..] {
                    let sa = want.iter().find(|w| w.0 == a.index).unwrap().1;
                    let sb = want.iter().find(|w| w.0 == b.index).unwrap().1;
                    assert!(
                        sa * (1.0 + PROXIMITY_MAX as f64) + 1e-6 >= sb,
                        "{q:?}: {} before {}",
                        a.index,
                        b.index
                    );
                }
            }
        }
        got_docs.sort();
        want_docs.sort();
        assert_eq!(got_docs, want_docs, "{q:?}");
    }
    assert!(
        compared > 300,
        "the synthetic corpus exercises the ranking: {compared}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_query_returns_without_panic_in_bounded_time(q in "\\PC{0,10000}") {
        thread_local! {
            static BYTES: Vec<u8> = seeds();
        }
        BYTES.with(|bytes| {
            let c = Corpus::open(bytes).unwrap();
            let start = std::time::Instant::now();
            let r = search(&c, &q);
            let _ = c.highlights(0, &q);
            prop_assert!(r.hits.len() <= r.total);
            // Generous for debug builds on a shared machine; release is ~1000x faster.
            prop_assert!(start.elapsed().as_secs_f64() < 3.0, "{:?}", start.elapsed());
            Ok(())
        })?;
    }

    #[test]
    fn query_syntax_soup_never_panics(q in "([a-z]{1,6}|[\"\\-: ]|OR|title:|year:|person:|before:|in:comments|-\"|[éøß’–]){0,40}") {
        thread_local! {
            static BYTES: Vec<u8> = seeds();
        }
        BYTES.with(|bytes| {
            let c = Corpus::open(bytes).unwrap();
            let r = search(&c, &q);
            for h in &r.hits {
                let len = h.snippet.chars().count();
                prop_assert!(h.highlights.iter().all(|&(s, e)| s < e && e <= len));
            }
            Ok(())
        })?;
    }
}

#[test]
fn snippets_deep_in_a_long_paragraph_land_on_the_match() {
    // Accents, compounds and numbers before the match move char, byte and
    // word positions apart; the window must still land on the word.
    let filler = "Le président François-Xavier said 2,500 US-Russia talks went well. ".repeat(40);
    let body = format!("{filler}Then the zeppelin arrived over the harbour at noon. {filler}");
    let bytes = Corpus::build(&[art("long", "A long report", None, &[&body])]);
    let c = Corpus::open(&bytes).unwrap();
    let r = search(&c, "zeppelin");
    let hit = &r.hits[0];
    assert!(
        hit.snippet.starts_with('…') && hit.snippet.ends_with('…'),
        "{}",
        hit.snippet
    );
    assert!(
        hit.snippet.contains("Then the zeppelin arrived"),
        "{}",
        hit.snippet
    );
    assert!(
        hit.snippet.split_whitespace().count() <= 34,
        "{}",
        hit.snippet
    );
    assert_eq!(hit.highlights.len(), 1);
    assert_eq!(slice(&hit.snippet, hit.highlights[0]), "zeppelin");
    // No match in the text (title only): the lead's first words.
    let r = search(&c, "report");
    assert!(
        r.hits[0]
            .snippet
            .starts_with("Le président François-Xavier said"),
        "{}",
        r.hits[0].snippet
    );
}

#[test]
fn a_rare_completion_still_finds_the_article_the_other_words_match() {
    // Thirty more frequent completions of "pol" than the one the article has.
    let mut arts = Vec::new();
    for i in 0..30u8 {
        let word = format!("pol{}{}", (b'a' + i % 26) as char, (b'a' + i / 26) as char);
        for k in 0..3 {
            arts.push(art(
                &format!("f{i}_{k}"),
                "filler",
                None,
                &[&format!("{word} stood")],
            ));
        }
    }
    arts.push(art("target", "report", None, &["the harbour polzzrare"]));
    let bytes = Corpus::build(&arts);
    let c = Corpus::open(&bytes).unwrap();
    let r = search(&c, "harbour pol");
    assert!(!r.fallback);
    assert_eq!(r.hits.iter().map(|h| h.id).collect::<Vec<_>>(), ["target"]);
    assert_eq!(
        slice(&r.hits[0].snippet, r.hits[0].highlights[1]),
        "polzzrare"
    );
}

/// Long lists are read by seeking through their skip tables (a clause
/// narrowed by a rarer word, a phrase's second word, the positions of a
/// page's hits): the articles found and the words lit must be the same as
/// reading every posting would give, wherever in a list they sit.
#[test]
fn long_postings_lists_are_sought_without_losing_an_article_or_a_position() {
    let filler = |n: usize, tag: usize| -> String {
        (0..n)
            .map(|k| format!("w{}x{tag}", k % 17))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let articles: Vec<Article> = (0..400)
        .map(|i| {
            // "common" and "zulu" in every article, at positions that drift;
            // side by side ("zulu common") in every seventh; "quokka" just
            // before "common" in three, far into the text.
            let lead = filler(5 + i % 40, i);
            let pair = if i % 7 == 0 {
                "zulu common"
            } else {
                "common and then zulu"
            };
            let rare = if [3, 200, 397].contains(&i) {
                "quokka"
            } else {
                ""
            };
            let body = format!("{lead} {rare} {pair} {}", filler(60, i));
            art(&format!("a{i:03}"), &format!("Report {i}"), None, &[&body])
        })
        .collect();
    let bytes = Corpus::build(&articles);
    let c = Corpus::open(&bytes).unwrap();

    let mut phrase = ids(&c, "\"zulu common\"");
    phrase.sort();
    let want: Vec<String> = (0..400).step_by(7).map(|i| format!("a{i:03}")).collect();
    assert_eq!(phrase, want);

    let r = search(&c, "quokka common");
    let mut found: Vec<&str> = r.hits.iter().map(|h| h.id).collect();
    found.sort();
    assert_eq!(found, ["a003", "a200", "a397"]);
    for h in &r.hits {
        let lit: Vec<String> = h
            .highlights
            .iter()
            .map(|&(a, b)| h.snippet.chars().skip(a).take(b - a).collect())
            .collect();
        assert!(
            lit.contains(&"quokka".to_string()) && lit.contains(&"common".to_string()),
            "{}: {:?} in {}",
            h.id,
            lit,
            h.snippet
        );
    }
    // The phrase reads the long list's positions at three far-apart articles.
    let mut found = ids(&c, "\"quokka common\"");
    found.sort();
    assert_eq!(found, ["a003", "a200", "a397"]);
    // A word in every article, narrowed by one in a few, and the reverse order typed.
    assert_eq!(search(&c, "common quokka").total, 3);
    assert_eq!(search(&c, "zulu quokka common").total, 3);
}
