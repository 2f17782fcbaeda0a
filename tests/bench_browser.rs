//! `make bench` and `make bench-peers` (browser part): our search engine in headless Chromium,
//! beside other engines, and the first use of the site's search box at 10,000 resources.
//! Prints figures; asserts nothing about speed.
//!
//! **Engines.** One page (tests/bench/page) builds each engine's index over the same corpus
//! and times the same queries, one engine per page load, all in one browser session. The
//! page is cross-origin isolated, so `performance.now()` resolves to 5 µs rather than 100.
//! For each engine it prints the build time (fastest of three), query p50 and p95 (each query
//! timed alone, asking for 20 results), the memory the index keeps (a JavaScript engine's
//! heap growth after a forced garbage collection; ours, the bytes its wasm allocator keeps),
//! and how often the document a typo query was written for is in the top 3. Ours is the
//! release build of tests/bench/engine.rs; the peers are the pinned tools/peers packages.
//!
//! **First use.** The built site (`MHR_DIST`), its dataset replaced by one of 10,000
//! resources (the shipped twelve and synthetic ones), and as shipped: for each, cold loads
//! in a new browser profile; one key goes to the search box (which focuses it) in the same
//! task as the app becomes ready, soon after (WebDriver), or after a visitor's pause of a
//! second, and the page records the time from that key to the first suggestion, and every
//! main-thread task over 50 ms (the Long Tasks API) from the app being ready to the
//! suggestion. The index is built from the first idle moment after start-up, or from the
//! focus if that comes first. A fourth case is a returning visitor: the same profile loads
//! home a second time once the service worker holds the dataset, the key comes as the app
//! is ready, and the tasks are counted until 2 s after the suggestion, so that the dataset's
//! refresh past the worker (`refresh_cached_dataset`) is in.
//!
//! Usage, after `--` of `cargo test --release --test bench_browser`:
//!   [--sizes 1000,10000,100000] [--corpus FILE.json [--queries FILE.json]] [--peers]
//!   --engine DIR [--peers-dir DIR] [--first-use-loads N] [--first-use-sizes 1000,10000]
//!   [--no-engines] [--no-first-use]
//! The corpus and query files are those of `bench_search` (the native benchmark).

mod support;

#[path = "bench/cli.rs"]
mod cli;
#[path = "bench/synthetic.rs"]
mod synthetic;
use cli::{arg, flag, median};

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::{json, Value};
use support::{Browser, ServeOptions, StaticServer, TempDir, WAIT};
use synthetic::{corpus, parse_queries, queries, Query};

const SEED: u64 = 2026;
const QUERIES: usize = 400;

/// Chromium switches for the engine page: `gc()` for the memory figures, and heap sizes not
/// rounded (Chromium otherwise quantizes `performance.memory` for privacy).
const SWITCHES: [&str; 2] = ["--js-flags=--expose-gc", "--enable-precise-memory-info"];

fn copy(from: &Path, to: &Path) {
    if let Some(dir) = to.parent() {
        std::fs::create_dir_all(dir).expect("a folder in the bench's temporary folder");
    }
    std::fs::copy(from, to)
        .unwrap_or_else(|e| panic!("cannot copy {} for the bench: {e}", from.display()));
}

/// One engine's figures on one corpus, as the page returns them.
struct Run {
    label: String,
    build: f64,
    p50: f64,
    p95: f64,
    memory: f64,
    found: u64,
    expected: u64,
}

fn run_engine(browser: &Browser, server: &StaticServer, engine: &str, name: &str) -> Run {
    browser.goto(&server.url("/index.html"));
    browser.wait_until("window.benchReady === true", WAIT, "the bench page to load");
    let v = browser.execute_async(
        "const done = arguments[arguments.length - 1];
         window.bench(arguments[0], arguments[1], arguments[2])
           .then(done, (e) => done({ error: String(e && e.stack || e) }));",
        vec![json!(engine), json!(format!("/{name}.json")), json!(format!("/{name}.queries.json"))],
    );
    if let Some(e) = v["error"].as_str() {
        panic!("{engine} failed in the bench page: {e}");
    }
    assert_eq!(v["isolated"], true, "the bench page must be cross-origin isolated for its timer");
    assert_eq!(v["measurable"], true, "the bench page needs gc() and performance.memory");
    let f = |k: &str| v[k].as_f64().unwrap_or(f64::NAN);
    Run {
        label: v["label"].as_str().unwrap_or(engine).to_string(),
        build: f("build"),
        p50: f("p50"),
        p95: f("p95"),
        memory: f("memory"),
        found: v["found"].as_u64().unwrap_or(0),
        expected: v["expected"].as_u64().unwrap_or(0),
    }
}

