//! Finishing a build: the app's and the widget's chunks installed, the app started from a
//! script file, trunk's skipped Rust link taken out of the page, the widget's stylesheet, the
//! chunk map, and the service worker's precache list; and the site's one stylesheet.

use std::path::Path;

use xtask::app_build::install;
use xtask::minify::integrity;
use xtask::precache::{entries, is_precached, manifest_json, version};
use xtask::styles::bundle;
use xtask::widget_css::rewrite_for_shadow_root;
use xtask::without_comments;
use xtask::without_rust_link;
use xtask::{chunk_map, content_hash, fill_placeholder, finish, linked_stylesheets};
use xtask::{service_worker, Sources};

#[test]
fn root_and_body_rules_are_rewritten_for_the_shadow_root() {
    let css = ":root { --a: 1rem; }\nhtml { x: y }\nbody, .other { margin: 0 }\nbody > p { a: b }\n.body { c: d }";
    let out = rewrite_for_shadow_root(css);
    // The widget's own root, inside the shadow root: custom properties a host page sets on
    // the <mhr-widget> element are inherited by it, and overridden there.
    assert!(out.contains(".mhr-root{ --a: calc(1 * var(--mhr-rem)); }"), "{out}");
    assert!(out.contains(".mhr-root{ x: y }"), "{out}");
    assert!(!out.contains(":host"), "no token is left on the host element: {out}");
    assert!(out.contains(".mhr-widget, .other{"), "{out}");
    assert!(out.contains(".mhr-widget > p{"), "{out}");
    assert!(out.contains(".body{"), "a class named body is not the body: {out}");
}

#[test]
fn rem_lengths_follow_the_widgets_own_root_size() {
    let out = rewrite_for_shadow_root(
        ".a { padding: 0.5rem 1rem; width: clamp(1.6rem, 1.2rem + 2vw, 2.4rem); --x: 3rem; }",
    );
    assert!(out.contains("padding: calc(0.5 * var(--mhr-rem)) calc(1 * var(--mhr-rem));"), "{out}");
    assert!(out.contains("clamp(calc(1.6 * var(--mhr-rem)), calc(1.2 * var(--mhr-rem)) + 2vw, calc(2.4 * var(--mhr-rem)))"), "{out}");
    assert!(!out.replace("var(--mhr-rem)", "").contains("rem"), "no rem left: {out}");
}

#[test]
fn words_that_contain_rem_are_left_alone() {
    let out =
        rewrite_for_shadow_root(".premium { content: \"x\"; grid-area: rem; --mhr-rem: 16px; }");
    assert!(out.contains("grid-area: rem;"), "{out}");
    assert!(out.contains("--mhr-rem: 16px;"), "{out}");
}

#[test]
fn width_queries_become_container_queries_in_pixels_and_others_stay() {
    let css = "@media (min-width: 56rem) { .a { b: c } }\n@media (prefers-reduced-motion: reduce) { * { d: e } }";
    let out = rewrite_for_shadow_root(css);
    assert!(out.contains("@container mhr (min-width: 896px){"), "{out}");
    assert!(out.contains("@media (prefers-reduced-motion: reduce){"), "{out}");
    assert!(out.contains(".a{ b: c }"), "rules inside keep their place: {out}");
}

#[test]
fn comments_are_dropped_and_braces_stay_balanced() {
    let out = rewrite_for_shadow_root(
        "/* a { */ .x { y: z; /* } */ }\n@media (min-width: 10rem) { .p { q: r } .s { t: u } }",
    );
    assert_eq!(out.matches('{').count(), out.matches('}').count(), "{out}");
    assert!(!out.contains("/*"), "{out}");
}

