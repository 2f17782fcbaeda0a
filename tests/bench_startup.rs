//! `make bench` (start-up part): how soon a page shows its content, and how soon the app is
//! ready, over cold loads of release builds in headless Chromium. Each load is a fresh
//! browser profile: empty HTTP cache, no service worker. Prints medians; asserts nothing
//! about speed.
//!
//! For each page and network profile it measures, as the median of N loads:
//! - FCP and LCP: the first and the largest contentful paint, as Chromium reports them, once
//!   the app is ready and the page has painted twice more;
//! - ready: when the app has taken the page over (`<body data-mhr-ready>`), or, for a build
//!   from before the pages were written at build time, when its content first appears;
//! - the bytes (brotli, as `make size` counts them) of what had downloaded by each: the page
//!   and every file the browser's resource timing lists as finished by then.
//!
//! The server compresses with gzip, as hosts do (Chromium asks plain-http hosts for gzip, not
//! brotli), so the throttled networks carry about what they would for a real visit.
//!
//! Profiles: `loopback`; `throttled` (100 ms added to every request, 10 Mbit/s); `phone`, a
//! mid-range phone on slow 4G (CPU slowed 4×, 150 ms, 1.6 Mbit/s), set through the DevTools
//! protocol.
//!
//! `cargo test --release --features e2e --test bench_startup -- [--loads N]
//! [--profile NAME]… [--page PATH]… [--dist DIR]…`: defaults are 15 loads, every profile,
//! home and a resource page, and `MHR_DIST`. With two `--dist`, both builds run side by side,
//! load after load, so a busy machine slows both alike.

mod support;

use std::path::{Path, PathBuf};

use serde_json::Value;
use support::{Browser, Fallback, ServeOptions, StaticServer, WAIT};

/// Recorded in the page before its scripts run: the moment the app is ready, with what had
/// downloaded by then.
const RECORD: &str = "window.__m = {};
    const finished = (by) => performance.getEntriesByType('resource')
      .filter((r) => r.responseEnd > 0 && r.responseEnd <= by).map((r) => r.name);
    const check = () => {
      if (window.__m.ready) return;
      const b = document.body;
      const written = document.querySelector('[data-mhr-root]');
      const ready = b && (b.hasAttribute('data-mhr-ready')
        || (!written && document.querySelector('main h1') && !document.querySelector('[data-testid=loading], [data-testid=page-loading]')));
      if (ready) { window.__m.ready = performance.now(); window.__m.readyFiles = finished(window.__m.ready); }
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });";

