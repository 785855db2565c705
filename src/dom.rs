//! Building static DOM directly, for views that never change once shown
//! (the reader): a handful of calls instead of a Leptos view type per
//! element, which costs several times more wasm. Text always goes in as
//! text nodes, never as markup.

use leptos::prelude::document;
use web_sys::Element;

use crate::components::highlight::marked;
use crate::patch::El;

/// Appends a `<tag>` with `attrs` and `content` (as text) to `parent`.
pub fn el(parent: &Element, tag: &str, attrs: &[(&str, &str)], content: &str) -> Element {
    let e = document()
        .create_element(tag)
        .expect("a tag name from the code");
    for (k, v) in attrs {
        attr(&e, k, v);
    }
    if !content.is_empty() {
        text(&e, content);
    }
    let _ = parent.append_child(&e);
    e
}

/// Appends a `<tag>` (with `class` unless empty) to `parent`.
pub fn add(parent: &Element, tag: &str, class: &str) -> Element {
    add_text(parent, tag, class, "")
}

/// Appends `text` to `parent` as a text node.
pub fn text(parent: &Element, text: &str) {
    let _ = parent.append_with_str_1(text);
}

/// Appends a `<tag>` holding `content`.
pub fn add_text(parent: &Element, tag: &str, class: &str, content: &str) -> Element {
    let class = [("class", class)];
    el(
        parent,
        tag,
        if class[0].1.is_empty() { &[] } else { &class },
        content,
    )
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
    let mut tree = El::root();
    let marks = marked(&mut tree, content, ranges);
    tree.append_to(parent);
    marks
}
