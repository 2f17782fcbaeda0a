//! The app taking over a page that the build wrote with its content.
//!
//! Every address answers with its page already in the HTML (`xtask` renders it with the same
//! components, [`super::prerender`]), inside `<div data-mhr-root>`. The app then downloads
//! the dataset and the page's own chunk, renders the same view into a detached element, and
//! swaps it in, in one step: the browser paints the page it had, then the same page, live.
//!
//! Replacing rather than hydrating: the site's wasm is split, and a page's components are in
//! a chunk that downloads after the main module, so hydration would have to wait for that
//! chunk anyway; hydrating also needs the markup to match the live state exactly, and it
//! cannot on a page whose query string (a search, a filter, another comparison) the build
//! could not know, nor for the offline banner. Rendering first and swapping once keeps the
//! written page on the screen until the app is complete, then replaces it whole.
//!
//! Home's content and the footer are the exception: the app keeps the written nodes rather
//! than rendering the same again, so a first visit needs none of their view code
//! ([`super::written`]). So is a list's or a resource's content, kept until the visitor first
//! uses it ([`super::kept`]); for browse or a section filtered by one tag, which no page
//! stands for, the content kept is the view the build wrote alone for that tag
//! ([`crate::core::written`]), put in the written page's `<main>` first.
//!
//! What the visitor did meanwhile is carried over ([`super::carry`]): the scroll position,
//! which element had focus, and what they typed into a field, with the caret where it was.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use super::app::{Indexed, Site, SiteAddress};
use super::carry::Kept;
use super::components::state::ErrorView;
use super::components::status::UpdateNotice;
use super::data::{base_path, checked_by_build, fetch_catalog, refresh_cached_dataset};
use super::data::{Fetched, Reader};
use super::routes::Pages;
use super::LoadFailure;
use crate::core::embed::EmbedFlags;
use crate::core::paths::Paths;
use crate::core::route::Route;

/// The element the build writes each page into, and the app replaces.
const ROOT: &str = "[data-mhr-root]";
/// Set on `<body>` once the app has taken over, for scripts and tests that wait for it.
const READY: &str = "data-mhr-ready";

