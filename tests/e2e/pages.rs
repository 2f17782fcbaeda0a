//! Every address is a real page: the build writes each route the dataset lists as a file
//! with its content, a plain static host serves every one with status 200, a reader with
//! scripts off reads all of it, and the app then takes it over without a visible change.

use crate::support;

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::OnceLock;

use serde_json::Value;
use support::{prefixed_dist, Browser, Fallback, ServeOptions, StaticServer, WAIT};

const DATA: &str = "/data/dataset.json";

/// The pages written into `dist`, as paths under the site's prefix (`""`, `resource/x/`).
fn written_pages(dist: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(root, &path, out);
            } else if path.file_name().is_some_and(|n| n == "index.html") {
                let folder = path.parent().unwrap().strip_prefix(root).unwrap();
                let rel = folder.to_string_lossy().replace('\\', "/");
                out.push(if rel.is_empty() { rel } else { format!("{rel}/") });
            }
        }
    }
    let mut out = Vec::new();
    walk(dist, dist, &mut out);
    out.sort();
    out
}

/// The status of a GET, without following redirects.
fn status(url: &str) -> u16 {
    let agent = ureq::AgentBuilder::new().redirects(0).build();
    match agent.get(url).call() {
        Ok(r) => r.status(),
        Err(ureq::Error::Status(code, _)) => code,
        Err(e) => panic!("GET {url}: {e}"),
    }
}

fn dataset() -> Value {
    serde_json::from_str(crate::common::REAL).unwrap()
}

fn ids(data: &Value, list: &str) -> BTreeSet<String> {
    data[list].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap().to_string()).collect()
}

/// What a test reads on a page: its heading and visible controls (buttons, fields, selects),
/// its text, its title, and every link that stays on the site, as the browser resolved it,
/// relative to `arguments[0]` (the site's address) and without its fragment; and `content`,
/// the text of its content as the visitor reads it with or without the app: without the
/// controls that need the app and the notes that stand in for them where it cannot run. The
/// builder's snippet names the site's absolute address, which the build cannot know (the app
/// reads it from the page's address), so it is left out of `content` too.
const READ_PAGE: &str = "const visible = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
    const base = arguments[0];
    const copy = document.querySelector('[data-mhr-root]').cloneNode(true);
    copy.querySelectorAll('.needs-app, .without-app, [data-testid=embed-snippet]').forEach((e) => e.remove());
    return {
      h1: (document.querySelector('main h1') || {}).innerText || '',
      controls: [...document.querySelectorAll('button, input, select, textarea')].filter(visible).map(e => e.outerHTML.slice(0, 120)),
      notes: [...document.querySelectorAll('[data-testid=without-app]')].filter(visible).length,
      text: document.body.innerText,
      content: copy.textContent.replace(/\\s+/g, ' ').trim(),
      title: document.title,
      h1s: document.querySelectorAll('h1').length,
      cards: document.querySelectorAll('[data-testid=resource-card]').length,
      resource: (document.querySelector('[data-testid=resource]') || {}).innerText || '',
      links: [...document.querySelectorAll('a[href]')].map(a => a.href.split('#')[0])
        .filter(l => l.startsWith(base) && !l.includes('/data/')).map(l => l.slice(base.length)),
    };";

/// Every page written into `dist`, as `browser` reads it from `server` (with scripts, once the
/// app has taken it over): its path and what [`READ_PAGE`] returns.
fn read_pages(dist: &Path, server: &StaticServer, browser: &Browser) -> Vec<(String, Value)> {
    let base = server.site_url("");
    written_pages(dist)
        .into_iter()
        .map(|page| {
            browser.goto(&server.site_url(&page));
            let read = browser.execute(READ_PAGE, vec![base.clone().into()]);
            (page, read)
        })
        .collect()
}

/// The links of the page `page` written into `dist` that stay on the site `server` serves it
/// from, as [`READ_PAGE`] lists them: each `<a href>` resolved against the page's address and
/// its `<base href>` (WHATWG URL parsing, as browsers do), without its fragment, relative to
/// the site's address, leaving out the dataset's files.
fn links_in(dist: &Path, page: &str, server: &StaticServer) -> Vec<String> {
    let html = std::fs::read_to_string(dist.join(page).join("index.html")).unwrap();
    let doc = scraper::Html::parse_document(&html);
    let selector = |css: &str| scraper::Selector::parse(css).unwrap();
    let address = url::Url::parse(&server.site_url(page)).unwrap();
    let base = match doc.select(&selector("base[href]")).next() {
        Some(b) => address.join(b.attr("href").unwrap()).unwrap(),
        None => address,
    };
    let site = server.site_url("");
    doc.select(&selector("a[href]"))
        .filter_map(|a| base.join(a.attr("href").unwrap()).ok())
        .map(|mut link| {
            link.set_fragment(None);
            link.to_string()
        })
        .filter(|l| l.starts_with(&site) && !l.contains("/data/"))
        .map(|l| l[site.len()..].to_string())
        .collect()
}

