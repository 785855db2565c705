//! What kind of body block a line of the report is: a photo caption (it credits
//! a photo, or marks who is left and right in it), a sub-heading (a short line
//! without sentence punctuation that introduces the paragraph below it) or a
//! paragraph.

use super::lines::{ends_sentence, word_count};

/// Openings of caption lines ("Photo: …", "Image: …").
const CAPTION_STARTS: [&str; 11] = [
    "photo:",
    "photo by",
    "photo credit",
    "photograph:",
    "image:",
    "image by",
    "image credit",
    "picture:",
    "pictured:",
    "caption:",
    "file photo",
];

/// Credits inside a caption ("… (Photo: Reuters / Mike Segar)", "(AP Photo/Evan Vucci)").
const CAPTION_CREDITS: [&str; 11] = [
    "(photo",
    "(image",
    "(picture",
    "(ap photo",
    "(reuters/",
    "(getty images",
    "(credit:",
    "/ getty images",
    "/getty images",
    "/ afp",
    "/afp",
];

/// Position marks of a group photo.
const POSITION_MARKS: [&str; 5] = ["(l)", "(r)", "(c)", "(left)", "(right)"];

pub fn is_caption(s: &str) -> bool {
    let head: String = s.chars().take(16).flat_map(char::to_lowercase).collect();
    if CAPTION_STARTS.iter().any(|p| head.starts_with(p)) {
        return true;
    }
    // Credits and position marks are bracketed or slashed.
    if !s.contains(['(', '/']) || word_count(s) > 70 {
        return false;
    }
    let lower = s.to_lowercase();
    CAPTION_CREDITS.iter().any(|p| lower.contains(p))
        || POSITION_MARKS.iter().filter(|m| lower.contains(*m)).count() >= 2
}

/// Shaped like a sub-heading; whether it is one also depends on what follows.
pub fn is_heading_shape(s: &str) -> bool {
    let words = word_count(s);
    (1..=10).contains(&words)
        && s.chars().count() <= 90
        && !ends_sentence(s)
        && !s.ends_with([',', ';', '—', '-'])
        && s.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions() {
        assert!(is_caption("US President Donald Trump (L) and Russian President Vladimir Putin (R) (Photo: Reuters / Mike Segar)"));
        assert!(is_caption("Photo: The two leaders in Helsinki"));
        assert!(is_caption("Image: Kremlin press service"));
        assert!(is_caption("Putin at the summit. (AP Photo/Evan Vucci)"));
        assert!(!is_caption(
            "The photo of the two leaders was widely shared."
        ));
    }

    #[test]
    fn headings() {
        assert!(is_heading_shape("Russia factor"));
        assert!(is_heading_shape("What comes next"));
        assert!(!is_heading_shape("and then they left"));
        assert!(!is_heading_shape("Peskov said it was untrue."));
    }
}
