//! A minimal blocking W3C WebDriver client (chromedriver + headless Chromium) over `ureq`.
//!
//! Our own rather than a crate's: the maintained Rust clients (`fantoccini`, `thirtyfour`) are
//! async and bring tokio and hyper into every e2e build, while the tests are sequential and
//! blocking and need Chromium's extras (DevTools commands, the network log, tabs); this is
//! ureq, already a test dependency, and about 600 lines.
//!
//! Browsers are kept between tests: launching chromedriver and Chromium cost about a second
//! per test. A test's [`Browser`] is a lease on an idle session, which starts in a fresh tab
//! with every other tab closed, so no per-tab state (DevTools emulation, scripts turned off,
//! network conditions, scripts added to new documents) carries over; every test serves the
//! site from a port no earlier test used ([`super::StaticServer`]), so no origin's storage,
//! cache or service worker does either. A test that panics does not hand its browser back.
//! Chromedriver runs under a small shell that ends its process group, Chromium included,
//! when this process goes, however it goes (see [`DRIVER_WRAPPER`]).
//!
//! Only what the e2e tests need. Every failure panics with what was expected, because this is
//! test code and a panic with context is the most useful failure report. Waiting happens inside
//! the browser (an async script re-checks a predicate every 16 ms) rather than by sleeping in
//! Rust, so a wait returns within a frame of the condition becoming true.

use super::{base64_decode, TempDir};
use serde_json::{json, Value};
use std::cell::Cell;
use std::fs;
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The W3C key under which element references travel in JSON.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A WebDriver error response: `error` is the W3C code, e.g. "no such element".
#[derive(Debug)]
struct WdError {
    error: String,
    message: String,
}

/// Connection to one WebDriver session; shared by the browser and its elements.
struct Session {
    agent: ureq::Agent,
    base: String,
    id: String,
}

impl Session {
    /// Sends `method base/session/{id}{path}` and returns the response's `value`.
    fn try_cmd(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, WdError> {
        let url = format!("{}/session/{}{}", self.base, self.id, path);
        http(&self.agent, method, &url, body)
    }

    fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        self.try_cmd(method, path, body).unwrap_or_else(|e| {
            panic!("WebDriver {method} {path} failed: {}: {}", e.error, e.message)
        })
    }
}

fn http(
    agent: &ureq::Agent,
    method: &str,
    url: &str,
    body: Option<Value>,
) -> Result<Value, WdError> {
    let req = agent.request(method, url);
    let res = match body {
        Some(b) => req.send_json(b),
        None => req.call(),
    };
    let json: Value = match res {
        Ok(r) => r.into_json().unwrap_or_else(|e| panic!("{method} {url}: bad JSON: {e}")),
        Err(ureq::Error::Status(code, r)) => {
            let v: Value = r.into_json().unwrap_or(Value::Null);
            let field = |k: &str| v["value"][k].as_str().unwrap_or("").to_string();
            let error =
                if field("error").is_empty() { format!("HTTP {code}") } else { field("error") };
            return Err(WdError { error, message: field("message") });
        }
        Err(e) => panic!("{method} {url}: cannot reach chromedriver: {e}"),
    };
    Ok(json["value"].clone())
}

/// A chromedriver process with its Chromium session, between tests in [`IDLE`].
struct Driver {
    s: Arc<Session>,
    /// The shell around chromedriver (see [`DRIVER_WRAPPER`]).
    child: Child,
    /// Its standard input: closing it ends chromedriver and Chromium.
    lifeline: Option<ChildStdin>,
    /// Profile + chromedriver log; fields drop after `Drop::drop`, so it goes once Chromium has.
    tmp: TempDir,
    /// WebDriver's page load strategy, fixed for a session: "normal" or "eager".
    page_load: &'static str,
}

impl Drop for Driver {
    fn drop(&mut self) {
        // Deleting the session makes chromedriver close Chromium; closing the lifeline makes
        // the wrapper end chromedriver and whatever is left of its process group.
        let _ = self.s.try_cmd("DELETE", "", None);
        drop(self.lifeline.take());
        let _ = self.child.wait();
    }
}

