//! The view the reader is looking at, kept in the URL hash so that every view is
//! a link, back and forward work, and it works from `file://` and in an iframe.
//! The hash is `#key=value&key=value` with percent-encoded values; facet keys
//! repeat for several values. Unknown or malformed parameters are ignored.

use dossier_core::{Date, Filters, SearchRequest, Sort};

/// Longest query kept from a URL; the engine caps queries further.
const MAX_QUERY_CHARS: usize = 2_000;
/// Most values kept per facet from a URL, so a crafted link stays cheap.
const MAX_FACET_VALUES: usize = 50;
/// Highest match position kept from a URL; the reader clamps it to the real count.
const MAX_MATCH: usize = 100_000;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewState {
    pub query: String,
    pub filters: Filters,
    pub sort: Sort,
    /// The id of the open article, if any.
    pub article: Option<String>,
    /// Shown in another page's iframe (`#embed`): a compact view. Kept in
    /// every URL of the session so that it survives navigation.
    pub embed: bool,
    /// The current query match in the open article, counted from 1.
    pub match_at: Option<usize>,
    /// The timeline's inclusive date range (`from=`/`to=`, `YYYY-MM-DD`).
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// Articles of unknown date (`undated`), besides the range if any.
    pub undated: bool,
}

impl ViewState {
    pub fn from_hash(hash: &str) -> ViewState {
        let mut state = ViewState::default();
        for (key, value) in parse_pairs(hash.trim_start_matches('#')) {
            match key.as_str() {
                "q" => state.query = value.chars().take(MAX_QUERY_CHARS).collect(),
                "article" if !value.is_empty() => state.article = Some(value),
                "embed" => state.embed = true,
                "undated" => state.undated = true,
                "from" => state.from = Date::parse_iso(&value).or(state.from),
                "to" => state.to = Date::parse_iso(&value).or(state.to),
                "match" => {
                    if let Some(n) = value.parse().ok().filter(|n| (1..=MAX_MATCH).contains(n)) {
                        state.match_at = Some(n);
                    }
                }
                "sort" => match value.as_str() {
                    "newest" => state.sort = Sort::Newest,
                    "oldest" => state.sort = Sort::Oldest,
                    _ => {}
                },
                key => {
                    if let Some(values) = facet_values(&mut state.filters, key) {
                        if !value.is_empty()
                            && !values.contains(&value)
                            && values.len() < MAX_FACET_VALUES
                        {
                            values.push(value);
                        }
                    }
                }
            }
        }
        state
    }

    pub fn to_hash(&self) -> String {
        let mut pairs = Vec::new();
        if self.embed {
            pairs.push("embed".to_string());
        }
        if !self.query.is_empty() {
            pairs.push(format!("q={}", encode(&self.query)));
        }
        for (key, values) in facet_lists(&self.filters) {
            for v in values {
                pairs.push(format!("{key}={}", encode(v)));
            }
        }
        for (key, date) in [("from", self.from), ("to", self.to)] {
            if let Some(d) = date {
                pairs.push(format!("{key}={d}"));
            }
        }
        if self.undated {
            pairs.push("undated".into());
        }
        match self.sort {
            Sort::Relevance => {}
            Sort::Newest => pairs.push("sort=newest".into()),
            Sort::Oldest => pairs.push("sort=oldest".into()),
        }
        if let Some(id) = &self.article {
            pairs.push(format!("article={}", encode(id)));
            if let Some(n) = self.match_at {
                pairs.push(format!("match={n}"));
            }
        }
        if pairs.is_empty() {
            String::new()
        } else {
            format!("#{}", pairs.join("&"))
        }
    }

    /// The same view with `id` open in the reader.
    pub fn with_article(&self, id: &str) -> ViewState {
        ViewState {
            article: Some(id.to_string()),
            match_at: None,
            ..self.clone()
        }
    }

    /// The same search with no article open.
    pub fn without_article(&self) -> ViewState {
        ViewState {
            article: None,
            match_at: None,
            ..self.clone()
        }
    }

