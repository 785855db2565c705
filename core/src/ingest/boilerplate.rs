//! Page furniture around a report: navigation and promo lines, notices
//! ("This is an archived article…"), donation widgets (bare amounts and a
//! month), "Support …"/"Subscribe" banners and lines a page repeats. Each rule
//! looks at a line's shape, its neighbours or a small vocabulary of widget
//! words, never at a particular site.

use std::collections::HashMap;

use super::comments;
use super::dateline::month_number;
use super::lines::{has_pictograph, is_prose, normalized, word_count, Line};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Noise {
    /// Site menus and promo links.
    Navigation,
    /// Notices about the page rather than the news (archive, cookies, copyright).
    Notice,
    /// Donation or sharing widgets: amounts, months, buttons.
    Widget,
    /// "Support …", "Subscribe", "Advertisement" and the like.
    Banner,
    /// Labels and prompts of a comment widget.
    CommentWidget,
}

/// Phrases that only occur in notices about the page itself.
const NOTICE_PHRASES: [&str; 22] = [
    "this is an archived article",
    "may be outdated",
    "look at the time stamp",
    "all rights reserved",
    "click here to",
    "sign up for our",
    "subscribe to our",
    "follow us on",
    "share this article",
    "share this story",
    "this material may not be published",
    "enable javascript",
    "javascript is disabled",
    "your browser does not support",
    "we use cookies",
    "skip to main content",
    "skip to content",
    "download our app",
    "download the app",
    "get the latest news delivered",
    "sign up for the",
    "© ",
];

/// First words of one-line banners and buttons.
const BANNER_STARTS: [&str; 24] = [
    "donate",
    "subscribe",
    "advertisement",
    "sponsored",
    "share",
    "tags:",
    "tagged:",
    "topics:",
    "print",
    "email this",
    "menu",
    "newsletter",
    "sign up",
    "read more",
    "related",
    "more from",
    "most read",
    "most popular",
    "filed under",
    "follow us",
    "watch live",
    "listen to this",
    "copyright",
    "please support",
];

/// Whole-line navigation items.
const NAV_ITEMS: [&str; 12] = [
    "home",
    "search",
    "sign in",
    "log in",
    "login",
    "register",
    "account",
    "open menu",
    "close",
    "back to top",
    "next article",
    "previous article",
];

const SEPARATORS: [&str; 6] = [" | ", " • ", " · ", " » ", " › ", " / "];

pub fn is_notice(s: &str) -> bool {
    if word_count(s) > 60 {
        return false;
    }
    let lower = s.to_lowercase();
    lower.starts_with('©')
        || lower.starts_with("copyright ")
        || NOTICE_PHRASES.iter().any(|p| lower.contains(p))
}

/// A short line that is a banner or button, not a sub-heading.
pub fn is_banner(s: &str) -> bool {
    if word_count(s) > 6 || is_prose(s) {
        return false;
    }
    let lower = s.to_lowercase();
    if let Some(rest) = lower.strip_prefix("support ") {
        // "Support SouthFront", "Support us" — but not a heading like "Support for sanctions".
        let named = s["support ".len()..]
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
        return named || rest.starts_with("us") || rest.starts_with("our ");
    }
    BANNER_STARTS.iter().any(|b| {
        lower.starts_with(b)
            && (b.ends_with([' ', ':'])
                || !lower[b.len()..].starts_with(|c: char| c.is_alphanumeric()))
    })
}

fn is_nav_item(s: &str) -> bool {
    let n = normalized(s);
    NAV_ITEMS.contains(&n.as_str())
}

/// "2,500 $", "$5", "€ 10", "10 USD": an amount and nothing else.
pub fn is_amount(s: &str) -> bool {
    let mut digits = 0;
    let mut symbol = false;
    let rest = s
        .replace("USD", "$")
        .replace("EUR", "€")
        .replace("GBP", "£");
    for c in rest.chars() {
        match c {
            '0'..='9' => digits += 1,
            '$' | '€' | '£' | '¥' | '₽' => symbol = true,
            ',' | '.' | ' ' | '\u{a0}' => {}
            _ => return false,
        }
    }
    digits > 0 && symbol
}

/// "MAY 2022": a month and a year alone, as donation widgets and archives print.
pub fn is_month_year(s: &str) -> bool {
    let mut parts = s.split_whitespace();
    match (parts.next(), parts.next(), parts.next()) {
        (Some(m), Some(y), None) => {
            month_number(m).is_some() && y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit())
        }
        _ => false,
    }
}

/// A line that carries its own evidence of being navigation.
pub fn is_nav_line(s: &str) -> bool {
    if is_prose(s) {
        return false;
    }
    (has_pictograph(s) && word_count(s) <= 14)
        || SEPARATORS
            .iter()
            .map(|sep| s.matches(sep).count())
            .sum::<usize>()
            >= 2
        || is_nav_item(s)
}

fn short(l: &Line) -> bool {
    !l.prose && l.words <= 14
}

