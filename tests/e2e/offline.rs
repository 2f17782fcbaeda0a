//! Offline and static hosting: no request leaves the site's origin, the shipped headers' CSP
//! is never violated, `404.html` boots deep links on hosts without rewrites, the service
//! worker serves every view offline and never answers a missing asset with the shell, and a
//! new deployment is offered to an open tab without leaving it blank.

use crate::support;

use std::path::Path;

use support::deploy::{
    deploy_and_visit, new_worker_version, rename_built_file, wait_controlled, Deployed,
};
use support::{
    prefixed_dist, shipped_headers, Browser, Fallback, ServeOptions, StaticServer, WAIT,
};

/// Records CSP violations of every document (frames too) before its scripts run.
const RECORD_CSP: &str = "window.__csp = []; addEventListener('securitypolicyviolation', \
     (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));";

/// Every kind of view, with the text its heading shows.
const VIEWS: [(&str, &str); 14] = [
    ("", "Midlands"),
    ("section/strengths", ""),
    ("resource/data-driven-healthcare-report", "Data"),
    ("tag/diabetes", "Diabetes"),
    ("browse?tag=economy&tag=east-midlands", "Browse"),
    ("search?q=air%20qualty", "Search"),
    ("compare", "Compare"),
    ("compare?mode=chart&c=medtech&c=data-driven-healthcare", "Compare"),
    ("about", "About"),
    ("no/such/page", "not found"),
    ("embed?view=browse&tags=economy", "Embed"),
    ("embed?view=compare&kind=widget&theme=dark", "Embed"),
    ("browse?tag=economy&embed=1&theme=dark", "Browse"),
    ("resource/data-driven-healthcare-report?embed=1", "Data"),
];

#[test]
fn every_view_stays_on_its_origin_and_keeps_to_the_strict_csp() {
    let server =
        StaticServer::start(support::dist_dir(), ServeOptions::default().with_shipped_headers());
    let csp =
        shipped_headers().into_iter().find(|(k, _)| k == "Content-Security-Policy").unwrap().1;
    assert!(!csp.contains("'unsafe-inline'") && !csp.contains("'unsafe-eval'"), "{csp}");
    let browser = Browser::launch(1280, 900);
    browser.on_every_document(RECORD_CSP);
    // What Chromium loaded for itself before the first visit (its new-tab page) is not ours.
    browser.goto("about:blank");
    browser.requested_urls();
    let origin = server.origin();
    let mut seen = 0;
    for (path, heading) in VIEWS {
        browser.goto(&server.site_url(path));
        browser.wait_for_text("main h1", heading, WAIT);
        if path.contains("kind=widget") {
            browser.wait_until(
                "(() => { const w = document.querySelector('mhr-widget'); return w && w.shadowRoot && w.shadowRoot.querySelector('h1'); })()",
                WAIT,
                "the widget preview",
            );
        }
        if path.starts_with("embed?view=browse") {
            // The preview iframe, in the embed layout, under the same policy.
            let frame = browser.wait_for("iframe[data-mhr-embed]", WAIT);
            browser.switch_to_frame(&frame);
            browser.wait_for("[data-testid=result-count]", WAIT);
            let frame_csp = browser.execute("return window.__csp", vec![]);
            assert_eq!(frame_csp, serde_json::json!([]), "CSP violations in the preview frame");
            browser.switch_to_top();
        }
        let violations = browser.execute("return window.__csp", vec![]);
        assert_eq!(violations, serde_json::json!([]), "CSP violations on {path}");
        let urls = browser.requested_urls();
        seen += urls.len();
        for url in urls {
            assert!(url.starts_with(&origin), "{path} requested {url}, outside {origin}");
        }
        // The host's honest status for an unknown address is not an error of the site's.
        let errors: Vec<String> = browser
            .console_errors()
            .into_iter()
            .filter(|e| !(path == "no/such/page" && e.contains("404 (Not Found)")))
            .collect();
        assert!(errors.is_empty(), "{path}: {errors:?}");
    }
    assert!(seen > 20, "the network log saw the app's requests ({seen})");
}

