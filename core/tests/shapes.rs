//! General rules on small synthetic pages shaped like other sites: their own
//! navigation, bylines, "Updated" lines, "Photo:"/"Image:" captions, copyright
//! footers and comment widgets. None of these strings occur in the seeds.

use dossier_core::ingest::ingest;
use dossier_core::{Article, BlockKind, DateSource, TitleSource};

fn kinds(a: &Article) -> Vec<(BlockKind, &str)> {
    a.blocks.iter().map(|b| (b.kind, b.text.as_str())).collect()
}

const NEWS_SITE: &str = "\
Skip to main content
Home | World | Politics | Business | Sport
Sign in

Talks Collapse as Leaders Trade Blame Over Border

By Jane Doe and Omar Haddad, Example Wire
Updated 3:42 PM ET, Mon January 30, 2017

Photo: Leaders arrive at the summit venue in Geneva (Jane Doe/Example)

GENEVA — Talks between the two governments collapsed on Monday after a day of accusations, officials said.

Negotiators had hoped to agree on a ceasefire line. Instead, each side blamed the other for the failure.

What comes next

Diplomats said a new round could start in March, though no date was set.

Image: The empty negotiating table after the talks ended

\"We are not giving up,\" one envoy said.

Related stories
Share this article

© 2017 Example Media Group. All rights reserved.
";

#[test]
fn another_sites_page() {
    let a = ingest("n", "n.txt", NEWS_SITE);
    assert_eq!(a.title, "Talks Collapse as Leaders Trade Blame Over Border");
    assert_eq!(a.title_source, TitleSource::Headline);
    assert_eq!(a.byline.as_deref(), Some("Jane Doe and Omar Haddad"));
    assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2017-01-30"));
    assert_eq!(a.date_source, Some(DateSource::Dateline));
    assert_eq!(a.outlet.as_deref(), Some("Example Media Group"));
    assert_eq!(
        kinds(&a),
        [
            (BlockKind::Caption, "Photo: Leaders arrive at the summit venue in Geneva (Jane Doe/Example)"),
            (BlockKind::Paragraph, "GENEVA — Talks between the two governments collapsed on Monday after a day of accusations, officials said."),
            (BlockKind::Paragraph, "Negotiators had hoped to agree on a ceasefire line. Instead, each side blamed the other for the failure."),
            (BlockKind::Heading, "What comes next"),
            (BlockKind::Paragraph, "Diplomats said a new round could start in March, though no date was set."),
            (BlockKind::Caption, "Image: The empty negotiating table after the talks ended"),
            (BlockKind::Paragraph, "\"We are not giving up,\" one envoy said."),
        ]
    );
    assert!(a.comments.is_empty());
    assert!(a.entities.places.iter().any(|p| p.name == "Geneva"));
}

const WORDPRESS: &str = "\
Mayor Opens New Bridge

The city's new bridge opened to traffic on Tuesday, the mayor's office said.

It took three years to build.

12 thoughts on “Mayor Opens New Bridge”

Ann Lee says:
January 5, 2021 at 9:15 am

Finally! It took long enough.

Reply

bob_77 says:
January 5, 2021 at 10:02 am

Traffic is still bad.

Leave a Reply Cancel reply

Your email address will not be published. Required fields are marked *
";

#[test]
fn a_wordpress_comment_thread() {
    let a = ingest("w", "w.txt", WORDPRESS);
    assert_eq!(a.title, "Mayor Opens New Bridge");
    assert_eq!(a.blocks.len(), 2);
    assert_eq!(a.blocks[1].text, "It took three years to build.");
    let c: Vec<(Option<&str>, &str)> = a
        .comments
        .iter()
        .map(|c| (c.author.as_deref(), c.text.as_str()))
        .collect();
    assert_eq!(
        c,
        [
            (Some("Ann Lee"), "Finally! It took long enough."),
            (Some("bob_77"), "Traffic is still bad.")
        ]
    );
    // The comments' timestamps are not the article's date.
    assert_eq!(a.date, None);
}

#[test]
fn a_date_inside_a_widget_is_not_the_articles_date() {
    let a = ingest(
        "d",
        "d.txt",
        "Donate\n$5\n$10\n$25\nJanuary 5, 2022\n\nPort Strike Enters Second Week\n\nDock workers stayed off the job on Monday as talks stalled.\n",
    );
    assert_eq!(a.title, "Port Strike Enters Second Week");
    assert_eq!(a.date, None);
    assert_eq!(a.blocks.len(), 1);
}

#[test]
fn a_weekday_is_not_a_date_and_unknown_stays_unknown() {
    let a = ingest(
        "m",
        "m.txt",
        "Officials met on Monday to discuss the budget.\n",
    );
    assert_eq!(a.date, None);
    assert_eq!(a.date_source, None);
    assert_eq!(a.title, "Officials met on Monday to discuss the budget.");
    assert_eq!(a.title_source, TitleSource::FirstSentence);
}