/// Classifies every line of the report part of a page (before any comment
/// thread). `None` means the line may belong to the report.
pub fn mark(lines: &[Line]) -> Vec<Option<Noise>> {
    // The cheap shape tests go first so that a 50 MB page of prose is fast.
    let mut noise: Vec<Option<Noise>> = lines
        .iter()
        .map(|l| {
            let s = l.text;
            if l.words <= 60 && is_notice(s) {
                Some(Noise::Notice)
            } else if l.prose {
                None
            } else if l.words <= 3 && (is_amount(s) || is_month_year(s)) {
                Some(Noise::Widget)
            } else if l.words <= 6 && is_banner(s) {
                Some(Noise::Banner)
            } else if is_nav_line(s) {
                Some(Noise::Navigation)
            } else if l.words <= 14 && comments::is_widget_label(s) {
                Some(Noise::CommentWidget)
            } else {
                None
            }
        })
        .collect();

    // Run rules: a widget or a menu is a run of adjacent short lines with no
    // blank line between them (runs, not whole groups, so that a page without
    // blank lines does not become one big widget).
    let mut start = 0;
    while start < lines.len() {
        if !short(&lines[start]) {
            start += 1;
            continue;
        }
        let mut end = start + 1;
        while end < lines.len() && lines[end].blanks_before == 0 && short(&lines[end]) {
            end += 1;
        }
        let run = &lines[start..end];
        let amounts = run
            .iter()
            .filter(|l| l.words <= 3 && is_amount(l.text))
            .count();
        let nav = run.iter().filter(|l| is_nav_line(l.text)).count();
        let menu = run.len() >= 3 && run.iter().all(|l| l.words <= 3);
        let kind = if amounts >= 2 {
            Some(Noise::Widget)
        } else if (run.len() >= 2 && nav >= 1) || menu {
            Some(Noise::Navigation)
        } else {
            None
        };
        if let Some(kind) = kind {
            // A headline printed right under a widget or menu is not part of it:
            // only lines shaped like the run's own items are marked.
            for (slot, l) in noise[start..end].iter_mut().zip(run) {
                let item = match kind {
                    // Buttons, amounts and the widget's own dates ("January 5, 2022").
                    Noise::Widget => {
                        l.words <= 2
                            || (l.words <= 4 && l.text.contains(|c: char| c.is_ascii_digit()))
                    }
                    _ => l.words <= 3 || is_nav_line(l.text),
                };
                if item {
                    slot.get_or_insert(kind);
                }
            }
        }
        start = end;
    }
    noise
}

/// Lines the page prints more than once ("Support X" above and below the
/// report, a headline printed twice), compared by `normalized` text. Returns
/// each line's key, whether an earlier line had the same key, and how often
/// each key occurs.
pub struct Repeats {
    pub keys: Vec<String>,
    pub seen_before: Vec<bool>,
    pub counts: HashMap<String, usize>,
}

pub fn repeats(lines: &[Line]) -> Repeats {
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut seen_before = Vec::with_capacity(lines.len());
    let mut keys = Vec::with_capacity(lines.len());
    for l in lines {
        let n = normalized(l.text);
        let c = counts.entry(n.clone()).or_insert(0);
        seen_before.push(*c > 0);
        *c += 1;
        keys.push(n);
    }
    Repeats {
        keys,
        seen_before,
        counts,
    }
}

#[cfg(test)]
mod tests {
    use super::super::lines::split;
    use super::*;

    fn kinds(text: &str) -> Vec<(String, Option<Noise>)> {
        let (_, lines) = split(text);
        let marks = mark(&lines);
        lines
            .iter()
            .zip(marks)
            .map(|(l, m)| (l.text.to_string(), m))
            .collect()
    }

    #[test]
    fn donation_widget_is_one_block_of_noise() {
        let k = kinds("0 $\n2,500 $\n5,000 $\nMAY 2022\n\nA headline here\n");
        assert!(k[..4].iter().all(|(_, m)| *m == Some(Noise::Widget)));
        assert_eq!(k[4].1, None);
        assert!(is_amount("$ 25"));
        assert!(is_amount("€10"));
        assert!(!is_amount("2022"));
    }

    #[test]
    fn other_sites_navigation() {
        let k = kinds("Home | World | Politics | Sport\n\nLive TV ▶\nWeather 🌤\n\nNews\nSport\nCulture\nPodcasts\n\nThe headline\n");
        assert!(
            k[..7].iter().all(|(_, m)| *m == Some(Noise::Navigation)),
            "{k:?}"
        );
        assert_eq!(k[7].1, None);
    }

    #[test]
    fn notices_and_banners() {
        assert!(is_notice(
            "This is an archived article and the information in the article may be outdated."
        ));
        assert!(is_notice("© 2017 Cable News Network. All Rights Reserved."));
        assert!(is_banner("Support SouthFront"));
        assert!(is_banner("Subscribe now"));
        assert!(is_banner("Advertisement"));
        assert!(!is_banner("Russia factor"));
        assert!(!is_notice("Peskov said he would follow up on the call."));
    }

    #[test]
    fn a_short_heading_next_to_text_is_not_a_menu() {
        let k = kinds("Vladimir Putin\nJanuary 27, 2017\n\nPolicy change\n");
        assert!(k.iter().all(|(_, m)| m.is_none()), "{k:?}");
    }
}