/// Every page written into the site's build as a browser with scripts off reads it (see
/// [`read_pages`]), read once for the three tests below that need it (a page load each, 58
/// today), by whichever runs first.
fn written_reading() -> &'static [(String, Value)] {
    static READING: OnceLock<Vec<(String, Value)>> = OnceLock::new();
    READING.get_or_init(|| {
        let dist = support::dist_dir();
        let server = StaticServer::start(&dist, ServeOptions::default());
        read_pages(&dist, &server, &Browser::launch_without_scripts(1280, 900))
    })
}

/// Every page written into the site's build as the running app shows it at 1280 px, each
/// opened at its address and read once the app has taken it over: its path and what
/// [`READ_PAGE`] returns. Read once for the tests that compare it with the written page and
/// check each view's heading and title (`views.rs`), by whichever runs first.
pub(crate) fn running_reading() -> &'static [(String, Value)] {
    static READING: OnceLock<Vec<(String, Value)>> = OnceLock::new();
    READING.get_or_init(|| {
        let dist = support::dist_dir();
        let server = StaticServer::start(&dist, ServeOptions::default());
        read_pages(&dist, &server, &Browser::launch(1280, 900))
    })
}

#[test]
fn a_host_without_any_fallback_serves_every_page_and_every_link_with_200() {
    let data = dataset();
    for (dist, prefix) in [(support::dist_dir(), "/".to_string()), prefixed_dist()] {
        let pages = written_pages(&dist);
        // One page per route the dataset lists.
        for (list, folder) in [("resources", "resource"), ("sections", "section"), ("tags", "tag")]
        {
            let written: BTreeSet<String> = pages
                .iter()
                .filter_map(|p| p.strip_prefix(&format!("{folder}/")))
                .map(|id| id.trim_end_matches('/').to_string())
                .collect();
            assert_eq!(written, ids(&data, list), "{prefix}: a page for every one of the {list}");
        }
        for view in ["", "browse/", "compare/", "search/", "about/", "embed/"] {
            assert!(pages.contains(&view.to_string()), "{prefix}: no page for {view:?}");
        }
        let opts = ServeOptions::default().with_prefix(&prefix).with_fallback(Fallback::None);
        let server = StaticServer::start(&dist, opts);
        for page in &pages {
            assert_eq!(status(&server.site_url(page)), 200, "{prefix}{page}");
        }
        // Every link of every page, followed as it is written: no redirect, no 404. The
        // site's build is read in a browser once for several tests; the prefixed one's links
        // are read here from its HTML, resolved as a browser resolves them.
        let mut links = BTreeSet::new();
        if prefix == "/" {
            for (page, read) in written_reading() {
                let found: Vec<&str> =
                    read["links"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
                // The HTML's links, resolved here, are the ones the browser found.
                assert_eq!(links_in(&dist, page, &server), found, "{page}: links read natively");
                links.extend(found.into_iter().map(|l| server.site_url(l)));
            }
        } else {
            for page in &pages {
                links.extend(
                    links_in(&dist, page, &server).into_iter().map(|l| server.site_url(&l)),
                );
            }
        }
        assert!(links.len() >= pages.len(), "{prefix}: the pages link to each other");
        for link in &links {
            assert_eq!(status(link), 200, "{prefix}: {link}");
        }
    }
}

#[test]
fn with_scripts_off_every_page_shows_its_content_and_no_control_that_needs_the_app() {
    let data = dataset();
    let dist = support::dist_dir();
    let reading = written_reading();
    for (page, read) in reading {
        assert!(!read["h1"].as_str().unwrap().trim().is_empty(), "{page}: a heading");
        assert_eq!(read["controls"], serde_json::json!([]), "{page}: controls that need the app");
        assert!(read["title"].as_str().unwrap().ends_with("Midlands Health Resources"), "{page}");
        let filters = ["browse/", "search/", "section/", "tag/", "compare/", "embed/"];
        if filters.iter().any(|f| page.starts_with(f)) {
            assert!(read["notes"].as_u64().unwrap() >= 1, "{page}: says what needs the app");
        }
    }

    // A resource: summary, every figure with its period, links out, tags and related.
    let server = StaticServer::start(&dist, ServeOptions::default());
    let browser = Browser::launch_without_scripts(1280, 900);
    let resource = &data["resources"].as_array().unwrap()[0];
    let id = resource["id"].as_str().unwrap();
    let page = format!("resource/{id}/");
    let read = &reading.iter().find(|(p, _)| *p == page).expect("the resource's page").1;
    let text = read["text"].as_str().unwrap();
    browser.goto(&server.site_url(&page));
    let summary: String = resource["summary"].as_str().unwrap().chars().take(60).collect();
    assert!(text.contains(&summary), "the summary: {text}");
    let figures: Vec<&Value> =
        data["figures"].as_array().unwrap().iter().filter(|f| f["resource"] == id).collect();
    let shown = browser.find_all("[data-testid=figures] .figure");
    assert_eq!(shown.len(), figures.len(), "every figure of {id}");
    for (figure, li) in figures.iter().zip(&shown) {
        let li = li.text();
        assert!(li.contains(figure["label"].as_str().unwrap()), "{li}");
        assert!(li.contains("Period"), "{li}");
    }
    let tags = resource["tags"].as_array().unwrap().len();
    assert_eq!(
        browser.find_all("section[aria-labelledby=tags-title] a[href*='/tag/']").len(),
        tags
    );
    assert!(!browser.find_all("a.external[href^='https://']").is_empty(), "links out");
    assert!(!browser.find_all(".related a[href*='/resource/']").is_empty(), "related, as links");

    // The comparison: the table of every cluster, a row per measure.
    browser.goto(&server.site_url("compare/"));
    let clusters = data["clusters"].as_array().unwrap().len();
    assert_eq!(browser.find_all("[data-testid=compare-table] thead th").len(), clusters + 1);
    assert!(browser.find_all("[data-testid=compare-table] tbody tr").len() >= 5);

    // Plain links are the navigation.
    browser.goto(&server.site_url(""));
    let compare = browser.find_all("header nav a").into_iter().find(|a| a.text() == "Compare");
    compare.expect("the Compare link").click();
    browser.wait_for_text("main h1", "Compare clusters", WAIT);
    assert!(browser.current_url().ends_with("/compare/"), "{}", browser.current_url());
}

#[test]
fn each_written_page_says_what_the_running_app_shows_at_its_address() {
    // Each page's content text and title, read with scripts off and with the app, a browser
    // each, both at once.
    let (written, running) = support::in_parallel(written_reading, running_reading);
    assert_eq!(written.len(), running.len());
    for ((page, a), (running_page, b)) in written.iter().zip(running) {
        assert_eq!(page, running_page);
        let text = |read: &Value| read["content"].as_str().unwrap_or_default().to_string();
        assert!(text(a).len() > 100, "{page}: {a}");
        assert_eq!(text(a), text(b), "{page}: the written page and the running app differ");
        assert_eq!(a["title"], b["title"], "{page}");
    }
}

/// Recorded in the page before its scripts run: layout shifts, and whether a loading note
/// was ever put on it.
const RECORD: &str = "window.__shift = 0; window.__shifted = []; window.__sawLoading = false;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) {
        window.__shift += e.value;
        window.__shifted.push(Math.round(e.startTime) + ' ms, app ready: '
          + document.body.hasAttribute('data-mhr-ready') + ', innerWidth ' + innerWidth + ' '
          + e.sources.map((s) => (s.node && s.node.outerHTML || '?').slice(0, 100)
            + ' ' + JSON.stringify([s.previousRect, s.currentRect])));
      }
    }).observe({ type: 'layout-shift', buffered: true });
    new MutationObserver(() => {
      if (document.querySelector('[data-testid=loading], [data-testid=page-loading]')) window.__sawLoading = true;
    }).observe(document, { childList: true, subtree: true });";

