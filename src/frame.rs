//! Where one instance of the app lives: the whole page (index.html and
//! dossier.html), or an element a host page mounted it in. The views reach
//! their own elements through the frame's root, never through `document`,
//! so that two instances on one page never see each other's elements.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Hits per page of results unless the host asks for another number.
pub const PAGE_SIZE: usize = 50;

pub struct Frame {
    /// The element the app renders into: `<body>`, or the mount's box.
    pub root: SendWrapper<web_sys::HtmlElement>,
    /// The app is the page: it sets the document title and applies the
    /// reading settings; a mounted instance leaves the host's page alone.
    pub page: bool,
    /// The view lives in the URL hash (Back, Forward and links work); else
    /// only in memory, and the instance's own links are followed in place.
    pub use_hash: bool,
    pub show_reader: bool,
    pub page_size: usize,
    /// Called with `{id, title, date, outlet}` whenever an article opens.
    pub on_open: Option<SendWrapper<js_sys::Function>>,
}

impl Frame {
    /// The app as the whole page.
    pub fn page() -> Frame {
        Frame {
            root: SendWrapper::new(document().body().expect("the page has a body")),
            page: true,
            use_hash: true,
            show_reader: true,
            page_size: PAGE_SIZE,
            on_open: None,
        }
    }

    /// The first of the app's elements matching `selector`.
    pub fn find(&self, selector: &str) -> Option<web_sys::HtmlElement> {
        Some(self.root.query_selector(selector).ok()??.unchecked_into())
    }

    pub fn find_all(&self, selector: &str) -> Option<web_sys::NodeList> {
        self.root.query_selector_all(selector).ok()
    }

    /// The focused element, seen from inside the instance: a shadow root
    /// knows which of its own elements has focus, where `document` only
    /// knows the host.
    pub fn focused(&self) -> Option<web_sys::Element> {
        js_sys::Reflect::get(&self.root.get_root_node(), &"activeElement".into())
            .ok()?
            .dyn_into()
            .ok()
    }

    /// The target of the keyboard shortcuts: the window for the page; for a
    /// mounted instance its own box, so keys typed elsewhere on the host
    /// page stay the host's.
    pub fn key_target(&self) -> web_sys::EventTarget {
        if self.page {
            window().into()
        } else {
            (*self.root).clone().into()
        }
    }
}

/// Calls `handler` for each `event` on `target` until the current reactive
/// owner is cleaned up (the app unmounted), when the listener is removed.
pub fn listen(
    target: web_sys::EventTarget,
    event: &'static str,
    handler: Box<dyn Fn(web_sys::Event)>,
) {
    let closure = Closure::<dyn Fn(web_sys::Event)>::wrap(handler);
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    let held = SendWrapper::new((target, closure));
    on_cleanup(move || {
        let (target, closure) = held.take();
        let _ = target.remove_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    });
}
