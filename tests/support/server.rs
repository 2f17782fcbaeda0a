//! A tiny static file server for end-to-end tests, built on `std::net` only.
//!
//! It serves a built site (e.g. `dist/`) the way the real hosts do: under a path prefix (GitHub
//! Pages project sites live under `/<repo>/`), a folder's `index.html` at the folder's address
//! (and the address without its final `/` redirected there), with a `404.html` page, an SPA
//! fallback or a plain 404 for what matches no file, and with per-path overrides so a test can swap in a broken or slow-to-parse dataset without
//! touching files on disk. Every response carries `Connection: close` and
//! `Cache-Control: no-store` so the browser never reuses stale bytes between tests.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// What to serve for a path under the prefix that matches no file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fallback {
    /// No fallback at all: a plain-text 404, as a bare static host sends.
    None,
    /// Extension-less paths get `index.html` with 200 (client-side routes); paths with an
    /// extension get a plain-text 404, so a missing asset is not masked by HTML.
    SpaIndex,
    /// Serve `<root>/404.html` with status 404, like GitHub Pages, Netlify or Cloudflare.
    NotFoundPage,
}

/// A replacement response for one URL path: (path, status, content type, body).
pub type Override = (String, u16, String, Vec<u8>);

/// How the site is mounted. Fields are public; the `with_*` methods are builder sugar.
#[derive(Clone, Debug)]
pub struct ServeOptions {
    /// Path prefix the site is mounted under, e.g. "/" or "/midlands-health-resources/".
    pub prefix: String,
    pub fallback: Fallback,
    /// Extra headers added to every response.
    pub headers: Vec<(String, String)>,
    /// Matched against the percent-decoded request path (query stripped), prefix included.
    pub overrides: Vec<Override>,
    /// Paths (as `overrides` are matched) whose responses wait until the test opens them with
    /// [`StaticServer::open_gate`]: a test can look at a page while its app still waits.
    pub gates: Vec<String>,
    /// Whether responses are gzip-compressed for a browser that accepts it, as real hosts
    /// compress: for benchmarks, which would otherwise time downloads of raw files.
    pub gzip: bool,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            prefix: "/".into(),
            fallback: Fallback::NotFoundPage,
            headers: Vec::new(),
            overrides: Vec::new(),
            gates: Vec::new(),
            gzip: false,
        }
    }
}

impl ServeOptions {
    pub fn with_prefix(mut self, prefix: &str) -> Self {
        self.prefix = prefix.to_string();
        self
    }

    pub fn with_fallback(mut self, fallback: Fallback) -> Self {
        self.fallback = fallback;
        self
    }

    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    /// Every response carries the headers of the build's `_headers` file, as a static host
    /// configured from it would send them.
    pub fn with_shipped_headers(mut self) -> Self {
        self.headers.extend(super::shipped_headers());
        self
    }

    /// Compresses responses with gzip for clients that accept it (see [`ServeOptions::gzip`]).
    pub fn with_gzip(mut self) -> Self {
        self.gzip = true;
        self
    }

    /// Holds the responses to `path` until [`StaticServer::open_gate`].
    pub fn with_gate(mut self, path: &str) -> Self {
        self.gates.push(path.to_string());
        self
    }

    pub fn with_override(mut self, path: &str, status: u16, ctype: &str, body: &[u8]) -> Self {
        self.overrides.push((path.to_string(), status, ctype.to_string(), body.to_vec()));
        self
    }

    /// No service worker (`/sw.js` a 404): its install downloads every file of the site at a
    /// moment of its own, which a test counting requests, or holding one, must not race with.
    pub fn without_worker(self) -> Self {
        self.with_override("/sw.js", 404, "text/plain", b"no worker")
    }

    /// The built app's chunk `name` ("split_compare") served as a 503: a download that fails.
    pub fn with_chunk_down(self, name: &str) -> Self {
        self.with_override(&super::chunk_path(name), 503, "text/plain", b"down")
    }
}