/// Where the page's landmarks and first and last pieces of content are, in the document. A
/// box-less wrapper (the written content a view keeps, `display: contents`) stands for the
/// first or last element in it, which is what the visitor sees there.
const LAYOUT: &str = "const at = (css) => { let e = document.querySelector(css);
      while (e && getComputedStyle(e).display === 'contents')
        e = css.includes(':last-child') ? e.lastElementChild : e.firstElementChild;
      if (!e) return null; const r = e.getBoundingClientRect();
      return [css, Math.round(r.left * 100) / 100, Math.round((r.top + scrollY) * 100) / 100, Math.round(r.width * 100) / 100, Math.round(r.height * 100) / 100]; };
    return ['header', 'main', 'main h1', 'footer', 'main > :first-child', 'main > :last-child',
      '[data-testid=figures]', '[data-testid=compare-table]', '.related'].map(at).filter(Boolean);";

#[test]
fn the_app_takes_over_home_a_resource_and_the_comparison_without_moving_anything() {
    for (width, height) in [(375, 700), (1280, 800)] {
        for page in ["", "resource/data-driven-healthcare-report/", "compare/"] {
            let server =
                StaticServer::start(support::dist_dir(), ServeOptions::default().with_gate(DATA));
            let browser = Browser::launch_eager(width, height);
            browser.on_every_document(RECORD);
            browser.goto_unwaited(&server.site_url(page));
            browser.wait_for("[data-mhr-root] main h1", WAIT);
            assert_eq!(browser.execute("return innerWidth;", vec![]), width, "the viewport");
            let before = browser.execute(LAYOUT, vec![]);
            browser.execute("window.scrollTo(0, 240);", vec![]);
            let scrolled = browser.execute("return scrollY;", vec![]);
            assert!(
                browser.execute("return document.body.hasAttribute('data-mhr-ready')", vec![])
                    == false,
                "{page}: the app waits for the dataset"
            );
            server.open_gate(DATA);
            browser.wait_for_app();
            let after = browser.execute(LAYOUT, vec![]);
            assert_eq!(before, after, "{page} at {width} px: the same layout");
            assert_eq!(browser.execute("return scrollY;", vec![]), scrolled, "{page}: scroll kept");
            let shift = browser.execute("return window.__shift;", vec![]);
            let shifted = browser.execute("return window.__shifted;", vec![]);
            assert_eq!(
                shift.as_f64(),
                Some(0.0),
                "{page} at {width} px: cumulative layout shift, of {shifted:#}"
            );
            assert_eq!(browser.execute("return window.__sawLoading;", vec![]), false, "{page}");
            let errors = browser.console_errors();
            assert!(errors.is_empty(), "{page}: {errors:?}");
        }
    }
}

