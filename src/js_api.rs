//! The module's JavaScript API without UI: `search(query, options?)` returns
//! plain objects for host pages and the in-browser benchmark. Options are read
//! one key at a time so that a bad one is named in a warning and falls back to
//! its default instead of failing the call.

use dossier_core::{Date, Hit, SearchRequest, Sort};
use wasm_bindgen::prelude::*;

use crate::corpus_data::corpus;

/// Most hits one call returns, so a host cannot ask for unbounded work.
const MAX_LIMIT: usize = 1_000;

/// Warns on the console, the one channel a host page developer reads.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(message));
}

/// A value of `options[key]`, or `None` when the key is absent.
fn get(options: &JsValue, key: &str) -> Option<JsValue> {
    if !options.is_object() {
        return None;
    }
    let value = js_sys::Reflect::get(options, &JsValue::from_str(key)).ok()?;
    (!value.is_undefined() && !value.is_null()).then_some(value)
}

fn ignored(context: &str, key: &str, expected: &str) {
    warn(&format!(
        "Dossier: ignoring option `{context}.{key}`: expected {expected}; using the default"
    ));
}

/// Reads `options[key]` as a string; a value of another type is named in a
/// warning and ignored.
pub fn string(options: &JsValue, key: &str, context: &str) -> Option<String> {
    let value = get(options, key)?;
    let s = value.as_string();
    if s.is_none() {
        ignored(context, key, "a string");
    }
    s
}

/// Reads `options[key]` as a count from 0 to `max`.
pub fn count(options: &JsValue, key: &str, context: &str, max: usize) -> Option<usize> {
    let value = get(options, key)?;
    match value.as_f64() {
        Some(n) if n >= 0.0 && n.fract() == 0.0 && n <= max as f64 => Some(n as usize),
        _ => {
            ignored(context, key, &format!("a whole number from 0 to {max}"));
            None
        }
    }
}

/// Reads `options[key]` as a boolean.
pub fn flag(options: &JsValue, key: &str, context: &str) -> Option<bool> {
    let value = get(options, key)?;
    let b = value.as_bool();
    if b.is_none() {
        ignored(context, key, "true or false");
    }
    b
}

/// Reads `options[key]` as a list of strings (a lone string counts as a list of one).
fn strings(options: &JsValue, key: &str, context: &str) -> Option<Vec<String>> {
    let value = get(options, key)?;
    if let Some(s) = value.as_string() {
        return Some(vec![s]);
    }
    if js_sys::Array::is_array(&value) {
        let list: Option<Vec<String>> = js_sys::Array::from(&value)
            .iter()
            .map(|v| v.as_string())
            .collect();
        if list.is_some() {
            return list;
        }
    }
    ignored(context, key, "an array of strings");
    None
}

/// Warns about keys of `options` outside `known`: a typo should not pass silently.
pub fn warn_unknown_keys(options: &JsValue, known: &[&str], context: &str) {
    if !options.is_object() {
        if !options.is_undefined() && !options.is_null() {
            warn(&format!(
                "Dossier: `{context}` should be an object; using the defaults"
            ));
        }
        return;
    }
    for key in js_sys::Object::keys(options.unchecked_ref::<js_sys::Object>()).iter() {
        if let Some(key) = key.as_string() {
            if !known.contains(&key.as_str()) {
                warn(&format!(
                    "Dossier: unknown option `{context}.{key}` ignored"
                ));
            }
        }
    }
}

/// Reads the filters object shared by `search` and `mount`: facet name to
/// the list of values to keep.
pub fn filters(options: &JsValue, context: &str) -> dossier_core::Filters {
    let mut f = dossier_core::Filters::default();
    let Some(obj) = get(options, "filters") else {
        return f;
    };
    let context = format!("{context}.filters");
    warn_unknown_keys(
        &obj,
        &["outlet", "year", "person", "place", "org"],
        &context,
    );
    for (key, values) in [
        ("outlet", &mut f.outlet),
        ("year", &mut f.year),
        ("person", &mut f.person),
        ("place", &mut f.place),
        ("org", &mut f.organization),
    ] {
        if let Some(v) = strings(&obj, key, &context) {
            *values = v;
        }
    }
    f
}

/// Reads `sort`: "relevance", "newest" or "oldest".
pub fn sort(options: &JsValue, context: &str) -> Option<Sort> {
    match string(options, "sort", context)?.as_str() {
        "relevance" => Some(Sort::Relevance),
        "newest" => Some(Sort::Newest),
        "oldest" => Some(Sort::Oldest),
        _ => {
            ignored(context, "sort", "\"relevance\", \"newest\" or \"oldest\"");
            None
        }
    }
}

