//! Stepping through the query's matches in the open article. The position
//! lives in the URL (`match=K`, from 1) so a link reopens the same match; the
//! rendered `<mark>` elements are what is counted and scrolled to.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::{Dossier, History};
use crate::dom::{add, add_text, attr};
use crate::view_state::ViewState;

fn marks(dossier: Dossier) -> Option<web_sys::NodeList> {
    dossier.frame.with_value(|f| f.find_all(".reader mark"))
}

/// Moves to the next (or previous) match, wrapping around at either end.
pub fn step(dossier: Dossier, forward: bool) {
    let total = marks(dossier).map_or(0, |m| m.length() as usize);
    if total == 0 {
        return;
    }
    let state = dossier.state.get_untracked();
    let at = state.match_at.filter(|k| *k <= total);
    let next = match (at, forward) {
        (Some(k), true) if k < total => k + 1,
        (_, true) => 1,
        (Some(k), false) if k > 1 => k - 1,
        (_, false) => total,
    };
    // Replace: Back leaves the article rather than walking back through matches.
    dossier.navigate(
        ViewState {
            match_at: Some(next),
            ..state
        },
        History::Replace,
    );
}

/// Fills `nav` with the match buttons and position of an article with
/// `total` marks, or removes it when there are none.
pub fn attach(dossier: Dossier, nav: &web_sys::Element, total: usize) {
    if total == 0 {
        nav.remove();
        return;
    }
    attr(nav, "role", "group");
    attr(nav, "aria-label", "Matches");
    // One listener for both buttons: the button's value says which.
    for (label, value) in [("Previous match", "previous"), ("Next match", "next")] {
        let button = add_text(nav, "button", "", label);
        attr(&button, "type", "button");
        attr(&button, "value", value);
    }
    let count = add(nav, "span", "match-count");
    attr(&count, "aria-live", "polite");
    crate::frame::listen(
        (*nav).clone().into(),
        "click",
        Box::new(move |ev| {
            match event_target::<web_sys::Element>(&ev)
                .get_attribute("value")
                .as_deref()
            {
                Some("next") => step(dossier, true),
                Some("previous") => step(dossier, false),
                _ => {}
            }
        }),
    );
    let at = move || dossier.state.with(|s| s.match_at).filter(|k| *k <= total);
    let noun = if total == 1 { "match" } else { "matches" };
    // Marks the current match, scrolls to it and says which it is: on opening
    // (a link may name one), on the buttons and keys, and on Back/Forward.
    Effect::new(move |_| {
        let at = at();
        count.set_text_content(Some(&match at {
            Some(k) => format!("{k} of {total} {noun}"),
            None => format!("{total} {noun}"),
        }));
        let Some(list) = marks(dossier) else { return };
        for i in 0..list.length() {
            let Some(mark) = list.item(i) else { continue };
            let mark: web_sys::Element = mark.unchecked_into();
            if at == Some(i as usize + 1) {
                let _ = mark.set_attribute("aria-current", "true");
                // The CSS scroll margin keeps it clear of the sticky bar; the
                // smooth scroll is CSS too, so reduced motion turns it off.
                mark.scroll_into_view();
            } else {
                let _ = mark.remove_attribute("aria-current");
            }
        }
    });
}