#[test]
fn text_typed_before_the_app_started_is_kept_once_with_its_caret() {
    let server = StaticServer::start(support::dist_dir(), ServeOptions::default().with_gate(DATA));
    let browser = Browser::launch_eager(1280, 800);
    browser.goto_unwaited(&server.site_url(""));
    let input = browser.wait_for("#site-search", WAIT);
    input.click();
    input.send_keys("air qual");
    server.open_gate(DATA);
    browser.wait_for_app();
    // The written box stands in until the box's code is there, which then takes the text over
    // (src/ui/written.rs): the suggestions are the live box's.
    browser.wait_for("#search-suggestions:not([hidden]) .suggestion", WAIT);
    let first = browser.find("#search-suggestions .suggestion").unwrap().text().to_lowercase();
    assert!(first.contains("air quality"), "{first}");
    let boxes = browser.execute("return document.querySelectorAll('#site-search').length", vec![]);
    assert_eq!(boxes, 1, "one search box, the app's");
    let input = browser.find("#site-search").expect("the app's search box");
    assert_eq!(input.property("value"), "air qual");
    assert_eq!(
        browser.execute("return document.activeElement && document.activeElement.id", vec![]),
        "site-search",
        "focus stays in the box"
    );
    assert_eq!(browser.execute("return document.activeElement.selectionStart", vec![]), 8);
    input.send_keys("ity");
    assert_eq!(input.property("value"), "air quality", "typing goes on where it was");
}

#[test]
fn an_unknown_address_gets_the_written_not_found_page_then_the_apps() {
    let server = StaticServer::start(support::dist_dir(), ServeOptions::default());
    let agent = ureq::AgentBuilder::new().redirects(0).build();
    let url = server.site_url("no/such/page");
    let body = match agent.get(&url).call() {
        Err(ureq::Error::Status(404, r)) => r.into_string().unwrap(),
        other => panic!("expected 404.html with status 404, got {other:?}"),
    };
    assert!(body.contains("<h1>Page not found</h1>"), "{body}");
    let written = Browser::launch_without_scripts(1280, 900);
    written.goto(&url);
    assert_eq!(written.find("main h1").unwrap().text(), "Page not found");
    let running = Browser::launch(1280, 900);
    running.goto(&url);
    running.wait_for_text("[data-testid=not-found]", "/no/such/page", WAIT);
}

