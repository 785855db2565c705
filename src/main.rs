//! The page's bootstrap calls the library's `startPage` once the module has
//! loaded (scripts/post-build.mjs), so that a host page importing the module
//! for `mount` or `search` is not taken over. `main` only keeps the library
//! linked: without a reference from the binary, wasm-bindgen finds none of
//! its intrinsics.
fn main() {
    std::hint::black_box(dossier_app::start_page as fn());
}
