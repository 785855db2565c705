//! Stepping through the query's matches in the open article. The position
//! lives in the URL (`match=K`, from 1) so a link reopens the same match; the
//! rendered `<mark>` elements are what is counted and scrolled to.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::{use_dossier, Dossier, History};
use crate::view_state::ViewState;

fn marks() -> Option<web_sys::NodeList> {
    document().query_selector_all(".reader mark").ok()
}

/// Moves to the next (or previous) match, wrapping around at either end.
pub fn step(dossier: Dossier, forward: bool) {
    let total = marks().map_or(0, |m| m.length() as usize);
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

/// The match buttons and position of an article with `total` marks (none when 0).
#[component]
pub fn MatchNav(total: usize) -> impl IntoView {
    let dossier = use_dossier();
    let at = move || dossier.state.with(|s| s.match_at).filter(|k| *k <= total);
    let noun = if total == 1 { "match" } else { "matches" };
    // Marks the current match, scrolls to it and says which it is: on opening
    // (a link may name one), on the buttons and keys, and on Back/Forward.
    // Plain DOM writes: cheaper in wasm than reactive text.
    Effect::new(move |_| {
        let at = at();
        if let Some(count) = document().get_element_by_id("match-count") {
            count.set_text_content(Some(&match at {
                Some(k) => format!("{k} of {total} {noun}"),
                None => format!("{total} {noun}"),
            }));
        }
        let Some(list) = marks() else { return };
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
    (total > 0).then(|| {
        view! {
            // One handler for both buttons (less wasm than two): the button's value says which.
            <div class="match-nav" role="group" aria-label="Matches" on:click=move |ev| {
                match event_target::<web_sys::Element>(&ev).get_attribute("value").as_deref() {
                    Some("next") => step(dossier, true),
                    Some("previous") => step(dossier, false),
                    _ => {}
                }
            }>
                <button type="button" value="previous">"Previous match"</button>
                <button type="button" value="next">"Next match"</button>
                <span id="match-count" class="match-count" aria-live="polite"></span>
            </div>
        }
    })
}
