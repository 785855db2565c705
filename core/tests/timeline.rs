//! The timeline (issue 5): articles per month for the search, counted as if
//! no date range were selected, the undated ones apart and reachable; and the
//! suggestion an empty search offers.

use std::path::PathBuf;

use dossier_core::*;
use proptest::prelude::*;

fn art(id: &str, date: Option<&str>, outlet: &str, body: &str) -> Article {
    Article {
        id: id.into(),
        file: format!("{id}.txt"),
        title: format!("Article {id}"),
        title_source: TitleSource::Headline,
        date: date.and_then(Date::parse_iso),
        date_source: None,
        outlet: Some(outlet.into()),
        byline: None,
        blocks: vec![Block {
            kind: BlockKind::Paragraph,
            text: body.into(),
        }],
        comments: Vec::new(),
        entities: Entities::default(),
        words: 0,
        url: None,
        tags: Vec::new(),
    }
}

fn small() -> Vec<Article> {
    vec![
        art(
            "a",
            Some("2016-11-14"),
            "Fox6",
            "Putin and the Kremlin talks.",
        ),
        art(
            "b",
            Some("2017-01-28"),
            "VOA",
            "Putin and Trump spoke by phone.",
        ),
        art("c", Some("2017-01-02"), "VOA", "Sanctions were debated."),
        art("d", Some("2017-03-01"), "VOA", "Sanctions and Putin."),
        art("e", None, "Fox6", "Putin, undated."),
    ]
}

fn req(query: &str) -> SearchRequest {
    SearchRequest {
        limit: 100,
        ..SearchRequest::new(query)
    }
}

fn ids(r: &Results<'_>) -> Vec<String> {
    let mut v: Vec<String> = r.hits.iter().map(|h| h.id.to_string()).collect();
    v.sort();
    v
}

fn month(ym: u32) -> (Option<Date>, Option<Date>) {
    let (y, m) = ((ym / 100) as u16, (ym % 100) as u8);
    let last = (28..=31).rev().find_map(|d| Date::new(y, m, d));
    (Date::new(y, m, 1), last)
}

#[test]
fn months_count_the_search_but_not_its_own_range() {
    let bytes = Corpus::build(&small());
    let c = Corpus::open(&bytes).unwrap();
    let all = vec![(201611, 1), (201701, 2), (201703, 1)];
    // The browsing shortcut and the full path agree.
    let r = c.search(&req(""));
    assert_eq!((r.months.clone(), r.undated, r.total), (all.clone(), 1, 5));
    let r = c.search(&SearchRequest {
        sort: Sort::Oldest,
        ..req("")
    });
    assert_eq!((r.months.clone(), r.undated), (all.clone(), 1));

    // A range narrows the results, not the histogram.
    let mut q = req("");
    (q.from, q.to) = month(201701);
    let r = c.search(&q);
    assert_eq!(ids(&r), ["b", "c"]);
    assert_eq!((r.months.clone(), r.undated), (all.clone(), 1));
    // Facet counts do follow the range.
    let voa = r.facets.outlet.iter().find(|f| f.value == "VOA").unwrap();
    assert_eq!(voa.count, 2);

    // Everything else narrows both.
    let r = c.search(&req("putin"));
    assert_eq!(r.months, [(201611, 1), (201701, 1), (201703, 1)]);
    assert_eq!(r.undated, 1);
    let mut q = req("putin");
    q.filters.outlet = vec!["VOA".into()];
    (q.from, q.to) = month(201703);
    let r = c.search(&q);
    assert_eq!(ids(&r), ["d"]);
    assert_eq!(
        (r.months.clone(), r.undated),
        (vec![(201701, 1), (201703, 1)], 0)
    );
    // The query's own dates bind like words.
    let r = c.search(&req("before:2017-01-15"));
    assert_eq!(
        (r.months.clone(), r.undated),
        (vec![(201611, 1), (201701, 1)], 0)
    );
}

#[test]
fn undated_articles_are_a_filter_of_their_own() {
    let bytes = Corpus::build(&small());
    let c = Corpus::open(&bytes).unwrap();
    let q = SearchRequest {
        undated: true,
        ..req("putin")
    };
    let r = c.search(&q);
    assert_eq!(ids(&r), ["e"]);
    assert_eq!(r.undated, 1);
    assert_eq!(r.months.len(), 3);
    // With a range too: either (OR within the timeline).
    let mut q = q;
    (q.from, q.to) = month(201611);
    assert_eq!(ids(&c.search(&q)), ["a", "e"]);
    // An open-ended range still leaves undated articles out.
    let q = SearchRequest {
        from: Date::parse_iso("2017-01-01"),
        ..req("")
    };
    assert_eq!(ids(&c.search(&q)), ["b", "c", "d"]);
}

