//! A 50 MB seed builds: every step of reading and ingestion is linear in the
//! input. No timing assertion: a quadratic step would simply never finish.

/// ~50 MB mixing the shapes that could make a careless step quadratic: many
/// paragraphs, lines repeated thousands of times, a 5 MB line without a full
/// stop and a 5 MB run of capitalised words.
fn big_input() -> String {
    let sentence = "Russian President Vladimir Putin and US President Donald Trump spoke by phone on Saturday, the Kremlin said, and the two leaders agreed to meet soon. ";
    let paragraph = sentence.repeat(6);
    let mut s = String::with_capacity(52 << 20);
    let mut n = 0u64;
    while s.len() < 40 << 20 {
        if n % 8 == 0 {
            s.push_str("Talks Resume in Vienna\n\nPolicy change\n\nSupport Example\nShare\n\n");
        }
        s.push_str(&paragraph);
        // A sentence unlike any other, so not every paragraph is a repeat.
        s.push_str(&format!("Paragraph {n} ends here.\n\n"));
        n += 1;
    }
    s.push_str(&"word ".repeat(1 << 20));
    s.push('\n');
    s.push_str(&"Russia ".repeat(750_000));
    s.push('\n');
    s
}

#[test]
fn a_fifty_megabyte_file_builds() {
    let text = big_input();
    assert!(text.len() >= 50 << 20);
    let dir = std::env::temp_dir().join(format!("dossier-large-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("big.txt"), &text).unwrap();
    let r = dossier_core::load_folder(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    let r = r.unwrap();
    assert_eq!(r.articles.len(), 1);
    let a = &r.articles[0];
    assert_eq!(a.title, "Talks Resume in Vienna");
    assert!(a.blocks.len() > 40_000);
    assert!(a.entities.people.iter().any(|p| p.name == "Donald Trump"));
}