/// Sessions no test holds, ready for the next one.
static IDLE: Mutex<Vec<Driver>> = Mutex::new(Vec::new());

/// Runs chromedriver (`$0`, with the rest as its arguments) in the process group this shell
/// leads, then waits for its standard input to close: when the test process ends, normally or
/// not, the pipe closes, and the whole group (chromedriver and the Chromium it started)
/// receives SIGTERM. The shell ignores that signal itself (set after chromedriver starts, so
/// chromedriver does not inherit it), waits for the group, then removes the profile.
const DRIVER_WRAPPER: &str =
    r#""$0" "$@" & trap '' TERM; cat >/dev/null; kill -TERM 0; wait; rm -rf "$MHR_E2E_TMP""#;

/// Headless Chromium: a session lent by the pool (see the module documentation), handed back
/// on drop.
pub struct Browser {
    s: Arc<Session>,
    /// The session's driver, handed back to [`IDLE`] on drop.
    driver: Option<Driver>,
    /// Whether the session goes back to [`IDLE`] on drop (see [`Browser::launch_fresh`]).
    pooled: bool,
    /// Current session script timeout, raised on demand for long waits.
    script_ms: Cell<u64>,
    /// Whether pages run their scripts (see [`Browser::launch_without_scripts`]).
    scripts: bool,
    /// Whether the viewport's size is emulated (see [`Browser::set_window_size`]).
    emulated: Cell<bool>,
}

/// Headless Chromium keeps its window at least this wide; narrower viewports are emulated.
const NARROWEST_WINDOW: u32 = 500;

/// True once a page of the site has been taken over by its app (or it has said it cannot
/// start: `data-mhr-ready` with an error, or `<html class="no-app">` when the app itself did
/// not load), and at once on any other page: the build writes every page with its content,
/// and the app replaces it when it is ready, so a test that clicks or types must wait; and
/// until the header's box has replaced the written form standing in for it, or that form says
/// the box's code cannot come (`data-stand-in`, src/ui/written.rs).
const APP_READY: &str = "(() => { const b = document.body; \
     return !!b && (!b.hasAttribute('data-mhr-app') || (b.hasAttribute('data-mhr-ready') \
       && !document.querySelector('form[data-stand-in=\"\"]')) \
       || document.documentElement.classList.contains('no-app')); })()";

impl Browser {
    /// Starts chromedriver (env CHROMEDRIVER) and a headless Chromium (env CHROME) session.
    pub fn launch(width: u32, height: u32) -> Browser {
        Browser::launch_with(width, height, "normal")
    }

    /// A browser whose navigations return once the document is parsed (WebDriver's "eager"
    /// page load strategy), not when every download has finished: a test can look at a page
    /// while a download it holds back ([`super::ServeOptions::with_gate`]) still waits.
    pub fn launch_eager(width: u32, height: u32) -> Browser {
        Browser::launch_with(width, height, "eager")
    }

    /// A browser of its own, with a new profile (an empty HTTP cache, no service worker, no
    /// compiled code kept), closed on drop rather than handed back: for benchmarks of cold
    /// loads.
    pub fn launch_fresh(width: u32, height: u32) -> Browser {
        Browser::launch_fresh_with(width, height, &[])
    }

    /// [`Browser::launch_fresh`], with more Chromium switches (a benchmark's
    /// `--js-flags=--expose-gc`, say).
    pub fn launch_fresh_with(width: u32, height: u32, switches: &[&str]) -> Browser {
        let mut browser = Browser::with_driver(Driver::start("normal", switches), width, height);
        browser.pooled = false;
        browser
    }

    fn launch_with(width: u32, height: u32, page_load: &'static str) -> Browser {
        let driver = take_idle(page_load).unwrap_or_else(|| Driver::start(page_load, &[]));
        Browser::with_driver(driver, width, height)
    }

    fn with_driver(driver: Driver, width: u32, height: u32) -> Browser {
        let browser = Browser {
            s: driver.s.clone(),
            pooled: true,
            driver: Some(driver),
            script_ms: Cell::new(30_000),
            scripts: true,
            emulated: Cell::new(false),
        };
        browser.set_window_size(width, height);
        browser
    }

