//! The loading and error states: a broken or missing dataset never leaves a blank page.

use crate::support;

use crate::common::REAL;
use support::{ServeOptions, Site, WAIT};

const DATA: &str = "/data/dataset.json";

fn broken_dataset() -> Vec<u8> {
    REAL.replacen("\"section\": \"strengths\"", "\"section\": \"nowhere\"", 1).into_bytes()
}

/// The site with `body` as its dataset, opened at home: the site and its error view's text.
fn error_view_for(body: &[u8]) -> (Site, String) {
    let site =
        Site::start(ServeOptions::default().with_override(DATA, 200, "application/json", body));
    site.open("");
    let view = site.wait_for("[data-testid=error-view]", WAIT).text();
    (site, view)
}

#[test]
fn an_invalid_dataset_shows_the_error_view_naming_record_and_field() {
    let body = broken_dataset();
    let site =
        Site::start(ServeOptions::default().with_override(DATA, 200, "application/json", &body));
    site.open("");
    let problems = site.wait_for("[data-testid=error-view] [data-testid=problems]", WAIT);
    let text = problems.text();
    assert!(text.contains("resource \"hiem-impact-report-2023-24\""), "{text}");
    assert!(text.contains("section"), "{text}");
    assert!(site.find("[data-testid=error-view] button").unwrap().text().contains("Try again"));
    // The page the build wrote stays, readable, under the message.
    assert_eq!(site.title(), "Midlands Health Resources");
    site.wait_for_text("main h1", "Midlands Health Resources", WAIT);
    assert!(site.find("main .expertise").is_some(), "the page's content is still there");
}

#[test]
fn text_that_is_not_json_is_explained_in_plain_words() {
    let site = Site::start(ServeOptions::default().with_override(
        DATA,
        200,
        "application/json",
        b"<html>oops",
    ));
    site.open("resource/focus-adhd-guide");
    let view = site.wait_for("[data-testid=error-view]", WAIT);
    assert!(view.text().contains("not valid JSON"), "{}", view.text());
}

/// The code that checks a dataset's rules and explains a broken one is in the comparison's
/// chunk (`split_compare`), which home does not need: the dataset the build checked starts home
/// without it (the page names its fingerprint); any other text downloads it, a good one to be
/// checked, a broken one to be explained (the message names the JSON error's place); and if
/// it cannot be downloaded, the error view says so rather than showing data nobody checked.
#[test]
fn only_a_dataset_other_than_the_builds_downloads_the_code_that_checks_it() {
    // In the comparison's chunk (src/ui/split.rs says why).
    let checks = support::chunk_path("split_compare");
    // Without the worker, which downloads every chunk for offline use when it installs.
    let no_worker = || ServeOptions::default().without_worker();
    let site = Site::start(no_worker());
    // Home, and a resource page, whose own view's chunk is not the comparison's.
    for page in ["", "resource/data-driven-healthcare-report/"] {
        site.open(page);
        assert!(site.find("[data-testid=error-view]").is_none(), "{page}: the dataset was refused");
        let requests = site.server.requests();
        assert!(requests.iter().any(|r| r.ends_with(DATA)), "{requests:?}");
        assert!(!requests.iter().any(|r| r.ends_with(&checks)), "{page}: {requests:?}");
    }
    drop(site);

    // The same data, one byte longer: checked by the downloaded code, then shown.
    let changed = format!("{REAL}\n");
    let site =
        Site::start(no_worker().with_override(DATA, 200, "application/json", changed.as_bytes()));
    site.open("");
    assert_eq!(site.server.wait_for_requests(&checks, 1, WAIT), 1);
    assert!(site.find("[data-testid=error-view]").is_none(), "a good dataset was refused");
    // Home and the footer rendered by the app, not kept from the page (another dataset's).
    site.wait_for("main #figures-title", WAIT);
    let footers = site.execute(
        "return [...document.querySelectorAll('footer.site-footer')].map(f => f.textContent);",
        vec![],
    );
    let footers = footers.as_array().expect("a list");
    assert_eq!(footers.len(), 1, "{footers:?}");
    assert!(footers[0].as_str().unwrap_or_default().contains("Compiled from the"), "{footers:?}");
    drop(site);

    let site = Site::start(no_worker().with_override(DATA, 200, "application/json", b"{\"oops"));
    site.open("");
    let view = site.wait_for("[data-testid=error-view]", WAIT).text();
    assert!(view.contains("not valid JSON") && view.contains("line 1"), "{view}");
    assert_eq!(site.server.wait_for_requests(&checks, 1, WAIT), 1);
    drop(site);

    let site = Site::start(
        no_worker()
            .with_override(DATA, 200, "application/json", changed.as_bytes())
            .with_chunk_down("split_compare"),
    );
    site.open("");
    let view = site.wait_for("[data-testid=error-view]", WAIT).text();
    assert!(view.contains("could not be checked"), "{view}");
    // Asked for a second time, past the worker, before saying so.
    assert_eq!(site.server.wait_for_requests(DATA, 2, WAIT), 2);
}