fn date(options: &JsValue, key: &str, context: &str) -> Option<Date> {
    let text = string(options, key, context)?;
    let date = Date::parse_iso(&text);
    if date.is_none() {
        warn(&format!(
            "Dossier: ignoring option `{context}.{key}`: \"{text}\" is not a YYYY-MM-DD date"
        ));
    }
    date
}

/// Converts char ranges into `text` to UTF-16 ranges.
fn utf16_ranges(text: &str, ranges: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut units = Vec::with_capacity(text.len() + 1);
    let mut at = 0;
    for c in text.chars() {
        units.push(at);
        at += c.len_utf16();
    }
    units.push(at);
    let unit = |i: usize| units.get(i).copied().unwrap_or(at);
    ranges.iter().map(|&(s, e)| (unit(s), unit(e))).collect()
}

fn set(object: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(object, &JsValue::from_str(key), value);
}

fn text_or_null(text: Option<&str>) -> JsValue {
    text.map_or(JsValue::NULL, JsValue::from_str)
}

/// `[[start, end], ...]` as UTF-16 offsets into `text`.
fn ranges_js(text: &str, ranges: &[(usize, usize)]) -> JsValue {
    utf16_ranges(text, ranges)
        .into_iter()
        .map(|(s, e)| js_sys::Array::of2(&(s as u32).into(), &(e as u32).into()))
        .collect::<js_sys::Array>()
        .into()
}

/// One result as a host page sees it: `{id, title, date, outlet, score,
/// snippet, highlights: {title, snippet}}`, with match ranges as `[start, end)`
/// UTF-16 offsets, the unit of JavaScript's `String.prototype.slice`.
/// Built field by field: a serializer would ship several kB more wasm.
fn hit_js(hit: &Hit<'_>) -> JsValue {
    let o = js_sys::Object::new();
    set(&o, "id", &hit.id.into());
    set(&o, "title", &hit.title.into());
    set(&o, "date", &date_js(hit.date));
    set(&o, "outlet", &text_or_null(hit.outlet));
    set(&o, "score", &hit.score.into());
    set(&o, "snippet", &hit.snippet.as_str().into());
    let h = js_sys::Object::new();
    set(&h, "title", &ranges_js(hit.title, &hit.title_highlights));
    set(&h, "snippet", &ranges_js(&hit.snippet, &hit.highlights));
    set(&o, "highlights", &h);
    o.into()
}

/// The request `search(query, options)` describes. Options: `limit`,
/// `offset`, `sort`, `filters` and `from`/`to` dates; see the README.
pub fn request(query: JsValue, options: &JsValue, context: &str) -> SearchRequest {
    let query = query.as_string().unwrap_or_else(|| {
        if !query.is_undefined() && !query.is_null() {
            warn("Dossier: search(query) expects a string; searching for nothing");
        }
        String::new()
    });
    if context == SEARCH {
        warn_unknown_keys(
            options,
            &["limit", "offset", "sort", "filters", "from", "to"],
            context,
        );
    }
    SearchRequest {
        limit: count(options, "limit", context, MAX_LIMIT).unwrap_or(10),
        offset: count(options, "offset", context, usize::MAX >> 1).unwrap_or(0),
        sort: sort(options, context).unwrap_or_default(),
        filters: filters(options, context),
        from: date(options, "from", context),
        to: date(options, "to", context),
        facet_limit: 0,
        ..SearchRequest::new(query)
    }
}

const SEARCH: &str = "search options";

/// The hits of `request` as an array of plain objects.
pub fn hits_js(request: &SearchRequest) -> JsValue {
    corpus()
        .search(request)
        .hits
        .iter()
        .map(hit_js)
        .collect::<js_sys::Array>()
        .into()
}

/// `{id, title, date, outlet}` of the article with this id.
pub fn article_js(id: &str) -> Option<JsValue> {
    let s = corpus().summary(corpus().find(id)?)?;
    let o = js_sys::Object::new();
    set(&o, "id", &s.id.into());
    set(&o, "title", &s.title.into());
    set(&o, "date", &date_js(s.date));
    set(&o, "outlet", &text_or_null(s.outlet));
    Some(o.into())
}

fn date_js(date: Option<Date>) -> JsValue {
    text_or_null(date.map(|d| d.to_string()).as_deref())
}

/// Searches the embedded articles without any UI.
#[wasm_bindgen(js_name = search)]
pub fn search_js(query: JsValue, options: JsValue) -> JsValue {
    hits_js(&request(query, &options, SEARCH))
}
