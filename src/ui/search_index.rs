//! The search index, built after the app has started (when the browser is first idle, or
//! when search is first used if that comes sooner) rather than as it starts, and built in
//! slices between the browser's tasks so that no slice holds the page up.
//!
//! At 10,000 resources one build of the index takes over 100 ms of wasm on the main thread;
//! done at start it delayed every view, and done at once it would freeze the page for that
//! long (a "long task": the browser counts any task over 50 ms as one). The site's app asks
//! for the index once the browser is idle after start-up ([`LazySearch::prepare_when_idle`])
//! and the search box when it is focused ([`LazySearch::prepare`]): documents are added, then
//! the index finished, for at most [`SLICE_MS`] at a time, with a new task between slices,
//! and the suggestions appear when the last slice is done. A view that needs results to show
//! anything at all (the results of a query in the address) takes the index at once
//! ([`LazySearch::now`]),
//! finishing whatever slices are left, as the page cannot say anything truthful without it.
//!
//! The engine's code, with the suggestions' view, may be elsewhere ([`SearchCode`]): the
//! site's and the widget's binaries split it into the chunk `search`, downloaded when the index
//! is first asked for (the site's header box is in it too). If it cannot be downloaded, the
//! box says so ([`LazySearch::failed`]) and tries again when next focused
//! ([`LazySearch::retry`]); Enter still leads to the results page, whose own chunk holds the
//! engine. A download still going after [`ENGINE_WAIT_MS`] counts as failed for the box; if
//! the chunk arrives after all, the index is built and the suggestions appear. The loader
//! keeps one download per chunk until it ends, so a focus after a stall waits on that same
//! download; after an error it downloads again.
//!
//! Rendered natively (the pages written at build time), there are no tasks to share:
//! preparing builds at once.

use std::sync::{Arc, Mutex, MutexGuard};

use leptos::prelude::*;

use super::components::suggestions::Suggestions;
use super::deferred::Code;
use crate::core::catalog::Catalog;
use crate::core::search::{
    Engine, IndexBuilder, QueryOptions, SearchIndex, SearchResults, Segment,
};

/// Where the search's code is, as the binary supplies it: the engine, and the view of the
/// search box's suggestions, which shows only what the engine found. Each linked in (the pages
/// written at build time, [`SearchCode::linked`]; a binary that splits them out never names
/// [`Engine::linked`] or [`Suggestions::linked`] in code its main module reaches), or in the
/// chunk `search`, downloaded when the index is first asked for.
#[derive(Clone, Copy)]
pub struct SearchCode {
    /// Builds the index and runs queries.
    pub engine: Code<Engine>,
    /// The search box's options and status line ([`crate::ui::components::suggestions`]).
    pub suggestions: Code<Suggestions>,
}

impl SearchCode {
    /// Both linked into whichever module calls this.
    pub fn linked() -> SearchCode {
        SearchCode {
            engine: Code::Linked(Engine::linked()),
            suggestions: Code::Linked(Suggestions::linked()),
        }
    }
}

/// A built index with the engine that reads it.
#[derive(Clone)]
pub struct Searcher {
    index: Arc<SearchIndex>,
    engine: Engine,
}

impl Searcher {
    /// Runs `query` (see [`SearchIndex::search`]).
    pub fn search(&self, query: &str, options: QueryOptions) -> SearchResults {
        (self.engine.search)(&self.index, query, options)
    }

    /// `text` with the words that match `terms` (a query's, [`SearchResults::highlight`])
    /// marked, by the engine (see [`Engine::highlight`]).
    pub fn highlight(&self, terms: &[String], text: &str) -> Vec<Segment> {
        (self.engine.highlight)(terms, text)
    }

    /// The index itself, for code that links the engine in anyway.
    pub fn index(&self) -> &SearchIndex {
        &self.index
    }

    /// How many documents the index holds.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// Whether the index holds no document.
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }
}

/// The longest a slice of the build runs before it lets the browser do other work: well
/// under the 50 ms of a long task, leaving room for the slice that finishes the index.
pub const SLICE_MS: f64 = 8.0;

/// How long the chunk `search` (50 KB) may take to come before the box, or the form standing
/// in for it, says it could not: about a second on a slow mobile link; this is a stall.
pub const ENGINE_WAIT_MS: i32 = 5_000;

/// Where the build is.
enum Build {
    /// Nobody has asked for the index yet, or the engine's code could not be downloaded (or
    /// had not come after [`ENGINE_WAIT_MS`]).
    NotStarted { failed: bool },
    /// The engine's code is downloading, for the attempt numbered here: a timer or an error
    /// of an earlier attempt must not fail a later one (natively nothing downloads).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    Loading(u32),
    /// Slices are being added between tasks (in the browser: natively, preparing builds at
    /// once).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    Building(Box<IndexBuilder>, Engine),
    /// The index is ready.
    Done(Searcher),
}