    /// A browser whose pages run no script at all, as with JavaScript turned off. Test
    /// scripts still run (they come through DevTools, not the page), and the page sees
    /// `(scripting: none)`.
    pub fn launch_without_scripts(width: u32, height: u32) -> Browser {
        let mut browser = Browser::launch(width, height);
        browser.cdp("Emulation.setScriptExecutionDisabled", json!({ "value": true }));
        browser.scripts = false;
        browser
    }

    /// Opens `url`; on a page of the site, waits until its app has taken it over.
    pub fn goto(&self, url: &str) {
        self.goto_unwaited(url);
        self.wait_for_app();
    }

    /// Opens `url` and returns once it has loaded, whether or not its app has run yet.
    pub fn goto_unwaited(&self, url: &str) {
        self.s.cmd("POST", "/url", Some(json!({ "url": url })));
    }

    /// Waits until a page of the site has been taken over by its app (at once elsewhere, and
    /// in a browser without scripts).
    pub fn wait_for_app(&self) {
        if self.scripts {
            self.wait_until(APP_READY, super::WAIT, "the app to take the page over");
        }
    }

    pub fn current_url(&self) -> String {
        self.s.cmd("GET", "/url", None).as_str().unwrap_or_default().to_string()
    }

    pub fn title(&self) -> String {
        self.s.cmd("GET", "/title", None).as_str().unwrap_or_default().to_string()
    }

