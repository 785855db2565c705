//! The line under a title, in a result card and in the reader: date (or
//! "Date unknown") and where it came from, outlet, reading time.

use dossier_core::Date;
use web_sys::Element;

use crate::patch::El;

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
    let mut tree = El::root();
    line(&mut tree, date, provenance, outlet, minutes);
    tree.append_to(parent);
}

/// Appends the line, a `p.article-meta`, to `parent`.
pub fn line(
    parent: &mut El,
    date: Option<Date>,
    provenance: Option<&str>,
    outlet: Option<&str>,
    minutes: Option<u32>,
) {
    let p = parent.el("p", &[("class", "article-meta")], "");
    let iso = date.map(|d| d.to_string());
    let attrs = iso.as_deref().map(|d| [("datetime", d)]);
    let time = p.el(
        "time",
        attrs.as_ref().map_or(&[][..], |a| &a[..]),
        &date_label(date),
    );
    if let Some(note) = provenance {
        time.text(&format!(" ({note})"));
    }
    if let Some(o) = outlet {
        p.el("span", &[("class", "outlet")], o);
    }
    if let Some(m) = minutes {
        p.el(
            "span",
            &[("class", "reading-time")],
            &format!("{m} min read"),
        );
    }
}