/// Downloads what the page needs, then takes it over; on a failure, keeps the page and says
/// what went wrong above its content, with a retry.
pub fn start(pages: Pages) {
    let frame = embed_flags_of_page();
    if let Some(flags) = &frame {
        mark_document_embedded(flags);
    }
    // A frame's layout downloads beside the dataset (the loader asks for a chunk once).
    let frame_code = pages.frame.filter(|_| frame.is_some());
    if let Some(code) = frame_code {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = code.get().await;
        });
    }
    let address =
        SiteAddress { base: base_path(), origin: window().location().origin().unwrap_or_default() };
    let path = window().location().pathname().unwrap_or_default();
    let route = Route::parse(&Paths::new(&address.base).route_of(&path));
    // The header's search box (in the chunk `search`; not in a frame, whose layout brings
    // its own) downloads before the page is taken over, so that its code is there when a
    // visitor types as the page becomes ready: asked for as the header was rendered, it came
    // 15 to 35 ms after such a key (README, Search). On home, and a page whose written
    // content is kept, at once, while the dataset is read (the network is idle then: the
    // view is the written one); elsewhere once the view's own chunk is there, so as not to
    // hold the view back on a slow network. Home's
    // download starts before the dataset is read, so in the rare visit whose dataset is not
    // the build's (home then renders from the chunk `pages`) or cannot be used (the failure
    // view's chunk), it shares the network with that chunk.
    // Whether the written content can stand for the view until it is used (`super::kept`),
    // if the dataset is the one it was written from (known once read): a list's or a
    // resource's, written for this very address (a host serves `404.html`, and the service
    // worker, offline, its shell, at addresses that have no page), with no query string.
    let query = window().location().search().unwrap_or_default();
    let written_for = document()
        .query_selector(ROOT)
        .ok()
        .flatten()
        .and_then(|root| super::written::written_for(&root));
    let keepable = frame.is_none()
        && query.is_empty()
        && route.starts_written()
        && written_for.as_ref() == Some(&route);
    // Browse or a section filtered by one tag (`browse/?tag=x`): the build wrote that view
    // alone (`crate::core::written`), and the start-up script puts it in the written page's
    // `<main>` as soon as it comes, if it is for this very address and from the page's
    // dataset (`xtask/src/app_build.rs`); it says whether it did (`TAG_VIEW_PUT`, a promise
    // of `true` or `false`, settled within `FILE_WAIT_MS`). The app then keeps it as it keeps
    // a written list.
    let tag_view = Some(crate::core::written::TAG_VIEW_PUT)
        .filter(|_| frame.is_none() && !query.is_empty())
        .and_then(|name| js_sys::Reflect::get(&window(), &name.into()).ok())
        .and_then(|promise| promise.dyn_into::<js_sys::Promise>().ok());
    // Otherwise the view's own chunk downloads beside the dataset: a list's or a resource's
    // page preloads it only for an address with a query string, and the start-up script
    // turns that on only after the glue has come (home's written content is kept, as a rule).
    if !keepable && tag_view.is_none() && route != Route::Home {
        wasm_bindgen_futures::spawn_local(pages.of(&route).preload());
    }
    let starts_written = route == Route::Home || keepable || tag_view.is_some();
    let mut search_box = pages.search_box.filter(|_| frame.is_none());
    if let Some(search_box) = search_box.take_if(|_| starts_written) {
        wasm_bindgen_futures::spawn_local(search_box.preload());
    }
    // Not Leptos' own `spawn_local`: its executor is set up by mounting, which comes later.
    wasm_bindgen_futures::spawn_local(async move {
        let reader = Reader { checked: checked_by_build(), code: pages.load };
        match fetch_catalog(reader).await {
            Ok(fetched) => {
                let kept = fetched.kept();
                let Fetched { catalog, read, .. } = fetched;
                // Home's written content and the footer are what the app would render from
                // the dataset the build wrote them from, so the app keeps them
                // (`super::written`); else it renders them from their chunks.
                let kept_written = frame.is_none() && reader.checked == Some(read);
                let home = route == Route::Home;
                let root = document().query_selector(ROOT).ok().flatten();
                // The written search form stands in for the header's box until its code is
                // there, whatever the dataset.
                if let Some(root) = root.as_ref().filter(|_| frame.is_none()) {
                    super::written::offer_search_box(root);
                }
                // A list's or a resource's written content is kept too, until the visitor
                // first uses it (`super::kept`): its view's chunk downloads then, not now.
                let tag_kept = match tag_view.filter(|_| kept_written) {
                    Some(put) => {
                        wasm_bindgen_futures::JsFuture::from(put).await.ok()
                            == Some(wasm_bindgen::JsValue::TRUE)
                    }
                    None => false,
                };
                let keep_first = kept_written && (keepable || tag_kept);
                let (home_kept, footer) = match root.filter(|_| kept_written) {
                    Some(root) => {
                        if keep_first {
                            super::written::offer_kept(&root);
                        }
                        (super::written::offer(&root, home), None)
                    }
                    None => (false, pages.footer.filter(|_| frame.is_none())),
                };
                // The footer's chunk and the view's download side by side (the loader asks
                // for a chunk once, so the second wait shares the first download).
                if let Some(footer) = footer {
                    wasm_bindgen_futures::spawn_local(footer.preload());
                }
                if !home_kept && !keep_first {
                    pages.of(&route).preload().await;
                }
                if let Some(search_box) = search_box {
                    wasm_bindgen_futures::spawn_local(search_box.preload());
                }
                if let Some(footer) = footer {
                    footer.preload().await;
                }
                let frame_layout = match frame_code {
                    Some(code) => code.get().await.ok(),
                    None => None,
                };
                let indexed = Indexed::with_search(catalog, pages.search_engine);
                let search = indexed.search().clone();
                first_paint().await;
                replace_page(move || view! { <Site indexed pages address frame frame_layout/> });
                search.prepare_when_idle();
                refresh_cached_dataset(kept, reader).await;
            }
            Err(failure) => {
                let host = failure_host();
                // The app could not start, so the written page's controls that need it do
                // nothing: marked at once, they give way to the notes that say so, while the
                // failure view downloads (a host that stalls leaves that much said), and stay
                // hidden beside it; a retry that starts the app takes the mark off.
                mark_no_app(true);
                let banner = host.clone();
                let on_retry = Box::new(move || {
                    banner.remove();
                    start(pages);
                });
                let view = match pages.failure {
                    Some(code) => code.get().await.ok(),
                    None => None,
                };
                match view {
                    Some(show) => show(host, failure, on_retry),
                    // Not even the failure view could be downloaded (the network gone since
                    // the page came): the page stays as written, marked, its notes saying what
                    // needs the app and pointing to the pages that do not.
                    None => host.remove(),
                }
            }
        }
    });
}