    /// Sends a Chrome DevTools Protocol command, for what WebDriver cannot do (emulating
    /// `prefers-color-scheme`, recording requests).
    pub fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.s.cmd("POST", "/goog/cdp/execute", Some(json!({ "cmd": cmd, "params": params })))
    }

    /// Emulates the system colour scheme: "light" or "dark".
    pub fn emulate_color_scheme(&self, scheme: &str) {
        let features = json!([{ "name": "prefers-color-scheme", "value": scheme }]);
        self.cdp("Emulation.setEmulatedMedia", json!({ "features": features }));
    }

    /// The handle of the current tab.
    pub fn window_handle(&self) -> String {
        self.s.cmd("GET", "/window", None).as_str().unwrap_or_default().to_string()
    }

    /// The handles of every open tab.
    pub fn window_handles(&self) -> Vec<String> {
        let handles = self.s.cmd("GET", "/window/handles", None);
        let handles = handles.as_array().cloned().unwrap_or_default();
        handles.iter().filter_map(|h| h.as_str().map(str::to_string)).collect()
    }

    /// Opens a new tab of the same browser (same profile, same service workers) and makes it
    /// the current one; returns its handle.
    pub fn new_tab(&self) -> String {
        let created = self.s.cmd("POST", "/window/new", Some(json!({ "type": "tab" })));
        let handle = created["handle"].as_str().expect("a new tab's handle").to_string();
        self.switch_to_window(&handle);
        handle
    }

    /// Makes the tab `handle` the context of later commands and scripts.
    pub fn switch_to_window(&self, handle: &str) {
        self.s.cmd("POST", "/window", Some(json!({ "handle": handle })));
    }

    /// Makes the iframe `frame` the context of later commands and scripts.
    pub fn switch_to_frame(&self, frame: &Element) {
        self.s.cmd("POST", "/frame", Some(json!({ "id": frame.to_arg() })));
    }

    /// Returns to the top-level document.
    pub fn switch_to_top(&self) {
        self.s.cmd("POST", "/frame", Some(json!({ "id": null })));
    }

    pub fn refresh(&self) {
        self.s.cmd("POST", "/refresh", Some(json!({})));
        self.wait_for_app();
    }

    pub fn back(&self) {
        self.s.cmd("POST", "/back", Some(json!({})));
        self.wait_for_app();
    }

    pub fn forward(&self) {
        self.s.cmd("POST", "/forward", Some(json!({})));
        self.wait_for_app();
    }

    /// Runs a function body (`return …;`) with `arguments`; elements come back as references
    /// (see [`Browser::element`]).
    pub fn execute(&self, script: &str, args: Vec<Value>) -> Value {
        self.script("/execute/sync", script, args)
    }

    /// Lets asynchronous scripts run for up to `limit` before WebDriver ends them (30 s
    /// otherwise): for a benchmark's long runs.
    pub fn allow_scripts(&self, limit: Duration) {
        let ms = limit.as_millis() as u64;
        self.s.cmd("POST", "/timeouts", Some(json!({ "script": ms })));
        self.script_ms.set(ms);
    }

    /// Like `execute`, but the script must call `arguments[arguments.length - 1](result)`.
    pub fn execute_async(&self, script: &str, args: Vec<Value>) -> Value {
        self.script("/execute/async", script, args)
    }

    fn script(&self, endpoint: &str, script: &str, args: Vec<Value>) -> Value {
        let body = json!({ "script": script, "args": args });
        self.s.try_cmd("POST", endpoint, Some(body)).unwrap_or_else(|e| {
            let snippet: String = script.chars().take(300).collect();
            panic!("script failed: {}: {}\nscript: {snippet}", e.error, e.message)
        })
    }

    /// Turns an element reference returned by `execute` into an `Element`.
    pub fn element(&self, v: &Value) -> Option<Element> {
        let id = v.get(ELEMENT_KEY)?.as_str()?.to_string();
        Some(Element { s: self.s.clone(), id })
    }

    /// First element matching `css` right now, without waiting.
    pub fn find(&self, css: &str) -> Option<Element> {
        find_in(&self.s, "", css)
    }

    pub fn find_all(&self, css: &str) -> Vec<Element> {
        find_all_in(&self.s, "", css)
    }

    /// Waits until an element matching `css` is in the DOM (not necessarily visible).
    pub fn wait_for(&self, css: &str, timeout: Duration) -> Element {
        let expr = format!("document.querySelector({})", json!(css));
        let v = self.wait_js(&expr, timeout, &format!("element `{css}`"));
        self.element(&v).expect("wait_for resolves with an element")
    }

    /// Waits until an element matching `css` has rendered text containing `needle`.
    pub fn wait_for_text(&self, css: &str, needle: &str, timeout: Duration) -> Element {
        let expr = format!(
            "[...document.querySelectorAll({})]\n\
             .find(e => (e.innerText ?? e.textContent).includes({}))",
            json!(css),
            json!(needle)
        );
        let v = self.wait_js(&expr, timeout, &format!("text {needle:?} in `{css}`"));
        self.element(&v).expect("wait_for_text resolves with an element")
    }

    /// Waits until the JS expression is truthy; panics mentioning `what` on timeout.
    pub fn wait_until(&self, js_expr: &str, timeout: Duration, what: &str) {
        self.wait_js(js_expr, timeout, what);
    }

    /// Evaluates `expr` every 16 ms in the page and returns its first truthy value. Exceptions
    /// count as "not yet" (e.g. reading a property of a not-yet-rendered element).
    fn wait_js(&self, expr: &str, timeout: Duration, what: &str) -> Value {
        let script = format!(
            "const done = arguments[arguments.length - 1];\n\
             const deadline = performance.now() + arguments[0];\n\
             let err = null;\n\
             const check = () => {{\n\
               let v = null;\n\
               try {{ v = (\n{expr}\n); err = null; }} catch (e) {{ err = String(e); }}\n\
               if (v) return done({{ ok: true, value: v }});\n\
               if (performance.now() >= deadline) return done({{ ok: false, err }});\n\
               setTimeout(check, 16);\n\
             }};\n\
             check();"
        );
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            // The session's script timeout must outlast the in-page deadline.
            let need = left.as_millis() as u64 + 10_000;
            if need > self.script_ms.get() {
                self.s.cmd("POST", "/timeouts", Some(json!({ "script": need })));
                self.script_ms.set(need);
            }
            let args = Some(json!({ "script": script, "args": [left.as_millis() as u64] }));
            match self.s.try_cmd("POST", "/execute/async", args) {
                Ok(v) if v["ok"] == true => return v["value"].clone(),
                Ok(v) => self.fail(what, timeout, v["err"].as_str()),
                // When the document unloads under a pending script, chromedriver either re-runs
                // it, fails it as "unloaded", or (Chromium 156.0.8078.108, seen in CI) ends it at
                // once as a script timeout. The in-page deadline has not passed in the last two
                // cases, so re-arm the wait on the new document.
                Err(e)
                    if (e.message.contains("unload") || e.error == "script timeout")
                        && !left.is_zero() =>
                {
                    continue
                }
                Err(e) => panic!("waiting for {what}: {}: {}", e.error, e.message),
            }
        }
    }

    fn fail(&self, what: &str, timeout: Duration, err: Option<&str>) -> ! {
        let diag = self
            .s
            .try_cmd("POST", "/execute/sync", Some(json!({"script": DIAG_SCRIPT, "args": []})))
            .unwrap_or(Value::Null);
        let errors = self.console_errors().join("\n    ");
        let text = |i: usize| diag[i].as_str().unwrap_or("?").to_string();
        panic!(
            "timed out after {timeout:?} waiting for {what}\n  url: {}\n  title: {}\n  \
             last predicate error: {}\n  console errors: {errors}\n  body text: {:?}",
            text(0),
            text(1),
            err.unwrap_or("none"),
            text(2)
        )
    }

    /// Saves a PNG of the viewport, creating parent directories.
    pub fn screenshot(&self, path: impl AsRef<Path>) {
        let path = path.as_ref();
        let b64 = self.s.cmd("GET", "/screenshot", None);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).expect("create screenshot directory");
        }
        let png = base64_decode(b64.as_str().expect("screenshot is a base64 string"));
        fs::write(path, png).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    }

    /// Resizes the window (outer size; headless has no browser chrome, so this is the viewport).
    /// Makes the viewport `width` × `height` CSS px: the window's size, or, below the narrowest
    /// window headless Chromium keeps (a 375 px phone), an emulated viewport of that size.
    pub fn set_window_size(&self, width: u32, height: u32) {
        self.s.cmd(
            "POST",
            "/window/rect",
            Some(json!({ "width": width.max(NARROWEST_WINDOW), "height": height })),
        );
        if width < NARROWEST_WINDOW || self.emulated.get() {
            let metrics =
                json!({"width": width, "height": height, "deviceScaleFactor": 1, "mobile": false});
            self.cdp("Emulation.setDeviceMetricsOverride", metrics);
            self.emulated.set(true);
        }
    }

    /// Types each char of `keys` (plain text or `keys::*` code points) into the focused element.
    pub fn press_key(&self, keys: &str) {
        let mut actions = Vec::new();
        for c in keys.chars() {
            actions.push(json!({"type": "keyDown", "value": c.to_string()}));
            actions.push(json!({"type": "keyUp", "value": c.to_string()}));
        }
        self.key_actions(actions);
    }

    /// Holds all keys down in order, then releases them: `key_chord(&[keys::SHIFT, keys::TAB])`.
    pub fn key_chord(&self, keys: &[&str]) {
        let down = keys.iter().map(|k| json!({"type": "keyDown", "value": k}));
        let up = keys.iter().rev().map(|k| json!({"type": "keyUp", "value": k}));
        self.key_actions(down.chain(up).collect());
    }

    fn key_actions(&self, actions: Vec<Value>) {
        let body = json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]});
        self.s.cmd("POST", "/actions", Some(body));
        self.s.cmd("DELETE", "/actions", None);
    }

    /// Every URL the page (and its frames) requested since the previous call, from
    /// Chromium's network log.
    pub fn requested_urls(&self) -> Vec<String> {
        let body = Some(json!({"type": "performance"}));
        let Ok(Value::Array(entries)) = self.s.try_cmd("POST", "/se/log", body) else {
            panic!("the performance log is unavailable");
        };
        entries
            .into_iter()
            .filter_map(|e| serde_json::from_str::<Value>(e["message"].as_str()?).ok())
            .filter(|m| m["message"]["method"] == "Network.requestWillBeSent")
            .filter_map(|m| m["message"]["params"]["request"]["url"].as_str().map(str::to_string))
            .collect()
    }

    /// Cuts the browser off the network (or reconnects it), as airplane mode would.
    pub fn set_offline(&self, offline: bool) {
        self.network_conditions(offline, 0, -1);
    }

    /// Makes every request take `latency_ms` longer and downloads run at `bytes_per_s` at most
    /// (-1: no limit), as a slower network would: for benchmarks, never for assertions.
    pub fn emulate_network(&self, latency_ms: u64, bytes_per_s: i64) {
        self.network_conditions(false, latency_ms, bytes_per_s);
    }

    fn network_conditions(&self, offline: bool, latency_ms: u64, bytes_per_s: i64) {
        self.cdp("Network.enable", json!({}));
        self.cdp(
            "Network.emulateNetworkConditions",
            json!({"offline": offline, "latency": latency_ms, "downloadThroughput": bytes_per_s, "uploadThroughput": -1}),
        );
    }

    /// Runs `source` in every document this tab opens from now on, before its own scripts.
    pub fn on_every_document(&self, source: &str) {
        self.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": source }));
    }

    /// SEVERE browser-log entries (console.error, uncaught exceptions, failed loads) since the
    /// previous call: chromedriver hands each entry out once. Empty if logging is unavailable.
    /// The browser's own `/favicon.ico` probe is left out: it is not the app's request.
    pub fn console_errors(&self) -> Vec<String> {
        let body = Some(json!({"type": "browser"}));
        let Ok(Value::Array(entries)) = self.s.try_cmd("POST", "/se/log", body) else {
            return Vec::new();
        };
        let severe = entries.into_iter().filter(|e| e["level"] == "SEVERE");
        let msgs = severe.map(|e| e["message"].as_str().unwrap_or_default().to_string());
        msgs.filter(|m| !m.contains("/favicon.ico - Failed to load resource")).collect()
    }
}

