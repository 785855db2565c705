//! Properties that hold for any input: nothing panics, every block is a piece
//! of the input, blocks keep the input's order, derived titles fit, counts add up.

use dossier_core::ingest::{ingest, MAX_DERIVED_TITLE};
use dossier_core::{Article, TitleSource};
use proptest::prelude::*;

/// Blocks are slices of the input, in input order.
fn check(text: &str, a: &Article) -> Result<(), TestCaseError> {
    let mut from = 0;
    for b in &a.blocks {
        prop_assert!(!b.text.is_empty());
        let at = text[from..].find(&b.text);
        prop_assert!(
            at.is_some(),
            "block not in input after byte {}: {:?}",
            from,
            b.text
        );
        from += at.unwrap_or(0) + b.text.len();
    }
    if a.title_source == TitleSource::FirstSentence {
        prop_assert!(a.title.chars().count() <= MAX_DERIVED_TITLE);
    }
    let words: usize = a
        .blocks
        .iter()
        .map(|b| b.text.split_whitespace().count())
        .sum();
    prop_assert!(a.words as usize <= words);
    prop_assert_eq!(a.date.is_some(), a.date_source.is_some());
    for e in a
        .entities
        .people
        .iter()
        .chain(&a.entities.places)
        .chain(&a.entities.organizations)
    {
        prop_assert!(e.count >= 1 && !e.name.is_empty());
    }
    Ok(())
}

/// Lines of the kinds real pages have, to reach the parser's every branch.
fn page_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("The two leaders spoke by phone on Saturday, the Kremlin said.".to_string()),
        Just("President-elect Donald Trump met Russian President Vladimir Putin.".to_string()),
        Just("Talks Collapse as Leaders Trade Blame".to_string()),
        Just("Russia factor".to_string()),
        Just("Support SouthFront".to_string()),
        Just("0 $".to_string()),
        Just("MAY 2022".to_string()),
        Just("January 27, 2017".to_string()),
        Just(" date 2016-11-14 Text after a header.".to_string()),
        Just("By Jane Doe".to_string()),
        Just("Photo: a caption (Reuters)".to_string()),
        Just("Notify of".to_string()),
        Just("View all comments".to_string()),
        Just("Would love your thoughts, please comment.x".to_string()),
        Just("chris chuba".to_string()),
        Just("Home | News | Sport".to_string()),
        Just("Fan Guide ⚽".to_string()),
        Just("ISIS and IS and the Islamic State (IS)".to_string()),
        Just("“Quoted,” he said. U.S. officials agreed.".to_string()),
        "[A-Za-z .,!?'\"“”’—-]{0,80}",
        "\\PC{0,40}",
    ]
}

fn page() -> impl Strategy<Value = String> {
    prop::collection::vec((page_line(), 0usize..3), 0..40).prop_map(|lines| {
        let mut s = String::new();
        for (l, blanks) in lines {
            s.push_str(&l);
            s.push('\n');
            for _ in 0..blanks {
                s.push('\n');
            }
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let text = String::from_utf8_lossy(&bytes);
        let a = ingest("x", "x.txt", &text);
        check(&text, &a)?;
    }

    #[test]
    fn any_text_never_panics(text in "\\PC{0,600}") {
        let a = ingest("x", "x.txt", &text);
        check(&text, &a)?;
    }

    #[test]
    fn page_shaped_text_keeps_its_blocks_in_order(text in page()) {
        let a = ingest("x", "x.txt", &text);
        check(&text, &a)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// The folder reader copes with whatever bytes a file holds.
    #[test]
    fn any_files_load(files in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..600), 1..5)) {
        let dir = std::env::temp_dir().join(format!("dossier-prop-{}-{}", std::process::id(), rand_suffix()));
        std::fs::create_dir_all(&dir).unwrap();
        for (i, f) in files.iter().enumerate() {
            std::fs::write(dir.join(format!("{i}.txt")), f).unwrap();
        }
        let r = dossier_core::load_folder(&dir);
        let _ = std::fs::remove_dir_all(&dir);
        let r = r.expect("a readable folder loads");
        prop_assert_eq!(r.articles.len() + r.skipped.len(), files.len());
    }
}

fn rand_suffix() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    N.fetch_add(1, Ordering::SeqCst)
}
