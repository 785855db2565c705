//! Keyboard shortcuts. One listener reads the key (on the window for the
//! page, on its own box for a mounted instance); the result list, search box
//! and reader stay unaware of it. Letter keys never fire while a
//! form field has focus, so typing is typing. The dialog listing them is
//! static HTML in index.html (no code to ship for it); the header's
//! "Shortcuts" button opens it with the browser's invoker commands.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use crate::app::{Dossier, History};
use crate::components::match_nav;
use crate::frame::Frame;
use crate::view_state::ViewState;

pub fn listen(dossier: Dossier) {
    let target = dossier.frame.with_value(Frame::key_target);
    crate::frame::listen(
        target,
        "keydown",
        Box::new(move |ev| on_key(dossier, ev.unchecked_ref())),
    );
}

fn on_key(dossier: Dossier, ev: &KeyboardEvent) {
    if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || ev.default_prevented() {
        return;
    }
    dossier
        .frame
        .with_value(|frame| on_key_in(dossier, frame, ev));
}

fn on_key_in(dossier: Dossier, frame: &Frame, ev: &KeyboardEvent) {
    // An open dialog or settings popover handles its own keys (Esc closes it).
    if frame.find("dialog[open], :popover-open").is_some() {
        return;
    }
    let focused = frame.focused();
    let in_search = focused.as_ref().is_some_and(|e| e.id() == "search-input");
    // The app has no contenteditable or textarea; its fields are these.
    let in_field = focused
        .as_ref()
        .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "SELECT"));
    let key = ev.key();
    let handled = match key.as_str() {
        "Escape" => escape(dossier, frame),
        // Down from the search box enters the results; between results the
        // arrows move; elsewhere (and Up in the box) they keep their usual job.
        "ArrowDown" => move_selection(frame, true, !in_search),
        "ArrowUp" => move_selection(frame, false, true),
        _ if in_field => false,
        "/" => frame
            .find("#search-input")
            .is_some_and(|e| e.focus().is_ok()),
        "j" | "k" => move_selection(frame, key == "j", false),
        "n" | "N" if dossier.state.with_untracked(|s| s.article.is_some()) => {
            match_nav::step(dossier, key == "n");
            true
        }
        "?" => frame.find("#shortcuts-button").map(|b| b.click()).is_some(),
        _ => false,
    };
    if handled {
        ev.prevent_default();
    }
}

/// Focuses the next or previous visible result link: focus is the selection,
/// so it is visible, announced, and Enter follows the link. With
/// `from_result`, only when a result already has focus.
fn move_selection(frame: &Frame, forward: bool, from_result: bool) -> bool {
    let Some(list) = frame.find_all("ol[aria-label='Articles'] h2 a") else {
        return false;
    };
    // Hidden links (the reader covers the list on narrow screens) have no offset parent.
    let links: Vec<HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into::<HtmlElement>())
        .filter(|a| a.offset_parent().is_some())
        .collect();
    let focused = frame.focused();
    let at = links
        .iter()
        .position(|a| focused.as_ref() == Some(a.as_ref()));
    if links.is_empty() || (from_result && at.is_none()) {
        return false;
    }
    let at = at.or_else(|| links.iter().position(|a| a.has_attribute("aria-current")));
    let next = match (at, forward) {
        (None, _) => 0,
        (Some(i), true) => (i + 1).min(links.len() - 1),
        (Some(i), false) => i.saturating_sub(1),
    };
    links[next].focus().is_ok()
}

/// Closes the reader (focus returns to its result), else clears the query.
fn escape(dossier: Dossier, frame: &Frame) -> bool {
    let state = dossier.state.get_untracked();
    if state.article.is_some() {
        let link = frame.find("a[aria-current]");
        dossier.navigate(state.without_article(), History::Push);
        // The link is hidden until the layout leaves the reader; focus it after.
        request_animation_frame(move || {
            if let Some(link) = link {
                let _ = link.focus();
            }
        });
        true
    } else if !state.query.is_empty() {
        let next = ViewState {
            query: String::new(),
            ..state
        };
        dossier.navigate(next, History::Push);
        true
    } else {
        false
    }
}