impl Drop for Browser {
    /// Hands the session back for the next test, on a blank page so that nothing of this
    /// test's keeps running; after a panic, or if the page will not go, it is closed instead.
    fn drop(&mut self) {
        let Some(driver) = self.driver.take() else { return };
        if std::thread::panicking() || !self.pooled {
            return;
        }
        let blank = driver.s.try_cmd("POST", "/url", Some(json!({ "url": "about:blank" })));
        if blank.is_ok() {
            IDLE.lock().unwrap_or_else(|e| e.into_inner()).push(driver);
        }
    }
}

/// An idle session of `page_load`'s strategy, made ready for a new test: in a fresh tab with
/// every other tab closed, default timeouts and empty logs. A session that fails any of that
/// is closed, and the next one tried.
fn take_idle(page_load: &str) -> Option<Driver> {
    loop {
        let driver = {
            let mut idle = IDLE.lock().unwrap_or_else(|e| e.into_inner());
            let at = idle.iter().position(|d| d.page_load == page_load)?;
            idle.swap_remove(at)
        };
        if refresh(&driver.s).is_ok() {
            return Some(driver);
        }
    }
}

fn refresh(s: &Session) -> Result<(), WdError> {
    let old = s.try_cmd("GET", "/window/handles", None)?;
    let created = s.try_cmd("POST", "/window/new", Some(json!({ "type": "tab" })))?;
    let fresh = created["handle"].as_str().unwrap_or_default().to_string();
    for handle in old.as_array().into_iter().flatten().filter_map(Value::as_str) {
        s.try_cmd("POST", "/window", Some(json!({ "handle": handle })))?;
        s.try_cmd("DELETE", "/window", None)?;
    }
    s.try_cmd("POST", "/window", Some(json!({ "handle": fresh })))?;
    let timeouts = json!({"script": 30_000, "pageLoad": 30_000, "implicit": 0});
    s.try_cmd("POST", "/timeouts", Some(timeouts))?;
    for kind in ["browser", "performance"] {
        s.try_cmd("POST", "/se/log", Some(json!({ "type": kind })))?;
    }
    Ok(())
}

