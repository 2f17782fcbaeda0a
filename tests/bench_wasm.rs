//! `make bench` (browser part, filters): the filter benchmark of `bench_search`, compiled with
//! the release profile to wasm and run in headless Chromium by wasm-bindgen-test-runner: after
//! each of a visitor's toggles, the ordered results and every option's count. The search
//! engine's browser benchmark is `bench_browser`, which also takes other corpora and runs
//! other engines beside ours.
//! Timings use `performance.now()`, which Chromium rounds to 0.1 ms on a page that is not
//! cross-origin isolated (as this runner's is not); p50 and p95 below that are reported as
//! such.
#![cfg(target_arch = "wasm32")]

#[path = "bench/synthetic.rs"]
mod synthetic;

use synthetic::{browse_index, corpus, percentiles, toggle_states};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

#[wasm_bindgen_test]
fn filter_benchmark_in_chromium() {
    console_log!("wasm filter benchmark in Chromium, seed 2026, 400 toggles");
    for n in [1_000, 10_000, 100_000] {
        let docs = corpus(2026, n);
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
