//! The line under a title, in a result card and in the reader: date (or
//! "Date unknown") and where it came from, outlet, reading time.

use dossier_core::Date;
use web_sys::Element;

use crate::dom::{add, add_text, attr, text};

/// "14 November 2016" or "Date unknown".
pub fn date_label(date: Option<Date>) -> String {
    date.map(|d| d.to_long_string())
        .unwrap_or_else(|| "Date unknown".to_string())
}

/// Appends the line to `parent`.
pub fn meta(
    parent: &Element,
    date: Option<Date>,
    provenance: Option<&str>,
    outlet: Option<&str>,
    minutes: Option<u32>,
) {
    fill(
        &add(parent, "p", "article-meta"),
        date,
        provenance,
        outlet,
        minutes,
    );
}

/// Fills `p`, a `p.article-meta`, with the line, replacing what it held.
pub fn fill(
    p: &Element,
    date: Option<Date>,
    provenance: Option<&str>,
    outlet: Option<&str>,
    minutes: Option<u32>,
) {
    // A result list that changes rebuilds its cards in place, reusing this element.
    p.set_text_content(None);
    let time = add_text(p, "time", "", &date_label(date));
    if let Some(d) = date {
        attr(&time, "datetime", &d.to_string());
    }
    if let Some(note) = provenance {
        text(&time, &format!(" ({note})"));
    }
    if let Some(o) = outlet {
        add_text(p, "span", "outlet", o);
    }
    if let Some(m) = minutes {
        add_text(p, "span", "reading-time", &format!("{m} min read"));
    }
}
