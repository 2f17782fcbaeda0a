//! Shared support for end-to-end tests: a static server for the built site and a headless
//! Chromium driven over WebDriver. The e2e binary, the screenshots and the start-up bench each
//! include it (`mod support;`) and use a subset, hence the module-wide `allow`s.
#![allow(dead_code, unused_imports)]

pub mod deploy;
pub mod server;
pub mod webdriver;

pub use server::{content_type, Fallback, Override, ServeOptions, StaticServer};
pub use webdriver::{Browser, Element};

use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A generous default for waits on the WASM app (compile + first render on a busy 2-core box).
pub const WAIT: Duration = Duration::from_secs(20);

/// The built site: env MHR_DIST, else `<crate>/dist`. Panics if it has not been built.
pub fn dist_dir() -> PathBuf {
    let dir = std::env::var_os("MHR_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("dist"));
    assert!(
        dir.join("index.html").is_file(),
        "no {}/index.html: build the site first: make dist",
        dir.display()
    );
    dir
}

/// The site path (`/app-split_compare-HASH.wasm`) of the built app chunk `name`
/// (`split_compare`), for a test that makes its download fail.
pub fn chunk_path(name: &str) -> String {
    built_wasm(&format!("app-{name}-"))
}

/// [`chunk_path`] for the widget's binary (`widget-app-<chunk>-<hash>.wasm`).
pub fn widget_chunk_path(name: &str) -> String {
    built_wasm(&format!("widget-app-{name}-"))
}

fn built_wasm(prefix: &str) -> String {
    std::fs::read_dir(dist_dir())
        .expect("the build is readable")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .find(|n| n.starts_with(prefix) && n.ends_with(".wasm"))
        .map(|n| format!("/{n}"))
        .unwrap_or_else(|| panic!("no chunk {prefix}….wasm in the build"))
}

pub(crate) fn env_or(var: &str, default: &str) -> String {
    std::env::var(var).ok().filter(|v| !v.is_empty()).unwrap_or_else(|| default.to_string())
}

/// A fresh directory under the system temp dir, removed (recursively) on drop.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> TempDir {
        // pid + counter + clock keeps parallel tests and leftover dirs from colliding.
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
        let name = format!("mhr-e2e-{tag}-{}-{n}-{nanos}", std::process::id());
        let dir = std::env::temp_dir().join(name);
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("create {}: {e}", dir.display()));
        TempDir(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The headers of the `/*` block of the build's `_headers` file (what static hosts send with
/// every response), so tests serve the build exactly as documented.
pub fn shipped_headers() -> Vec<(String, String)> {
    headers_of(&dist_dir())
}

/// The headers of the first block of `dist`'s `_headers`: the one for every path under its
/// prefix (`/*`, or `/partners/health/*`).
pub fn headers_of(dist: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(dist.join("_headers")).expect("the build's _headers");
    let mut out = Vec::new();
    let (mut in_block, mut blocks) = (false, 0);
    for line in text.lines() {
        if line.trim_start().starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if !line.starts_with(' ') {
            blocks += 1;
            in_block = blocks == 1 && line.trim().ends_with("/*");
            continue;
        }
        if let (true, Some((k, v))) = (in_block, line.trim().split_once(':')) {
            out.push((k.trim().to_string(), v.trim().to_string()));
        }
    }
    assert!(!out.is_empty(), "no headers in the /* block of _headers");
    out
}

/// The site built for a path prefix (`make dist-prefixed`) and that prefix, from
/// MHR_DIST_PREFIXED and MHR_PREFIX, which `make e2e` sets.
pub fn prefixed_dist() -> (PathBuf, String) {
    let dist = PathBuf::from(
        std::env::var("MHR_DIST_PREFIXED").expect("MHR_DIST_PREFIXED: run through `make e2e`"),
    );
    let prefix = std::env::var("MHR_PREFIX").expect("MHR_PREFIX: run through `make e2e`");
    assert!(dist.join("index.html").exists(), "build it first: make dist-prefixed");
    (dist, prefix)
}

/// `dist/` served with `opts` plus a browser pointed at it. Derefs to the `Browser`.
pub struct Site {
    // Field order is drop order: close the browser before its server goes away.
    pub browser: Browser,
    pub server: StaticServer,
}

impl Site {
    /// Serves `dist_dir()` and launches a 1280×800 browser.
    pub fn start(opts: ServeOptions) -> Site {
        Site::with_size(opts, 1280, 800)
    }

    pub fn with_size(opts: ServeOptions, width: u32, height: u32) -> Site {
        let server = StaticServer::start(dist_dir(), opts);
        Site { browser: Browser::launch(width, height), server }
    }

    /// Navigates to a path relative to the mount prefix, e.g. `open("")` or `open("about")`.
    pub fn open(&self, rel: &str) {
        self.browser.goto(&self.server.site_url(rel));
    }
}

impl Deref for Site {
    type Target = Browser;

    fn deref(&self) -> &Browser {
        &self.browser
    }
}

/// Clicks the CSV download `link` and returns the file it makes. The app makes it as a Blob,
/// never a `data:` address (browsers limit an address's length); the Blob is read as the
/// page hands it to the browser to save.
pub fn downloaded_csv(browser: &Browser, link: &Element) -> String {
    let href = link.attr("href").unwrap_or_default();
    assert!(
        !href.starts_with("data:"),
        "the download is carried in its address: {}",
        &href[..40.min(href.len())]
    );
    let text = browser.execute_async(
        "const [link, done] = arguments;
         const make = URL.createObjectURL;
         URL.createObjectURL = (blob) => { URL.createObjectURL = make; blob.text().then(done); return make(blob); };
         link.click();",
        vec![link.to_arg()],
    );
    text.as_str().expect("the CSV as text").to_string()
}

/// WebDriver code points for special keys, for `Browser::press_key`, `key_chord` and
/// `Element::send_keys`.
pub mod keys {
    pub const BACKSPACE: &str = "\u{E003}";
    pub const TAB: &str = "\u{E004}";
    pub const ENTER: &str = "\u{E007}";
    pub const SHIFT: &str = "\u{E008}";
    pub const CONTROL: &str = "\u{E009}";
    pub const ESCAPE: &str = "\u{E00C}";
    pub const SPACE: &str = "\u{E00D}";
    pub const PAGE_UP: &str = "\u{E00E}";
    pub const PAGE_DOWN: &str = "\u{E00F}";
    pub const END: &str = "\u{E010}";
    pub const HOME: &str = "\u{E011}";
    pub const ARROW_LEFT: &str = "\u{E012}";
    pub const ARROW_UP: &str = "\u{E013}";
    pub const ARROW_RIGHT: &str = "\u{E014}";
    pub const ARROW_DOWN: &str = "\u{E015}";
    pub const DELETE: &str = "\u{E017}";
}

/// WebDriver's base64 (standard alphabet, padded), decoded by the `base64` crate.
pub fn base64_decode(s: &str) -> Vec<u8> {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD
        .decode(s)
        .unwrap_or_else(|e| panic!("invalid base64 from WebDriver: {e}"))
}

/// Runs `a` and `b` at once on two threads, each driving its own browser (these machines have
/// two cores), and returns both results; a panic in either is raised again here, as it was.
pub fn in_parallel<A: Send, B: Send>(
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    std::thread::scope(|s| {
        let first = s.spawn(a);
        let second = b();
        let first = first.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
        (first, second)
    })
}
