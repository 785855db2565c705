//! Text with its query matches marked. Builds text and `<mark>` nodes from
//! character ranges; never concatenates markup, so article text stays text.

use crate::patch::El;

/// Splits `text` into (piece, is_match) runs by `[start, end)` character
/// ranges. Ranges out of bounds, empty or overlapping are clipped, not trusted.
pub fn segments(text: &str, ranges: &[(usize, usize)]) -> Vec<(String, bool)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut at = 0;
    let mut sorted = ranges.to_vec();
    dossier_core::sort::sort_ranges(&mut sorted);
    for (start, end) in sorted {
        let start = start.max(at).min(chars.len());
        let end = end.min(chars.len());
        if start >= end {
            continue;
        }
        if start > at {
            out.push((chars[at..start].iter().collect(), false));
        }
        out.push((chars[start..end].iter().collect(), true));
        at = end;
    }
    if at < chars.len() || out.is_empty() {
        out.push((chars[at..].iter().collect(), false));
    }
    out
}

/// Appends `text` to `parent` with the `[start, end)` character ranges
/// marked. Returns how many marks it made.
pub fn marked(parent: &mut El, text: &str, ranges: &[(usize, usize)]) -> usize {
    let mut marks = 0;
    for (piece, hit) in segments(text, ranges) {
        if hit {
            parent.el("mark", &[], &piece);
            marks += 1;
        } else {
            parent.text(&piece);
        }
    }
    marks
}

#[cfg(test)]
mod tests {
    use super::segments;

    fn marks(text: &str, ranges: &[(usize, usize)]) -> String {
        segments(text, ranges)
            .into_iter()
            .map(|(t, hit)| if hit { format!("[{t}]") } else { t })
            .collect()
    }

    #[test]
    fn marks_by_characters_and_clips_bad_ranges() {
        assert_eq!(marks("Trump’s call", &[(0, 5)]), "[Trump]’s call");
        assert_eq!(
            marks("François Hollande", &[(0, 8), (9, 17)]),
            "[François] [Hollande]"
        );
        assert_eq!(marks("abc", &[(2, 99), (1, 2), (0, 0), (5, 9)]), "a[b][c]");
        assert_eq!(marks("abcdef", &[(0, 4), (2, 5)]), "[abcd][e]f");
        assert_eq!(marks("", &[(0, 3)]), "");
        assert_eq!(marks("<b>x</b>", &[(3, 4)]), "<b>[x]</b>");
    }
}
