//! The publisher, when the page's own furniture names it: a donation banner
//! ("Support SouthFront"), a copyright line ("© 2017 Cable News Network"), or a
//! station brand in the site's navigation ("Where to watch FOX6 News"). Names in
//! the report itself ("according to The Washington Post", "(Reuters)") are
//! sources it cites, not its publisher, and are never used.

use super::gazetteer::{DEMONYMS, PLACES};

/// Words that end a publisher's name in a copyright line.
const COPYRIGHT_STOP: [&str; 4] = ["all rights reserved", "inc", "llc", "ltd"];

/// Words of causes, not publishers: "Support Independent Journalism".
const CAUSE_WORDS: [&str; 12] = [
    "journalism",
    "independent",
    "local",
    "quality",
    "free",
    "our",
    "us",
    "reporting",
    "this",
    "the site",
    "truth",
    "democracy",
];

/// "Support SouthFront" → "SouthFront"; not "Support Ukraine" or "Support Local News".
fn from_banner(s: &str) -> Option<String> {
    let rest = s
        .strip_prefix("Support ")
        .or_else(|| s.strip_prefix("SUPPORT "))?;
    let words: Vec<&str> = rest.split_whitespace().collect();
    let named = (1..=3).contains(&words.len())
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
        && !words
            .iter()
            .any(|w| CAUSE_WORDS.contains(&w.to_lowercase().as_str()));
    let name = words.join(" ");
    let place =
        PLACES.iter().any(|(p, _)| *p == name) || DEMONYMS.iter().any(|(d, _)| name.starts_with(d));
    (named && !place).then_some(name)
}

/// "© 2017 Cable News Network. All Rights Reserved." → "Cable News Network".
fn from_copyright(s: &str) -> Option<String> {
    let rest = s
        .strip_prefix('©')
        .or_else(|| s.strip_prefix("Copyright ©"))
        .or_else(|| s.strip_prefix("Copyright"))?
        .trim_start_matches(['©', ' ']);
    let rest =
        rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-' || c == '–' || c == ' ');
    let name = rest.split(['.', ',', '|', ';']).next()?.trim();
    let lower = name.to_lowercase();
    let name = COPYRIGHT_STOP
        .iter()
        .find_map(|stop| lower.find(stop).map(|at| name[..at].trim()))
        .unwrap_or(name);
    let words = name.split_whitespace().count();
    ((1..=5).contains(&words) && name.starts_with(|c: char| c.is_uppercase()))
        .then(|| name.to_string())
}

/// A broadcaster's brand in navigation: an all-capitals or numbered call sign
/// followed by "News" ("FOX6 News", "WRAL News", "ABC7 News").
fn from_navigation(s: &str) -> Option<String> {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(2).find_map(|w| {
        let brand = w[0];
        let is_call_sign = brand.chars().count() >= 2
            && brand
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && brand.chars().any(|c| c.is_ascii_uppercase());
        (is_call_sign && w[1] == "News").then(|| format!("{brand} News"))
    })
}

/// The publisher named by the furniture lines of a page, most reliable cue first.
pub fn outlet(banners: &[&str], notices: &[&str], navigation: &[&str]) -> Option<String> {
    banners
        .iter()
        .find_map(|s| from_banner(s))
        .or_else(|| notices.iter().find_map(|s| from_copyright(s)))
        .or_else(|| navigation.iter().find_map(|s| from_navigation(s)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues() {
        assert_eq!(
            from_banner("Support SouthFront").as_deref(),
            Some("SouthFront")
        );
        assert_eq!(from_banner("Support us"), None);
        assert_eq!(from_banner("Support Independent Journalism"), None);
        assert_eq!(from_banner("Support Ukraine"), None);
        assert_eq!(from_banner("Support Ukrainian Refugees"), None);
        assert_eq!(
            from_banner("Support The Daily Beacon").as_deref(),
            Some("The Daily Beacon")
        );
        assert_eq!(
            from_copyright("© 2017 Cable News Network. All Rights Reserved.").as_deref(),
            Some("Cable News Network")
        );
        assert_eq!(
            from_copyright("Copyright 2016 The Daily Planet, Inc.").as_deref(),
            Some("The Daily Planet")
        );
        assert_eq!(
            from_navigation("Where to watch FOX6 News, Real Milwaukee during World Cup").as_deref(),
            Some("FOX6 News")
        );
        assert_eq!(from_navigation("Latest World News"), None);
    }

    #[test]
    fn the_most_reliable_cue_wins() {
        assert_eq!(
            outlet(&["Support Daily Wire"], &[], &["WRAL News"]).as_deref(),
            Some("Daily Wire")
        );
        assert_eq!(outlet(&[], &[], &[]), None);
    }
}
