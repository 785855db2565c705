//! The app inside another page: `mountApp(box, options, onOpen)` renders an
//! instance into an element (the host module, written by
//! scripts/post-build.mjs, gives it a box in a shadow root) and returns its
//! handle. Each instance has its own view state, results and listeners;
//! freeing the handle unmounts it and removes them all.

use std::any::Any;

use dossier_core::SearchRequest;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;

use crate::app::{start, Dossier, History};
use crate::frame::{Frame, PAGE_SIZE};
use crate::js_api::{self, flag, warn, warn_unknown_keys};
use crate::view_state::ViewState;

/// Most results one page of an instance may show.
const MAX_PAGE_SIZE: usize = 500;
const CONTEXT: &str = "mount options";
/// One mounted instance, as the host module holds it; the module's
/// `destroy()` frees it, which unmounts it and removes its listeners.
#[wasm_bindgen]
pub struct Instance {
    _mounted: Box<dyn Any>,
    dossier: Dossier,
    root: web_sys::HtmlElement,
}

/// Renders an instance into `root`. `options` may hold `query`, `filters`,
/// `sort`, `theme`, `showReader`, `pageSize` and `useHash` (see the README);
/// a bad value is named in a console warning and its default used.
/// `on_open` is called with `{id, title, date, outlet}` when an article opens.
#[wasm_bindgen(js_name = mountApp)]
pub fn mount_app(
    root: web_sys::HtmlElement,
    options: JsValue,
    on_open: js_sys::Function,
) -> Instance {
    warn_unknown_keys(
        &options,
        &[
            "query",
            "filters",
            "sort",
            "theme",
            "showReader",
            "pageSize",
            "useHash",
        ],
        CONTEXT,
    );
    let use_hash = flag(&options, "useHash", CONTEXT).unwrap_or(false);
    let state = if use_hash {
        ViewState::from_hash(&crate::app::current_hash())
    } else {
        ViewState {
            query: js_api::string(&options, "query", CONTEXT).unwrap_or_default(),
            filters: js_api::filters(&options, CONTEXT),
            sort: js_api::sort(&options, CONTEXT).unwrap_or_default(),
            ..ViewState::default()
        }
    };
    let frame = Frame {
        root: SendWrapper::new(root.clone()),
        page: false,
        use_hash,
        show_reader: flag(&options, "showReader", CONTEXT).unwrap_or(true),
        page_size: js_api::count(&options, "pageSize", CONTEXT, MAX_PAGE_SIZE)
            .filter(|n| *n > 0)
            .unwrap_or(PAGE_SIZE),
        on_open: Some(SendWrapper::new(on_open)),
    };
    let (mounted, dossier) = start(frame, state);
    let instance = Instance {
        _mounted: Box::new(mounted),
        dossier,
        root,
    };
    if let Some(theme) = js_api::string(&options, "theme", CONTEXT) {
        instance.set_theme(theme);
    }
    instance
}

#[wasm_bindgen]
impl Instance {
    /// Shows `query` in this instance, closing the reader, as typing would.
    #[wasm_bindgen(js_name = setQuery)]
    pub fn set_query(&self, query: JsValue) {
        let Some(query) = query.as_string() else {
            warn("Dossier: setQuery(query) expects a string; ignored");
            return;
        };
        self.show(|s| ViewState {
            query,
            ..s.without_article()
        });
    }

    /// Shows this search (query, `filters`, `sort`, `from`/`to`) in the instance and
    /// returns its hits as plain objects, like the module's `search`.
    pub fn search(&self, query: JsValue, options: JsValue) -> JsValue {
        let request = js_api::request(query, &options, "search options");
        let hits = js_api::hits_js(&request);
        let SearchRequest {
            query,
            filters,
            sort,
            from,
            to,
            ..
        } = request;
        self.show(|s| ViewState {
            query,
            filters,
            sort,
            from,
            to,
            ..s.without_article()
        });
        hits
    }

    /// Sets the colour theme: "system", "light", "dark" or "sepia".
    #[wasm_bindgen(js_name = setTheme)]
    pub fn set_theme(&self, theme: String) {
        match theme.as_str() {
            "system" => {
                let _ = self.root.remove_attribute("data-theme");
            }
            t if crate::components::settings::THEMES.contains(&t) => {
                let _ = self.root.set_attribute("data-theme", t);
            }
            _ => warn(&format!(
                "Dossier: ignoring theme \"{theme}\": expected \"system\", \"light\", \"dark\" or \"sepia\""
            )),
        }
    }

    fn show(&self, next: impl FnOnce(&ViewState) -> ViewState) {
        if let Some(state) = self.dossier.state.try_get_untracked() {
            self.dossier.navigate(next(&state), History::Push);
        }
    }
}
