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
    /// The listing whose whole page of results is shown, set once the
    /// typing pauses; until then only its first screenful is searched for
    /// and drawn (`FIRST_HITS`), and the filter panel keeps its counts.
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

/// Writes `next` into the URL hash without a hashchange event, after the
/// view has shown: Chromium's history writes cost 0.5 ms at the median and
/// 5 ms at p95, as much as the rest of a keystroke's or an open's work. A new
/// entry is written once the view has painted; typing replaces the current
/// entry once it pauses. The writes keep their order.
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
    let after_paint = PENDING.with_borrow_mut(|p| {
        match (history, p.writes.last_mut()) {
            // Typing rewrites the entry it is typed into.
            (History::Replace, Some((History::Replace, last))) => *last = url,
            _ => p.writes.push((history, url)),
        }
        if let Some(timer) = p.timer.take() {
            timer.clear();
        }
        if history == History::Replace {
            p.timer = set_timeout_with_handle(write_history, URL_PAUSE).ok();
        }
        history == History::Push && !std::mem::replace(&mut p.after_paint, true)
    });
    if after_paint {
        request_animation_frame(|| set_timeout(write_history, std::time::Duration::ZERO));
    }
}

/// How long typing pauses before the URL follows it.
const URL_PAUSE: std::time::Duration = std::time::Duration::from_millis(300);

/// History writes not made yet, in order.
#[derive(Default)]
struct Pending {
    writes: Vec<(History, String)>,
    /// The pause after typing, if a replace waits for it.
    timer: Option<TimeoutHandle>,
    /// Whether a write is already due after the next paint.
    after_paint: bool,
}

thread_local! {
    static PENDING: std::cell::RefCell<Pending> = std::cell::RefCell::new(Pending::default());
}

/// Makes the history writes not made yet, in order.
fn write_history() {
    let pending = PENDING.take();
    if let Some(timer) = pending.timer {
        timer.clear();
    }
    let Ok(h) = window().history() else { return };
    for (history, url) in pending.writes {
        let null = &wasm_bindgen::JsValue::NULL;
        let _ = match history {
            History::Push => h.push_state_with_url(null, "", Some(&url)),
            History::Replace => h.replace_state_with_url(null, "", Some(&url)),
        };
    }
}

/// Forgets the writes not made yet: Back, Forward or an edited URL made
/// another entry current.
fn drop_history_writes() {
    if let Some(timer) = PENDING.take().timer {
        timer.clear();
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
                drop_history_writes();
                state.set(ViewState::from_hash(&current_hash()))
            }),
        );
    }
    // The views' links are hash links, followed here: the view shows in the
    // click's own task, and its history entry is written after it paints.
    listen(
        root.into(),
        "click",
        Box::new(move |ev| follow_link(dossier, &ev)),
    );
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

/// Follows a click on one of the instance's own `#…` links: the link's hash
/// is the view it names.
fn follow_link(dossier: Dossier, ev: &web_sys::Event) {
    if ev.default_prevented() {
        return;
    }
    // With the URL, a click meant for a new tab or window is the browser's.
    let mouse = ev.dyn_ref::<web_sys::MouseEvent>();
    let aside = mouse.is_some_and(|m| {
        m.button() != 0 || m.ctrl_key() || m.meta_key() || m.shift_key() || m.alt_key()
    });
    if aside && dossier.frame.with_value(|f| f.use_hash) {
        write_history();
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