/// The page's timer resolution when cross-origin isolated, in milliseconds.
const TIMER_MS: f64 = 0.005;

/// Ours ÷ theirs. A time at the timer's resolution may be anything below it, so a ratio to it
/// is a bound ("≥"), and one of two such times says nothing ("?").
fn ratio(ours: f64, theirs: f64) -> String {
    // Differences of two timer readings are not exact multiples of it: 0.005 may come as
    // 0.0050000001.
    let at_floor = |ms: f64| ms < TIMER_MS * 1.5;
    match (at_floor(ours), at_floor(theirs)) {
        (true, true) => "?".into(),
        (false, true) => format!("≥{:.2}×", ours / theirs),
        (true, false) => format!("≤{:.2}×", ours / theirs),
        (false, false) => format!("{:.2}×", ours / theirs),
    }
}

fn engines(peers: bool) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let engine = arg("--engine")
        .map(PathBuf::from)
        .expect("--engine DIR: our engine bound for JavaScript (`make bench-engine` writes it)");
    let stage = TempDir::new("bench-engines");
    for file in ["index.html", "bench.js"] {
        copy(&root.join("tests/bench/page").join(file), &stage.path().join(file));
    }
    for file in ["bench_engine.js", "bench_engine_bg.wasm"] {
        copy(&engine.join(file), &stage.path().join("engine").join(file));
    }
    let mut names = vec!["ours"];
    if peers {
        let modules =
            arg("--peers-dir").map(PathBuf::from).unwrap_or(root.join(".tools/peers/node_modules"));
        copy(
            &modules.join("minisearch/dist/es/index.js"),
            &stage.path().join("peers/minisearch.js"),
        );
        copy(
            &modules.join("flexsearch/dist/flexsearch.bundle.module.min.js"),
            &stage.path().join("peers/flexsearch.js"),
        );
        names.extend(["minisearch", "flexsearch"]);
    }

    // The corpora: the one given, or the synthetic ones at each size.
    let mut corpora: Vec<(String, String, Vec<Query>)> = Vec::new();
    if let Some(path) = arg("--corpus") {
        let text = std::fs::read_to_string(&path).expect("corpus file");
        let docs: Vec<synthetic::Doc> = serde_json::from_str(&text).expect("corpus JSON");
        let qs = match arg("--queries") {
            Some(q) => parse_queries(&std::fs::read_to_string(q).expect("queries file"))
                .expect("queries JSON: an array of strings or of {query, kind, expect}"),
            None => queries(SEED, &docs, QUERIES),
        };
        corpora.push((format!("{path} ({} docs)", docs.len()), text, qs));
    } else {
        let sizes: Vec<usize> = arg("--sizes")
            .unwrap_or_else(|| "1000,10000,100000".into())
            .split(',')
            .filter_map(|s| s.trim().parse().ok())
            .collect();
        for n in sizes {
            let docs = corpus(SEED, n);
            let qs = queries(SEED, &docs, QUERIES);
            corpora.push((format!("{n} resources"), serde_json::to_string(&docs).unwrap(), qs));
        }
    }
    for (i, (_, text, qs)) in corpora.iter().enumerate() {
        std::fs::write(stage.path().join(format!("c{i}.json")), text).unwrap();
        std::fs::write(
            stage.path().join(format!("c{i}.queries.json")),
            serde_json::to_string(qs).unwrap(),
        )
        .unwrap();
    }

    let opts = ServeOptions::default()
        .with_header("Cross-Origin-Opener-Policy", "same-origin")
        .with_header("Cross-Origin-Embedder-Policy", "require-corp");
    let server = StaticServer::start(stage.path(), opts);
    let browser = Browser::launch_fresh_with(1280, 900, &SWITCHES);
    browser.allow_scripts(Duration::from_secs(600));
    println!(
        "search engines in Chromium, one session: {} queries per corpus (exact, prefix, typo, multi-term), 20 results each",
        corpora.first().map_or(0, |c| c.2.len())
    );
    println!(
        "{:<24} {:<42} {:>10} {:>9} {:>9} {:>10} {:>13}",
        "corpus", "engine", "build ms", "p50 ms", "p95 ms", "memory MB", "typo in top 3"
    );
    for (i, (label, _, _)) in corpora.iter().enumerate() {
        let runs: Vec<Run> =
            names.iter().map(|e| run_engine(&browser, &server, e, &format!("c{i}"))).collect();
        for r in &runs {
            let typo = if r.expected > 0 {
                format!(
                    "{}/{} ({:.0}%)",
                    r.found,
                    r.expected,
                    100.0 * r.found as f64 / r.expected as f64
                )
            } else {
                "-".into()
            };
            println!(
                "{label:<24} {:<42} {:>10.1} {:>9.3} {:>9.3} {:>10.1} {:>13}",
                r.label,
                r.build,
                r.p50,
                r.p95,
                r.memory / 1e6,
                typo
            );
        }
        let ours = &runs[0];
        for r in &runs[1..] {
            println!(
                "{label:<24} ours ÷ {:<35} build {}  p50 {}  p95 {}  memory {:.2}×",
                r.label.split(" (").next().unwrap_or(&r.label),
                ratio(ours.build, r.build),
                ratio(ours.p50, r.p50),
                ratio(ours.p95, r.p95),
                ours.memory / r.memory
            );
        }
    }
}