    pub fn has_filters(&self) -> bool {
        self.timed()
            || facet_lists(&self.filters)
                .iter()
                .any(|(_, v)| !v.is_empty())
    }

    /// Whether the timeline filters: a date range or undated articles.
    pub fn timed(&self) -> bool {
        self.from.is_some() || self.to.is_some() || self.undated
    }

    /// What the engine is asked for this view.
    pub fn to_request(&self, limit: usize) -> SearchRequest {
        SearchRequest {
            filters: self.filters.clone(),
            from: self.from,
            to: self.to,
            undated: self.undated,
            sort: self.sort,
            limit,
            ..SearchRequest::new(self.query.clone())
        }
    }
}

/// The URL key of each facet and its selected values.
pub fn facet_lists(f: &Filters) -> [(&'static str, &Vec<String>); 5] {
    [
        ("outlet", &f.outlet),
        ("year", &f.year),
        ("person", &f.person),
        ("place", &f.place),
        ("org", &f.organization),
    ]
}

/// The selected values of the facet with URL key `key`.
pub fn facet_values<'f>(f: &'f mut Filters, key: &str) -> Option<&'f mut Vec<String>> {
    Some(match key {
        "outlet" => &mut f.outlet,
        "year" => &mut f.year,
        "person" => &mut f.person,
        "place" => &mut f.place,
        "org" => &mut f.organization,
        _ => return None,
    })
}

fn parse_pairs(s: &str) -> impl Iterator<Item = (String, String)> + '_ {
    s.split('&').filter(|p| !p.is_empty()).map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (decode(k), decode(v))
    })
}

/// Percent-encodes everything but unreserved characters.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes and `+` as space; malformed escapes stay as they are,
/// invalid UTF-8 becomes replacement characters.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_field() {
        let mut s = ViewState {
            query: "putin \"phone call\" -x & y=z %".into(),
            sort: Sort::Oldest,
            article: Some("a b&c=d/é".into()),
            embed: true,
            match_at: Some(3),
            from: Date::parse_iso("2017-01-01"),
            to: Date::parse_iso("2017-02-28"),
            undated: true,
            ..ViewState::default()
        };
        s.filters.person = vec!["Donald Trump".into(), "Vladimir Putin".into()];
        s.filters.organization = vec!["Kremlin".into()];
        s.filters.year = vec!["2017".into()];
        assert_eq!(ViewState::from_hash(&s.to_hash()), s);
        assert_eq!(ViewState::default().to_hash(), "");
        assert!(s.to_hash().starts_with("#embed&q="));
    }

    #[test]
    fn ignores_junk_and_bounds_input() {
        assert_eq!(ViewState::from_hash("#"), ViewState::default());
        assert_eq!(
            ViewState::from_hash(
                "#zzz=1&&=&%&article=%4&sort=sideways&person=&match=0&match=-1&match=x&match=999999999"
            ),
            ViewState {
                article: Some("%4".into()),
                ..ViewState::default()
            }
        );
        assert_eq!(
            ViewState::from_hash("#article=%E2%82").article.as_deref(),
            Some("\u{FFFD}")
        );
        let long = format!("#q={}", "a".repeat(10_000));
        assert_eq!(ViewState::from_hash(&long).query.len(), MAX_QUERY_CHARS);
        let many: String = (0..500).map(|i| format!("&person=p{i}")).collect();
        assert_eq!(
            ViewState::from_hash(&many).filters.person.len(),
            MAX_FACET_VALUES
        );
        assert_eq!(
            ViewState::from_hash("#person=A&person=A").filters.person,
            ["A"]
        );
        // Dates that are not real `YYYY-MM-DD` days are dropped, each on its own.
        for junk in [
            "2017-02-30",
            "2017-1-01",
            "17-01-01",
            "2017-01-01x",
            "",
            "%FF",
        ] {
            let s = ViewState::from_hash(&format!("#from={junk}&to=2017-03-31"));
            assert_eq!((s.from, s.to), (None, Date::parse_iso("2017-03-31")));
        }
        assert!(!ViewState::from_hash("#undatedx").undated);
    }
}