/// Waits two frames, so that what is on the screen has been painted, then reads the
/// measurements: first contentful paint, LCP (from a fresh observer's buffered entries: the
/// page's own observer may not have been called yet), ready, and the files finished by each.
const READ: &str = "const done = arguments[arguments.length - 1];
    const m = window.__m;
    const by = (t) => performance.getEntriesByType('resource').filter((r) => r.responseEnd > 0 && r.responseEnd <= t).map((r) => r.name);
    requestAnimationFrame(() => requestAnimationFrame(() => {
      new PerformanceObserver((list, observer) => {
        observer.disconnect();
        const entries = list.getEntries();
        const lcp = entries[entries.length - 1].startTime;
        const fcp = (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || 0;
        done({ fcp, lcp, ready: m.ready, lcpFiles: by(lcp), readyFiles: m.readyFiles });
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    }));";

/// A network (and CPU) to load pages on.
struct Profile {
    name: &'static str,
    latency_ms: u64,
    bytes_per_s: i64,
    cpu_slowdown: f64,
}

const PROFILES: [Profile; 3] = [
    Profile { name: "loopback", latency_ms: 0, bytes_per_s: -1, cpu_slowdown: 1.0 },
    Profile { name: "throttled", latency_ms: 100, bytes_per_s: 10_000_000 / 8, cpu_slowdown: 1.0 },
    Profile { name: "phone", latency_ms: 150, bytes_per_s: 1_600_000 / 8, cpu_slowdown: 4.0 },
];

/// One load's figures.
struct Load {
    fcp: f64,
    lcp: f64,
    ready: f64,
    lcp_bytes: usize,
    ready_bytes: usize,
}

fn brotli_size(path: &Path) -> usize {
    let Ok(bytes) = std::fs::read(path) else { return 0 };
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("brotli in memory");
    out.len()
}

/// The file of `dist` a URL of `server` names (a folder's is its `index.html`).
fn file_of(dist: &Path, server: &StaticServer, url: &str) -> PathBuf {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let rel = path.strip_prefix(&server.site_url("")).unwrap_or(path);
    let file = dist.join(rel);
    if file.is_dir() || rel.is_empty() {
        file.join("index.html")
    } else {
        file
    }
}

fn load_once(dist: &Path, server: &StaticServer, page: &str, profile: &Profile) -> Load {
    let browser = Browser::launch_fresh(1280, 900);
    browser.on_every_document(RECORD);
    if profile.latency_ms > 0 || profile.bytes_per_s > 0 {
        browser.emulate_network(profile.latency_ms, profile.bytes_per_s);
    }
    if profile.cpu_slowdown > 1.0 {
        browser.cdp(
            "Emulation.setCPUThrottlingRate",
            serde_json::json!({ "rate": profile.cpu_slowdown }),
        );
    }
    let url = server.site_url(page);
    browser.goto_unwaited(&url);
    browser.wait_until("window.__m && window.__m.ready > 0", WAIT * 3, "the app to be ready");
    let m = browser.execute_async(READ, vec![]);
    let html = brotli_size(&file_of(dist, server, &url));
    let bytes = |key: &str| -> usize {
        let files = m[key].as_array().cloned().unwrap_or_default();
        html + files
            .iter()
            .filter_map(Value::as_str)
            .map(|u| brotli_size(&file_of(dist, server, u)))
            .sum::<usize>()
    };
    Load {
        fcp: m["fcp"].as_f64().unwrap_or(0.0),
        lcp: m["lcp"].as_f64().unwrap_or(0.0),
        ready: m["ready"].as_f64().unwrap_or(0.0),
        lcp_bytes: bytes("lcpFiles"),
        ready_bytes: bytes("readyFiles"),
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let all = |name: &str| -> Vec<String> {
        args.windows(2).filter(|w| w[0] == name).map(|w| w[1].clone()).collect()
    };
    let loads = all("--loads").first().and_then(|n| n.parse().ok()).unwrap_or(15usize).max(3);
    let mut dists: Vec<PathBuf> = all("--dist").into_iter().map(PathBuf::from).collect();
    if dists.is_empty() {
        dists.push(support::dist_dir());
    }
    let mut pages = all("--page");
    if pages.is_empty() {
        pages = vec![String::new(), "resource/data-driven-healthcare-report/".into()];
    }
    let names = all("--profile");
    let profiles: Vec<&Profile> =
        PROFILES.iter().filter(|p| names.is_empty() || names.iter().any(|n| n == p.name)).collect();
    // A build from before the pages were written routes every address itself: serve it as
    // its hosts did, with index.html for every address.
    let servers: Vec<StaticServer> = dists
        .iter()
        .map(|d| {
            let opts = ServeOptions::default().with_fallback(Fallback::SpaIndex).with_gzip();
            StaticServer::start(d, opts)
        })
        .collect();
    println!("start-up: median of {loads} cold loads each, 1280×900");
    println!(
        "{:<10} {:<40} {:<20} {:>8} {:>8} {:>9} {:>13} {:>14}",
        "profile",
        "page",
        "build",
        "FCP ms",
        "LCP ms",
        "ready ms",
        "bytes to LCP",
        "bytes to ready"
    );
    for profile in &profiles {
        for page in &pages {
            let mut runs: Vec<Vec<Load>> = dists.iter().map(|_| Vec::new()).collect();
            for _ in 0..loads {
                for (i, (dist, server)) in dists.iter().zip(&servers).enumerate() {
                    runs[i].push(load_once(dist, server, page, profile));
                }
            }
            for (dist, loads) in dists.iter().zip(runs) {
                let pick = |f: fn(&Load) -> f64| median(loads.iter().map(f).collect());
                let build = dist.display().to_string();
                let build: String =
                    build.chars().skip(build.chars().count().saturating_sub(20)).collect();
                println!(
                    "{:<10} {:<40} {:<20} {:>8.0} {:>8.0} {:>9.0} {:>10.1} KB {:>11.1} KB",
                    profile.name,
                    if page.is_empty() { "/" } else { page },
                    build,
                    pick(|l| l.fcp),
                    pick(|l| l.lcp),
                    pick(|l| l.ready),
                    pick(|l| l.lcp_bytes as f64) / 1000.0,
                    pick(|l| l.ready_bytes as f64) / 1000.0,
                );
            }
        }
    }
}
