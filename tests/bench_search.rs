//! `make bench` (native part): search index build time, memory and query latency over seeded
//! synthetic corpora of 1,000, 10,000 and 100,000 resources, or over an external corpus.
//!
//! Usage (after `--` of `cargo test --release --test bench_search`):
//!   [--sizes 1000,10000,100000] [--corpus FILE.json] [--queries FILE.json] [--export DIR]
//! An external corpus is a JSON array of {id, title, summary, publisher, tags: [..]}; a query
//! list is a JSON array of strings, or of {query, kind, expect} objects where `expect` names
//! the id of the document meant (its share in the top 3 is reported). `--export DIR` writes
//! the synthetic corpora and query mix as such files, so other engines can be measured on
//! exactly the same work (`make bench-peers` does, in Chromium).

#[path = "bench/cli.rs"]
mod cli;
#[path = "bench/synthetic.rs"]
mod synthetic;
use cli::arg;

use std::time::Instant;

use mhr::core::search::{QueryOptions, SearchIndex};
use synthetic::{
    browse_index, corpus, index_builder, parse_queries, percentiles, queries, toggle_states, Doc,
    Query,
};

const SEED: u64 = 2026;
const QUERIES: usize = 400;

fn run(label: &str, docs: &[Doc], queries: &[Query]) {
    // Build three times and keep the fastest: the first run also pays for page faults.
    // Finishing is timed on its own, with its longest step: the app finishes the index in
    // slices too, checking the time between steps, so a step is what a slice can overrun by.
    let (mut build_ms, mut finish_ms, mut step_ms) = (f64::MAX, f64::MAX, f64::MAX);
    let mut index = SearchIndex::default();
    for _ in 0..3 {
        let t = Instant::now();
        let mut builder = index_builder(docs);
        let added = Instant::now();
        let (mut last, mut longest) = (added, 0f64);
        let done = builder.finish_some(&mut || {
            longest = longest.max(last.elapsed().as_secs_f64() * 1e3);
            last = Instant::now();
            true
        });
        assert!(done, "finishing stopped while told to go on");
        longest = longest.max(last.elapsed().as_secs_f64() * 1e3);
        index = builder.finish();
        build_ms = build_ms.min(t.elapsed().as_secs_f64() * 1e3);
        finish_ms = finish_ms.min(added.elapsed().as_secs_f64() * 1e3);
        step_ms = step_ms.min(longest);
    }
    // Warm up, then time each query as a visitor's keystroke would run it.
    for q in queries.iter().take(20) {
        std::hint::black_box(index.search(&q.query, QueryOptions::default()));
    }
    let mut all = Vec::new();
    let mut by_kind: Vec<(&str, Vec<f64>)> = Vec::new();
    let (mut expected, mut found) = (0, 0);
    for q in queries {
        let kind = q.kind.as_str();
        let t = Instant::now();
        let r = std::hint::black_box(index.search(&q.query, QueryOptions::default()));
        let ms = t.elapsed().as_secs_f64() * 1e3;
        if let Some(id) = &q.expect {
            expected += 1;
            found += r.hits.iter().take(3).any(|h| &docs[h.doc as usize].id == id) as usize;
        }
        all.push(ms);
        match by_kind.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, v)) => v.push(ms),
            None => by_kind.push((kind, vec![ms])),
        }
    }
    let (p50, p95) = percentiles(all);
    println!(
        "{label:<22} build {build_ms:>8.1} ms (finishing {finish_ms:>5.1}, longest step {step_ms:>4.2})  memory {:>7.1} MB  terms {:>7}  query p50 {p50:>6.3} ms  p95 {p95:>6.3} ms",
        index.memory_bytes() as f64 / 1e6,
        index.term_count()
    );
    for (kind, v) in by_kind {
        let (p50, p95) = percentiles(v);
        println!("{:<22}   {kind:<7} p50 {p50:>6.3} ms  p95 {p95:>6.3} ms", "");
    }
    if expected > 0 {
        println!("{:<22}   meant document in the top 3: {found} of {expected} queries", "");
    }
    bench_filters(docs, &index, queries);
}

/// Filtering: after each toggle, recompute the ordered results and every option's count,
/// without a search and within a search's hits.
fn bench_filters(docs: &[Doc], index: &SearchIndex, queries: &[Query]) {
    let browse = browse_index(docs);
    let states = toggle_states(SEED, &browse, QUERIES);
    let all = QueryOptions { limit: index.len(), prefix_last: true };
    let mut plain = Vec::new();
    let mut searched = Vec::new();
    for (i, state) in states.iter().enumerate() {
        let t = Instant::now();
        std::hint::black_box(browse.run(state, &[], None));
        plain.push(t.elapsed().as_secs_f64() * 1e3);
        let hits = index.search(&queries[i % queries.len()].query, all);
        let t = Instant::now();
        std::hint::black_box(browse.run(state, &[], Some(&hits)));
        searched.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let (p50, p95) = percentiles(plain);
    let (s50, s95) = percentiles(searched);
    println!(
        "{:<22}   filter toggle ({} options): p50 {p50:.3} ms  p95 {p95:.3} ms; within a search: p50 {s50:.3} ms  p95 {s95:.3} ms",
        "",
        browse.facets.options().len()
    );
}

fn main() {
    if let Some(path) = arg("--corpus") {
        let docs: Vec<Doc> =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("corpus file"))
                .expect("corpus JSON");
        let qs = match arg("--queries") {
            Some(q) => parse_queries(&std::fs::read_to_string(q).expect("queries file"))
                .expect("queries JSON: an array of strings or of {query, kind, expect}"),
            None => queries(SEED, &docs, QUERIES),
        };
        run(&format!("{} ({} docs)", path, docs.len()), &docs, &qs);
        return;
    }
    let sizes: Vec<usize> = arg("--sizes")
        .unwrap_or_else(|| "1000,10000,100000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    println!("native search benchmark, seed {SEED}, {QUERIES} queries (exact, prefix, typo, multi-term in equal parts)");
    for n in sizes {
        let docs = corpus(SEED, n);
        let qs = queries(SEED, &docs, QUERIES);
        if let Some(dir) = arg("--export") {
            std::fs::create_dir_all(&dir).expect("export folder");
            std::fs::write(format!("{dir}/corpus-{n}.json"), serde_json::to_string(&docs).unwrap())
                .unwrap();
            std::fs::write(format!("{dir}/queries-{n}.json"), serde_json::to_string(&qs).unwrap())
                .unwrap();
        }
        run(&format!("{n} resources"), &docs, &qs);
    }
}