/// State shared between the accept loop and the per-connection threads.
struct Shared {
    root: PathBuf,
    opts: ServeOptions,
    /// Paths requested so far, as sent.
    log: PathLog,
    /// Gates the test has opened.
    open: Mutex<Vec<String>>,
    opened: Condvar,
    /// Overridden paths the test has lifted ([`StaticServer::lift_override`]).
    lifted: Mutex<Vec<String>>,
    /// Paths answered so far, as [`Shared::log`] holds those asked for.
    answered: PathLog,
    /// Compressed bodies, by path, made once (files do not change while a server runs).
    gzipped: Mutex<std::collections::HashMap<String, Vec<u8>>>,
}

/// A running server; stops (and joins its accept thread) on drop.
pub struct StaticServer {
    addr: SocketAddr,
    shared: Arc<Shared>,
    stop: Arc<AtomicBool>,
    accept: Option<JoinHandle<()>>,
}

impl StaticServer {
    /// Serves `root` on an ephemeral loopback port.
    pub fn start(root: impl Into<PathBuf>, mut opts: ServeOptions) -> StaticServer {
        let root = root.into();
        assert!(root.is_dir(), "static server root {} is not a directory", root.display());
        opts.prefix = normalize_prefix(&opts.prefix);
        let listener = fresh_port();
        let addr = listener.local_addr().expect("local_addr");
        let shared = Arc::new(Shared {
            root,
            opts,
            log: PathLog::default(),
            open: Mutex::new(Vec::new()),
            opened: Condvar::new(),
            lifted: Mutex::new(Vec::new()),
            answered: PathLog::default(),
            gzipped: Mutex::new(std::collections::HashMap::new()),
        });
        let stop = Arc::new(AtomicBool::new(false));
        let (shared2, stop2) = (shared.clone(), stop.clone());
        let accept = thread::Builder::new()
            .name("static-server".into())
            .spawn(move || {
                for conn in listener.incoming() {
                    if stop2.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = conn else { continue };
                    let shared = shared2.clone();
                    // One thread per connection: the browser opens several in parallel and a
                    // test server never sees enough traffic for this to matter.
                    thread::spawn(move || handle(stream, &shared));
                }
            })
            .expect("spawn static server thread");
        StaticServer { addr, shared, stop, accept: Some(accept) }
    }

    /// "http://127.0.0.1:PORT"
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Absolute URL for an absolute path: `url("/x")` -> "http://127.0.0.1:PORT/x".
    pub fn url(&self, path: &str) -> String {
        let sep = if path.starts_with('/') { "" } else { "/" };
        format!("{}{sep}{path}", self.origin())
    }

    /// URL for a path relative to the mount prefix: `site_url("about")` -> ".../prefix/about".
    pub fn site_url(&self, rel: &str) -> String {
        self.url(&format!("{}{}", self.shared.opts.prefix, rel.trim_start_matches('/')))
    }

    /// The normalized prefix ("/" or "/name/").
    pub fn prefix(&self) -> &str {
        &self.shared.opts.prefix
    }

    /// Paths requested so far, in arrival order, as sent (not decoded) and without query string.
    pub fn requests(&self) -> Vec<String> {
        self.shared.log.paths.lock().unwrap().clone()
    }

    /// Waits until at least `n` requests whose path ends with `suffix` have been logged, or
    /// `timeout` passes; returns how many there were.
    pub fn wait_for_requests(&self, suffix: &str, n: usize, timeout: std::time::Duration) -> usize {
        self.shared.log.wait_for(suffix, n, timeout)
    }

    /// [`StaticServer::wait_for_requests`] for the answers: until at least `n` requests whose
    /// path ends with `suffix` have been answered (their response decided, as it is written).
    pub fn wait_for_answers(&self, suffix: &str, n: usize, timeout: std::time::Duration) -> usize {
        self.shared.answered.wait_for(suffix, n, timeout)
    }

    /// Lets the held responses to `path` go, and every later one (see
    /// [`ServeOptions::with_gate`]).
    pub fn open_gate(&self, path: &str) {
        self.shared.open.lock().unwrap().push(path.to_string());
        self.shared.opened.notify_all();
    }

