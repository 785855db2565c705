//! Building static DOM directly, for views that never change once shown
//! (the reader): a handful of calls instead of a Leptos view type per
//! element, which costs several times more wasm. Text always goes in as
//! text nodes, never as markup.

use leptos::prelude::document;
use web_sys::Element;

use crate::components::highlight::segments;

/// Appends a `<tag>` (with `class` unless empty) to `parent`.
pub fn add(parent: &Element, tag: &str, class: &str) -> Element {
    let e = document()
        .create_element(tag)
        .expect("a tag name from the code");
    if !class.is_empty() {
        e.set_class_name(class);
    }
    let _ = parent.append_child(&e);
    e
}

/// Appends `text` to `parent` as a text node.
pub fn text(parent: &Element, text: &str) {
    let _ = parent.append_with_str_1(text);
}

/// Appends a `<tag>` holding `content`.
pub fn add_text(parent: &Element, tag: &str, class: &str, content: &str) -> Element {
    let e = add(parent, tag, class);
    text(&e, content);
    e
}

pub fn attr(e: &Element, name: &str, value: &str) {
    let _ = e.set_attribute(name, value);
}

/// Appends a link to `href` reading `content`.
pub fn link(parent: &Element, class: &str, href: &str, content: &str) -> Element {
    let a = add_text(parent, "a", class, content);
    attr(&a, "href", href);
    a
}

/// Appends `content` with the `[start, end)` character ranges marked.
/// Returns how many marks it made.
pub fn highlighted(parent: &Element, content: &str, ranges: &[(usize, usize)]) -> usize {
    let mut marks = 0;
    for (piece, hit) in segments(content, ranges) {
        if hit {
            add_text(parent, "mark", "", &piece);
            marks += 1;
        } else {
            text(parent, &piece);
        }
    }
    marks
}