impl Driver {
    /// Starts chromedriver (env CHROMEDRIVER) and a headless Chromium (env CHROME) session,
    /// with `switches` added to Chromium's own. By default the browser is Chromium's headless
    /// shell (Debian's `chromium-headless-shell`: the same engine, without the desktop
    /// browser's code around it; Puppeteer's documentation calls it "more performant for
    /// automation tasks where the complete Chrome feature set is not needed"): the end-to-end
    /// tests ran in 129 s in it against 147 s in `/usr/bin/chromium --headless`, every test
    /// passing in both. `CHROME=/usr/bin/chromium` runs them in the full browser, as
    /// `make screenshots` and `make bench` do, since those show and time what visitors get.
    fn start(page_load: &'static str, switches: &[&str]) -> Driver {
        let driver_bin = super::env_or("CHROMEDRIVER", "/usr/bin/chromedriver");
        let chrome_bin = super::env_or("CHROME", "/usr/lib/chromium/chromium-headless-shell");
        static SWEEP: std::sync::Once = std::sync::Once::new();
        SWEEP.call_once(remove_profiles_of_ended_runs);
        let tmp = TempDir::new("browser");
        let agent = ureq::AgentBuilder::new()
            .timeout_connect(Duration::from_secs(5))
            .timeout_read(Duration::from_secs(300))
            .build();
        // A port picked by binding :0 can be taken before chromedriver binds it; retry then.
        let (mut child, base) = (1..=3)
            .find_map(|attempt| start_driver(&driver_bin, &agent, &tmp, attempt == 3))
            .expect("start_driver panics on the last attempt");
        let lifeline = child.stdin.take();
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
        ];
        let mut args: Vec<String> = args.iter().chain(switches).map(|a| a.to_string()).collect();
        args.push(format!("--window-size={NARROWEST_WINDOW},{NARROWEST_WINDOW}"));
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chrome_bin,
                "args": args,
                "perfLoggingPrefs": {"enableNetwork": true, "enablePage": false},
                // Downloads the tests start (a CSV, a citation) go with the profile, not into
                // the working directory (the headless shell's default) or ~/Downloads.
                "prefs": {
                    "download.default_directory": tmp.path().join("downloads"),
                    "download.prompt_for_download": false,
                },
            },
            "goog:loggingPrefs": {"browser": "ALL", "performance": "ALL"},
            "pageLoadStrategy": page_load,
            "timeouts": {"script": 30_000, "pageLoad": 30_000, "implicit": 0},
        }}});
        let created = http(&agent, "POST", &format!("{base}/session"), Some(caps));
        let id = match created {
            Ok(v) => v["sessionId"].as_str().expect("new session has a sessionId").to_string(),
            Err(e) => {
                drop(lifeline); // no Driver exists yet to do it on drop
                let _ = child.wait();
                panic!(
                    "could not start Chromium ({chrome_bin}, set CHROME): {}: {}\n\
                     chromedriver log:\n{}",
                    e.error,
                    e.message,
                    log_tail(&tmp.path().join("chromedriver.log"))
                )
            }
        };
        let s = Arc::new(Session { agent, base, id });
        Driver { s, child, lifeline, tmp, page_load }
    }
}