/// The shipped dataset with synthetic resources added up to `n`: each in a shipped section,
/// with two to four shipped tags, no link and a note saying why. Checked by the app's own
/// validation, so a change of rules shows here rather than as an app that never starts.
fn dataset_of(shipped: &str, n: usize) -> (String, String) {
    let mut d: Value = serde_json::from_str(shipped).expect("the shipped dataset is JSON");
    let ids = |key: &str| -> Vec<String> {
        d[key]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v["id"].as_str())
            .map(String::from)
            .collect()
    };
    let (sections, tags) = (ids("sections"), ids("tags"));
    let resources = d["resources"].as_array_mut().expect("resources");
    let docs = corpus(SEED, n.saturating_sub(resources.len()));
    let mut rng = synthetic::Rng::new(SEED);
    for (i, doc) in docs.iter().enumerate() {
        let mut picked: Vec<&String> =
            (0..rng.range(2, 4)).map(|_| &tags[rng.below(tags.len())]).collect();
        picked.sort();
        picked.dedup();
        resources.push(json!({
            "id": format!("synthetic-{i}"),
            "title": doc.title,
            "section": sections[i % sections.len()],
            "summary": format!("{}.", doc.summary),
            "publisher": doc.publisher,
            "tags": picked,
            "links": [],
            "link_note": "A synthetic resource, made for the benchmark.",
        }));
    }
    let text = serde_json::to_string(&d).unwrap();
    if let Err(e) = mhr::core::load::load(&text) {
        panic!("the benchmark's dataset of {n} resources does not load: {e}");
    }
    // A key that matches at once: the first letter of the first synthetic title.
    let key = docs.first().and_then(|d| d.title.chars().next()).unwrap_or('h');
    (text, key.to_lowercase().to_string())
}