#[test]
fn a_resource_pages_citation_downloads_and_leaves_the_head_when_the_visitor_moves_on() {
    let site = support::Site::start(ServeOptions::default());
    site.open("resource/hiwm-impact-report-2023-24/");
    site.wait_for_app();
    let count = |css: &str| {
        site.execute("return document.querySelectorAll(arguments[0]).length;", vec![css.into()])
    };
    assert_eq!(count("head meta[name=citation_title]"), 1, "the landing page's citation");
    // The links are plain files beside the page, for any reference manager.
    for (format, first_line) in
        [("ris", "TY  - RPRT"), ("bib", "@techreport{hiwm-impact-report-2023-24,")]
    {
        let link = site.find(&format!("a[download][href$='citation.{format}']")).expect(format);
        let href = site.execute("return arguments[0].href;", vec![link.to_arg()]);
        let body = ureq::get(href.as_str().unwrap()).call().unwrap().into_string().unwrap();
        assert_eq!(body.lines().next(), Some(first_line), "{body}");
        assert!(body.contains("Health Innovation West Midlands Impact Report 2023-2024"));
    }
    // Moving to another view inside the app: the tags that described the page go.
    let tag = site.find("section[aria-labelledby=tags-title] a[href*='/tag/']").unwrap();
    let label = tag.text();
    tag.click();
    site.wait_for_text("main h1", &label, WAIT);
    assert_eq!(count("head [data-mhr-page]"), 0, "no page's description or citation is left");
    assert_eq!(count("head meta[name=citation_title]"), 0);
}

/// When the dataset is the one the build wrote home from, the app keeps home's written
/// content and the footer, node for node, rather than rendering them again: home's start
/// downloads none of the views' code. Home's content leaves with its view, and coming back
/// renders home from its chunk, once; the footer stays (src/ui/written.rs).
#[test]
fn the_app_keeps_homes_written_content_and_renders_it_again_on_the_way_back() {
    let views = support::chunk_path("split_pages");
    // Without the worker, which downloads every chunk for offline use when it installs.
    let options = ServeOptions::default().with_gate(DATA).without_worker();
    let server = StaticServer::start(support::dist_dir(), options);
    let browser = Browser::launch_eager(1280, 800);
    browser.goto_unwaited(&server.site_url(""));
    browser.wait_for("[data-mhr-root] main h1", WAIT);
    let written = browser.execute(
        "const nodes = [...document.querySelectorAll('main > *')];
         nodes.forEach((e, i) => { e.__written = i; });
         document.querySelector('footer.site-footer').__writtenFooter = true;
         return nodes.length;",
        vec![],
    );
    assert!(written.as_u64().is_some_and(|n| n >= 4), "home's written sections: {written}");
    server.open_gate(DATA);
    browser.wait_for_app();
    let kept = browser.execute(
        "return [...document.querySelectorAll('[data-mhr-root] main > *')].map(e => e.__written ?? null);",
        vec![],
    );
    let expected: Vec<Value> = (0..written.as_u64().unwrap()).map(Value::from).collect();
    assert_eq!(kept, Value::from(expected), "the same nodes, in the same order, in the app's main");
    assert_eq!(browser.execute("return document.querySelectorAll('main').length;", vec![]), 1);
    let footer = "const f = document.querySelectorAll('footer.site-footer');
        return [f.length, f.length === 1 && f[0].__writtenFooter === true,
                !!document.querySelector('[data-mhr-root] > main + footer')];";
    assert_eq!(
        browser.execute(footer, vec![]),
        Value::from(vec![Value::from(1), Value::from(true), Value::from(true)]),
        "the written footer, once, after the app's main"
    );
    let requests = server.requests();
    assert!(!requests.iter().any(|r| r.ends_with(&views)), "home's start: {requests:?}");

    // Leaving home, by a link in the kept content: the app navigates, and the content goes.
    browser.find("main a[href*='section/']").expect("a section's link").click();
    browser.wait_until("location.pathname.includes('/section/')", WAIT, "the section's address");
    browser.wait_for("main h1:not(#page-title)", WAIT);
    let left = "return document.querySelectorAll('#figures-title').length + \
        [...document.querySelectorAll('main *')].filter(e => e.__written !== undefined).length;";
    assert_eq!(browser.execute(left, vec![]), 0, "home's content left with its view");
    assert_eq!(
        browser.execute(footer, vec![]),
        Value::from(vec![Value::from(1), Value::from(true), Value::from(true)]),
        "the footer stays"
    );
    assert!(server.requests().iter().any(|r| r.ends_with(&views)), "the section's chunk");

    // Back home: rendered from the chunk, once, none of it the written nodes.
    browser.back();
    browser.wait_for("#figures-title", WAIT);
    let again = "return [document.querySelectorAll('#figures-title').length, \
        document.querySelectorAll('main > *').length, \
        [...document.querySelectorAll('main *')].filter(e => e.__written !== undefined).length];";
    assert_eq!(
        browser.execute(again, vec![]),
        Value::from(vec![1, written.as_u64().unwrap(), 0]),
        "home once, from the chunk"
    );
    // The one error expected: the worker's script, which this test's server refuses.
    let errors: Vec<_> = browser
        .console_errors()
        .into_iter()
        .filter(|e| !e.contains("(404) was received when fetching the script"))
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}

