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
//! `--widget VIEW` (browse, section, resource, search, compare; attributes after it as
//! `browse;tags=economy`) measures a partner's page
//! instead: a page on another loopback origin with one `<mhr-widget view=VIEW>` and the site's
//! `widget.js`, ready when the widget's shadow root shows its view's heading and no loading
//! note (its FCP and LCP are the partner's own text, so only ready and its bytes say anything).
//!
//! `cargo test --release --test bench_startup -- [--loads N]
//! [--profile NAME]… [--page PATH]… [--widget VIEW]… [--dist DIR]…`: defaults are 15 loads,
//! every profile, home and a resource page, and `MHR_DIST`. With two `--dist`, both builds run
//! side by side, load after load, so a busy machine slows both alike.

#[path = "bench/cli.rs"]
mod cli;
#[path = "common/compressed.rs"]
mod compressed;
mod support;
use cli::median;

use std::path::{Path, PathBuf};

use serde_json::Value;
use support::{Browser, Fallback, ServeOptions, StaticServer, TempDir, WAIT};

/// The files the page has finished downloading by a moment (`performance.now()`).
const FINISHED: &str = "const finished = (by) => performance.getEntriesByType('resource')
      .filter((r) => r.responseEnd > 0 && r.responseEnd <= by).map((r) => r.name);";

/// Recorded in the page before its scripts run: the moment the app is ready, with what had
/// downloaded by then.
const RECORD: &str = "window.__m = {};
    const check = () => {
      if (window.__m.ready) return;
      const b = document.body;
      const written = document.querySelector('[data-mhr-root]');
      const ready = b && (b.hasAttribute('data-mhr-ready')
        || (!written && document.querySelector('main h1') && !document.querySelector('[data-testid=loading], [data-testid=page-loading]')));
      if (ready) { window.__m.ready = performance.now(); window.__m.readyFiles = finished(window.__m.ready); }
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });";

/// Recorded in a partner's page before its scripts run: the moment its widget shows a view,
/// with what had downloaded by then. The widget's DOM is in a shadow root, which the
/// document's mutation observers do not see, so it is looked at every 2 ms.
const WIDGET_RECORD: &str = "window.__m = {};
    const timer = setInterval(() => {
      const w = document.querySelector('mhr-widget');
      const root = w && w.shadowRoot;
      if (root && root.querySelector('h1') && !root.querySelector('[data-testid=loading], [data-testid=page-loading]')) {
        clearInterval(timer);
        window.__m.ready = performance.now();
        window.__m.readyFiles = finished(window.__m.ready);
      }
    }, 2);";

/// A partner's page with one widget, `{ATTRIBUTES}` and `{SITE}` filled in.
const PARTNER_PAGE: &str =
    "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Partner</title></head>
<body><p>A partner's own page, with the directory's widget below.</p>
<mhr-widget {ATTRIBUTES}></mhr-widget>
<script src=\"{SITE}widget.js\" async></script></body></html>";

/// The attributes of a widget given as `VIEW[;NAME=VALUE]…` (`browse;tags=economy`).
fn widget_attributes(widget: &str) -> String {
    let mut parts = widget.split(';');
    let view = parts.next().unwrap_or_default();
    let mut out = format!("view=\"{view}\"");
    for (name, value) in parts.filter_map(|p| p.split_once('=')) {
        out.push_str(&format!(" {name}=\"{value}\""));
    }
    out
}

/// The file name of the partner's page with `widget`.
fn widget_page(widget: &str) -> String {
    let name: String =
        widget.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    format!("widget-{name}.html")
}

/// What a load opens: a page of the site, or a partner's page with a widget of a view.
enum Page {
    Site(String),
    Widget(String),
}

impl Page {
    fn label(&self) -> String {
        match self {
            Page::Site(p) if p.is_empty() => "/".into(),
            Page::Site(p) => p.clone(),
            Page::Widget(view) => format!("partner's page, {view} widget"),
        }
    }
}

/// A build served for the benchmark: the site, and partners' pages on another origin.
struct Served {
    site: StaticServer,
    partner: StaticServer,
    _pages: TempDir,
}

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
    std::fs::read(path).map_or(0, |bytes| compressed::brotli_len(&bytes))
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

fn load_once(dist: &Path, served: &Served, page: &Page, profile: &Profile) -> Load {
    let server = &served.site;
    let browser = Browser::launch_fresh(1280, 900);
    let url = match page {
        Page::Site(path) => {
            browser.on_every_document(&format!("{FINISHED}{RECORD}"));
            server.site_url(path)
        }
        Page::Widget(view) => {
            browser.on_every_document(&format!("{FINISHED}{WIDGET_RECORD}"));
            served.partner.url(&widget_page(view))
        }
    };
    if profile.latency_ms > 0 || profile.bytes_per_s > 0 {
        browser.emulate_network(profile.latency_ms, profile.bytes_per_s);
    }
    if profile.cpu_slowdown > 1.0 {
        browser.cdp(
            "Emulation.setCPUThrottlingRate",
            serde_json::json!({ "rate": profile.cpu_slowdown }),
        );
    }
    browser.goto_unwaited(&url);
    browser.wait_until("window.__m && window.__m.ready > 0", WAIT * 3, "the app to be ready");
    let m = browser.execute_async(READ, vec![]);
    let html = match page {
        Page::Site(_) => brotli_size(&file_of(dist, server, &url)),
        Page::Widget(_) => 0, // the partner's, not ours
    };
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
    let mut pages: Vec<Page> = all("--page").into_iter().map(Page::Site).collect();
    pages.extend(all("--widget").into_iter().map(Page::Widget));
    if pages.is_empty() {
        pages = vec![
            Page::Site(String::new()),
            Page::Site("resource/data-driven-healthcare-report/".into()),
        ];
    }
    let names = all("--profile");
    let profiles: Vec<&Profile> =
        PROFILES.iter().filter(|p| names.is_empty() || names.iter().any(|n| n == p.name)).collect();
    // A build from before the pages were written routes every address itself: serve it as
    // its hosts did, with index.html for every address. Partners' pages load the widget from
    // another origin, which the site allows (as its _headers file does).
    let servers: Vec<Served> = dists
        .iter()
        .map(|d| {
            let opts = ServeOptions::default()
                .with_fallback(Fallback::SpaIndex)
                .with_gzip()
                .with_header("Access-Control-Allow-Origin", "*");
            let site = StaticServer::start(d, opts);
            let pages = TempDir::new("partner");
            for view in all("--widget") {
                let html = PARTNER_PAGE
                    .replace("{ATTRIBUTES}", &widget_attributes(&view))
                    .replace("{SITE}", &site.site_url(""));
                std::fs::write(pages.path().join(widget_page(&view)), html)
                    .expect("write a partner's page");
            }
            let partner = StaticServer::start(pages.path(), ServeOptions::default().with_gzip());
            Served { site, partner, _pages: pages }
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
                    page.label(),
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
