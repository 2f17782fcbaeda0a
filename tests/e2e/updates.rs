//! Updates and storage under the service worker: a dataset of another schema in the old
//! worker's cache never locks a visitor out, tabs left on the old version survive another
//! tab's update, two deployments on one origin keep their own caches, a full storage still
//! serves what the network sent, and a dataset that fails validation never replaces the good
//! copy.

use crate::support;

use serde_json::{json, Value};
use support::deploy::{
    copy_dir, deploy_and_visit, new_worker_version, rename_built_file, wait_controlled, Deployed,
};
use support::{Browser, ServeOptions, StaticServer, TempDir, WAIT};

/// The dataset's address on `server`.
fn dataset_url(server: &StaticServer) -> String {
    server.site_url("data/dataset.json")
}

/// The shipped dataset with its `schema_version` one above the one this build reads: what a
/// worker of another build would hold.
fn dataset_of_another_schema() -> String {
    let text = crate::common::REAL;
    let mut value: Value = serde_json::from_str(text).unwrap();
    let version = value["schema_version"].as_u64().expect("a schema version");
    value["schema_version"] = json!(version + 1);
    value.to_string()
}

/// Runs `script` in the page, with `done` to call when it has finished; returns what it gave.
fn run(browser: &Browser, script: &str, args: Vec<Value>) -> Value {
    browser.execute_async(&format!("const done = arguments[arguments.length - 1]; {script}"), args)
}

/// Puts `text` in place of the dataset in every cache of the page's origin.
fn put_cached_dataset(browser: &Browser, url: &str, text: &str) {
    run(
        browser,
        "const [url, text] = arguments;
         caches.keys().then((keys) => Promise.all(keys.map(async (k) => {
           const cache = await caches.open(k);
           if (await cache.match(url)) await cache.put(url, new Response(text, { headers: { 'content-type': 'application/json' } }));
         }))).then(() => done(true));",
        vec![json!(url), json!(text)],
    );
}

/// Asks the browser to look for a new worker, as when a tab comes back into view, and waits
/// for the page to offer it.
fn look_for_update(browser: &Browser) {
    browser.execute("navigator.serviceWorker.getRegistration().then(r => r.update());", vec![]);
    browser.wait_for("[data-testid=update-available]", WAIT);
}

#[test]
fn a_dataset_of_another_schema_in_the_workers_cache_costs_at_most_one_reload() {
    let Deployed { browser, server, root, _host } = deploy_and_visit("", "Midlands");
    // The worker of the build before holds a dataset of another schema than the next build
    // reads (as after a deployment that changed it), and the next build is deployed.
    put_cached_dataset(&browser, &dataset_url(&server), &dataset_of_another_schema());
    new_worker_version(&root, "second-build");

    browser.refresh();
    browser.wait_for_text("main h1", "Midlands", WAIT);
    assert!(browser.find("[data-testid=error-view]").is_none(), "the visitor is locked out");
    browser.wait_for(".expertise", WAIT);
}

#[test]
fn the_error_view_offers_a_waiting_update_and_it_starts_the_app_again() {
    let Deployed { browser, server, root, _host } = deploy_and_visit("", "Midlands");
    put_cached_dataset(&browser, &dataset_url(&server), &dataset_of_another_schema());
    new_worker_version(&root, "second-build");
    look_for_update(&browser);
    // The network's copy cannot be had either (the new worker has precached its own).
    std::fs::rename(root.join("data/dataset.json"), root.join("data/away.json")).unwrap();

    browser.refresh();
    let view = browser.wait_for("[data-testid=error-view]", WAIT);
    assert!(view.text().contains("could not"), "{}", view.text());
    let offer = browser.wait_for("[data-testid=update-available] button", WAIT);
    offer.click();
    browser.wait_until(
        "document.body.hasAttribute('data-mhr-ready') && !document.querySelector('[data-testid=error-view]')",
        WAIT,
        "the new version to start with its own dataset",
    );
}

#[test]
fn a_tab_left_on_the_old_version_still_opens_a_view_after_another_tab_updated() {
    let Deployed { browser, server, root, _host } = deploy_and_visit("", "Midlands");
    let first = browser.window_handle();
    let second = browser.new_tab();
    browser.goto(&server.site_url(""));
    browser.wait_for_text("main h1", "Midlands", WAIT);
    wait_controlled(&browser);
    // The app, not only the written page: it must be listening for a change of worker.
    browser.wait_for_app();

    // A new build, whose comparison chunk has another name: the old one is gone from the
    // host, and from the cache once the new worker takes over.
    rename_built_file(&root, |n| n.starts_with("app-split_compare-") && n.ends_with(".wasm"));
    new_worker_version(&root, "second-build");
    browser.switch_to_window(&first);
    look_for_update(&browser);
    browser.find("[data-testid=update-available] button").unwrap().click();

    // The second tab still runs the old build, now under the new worker, which has deleted
    // the old build's cache.
    browser.switch_to_window(&second);
    browser.wait_until(
        "(window.__caches = window.__caches || (async () => { for (;;) { \
           const keys = await caches.keys(); \
           if (keys.length && keys.every((k) => k.includes('second-build'))) return window.__updated = true; \
           await new Promise((go) => setTimeout(go, 50)); } })()), window.__updated === true",
        WAIT,
        "the new worker to take over and delete the old cache",
    );
    browser.find_all("header nav a").into_iter().find(|a| a.text() == "Compare").unwrap().click();
    browser.wait_for_text("main h1", "Compare", WAIT);
    browser.wait_for("[data-testid=compare-table]", WAIT);
    assert!(browser.find("[data-testid=page-failed]").is_none());
}

