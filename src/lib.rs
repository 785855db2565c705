//! Dossier's web app: renders the embedded corpus with Leptos and keeps the view
//! state in the URL hash. All parsing, indexing and querying lives in `dossier-core`.

pub mod app;
pub mod components;
pub mod corpus_data;
pub mod dom;
pub mod frame;
pub mod js_api;
pub mod mount;
pub mod patch;
pub mod view_state;

/// Renders the app as the whole page, on `<body>`, from the URL hash. The
/// page's bootstrap calls it once the module is ready; a host page that
/// imports the module for `mount` or `search` never does.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = startPage)]
pub fn start_page() {
    // Panic messages on the console in debug builds; release builds leave the
    // formatting code out (0.8 kB brotli) and a panic shows as a wasm trap.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    let state = view_state::ViewState::from_hash(&app::current_hash());
    std::mem::forget(app::start(frame::Frame::page(), state).0);
}

#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
