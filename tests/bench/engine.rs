//! Our search engine as a JavaScript module, for the browser benchmark (`tests/bench_browser.rs`)
//! to run beside other engines in one page: the release profile compiled to wasm, bound by
//! the wasm-bindgen CLI (`make bench` builds it into target/bench-engine). Not part of the
//! app.
//!
//! Memory is counted by a global allocator that keeps the number of live bytes: the index's
//! size is the bytes building it left allocated. That is the bytes asked for, not the
//! allocator's own overhead or free space between allocations, so it is a lower bound, where
//! a JavaScript engine's heap growth after a garbage collection includes its objects'
//! headers.
#![cfg(target_arch = "wasm32")]

#[path = "synthetic.rs"]
mod synthetic;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use mhr::core::search::{QueryOptions, SearchIndex};
use wasm_bindgen::prelude::*;

/// The system allocator, counting.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call goes to `System` with the caller's arguments unchanged; only the count
// is added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let moved = unsafe { System.realloc(ptr, layout, new_size) };
        if !moved.is_null() {
            LIVE.fetch_add(new_size, Ordering::Relaxed);
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        moved
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Bytes allocated and not yet freed.
#[wasm_bindgen(js_name = liveBytes)]
pub fn live_bytes() -> usize {
    LIVE.load(Ordering::Relaxed)
}

/// A corpus in the benchmark's JSON format, read into wasm memory before any timing.
#[wasm_bindgen]
pub struct Corpus {
    docs: Vec<synthetic::Doc>,
}

#[wasm_bindgen]
impl Corpus {
    #[wasm_bindgen(constructor)]
    pub fn new(json: &str) -> Result<Corpus, JsError> {
        Ok(Corpus { docs: serde_json::from_str(json)? })
    }
}

/// Our index over a corpus.
#[wasm_bindgen]
pub struct Engine {
    index: SearchIndex,
}

#[wasm_bindgen]
impl Engine {
    /// Builds the index as the site does (title, summary, publisher, tags).
    pub fn build(corpus: &Corpus) -> Engine {
        Engine { index: synthetic::build_index(&corpus.docs) }
    }

    /// The numbers (corpus positions) of the best `limit` documents for `query`, typed as in
    /// the search box (the last word may be a prefix).
    pub fn search(&self, query: &str, limit: usize) -> Vec<u32> {
        let options = QueryOptions { limit, prefix_last: true };
        self.index.search(query, options).hits.iter().map(|h| h.doc).collect()
    }
}
