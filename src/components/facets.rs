//! Facet filters: the timeline, outlet, year, people, places, organisations,
//! each value with the count of articles selecting it would give. Values of
//! one facet combine with OR, facets with AND (the engine decides; this only
//! renders).

use std::cell::Cell;
use std::rc::Rc;

use dossier_core::{Date, Results};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::app::{use_dossier, History};
use crate::frame::Frame;
use crate::patch::El;
use crate::view_state::{facet_lists, facet_values, ViewState};

/// Whether `now` is `was` with a word typed on or rubbed out at the end of
/// the query, and nothing else changed.
fn typed_on(was: &ViewState, now: &ViewState) -> bool {
    let (a, b) = (&was.query, &now.query);
    a != b
        && (a.starts_with(b.as_str()) || b.starts_with(a.as_str()))
        && *now
            == ViewState {
                query: b.clone(),
                ..was.clone()
            }
}

/// Values shown per facet before "Show more".
const SHOWN: usize = 8;

#[component]
pub fn FacetPanel() -> impl IntoView {
    let dossier = use_dossier();
    // Facets whose every value is shown ("Show more"), one bit each.
    let expanded = RwSignal::new(0u8);
    // The listing for which the pointer is over the panel, or focus in it:
    // until it leaves, the catch-up after typing waits, so that a value
    // about to be clicked or toggled is not redrawn as another one.
    let held = RwSignal::new(None::<ViewState>);
    // On the instance's root, not the panel: `pointerleave` there also ends a
    // hold when the pointer leaves the app past the panel's edge, and plain
    // listeners cost less wasm than Leptos `on:` handlers.
    let root: web_sys::EventTarget = dossier.frame.with_value(|f| (*f.root).clone().into());
    for event in ["pointermove", "pointerleave", "focusin"] {
        crate::frame::listen(
            root.clone(),
            event,
            Box::new(move |ev| {
                let inside = event_target::<Element>(&ev)
                    .closest(".facets")
                    .ok()
                    .flatten();
                let now = inside.map(|_| dossier.listing.get_untracked());
                if held.with_untracked(|h| *h != now) {
                    held.set(now);
                }
            }),
        );
    }
    // The lists are drawn with plain DOM calls from one effect and served by
    // one handler per event type on their container: Leptos views and
    // reactive closures cost kilobytes of wasm each, and the app has a size budget.
    //
    // While a word is being typed the panel keeps the counts it shows and
    // catches up once the typing pauses (when the whole page is searched
    // for): a keystroke's work is the results, and the panel's relayout and
    // repaint were a fifth of it. Any other change draws at once.
    Effect::new(move |drawn: Option<(El, ViewState, u8)>| {
        let s = dossier.listing.get();
        let more = expanded.get();
        let settled = dossier.whole_page.with(|w| w.as_ref() == Some(&s))
            && held.with(|h| h.as_ref() != Some(&s));
        let (drawn, shown) = match drawn {
            Some((drawn, was, m)) if m == more && !settled && typed_on(&was, &s) => {
                return (drawn, was, m);
            }
            Some((drawn, ..)) => (drawn, s),
            None => (El::root(), s),
        };
        let drawn = dossier.results.with(|r| {
            dossier.frame.with_value(|f| match f.find("#facet-lists") {
                Some(root) => draw(f, &root, &shown, r, more, drawn),
                None => drawn,
            })
        });
        (drawn, shown, more)
    });
    let set = move |next: ViewState| dossier.navigate(next.without_article(), History::Push);
    let timeline = move |from: Option<Date>, to: Option<Date>, undated: bool| {
        set(ViewState {
            from,
            to,
            undated,
            ..dossier.state.get_untracked()
        })
    };
    // Selects bars `a` to `b`; the selected period again clears it.
    let select = move |a: usize, b: usize| {
        let (a, b) = (a.min(b), a.max(b));
        let s = dossier.state.get_untracked();
        let all = dossier.results.with_untracked(|r| bars(&r.months));
        if let (Some(x), Some(y)) = (all.get(a), all.get(b)) {
            let range = (s.from != Some(x.from) || s.to != Some(y.to)).then_some((x.from, y.to));
            timeline(range.map(|r| r.0), range.map(|r| r.1), s.undated);
        }
    };
    let key = |ev: &web_sys::Event| event_target::<web_sys::Element>(ev).get_attribute("data-i");
    // The bar the pointer went down on, and the first bar of a shift-click
    // span (`usize::MAX`: none); this instance's own.
    let dragged = Rc::new(Cell::new(usize::MAX));
    let anchor = Rc::new(Cell::new(usize::MAX));
    let drag_anchor = anchor.clone();
    let on_pointer = move |ev: web_sys::PointerEvent| {
        let at = key(&ev).and_then(|k| k.parse().ok()).unwrap_or(usize::MAX);
        if ev.type_() == "pointerdown" {
            dragged.set(at);
        } else {
            let from = dragged.replace(usize::MAX);
            if from != usize::MAX && at != usize::MAX && from != at {
                drag_anchor.set(from);
                select(from, at);
            }
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        let s = dossier.state.get_untracked();
        let Some(k) = key(&ev) else { return };
        if k == "toggle" {
            // On narrow screens the lists fold away behind this button so
            // results come first; the CSS reads its `aria-expanded`.
            let button = event_target::<Element>(&ev);
            let open = button.get_attribute("aria-expanded").as_deref() == Some("false");
            let _ = button.set_attribute("aria-expanded", if open { "true" } else { "false" });
        } else if k == "clear" {
            set(ViewState {
                filters: Default::default(),
                from: None,
                to: None,
                undated: false,
                ..s
            });
        } else if let Ok(b) = k.parse() {
            let a = match anchor.get() {
                a if ev.shift_key() && a != usize::MAX => a,
                _ => b,
            };
            anchor.set(a);
            select(a, b);
        } else if k == "range" {
            timeline(None, None, s.undated);
        } else if k == "undated" {
            timeline(s.from, s.to, event_target_checked(&ev));
        } else if let Some(facet) = k.strip_prefix("more:") {
            let bit = FACETS.iter().position(|f| f.0 == facet).unwrap_or(0);
            expanded.update(|e| *e ^= 1 << bit);
        } else if let Some((facet, value)) = k.split_once('=') {
            let mut next = s;
            if let Some(list) = facet_values(&mut next.filters, facet) {
                list.retain(|v| v != value);
                if event_target_checked(&ev) {
                    list.push(value.to_string());
                }
            }
            set(next);
        }
    };
    view! {
        <aside class="facets" aria-labelledby="facets-heading"
            on:click=on_click on:pointerdown=on_pointer.clone() on:pointerup=on_pointer>
            <button type="button" id="facets-toggle" class="facets-toggle" data-i="toggle"
                aria-expanded="false" aria-controls="facet-lists">"Filters"</button>
            <div class="facets-head">
                <h2 id="facets-heading">"Filters"</h2>
                <button type="button" id="clear-filters" class="link-button" data-i="clear" hidden>"Clear all"</button>
            </div>
            <div id="facet-lists" class="facet-lists"></div>
        </aside>
    }
}

/// The facets: URL key and legend.
const FACETS: [(&str, &str); 5] = [
    ("outlet", "Outlet"),
    ("year", "Year"),
    ("person", "People"),
    ("place", "Places"),
    ("org", "Organisations"),
];

/// How many filters are set in all: facet values, the date range, undated.
fn selected_count(s: &ViewState) -> usize {
    facet_lists(&s.filters)
        .iter()
        .map(|(_, v)| v.len())
        .sum::<usize>()
        + usize::from(s.from.is_some() || s.to.is_some())
        + usize::from(s.undated)
}

/// Past this many months between the first and the last, bars are years.
const MAX_MONTH_BARS: u32 = 36;
/// Past this many bars, empty periods are left out rather than drawn.
const MAX_BARS: u32 = 60;

/// One period of the timeline: its first and last day, and its articles.
struct Bar {
    from: Date,
    to: Date,
    count: u32,
    label: String,
}

/// Bars from the engine's `(yyyymm, count)` months: per month, or per year
/// when the span is long; empty periods between stay, so widths show time.
fn bars(months: &[(u32, u32)]) -> Vec<Bar> {
    let index = |k: u32| k / 100 * 12 + (k % 100).max(1) - 1;
    let (Some(first), Some(last)) = (months.first(), months.last()) else {
        return Vec::new();
    };
    let years = index(last.0) - index(first.0) >= MAX_MONTH_BARS;
    // Periods as month indices (years: their January), with counts.
    let mut periods: Vec<(u32, u32)> = Vec::new();
    for &(k, n) in months {
        let p = if years { index(k) / 12 * 12 } else { index(k) };
        match periods.last_mut() {
            Some((q, c)) if *q == p => *c += n,
            _ => periods.push((p, n)),
        }
    }
    let step = if years { 12 } else { 1 };
    let (lo, hi) = (periods[0].0, periods[periods.len() - 1].0);
    if (hi - lo) / step < MAX_BARS {
        let mut dense = periods.iter().peekable();
        periods = (lo..=hi)
            .step_by(step as usize)
            .map(|p| (p, dense.next_if(|d| d.0 == p).map_or(0, |d| d.1)))
            .collect();
    }
    periods
        .into_iter()
        .filter_map(|(p, count)| {
            let (y, m) = ((p / 12) as u16, (p % 12) as u8 + 1);
            let from = Date::new(y, m, 1)?;
            let end = if years { 12 } else { m };
            let to = (28..=31).rev().find_map(|d| Date::new(y, end, d))?;
            let label = if years {
                y.to_string()
            } else {
                format!("{} {y}", from.month_name())
            };
            Some(Bar {
                from,
                to,
                count,
                label,
            })
        })
        .collect()
}

/// Draws the filter lists into `root`: the timeline (articles per month or
/// year, whatever range is selected; a click on a bar selects its period, a
/// drag or a click then a shift-click the periods between; undated articles
/// have their own entry), then each facet's values with their counts. Every
/// control's `data-i` says what it does; the one that had focus keeps it.
/// `drawn` is what the previous call drew; returns what this one drew.
fn draw(
    frame: &Frame,
    root: &Element,
    s: &ViewState,
    r: &Results<'_>,
    expanded: u8,
    drawn: El,
) -> El {
    if let Some(b) = frame.find("#clear-filters") {
        let _ = b.toggle_attribute_with_force("hidden", !s.has_filters());
    }
    if let Some(b) = frame.find("#facets-toggle") {
        b.set_text_content(Some(&match selected_count(s) {
            0 => "Filters".to_string(),
            n => format!("Filters ({n})"),
        }));
    }
    let focused = frame.focused().filter(|e| root.contains(Some(e)));
    let mut tree = El::root();
    let bars = bars(&r.months);
    let undated = r.undated;
    if !bars.is_empty() || undated > 0 || s.timed() {
        let set = tree.el("fieldset", &[("class", "facet")], "").key("Time");
        set.el("legend", &[], "Time");
        let attrs = [
            ("class", "timeline"),
            ("role", "group"),
            ("aria-label", "Articles over time"),
        ];
        let group = set.el("div", &attrs, "");
        let ranged = s.from.is_some() || s.to.is_some();
        let most = bars.iter().map(|b| b.count).max().unwrap_or(0).max(1);
        for (i, b) in bars.iter().enumerate() {
            let pressed =
                ranged && s.from.is_none_or(|f| f <= b.from) && s.to.is_none_or(|t| b.to <= t);
            let name = format!("{}: {}", b.label, articles(b.count));
            // Heights in tenths, as classes: the CSP allows no inline style.
            let attrs = [
                ("type", "button"),
                ("data-i", &i.to_string()),
                ("class", &format!("h{}", (b.count * 10).div_ceil(most))),
                ("title", &name),
                ("aria-label", &name),
                ("aria-pressed", if pressed { "true" } else { "false" }),
            ];
            group.el("button", &attrs, "");
        }
        if let (Some(first), Some(last)) = (bars.first(), bars.last()) {
            let attrs = [("class", "timeline-axis"), ("aria-hidden", "true")];
            let axis = set.el("p", &attrs, &first.label);
            axis.el("span", &[], &last.label);
        }
        if ranged {
            let end = |d: Option<Date>| d.map_or("…".to_string(), |d| d.to_long_string());
            let text = format!("{} – {} ×", end(s.from), end(s.to));
            let attrs = [
                ("type", "button"),
                ("class", "chip"),
                ("data-i", "range"),
                ("title", "Remove this date range"),
            ];
            set.el("button", &attrs, &text);
        }
        if undated > 0 || s.undated {
            let ul = set.el("ul", &[], "");
            value(ul, "undated", "Date unknown", undated, s.undated);
        }
    }
    let f = &r.facets;
    for (k, list) in [&f.outlet, &f.year, &f.person, &f.place, &f.organization]
        .into_iter()
        .enumerate()
    {
        if list.is_empty() {
            continue;
        }
        let (key, label) = FACETS[k];
        let set = tree.el("fieldset", &[("class", "facet")], "").key(label);
        set.el("legend", &[], label);
        let ul = set.el("ul", &[], "");
        let all = expanded & (1 << k) != 0;
        for fc in list.iter().take(if all { list.len() } else { SHOWN }) {
            value(
                ul,
                &format!("{key}={}", fc.value),
                fc.value,
                fc.count,
                fc.selected,
            );
        }
        if list.len() > SHOWN {
            let li = ul.el("li", &[], "");
            let attrs = [
                ("type", "button"),
                ("class", "link-button"),
                ("data-i", &format!("more:{key}")),
                ("aria-expanded", if all { "true" } else { "false" }),
            ];
            li.el(
                "button",
                &attrs,
                if all { "Show fewer" } else { "Show more" },
            );
        }
    }
    let was = focused.as_ref().and_then(|e| e.get_attribute("data-i"));
    tree.patch_into(root, drawn);
    // Focus follows what the control does, not its place in the list.
    let moved = focused.is_some_and(|e| !e.is_connected() || e.get_attribute("data-i") != was);
    if let (Some(k), true, Ok(all)) = (was, moved, root.query_selector_all("[data-i]")) {
        for i in 0..all.length() {
            let Some(e) = all.item(i).map(|n| n.unchecked_into::<HtmlElement>()) else {
                continue;
            };
            if e.get_attribute("data-i").as_deref() == Some(k.as_str()) {
                let _ = e.focus();
            }
        }
    }
    tree
}

/// One checkbox of a list: its name, and the articles selecting it gives.
fn value(ul: &mut El, key: &str, name: &str, count: u32, checked: bool) {
    let label = ul
        .el("li", &[], "")
        .el("label", &[("class", "facet-value")], "");
    let attrs = [("type", "checkbox"), ("data-i", key), ("checked", "")];
    label.el("input", &attrs[..if checked { 3 } else { 2 }], "");
    label.el("span", &[("class", "facet-name")], name);
    let attrs = [("class", "facet-count"), ("aria-label", &articles(count))];
    label.el("span", &attrs, &count.to_string());
}

fn articles(n: u32) -> String {
    match n {
        1 => "1 article".to_string(),
        n => format!("{n} articles"),
    }
}