#[test]
fn a_dateline_at_the_start_of_the_report() {
    let a = ingest(
        "r",
        "r.txt",
        "MOSCOW, Jan. 27, 2017 (Example) — The Kremlin said on Friday that the call would go ahead.\n",
    );
    assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2017-01-27"));
    assert_eq!(a.date_source, Some(DateSource::Dateline));
}

#[test]
fn pictograph_promos_and_repeated_banners_go_anywhere() {
    let a = ingest(
        "p",
        "p.txt",
        "🔴 Watch live: evening bulletin\n\nFloods Hit Northern Towns\n\nSubscribe now\n\nHeavy rain flooded several towns overnight, police said.\n\n📺 Catch up on all our shows\n\nResidents were told to stay indoors until the water receded.\n\nSubscribe now\n",
    );
    assert_eq!(a.title, "Floods Hit Northern Towns");
    let texts: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Heavy rain flooded several towns overnight, police said.",
            "Residents were told to stay indoors until the water receded."
        ]
    );
}

#[test]
fn a_short_line_between_paragraphs_without_a_following_paragraph_is_kept_as_text() {
    // Nothing of the report may be lost: a short line inside the body that is
    // not a heading stays a paragraph.
    let a = ingest(
        "s",
        "s.txt",
        "Talks Resume in Vienna\n\nThe talks resumed on Tuesday.\n\nand then stopped again\n\nA spokesman declined to comment further.\n",
    );
    assert!(a
        .blocks
        .iter()
        .any(|b| b.text == "and then stopped again" && b.kind == BlockKind::Paragraph));
}

#[test]
fn long_first_sentences_make_a_cut_title() {
    let sentence = "Officials from more than forty countries gathered in the capital on Tuesday for a summit that organisers described as the most important meeting of its kind in a decade.";
    let a = ingest(
        "t",
        "t.txt",
        &format!(" date 2020-03-03 {sentence} Then they left.\n"),
    );
    assert_eq!(a.date_source, Some(DateSource::Header));
    assert_eq!(a.title_source, TitleSource::FirstSentence);
    assert!(a.title.chars().count() <= 120);
    assert!(a.title.ends_with('…'));
    let stem = a.title.trim_end_matches('…');
    assert!(sentence.starts_with(stem));
    // Cut at a word boundary.
    assert!(sentence[stem.len()..].starts_with(' '));
    assert_eq!(a.blocks[0].text, format!("{sentence} Then they left."));
}

#[test]
fn hard_wrapped_paragraphs_are_joined_not_mistaken_for_headings() {
    let text = "Ministers Agree on Budget\n\nThe finance ministers of the two countries agreed\nto a joint budget on Tuesday, officials said.\n\nThe deal still needs approval.\n";
    let a = ingest("h", "h.txt", text);
    assert_eq!(a.title, "Ministers Agree on Budget");
    assert_eq!(a.blocks.len(), 2);
    assert_eq!(a.blocks[0].kind, BlockKind::Paragraph);
    assert_eq!(
        a.blocks[0].text,
        "The finance ministers of the two countries agreed\nto a joint budget on Tuesday, officials said."
    );
}

#[test]
fn a_page_without_blank_lines_keeps_its_headline_despite_a_widget() {
    let text = "$5\n$10\n$25\nOther amount\nHarbour Reopens After Storm\nThe harbour reopened on Friday after a week of repairs, the port authority said.\nBoats were back on the water by noon.\n";
    let a = ingest("w", "w.txt", text);
    assert_eq!(a.title, "Harbour Reopens After Storm");
    assert_eq!(a.blocks.len(), 2);
}

#[test]
fn dates_deep_in_a_timeline_stay_in_the_text() {
    let text = "How the Crisis Unfolded\n\nThe crisis began slowly and then accelerated quickly.\n\nOfficials were slow to respond to the first warnings.\n\nMarkets fell sharply as the news spread.\n\nLeaders met for emergency talks that night.\n\nMarch 3, 2020\n\nThe first lockdown was announced in the evening.\n";
    let a = ingest("t", "t.txt", text);
    assert_eq!(a.date, None);
    assert!(a
        .blocks
        .iter()
        .any(|b| b.text == "March 3, 2020" && b.kind == BlockKind::Heading));
}

#[test]
fn a_question_or_sentence_headline_above_the_dateline_is_the_title() {
    let a = ingest(
        "q",
        "q.txt",
        "Should scientists engage in activism?\n\nFebruary 7, 2017\n\nScientists are debating whether to march on Washington. Some fear politics.\n",
    );
    assert_eq!(a.title, "Should scientists engage in activism?");
    assert_eq!(a.title_source, TitleSource::Headline);
    assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2017-02-07"));
    assert_eq!(kinds(&a).len(), 1, "{:?}", kinds(&a));

    let a = ingest(
        "s",
        "s.txt",
        "I Was Ghosted 3 Times In The Last Year. Here Are 6 Things I Learned.\n\nMarch 1, 2017\n\nIt started with a text that never came back.\n",
    );
    assert_eq!(
        a.title,
        "I Was Ghosted 3 Times In The Last Year. Here Are 6 Things I Learned."
    );
    assert_eq!(a.blocks.len(), 1);
}