/// Where the suggestions' view is, when it is in a chunk (natively it never is).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
enum Shown {
    /// Not asked for yet, or its chunk could not be downloaded.
    Absent { failed: bool },
    /// Downloading.
    Loading,
    /// Here.
    Ready(Suggestions),
}

/// The catalog's search index, built on first use (see the module documentation). Cheap to
/// clone: clones share the build.
#[derive(Clone)]
pub struct LazySearch {
    catalog: Arc<Catalog>,
    /// Read when the build starts in the browser; natively the engine is always linked.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    code: SearchCode,
    build: Arc<Mutex<Build>>,
    /// The suggestions' view, when its code is in a chunk: downloaded with the engine's.
    shown: Arc<Mutex<Shown>>,
    /// Attempts to download the engine so far, to number each.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    attempts: Arc<std::sync::atomic::AtomicU32>,
    /// Notified when the index becomes ready or its code fails to download, for the views
    /// waiting on [`LazySearch::get`] and [`LazySearch::failed`].
    changed: ArcTrigger,
}

impl LazySearch {
    /// The search over `catalog`, with the engine where `code` says; not built yet.
    pub fn new(catalog: Arc<Catalog>, code: SearchCode) -> LazySearch {
        LazySearch {
            catalog,
            code,
            build: Arc::new(Mutex::new(Build::NotStarted { failed: false })),
            shown: Arc::new(Mutex::new(Shown::Absent { failed: false })),
            attempts: Arc::default(),
            changed: ArcTrigger::new(),
        }
    }

    fn state(&self) -> MutexGuard<'_, Build> {
        self.build.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The index if it is ready; in a reactive context, runs again once it is.
    pub fn get(&self) -> Option<Searcher> {
        self.changed.track();
        match &*self.state() {
            Build::Done(searcher) => Some(searcher.clone()),
            _ => None,
        }
    }

    fn shown(&self) -> MutexGuard<'_, Shown> {
        self.shown.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The view of the search box's suggestions once its code is here (asking for the index
    /// downloads it, [`LazySearch::prepare`]); in a reactive context, runs again when it comes.
    pub fn suggestions(&self) -> Option<Suggestions> {
        self.changed.track();
        match self.code.suggestions {
            Code::Linked(suggestions) => Some(suggestions),
            Code::Split(_) => match *self.shown() {
                Shown::Ready(suggestions) => Some(suggestions),
                _ => None,
            },
        }
    }

    /// Whether the engine's or the suggestions' code could not be downloaded the last time
    /// search was used; in a reactive context, runs again when that changes.
    pub fn failed(&self) -> bool {
        self.changed.track();
        matches!(*self.state(), Build::NotStarted { failed: true })
            || matches!(*self.shown(), Shown::Absent { failed: true })
    }

    /// The index, built now if it is not ready: what slices are left run at once, with
    /// `engine` (a view that cannot show anything without results links the engine in:
    /// [`Engine::linked`]).
    pub fn now(&self, engine: Engine) -> Searcher {
        let (searcher, built_now) = {
            let mut state = self.state();
            let built_now = !matches!(*state, Build::Done(_));
            (self.complete(&mut state, engine), built_now)
        };
        // Views waiting on `get` (the search box) learn of it; the slices, if any were
        // under way, stop at their next turn.
        if built_now {
            self.changed.notify();
        }
        searcher
    }

    /// Adds the catalog's next documents to `builder` while `more()` says so; true once every
    /// resource is in.
    fn fill(
        &self,
        builder: &mut IndexBuilder,
        engine: Engine,
        mut more: impl FnMut() -> bool,
    ) -> bool {
        let resources = &self.catalog.data().resources;
        while builder.len() < resources.len() && more() {
            (engine.add)(builder, &self.catalog, &resources[builder.len()]);
        }
        builder.len() == resources.len()
    }

    /// The index `state` holds, or the one it was building, finished now with every document
    /// left.
    fn complete(&self, state: &mut Build, engine: Engine) -> Searcher {
        let (mut builder, engine) = match std::mem::replace(state, Build::Loading(0)) {
            Build::Done(searcher) => {
                *state = Build::Done(searcher.clone());
                return searcher;
            }
            Build::Building(builder, engine) => (builder, engine),
            Build::NotStarted { .. } | Build::Loading(_) => (Box::default(), engine),
        };
        self.fill(&mut builder, engine, || true);
        let searcher = Searcher { index: Arc::new((engine.finish)(*builder)), engine };
        *state = Build::Done(searcher.clone());
        searcher
    }

    /// Starts building the index in slices, unless it is built or being built or its engine
    /// failed to download (see [`LazySearch::retry`]), downloading the engine first if it is
    /// in a chunk; returns at once. Views reading [`LazySearch::get`] update when it is
    /// ready.
    pub fn prepare(&self) {
        self.start(false);
    }

