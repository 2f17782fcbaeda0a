//! `make bench` (start-up part): the time from navigation start to the home view showing the
//! dataset's content (the first area of expertise on screen), over cold loads of the release
//! build in headless Chromium on loopback. Each load is a fresh browser profile: empty HTTP
//! cache, no service worker. Prints the median with the spread; asserts nothing about speed.
//!
//! `cargo test --release --features e2e --test bench_startup -- [--loads N]` (default 15).

mod support;

use support::{Browser, ServeOptions, StaticServer, WAIT};

/// Records, in the page, when the dataset's content first appears, before any script runs.
const MARK: &str = "new MutationObserver((_, observer) => {
    if (document.querySelector('.expertise')) {
        window.__contentAt = performance.now();
        observer.disconnect();
    }
}).observe(document, { childList: true, subtree: true });";

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let loads = args
        .iter()
        .position(|a| a == "--loads")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(15usize)
        .max(10);
    let server = StaticServer::start(support::dist_dir(), ServeOptions::default());
    let mut times = Vec::with_capacity(loads);
    for _ in 0..loads {
        let browser = Browser::launch(1280, 900);
        browser.on_every_document(MARK);
        browser.goto(&server.url("/"));
        browser.wait_until("window.__contentAt > 0", WAIT, "the home view's content");
        let at = browser.execute("return window.__contentAt;", vec![]);
        times.push(at.as_f64().expect("a time in ms"));
    }
    times.sort_by(f64::total_cmp);
    let pick = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    println!(
        "start-up, navigation start to home content, {loads} cold loads on loopback: median {:.0} ms (min {:.0}, p90 {:.0}, max {:.0})",
        pick(0.5),
        times[0],
        pick(0.9),
        times[times.len() - 1]
    );
}