/// Recorded in every document before its scripts run: the moment the app is ready (its
/// `<body data-mhr-ready>`), the first key, the first suggestion, and the long tasks. When
/// `window.__typeAtReady` is set (see [`Typing::AtReady`]), the box is focused and that text
/// typed in the same task as the app becomes ready.
const WATCH: &str = "window.__fu = { tasks: [], key: 0, shown: 0, start: 0 };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__fu.tasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
    // What each frame over 50 ms spent its time on (Chromium's Long Animation Frames API):
    // the scripts it ran, by what called them, and its style and layout.
    window.__fu.frames = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.duration > 50) window.__fu.frames.push({
          start: e.startTime, duration: e.duration,
          layout: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
          scripts: e.scripts.map((s) => `${s.invoker || s.invokerType} ${(s.sourceURL || '').split('/').pop()} ${s.sourceFunctionName || ''} ${Math.round(s.duration)} ms`),
        });
      }).observe({ type: 'long-animation-frame', buffered: true });
    } catch (e) {}
    document.addEventListener('keydown', () => {
      if (!window.__fu.key) { window.__fu.key = performance.now(); }
    }, { capture: true });
    new MutationObserver(() => {
      const f = window.__fu;
      if (!f.start && document.body && document.body.hasAttribute('data-mhr-ready')) {
        f.start = performance.now();
        const box = document.querySelector('#site-search');
        if (window.__typeAtReady && box) {
          box.focus();
          box.value = window.__typeAtReady;
          f.key = performance.now();
          box.dispatchEvent(new Event('input', { bubbles: true }));
        }
      }
      if (f.key && !f.shown
          && document.querySelector('#search-suggestions:not([hidden]) [role=option]')) {
        f.shown = performance.now();
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });";

/// When the first key comes.
#[derive(Clone, Copy)]
enum Typing {
    /// In the same task as the app becomes ready (a script types it): before any idle time,
    /// so the index is built from the focus, in slices.
    AtReady,
    /// Through WebDriver as soon as the harness sees the app ready (its round trips take
    /// 0.2 to 0.4 s here, more while the page is busy).
    Soon,
    /// Through WebDriver after a visitor's pause of [`PAUSE_MS`].
    AfterPause,
    /// As [`Typing::AtReady`], on a second load of home in the same profile, once the
    /// service worker holds the dataset: a returning visitor.
    Returning,
}

impl Typing {
    fn label(self) -> String {
        match self {
            Typing::AtReady => "at ready".into(),
            Typing::Soon => "soon after".into(),
            Typing::AfterPause => format!("{PAUSE_MS} ms later"),
            Typing::Returning => "returning".into(),
        }
    }
}

/// Reads the figures two frames after the suggestion, so that tasks running then are in;
/// with `arguments[0]` (milliseconds) it waits that long after the suggestion on the page's
/// own timer, and counts the tasks until then rather than until the suggestion.
const READ: &str = "const done = arguments[arguments.length - 1];
    const linger = arguments[0];
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
      const f = window.__fu;
      const end = linger ? performance.now() : f.shown;
      const after = f.tasks.filter(([t]) => t >= f.start && t < end).map(([, d]) => d);
      const before = f.tasks.filter(([t]) => t < f.start).map(([, d]) => d);
      const frames = f.frames.filter((x) => x.start + x.duration > f.start && x.start < end)
        .map((x) => `frame at ${Math.round(x.start - f.start)} ms from ready, ${Math.round(x.duration)} ms (style and layout ${Math.round(x.layout)} ms): ${x.scripts.join('; ') || 'no script'}`);
      done({ toSuggestion: f.shown - f.key, keyAt: f.key - f.start, longest: Math.max(0, ...after), over50: after.length,
             longestAtStart: Math.max(0, ...before), frames });
    }, linger)));";

struct FirstUse {
    /// When the key came, after the app was seen to be ready.
    key_at: f64,
    to_suggestion: f64,
    longest: f64,
    over50: f64,
    longest_at_start: f64,
    /// Each frame over 50 ms from ready to the end of the count, with what it spent its time
    /// on.
    frames: Vec<String>,
}

/// The visitor's pause between the app being ready and the first key, in the second
/// scenario: long enough to read the page's heading.
const PAUSE_MS: u64 = 1000;

/// How long a returning visit's tasks are counted after its first suggestion.
const LINGER_MS: u64 = 2000;

/// Waits until the service worker controls the page and holds the dataset.
const WORKER_HOLDS_DATASET: &str = "const done = arguments[arguments.length - 1];
    (async () => {
      await navigator.serviceWorker.ready;
      const url = new URL('data/dataset.json', document.baseURI).href;
      while (!navigator.serviceWorker.controller || !(await caches.match(url))) {
        await new Promise((r) => setTimeout(r, 50));
      }
      done(true);
    })();";

