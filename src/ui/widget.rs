//! The in-page widget: `<mhr-widget>` on a partner's page, mounted by `public/widget.js`
//! into a shadow root. It is its own wasm binary (`src/bin/widget-app.rs`), so the site's first
//! visit does not download the widget's code, and partners' pages do not run the site's.
//!
//! Its views are split out of its wasm as the site's are (`src/ui/split.rs`): a partner's
//! page downloads the frame here and the code of the view the element asks for, which starts
//! downloading as the widget mounts, beside the dataset; other views' code downloads when the
//! visitor first opens them.
//!
//! A list widget starts from the page the build wrote for its view, as the site's pages do,
//! and downloads the lists' code when the visitor first reaches into it ([`written`]).
//!
//! It shows the same views as the site, but with no router: the route lives in a signal
//! ([`Nav::in_memory`]), so the widget never changes the host's address or history and never
//! intercepts the host's links, and several widgets on one page each keep their own view.

use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::task::{Poll, Waker};

use leptos::html::Div;
use leptos::prelude::*;

use super::app::Indexed;
use super::components::embed::{focus_heading_on_navigate, EmbedLayout};
use super::components::state::{ErrorView, Loading};
use super::data::{fetch_catalog_from, parse_checked, LoadFailure, Reader, DATASET};
use super::nav::Nav;
use super::routes::Pages;
use super::search_index::SearchCode;
use crate::core::embed::EmbedSpec;
use crate::core::written::written_file;

mod written;
use written::WidgetRoutes;

thread_local! {
    /// Mounted widgets by id; dropping a handle unmounts its widget.
    static MOUNTED: RefCell<HashMap<u32, Box<dyn Any>>> = RefCell::new(HashMap::new());
    /// Each mounted widget's container and site, for the panic message.
    static CONTAINERS: RefCell<HashMap<u32, (web_sys::HtmlElement, String)>> = RefCell::new(HashMap::new());
    static NEXT_ID: std::cell::Cell<u32> = const { std::cell::Cell::new(1) };
    /// Datasets loaded and indexed, or being loaded, by address: a remount or a second
    /// widget reuses them, and widgets mounted at the same time share one download.
    static LOADED: RefCell<HashMap<String, Rc<Shared>>> = RefCell::new(HashMap::new());
}

/// After a panic the shared wasm instance is gone (release builds abort), so every widget
/// on the page stops. Each says so, as text, instead of freezing silently; the host's page
/// is left alone.
fn install_panic_message() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            web_sys::console::error_1(&info.to_string().into());
            let _ = CONTAINERS.try_with(|c| {
                if let Ok(containers) = c.try_borrow() {
                    for (container, site) in containers.values() {
                        container.set_text_content(Some(&format!(
                            "This Midlands Health Resources widget stopped working. The directory is at {site}"
                        )));
                    }
                }
            });
        }));
    });
}

/// Mounts a widget into `container` (inside the shadow root of `host`), reading its view
/// from `host`'s attributes; `site` is the site's absolute URL, ending in `/`. Returns an id
/// for [`unmount`]. `checked` is the fingerprint of the dataset the build checked, as
/// `widget.js` carries it (see [`crate::core::load::read`]). `pages` are the views as the
/// binary supplies them.
/// `src/bin/widget-app.rs` exports it to `widget.js` as `mount_widget`.
pub fn mount(
    host: web_sys::Element,
    container: web_sys::HtmlElement,
    site: String,
    checked: Option<String>,
    pages: Pages,
) -> u32 {
    install_panic_message();
    let spec = EmbedSpec::from_values(|name| host.get_attribute(name));
    let id = NEXT_ID.get();
    NEXT_ID.set(id + 1);
    CONTAINERS.with(|c| c.borrow_mut().insert(id, (container.clone(), site.clone())));
    let checked = checked.as_deref().and_then(parse_checked);
    let handle =
        leptos::mount::mount_to(container, move || view! { <Widget spec site checked pages/> });
    MOUNTED.with(|m| m.borrow_mut().insert(id, Box::new(handle)));
    id
}

/// Unmounts the widget `id` (when its element leaves the page).
pub fn unmount(id: u32) {
    CONTAINERS.with(|c| c.borrow_mut().remove(&id));
    let handle = MOUNTED.with(|m| m.borrow_mut().remove(&id));
    drop(handle);
}

