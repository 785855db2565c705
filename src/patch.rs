//! A small DOM tree described in Rust, drawn once and then patched in place.
//! The filter panel changes on every keystroke, mostly its counts: building
//! its few hundred elements anew each time cost more than the search, in
//! calls from wasm to the DOM and in layout. Patching keeps the elements
//! (and the focus in them) and writes only what differs. Text goes in as
//! text nodes, never as markup.

use leptos::prelude::document;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

/// An element to draw: its tag, attributes and children.
#[derive(Default)]
pub struct El {
    tag: &'static str,
    /// What identifies it among its siblings, if its position does not.
    key: Option<String>,
    attrs: Vec<(&'static str, String)>,
    kids: Vec<Item>,
    /// The element drawn for it, once it is.
    dom: Option<Element>,
}

enum Item {
    El(El),
    Text(String, Option<web_sys::Node>),
}

impl El {
    /// The children of an element that already exists (the tree's root).
    pub fn root() -> El {
        El::default()
    }

    /// Appends a `<tag>` with `attrs` and `content` (as text) and returns it.
    pub fn el(
        &mut self,
        tag: &'static str,
        attrs: &[(&'static str, &str)],
        content: &str,
    ) -> &mut El {
        let mut e = El {
            tag,
            attrs: attrs.iter().map(|(k, v)| (*k, v.to_string())).collect(),
            ..El::default()
        };
        if !content.is_empty() {
            e.text(content);
        }
        self.kids.push(Item::El(e));
        match self.kids.last_mut() {
            Some(Item::El(e)) => e,
            _ => unreachable!("an element was just pushed"),
        }
    }

    /// Matches this element to the previous drawing's by `key`, not position.
    pub fn key(&mut self, key: &str) -> &mut El {
        self.key = Some(key.to_string());
        self
    }

    /// The child elements, to change in place with [`El::set`].
    pub fn kids_mut(&mut self) -> impl Iterator<Item = &mut El> {
        self.kids.iter_mut().filter_map(|k| match k {
            Item::El(e) => Some(e),
            Item::Text(..) => None,
        })
    }

    /// Sets (or with `None` removes) an attribute, on the element drawn too.
    pub fn set(&mut self, name: &'static str, value: Option<&str>) {
        let at = self.attrs.iter().position(|a| a.0 == name);
        if at.map(|i| self.attrs[i].1.as_str()) == value {
            return;
        }
        match (at, value) {
            (Some(i), None) => {
                self.attrs.remove(i);
            }
            (Some(i), Some(v)) => self.attrs[i].1 = v.to_string(),
            (None, Some(v)) => self.attrs.push((name, v.to_string())),
            (None, None) => {}
        }
        if let Some(dom) = &self.dom {
            let _ = match value {
                Some(v) => dom.set_attribute(name, v),
                None => dom.remove_attribute(name),
            };
        }
    }

    /// Appends `content` as a text node.
    pub fn text(&mut self, content: &str) {
        self.kids.push(Item::Text(content.to_string(), None));
    }

    /// Draws the children after what `parent` already holds.
    pub fn append_to(mut self, parent: &Element) {
        self.patch_into(parent, El::root());
    }

    /// Makes `parent`'s children what `self`'s are, given that `drawn` is
    /// what the previous call drew there (an empty root the first time).
    pub fn patch_into(&mut self, parent: &Element, drawn: El) {
        patch_kids(parent, drawn.kids, &mut self.kids);
    }
}

/// Matches children by key where they have one (a facet's fieldset: the
/// panel loses a facet when it has no values) and otherwise by position (the
/// values of one facet, whose order moves with every count), then puts the
/// new nodes in place, moving old ones only when their order changed.
fn patch_kids(parent: &Element, old: Vec<Item>, new: &mut [Item]) {
    let mut old: Vec<Option<Item>> = old.into_iter().map(Some).collect();
    let mut cursor = 0;
    // Each new item's node, and the index of the old item it reuses.
    let mut nodes: Vec<(web_sys::Node, Option<usize>)> = Vec::with_capacity(new.len());
    for item in new.iter_mut() {
        let key = match item {
            Item::El(e) => e.key.as_deref(),
            Item::Text(..) => None,
        };
        let found = match key {
            Some(k) => old.iter().position(|o| key_of(o.as_ref()) == Some(Some(k))),
            None => {
                while cursor < old.len() && key_of(old[cursor].as_ref()) != Some(None) {
                    cursor += 1;
                }
                cursor += 1;
                Some(cursor - 1).filter(|&i| i < old.len())
            }
        };
        let reused = found.and_then(|i| {
            let node = reuse(&mut old[i], item)?;
            Some((node, Some(i)))
        });
        nodes.push(reused.unwrap_or_else(|| (create(item), None)));
    }
    for stale in old.iter().flatten().filter_map(node_of) {
        let _ = parent.remove_child(&stale);
    }
    let in_order = nodes
        .iter()
        .filter_map(|n| n.1)
        .try_fold(0, |last, i| (i >= last).then_some(i))
        .is_some();
    if in_order {
        // Only new nodes go in, each before the node that follows it.
        let mut after: Option<web_sys::Node> = None;
        for (node, from) in nodes.into_iter().rev() {
            if from.is_none() {
                let _ = parent.insert_before(&node, after.as_ref());
            }
            after = Some(node);
        }
    } else {
        for (node, _) in nodes {
            let _ = parent.append_child(&node);
        }
    }
}

/// `Some(key)` of an item not yet reused; `None` once it is.
fn key_of(item: Option<&Item>) -> Option<Option<&str>> {
    match item? {
        Item::El(e) => Some(e.key.as_deref()),
        Item::Text(..) => Some(None),
    }
}

/// Patches the old item in `slot` into `now` and takes it, if it is of the
/// same kind; its node then serves `now`.
fn reuse(slot: &mut Option<Item>, now: &mut Item) -> Option<web_sys::Node> {
    match (slot.as_ref()?, &*now) {
        (Item::Text(_, Some(_)), Item::Text(..)) => {}
        (Item::El(was), Item::El(e)) if was.tag == e.tag && was.dom.is_some() => {}
        _ => return None,
    }
    match (slot.take()?, now) {
        (Item::Text(was, Some(node)), Item::Text(text, mine)) => {
            if was != *text {
                node.set_node_value(Some(text));
            }
            *mine = Some(node.clone());
            Some(node)
        }
        (Item::El(was), Item::El(e)) => {
            patch_el(was, e);
            e.dom.clone().map(Into::into)
        }
        _ => None,
    }
}

fn patch_el(was: El, now: &mut El) {
    let Some(dom) = was.dom else { return };
    for (k, v) in &now.attrs {
        if was.attrs.iter().find(|a| a.0 == *k).map(|a| &a.1) != Some(v) {
            let _ = dom.set_attribute(k, v);
        }
    }
    for (k, _) in &was.attrs {
        if !now.attrs.iter().any(|a| a.0 == *k) {
            let _ = dom.remove_attribute(k);
        }
    }
    // The attribute is only the default once the box has been clicked.
    if let Some(input) = dom.dyn_ref::<HtmlInputElement>() {
        input.set_checked(now.attrs.iter().any(|a| a.0 == "checked"));
    }
    patch_kids(&dom, was.kids, &mut now.kids);
    now.dom = Some(dom);
}

/// Draws `item` and its children, remembering the nodes drawn.
fn create(item: &mut Item) -> web_sys::Node {
    match item {
        Item::Text(content, slot) => {
            let node: web_sys::Node = document().create_text_node(content).into();
            *slot = Some(node.clone());
            node
        }
        Item::El(e) => {
            let dom = document()
                .create_element(e.tag)
                .expect("a tag name from the code");
            for (k, v) in &e.attrs {
                let _ = dom.set_attribute(k, v);
            }
            for kid in &mut e.kids {
                let _ = dom.append_child(&create(kid));
            }
            e.dom = Some(dom.clone());
            dom.into()
        }
    }
}

fn node_of(item: &Item) -> Option<web_sys::Node> {
    match item {
        Item::El(e) => e.dom.clone().map(Into::into),
        Item::Text(_, node) => node.clone(),
    }
}