fn first_use_once(server: &StaticServer, key: &str, typing: Typing) -> FirstUse {
    let browser = Browser::launch_fresh(1280, 900);
    let returning = matches!(typing, Typing::Returning);
    let at_ready = matches!(typing, Typing::AtReady).then_some(key);
    browser.on_every_document(&format!("window.__typeAtReady = {};\n{WATCH}", json!(at_ready)));
    browser.goto(&server.site_url(""));
    if returning {
        browser.wait_until("document.body.hasAttribute('data-mhr-ready')", WAIT * 3, "first visit");
        browser.execute_async(WORKER_HOLDS_DATASET, vec![]);
        browser.on_every_document(&format!("window.__typeAtReady = {};", json!(key)));
        browser.goto(&server.site_url(""));
    }
    browser.wait_until(
        "document.body.hasAttribute('data-mhr-ready') && document.querySelector('#site-search')",
        WAIT * 3,
        "the app to be ready with its search box",
    );
    if matches!(typing, Typing::AfterPause) {
        // A visitor reading before typing: the page's own timer, not the harness's.
        browser.execute_async(
            "const done = arguments[arguments.length - 1]; setTimeout(done, arguments[0]);",
            vec![json!(PAUSE_MS)],
        );
    }
    if !matches!(typing, Typing::AtReady | Typing::Returning) {
        // WebDriver's send-keys focuses the box first, then types.
        browser.find("#site-search").expect("the search box").send_keys(key);
    }
    browser.wait_until("window.__fu.shown > 0", WAIT * 3, "the first suggestion");
    let linger = if returning { LINGER_MS } else { 0 };
    let v = browser.execute_async(READ, vec![json!(linger)]);
    let f = |k: &str| v[k].as_f64().unwrap_or(f64::NAN);
    FirstUse {
        key_at: f("keyAt"),
        to_suggestion: f("toSuggestion"),
        longest: f("longest"),
        over50: f("over50"),
        longest_at_start: f("longestAtStart"),
        frames: v["frames"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|f| f.as_str().map(String::from))
            .collect(),
    }
}

fn first_use() {
    let dist = support::dist_dir();
    let loads: usize = arg("--first-use-loads").and_then(|n| n.parse().ok()).unwrap_or(5).max(1);
    let shipped =
        std::fs::read_to_string(dist.join("data/dataset.json")).expect("the built dataset");
    // The app refuses a dataset over 10 MB (core::load::MAX_DATASET_BYTES): 10,000 synthetic
    // resources are about 6 MB, so 100,000 cannot be loaded at all.
    let sizes: Vec<usize> = arg("--first-use-sizes")
        .unwrap_or_else(|| "1000,10000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    println!(
        "first use of the search box, home, loopback: median (and worst) of {loads} cold loads, each in a new profile"
    );
    println!(
        "{:<22} {:<14} {:>16} {:>22} {:>26} {:>14} {:>26}",
        "dataset",
        "first key",
        "key at ms",
        "key to suggestion ms",
        "longest task from ready",
        "tasks > 50 ms",
        "longest task at start ms"
    );
    let mut cases = vec![("as shipped".to_string(), None, "h".to_string())];
    for n in sizes {
        let (body, key) = dataset_of(&shipped, n);
        cases.push((format!("{n} resources"), Some(body), key));
    }
    let typings = [Typing::AtReady, Typing::Soon, Typing::AfterPause, Typing::Returning];
    for ((label, body, key), typing) in
        cases.iter().flat_map(|c| typings.map(move |typing| (c, typing)))
    {
        let mut opts = ServeOptions::default();
        if let Some(body) = &body {
            opts =
                opts.with_override("/data/dataset.json", 200, "application/json", body.as_bytes());
        }
        let server = StaticServer::start(&dist, opts);
        let runs: Vec<FirstUse> =
            (0..loads).map(|_| first_use_once(&server, key, typing)).collect();
        let pick = |f: fn(&FirstUse) -> f64| {
            let v: Vec<f64> = runs.iter().map(f).collect();
            let worst = v.iter().copied().fold(f64::MIN, f64::max);
            format!("{:.0} ({:.0})", median(v), worst)
        };
        let when = typing.label();
        println!(
            "{label:<22} {when:<14} {:>16} {:>22} {:>26} {:>14} {:>26}",
            pick(|r| r.key_at),
            pick(|r| r.to_suggestion),
            pick(|r| r.longest),
            pick(|r| r.over50),
            pick(|r| r.longest_at_start)
        );
        // Where a load had a task over 50 ms, what its long frames ran.
        for (i, run) in runs.iter().enumerate().filter(|(_, r)| r.over50 > 0.0) {
            for frame in &run.frames {
                println!("    load {}: {frame}", i + 1);
            }
        }
    }
}

fn main() {
    if !flag("--no-engines") {
        engines(flag("--peers"));
    }
    if !flag("--no-first-use") {
        first_use();
    }
}
