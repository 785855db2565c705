//! Expectations for the five shipped seeds, written from reading them: what a
//! reader should see for each (title, date, outlet, first and last paragraph,
//! headings, captions, comments, key entities) and what must be gone.

use std::path::PathBuf;

use dossier_core::{Article, BlockKind, DateSource, EntityCount, TitleSource};

fn seeds() -> Vec<Article> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    let report = dossier_core::load_folder(&dir).expect("the seeds folder loads");
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    assert_eq!(report.articles.len(), 5);
    report.articles
}

fn article(id_prefix: &str) -> Article {
    seeds()
        .into_iter()
        .find(|a| a.id.starts_with(id_prefix))
        .expect("seed exists")
}

fn texts(a: &Article, kind: BlockKind) -> Vec<&str> {
    a.blocks
        .iter()
        .filter(|b| b.kind == kind)
        .map(|b| b.text.as_str())
        .collect()
}

fn first_paragraph(a: &Article) -> &str {
    texts(a, BlockKind::Paragraph)[0]
}

fn last_paragraph(a: &Article) -> &str {
    texts(a, BlockKind::Paragraph).last().copied().unwrap()
}

fn count(v: &[EntityCount], name: &str) -> u32 {
    v.iter().find(|e| e.name == name).map_or(0, |e| e.count)
}