#[test]
fn on_a_host_that_serves_404_html_deep_links_boot_the_app() {
    for (dist, prefix) in [(support::dist_dir(), "/".to_string()), prefixed_dist()] {
        let opts =
            ServeOptions::default().with_prefix(&prefix).with_fallback(Fallback::NotFoundPage);
        let server = StaticServer::start(&dist, opts);
        let browser = Browser::launch(1280, 900);
        browser.goto(&server.site_url("resource/data-driven-healthcare-report"));
        browser.wait_for_text("main h1", "Data", WAIT);
        browser.goto(&server.site_url("browse?tag=economy"));
        browser.wait_for_text("[data-testid=result-count]", "7 resources", WAIT);
        // A link followed inside the app still works, and so does a reload of where it leads.
        browser
            .find_all("header nav a")
            .into_iter()
            .find(|a| a.text() == "Compare")
            .unwrap()
            .click();
        browser.wait_for_text("main h1", "Compare", WAIT);
        browser.refresh();
        browser.wait_for_text("main h1", "Compare", WAIT);
        assert!(
            browser.current_url().starts_with(&server.site_url("compare")),
            "{}",
            browser.current_url()
        );
        let errors: Vec<String> = browser
            .console_errors()
            .into_iter()
            .filter(|e| !e.contains("404 (Not Found)")) // the host's honest status for 404.html
            .collect();
        assert!(errors.is_empty(), "{prefix}: {errors:?}");
    }
}

