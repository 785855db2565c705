//! Fuzzes the parser: any bytes, decoded as the seed loader decodes them, must
//! ingest without panicking, and every block must be a slice of the input in
//! input order. Run with `cargo +nightly fuzz run ingest` from `core/`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let article = dossier_core::ingest::ingest("fuzz", "fuzz.txt", &text);
    let mut from = 0;
    for block in &article.blocks {
        let at = text[from..]
            .find(&block.text)
            .expect("every block is text of the input, in order");
        from += at + block.text.len();
    }
});