fn body(a: &Article) -> String {
    a.blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn seed_000_fox6_archive_page() {
    let a = article("000_");
    assert_eq!(
        a.title,
        "President-elect Donald Trump, Russian President Vladimir Putin speak about future of US-Russia ties"
    );
    assert_eq!(a.title_source, TitleSource::Headline);
    // "Monday" is all the page says: the date stays unknown.
    assert_eq!(a.date, None);
    assert_eq!(a.date_source, None);
    assert_eq!(a.outlet.as_deref(), Some("FOX6 News"));
    assert_eq!(a.byline, None);
    assert!(first_paragraph(&a).starts_with("Russian President Vladimir Putin spoke by telephone"));
    assert_eq!(
        last_paragraph(&a),
        "“Because what we have currently is a very lousy relationship,” he said."
    );
    assert_eq!(
        texts(&a, BlockKind::Heading),
        ["Russia factor", "Changing ties"]
    );
    assert!(texts(&a, BlockKind::Caption).is_empty());
    assert!(a.comments.is_empty());
    assert_eq!(texts(&a, BlockKind::Paragraph).len(), 13);
    let b = body(&a);
    for gone in ["FIFA", "Where to watch", "archived article", "time stamp"] {
        assert!(!b.contains(gone), "{gone} left in the body");
    }
    let e = &a.entities;
    assert_eq!(e.people[0].name, "Donald Trump");
    assert!(count(&e.people, "Donald Trump") >= 12);
    assert!(count(&e.people, "Vladimir Putin") >= 8);
    for p in [
        "Barack Obama",
        "Dmitry Peskov",
        "Hillary Clinton",
        "Masha Gessen",
        "Gary Kasparov",
    ] {
        assert_eq!(count(&e.people, p), 1, "{p}");
    }
    for p in ["Russia", "Moscow", "Ukraine", "Crimea", "Washington"] {
        assert!(count(&e.places, p) >= 1, "{p}");
    }
    for o in ["Kremlin", "NATO", "CNN"] {
        assert!(count(&e.organizations, o) >= 1, "{o}");
    }
}

#[test]
fn seed_001_tag_line_and_dateline() {
    let a = article("001_");
    assert_eq!(
        a.title,
        "Trump, Putin Expected to Speak by Phone on Saturday"
    );
    assert_eq!(a.title_source, TitleSource::Headline);
    assert_eq!(a.date.unwrap().to_string(), "2017-01-27");
    assert_eq!(a.date_source, Some(DateSource::Dateline));
    // "Vladimir Putin" above the dateline is the page's topic tag, not its author.
    assert_eq!(a.byline, None);
    assert_eq!(a.outlet, None);
    assert!(first_paragraph(&a)
        .starts_with("President Donald Trump and Russian President Vladimir Putin are expected"));
    assert!(last_paragraph(&a).ends_with("Russia has described the allegations as baseless."));
    assert_eq!(texts(&a, BlockKind::Paragraph).len(), 11);
    assert!(texts(&a, BlockKind::Heading).is_empty());
    assert!(texts(&a, BlockKind::Caption).is_empty());
    assert!(a.comments.is_empty());
    assert!(!a
        .blocks
        .iter()
        .any(|b| b.text == "Vladimir Putin" || b.text.contains("January 27, 2017")));
    let e = &a.entities;
    assert!(count(&e.people, "Donald Trump") >= 10);
    assert!(count(&e.people, "Vladimir Putin") >= 5);
    assert_eq!(count(&e.people, "Dmitry Peskov"), 3);
    for p in [
        "Angela Merkel",
        "François Hollande",
        "Sean Spicer",
        "Kellyanne Conway",
        "Hillary Clinton",
    ] {
        assert!(count(&e.people, p) >= 1, "{p}");
    }
    for o in [
        "Kremlin",
        "White House",
        "Islamic State",
        "CBS News",
        "TASS",
    ] {
        assert!(count(&e.organizations, o) >= 1, "{o}");
    }
    for p in ["Russia", "United States", "Syria", "Germany", "France"] {
        assert!(count(&e.places, p) >= 1, "{p}");
    }
}

#[test]
fn seed_002_southfront_widgets_caption_and_comments() {
    let a = article("002_");
    assert_eq!(
        a.title,
        "White House Calls 1st Phone Conversation between Putin & Trump ‘Significant Start to Improving Relationship’"
    );
    assert_eq!(a.title_source, TitleSource::Headline);
    // "MAY 2022" belongs to the donation widget and is not a full date anyway.
    assert_eq!(a.date, None);
    assert_eq!(a.outlet.as_deref(), Some("SouthFront"));
    assert_eq!(a.byline, None);
    assert!(first_paragraph(&a)
        .starts_with("The first telephone conversation between Russian President"));
    assert!(last_paragraph(&a)
        .starts_with("For its part, Russia repeatedly offered closer cooperation"));
    assert_eq!(texts(&a, BlockKind::Paragraph).len(), 13);
    let captions = texts(&a, BlockKind::Caption);
    assert_eq!(captions.len(), 1);
    assert!(captions[0]
        .starts_with("US President Donald Trump (L) and Russian President Vladimir Putin (R)"));
    assert!(captions[0].contains("(Photo: Reuters"));
    assert!(texts(&a, BlockKind::Heading).is_empty());
    let b = body(&a);
    for gone in [
        "$",
        "MAY 2022",
        "Support SouthFront",
        "Notify of",
        "Inline Feedbacks",
        "White House Calls",
    ] {
        assert!(!b.contains(gone), "{gone} left in the body");
    }

    let authors: Vec<Option<&str>> = a.comments.iter().map(|c| c.author.as_deref()).collect();
    assert_eq!(
        authors,
        [
            None,
            None,
            Some("Jean de Peyrelongue"),
            Some("chris chuba"),
            None,
            Some("888mladen")
        ]
    );
    assert!(a.comments[0]
        .text
        .starts_with("Trump wants peace with Russia."));
    assert!(a.comments[5].text.starts_with("Talk is cheep."));
    assert!(a
        .comments
        .iter()
        .all(|c| !c.text.contains("please comment")));

    let e = &a.entities;
    assert!(count(&e.people, "Donald Trump") >= 8);
    assert!(count(&e.people, "Vladimir Putin") >= 7);
    assert_eq!(count(&e.people, "Theresa May"), 1);
    // "Islamic State (IS)", "IS" and "ISIS" are one organisation.
    assert!(count(&e.organizations, "Islamic State") >= 4);
    assert!(e
        .organizations
        .iter()
        .all(|o| o.name != "IS" && o.name != "ISIS"));
    // Entities come from the report, not from the comments.
    assert_eq!(count(&e.organizations, "Al Qaeda"), 0);
    assert_eq!(count(&e.places, "Romania"), 0);
    for p in [
        "Russia",
        "United States",
        "Syria",
        "Iran",
        "Israel",
        "Moscow",
    ] {
        assert!(count(&e.places, p) >= 1, "{p}");
    }
}

#[test]
fn seed_003_no_headline_and_a_cited_source() {
    let a = article("003_");
    assert_eq!(a.title_source, TitleSource::FirstSentence);
    assert_eq!(
        a.title,
        "The Kremlin denied a phone call took place between Russian President Vladimir Putin and President-elect Donald Trump…"
    );
    assert!(a.title.chars().count() <= 120);
    assert_eq!(a.date.unwrap().to_string(), "2024-11-11");
    assert_eq!(a.date_source, Some(DateSource::Header));
    // "(The Washington Post)" cites a source; it does not name the publisher.
    assert_eq!(a.outlet, None);
    assert_eq!(
        first_paragraph(&a),
        "The Kremlin denied a phone call took place between Russian President Vladimir Putin and President-elect Donald Trump last week."
    );
    assert!(last_paragraph(&a).starts_with("\"We do not comment on private calls"));
    assert_eq!(texts(&a, BlockKind::Paragraph).len(), 7);
    assert!(a.comments.is_empty());
    let e = &a.entities;
    assert_eq!(e.people[0].name, "Donald Trump");
    for p in [
        "Vladimir Putin",
        "Dmitry Peskov",
        "Volodymyr Zelensky",
        "Elon Musk",
        "Steven Cheung",
    ] {
        assert!(count(&e.people, p) >= 1, "{p}");
    }
    for o in ["Kremlin", "Washington Post", "Interfax", "NBC"] {
        assert!(count(&e.organizations, o) >= 1, "{o}");
    }
    assert!(count(&e.places, "Ukraine") >= 3);
}

#[test]
fn seed_004_header_date_and_a_sub_heading() {
    let a = article("004_");
    assert_eq!(a.title_source, TitleSource::FirstSentence);
    assert!(a
        .title
        .starts_with("US President-elect Donald Trump held his first telephone conversation"));
    assert!(a.title.ends_with('…') && a.title.chars().count() <= 120);
    assert_eq!(a.date.unwrap().to_string(), "2016-11-14");
    assert_eq!(a.date_source, Some(DateSource::Header));
    assert_eq!(a.outlet, None);
    assert_eq!(texts(&a, BlockKind::Heading), ["Policy change"]);
    assert!(first_paragraph(&a).starts_with("US President-elect Donald Trump held"));
    assert!(last_paragraph(&a).starts_with("Despite admitting that he did not like Assad"));
    assert_eq!(texts(&a, BlockKind::Paragraph).len(), 9);
    let e = &a.entities;
    assert_eq!(count(&e.people, "Bashar al Assad"), 2);
    assert_eq!(count(&e.people, "Hillary Clinton"), 1);
    assert_eq!(count(&e.organizations, "Wall Street Journal"), 1);
    for p in [
        "Russia",
        "Syria",
        "Ukraine",
        "Soviet Union",
        "Washington",
        "Moscow",
    ] {
        assert!(count(&e.places, p) >= 1, "{p}");
    }
}

#[test]
fn every_block_is_text_of_its_seed_in_order() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    for a in seeds() {
        let raw = std::fs::read_to_string(dir.join(&a.file)).unwrap();
        let mut from = 0;
        for b in &a.blocks {
            let at = raw[from..].find(&b.text).unwrap_or_else(|| {
                panic!(
                    "{}: block out of order or not in the input: {}",
                    a.file, b.text
                )
            });
            from += at + b.text.len();
        }
        let words: usize = a
            .blocks
            .iter()
            .map(|b| b.text.split_whitespace().count())
            .sum();
        assert!(a.words as usize <= words && a.words > 300, "{}", a.file);
    }
}

#[test]
fn no_junk_entities_in_any_seed() {
    const JUNK: [&str; 16] = [
        "The",
        "However",
        "Monday",
        "Friday",
        "Saturday",
        "Thursday",
        "January",
        "November",
        "President",
        "President-elect",
        "Trump",
        "Putin",
        "IS",
        "ISIS",
        "US",
        "Man With No Face",
    ];
    for a in seeds() {
        let e = &a.entities;
        for x in e.people.iter().chain(&e.places).chain(&e.organizations) {
            assert!(
                !JUNK.contains(&x.name.as_str()),
                "{}: junk entity {}",
                a.file,
                x.name
            );
            assert!(x.count >= 1);
        }
    }
}