/// `fetch(path)` from the page: "STATUS TYPE" of the answer, or "failed".
fn fetch_outcome(browser: &Browser, url: &str) -> String {
    browser
        .execute_async(
            "const done = arguments[arguments.length - 1];
             fetch(arguments[0]).then(async r => done(r.status + ' ' + (r.headers.get('content-type') || '') + ' ' + (await r.text()).slice(0, 40)))
               .catch(() => done('failed'));",
            vec![serde_json::json!(url)],
        )
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn after_one_visit_every_view_works_offline_under_a_prefix() {
    let (dist, prefix) = prefixed_dist();
    let server = StaticServer::start(&dist, ServeOptions::default().with_prefix(&prefix));
    let browser = Browser::launch(1280, 900);
    browser.goto(&server.site_url(""));
    browser.wait_for_text("main h1", "Midlands", WAIT);
    wait_controlled(&browser);
    let scope = browser.execute_async(
        "const done = arguments[arguments.length - 1]; navigator.serviceWorker.getRegistration().then(r => done(r.scope));",
        vec![],
    );
    assert_eq!(scope, serde_json::json!(server.site_url("")), "the worker's scope is the prefix");
    // A missing asset is the server's 404 (its 404.html), not the app's shell.
    let missing = fetch_outcome(&browser, &server.site_url("no-such-file.js"));
    assert!(missing.starts_with("404"), "{missing}");

    let base = server.site_url("");
    let site_url = |p: &str| format!("{base}{p}");
    // Every kind of view, none of them visited before but home.
    let views = [
        ("resource/focus-adhd-guide/", "ADHD"),
        ("browse/?tag=economy", "Browse"),
        ("compare/?mode=chart", "Compare"),
        ("about/", "About"),
        ("", "Midlands"),
        ("section/strengths/", "strengths"),
        ("tag/diabetes/", "Diabetes"),
        ("search/?q=air%20quality", "Search"),
        ("embed/", "Embed"),
    ];
    let urls: Vec<String> = views.iter().map(|(p, _)| site_url(p)).collect();
    drop(server);
    browser.set_offline(true);
    browser.refresh();
    browser.wait_for_text("main h1", "Midlands", WAIT);
    browser.wait_for("[data-testid=offline]", WAIT);
    for (url, (_, heading)) in urls.iter().zip(views) {
        browser.goto(url);
        browser.wait_for_text("main h1", heading, WAIT);
    }
    browser.goto(&urls[1]);
    browser.wait_for_text("[data-testid=result-count]", "7 resources", WAIT);
    // Offline, a missing asset fails; it is still not answered with the shell.
    let missing = fetch_outcome(&browser, &site_url("no-such-file.js"));
    assert!(missing == "failed" || missing.starts_with("404"), "{missing}");
    browser.set_offline(false);
    browser.wait_until(
        "!document.querySelector('[data-testid=offline]')",
        WAIT,
        "the offline notice to go",
    );
}

#[test]
fn a_new_deployment_is_offered_to_an_open_tab_and_reload_switches_to_it() {
    let Deployed { browser, root, _host, server: _server } =
        deploy_and_visit("resource/focus-adhd-guide", "ADHD");

    // Deploy a second build: a changed dataset, and so a new precache list and version.
    let dataset = root.join("data/dataset.json");
    let text = std::fs::read_to_string(&dataset).unwrap();
    let renamed =
        text.replacen("\"curator\": \"MI Health\"", "\"curator\": \"MI Health, second build\"", 1);
    assert_ne!(text, renamed, "the curator is in the dataset");
    std::fs::write(&dataset, &renamed).unwrap();
    new_worker_version(&root, "second-build");

    // The open tab notices (as when it comes back into view) and offers the new version,
    // still showing the page it had.
    browser.execute("navigator.serviceWorker.getRegistration().then(r => r.update());", vec![]);
    browser.wait_for("[data-testid=update-available]", WAIT);
    browser.wait_for_text("main h1", "ADHD", WAIT);
    browser.find("[data-testid=update-available] button").unwrap().click();
    browser.wait_until(
        "document.querySelector('footer') && document.querySelector('footer').textContent.includes('second build')",
        WAIT,
        "the reloaded page to show the second build's data",
    );
    browser.wait_for_text("main h1", "ADHD", WAIT);
    let caches = browser.execute_async(
        "const done = arguments[arguments.length - 1]; caches.keys().then(done);",
        vec![],
    );
    assert_eq!(caches, serde_json::json!(["mhr:/:second-build"]), "the old cache is deleted");
}

#[test]
fn the_dataset_comes_from_the_cache_and_is_refreshed_only_when_its_schema_matches() {
    let Deployed { browser, server, root, _host } = deploy_and_visit("", "Midlands");
    let dataset = root.join("data/dataset.json");
    let original = std::fs::read_to_string(&dataset).unwrap();
    let edit = |from: &str, to: &str| {
        let text = original.replacen(from, to, 1);
        assert_ne!(text, original, "{from} is in the dataset");
        std::fs::write(&dataset, text).unwrap();
    };
    let footer_says = |text: &str| {
        browser.wait_for_text("main h1", "Midlands", WAIT);
        browser.wait_for("footer", WAIT).text().contains(text)
    };

    // An edited dataset: the next visit still gets the cached copy at once, while the worker
    // fetches the new one for the visit after.
    edit("\"curator\": \"MI Health\"", "\"curator\": \"MI Health, refreshed\"");
    browser.refresh();
    assert!(!footer_says("refreshed"), "the first reload is answered from the cache");
    let url = server.site_url("data/dataset.json");
    browser.wait_until(
        &format!(
            "(window.__probe = window.__probe || (async () => {{ for (;;) {{ \
               const r = await caches.match({url:?}); \
               if (r && (await r.text()).includes('refreshed')) return window.__fresh = true; \
               await new Promise((go) => setTimeout(go, 50)); }} }})()), window.__fresh === true"
        ),
        WAIT,
        "the worker to store the refreshed dataset",
    );
    browser.refresh();
    assert!(footer_says("refreshed"), "the visit after gets the refreshed dataset");

    // A dataset of another schema (it would come with its own build) is not kept.
    edit("\"schema_version\": 2", "\"schema_version\": 3");
    let before = server.requests().iter().filter(|p| p.ends_with("/data/dataset.json")).count();
    browser.refresh();
    assert!(footer_says("refreshed"));
    server.wait_for_requests("/data/dataset.json", before + 1, WAIT);
    browser.refresh();
    assert!(footer_says("refreshed"), "the incompatible dataset did not replace the cached one");
    assert!(browser.find("[data-testid=error-view]").is_none());
}

/// index.html preloads the dataset beside the wasm; the app's own fetch must reuse that
/// download (same URL, mode and credentials), not start a second one.
#[test]
fn a_first_visit_downloads_the_dataset_once_while_the_wasm_downloads() {
    for (dist, prefix) in [(support::dist_dir(), "/".to_string()), prefixed_dist()] {
        let server = StaticServer::start(&dist, ServeOptions::default().with_prefix(&prefix));
        let browser = Browser::launch(1280, 900);
        browser.goto("about:blank");
        browser.requested_urls();
        browser.goto(&server.site_url(""));
        browser.wait_for(".expertise", WAIT);
        let urls = browser.requested_urls();
        let dataset = format!("{}data/dataset.json", server.site_url(""));
        let downloads = urls.iter().filter(|u| **u == dataset).count();
        assert_eq!(downloads, 1, "{dataset} in {urls:#?}");
        let preload = browser.execute(
            "const l = document.querySelector('link[rel=preload][as=fetch][href$=\"data/dataset.json\"]'); return l && l.href;",
            vec![],
        );
        assert_eq!(preload.as_str(), Some(dataset.as_str()), "the page preloads the dataset");
    }
}

/// Renames the build's start-up script in `root` (every page names it, and the worker's
/// precache list), as a new build's would be, and gives the worker a new version: a second
/// deployment whose pages name a file the first one did not have.
fn redeploy_with_a_new_start_up_script(root: &Path) -> String {
    let new = rename_built_file(root, |n| n.starts_with("boot-") && n.ends_with(".js"));
    new_worker_version(root, "second-build");
    new
}

#[test]
fn after_a_new_deployment_no_page_names_a_file_of_the_old_one() {
    let Deployed { browser, root, _host, server } =
        deploy_and_visit("resource/focus-adhd-guide/", "ADHD");
    // A second page, kept by the first deployment's worker.
    browser.goto(&server.site_url("about/"));
    browser.wait_for_text("main h1", "About", WAIT);
    let kept = browser.execute_async(
        "const done = arguments[arguments.length - 1]; const url = arguments[0];
         caches.keys().then((k) => caches.open(k[0])).then((c) => c.match(url)).then((r) => done(!!r));",
        vec![serde_json::json!(server.site_url("about/"))],
    );
    assert_eq!(kept, true, "the worker keeps a page it served");

    let boot = redeploy_with_a_new_start_up_script(&root);
    browser.execute("navigator.serviceWorker.getRegistration().then(r => r.update());", vec![]);
    browser.wait_for("[data-testid=update-available]", WAIT);
    browser.find("[data-testid=update-available] button").unwrap().click();
    browser.wait_until(
        &format!("!!document.querySelector('script[src$=\"{boot}\"]')"),
        WAIT,
        "the page reloaded from the second deployment",
    );
    browser.wait_for_app();
    wait_controlled(&browser);

    // Offline, each page comes from the second deployment's cache or is its shell, and so
    // names its files, never the first one's.
    let base = server.site_url("");
    drop(server);
    browser.set_offline(true);
    for (page, heading) in
        [("about/", "About"), ("resource/focus-adhd-guide/", "ADHD"), ("tag/diabetes/", "Diabetes")]
    {
        browser.goto(&format!("{base}{page}"));
        browser.wait_for_text("main h1", heading, WAIT);
        let script =
            browser.execute("return document.querySelector('script[type=module]').src", vec![]);
        assert!(script.as_str().unwrap().ends_with(&boot), "{page}: {script}");
    }
}

/// A host that sends no headers of the build's choosing (GitHub Pages, a plain file server):
/// every page's own `<meta>` policy still holds, and the app keeps to it.
#[test]
fn on_a_host_that_ignores_headers_every_page_carries_its_own_policy() {
    for (dist, prefix) in [(support::dist_dir(), "/".to_string()), prefixed_dist()] {
        let server = StaticServer::start(&dist, ServeOptions::default().with_prefix(&prefix));
        let browser = Browser::launch(1280, 900);
        browser.on_every_document(RECORD_CSP);
        for (path, heading) in [("", "Midlands"), ("compare/", "Compare"), ("about/", "About")] {
            browser.goto(&server.site_url(path));
            browser.wait_for_text("main h1", heading, WAIT);
            let violations = browser.execute("return window.__csp", vec![]);
            assert_eq!(violations, serde_json::json!([]), "{prefix}{path}: the app broke it");
            // An injected inline script is refused by the page's own policy.
            let ran = browser.execute_async(
                "const done = arguments[arguments.length - 1]; window.__ran = false;
                 const s = document.createElement('script'); s.textContent = 'window.__ran = true';
                 document.body.append(s); requestAnimationFrame(() => done(window.__ran));",
                vec![],
            );
            assert_eq!(ran, false, "{prefix}{path}: an inline script ran");
        }
        // The build's _headers names its own prefix.
        let headers = std::fs::read_to_string(dist.join("_headers")).unwrap();
        assert!(headers.lines().any(|l| l == format!("{prefix}*")), "{prefix}: {headers}");
        assert!(support::headers_of(&dist).iter().any(|(k, _)| k == "Content-Security-Policy"));
    }
}
