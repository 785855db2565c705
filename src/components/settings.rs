//! Reading settings: theme, text size and typeface, kept in localStorage and
//! applied as `data-*` attributes on `<html>`, which the stylesheets read.
//! Their popover is static HTML in index.html (no code to ship for it); this
//! restores the stored choices and records changes. Stored values are
//! untrusted: anything but a listed choice is ignored.

use leptos::prelude::*;

/// The colour themes besides the default, "system"; a mounted instance takes
/// the same (`mount.rs`).
pub const THEMES: &[&str] = &["light", "dark", "sepia"];

/// Each setting's key (storage `dossier.KEY`, attribute `data-KEY`, select
/// `#setting-KEY`) and its choices other than the default, which sets nothing.
const SETTINGS: [(&str, &[&str]); 3] = [
    ("theme", THEMES),
    ("size", &["s", "l", "xl"]),
    ("font", &["sans"]),
];

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// Sets `key` to `value` on `<html>` if it is one of its choices, else to
/// the default; returns whether `value` was a choice.
fn apply(key: &str, choices: &[&str], value: &str) -> bool {
    let valid = choices.contains(&value);
    if let Some(root) = document().document_element() {
        let attr = format!("data-{key}");
        let _ = if valid {
            root.set_attribute(&attr, value)
        } else {
            root.remove_attribute(&attr)
        };
    }
    valid
}

/// Applies the stored settings, shows them in the popover, and keeps every
/// later choice.
pub fn restore() {
    for (key, choices) in SETTINGS {
        let value = storage()
            .and_then(|s| s.get_item(&format!("dossier.{key}")).ok().flatten())
            .unwrap_or_default();
        if apply(key, choices, &value) {
            // `value` is one of the constant choices, so the selector is safe.
            let option = format!("#setting-{key} option[value={value}]");
            if let Ok(Some(option)) = document().query_selector(&option) {
                let _ = option.set_attribute("selected", "");
            }
        }
    }
    crate::frame::listen(
        window().into(),
        "change",
        Box::new(|ev| {
            let Some(key) = event_target::<web_sys::Element>(&ev)
                .id()
                .strip_prefix("setting-")
                .map(str::to_string)
            else {
                return;
            };
            let Some((key, choices)) = SETTINGS.into_iter().find(|(k, _)| *k == key) else {
                return;
            };
            let value = event_target_value(&ev);
            apply(key, choices, &value);
            if let Some(s) = storage() {
                let _ = s.set_item(&format!("dossier.{key}"), &value);
            }
        }),
    );
}
