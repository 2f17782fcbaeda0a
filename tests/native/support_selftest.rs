//! Checks the e2e support code itself: the static server over plain HTTP and, when Chromium
//! and chromedriver are installed, the WebDriver client against a tiny page.

use crate::support;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Duration;
use support::{keys, Browser, Fallback, ServeOptions, StaticServer, TempDir};

const INDEX: &str = r#"<!doctype html>
<html><head><title>Self Test</title><script src="foo.js"></script></head>
<body>
<button id="b">press</button> <p id="out">idle</p> <input id="i">
<script>
  const out = document.getElementById('out');
  document.getElementById('b').addEventListener('click', () => { out.textContent = 'clicked'; });
  document.getElementById('i').addEventListener('keydown', (e) => {
    if (e.key === 'Enter') out.textContent = 'enter:' + e.target.value;
    if (e.key === 'Escape') out.textContent = 'escape';
  });
  setTimeout(() => {
    const d = document.createElement('div');
    d.id = 'late';
    d.textContent = 'arrived late';
    document.body.append(d);
  }, 300);
</script>
</body></html>"#;

/// A site with an index, a script, a wasm file, a 404 page and a file needing percent-encoding.
fn fixture() -> TempDir {
    let dir = TempDir::new("selftest");
    let p = dir.path();
    std::fs::write(p.join("index.html"), INDEX).unwrap();
    std::fs::write(p.join("foo.js"), "window.fooLoaded = true; console.error('selftest-error');")
        .unwrap();
    std::fs::write(p.join("app.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(p.join("404.html"), "<title>Gone</title>custom 404").unwrap();
    std::fs::write(p.join("a b.txt"), "spaced").unwrap();
    std::fs::create_dir_all(p.join("page")).unwrap();
    std::fs::write(p.join("page/index.html"), "<title>A page</title>").unwrap();
    // Navigates away by itself, to check that waits survive a full page load.
    std::fs::write(
        p.join("hop.html"),
        "<script>setTimeout(() => location.href = '/', 200)</script>",
    )
    .unwrap();
    dir
}

/// (status, content type, body) without following redirects or erroring on 4xx/5xx.
fn get(url: &str) -> (u16, String, String) {
    let agent = ureq::AgentBuilder::new().redirects(0).build();
    let resp = match agent.get(url).call() {
        Ok(r) => r,
        Err(ureq::Error::Status(_, r)) => r,
        Err(e) => panic!("GET {url}: {e}"),
    };
    let status = resp.status();
    let ctype = resp.header("content-type").unwrap_or("").to_string();
    (status, ctype, resp.into_string().unwrap())
}

/// Sends a raw request line, bypassing client-side URL normalization of `..`.
fn raw_status(server: &StaticServer, target: &str) -> String {
    let mut s = TcpStream::connect(server.origin().trim_start_matches("http://")).unwrap();
    write!(s, "GET {target} HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
    let mut text = String::new();
    s.read_to_string(&mut text).unwrap();
    text.lines().next().unwrap_or("").to_string()
}

#[test]
fn server_serves_files_types_and_spa_fallback() {
    let dir = fixture();
    let opts = ServeOptions::default()
        .with_fallback(Fallback::SpaIndex)
        .with_header("X-Test", "yes")
        .with_override("/data.json", 500, "application/json", b"{broken");
    let server = StaticServer::start(dir.path(), opts);

    let (status, ctype, body) = get(&server.url("/"));
    assert_eq!((status, ctype.as_str()), (200, "text/html; charset=utf-8"));
    assert!(body.contains("<title>Self Test</title>"));
    assert_eq!(get(&server.url("foo.js?v=3")).1, "text/javascript; charset=utf-8");
    assert_eq!(get(&server.url("/app.wasm")).1, "application/wasm");
    assert_eq!(get(&server.url("/a%20b.txt")).2, "spaced");

    // Client-side routes get the app; missing assets must not be masked by HTML.
    let (status, _, body) = get(&server.url("/resource/some-id"));
    assert_eq!(status, 200);
    assert!(body.contains("Self Test"));
    let (status, ctype, _) = get(&server.url("/missing.js"));
    assert_eq!((status, ctype.as_str()), (404, "text/plain; charset=utf-8"));

    assert_eq!(get(&server.url("/data.json")), (500, "application/json".into(), "{broken".into()));
    assert!(raw_status(&server, "/../Cargo.toml").contains(" 400 "));
    assert!(raw_status(&server, "/%2e%2e/Cargo.toml").contains(" 400 "));

    let head = ureq::head(&server.url("/foo.js")).call().unwrap();
    assert_eq!(head.header("x-test"), Some("yes"));
    assert_eq!(head.header("cache-control"), Some("no-store"));
    assert!(head.header("content-length").unwrap().parse::<usize>().unwrap() > 0);
    assert_eq!(head.into_string().unwrap(), "");

    let log = server.requests();
    assert!(log.contains(&"/foo.js".to_string()) && log.contains(&"/a%20b.txt".to_string()));
}

/// An override answers until the test lifts it; then the file is served, as by a host that
/// came back.
#[test]
fn an_overridden_path_is_served_from_its_file_once_lifted() {
    let dir = fixture();
    let server = StaticServer::start(
        dir.path(),
        ServeOptions::default().with_override("/foo.js", 503, "text/plain", b"down"),
    );
    assert_eq!(get(&server.url("/foo.js")).0, 503);
    server.lift_override("/foo.js");
    let (status, _, body) = get(&server.url("/foo.js"));
    assert_eq!(status, 200);
    assert!(body.contains("fooLoaded"), "{body}");
    // Both answered, and nothing else was.
    assert_eq!(server.wait_for_answers("/foo.js", 2, Duration::from_secs(5)), 2);
    assert_eq!(server.wait_for_answers("/app.wasm", 1, Duration::from_millis(1)), 0);
}

#[test]
fn server_prefix_and_not_found_page() {
    let dir = fixture();
    let opts = ServeOptions::default().with_prefix("site").with_fallback(Fallback::NotFoundPage);
    let server = StaticServer::start(dir.path(), opts);
    assert_eq!(server.prefix(), "/site/");
    assert_eq!(server.site_url("foo.js"), server.url("/site/foo.js"));

    assert_eq!(get(&server.site_url("")).0, 200);
    assert_eq!(get(&server.url("/site/foo.js")).0, 200);
    assert_eq!(get(&server.url("/site")).0, 301);
    assert_eq!(get(&server.url("/foo.js")).0, 404, "outside the prefix");
    let (status, _, body) = get(&server.url("/site/no/such/page"));
    assert_eq!((status, body.as_str()), (404, "<title>Gone</title>custom 404"));

    let plain =
        StaticServer::start(dir.path(), ServeOptions::default().with_fallback(Fallback::None));
    assert_eq!(get(&plain.url("/route")).0, 404);
}

#[test]
fn a_folder_is_its_index_at_its_address_with_a_final_slash() {
    let dir = fixture();
    let server = StaticServer::start(dir.path(), ServeOptions::default());
    assert_eq!(
        get(&server.url("/page/")),
        (200, "text/html; charset=utf-8".into(), "<title>A page</title>".into())
    );
    let agent = ureq::AgentBuilder::new().redirects(0).build();
    let moved = agent.get(&server.url("/page?q=1")).call().expect("a response");
    assert_eq!(moved.status(), 301);
    let moved = moved.header("location").map(str::to_string);
    assert_eq!(moved.as_deref(), Some("/page/?q=1"));
    let (status, _, body) = get(&server.url("/no/such/page/"));
    assert_eq!(
        (status, body.as_str()),
        (404, "<title>Gone</title>custom 404"),
        "404.html by default"
    );
}

#[test]
fn browser_drives_a_page() {
    let dir = fixture();
    let server = StaticServer::start(dir.path(), ServeOptions::default());
    let b = Browser::launch(800, 600);
    let t = Duration::from_secs(10);

    b.goto(&server.url("/hop.html"));
    b.wait_until("document.title === 'Self Test'", t, "the page to hop to the index");
    assert_eq!(b.title(), "Self Test");
    assert_eq!(b.current_url(), server.url("/"));
    assert_eq!(b.execute("return window.fooLoaded", vec![]), true);
    let errors = b.console_errors();
    assert!(errors.len() == 1 && errors[0].contains("selftest-error"), "{errors:?}");

    b.wait_for("#late", t);
    b.find("#b").expect("button").click();
    assert_eq!(b.wait_for_text("#out", "clicked", t).text(), "clicked");
    assert!(b.find("#nope").is_none());
    assert_eq!(b.find_all("button, input").len(), 2);

    let input = b.find("#i").unwrap();
    input.send_keys("abc");
    b.press_key(keys::ENTER);
    b.wait_for_text("#out", "enter:abc", t);
    b.press_key(keys::ESCAPE);
    b.wait_for_text("#out", "escape", t);
    assert_eq!(input.property("value"), "abc");
    input.clear();
    assert_eq!(input.attr("id").as_deref(), Some("i"));
    assert!(input.is_displayed());

    b.set_window_size(500, 400);
    assert_eq!(b.execute("return innerWidth", vec![]), 500);
    let shot = dir.path().join("shots/page.png");
    b.screenshot(&shot);
    assert_eq!(&std::fs::read(&shot).unwrap()[..8], b"\x89PNG\r\n\x1a\n");

    let err = catch_unwind(AssertUnwindSafe(|| {
        b.wait_until("false", Duration::from_millis(200), "something impossible")
    }))
    .expect_err("wait_until must panic on timeout");
    let msg = err.downcast_ref::<String>().cloned().unwrap_or_default();
    assert!(msg.contains("something impossible") && msg.contains("Self Test"), "{msg}");
}

#[test]
fn a_browser_handed_back_starts_the_next_test_clean() {
    let dir = fixture();
    let server = StaticServer::start(dir.path(), ServeOptions::default());
    let first = Browser::launch_without_scripts(800, 600);
    first.goto(&server.url("/"));
    assert_eq!(
        first.execute("return window.fooLoaded ?? 'no script ran'", vec![]),
        "no script ran"
    );
    first.new_tab();
    first.set_window_size(375, 600);
    drop(first);

    // The pool's session, if it is the same one, has one fresh tab at the size asked for,
    // with scripts on and no emulated viewport left.
    let next = Browser::launch(800, 600);
    assert_eq!(next.window_handles().len(), 1);
    assert_eq!(next.current_url(), "about:blank");
    next.goto(&server.url("/"));
    assert_eq!(next.execute("return window.fooLoaded", vec![]), true);
    assert_eq!(next.execute("return innerWidth", vec![]), 800);

    // And a second server never reuses an origin the browser has seen.
    let other = StaticServer::start(dir.path(), ServeOptions::default());
    assert_ne!(other.origin(), server.origin());
}