#[test]
fn a_failed_download_says_so_and_retry_fetches_again() {
    // Without its worker: the worker's install also fetches the dataset, at a moment of its
    // own, and that request raced with the count below (seen as 3 for 2).
    let site = Site::start(
        ServeOptions::default().with_override(DATA, 503, "text/plain", b"down").without_worker(),
    );
    site.open("");
    let view = site.wait_for("[data-testid=error-view]", WAIT);
    assert!(view.text().contains("503"), "{}", view.text());
    let before = site.server.requests().iter().filter(|p| p.ends_with(DATA)).count();
    site.find("[data-testid=error-view] button").unwrap().click();
    let after = site.server.wait_for_requests(DATA, before + 1, WAIT);
    assert_eq!(after, before + 1, "retry asked the server again");
    site.wait_for_text("[data-testid=error-view]", "503", WAIT);
}

#[test]
fn an_unknown_schema_version_is_named_in_the_error_view() {
    let body = REAL.replacen("\"schema_version\": 2", "\"schema_version\": 7", 1);
    let (_site, view) = error_view_for(body.as_bytes());
    assert!(view.contains("schema version 7"), "{view}");
}

#[test]
fn every_hostile_fixture_is_named_by_record_and_field_in_the_error_view() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let table: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    let rows = table.as_array().expect("a list of expectations");
    assert!(rows.len() >= 20, "at least 20 hostile fixtures");
    let browser = support::Browser::launch(1280, 900);
    for row in rows {
        let file = row["file"].as_str().unwrap();
        let body = std::fs::read(dir.join(file)).unwrap();
        // A server per fixture: a fresh origin, so no cached dataset can stand in for it.
        let server = support::StaticServer::start(
            support::dist_dir(),
            ServeOptions::default().with_override(DATA, 200, "application/json", &body),
        );
        browser.goto(&server.site_url(""));
        let view = browser.wait_for("[data-testid=error-view]", WAIT);
        let text = view.text();
        let record = row["record"].as_str().unwrap();
        let field = row["field"].as_str().unwrap();
        assert!(text.contains(record), "{file}: the error view does not name {record}:\n{text}");
        assert!(
            text.contains(field),
            "{file}: the error view does not name field {field}:\n{text}"
        );
        assert!(browser.console_errors().iter().all(|e| !e.contains("panicked")), "{file}: panic");
    }
}

#[test]
fn a_view_whose_code_does_not_download_says_so_comes_once_the_host_is_back_and_the_rest_works() {
    let compare = support::chunk_path("split_compare");
    // Without the service worker: its install, when the browser is first idle, asks for every
    // chunk too, and this test counts the chunk's requests.
    let site = Site::start(
        ServeOptions::default()
            .with_override(&compare, 503, "text/plain", b"down")
            .without_worker(),
    );
    site.open("");
    site.wait_for("main h1", WAIT);
    site.find_all("header nav a").into_iter().find(|a| a.text() == "Compare").unwrap().click();
    let failed = site.wait_for("[data-testid=page-failed]", WAIT);
    site.wait_until(
        "document.activeElement && document.activeElement.matches('[data-testid=page-failed] h1')",
        WAIT,
        "focus on the message's heading, as on any view's after a navigation",
    );
    assert!(failed.text().contains("could not be loaded"), "{}", failed.text());
    assert!(site.title().starts_with("Error"), "{}", site.title());
    assert!(site.find("header nav").is_some(), "the site around the view is still there");

    let before = site.server.requests().iter().filter(|p| p.ends_with(&compare)).count();
    site.find("[data-testid=page-failed] button").unwrap().click();
    let after = site.server.wait_for_requests(&compare, before + 1, WAIT);
    assert_eq!(after, before + 1, "retry asked the server again");
    site.wait_for("[data-testid=page-failed]", WAIT);

    // The host comes back: trying again shows the view, in the same document.
    site.execute("window.sameDocument = true", vec![]);
    site.server.lift_override(&compare);
    site.find("[data-testid=page-failed] button").unwrap().click();
    site.wait_for("[data-testid=compare-table]", WAIT);
    site.wait_for_text("main h1", "Compare clusters", WAIT);
    assert!(site.find("[data-testid=page-failed]").is_none());
    assert_eq!(site.execute("return window.sameDocument === true", vec![]), true);

    // Views in other chunks still load.
    site.find_all("header nav a").into_iter().find(|a| a.text() == "About").unwrap().click();
    site.wait_for_text("main h1", "About this directory", WAIT);
}