#[test]
fn two_deployments_on_one_origin_keep_their_caches_and_both_work_offline() {
    let (prefixed, prefix) = support::prefixed_dist();
    let host = TempDir::new("two-sites");
    copy_dir(&support::dist_dir(), host.path());
    copy_dir(&prefixed, &host.path().join(prefix.trim_matches('/')));
    let server = StaticServer::start(host.path(), ServeOptions::default());
    let browser = Browser::launch(1280, 900);
    let staging = server.url(&format!("{prefix}about/"));
    let root = server.url("/about/");
    for url in [&staging, &root] {
        browser.goto(url);
        browser.wait_for_text("main h1", "About", WAIT);
        wait_controlled(&browser);
    }
    let names = run(&browser, "caches.keys().then(done);", vec![]);
    assert_eq!(names.as_array().map(Vec::len), Some(2), "each deployment has its cache: {names}");

    drop(server);
    browser.set_offline(true);
    for (url, heading) in [(&staging, "About"), (&root, "About")] {
        browser.goto(url);
        browser.wait_for_text("main h1", heading, WAIT);
    }
    browser.goto(&format!("{}tag/diabetes/", staging.trim_end_matches("about/")));
    browser.wait_for_text("main h1", "Diabetes", WAIT);
}

#[test]
fn with_storage_full_what_the_network_sent_is_still_served() {
    let Deployed { browser, server, root: _root, _host } = deploy_and_visit("", "Midlands");
    // The cache has lost its dataset (evicted, say), and nothing more can be written.
    run(
        &browser,
        "const url = arguments[0];
         caches.keys().then((keys) => Promise.all(keys.map(async (k) => (await caches.open(k)).delete(url)))).then(() => done(true));",
        vec![json!(dataset_url(&server))],
    );
    browser.cdp(
        "Storage.overrideQuotaForOrigin",
        // One byte: Chromium 156.0.8078.114 reads a quota of 0 as "no override" (measured with
        // Storage.getUsageAndQuota), which let writes through in CI.
        json!({ "origin": server.origin(), "quotaSize": 1 }),
    );
    // The override is applied on Chromium's storage thread; probe until a write is refused or
    // the wait runs out, rather than trust one write.
    let write = run(
        &browser,
        "const deadline = performance.now() + arguments[0];
         const probe = async () => {
           const cache = await caches.open('quota-probe');
           try {
             await cache.put('/quota-probe', new Response('x'.repeat(100000)));
           } catch (e) {
             return e.name;
           }
           await cache.delete('/quota-probe');
           if (performance.now() > deadline) return 'written';
           await new Promise((r) => setTimeout(r, 16));
           return probe();
         };
         probe().then(done, (e) => done(String(e)));",
        vec![json!(WAIT.as_millis() as u64)],
    );
    assert_eq!(write, "QuotaExceededError", "the storage is full");

    browser.refresh();
    browser.wait_for_text("main h1", "Midlands", WAIT);
    assert!(browser.find("[data-testid=error-view]").is_none(), "the dataset was not served");
    browser.wait_for(".expertise", WAIT);
}

#[test]
fn a_dataset_that_fails_validation_never_replaces_the_good_copy() {
    let Deployed { browser, server, root, _host } = deploy_and_visit("", "Midlands");
    // The host now serves a dataset of the same schema that breaks a rule.
    let data = root.join("data/dataset.json");
    let good = std::fs::read_to_string(&data).unwrap();
    let broken = good.replacen("\"section\": \"strengths\"", "\"section\": \"nowhere\"", 1);
    assert_ne!(good, broken);
    std::fs::write(&data, broken).unwrap();
    let before = server.requests().iter().filter(|p| p.ends_with("/data/dataset.json")).count();

    // Two visits: the first gets the worker's copy while the broken one downloads; the
    // second, and any visit offline, must still get a good one.
    browser.refresh();
    server.wait_for_requests("/data/dataset.json", before + 1, WAIT);
    for _ in 0..2 {
        browser.refresh();
        browser.wait_for_text("main h1", "Midlands", WAIT);
        assert!(browser.find("[data-testid=error-view]").is_none(), "the broken copy was kept");
    }
    let base = server.site_url("");
    drop(server);
    browser.set_offline(true);
    browser.goto(&base);
    browser.wait_for(".expertise", WAIT);
    assert!(browser.find("[data-testid=error-view]").is_none());
}