/// One widget: its own location, dataset download and views.
#[component]
fn Widget(spec: EmbedSpec, site: String, checked: Option<u64>, pages: Pages) -> impl IntoView {
    let route = RwSignal::new(spec.route());
    let history = RwSignal::new(Vec::<String>::new());
    let root = NodeRef::<Div>::new();
    let go = Callback::new(move |(to, scroll): (String, bool)| {
        history.update(|h| h.push(route.get_untracked()));
        route.set(to);
        if scroll {
            scroll_into_view_if_above(root);
        }
    });
    let nav = Nav::in_memory(&site, route, go);
    provide_context(nav.clone());
    focus_heading_on_navigate(nav.path(), move || {
        root.get_untracked()?.query_selector("h1").ok()?
    });
    let back = Callback::new(move |()| {
        if let Some(previous) = history.try_update(|h| h.pop()).flatten() {
            route.set(previous);
        }
    });
    let can_go_back = Signal::derive(move || history.with(|h| !h.is_empty()));
    // A list's first view comes written, beside the dataset; any other view's code downloads
    // beside the dataset, not after it.
    let first = route.get_untracked();
    let page = written_file(&first).map(|file| (nav.asset(&file), first, nav.href("/")));
    if page.is_none() {
        leptos::task::spawn_local(pages.of(&nav.route().get_untracked()).preload());
    }
    let dataset = nav.asset(DATASET);
    let search = pages.search_engine;
    let reader = Reader { checked, code: pages.load };
    let data = LocalResource::new(move || {
        let page = page.clone().and_then(|(url, route, site)| written::download(url, &route, site));
        let loaded = load_once(dataset.clone(), search, reader);
        async move {
            let (indexed, read) = loaded.await?;
            Ok((indexed, written::read(page, read).await))
        }
    });
    view! {
        <div class="mhr-widget" data-theme=spec.theme.key() node_ref=root>
            {move || match data.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Ok((indexed, written))) => {
                    let written = written.and_then(|w| w.take());
                    view! { <WidgetViews indexed pages back=(can_go_back, back) written/> }.into_any()
                }
                Some(Err(failure)) => view! { <ErrorView failure on_retry=move || data.refetch()/> }.into_any(),
            }}
        </div>
    }
}

/// The widget's views, once its dataset is loaded, starting from the first view's written
/// content when there is some.
#[component]
fn WidgetViews(
    indexed: Indexed,
    pages: Pages,
    back: (Signal<bool>, Callback<()>),
    written: Option<Vec<web_sys::Node>>,
) -> impl IntoView {
    indexed.provide();
    // The search engine's code, and the index, before the visitor's first key (as the site).
    indexed.search().prepare_when_idle();
    view! {
        <EmbedLayout back search_box=pages.search_box><WidgetRoutes pages written/></EmbedLayout>
    }
}

/// One dataset's load, shared by every widget that asks for it: the outcome once known, and
/// who waits for it until then.
#[derive(Default)]
struct Shared {
    outcome: RefCell<Option<Result<(Indexed, u64), LoadFailure>>>,
    waiting: RefCell<Vec<Waker>>,
}

/// The dataset at `url` with its indexes, downloaded and built only once for all the widgets
/// on the page, however many mount at the same time, with the search engine's code where
/// `search` says, read by `reader`, and the fingerprint of its text. A failed load is
/// forgotten, so a retry downloads again.
async fn load_once(
    url: String,
    search: SearchCode,
    reader: Reader,
) -> Result<(Indexed, u64), LoadFailure> {
    let (shared, first) = LOADED.with(|l| {
        let mut loaded = l.borrow_mut();
        match loaded.get(&url) {
            Some(shared) => (shared.clone(), false),
            None => {
                let shared = Rc::new(Shared::default());
                loaded.insert(url.clone(), shared.clone());
                (shared, true)
            }
        }
    });
    if first {
        let shared = shared.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let outcome = fetch_catalog_from(url.clone(), reader)
                .await
                .map(|(catalog, read)| (Indexed::with_search(catalog, search), read));
            if outcome.is_err() {
                LOADED.with(|l| l.borrow_mut().remove(&url));
            }
            *shared.outcome.borrow_mut() = Some(outcome);
            for waker in shared.waiting.take() {
                waker.wake();
            }
        });
    }
    std::future::poll_fn(|cx| match &*shared.outcome.borrow() {
        Some(outcome) => Poll::Ready(outcome.clone()),
        None => {
            shared.waiting.borrow_mut().push(cx.waker().clone());
            Poll::Pending
        }
    })
    .await
}

/// After opening another view, brings the widget's top into sight if it has scrolled away.
fn scroll_into_view_if_above(root: NodeRef<Div>) {
    if let Some(el) = root.get_untracked() {
        if el.get_bounding_client_rect().top() < 0.0 {
            el.scroll_into_view();
        }
    }
}