/// Shows in `host` why the app could not start, with a retry that calls `on_retry`; and, since
/// a new version may be waiting and may be what it takes to start again (after a deployment
/// that changed the dataset's schema, say), the update notice. In a chunk in the site's
/// binary (`src/main.rs`): only a visit whose dataset cannot be used needs it, and it was 3.5
/// KB brotli of the main module (README, Size).
pub fn show_failure(host: HtmlElement, failure: LoadFailure, on_retry: Box<dyn Fn()>) {
    let view = move || view! { <UpdateNotice/> <ErrorView failure on_retry=move || on_retry()/> };
    leptos::mount::mount_to(host, view).forget();
}

/// Marks `<html>` as a page whose app could not start (`no-app`, as the start-up script marks
/// it), or takes the mark off.
fn mark_no_app(on: bool) {
    if let Some(html) = document().document_element() {
        let _ = html.class_list().toggle_with_force("no-app", on);
    }
}

/// Waits until the browser has shown the written page (its first contentful paint is
/// reported), or a short while at most: a tab or a frame out of sight paints nothing.
///
/// On a fast connection the app is ready before the first frame, and swapping the page then
/// would replace what the visitor has not seen yet: Chromium reports no paint of content that
/// left the page before its frame was shown, so the page would seem to appear only with the
/// app. Waiting keeps the order the visitor sees: the page, then the same page, live. The
/// downloads and the wasm's start are not held up, only the swap.
async fn first_paint() {
    const LONGEST_MS: i32 = 300;
    let painted = || {
        window()
            .performance()
            .is_some_and(|p| p.get_entries_by_name("first-contentful-paint").length() > 0)
    };
    if painted() {
        return;
    }
    let wait = js_sys::Promise::new(&mut |resolve, _| {
        let window = window();
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, LONGEST_MS);
        let on_paint = wasm_bindgen::closure::Closure::<dyn FnMut()>::new({
            let resolve = resolve.clone();
            move || {
                if painted() {
                    let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
                }
            }
        });
        if let Ok(observer) = web_sys::PerformanceObserver::new(on_paint.as_ref().unchecked_ref()) {
            let types = js_sys::Array::of1(&"paint".into());
            observer.observe(&web_sys::PerformanceObserverInit::new(&types));
        }
        on_paint.forget();
    });
    let _ = wasm_bindgen_futures::JsFuture::from(wait).await;
}

/// Renders `app` into a new root and puts it in the written page's place, keeping what the
/// visitor did there.
fn replace_page<V: IntoView + 'static>(app: impl FnOnce() -> V + 'static) {
    let document = document();
    let Some(body) = document.body() else { return };
    let old = document.query_selector(ROOT).ok().flatten();
    let kept = Kept::read(old.as_ref());
    let Ok(fresh) = document.create_element("div") else { return };
    fresh.set_id("app");
    let _ = fresh.set_attribute("data-mhr-root", "");
    let handle = leptos::mount::mount_to(fresh.clone().unchecked_into::<HtmlElement>(), app);
    // The app lives as long as the page.
    handle.forget();
    super::written::place(&fresh);
    match &old {
        Some(old) => {
            let _ = old.replace_with_with_node_1(&fresh);
        }
        None => {
            let _ = body.append_child(&fresh);
        }
    }
    kept.restore(&fresh);
    // Marked when an earlier start failed (a retry that worked).
    mark_no_app(false);
    let _ = body.set_attribute(READY, "");
}

/// Where a failure is shown: a new element at the top of the page's main content (the page
/// itself stays readable), or of the body when there is none.
fn failure_host() -> HtmlElement {
    let document = document();
    let host: HtmlElement = document.create_element("div").expect("a div").unchecked_into();
    host.set_class_name("load-failure");
    let place =
        document.query_selector("main").ok().flatten().or_else(|| document.body().map(Into::into));
    if let Some(place) = place {
        let _ = place.prepend_with_node_1(&host);
    }
    let _ = document.body().map(|b| b.set_attribute(READY, ""));
    host
}

/// The embed flags of the page's own address, if it is embedded.
fn embed_flags_of_page() -> Option<EmbedFlags> {
    let search = window().location().search().unwrap_or_default();
    EmbedFlags::split(&search).0
}

/// Marks `<html>` with the embed layout and any forced theme, before the app renders, so the
/// stylesheets apply from its first paint.
fn mark_document_embedded(flags: &EmbedFlags) {
    if let Some(html) = document().document_element() {
        let _ = html.class_list().add_1("embedded");
        let _ = html.set_attribute("data-theme", flags.theme.key());
    }
}