    /// [`LazySearch::prepare`], and after a failed download, tries again: the search box's
    /// focus, so that a visitor typing offline is not shown the note coming and going with
    /// every key.
    pub fn retry(&self) {
        self.start(true);
    }

    fn start(&self, after_failure: bool) {
        #[cfg(target_arch = "wasm32")]
        self.fetch_suggestions(after_failure);
        let (retry, attempt) = {
            let mut state = self.state();
            let Build::NotStarted { failed } = *state else { return };
            if failed && !after_failure {
                return;
            }
            let attempt = self.attempts.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            *state = Build::Loading(attempt);
            (failed, attempt)
        };
        if retry {
            self.changed.notify(); // no longer failed: the message goes while it tries again
        }
        #[cfg(target_arch = "wasm32")]
        wasm_bindgen_futures::spawn_local(self.clone().build_in_slices(attempt));
        #[cfg(not(target_arch = "wasm32"))]
        {
            let _ = attempt; // natively the engine is linked: nothing to wait for
            self.now(Engine::linked());
        }
    }

    /// Starts preparing (see [`LazySearch::prepare`]) when the browser is next idle, so that
    /// the index is usually ready before the visitor's first key; where the browser has no
    /// `requestIdleCallback`, the first use of the box starts it, as before. The site's app
    /// calls this once it has taken the page over.
    #[cfg(target_arch = "wasm32")]
    pub fn prepare_when_idle(&self) {
        let this = self.clone();
        super::timers::when_idle(move || this.prepare(), None, None);
    }

    /// Downloads the engine if it is in a chunk, then adds documents (and then finishes the
    /// index) for up to [`SLICE_MS`], yields to the browser, and again, until the index is
    /// done (here, or by [`LazySearch::now`] in the meantime).
    #[cfg(target_arch = "wasm32")]
    async fn build_in_slices(self, attempt: u32) {
        let engine = match self.code.engine {
            Code::Linked(engine) => Ok(engine),
            Code::Split(load) => {
                // A timer's callback rather than a task awaiting one: 1.5 KB less of brotli in
                // the main module.
                let this = self.clone();
                super::timers::after(ENGINE_WAIT_MS, move || this.give_up_loading(attempt));
                load().await
            }
        };
        let engine = match engine {
            Ok(engine) => engine,
            Err(_) => {
                self.give_up_loading(attempt);
                return;
            }
        };
        {
            let mut state = self.state();
            // Loading, or given up on as stalled: the engine has come after all.
            if !matches!(*state, Build::Loading(_) | Build::NotStarted { .. }) {
                return; // built at once, or being built by a retry, meanwhile
            }
            *state = Build::Building(Box::default(), engine);
        }
        let clock = web_sys::window().and_then(|w| w.performance());
        let now_ms = move || clock.as_ref().map_or(0.0, |c| c.now());
        loop {
            super::timers::next_task().await;
            let mut state = self.state();
            let Build::Building(builder, engine) = &mut *state else { break };
            let until = now_ms() + SLICE_MS;
            let engine = *engine;
            let mut more = || now_ms() < until;
            // Finishing the index goes in slices too: at 10,000 resources it is about a tenth
            // of the build, and done in the slice that added the last documents it made that
            // task overrun (a 57 ms frame, "Scheduler.yield.then", in one load of ten).
            if self.fill(builder, engine, &mut more) && (engine.finish_some)(builder, &mut more) {
                self.complete(&mut state, engine);
                break;
            }
        }
        self.changed.notify();
    }
}

#[cfg(target_arch = "wasm32")]
impl LazySearch {
    /// Downloads the suggestions' view if it is in a chunk and not here, unless it failed before
    /// and this is not a retry ([`LazySearch::retry`]): with the engine's, in one download; on
    /// the results page, which links the engine in, for the suggestions alone.
    fn fetch_suggestions(&self, after_failure: bool) {
        let Code::Split(download) = self.code.suggestions else { return };
        let retry = {
            let mut shown = self.shown();
            let Shown::Absent { failed } = *shown else { return };
            if failed && !after_failure {
                return;
            }
            *shown = Shown::Loading;
            failed
        };
        if retry {
            self.changed.notify(); // no longer failed: the message goes while it tries again
        }
        let this = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let next = match download().await {
                Ok(suggestions) => Shown::Ready(suggestions),
                Err(_) => Shown::Absent { failed: true },
            };
            *this.shown() = next;
            this.changed.notify();
        });
    }

    /// The engine's code is not there for `attempt`: while that attempt is the one still
    /// awaited, the box is told it failed.
    fn give_up_loading(&self, attempt: u32) {
        let mut state = self.state();
        if matches!(*state, Build::Loading(a) if a == attempt) {
            *state = Build::NotStarted { failed: true };
            drop(state);
            self.changed.notify();
        }
    }
}
