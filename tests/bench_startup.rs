//! `make bench` (start-up part): the time from navigation start to the home view showing the
//! dataset's content (the first area of expertise on screen), over cold loads of the release
//! build in headless Chromium on loopback. Each load is a fresh browser profile: empty HTTP
//! cache, no service worker. Prints the median with the spread; asserts nothing about speed.
//!
//! `cargo test --release --features e2e --test bench_startup -- [--loads N] [--latency MS]
//! [--mbps N]`: N loads (default 15); with `--latency`, Chromium adds MS to every request, and
//! with `--mbps` caps the download speed, to see start-up on a slower network than loopback.

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
    let option = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|n| n.parse().ok())
    };
    let loads = option("--loads").unwrap_or(15).max(10) as usize;
    let latency = option("--latency").unwrap_or(0);
    let bytes_per_s = option("--mbps").map_or(-1, |mbps| (mbps * 1_000_000 / 8) as i64);
    let server = StaticServer::start(support::dist_dir(), ServeOptions::default());
    let mut times = Vec::with_capacity(loads);
    for _ in 0..loads {
        let browser = Browser::launch(1280, 900);
        browser.on_every_document(MARK);
        if latency > 0 || bytes_per_s > 0 {
            browser.emulate_network(latency, bytes_per_s);
        }
        browser.goto(&server.url("/"));
        browser.wait_until("window.__contentAt > 0", WAIT, "the home view's content");
        let at = browser.execute("return window.__contentAt;", vec![]);
        times.push(at.as_f64().expect("a time in ms"));
    }
    times.sort_by(f64::total_cmp);
    let pick = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    let network = match (latency, bytes_per_s) {
        (0, -1) => "on loopback".to_string(),
        (ms, -1) => format!("on loopback plus {ms} ms a request"),
        (ms, bps) => {
            format!("on loopback plus {ms} ms a request, at {} Mbit/s", bps * 8 / 1_000_000)
        }
    };
    println!(
        "start-up, navigation start to home content, {loads} cold loads {network}: median {:.0} ms (min {:.0}, p90 {:.0}, max {:.0})",
        pick(0.5),
        times[0],
        pick(0.9),
        times[times.len() - 1]
    );
}
