//! Dossier's web app: renders the embedded corpus with Leptos and keeps the view
//! state in the URL hash. All parsing, indexing and querying lives in `dossier-core`.

pub mod app;
pub mod components;
pub mod corpus_data;
pub mod js_api;
pub mod view_state;

/// Mounts the app on the page's `<body>`.
pub fn mount() {
    // Panic messages on the console in debug builds; release builds leave the
    // formatting code out (0.8 kB brotli) and a panic shows as a wasm trap.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}

#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