#[test]
fn trunks_skipped_rust_link_is_taken_out_and_a_binary_trunk_built_is_refused() {
    let html = "<head>\n<link data-trunk rel=\"rust\" data-bin=\"widget-app\" data-type=\"main\" data-trunk-skip />\n<link rel=\"stylesheet\" href=\"/p/a.css\"/></head>";
    let page = without_rust_link(html).unwrap();
    assert_eq!(page, "<head>\n\n<link rel=\"stylesheet\" href=\"/p/a.css\"/></head>");
    assert_eq!(without_rust_link(&page).unwrap(), page, "nothing else is touched");
    let other = "<head><script type=\"module\">import x from '/p/x.js';</script></head>";
    assert_eq!(without_rust_link(other).unwrap(), other, "other scripts stay");
    // A link trunk would build from, or the start-up trunk writes for what it built: the
    // site would download the widget on every first visit.
    let built =
        "<head><link data-trunk rel=\"rust\" data-bin=\"widget-app\" data-type=\"main\" /></head>";
    assert!(without_rust_link(built).is_err());
    let started = "<head><script type=\"module\">\nimport init from '/p/widget-app-9.js';\nawait init();\n</script></head>";
    assert!(without_rust_link(started).is_err());
}

#[test]
fn the_chunk_map_keeps_what_an_earlier_run_wrote_for_the_other_binary() {
    let needs = |file: &str| {
        std::collections::BTreeMap::from([("pages".to_string(), vec![file.to_string()])])
    };
    let first = chunk_map("", &[("app", needs("app-split_pages-1.wasm"))]);
    let both = chunk_map(&first, &[("widget-app", needs("widget-app-split_pages-1.wasm"))]);
    let both: serde_json::Value = serde_json::from_str(&both).unwrap();
    assert_eq!(both["app"]["pages"][0], "app-split_pages-1.wasm", "{both}");
    assert_eq!(both["widget-app"]["pages"][0], "widget-app-split_pages-1.wasm", "{both}");
    let again = chunk_map(&both.to_string(), &[("app", needs("app-split_pages-2.wasm"))]);
    let again: serde_json::Value = serde_json::from_str(&again).unwrap();
    assert_eq!(
        again["app"]["pages"][0], "app-split_pages-2.wasm",
        "a binary's own entry is replaced"
    );
    let fresh = chunk_map("not JSON", &[("app", needs("a.wasm"))]);
    assert_eq!(fresh, r#"{"app":{"pages":["a.wasm"]}}"#);
}

#[test]
fn comments_and_the_blank_lines_they_leave_are_taken_out_of_the_page() {
    let html = "<head>\n  <!-- a note\n  on two lines -->\n  <title>T</title>\n\n  <!-- x --><meta a>\n</head>";
    assert_eq!(without_comments(html), "<head>\n  <title>T</title>\n  <meta a>\n</head>\n");
    assert_eq!(without_comments("a <!-- never closed"), "a \n");
}

#[test]
fn stylesheets_are_found_in_order() {
    let html = r#"<link rel="stylesheet" href="/p/a-1.css" integrity="x"/><link rel="icon" href="i.svg"><link rel="stylesheet" href="/p/b-2.css"/>"#;
    assert_eq!(linked_stylesheets(html), vec!["/p/a-1.css", "/p/b-2.css"]);
}

#[test]
fn a_missing_placeholder_is_an_error_not_a_silent_skip() {
    assert_eq!(fill_placeholder("const A = /*X*/null;", "X", "[1]").unwrap(), "const A = [1];");
    assert!(fill_placeholder("const A = null;", "X", "[1]").is_err());
}

#[test]
fn content_hashes_are_stable_and_differ() {
    assert_eq!(content_hash(b"abc"), content_hash(b"abc"));
    assert_ne!(content_hash(b"abc"), content_hash(b"abd"));
    assert_eq!(content_hash(b"").len(), 16);
}

#[test]
fn the_precache_leaves_out_what_runs_elsewhere() {
    for kept in [
        "shell.html",
        "app-1_bg.wasm",
        "app-1.js",
        "app-loader-1.js",
        "app-split_compare-1.wasm",
        "app-chunk_6-1.wasm",
        "boot-2.js",
        "data/dataset.json",
        "icons/icon-192.png",
        "icons/widget-preview.png",
        "manifest.webmanifest",
    ] {
        assert!(is_precached(kept), "{kept}");
    }
    for left in [
        "sw.js",
        "index.html",
        "resource/x/index.html",
        "404.html",
        "widget.js",
        "embed.js",
        "widget-abc.css",
        "widget-app-abc.js",
        "widget-app-abc_bg.wasm",
        "_headers",
        ".DS_Store",
        "app.js.map",
        "views/browse/tag/diabetes.html",
    ] {
        assert!(!is_precached(left), "{left}");
    }
}

/// A fresh directory under the system's temporary one, of this test's own.
pub(crate) fn temp_dir(kind: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "mhr-{kind}-{}-{}",
        std::process::id(),
        content_hash(format!("{:?}", std::thread::current().id()).as_bytes())
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write_files(dir: &Path, files: &[(&str, &str)]) {
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
}

/// A binary as `app_build::build_all` leaves it (`kind` names the temporary directory):
/// wasm-bindgen's glue importing the chunk loader (and naming it as the wasm's import module),
/// the main module, the loader as wasm-split-cli writes it (importing the glue, a shared chunk,
/// and two split points: one with a chunk of its own that needs the shared one, one empty),
/// and the chunks.
fn fake_pkg(kind: &str, main_wasm: &str) -> std::path::PathBuf {
    let pkg = temp_dir(kind);
    let loader = "import { initSync } from \"./app.js\";\n/* a, b */\nconst __chunk_3 = makeLoad(() => {\n    const src = fetch(new URL(\"./chunk_3.wasm\", import.meta.url));\n    src.catch(() => {});\n}\n, []);\nexport const __wasm_split_load_compare = wrapAsyncCb(makeLoad(() => {\n    const src = fetch(new URL(\"./split_compare.wasm\", import.meta.url));\n    src.catch(() => {});\n}\n, [__chunk_3]));\nexport const __wasm_split_load_none = wrapAsyncCb(makeLoad(() => async (_imp) => ({}), []));\n";
    let files = [
        ("app.js", "import * as import1 from \"./__wasm_split.js\"\nconst imports = { \"./__wasm_split.js\": import1 };\nlet path = new URL('app_bg.wasm', import.meta.url);\n"),
        ("app_bg.wasm", main_wasm),
        ("__wasm_split.js", loader),
        ("split_compare.wasm", "chunk wasm"),
        ("chunk_3.wasm", "shared chunk"),
    ];
    write_files(&pkg, &files);
    pkg
}

fn fake_app_pkg() -> std::path::PathBuf {
    fake_pkg("pkg", "main wasm")
}

/// The product's sources that finishing reads: the stylesheet's list and its files, the app
/// in `pkg` and a widget.
fn fake_sources(pkg: &Path) -> Sources {
    let root = temp_dir("root");
    std::fs::create_dir_all(root.join("style")).unwrap();
    let files = [
        ("style/site.css", "@import \"tokens.css\";\n@import \"print.css\";\n"),
        ("style/tokens.css", ":root { --a: 1rem; }"),
        ("style/print.css", "@media print { body { x: y } }"),
    ];
    write_files(&root, &files);
    Sources {
        root,
        app_pkg: pkg.to_path_buf(),
        widget_pkg: fake_pkg("widget-pkg", "widget's main wasm"),
    }
}

fn fake_build() -> std::path::PathBuf {
    let dir = temp_dir("finish");
    std::fs::create_dir_all(dir.join("data")).unwrap();
    let files = [
        ("index.html", "<html><head><base href=\"/p/\" />\n<link data-trunk rel=\"rust\" data-bin=\"widget-app\" data-type=\"main\" data-trunk-skip />\n</head><body data-mhr-app></body></html>"),
        ("widget-base.css", ":host { --mhr-rem: 16px; }\n"),
        ("widget.js", "var ASSETS = /*MHR_ASSETS*/null;"),
        ("sw.js", "const MANIFEST = /*MHR_PRECACHE*/null;"),
        ("data/dataset.json", "{}"),
        ("_headers", "# Notes.\n/*\n  Content-Security-Policy: default-src 'self'; frame-ancestors *; sandbox allow-scripts; report-uri /r\n  X-Content-Type-Options: nosniff\n\n/sw.js\n  Cache-Control: no-cache\n"),
    ];
    write_files(&dir, &files);
    dir
}

#[test]
fn finishing_a_build_writes_every_piece_and_can_run_twice() {
    let (dir, pkg) = (fake_build(), fake_app_pkg());
    let sources = fake_sources(&pkg);
    finish(&dir, "/p/", &sources).unwrap();
    service_worker(&dir, None).unwrap();
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    let index = read("index.html");

    // The site's stylesheet: its imports inlined, named by content, linked with integrity.
    let site_css = index.split("<link rel=\"stylesheet\" href=\"/p/").nth(1).unwrap();
    let site_css = site_css.split('"').next().unwrap().to_string();
    assert!(site_css.starts_with("site-") && hashed_as_the_service_worker_sees_it(&site_css));
    let bundled = read(&site_css);
    assert!(bundled.contains(":root { --a: 1rem; }") && bundled.contains("@media print"));
    assert!(index.contains(&format!("href=\"/p/{site_css}\" integrity=\"sha384-")), "{index}");
    assert!(!index.contains("import init") && !index.contains("widget-app"), "{index}");

    // The app: installed under one hash, preloaded, and started by a script file.
    let js = index.split("modulepreload\" href=\"/p/").nth(1).unwrap().split('"').next().unwrap();
    let hash = js.strip_prefix("app-").unwrap().strip_suffix(".js").unwrap().to_string();
    assert_eq!(hash.len(), 16, "{index}");
    let (glue, wasm) = (format!("app-{hash}.js"), format!("app-{hash}_bg.wasm"));
    let (loader, chunk) =
        (format!("app-loader-{hash}.js"), format!("app-split_compare-{hash}.wasm"));
    for (name, what) in [(&glue, "glue"), (&loader, "loader")] {
        let tag = format!("<link rel=\"modulepreload\" href=\"/p/{name}\" crossorigin=\"anonymous\" integrity=\"sha384-");
        assert!(index.contains(&tag), "the {what} is preloaded with its integrity: {index}");
    }
    let tag = format!(
        "<link rel=\"preload\" href=\"/p/{wasm}\" crossorigin=\"anonymous\" integrity=\"sha384-"
    );
    assert!(index.contains(&tag), "{index}");
    for name in [&glue, &wasm, &loader, &chunk] {
        assert!(hashed_as_the_service_worker_sees_it(name), "{name}");
    }
    let boot = index.split("<script type=\"module\" src=\"/p/").nth(1).unwrap();
    let boot = boot.split('"').next().unwrap().to_string();
    let start = read(&boot);
    assert!(start.starts_with(&format!("import init from '/p/{glue}';\n")), "{start}");
    assert!(start.contains(&format!("await init({{ module_or_path: '/p/{wasm}' }});")), "{start}");
    assert!(start.contains("classList.add('no-app')"), "a failed start is marked: {start}");
    assert!(
        start.contains(
            "for (const inert of document.querySelectorAll('link[data-mhr-with-query]'))"
        ) && start.contains("} else if (location.search) preloads();"),
        "the inert preloads turned on where there is a query string: {start}"
    );
    // But for a list filtered by one tag, whose view the build wrote alone: that is put in
    // the page, from the site's folder, within the time the app waits for it.
    let tag_view = xtask::app_build::TAG_VIEW_SCRIPT
        .replace("{VIEWS}", "/p/views/")
        .replace("{WAIT}", &mhr::core::written::FILE_WAIT_MS.to_string())
        .replace("{PUT}", "mhrTagView");
    assert!(start.contains(&format!("{tag_view} else if (location.search)")), "{start}");
    assert!(start.contains("window.mhrTagView.then((put) => put || preloads());"), "{start}");
    assert!(start.contains("fetch('/p/views/' + at.slice(1) + 'tag/'"), "{start}");
    for placeholder in ["{VIEWS}", "{WAIT}", "{PUT}"] {
        assert!(!start.contains(placeholder), "{placeholder}: {start}");
    }
    let glue_text = read(&glue);
    assert!(
        glue_text.starts_with(&format!("import * as import1 from \"./{loader}\"")),
        "{glue_text}"
    );
    assert!(
        glue_text.contains("{ \"./__wasm_split.js\": import1 }"),
        "the wasm's import module keeps its name: {glue_text}"
    );
    assert!(glue_text.contains(&format!("new URL('{wasm}'")), "{glue_text}");
    let loader_text = read(&loader);
    assert!(loader_text.contains(&format!("from \"./{glue}\"")), "{loader_text}");
    assert!(loader_text.contains(&format!("new URL(\"./{chunk}\"")), "{loader_text}");
    assert_eq!(read(&chunk), "chunk wasm");
    assert_eq!(read(&wasm), "main wasm");

    // The widget: its binary installed as the app's, under its own name, its stylesheet
    // written, both in widget.js.
    let widget = read("widget.js");
    let widget_js = widget.split("\"js\":\"").nth(1).unwrap().split('"').next().unwrap();
    let widget_hash = widget_js.strip_prefix("widget-app-").unwrap().strip_suffix(".js").unwrap();
    let widget_wasm = format!("widget-app-{widget_hash}_bg.wasm");
    let widget_loader = format!("widget-app-loader-{widget_hash}.js");
    assert!(
        widget.contains(&format!(
            "\"loader\":\"{widget_loader}\",\"wasm\":\"{widget_wasm}\",\"css\":\"widget-"
        )),
        "{widget}"
    );
    assert!(read(widget_js).contains(&format!("from \"./{widget_loader}\"")), "{widget}");
    assert!(read(&widget_loader).contains(&format!("from \"./{widget_js}\"")));
    assert_eq!(read(&widget_wasm), "widget's main wasm", "the widget's own binary");
    assert!(hashed_as_the_service_worker_sees_it(&widget_loader), "{widget_loader}");

    // The chunk map: each binary's split points and what they download, by installed name.
    let map: serde_json::Value = serde_json::from_str(&read("chunks.json")).unwrap();
    let shared = format!("app-chunk_3-{hash}.wasm");
    assert_eq!(map["app"]["compare"], serde_json::json!([chunk, shared]), "{map}");
    assert_eq!(map["app"]["none"], serde_json::json!([]), "an empty split point downloads nothing");
    assert_eq!(
        map["widget-app"]["compare"],
        serde_json::json!([
            format!("widget-app-split_compare-{widget_hash}.wasm"),
            format!("widget-app-chunk_3-{widget_hash}.wasm")
        ]),
        "{map}"
    );
    let css_name =
        widget.split("\"css\":\"").nth(1).unwrap().split('"').next().unwrap().to_string();
    let css = read(&css_name);
    assert!(css.starts_with(":host { --mhr-rem: 16px; }"), "the widget's base comes first: {css}");
    assert!(css.contains(".mhr-root{ --a: calc(1 * var(--mhr-rem)); }"), "{css}");
    assert!(
        !css.contains("@media print") && !css.contains("x: y"),
        "print styles are not for the widget: {css}"
    );
    assert!(!dir.join("widget-base.css").exists(), "the source of the widget's base is removed");

    // The service worker's precache list.
    let sw = read("sw.js");
    let list = entries(&dir).unwrap();
    assert!(sw.contains(&manifest_json(&list)), "{sw}");
    let urls: Vec<&str> = list.iter().map(|e| e.url.as_str()).collect();
    for precached in [&glue, &wasm, &loader, &chunk, &boot, &site_css] {
        assert!(urls.contains(&precached.as_str()), "{precached} in {urls:?}");
    }
    assert!(urls.contains(&"data/dataset.json"), "{urls:?}");
    assert!(
        !urls
            .iter()
            .any(|u| u.starts_with("widget") || ["sw.js", "404.html", "chunks.json"].contains(u)),
        "{urls:?}"
    );

    // Trunk's `serve` reruns the hook only on a fresh build, but a rerun must not fail.
    let before = version(&list);
    finish(&dir, "/p/", &sources).unwrap();
    service_worker(&dir, None).unwrap();
    assert_eq!(version(&entries(&dir).unwrap()), before);
    assert_eq!(read("widget.js"), widget, "the widget keeps its names");
    let kept: serde_json::Value = serde_json::from_str(&read("chunks.json")).unwrap();
    assert_eq!(kept, map, "a rerun keeps both binaries' chunk maps");
    std::fs::remove_dir_all(&dir).ok();
    std::fs::remove_dir_all(&pkg).ok();
    std::fs::remove_dir_all(&sources.root).ok();
    std::fs::remove_dir_all(&sources.widget_pkg).ok();
}

/// `public/sw.js`'s test for a hashed name (`HASHED`), whose files may come from the HTTP
/// cache: a `-`, 12 to 16 hex digits, `_bg` or nothing, and the extension.
fn hashed_as_the_service_worker_sees_it(name: &str) -> bool {
    let sw = include_str!("../../../public/sw.js");
    let test = r"const HASHED = /-[0-9a-f]{12,16}(_bg)?\.[a-z]+$/;";
    assert!(sw.contains(test), "sw.js changed its test for hashed names");
    let Some((stem, ext)) = name.rsplit_once('.') else { return false };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let Some((_, hash)) = stem.rsplit_once('-') else { return false };
    !ext.is_empty()
        && ext.chars().all(|c| c.is_ascii_lowercase())
        && (12..=16).contains(&hash.len())
        && hash.chars().all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))
}

