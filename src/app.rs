//! The App: the view state (mirrored in the URL hash), the search results
//! derived from it, and the page frame: the search, the filters and the
//! results, and the reader beside them (or instead of them on narrow screens).

use dossier_core::Results;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::{
    facets::FacetPanel, reader::Reader, results::ResultList, search_box::SearchBox,
};
use crate::corpus_data::corpus;
use crate::frame::{listen, Frame};
use crate::view_state::ViewState;

/// Hits searched for and drawn with a keystroke: more than a tall window
/// shows. The rest of the page follows once the typing pauses.
pub const FIRST_HITS: usize = 12;

/// How a view change enters the browser history.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum History {
    /// A new entry: Back returns to the previous view.
    Push,
    /// Replaces the current entry: typing does not add one entry per key.
    Replace,
}

/// The state every view reads: where the reader is and what it finds.
#[derive(Clone, Copy)]
pub struct Dossier {
    pub state: RwSignal<ViewState>,
    /// The state without the open article: the search the result list shows.
    /// Opening an article or stepping through matches does not change it.
    pub listing: Memo<ViewState>,
    pub results: Memo<Results<'static>>,
    /// The listing whose whole page of results is shown; until then only
    /// its first screenful is searched for and drawn (`FIRST_HITS`).
    pub whole_page: RwSignal<Option<ViewState>>,
    pub frame: StoredValue<Frame>,
}

impl Dossier {
    /// Shows `next` and records it in the URL.
    pub fn navigate(&self, next: ViewState, history: History) {
        if self.state.with_untracked(|s| *s == next) {
            return;
        }
        if self.frame.with_value(|f| f.use_hash) {
            record(&next, history);
        }
        self.state.set(next);
    }
}

/// Writes `next` into the URL hash without a hashchange event. Typing
/// writes it once it pauses: `history.replaceState` costs Chromium 0.5 ms at
/// the median and 5 ms at p95, as much as the rest of a keystroke's work.
fn record(next: &ViewState, history: History) {
    let url = match next.to_hash() {
        hash if hash.is_empty() => {
            let loc = window().location();
            format!(
                "{}{}",
                loc.pathname().unwrap_or_default(),
                loc.search().unwrap_or_default()
            )
        }
        hash => hash,
    };
    match history {
        History::Push => {
            // The entry being left keeps the search typed into it.
            flush_url();
            if let Ok(h) = window().history() {
                let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
            }
        }
        History::Replace => {
            let timer = set_timeout_with_handle(flush_url, URL_PAUSE).ok();
            let previous = match timer {
                Some(timer) => PENDING_URL.replace(Some((url, timer))),
                None => {
                    replace_url(&url);
                    PENDING_URL.take()
                }
            };
            if let Some((_, timer)) = previous {
                timer.clear();
            }
        }
    }
}

/// How long typing pauses before the URL follows it.
const URL_PAUSE: std::time::Duration = std::time::Duration::from_millis(300);

thread_local! {
    /// The URL of a search being typed, not yet written, and its timer.
    static PENDING_URL: std::cell::RefCell<Option<(String, TimeoutHandle)>> =
        const { std::cell::RefCell::new(None) };
}

/// Writes the URL of the search being typed now, if there is one.
pub fn flush_url() {
    if let Some((url, timer)) = PENDING_URL.take() {
        timer.clear();
        replace_url(&url);
    }
}

/// Forgets the URL of the search being typed: another entry is current.
fn drop_pending_url() {
    if let Some((_, timer)) = PENDING_URL.take() {
        timer.clear();
    }
}

fn replace_url(url: &str) {
    if let Ok(h) = window().history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url));
    }
}

pub fn use_dossier() -> Dossier {
    expect_context::<Dossier>()
}

pub fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Renders the app into `frame.root`; `state` is its first view. Dropping
/// the handle unmounts it and removes every listener it added. The page and
/// every mounted instance start here: one copy of the view code in the wasm.
pub fn start(
    frame: Frame,
    state: ViewState,
) -> (leptos::mount::UnmountHandle<impl Mountable>, Dossier) {
    let root = (*frame.root).clone();
    let made = std::rc::Rc::new(std::cell::Cell::new(None));
    let out = made.clone();
    let handle = leptos::mount::mount_to(root, move || {
        let dossier = dossier(frame, state);
        out.set(Some(dossier));
        view! { <App dossier /> }
    });
    (handle, made.take().expect("mount_to runs its view at once"))
}