#[test]
fn the_headline_above_the_dateline_beats_a_standfirst_below_it() {
    let a = ingest(
        "t",
        "t.txt",
        "Russian blogger Lapshin extradited to Baku\n\nFebruary 7, 2017\n\nEarlier on Tuesday, the Supreme Court of Belarus upheld the extradition of blogger Lapshin\n\nThe Supreme Court of Belarus upheld on Tuesday the extradition of the blogger Alexander Lapshin to Baku, the court said.\n",
    );
    assert_eq!(a.title, "Russian blogger Lapshin extradited to Baku");
    assert_eq!(a.blocks.len(), 2, "the standfirst stays as text");
}

#[test]
fn a_one_or_two_word_headline_where_a_headline_sits() {
    for (head, under) in [
        ("Quotable", "January 27, 2017"),
        ("Village revival", "By Jane Doe"),
    ] {
        let page = format!(
            "{head}\n\n{under}\n\nA county in the east is saving its old houses before they fall. It has no taxis.\n"
        );
        let a = ingest("o", "o.txt", &page);
        assert_eq!(a.title, head);
        assert_eq!(a.title_source, TitleSource::Headline);
        assert_eq!(a.blocks.len(), 1, "{:?}", kinds(&a));
    }
    // A longer headline wins over a short label, wherever the label sits.
    let a = ingest(
        "l",
        "l.txt",
        "Old Houses Saved From the Bulldozer\n\nHeritage\n\nJanuary 27, 2017\n\nA county in the east is saving its old houses before they fall.\n",
    );
    assert_eq!(a.title, "Old Houses Saved From the Bulldozer");
    // Away from a dateline or byline, a short line is not trusted as a headline.
    let a = ingest(
        "n",
        "n.txt",
        "Opinion\n\nA county in the east is saving its old houses before they fall. It has no taxis.\n",
    );
    assert_eq!(a.title_source, TitleSource::FirstSentence);
}

#[test]
fn a_question_headline_without_a_dateline() {
    let a = ingest(
        "q",
        "q.txt",
        "Can tourism protect the Great Barrier Reef?\n\nScientists say visitors pay for much of the reef's care, but their boats and hotels add to its damage. The debate is old.\n\nAnother paragraph follows here.\n",
    );
    assert_eq!(a.title, "Can tourism protect the Great Barrier Reef?");
    assert_eq!(a.title_source, TitleSource::Headline);
    assert_eq!(a.blocks.len(), 2, "{:?}", kinds(&a));

    // Under a headline, a question is the report's first paragraph.
    let a = ingest(
        "r",
        "r.txt",
        "Reef Tourism Under Scrutiny\n\nCan tourism protect the Great Barrier Reef?\n\nScientists say visitors pay for much of the reef's care, but their boats and hotels add to its damage.\n",
    );
    assert_eq!(a.title, "Reef Tourism Under Scrutiny");
    assert_eq!(
        a.blocks[0].text,
        "Can tourism protect the Great Barrier Reef?"
    );

    // A question that runs on into a shorter line is prose, not a headline.
    let a = ingest(
        "p",
        "p.txt",
        "What happens to a reef when the tourists stop coming to see it?\n\nNobody knows the answer to that yet.\n",
    );
    assert_eq!(a.title_source, TitleSource::FirstSentence);
    assert_eq!(a.blocks.len(), 2);
}

#[test]
fn a_site_name_after_the_headline_is_the_outlet_not_the_title() {
    let a = ingest(
        "c",
        "c.txt",
        "Talks Collapse as Leaders Trade Blame | CNN\n\nJanuary 30, 2017\n\nTalks between the two governments collapsed on Monday, officials said.\n",
    );
    assert_eq!(a.title, "Talks Collapse as Leaders Trade Blame");
    assert_eq!(a.outlet.as_deref(), Some("CNN"));

    // The outlet the page's own furniture names stays; the suffix still goes.
    let a = ingest(
        "b",
        "b.txt",
        "Talks collapse as leaders trade blame - BBC News\n\nJanuary 30, 2017\n\nTalks between the two governments collapsed on Monday, officials said.\n\n© 2017 Example Media Group. All rights reserved.\n",
    );
    assert_eq!(a.title, "Talks collapse as leaders trade blame");
    assert_eq!(a.outlet.as_deref(), Some("Example Media Group"));

    // A quoted headline's speaker stays in the title.
    let a = ingest(
        "p",
        "p.txt",
        "Russia to strengthen its armed forces - Putin\n\nJanuary 30, 2017\n\nRussia will continue to strengthen its armed forces, the president said on Monday.\n",
    );
    assert_eq!(a.title, "Russia to strengthen its armed forces - Putin");
    assert_eq!(a.outlet, None);
}
