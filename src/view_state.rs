//! The view the reader is looking at, kept in the URL hash so that every view is
//! a link, back and forward work, and it works from `file://` and in an iframe.
//! The hash is `#key=value&key=value` with percent-encoded values; unknown or
//! malformed parameters are ignored.

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewState {
    /// The id of the open article, if any.
    pub article: Option<String>,
}

impl ViewState {
    pub fn from_hash(hash: &str) -> ViewState {
        let mut state = ViewState::default();
        for (key, value) in parse_pairs(hash.trim_start_matches('#')) {
            if key == "article" && !value.is_empty() {
                state.article = Some(value);
            }
        }
        state
    }

    pub fn to_hash(&self) -> String {
        let mut pairs = Vec::new();
        if let Some(id) = &self.article {
            pairs.push(format!("article={}", encode(id)));
        }
        if pairs.is_empty() {
            "#".to_string()
        } else {
            format!("#{}", pairs.join("&"))
        }
    }
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
    fn round_trips_and_ignores_junk() {
        let s = ViewState {
            article: Some("a b&c=d/é".into()),
        };
        assert_eq!(ViewState::from_hash(&s.to_hash()), s);
        assert_eq!(ViewState::from_hash("#"), ViewState::default());
        assert_eq!(
            ViewState::from_hash("#zzz=1&&=&%&article=%4"),
            ViewState {
                article: Some("%4".into())
            }
        );
        assert_eq!(
            ViewState::from_hash("#article=%E2%82"),
            ViewState {
                article: Some("\u{FFFD}".into())
            }
        );
    }
}