#[test]
fn any_change_to_the_app_renames_all_of_it() {
    let pkg = fake_app_pkg();
    let (a, b) = (temp_dir("install-a"), temp_dir("install-b"));
    let first = install(&pkg, &a, "app", "").unwrap();
    let minified = install(&pkg, &b, "app", "minified by terser 5").unwrap();
    assert_ne!(first.js, minified.js, "minified files are named apart from unminified ones");
    std::fs::write(pkg.join("split_compare.wasm"), "another chunk").unwrap();
    let second = install(&pkg, &b, "app", "").unwrap();
    assert_ne!(first.js, second.js, "a changed chunk renames the glue that leads to it");
    assert_ne!(first.loader, second.loader);
    assert_eq!(second.chunks.len(), 2);
    for dir in [a, b, pkg] {
        std::fs::remove_dir_all(dir).ok();
    }
}

#[test]
fn an_app_whose_scripts_do_not_name_each_other_is_refused() {
    let pkg = fake_app_pkg();
    let dir = temp_dir("install-refused");
    std::fs::write(pkg.join("__wasm_split.js"), "import { initSync } from \"./main.js\";").unwrap();
    let err = install(&pkg, &dir, "app", "").unwrap_err().to_string();
    assert!(err.contains("./app.js"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
    std::fs::remove_dir_all(&pkg).ok();
}

fn style_dir(files: &[(&str, &str)]) -> std::path::PathBuf {
    // Named by the files too: a test may make several.
    let dir = temp_dir(&format!("styles-{}", content_hash(format!("{files:?}").as_bytes())));
    write_files(&dir, files);
    dir
}

#[test]
fn the_site_stylesheet_is_its_imports_inlined_in_order() {
    let dir = style_dir(&[
        (
            "site.css",
            "/* The list.\n   Two lines. */\n@import \"b.css\"; /* b */\n\n/* a */ @import \"a.css\";\n",
        ),
        ("a.css", ".a { color: red; }\n"),
        ("b.css", ":root { --x: 1; }"),
    ]);
    let css = bundle(&dir.join("site.css")).unwrap();
    assert_eq!(css, "/* b.css */\n:root { --x: 1; }\n/* a.css */\n.a { color: red; }\n");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_site_stylesheet_refuses_rules_and_imports_from_elsewhere() {
    for line in [
        ".x { color: red; }",
        "@import url(\"a.css\");",
        "@import \"../secret.css\";",
        "@import \"https://example.com/a.css\";",
        "@import \"a.js\";",
    ] {
        let dir = style_dir(&[("site.css", line), ("a.css", ".a{}")]);
        let err = bundle(&dir.join("site.css")).unwrap_err().to_string();
        assert!(err.contains("site.css:1") && err.contains(line), "{line}: {err}");
        std::fs::remove_dir_all(&dir).ok();
    }
    let dir = style_dir(&[
        ("site.css", "@import \"a.css\";\n/* never closed\n@import \"a.css\";"),
        ("a.css", ".a{}"),
    ]);
    let err = bundle(&dir.join("site.css")).unwrap_err().to_string();
    assert!(err.contains("not closed"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
    let dir = style_dir(&[("site.css", "@import \"missing.css\";")]);
    assert!(bundle(&dir.join("site.css")).unwrap_err().to_string().contains("missing.css"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_shipped_site_stylesheet_imports_every_stylesheet_once() {
    let style = Path::new(env!("CARGO_MANIFEST_DIR")).join("../style");
    let css = bundle(&style.join("site.css")).unwrap();
    for entry in std::fs::read_dir(&style).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if name == "site.css" || name == "widget-base.css" {
            continue;
        }
        assert_eq!(css.matches(&format!("/* {name} */\n")).count(), 1, "{name}");
    }
}

#[test]
fn integrity_is_the_base64_sha384_browsers_check() {
    // Known values: SHA-384 of "" and of "abc" (FIPS 180-2), in base64.
    assert_eq!(
        integrity(b""),
        "sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb"
    );
    assert_eq!(
        integrity(b"abc"),
        "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"
    );
}

#[test]
fn print_rules_are_left_out_of_the_widget() {
    let css = "a { color: red; }\n@media print {\n  .x { content: \" }\"; }\n  @page { margin: 1cm; }\n  /* } */ body { font-size: 11pt; }\n}\n.b { margin: 1rem; }";
    let out = rewrite_for_shadow_root(css);
    assert!(!out.contains("print") && !out.contains("11pt") && !out.contains("@page"), "{out}");
    assert!(out.contains("a{ color: red; }") || out.contains("a { color: red; }"), "{out}");
    assert!(out.contains(".b") && out.contains("calc(1 * var(--mhr-rem))"), "{out}");
}

#[test]
fn headers_are_written_for_the_builds_prefix_and_every_page_carries_the_policy() {
    let (dir, pkg) = (fake_build(), fake_app_pkg());
    finish(&dir, "/p/", &fake_sources(&pkg)).unwrap();
    xtask::headers::write(&dir, "/p/", true).unwrap();
    let headers = std::fs::read_to_string(dir.join("_headers")).unwrap();
    assert!(headers.contains("\n/p/*\n") && headers.contains("\n/p/sw.js\n"), "{headers}");
    assert!(!headers.lines().any(|l| l == "/*" || l == "/sw.js"), "{headers}");
    let page = std::fs::read_to_string(dir.join("index.html")).unwrap();
    let meta = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'\">";
    assert!(page.contains(meta), "the policy, less what a <meta> cannot carry: {page}");
    assert!(page.find(meta) < page.find("<base"), "before anything it governs: {page}");
    // A second run changes neither.
    finish(&dir, "/p/", &fake_sources(&pkg)).unwrap();
    xtask::headers::write(&dir, "/p/", true).unwrap();
    assert_eq!(std::fs::read_to_string(dir.join("_headers")).unwrap(), headers);
    let again = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert_eq!(again.matches("http-equiv").count(), 1, "{again}");
}

#[test]
fn the_shipped_headers_name_every_policy_the_readme_promises() {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../public/_headers"))
            .unwrap();
    for name in [
        "Content-Security-Policy:",
        "Permissions-Policy:",
        "Cross-Origin-Opener-Policy: same-origin",
        "Strict-Transport-Security:",
        "frame-ancestors *",
    ] {
        assert!(text.contains(name), "_headers lacks {name}");
    }
}

#[test]
fn a_development_build_has_headers_for_its_prefix_and_no_page_policy() {
    let (dir, pkg) = (fake_build(), fake_app_pkg());
    finish(&dir, "/p/", &fake_sources(&pkg)).unwrap();
    xtask::headers::write(&dir, "/p/", false).unwrap();
    assert!(std::fs::read_to_string(dir.join("_headers")).unwrap().contains("\n/p/*\n"));
    let page = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(!page.contains("http-equiv"), "trunk serve's live reload is an inline script: {page}");
}