    /// Serves `path` from the files again instead of its override, from the next request on:
    /// a host that failed and came back. A request is logged as it arrives and answered after,
    /// so one already in [`StaticServer::requests`] may still be answered from the file: a
    /// test that needs every earlier request refused waits for their answers first
    /// ([`StaticServer::wait_for_answers`]).
    pub fn lift_override(&self, path: &str) {
        self.shared.lifted.lock().unwrap().push(path.to_string());
    }

    /// Forgets the request log, e.g. before the step whose traffic a test wants to inspect.
    pub fn clear_requests(&self) {
        self.shared.log.paths.lock().unwrap().clear();
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // `accept` blocks; a throwaway connection wakes it so it can see the flag.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
        if let Some(t) = self.accept.take() {
            let _ = t.join();
        }
    }
}

/// "/", "x", "/x", "/x/" -> "/" or "/x/".
fn normalize_prefix(p: &str) -> String {
    let inner = p.trim_matches('/');
    if inner.is_empty() {
        "/".into()
    } else {
        format!("/{inner}/")
    }
}

struct Response {
    status: u16,
    ctype: String,
    body: Vec<u8>,
    extra: Vec<(String, String)>,
}

impl Response {
    fn text(status: u16, msg: &str) -> Response {
        let body = msg.as_bytes().to_vec();
        Response { status, ctype: "text/plain; charset=utf-8".into(), body, extra: vec![] }
    }

    fn file(status: u16, path: &Path) -> Option<Response> {
        let body = fs::read(path).ok()?;
        Some(Response { status, ctype: content_type(path).into(), body, extra: vec![] })
    }
}

fn handle(stream: TcpStream, shared: &Shared) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
        return; // the Drop wake-up connection, or a client that gave up
    }
    // Read the headers (only Accept-Encoding matters); the body (none for GET/HEAD) is ignored.
    let mut accepts_gzip = false;
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) if line.trim_end().is_empty() => break,
            Ok(_) => {
                let line = line.to_ascii_lowercase();
                if line.starts_with("accept-encoding:") && line.contains("gzip") {
                    accepts_gzip = true;
                }
            }
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let (raw_path, query) = match target.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (target, None),
    };
    shared.log.push(raw_path);
    let mut resp = match method {
        "GET" | "HEAD" => route(shared, raw_path, query),
        _ => Response::text(405, "method not allowed"),
    };
    if shared.opts.gzip && accepts_gzip && resp.status == 200 && resp.body.len() > 512 {
        let mut cache = shared.gzipped.lock().unwrap();
        let body = cache.entry(raw_path.to_string()).or_insert_with(|| {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
            let _ = gz.write_all(&resp.body);
            gz.finish().unwrap_or_default()
        });
        resp.body = body.clone();
        resp.extra.push(("Content-Encoding".into(), "gzip".into()));
        resp.extra.push(("Vary".into(), "Accept-Encoding".into()));
    }
    shared.answered.push(raw_path);
    write_response(stream, shared, resp, method == "HEAD");
}

/// Paths in the order they came, signalled on every one, so a test can wait for traffic
/// without sleeping.
#[derive(Default)]
struct PathLog {
    paths: Mutex<Vec<String>>,
    added: Condvar,
}

impl PathLog {
    fn push(&self, path: &str) {
        self.paths.lock().unwrap().push(path.to_string());
        self.added.notify_all();
    }

    /// Waits until at least `n` paths ending with `suffix` are in, or `timeout` passes;
    /// returns how many there are.
    fn wait_for(&self, suffix: &str, n: usize, timeout: std::time::Duration) -> usize {
        let count = |log: &Vec<String>| log.iter().filter(|p| p.ends_with(suffix)).count();
        let paths = self.paths.lock().unwrap();
        let (paths, _) = self.added.wait_timeout_while(paths, timeout, |p| count(p) < n).unwrap();
        count(&paths)
    }
}

