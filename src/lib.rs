//! Dossier's web app: renders the embedded corpus with Leptos and keeps the view
//! state in the URL hash. All parsing, indexing and querying lives in `dossier-core`.

pub mod app;
pub mod components;
pub mod corpus_data;
pub mod view_state;

/// Mounts the app on the page's `<body>`.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