/// A list's page, taken over, keeps its written content and its view's code is not
/// downloaded (a resource's page does the same) until the visitor first reaches into it; a
/// click on a filter meanwhile is held, then made on the live control once the code comes.
#[test]
fn a_list_keeps_its_written_content_until_used_and_a_click_meanwhile_is_made_once_its_code_comes() {
    let chunk = support::chunk_path("split_pages");
    // Without the service worker, whose install downloads every chunk when the browser is idle.
    let site = support::Site::start(ServeOptions::default().with_gate(&chunk).without_worker());
    site.open("browse/");
    let asked = || site.server.requests().iter().filter(|r| r.ends_with(&chunk)).count();
    assert_eq!(
        asked(),
        0,
        "the app is ready without the view's code: {:?}",
        site.server.requests()
    );
    let pages = site.server.requests().iter().filter(|r| r.ends_with("/browse/")).count();
    assert_eq!(pages, 1, "the page, once: {:?}", site.server.requests());
    assert!(site.find("main .written-view [data-testid=results] a").is_some(), "the written list");
    let all = site.find("[data-testid=result-count]").unwrap().text();
    // Two options of one group (the themes), clicked one after the other.
    let boxes = site.find_all("fieldset:nth-of-type(2) input[type=checkbox]:not([disabled])");
    let ids: Vec<String> = boxes.iter().take(2).map(|b| b.attr("id").expect("its id")).collect();
    assert_eq!(ids.len(), 2, "two options to tick");
    for id in &ids {
        site.find(&format!("#{id}")).unwrap().click();
    }
    site.server.wait_for_requests(&chunk, 1, WAIT);
    let checked = |id: &str| format!("document.getElementById('{id}').checked");
    let none = format!("return !{} && !{}", checked(&ids[0]), checked(&ids[1]));
    assert_eq!(site.execute(&none, vec![]), true, "held while the code is on its way");
    assert!(!site.current_url().contains('?'), "no filter yet: {}", site.current_url());
    assert_eq!(site.find("[data-testid=result-count]").unwrap().text(), all);

    site.server.open_gate(&chunk);
    site.wait_until(
        &format!(
            "{} && {} && !document.querySelector('.written-view')",
            checked(&ids[0]),
            checked(&ids[1])
        ),
        WAIT,
        "both held clicks made on the live checkboxes",
    );
    site.wait_until(
        "new URLSearchParams(location.search).getAll('tag').length === 2",
        WAIT,
        "both filters in the address",
    );
    site.wait_until(
        &format!("document.querySelector('[data-testid=result-count]').textContent !== {all:?}"),
        WAIT,
        "the list filtered",
    );
    // The worker's script is a 404 here (`without_worker`), which the browser reports.
    let errors: Vec<String> =
        site.console_errors().into_iter().filter(|e| !e.contains("fetching the script")).collect();
    assert!(errors.is_empty(), "{errors:?}");
}

/// A page served for an address it was not written for (`404.html` for an unknown
/// resource) is never kept as that address's view: the app renders the view itself.
#[test]
fn the_not_found_page_is_never_kept_as_another_addresss_view() {
    let site = support::Site::start(ServeOptions::default());
    site.open("resource/no-such-report/");
    assert_eq!(site.find("main h1").unwrap().text(), "No resource found");
    assert!(site.find(".written-view").is_none());
}

/// A list's page does not preload its view's code, which it keeps its written content
/// without; with a query string (a filter), which the written content cannot stand for, the
/// start-up script turns those preloads on, but for browse filtered by one tag, whose view
/// the build wrote alone: that is asked for instead.
#[test]
fn a_lists_view_code_is_preloaded_only_for_an_address_with_a_query_string() {
    let site = support::Site::start(ServeOptions::default());
    let on = "return [...document.querySelectorAll('link[data-mhr-with-query]')]
        .map(l => l.getAttribute('media'));";
    let views = || site.server.requests().iter().filter(|r| r.contains("/views/")).count();
    site.open("browse/");
    let plain = site.execute(on, vec![]);
    assert!(!plain.as_array().unwrap().is_empty(), "the page names its view's files");
    assert!(plain.as_array().unwrap().iter().all(|m| m == "not all"), "inert: {plain}");
    site.open("browse/?tag=economy&sort=title");
    let filtered = site.execute(on, vec![]);
    assert!(filtered.as_array().unwrap().iter().all(Value::is_null), "turned on: {filtered}");
    assert_eq!(views(), 0, "no view written alone: {:?}", site.server.requests());
    site.open("browse/?tag=economy");
    let one_tag = site.execute(on, vec![]);
    assert!(one_tag.as_array().unwrap().iter().all(|m| m == "not all"), "inert: {one_tag}");
    let asked: Vec<String> =
        site.server.requests().into_iter().filter(|r| r.contains("/views/")).collect();
    assert!(asked.len() == 1 && asked[0].ends_with("/views/browse/tag/economy.html"), "{asked:?}");
}

