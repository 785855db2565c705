//! The article model: what a reader needs from one scraped news file.
//! Its JSON form (via serde) is the contract of `dossier inspect`.

use serde::{Deserialize, Serialize};

/// One news article, cleaned of the page's boilerplate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// The file stem, unique within a corpus.
    pub id: String,
    /// The file name the article came from.
    pub file: String,
    pub title: String,
    pub title_source: TitleSource,
    pub date: Option<Date>,
    pub date_source: Option<DateSource>,
    pub outlet: Option<String>,
    pub byline: Option<String>,
    /// The report itself, in reading order.
    pub blocks: Vec<Block>,
    /// Reader comments, kept apart from the report.
    pub comments: Vec<Comment>,
    pub entities: Entities,
    /// Words in the body blocks (not in comments).
    pub words: u32,
    /// Where the article was published, from `catalog.toml` only: an absolute
    /// `http(s)` URL, checked when the catalog is read because it is meant to be a link.
    /// Last in the struct so `ArticleView`, which reads a prefix of the
    /// encoding, need not decode it.
    pub url: Option<String>,
    /// The curator's tags, from `catalog.toml` only.
    pub tags: Vec<String>,
}

impl Article {
    /// Minutes a reader needs at about 230 words a minute, at least one.
    pub fn reading_minutes(&self) -> u32 {
        self.words.div_ceil(230).max(1)
    }

    /// The first paragraph of the body, for previews.
    pub fn lead(&self) -> Option<&str> {
        self.blocks
            .iter()
            .find(|b| b.kind == BlockKind::Paragraph)
            .map(|b| b.text.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TitleSource {
    /// A headline line found in the text.
    Headline,
    /// No headline: derived from the first sentence of the report.
    FirstSentence,
    /// Given in `catalog.toml`.
    Catalog,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// A ` date YYYY-MM-DD` header line.
    Header,
    /// A dateline in the text ("January 27, 2017").
    Dateline,
    /// Given in `catalog.toml`.
    Catalog,
}

/// A calendar date. Serialized as `YYYY-MM-DD` in human-readable formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A valid Gregorian date, or `None`.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (day >= 1 && day <= days && (1000..=9999).contains(&year)).then_some(Date {
            year,
            month,
            day,
        })
    }

    /// Parses exactly `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u16> {
            let part = &s[r];
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        Date::new(num(0..4)?, num(5..7)? as u8, num(8..10)? as u8)
    }

    pub fn month_name(&self) -> &'static str {
        const NAMES: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        NAMES[(self.month as usize).saturating_sub(1).min(11)]
    }

    /// "14 November 2016".
    pub fn to_long_string(&self) -> String {
        format!("{} {} {}", self.day, self.month_name(), self.year)
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            s.collect_str(self)
        } else {
            (self.year, self.month, self.day).serialize(s)
        }
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        use serde::de::Error;
        if d.is_human_readable() {
            let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
            Date::parse_iso(&s)
                .ok_or_else(|| D::Error::custom(format!("not a YYYY-MM-DD date: {s}")))
        } else {
            let (y, m, day) = <(u16, u8, u8)>::deserialize(d)?;
            Date::new(y, m, day).ok_or_else(|| D::Error::custom("invalid date"))
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Paragraph,
    Heading,
    Caption,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    pub author: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entities {
    pub people: Vec<EntityCount>,
    pub places: Vec<EntityCount>,
    pub organizations: Vec<EntityCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityCount {
    pub name: String,
    pub count: u32,
}

/// Most mentioned first, then by name: the order ingestion gives an article's
/// entities and the corpus gives them back in.
pub fn sort_entities(list: &mut [EntityCount]) {
    list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_validated() {
        assert_eq!(
            Date::parse_iso("2016-11-14"),
            Some(Date {
                year: 2016,
                month: 11,
                day: 14
            })
        );
        assert_eq!(Date::parse_iso("2017-02-29"), None);
        assert_eq!(
            Date::parse_iso("2016-02-29")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2016-02-29")
        );
        assert_eq!(Date::parse_iso("2016-13-01"), None);
        assert_eq!(Date::parse_iso("16-11-14"), None);
        assert_eq!(Date::parse_iso("2016-1a-14"), None);
    }

    #[test]
    fn reading_time_is_at_least_a_minute() {
        let mut a = crate::ingest::ingest("x", "x.txt", "Hello world.");
        assert_eq!(a.reading_minutes(), 1);
        a.words = 1000;
        assert_eq!(a.reading_minutes(), 5);
    }
}
