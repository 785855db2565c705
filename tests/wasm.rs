//! The app's wasm side, run in headless Chromium by wasm-bindgen-test: the
//! corpus opens and searches inside wasm, and the App mounts and
//! renders the article list into a real DOM.
#![cfg(target_arch = "wasm32")]

use dossier_app::corpus_data;
use dossier_core::SearchRequest;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// What the page does with `corpus-HASH.bin` (scripts/post-build.mjs): the
/// test module is not post-built, so the bytes come from the build's output.
fn corpus() -> &'static dossier_core::Corpus<'static> {
    corpus_data::load_corpus(&js_sys::Uint8Array::from(
        &include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"))[..],
    ));
    corpus_data::corpus()
}

#[wasm_bindgen_test]
fn embedded_corpus_opens_and_every_article_decodes() {
    let c = corpus();
    assert!(
        !c.is_empty(),
        "the seeds compiled into at least one article"
    );
    for i in 0..c.len() {
        let a = c.article(i).expect("every article decodes");
        assert_eq!(c.find(&a.id), Some(i));
        assert!(!a.title.is_empty() && !a.blocks.is_empty());
    }
}

#[wasm_bindgen_test]
fn search_runs_inside_wasm() {
    let results = corpus().search(&SearchRequest::new("kremlin"));
    assert!(results.total >= 1);
    let empty = corpus().search(&SearchRequest::new(""));
    assert_eq!(
        empty.total,
        corpus().len(),
        "an empty query browses everything"
    );
}

#[wasm_bindgen_test]
async fn app_mounts_and_lists_every_article() {
    let articles = corpus().len();
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let frame = dossier_app::frame::Frame {
        root: send_wrapper::SendWrapper::new(host.clone().unchecked_into()),
        page: false,
        use_hash: false,
        show_reader: true,
        page_size: 50,
        on_open: None,
    };
    let (handle, _) = dossier_app::app::start(frame, Default::default());
    // The cards are drawn by an effect, which runs on the executor's next tick.
    leptos::task::tick().await;
    let items = host
        .query_selector_all("ol[aria-label='Articles'] > li")
        .unwrap();
    assert_eq!(items.length() as usize, articles);
    let first_link = host.query_selector("ol li h2 a").unwrap().unwrap();
    assert!(first_link
        .get_attribute("href")
        .unwrap()
        .starts_with("#article="));
    drop(handle);
    host.remove();
}

/// Facets with their values and counts.
type Facets<'a> = &'a [(&'a str, &'a [(&'a str, u32)])];

/// A tree of fieldsets (keyed) holding lists (by position), as the filter
/// panel draws them.
fn panel(facets: Facets) -> dossier_app::patch::El {
    let mut root = dossier_app::patch::El::root();
    for (name, values) in facets {
        let set = root.el("fieldset", &[], "").key(name);
        set.el("legend", &[], name);
        let ul = set.el("ul", &[], "");
        for (value, count) in *values {
            let label = ul.el("li", &[], "").el("label", &[("data-i", value)], "");
            label.text(value);
            label.el(
                "span",
                &[("aria-label", &format!("{count} articles"))],
                &count.to_string(),
            );
        }
    }
    root
}

#[wasm_bindgen_test]
fn patching_gives_the_same_dom_as_drawing_anew_and_keeps_keyed_elements() {
    let document = web_sys::window().unwrap().document().unwrap();
    let (patched, fresh) = (
        document.create_element("div").unwrap(),
        document.create_element("div").unwrap(),
    );
    let first: Facets = &[
        ("Time", &[("undated", 2)]),
        ("Outlet", &[("A", 5), ("B", 3)]),
        ("Year", &[("2016", 4), ("2017", 1)]),
    ];
    let mut drawn = panel(first);
    drawn.patch_into(&patched, dossier_app::patch::El::root());
    let year = patched
        .query_selector("fieldset:nth-child(3)")
        .unwrap()
        .unwrap();
    let steps: [Facets; 5] = [
        // Counts change, one value more, a facet gone: the Year fieldset stays the same element.
        &[
            ("Outlet", &[("B", 9), ("A", 5), ("C", 1)]),
            ("Year", &[("2016", 4), ("2017", 1)]),
        ],
        // Facets come back in another order, and one is new.
        &[
            ("Year", &[("2017", 1)]),
            ("Time", &[]),
            ("Outlet", &[("A", 5)]),
            ("Place", &[("Moscow", 2)]),
        ],
        &[],
        first,
        first,
    ];
    for (n, step) in steps.into_iter().enumerate() {
        let mut next = panel(step);
        next.patch_into(&patched, drawn);
        drawn = next;
        panel(step).patch_into(&fresh, dossier_app::patch::El::root());
        assert_eq!(patched.inner_html(), fresh.inner_html(), "step {n}");
        fresh.set_inner_html("");
        if n == 0 {
            let now = patched
                .query_selector("fieldset:nth-child(2)")
                .unwrap()
                .unwrap();
            assert!(
                now.is_same_node(Some(&year)),
                "the Year fieldset was patched, not redrawn"
            );
        }
    }
}