/// Browse or a section filtered by one tag, opened at its address (a shared link), is kept
/// from the view the build wrote alone for it, as an unfiltered list is from its page: ready
/// without the view's code, listing what the live view lists once the visitor reaches into
/// it. A tag the build wrote nothing for is rendered from the code, with its notice.
#[test]
fn a_list_filtered_by_one_tag_is_kept_from_the_view_written_for_it() {
    let chunk = support::chunk_path("split_pages");
    let site = support::Site::start(ServeOptions::default().without_worker());
    let asked = |what: &str| site.server.requests().iter().filter(|r| r.contains(what)).count();
    let shown = "return [document.querySelector('[data-testid=result-count]').textContent,
        document.querySelector('[data-testid=chips]').textContent,
        [...document.querySelectorAll('main [data-testid=results] h3 a')].map(a => a.getAttribute('href')).join(' '),
        [...document.querySelectorAll('main .facet input:checked')].map(i => i.id).join(' '),
        !!document.querySelector('main .written-view')];";
    let lists = [
        ("browse/?tag=economy", "/views/browse/tag/economy.html"),
        ("section/strengths/?tag=economy", "/views/section/strengths/tag/economy.html"),
    ];
    for (i, (address, file)) in lists.into_iter().enumerate() {
        site.open(address);
        if i == 0 {
            // Later, the chunk may come from the browser's cache.
            let requests = site.server.requests();
            assert_eq!(asked(&chunk), 0, "ready without the view's code: {requests:?}");
        }
        assert_eq!(asked(file), 1, "{address}: {:?}", site.server.requests());
        let written = site.execute(shown, vec![]);
        assert_eq!(written[4], Value::Bool(true), "{address} kept: {written}");
        assert!(written[1].as_str().unwrap().contains("Economy"), "the tag chosen: {written}");
        site.execute(
            "document.querySelector('main h1').dispatchEvent(new Event('pointerover', {bubbles: true}))",
            vec![],
        );
        site.wait_until("!document.querySelector('.written-view')", WAIT, "the live view");
        let live = site.execute(shown, vec![]);
        let said = |v: &Value| v.as_array().unwrap()[..4].to_vec();
        assert_eq!(said(&live), said(&written), "{address}: the live view lists the same");
        assert_eq!(site.current_url(), site.server.site_url(address));
    }

    // The address changing under the kept view (the header's link to browse, the same path
    // without the filter) brings the live view of the new address, unfiltered.
    site.open("browse/?tag=economy");
    let filtered = site.find("[data-testid=result-count]").unwrap().text();
    assert!(site.find("main .written-view").is_some());
    site.find("header nav a[href$='/browse/']").expect("the header's link to browse").click();
    site.wait_until("location.search === ''", WAIT, "the address without the filter");
    site.wait_until(
        &format!(
            "!document.querySelector('.written-view') && !document.querySelector('[data-testid=chips] li') && document.querySelector('[data-testid=result-count]') && document.querySelector('[data-testid=result-count]').textContent !== {filtered:?}"
        ),
        WAIT,
        "the unfiltered list in place of the filtered one",
    );

    site.open("browse/?tag=no-such-tag");
    assert!(site.find("main .written-view").is_none(), "rendered from the code");
    assert!(site.find("main [data-testid=notices]").is_some(), "the unknown tag said");
}

/// A list filtered by one tag whose written view does not come in time (a stalled host), or
/// comes broken, is rendered from the code: the visit is not held up for good.
#[test]
fn a_tag_view_that_does_not_come_or_is_not_the_view_is_rendered_from_the_code() {
    let view = "/views/browse/tag/economy.html";
    let stalled = support::Site::start(ServeOptions::default().with_gate(view).without_worker());
    stalled.open("browse/?tag=economy");
    assert_eq!(stalled.server.wait_for_requests(view, 1, WAIT), 1);
    assert!(stalled.find("main .written-view").is_none(), "rendered, not kept");
    assert!(stalled.find("[data-testid=chips] li").is_some(), "filtered by the tag");
    let other = "<!doctype html><meta name=mhr-dataset content=0><div data-mhr-root \
        data-mhr-route=\"/browse/?tag=economy\"><main><h1>Not this</h1></main></div>";
    let broken = support::Site::start(ServeOptions::default().with_override(
        view,
        200,
        "text/html",
        other.as_bytes(),
    ));
    broken.open("browse/?tag=economy");
    assert!(broken.find("main .written-view").is_none(), "rendered, not kept");
    // The view's code was asked for as soon as the file turned out not to be the view.
    let media = broken.execute(
        "return [...document.querySelectorAll('link[data-mhr-with-query]')].map(l => l.getAttribute('media'))",
        vec![],
    );
    assert!(media.as_array().unwrap().iter().all(Value::is_null), "turned on: {media}");
    assert_ne!(broken.find("main h1").unwrap().text(), "Not this");
    assert!(broken.find("[data-testid=chips] li").is_some(), "filtered by the tag");
}

