//! `make bench` (browser part): the same search benchmark as `bench_search`, compiled with the
//! release profile to wasm and run in headless Chromium by wasm-bindgen-test-runner.
//! Timings use `performance.now()`, which Chromium rounds to 0.1 ms on a page that is not
//! cross-origin isolated; p50 and p95 below that are reported as such.
#![cfg(target_arch = "wasm32")]

#[path = "bench/synthetic.rs"]
mod synthetic;

use mhr::core::search::{QueryOptions, SearchDoc, SearchIndex};
use synthetic::{browse_index, corpus, percentiles, queries, toggle_states};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

#[wasm_bindgen_test]
fn search_benchmark_in_chromium() {
    console_log!("wasm search benchmark in Chromium, seed 2026, 400 queries (exact, prefix, typo, multi-term)");
    for n in [1_000, 10_000, 100_000] {
        let docs = corpus(2026, n);
        let qs = queries(2026, &docs, 400);
        let mut build_ms = f64::MAX;
        let mut index = SearchIndex::default();
        for _ in 0..3 {
            let t = now();
            index = SearchIndex::build(docs.iter().map(|d| SearchDoc {
                title: &d.title,
                summary: &d.summary,
                people: vec![d.publisher.as_str()],
                tags: d.tags.iter().map(String::as_str).collect(),
                labels: Vec::new(),
                aliases: Vec::new(),
            }));
            build_ms = build_ms.min(now() - t);
        }
        for (_, q) in qs.iter().take(20) {
            std::hint::black_box(index.search(q, QueryOptions::default()));
        }
        let times: Vec<f64> = qs
            .iter()
            .map(|(_, q)| {
                let t = now();
                std::hint::black_box(index.search(q, QueryOptions::default()).total);
                now() - t
            })
            .collect();
        let (p50, p95) = percentiles(times);
        console_log!(
            "{n:>7} resources  build {build_ms:>7.1} ms  memory {:>6.1} MB  query p50 {p50:.3} ms  p95 {p95:.3} ms",
            index.memory_bytes() as f64 / 1e6
        );
        let browse = browse_index(&docs);
        let toggles: Vec<f64> = toggle_states(2026, &browse, 400)
            .iter()
            .map(|s| {
                let t = now();
                std::hint::black_box(browse.run(s, &[], None).results.len());
                now() - t
            })
            .collect();
        let (p50, p95) = percentiles(toggles);
        console_log!("{n:>7} resources  filter toggle, results and all counts: p50 {p50:.3} ms  p95 {p95:.3} ms");
    }
}