fn route(shared: &Shared, raw_path: &str, query: Option<&str>) -> Response {
    let Some(path) = percent_decode(raw_path) else {
        return Response::text(400, "bad percent-encoding");
    };
    if shared.opts.gates.contains(&path) {
        // Held until the test opens the gate; a minute at most, so a failed test ends.
        let open = shared.open.lock().unwrap();
        let _ = shared
            .opened
            .wait_timeout_while(open, Duration::from_secs(60), |open| !open.contains(&path))
            .unwrap();
    }
    let lifted = shared.lifted.lock().unwrap().contains(&path);
    let overridden = shared.opts.overrides.iter().find(|o| o.0 == path).filter(|_| !lifted);
    if let Some((_, status, ctype, body)) = overridden {
        let (ctype, body) = (ctype.clone(), body.clone());
        return Response { status: *status, ctype, body, extra: vec![] };
    }
    let prefix = &shared.opts.prefix;
    // "/name" -> "/name/" like GitHub Pages, so relative asset URLs resolve under the prefix.
    if format!("{path}/") == *prefix {
        let mut r = Response::text(301, "moved");
        let q = query.map(|q| format!("?{q}")).unwrap_or_default();
        r.extra.push(("Location".into(), format!("{prefix}{q}")));
        return r;
    }
    let Some(rel) = path.strip_prefix(prefix.as_str()) else {
        return Response::text(404, "not found (outside the site prefix)");
    };
    let segments: Vec<&str> = rel.split('/').filter(|s| !s.is_empty()).collect();
    if segments.iter().any(|s| *s == ".." || s.contains('\\') || s.contains('\0')) {
        return Response::text(400, "path traversal rejected");
    }
    let mut file = shared.root.join(segments.join("/"));
    if file.is_dir() {
        // A folder's address ends in "/", so relative links inside it resolve under it; every
        // static host redirects the address without it.
        if !raw_path.ends_with('/') {
            let mut r = Response::text(301, "moved");
            let q = query.map(|q| format!("?{q}")).unwrap_or_default();
            r.extra.push(("Location".into(), format!("{raw_path}/{q}")));
            return r;
        }
        file.push("index.html");
    }
    if let Some(r) = file.is_file().then(|| Response::file(200, &file)).flatten() {
        return r;
    }
    let has_ext = segments.last().is_some_and(|s| s.contains('.'));
    let fallback = match shared.opts.fallback {
        Fallback::SpaIndex if !has_ext => Response::file(200, &shared.root.join("index.html")),
        Fallback::NotFoundPage => Response::file(404, &shared.root.join("404.html")),
        _ => None,
    };
    fallback.unwrap_or_else(|| Response::text(404, "not found"))
}

fn write_response(mut stream: TcpStream, shared: &Shared, r: Response, head_only: bool) {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nConnection: close\r\n",
        r.status,
        reason(r.status),
        r.ctype,
        r.body.len()
    );
    for (k, v) in r.extra.iter().chain(&shared.opts.headers) {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes());
    if !head_only {
        let _ = stream.write_all(&r.body);
    }
    let _ = stream.flush();
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    }
}

/// Content type by extension. `application/wasm` matters: without it browsers refuse
/// `WebAssembly.instantiateStreaming`, which is how trunk's loader starts the app.
pub fn content_type(path: &Path) -> &'static str {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// A listener on a loopback port no server of this process has used: the tests share
/// browsers, and an origin (scheme, host and port) keeps its storage, cache and service
/// worker in a browser, so each server's origin must be new to it. Ports the system hands out
/// again are held until a new one comes, so that it does not hand them out once more.
fn fresh_port() -> TcpListener {
    static USED: Mutex<Vec<u16>> = Mutex::new(Vec::new());
    let mut used = USED.lock().unwrap_or_else(|e| e.into_inner());
    let mut held = Vec::new();
    loop {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let port = listener.local_addr().expect("local_addr").port();
        if !used.contains(&port) {
            used.push(port);
            return listener;
        }
        held.push(listener);
    }
}

/// The decoded path, or `None` where a `%` is not followed by two hex digits (a real host
/// answers 400 then; the `percent-encoding` crate would keep such a `%` as it is) or the
/// bytes are not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let well_formed = s
        .split('%')
        .skip(1)
        .all(|after| after.len() >= 2 && after.as_bytes()[..2].iter().all(u8::is_ascii_hexdigit));
    let decoded = percent_encoding::percent_decode_str(s).decode_utf8().ok()?;
    well_formed.then(|| decoded.into_owned())
}