const DIAG_SCRIPT: &str = "return [location.href, document.title, \
     (document.body ? document.body.innerText : '<no body>').slice(0, 600)];";

/// Removes the browser profiles of runs whose process has ended. The wrapper removes its
/// profile when the run ends, but Chromium's last processes can still be writing to it then
/// (seen: the two kept sessions' profiles left behind by each run).
fn remove_profiles_of_ended_runs() {
    let Ok(entries) = fs::read_dir(std::env::temp_dir()) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        let Some(pid) = name.strip_prefix("mhr-e2e-browser-").and_then(|r| r.split('-').next())
        else {
            continue;
        };
        if !Path::new("/proc").join(pid).exists() {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// Spawns chromedriver on a fresh port and waits (≤ 20 s) for `GET /status` to say ready.
/// Returns `None` to ask for a retry unless `last`, in which case it panics with the log.
fn start_driver(
    bin: &str,
    agent: &ureq::Agent,
    tmp: &TempDir,
    last: bool,
) -> Option<(Child, String)> {
    let port =
        TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("free port").port();
    let log_path = tmp.path().join("chromedriver.log");
    let log = fs::File::create(&log_path).expect("create chromedriver.log");
    let mut child = Command::new("sh")
        .args(["-c", DRIVER_WRAPPER, bin, &format!("--port={port}")])
        .env("MHR_E2E_TMP", tmp.path())
        // Chromedriver makes the browser's profile in TMPDIR (it only opens a first page in
        // a profile it made itself, and the headless shell opens none of its own), so the
        // profile is inside the directory the wrapper removes.
        .env("TMPDIR", tmp.path())
        .process_group(0)
        .stdin(Stdio::piped())
        .stdout(log.try_clone().expect("clone log handle"))
        .stderr(log)
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run chromedriver at {bin} (set CHROMEDRIVER): {e}"));
    let base = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(20);
    let problem = loop {
        if let Ok(Some(status)) = child.try_wait() {
            break format!("chromedriver exited early ({status})");
        }
        let ready = agent.get(&format!("{base}/status")).timeout(Duration::from_secs(2)).call();
        if let Ok(r) = ready {
            if r.into_json::<Value>().is_ok_and(|v| v["value"]["ready"] == true) {
                return Some((child, base));
            }
        }
        if Instant::now() > deadline {
            break "chromedriver not ready after 20 s".to_string();
        }
        // Chromedriver has no readiness signal besides /status; a short pause between polls.
        std::thread::sleep(Duration::from_millis(50));
    };
    drop(child.stdin.take());
    let _ = child.wait();
    assert!(!last, "{problem}; chromedriver log:\n{}", log_tail(&log_path));
    None
}

fn log_tail(path: &Path) -> String {
    let text = fs::read_to_string(path).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(30)..].join("\n")
}

/// A DOM element of the session that found it.
#[derive(Clone)]
pub struct Element {
    s: Arc<Session>,
    id: String,
}

impl std::fmt::Debug for Element {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Element({})", self.id)
    }
}

