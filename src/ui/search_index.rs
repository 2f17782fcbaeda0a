//! The search index, built when search is first used rather than when the app starts, and
//! built in slices between the browser's tasks so that no slice holds the page up.
//!
//! At 10,000 resources one build of the index takes over 100 ms of wasm on the main thread;
//! done at start it delayed every view, and done at once it would freeze the page for that
//! long (a "long task": the browser counts any task over 50 ms as one). The search box asks
//! for the index when it is focused ([`LazySearch::prepare`]): documents are added for at
//! most [`SLICE_MS`] at a time, with a new task between slices, and the suggestions appear
//! when the last slice is done. A view that needs results to show anything at all (the
//! results of a query in the address) takes the index at once ([`LazySearch::now`]),
//! finishing whatever slices are left, as the page cannot say anything truthful without it.
//!
//! Rendered natively (the pages written at build time), there are no tasks to share:
//! preparing builds at once.

use std::sync::{Arc, Mutex, MutexGuard};

use leptos::prelude::*;

use crate::core::catalog::Catalog;
use crate::core::search::documents::resource_doc;
use crate::core::search::{IndexBuilder, SearchIndex};

/// The longest a slice of the build runs before it lets the browser do other work: well
/// under the 50 ms of a long task, leaving room for the slice that finishes the index.
pub const SLICE_MS: f64 = 8.0;

/// Where the build is.
enum Build {
    /// Nobody has asked for the index yet.
    NotStarted,
    /// Slices are being added between tasks.
    Building(Box<IndexBuilder>),
    /// The index is ready.
    Done(Arc<SearchIndex>),
}

/// The catalog's search index, built on first use (see the module documentation). Cheap to
/// clone: clones share the build.
#[derive(Clone)]
pub struct LazySearch {
    catalog: Arc<Catalog>,
    build: Arc<Mutex<Build>>,
    /// Notified when the index becomes ready, for the views waiting on [`LazySearch::get`].
    ready: ArcTrigger,
}

impl LazySearch {
    /// The search over `catalog`, not built yet.
    pub fn new(catalog: Arc<Catalog>) -> LazySearch {
        LazySearch {
            catalog,
            build: Arc::new(Mutex::new(Build::NotStarted)),
            ready: ArcTrigger::new(),
        }
    }

    fn state(&self) -> MutexGuard<'_, Build> {
        self.build.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The index if it is ready; in a reactive context, runs again once it is.
    pub fn get(&self) -> Option<Arc<SearchIndex>> {
        self.ready.track();
        match &*self.state() {
            Build::Done(index) => Some(index.clone()),
            _ => None,
        }
    }

    /// The index, built now if it is not ready: what slices are left run at once.
    pub fn now(&self) -> Arc<SearchIndex> {
        self.complete(&mut self.state())
    }

    /// Adds the catalog's next documents to `builder` while `more()` says so; true once every
    /// resource is in.
    fn fill(&self, builder: &mut IndexBuilder, mut more: impl FnMut() -> bool) -> bool {
        let resources = &self.catalog.data().resources;
        while builder.len() < resources.len() && more() {
            builder.add(resource_doc(&self.catalog, &resources[builder.len()]));
        }
        builder.len() == resources.len()
    }

    /// The index `state` holds, or the one it was building, finished now with every document
    /// left.
    fn complete(&self, state: &mut Build) -> Arc<SearchIndex> {
        let mut builder = match std::mem::replace(state, Build::NotStarted) {
            Build::Done(index) => {
                *state = Build::Done(index.clone());
                return index;
            }
            Build::Building(builder) => builder,
            Build::NotStarted => Box::default(),
        };
        self.fill(&mut builder, || true);
        let index = Arc::new(builder.finish());
        *state = Build::Done(index.clone());
        index
    }

    /// Starts building the index in slices, unless it is built or being built; returns at
    /// once. Views reading [`LazySearch::get`] update when it is ready.
    pub fn prepare(&self) {
        {
            let mut state = self.state();
            if !matches!(*state, Build::NotStarted) {
                return;
            }
            *state = Build::Building(Box::default());
        }
        #[cfg(target_arch = "wasm32")]
        wasm_bindgen_futures::spawn_local(self.clone().build_in_slices());
        #[cfg(not(target_arch = "wasm32"))]
        {
            self.now();
            self.ready.notify();
        }
    }

    /// Adds documents for up to [`SLICE_MS`], yields to the browser, and again, until the
    /// index is done (here, or by [`LazySearch::now`] in the meantime).
    #[cfg(target_arch = "wasm32")]
    async fn build_in_slices(self) {
        let clock = web_sys::window().and_then(|w| w.performance());
        let now_ms = move || clock.as_ref().map_or(0.0, |c| c.now());
        loop {
            next_task().await;
            let mut state = self.state();
            let Build::Building(builder) = &mut *state else { break };
            let until = now_ms() + SLICE_MS;
            if self.fill(builder, || now_ms() < until) {
                self.complete(&mut state);
                break;
            }
        }
        self.ready.notify();
    }
}

/// Resolves in a later task of the browser's event loop (a zero-delay timer), so that input,
/// rendering and other tasks run in between.
#[cfg(target_arch = "wasm32")]
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