#[test]
fn a_dataset_over_the_size_cap_is_refused_with_a_clear_message() {
    // A valid dataset, padded past 10 MB with whitespace: today's parser would read it.
    let mut body = REAL.to_string();
    body.push_str(&" ".repeat(10_000_001));
    let (site, view) = error_view_for(body.as_bytes());
    assert!(view.contains("more than the 10 MB this app reads"), "{view}");
    assert!(site.console_errors().iter().all(|e| !e.contains("panicked")));
    // The page the build wrote is still there to read.
    assert!(site.find("main .expertise").is_some());
}

/// When the dataset cannot be used and the failure view's code cannot be downloaded either
/// (the network gone since the page came), the page stays as written, marked as one whose app
/// could not start, so its notes say what needs the app and where to read without it.
#[test]
fn without_the_failure_views_code_the_page_is_marked_as_one_whose_app_could_not_start() {
    let site = Site::start(
        ServeOptions::default()
            .with_override(DATA, 503, "text/plain", b"down")
            .without_worker()
            .with_chunk_down("split_pages"),
    );
    site.open("browse/");
    site.wait_until(
        "document.documentElement.classList.contains('no-app')",
        WAIT,
        "the page marked as one whose app could not start",
    );
    assert!(site.find("[data-testid=error-view]").is_none(), "no failure view without its code");
    assert!(site.find(".load-failure").is_none(), "its empty host is gone");
    let notes = site.find_all("[data-testid=without-app]");
    assert!(notes.iter().any(|n| n.is_displayed()), "the written note shows");
    assert!(site.find("main h1").is_some_and(|h| h.is_displayed()), "the written page stays");
}

/// When the dataset cannot be used, the page is marked at once as one whose app could not
/// start: the written controls that need the app give way to the notes that say so, even
/// while the failure view's code stalls (a host that stops answering); the view then comes
/// beside them, and once the host is back, its retry starts the app and takes the mark off.
#[test]
fn a_failed_start_marks_the_page_at_once_and_a_retry_that_works_unmarks_it() {
    let chunk = support::chunk_path("split_pages");
    let site = Site::start(
        ServeOptions::default()
            .with_override(DATA, 503, "text/plain", b"down")
            .without_worker()
            .with_gate(&chunk),
    );
    site.open("browse/");
    site.wait_until(
        "document.documentElement.classList.contains('no-app')",
        WAIT,
        "the page marked while the failure view's code is held",
    );
    assert!(site.find("[data-testid=error-view]").is_none(), "no failure view without its code");
    let notes = site.find_all("[data-testid=without-app]");
    assert!(notes.iter().any(|n| n.is_displayed()), "the written note shows meanwhile");
    let sort = || site.find("#sort-order").expect("the written sort control");
    assert!(!sort().is_displayed(), "a control that needs the app is hidden");
    site.server.open_gate(&chunk);
    let view = site.wait_for("[data-testid=error-view]", WAIT);
    assert!(view.text().contains("Try again"), "the failure view, with its retry");
    assert!(!sort().is_displayed(), "still hidden beside the failure view");

    site.server.lift_override(DATA);
    site.find("[data-testid=error-view] button").unwrap().click();
    site.wait_until(
        "!document.documentElement.classList.contains('no-app') \
         && !document.querySelector('[data-testid=error-view]')",
        WAIT,
        "the app started by the retry, the mark gone",
    );
    assert!(sort().is_displayed(), "the app's controls are back");
}