fn dossier(frame: Frame, initial: ViewState) -> Dossier {
    let state = RwSignal::new(initial);
    let listing = Memo::new(move |_| state.with(ViewState::without_article));
    let page_size = frame.page_size;
    let whole_page = RwSignal::new(None::<ViewState>);
    let results = Memo::new(move |_| {
        listing.with(|s| {
            let whole = whole_page.with(|w| w.as_ref() == Some(s));
            let limit = if whole {
                page_size
            } else {
                FIRST_HITS.min(page_size)
            };
            corpus().search(&s.to_request(limit))
        })
    });
    Dossier {
        state,
        listing,
        results,
        whole_page,
        frame: StoredValue::new(frame),
    }
}

#[component]
fn App(dossier: Dossier) -> impl IntoView {
    provide_context(dossier);
    let (page, use_hash, show_reader, root) = dossier
        .frame
        .with_value(|f| (f.page, f.use_hash, f.show_reader, (*f.root).clone()));
    let state = dossier.state;
    if use_hash {
        // Back, forward, followed links and edited URLs all arrive as hashchange.
        listen(
            window().into(),
            "hashchange",
            Box::new(move |_| {
                drop_pending_url();
                state.set(ViewState::from_hash(&current_hash()))
            }),
        );
        // A followed link adds an entry after the click's listeners: the one
        // it leaves gets the search typed into it first.
        listen(root.clone().into(), "click", Box::new(|_| flush_url()));
    } else {
        // The views' links are hash links; without the hash they are followed here.
        listen(
            root.into(),
            "click",
            Box::new(move |ev| follow_link(dossier, &ev)),
        );
    }
    if page {
        crate::components::settings::restore();
    }
    crate::components::shortcuts::listen(dossier);
    notify_open(dossier);

    // The reader is rebuilt only when another article opens, not on every state change.
    let reading = Memo::new(move |_| state.with(|s| s.article.clone()));
    view! {
        <a class="skip-link" href="#main-content" on:click=move |ev| {
            ev.prevent_default();
            if let Some(main) = dossier.frame.with_value(|f| f.find("#main-content")) {
                let _ = main.focus();
            }
        }>"Skip to content"</a>
        <header class="site-header">
            <a class="brand" href="#">"Dossier"</a>
            <SearchBox />
            <div class="header-tools">
                <button type="button" class="tool-button" popovertarget="reading-settings">"Reading settings"</button>
                <button type="button" class="tool-button" id="shortcuts-button" command="show-modal" commandfor="shortcuts">
                    "Shortcuts"
                </button>
            </div>
        </header>
        <main id="main-content" tabindex="-1">
            <div class="search-layout" class:reading=move || reading.with(Option::is_some)>
                <FacetPanel />
                <ResultList />
                {move || reading.get().filter(|_| show_reader).map(|id| view! {
                    <section class="reader-pane" aria-label="Reader"><Reader id=id /></section>
                })}
            </div>
        </main>
    }
}

/// Follows a click on one of the instance's own `#…` links without the URL:
/// the link's hash is the view it names.
fn follow_link(dossier: Dossier, ev: &web_sys::Event) {
    if ev.default_prevented() {
        return;
    }
    let Some(link) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("a[href^='#']").ok().flatten())
    else {
        return;
    };
    ev.prevent_default();
    let href = link.get_attribute("href").unwrap_or_default();
    dossier.navigate(ViewState::from_hash(&href), History::Push);
}

/// Tells the host which article opened, through its `on("open")` callback.
fn notify_open(dossier: Dossier) {
    let Some(callback) = dossier.frame.with_value(|f| f.on_open.clone()) else {
        return;
    };
    Effect::new(move |previous: Option<Option<String>>| {
        let open = dossier.state.with(|s| s.article.clone());
        if open.is_some() && previous.as_ref() != Some(&open) {
            if let Some(summary) = open.as_deref().and_then(crate::js_api::article_js) {
                let _ = callback.call1(&wasm_bindgen::JsValue::NULL, &summary);
            }
        }
        open
    });
}