#[test]
fn seeds_histogram_adds_up() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    let bytes = Corpus::build(&load_folder(&dir).unwrap().articles);
    let c = Corpus::open(&bytes).unwrap();
    let r = c.search(&req(""));
    let years: Vec<u32> = r.months.iter().map(|m| m.0 / 100).collect();
    assert!(years.contains(&2016) && years.contains(&2017) && years.contains(&2024));
    let sum: u32 = r.months.iter().map(|m| m.1).sum();
    assert_eq!(sum + r.undated, 5);
    for &(ym, n) in &r.months {
        let mut q = req("");
        (q.from, q.to) = month(ym);
        assert_eq!(c.search(&q).total, n as usize, "month {ym}");
    }
}

#[test]
fn empty_and_undated_corpora() {
    let bytes = Corpus::build(&[]);
    let c = Corpus::open(&bytes).unwrap();
    for q in ["", "putin"] {
        let r = c.search(&req(q));
        assert!(r.months.is_empty());
        assert_eq!(r.undated, 0);
    }
    let undated: Vec<Article> = (0..3)
        .map(|i| art(&format!("u{i}"), None, "X", "Putin"))
        .collect();
    let bytes = Corpus::build(&undated);
    let c = Corpus::open(&bytes).unwrap();
    for q in ["", "putin"] {
        let r = c.search(&req(q));
        assert!(r.months.is_empty());
        assert_eq!(r.undated, 3);
        let mut q = req(q);
        (q.from, q.to) = month(201701);
        let r = c.search(&q);
        assert_eq!((r.total, r.undated), (0, 3));
        q.undated = true;
        assert_eq!(c.search(&q).total, 3);
    }
}

#[test]
fn an_empty_search_suggests_a_query_that_finds_something() {
    let bytes = Corpus::build(&small());
    let c = Corpus::open(&bytes).unwrap();
    // Two edits away: more than the search itself corrects in a short word.
    assert_eq!(c.search(&req("tramq")).total, 0);
    assert_eq!(c.suggest(&req("tramq")).as_deref(), Some("trump"));
    assert_eq!(c.search(&req("trump")).total, 1);
    // The correction must find something under the same filters.
    let mut q = req("tramq");
    q.filters.outlet = vec!["Fox6".into()];
    assert_eq!(c.suggest(&q), None);
    // Every word known: the filters are to blame, nothing to suggest.
    let mut q = req("trump");
    q.filters.outlet = vec!["Fox6".into()];
    assert_eq!(c.search(&q).total, 0);
    assert_eq!(c.suggest(&q), None);
    assert_eq!(c.suggest(&req("zzzzqqqq")), None);
    // A word with no near term drops out; the rest is searched.
    assert_eq!(
        c.suggest(&req("\"kremlin talks\" xqzvwj")).as_deref(),
        Some("\"kremlin talks\"")
    );

    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    let bytes = Corpus::build(&load_folder(&dir).unwrap().articles);
    let c = Corpus::open(&bytes).unwrap();
    assert_eq!(c.search(&req("pezkof")).total, 0);
    assert_eq!(c.suggest(&req("pezkof")).as_deref(), Some("peskov"));
}

proptest! {
    /// Each bar's count is what selecting its month gives; the bars and the
    /// undated count add up to the search without a range, whatever range is set.
    #[test]
    fn each_month_count_is_what_selecting_it_gives(
        dates in prop::collection::vec(prop::option::of((2015u16..2018, 1u8..13, 1u8..29)), 0..24),
        word in prop::bool::ANY,
        pick in 0usize..40,
    ) {
        let articles: Vec<Article> = dates
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let date = d.map(|(y, m, day)| format!("{y:04}-{m:02}-{day:02}"));
                let body = if i % 3 == 0 { "alpha beta" } else { "beta" };
                art(&format!("x{i}"), date.as_deref(), "X", body)
            })
            .collect();
        let bytes = Corpus::build(&articles);
        let c = Corpus::open(&bytes).unwrap();
        let base = req(if word { "alpha" } else { "" });
        let r = c.search(&base);
        let sum: u32 = r.months.iter().map(|m| m.1).sum();
        prop_assert_eq!(sum as usize + r.undated as usize, r.total);
        prop_assert!(r.months.windows(2).all(|w| w[0].0 < w[1].0));
        for &(ym, n) in &r.months {
            let mut q = base.clone();
            (q.from, q.to) = month(ym);
            let got = c.search(&q);
            prop_assert_eq!(got.total, n as usize);
            prop_assert_eq!(&got.months, &r.months);
            prop_assert_eq!(got.undated, r.undated);
        }
        let q = SearchRequest { undated: true, ..base.clone() };
        prop_assert_eq!(c.search(&q).total, r.undated as usize);
        if let Some(&(ym, _)) = r.months.get(pick % r.months.len().max(1)) {
            let mut q = base;
            (q.from, q.to) = month(ym);
            q.undated = true;
            prop_assert_eq!(c.search(&q).months, r.months);
        }
    }
}
