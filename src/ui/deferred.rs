//! Pages whose code downloads when they are first shown: the site's binary
//! (`src/main.rs`) and the widget's (`src/bin/widget-app.rs`) split the views out of their
//! wasm (`src/ui/split.rs`; the widget keeps home's), and show each through [`deferred`]. The service worker
//! precaches the site's chunks, so after the first visit they come from the cache and work
//! offline (the widget's run on partners' pages, outside its reach).

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_split::SplitLoaderError;

use super::components::embed::focus_pending_heading;
use super::components::title::use_document_title;

/// Downloads a chunk of the binary's wasm (once) and gives what its split point returns: a
/// page's view, the search engine, the dataset's checks, a frame's layout, the failure view.
pub type Download<T> = fn() -> Pin<Box<dyn Future<Output = Result<T, SplitLoaderError>>>>;

/// Where a piece of the app's code is, as the binary supplies it: linked in (the pages
/// written at build time link everything), or in a chunk of the binary's wasm
/// (`src/ui/split.rs`, `src/main.rs`).
#[derive(Clone, Copy)]
pub enum Code<T: Copy> {
    /// In the binary.
    Linked(T),
    /// In a chunk, downloaded (once) when first asked for.
    Split(Download<T>),
}

impl<T: Copy> Code<T> {
    /// The code, downloading its chunk first if it is in one.
    pub async fn get(self) -> Result<T, SplitLoaderError> {
        match self {
            Code::Linked(code) => Ok(code),
            Code::Split(download) => download().await,
        }
    }
}

/// Makes a page's view.
pub type PageView = fn() -> AnyView;
/// What a split point gives: the page, or why its chunk did not load.
pub type Loaded = Result<PageView, SplitLoaderError>;
/// Downloads a page's chunk (once) and gives the page.
pub type Load = Download<PageView>;

/// The page `load` gives, shown as it loads (see [`Deferred`]).
pub fn deferred(load: Load) -> AnyView {
    view! { <Deferred load/> }.into_any()
}

thread_local! {
    /// The pages loaded so far, by their loader: shown at once the next time.
    static LOADED: RefCell<Vec<(usize, PageView)>> = const { RefCell::new(Vec::new()) };
}

fn loaded(load: Load) -> Option<PageView> {
    LOADED.with(|l| l.borrow().iter().find(|(k, _)| *k == load as usize).map(|(_, p)| *p))
}

/// Keeps a loaded page, so that it shows at once from now on.
fn remember(load: Load, page: PageView) {
    if loaded(load).is_none() {
        LOADED.with(|l| l.borrow_mut().push((load as usize, page)));
    }
}

/// A part of every page from a chunk (the site's footer, [`crate::ui::routes::Pages::footer`]):
/// shown at once when its code is there, else nothing until it arrives, and nothing if it
/// does not (the view around it says what went wrong, if anything).
pub fn quiet(load: Load) -> AnyView {
    if let Some(part) = loaded(load) {
        return part();
    }
    let part = RwSignal::new(None::<PageView>);
    spawn_local(async move {
        preload(load).await;
        if let Some(view) = loaded(load) {
            let _ = part.try_set(Some(view));
        }
    });
    (move || part.get().map(|view| view())).into_any()
}

/// Downloads the chunk of `load` ahead of showing it: when the app takes over a page written
/// at build time, the page's code is there before the first render, so the visitor never sees
/// a loading note in place of what was already on the screen. A failed download is left for
/// [`deferred`] to show, with its retry.
pub async fn preload(load: Load) {
    if loaded(load).is_none() {
        if let Ok(page) = load().await {
            remember(load, page);
        }
    }
}

/// Whether the page of `load` is here, its chunk downloaded.
pub fn is_loaded(load: Load) -> bool {
    loaded(load).is_some()
}

/// Whether another tab's update has taken this one over (never, natively).
fn out_of_date() -> bool {
    #[cfg(target_arch = "wasm32")]
    return super::service_worker::is_out_of_date();
    #[cfg(not(target_arch = "wasm32"))]
    false
}

#[derive(Clone, Copy)]
enum State {
    Loading,
    Ready(PageView),
    Failed,
}

/// A page from its chunk: at once when the chunk is already loaded; otherwise a loading
/// note until it is, then the page, or a message and a retry when it cannot be downloaded
/// (either with focus moved to its heading when a navigation is waiting for one).
#[component]
fn Deferred(load: Load) -> impl IntoView {
    if let Some(page) = loaded(load) {
        return page();
    }
    let state = RwSignal::new(State::Loading);
    let fetch = move || {
        state.set(State::Loading);
        spawn_local(async move {
            let next = match load().await {
                Ok(page) => {
                    remember(load, page);
                    State::Ready(page)
                }
                Err(_) if out_of_date() => {
                    // A newer version took this tab over and its cache no longer holds this
                    // build's chunks: the page at this address, reloaded, is the new one's.
                    let _ = window().location().reload();
                    State::Loading
                }
                Err(_) => State::Failed,
            };
            // The visitor may have moved on while it downloaded; then nothing shows it, and
            // focus is the next view's to move.
            if state.try_set(next).is_none() {
                request_animation_frame(focus_pending_heading);
            }
        });
    };
    fetch();
    (move || match state.get() {
        State::Loading => view! {
            <div class="loading page-loading" aria-busy="true" data-testid="page-loading">
                <p role="status"><span class="spinner" aria-hidden="true"></span>"Loading this page…"</p>
            </div>
        }
        .into_any(),
        State::Ready(page) => page(),
        State::Failed => {
            use_document_title(|| Some("Error".into()));
            view! {
                <div data-testid="page-failed">
                    <h1>"This page could not be loaded"</h1>
                    <p role="alert">"Its code did not download. You may be offline, or the site may have been updated since you opened it: trying again, or reloading the page, usually helps."</p>
                    <button type="button" class="button" on:click=move |_| fetch()>"Try again"</button>
                </div>
            }
            .into_any()
        }
    })
    .into_any()
}