impl Element {
    /// The JSON reference to pass this element as an `execute` argument.
    pub fn to_arg(&self) -> Value {
        json!({ ELEMENT_KEY: self.id })
    }

    fn get(&self, what: &str) -> Value {
        self.s.cmd("GET", &format!("/element/{}/{what}", self.id), None)
    }

    fn post(&self, what: &str, body: Value) {
        self.s.cmd("POST", &format!("/element/{}/{what}", self.id), Some(body));
    }

    /// Rendered (visible) text, as `innerText`.
    pub fn text(&self) -> String {
        self.get("text").as_str().unwrap_or_default().to_string()
    }

    /// A real pointer click at the element's centre; panics if another element covers it.
    pub fn click(&self) {
        self.post("click", json!({}));
    }

    pub fn attr(&self, name: &str) -> Option<String> {
        self.get(&format!("attribute/{name}")).as_str().map(str::to_string)
    }

    pub fn property(&self, name: &str) -> Value {
        self.get(&format!("property/{name}"))
    }

    /// Focuses the element and types `text` (may include `keys::*`).
    pub fn send_keys(&self, text: &str) {
        self.post("value", json!({ "text": text }));
    }

    pub fn clear(&self) {
        self.post("clear", json!({}));
    }

    pub fn is_displayed(&self) -> bool {
        self.get("displayed") == true
    }

    pub fn find(&self, css: &str) -> Option<Element> {
        find_in(&self.s, &format!("/element/{}", self.id), css)
    }

    pub fn find_all(&self, css: &str) -> Vec<Element> {
        find_all_in(&self.s, &format!("/element/{}", self.id), css)
    }
}

fn find_in(s: &Arc<Session>, scope: &str, css: &str) -> Option<Element> {
    let body = json!({"using": "css selector", "value": css});
    match s.try_cmd("POST", &format!("{scope}/element"), Some(body)) {
        Ok(v) => Some(Element { s: s.clone(), id: v[ELEMENT_KEY].as_str()?.to_string() }),
        Err(e) if e.error == "no such element" => None,
        Err(e) => panic!("find `{css}`: {}: {}", e.error, e.message),
    }
}

fn find_all_in(s: &Arc<Session>, scope: &str, css: &str) -> Vec<Element> {
    let body = json!({"using": "css selector", "value": css});
    let v = s.cmd("POST", &format!("{scope}/elements"), Some(body));
    let ids = v.as_array().cloned().unwrap_or_default();
    let ids = ids.iter().filter_map(|e| e[ELEMENT_KEY].as_str());
    ids.map(|id| Element { s: s.clone(), id: id.to_string() }).collect()
}