/// Where the app cannot start (its WebAssembly blocked), a list filtered by one tag still
/// reads filtered: the start-up script has put the view the build wrote for it in the page.
#[test]
fn a_list_filtered_by_one_tag_reads_filtered_where_the_app_cannot_start() {
    let server = StaticServer::start(support::dist_dir(), ServeOptions::default());
    let browser = Browser::launch(1280, 900);
    browser.cdp("Network.enable", serde_json::json!({}));
    browser.cdp("Network.setBlockedURLs", serde_json::json!({ "urls": ["*_bg.wasm"] }));
    let count = "return document.querySelector('[data-testid=result-count]').textContent";
    browser.goto(&server.site_url("browse/"));
    let all = browser.execute(count, vec![]);
    browser.goto(&server.site_url("browse/?tag=economy"));
    browser.wait_until(
        "document.documentElement.classList.contains('no-app') \
         && document.querySelector('[data-testid=chips] li')",
        WAIT,
        "the page marked no-app, with the tag's view in it",
    );
    assert_ne!(browser.execute(count, vec![]), all, "filtered");
    let chips =
        browser.execute("return document.querySelector('[data-testid=chips]').textContent", vec![]);
    assert!(chips.as_str().unwrap().contains("Economy"), "{chips}");
}

/// When a kept view's code does not come, a visitor who only came near keeps the readable
/// written content (and the next approach asks again); one who used a control is told, with
/// the view's failure and its retry.
#[test]
fn a_kept_views_code_that_does_not_come_leaves_the_page_readable_until_a_control_is_used() {
    let chunk = support::chunk_path("split_pages");
    let site = support::Site::start(
        ServeOptions::default().with_chunk_down("split_pages").without_worker(),
    );
    site.open("browse/");
    // The pointer comes near, again and again: a new approach asks again only once the
    // download before it has failed and been let go, so a second request proves the first
    // one's failure was handled.
    let approach = "document.querySelector('main h1')
        .dispatchEvent(new Event('pointerover', {bubbles: true}));";
    let mut asked = 0;
    for _ in 0..100 {
        site.execute(approach, vec![]);
        asked = site.server.wait_for_requests(&chunk, 2, std::time::Duration::from_millis(200));
        if asked >= 2 {
            break;
        }
    }
    assert!(asked >= 2, "a second attempt after the first failed: {:?}", site.server.requests());
    assert!(site.find("main .written-view [data-testid=results]").is_some(), "still readable");
    assert!(site.find("[data-testid=page-failed]").is_none(), "no failure for an approach");

    site.find(".facet input[type=checkbox]:not([disabled])").expect("a facet").click();
    let failed = site.wait_for("[data-testid=page-failed]", WAIT);
    assert!(failed.text().contains("Try again"), "{}", failed.text());
}

/// In a kept resource page, a citation file's link stays the browser's (a download, as the
/// live page's is), while a link to another view opens it in the app.
#[test]
fn a_kept_pages_citation_links_stay_downloads_and_its_view_links_navigate_in_the_app() {
    let site = support::Site::start(ServeOptions::default().without_worker());
    site.open("resource/data-driven-healthcare-report/");
    assert!(site.find("main .written-view").is_some(), "the written content is kept");
    let taken = |css: &str| {
        site.execute(
            &format!(
                "const link = document.querySelector('main .written-view {css}');
                 const click = new MouseEvent('click', {{bubbles: true, cancelable: true, button: 0}});
                 link.dispatchEvent(click); return click.defaultPrevented;"
            ),
            vec![],
        )
    };
    assert_eq!(taken("a[href$=\"citation.ris\"]"), false, "the citation downloads");
    assert_eq!(taken(".tags a[href*=\"/tag/\"]"), true, "a tag's link is the app's");
    site.wait_until("location.pathname.includes('/tag/')", WAIT, "the tag's view");
}
