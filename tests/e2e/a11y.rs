//! axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) on every view, in light and dark, at
//! desktop and phone widths. axe is installed from npm by `make setup-browser` and injected
//! into the page; its path comes from MHR_AXE.

use crate::support;

use serde_json::Value;
use support::{Browser, ServeOptions, Site, WAIT};

const VIEWS: [&str; 22] = [
    "",
    "section/strengths",
    "resource/data-driven-healthcare-report",
    "resource/west-midlands-air-quality-study",
    "tag/diabetes",
    "about",
    "no/such/page",
    "search?q=health%20inequalities",
    "search?q=bluprnt&tag=air-quality",
    "search?q=HINWM",
    "browse",
    "browse?tag=economy&tag=east-midlands&tag=no-such-tag&sort=title",
    // Browse filtered by one tag: kept from the view the build wrote for it.
    "browse?tag=economy",
    "compare",
    "compare?c=data-driven-healthcare&c=health-life-sciences&mode=chart&c=nope",
    "embed?view=browse&tags=economy",
    "embed?view=section&section=strengths&tags=economy&kind=widget&theme=dark",
    // A list widget without filters: its written first view (src/ui/widget/written.rs).
    "embed?view=browse&kind=widget",
    // A widget of one tag: its written first view too.
    "embed?view=browse&tags=diabetes&kind=widget",
    "browse?tag=economy&embed=1",
    "resource/data-driven-healthcare-report?embed=1&theme=dark",
    "compare?mode=chart&embed=1&theme=light",
];

fn axe_source() -> String {
    let path = std::env::var("MHR_AXE").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/.tools/node_modules/axe-core/axe.min.js").into()
    });
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("axe-core not found at {path} ({e}): run `make setup-browser`"))
}

/// Runs axe on the current page and returns its violations, each as "rule: help (targets)".
/// axe is injected once per document: a second run on the same page (in the other colour
/// scheme) reuses it.
fn violations(browser: &Browser, axe: &str) -> Vec<String> {
    if browser.execute("return typeof window.axe === 'undefined';", vec![]) == true {
        browser.execute(axe, vec![]);
    }
    let result = browser.execute_async(
        "const done = arguments[arguments.length - 1];
         axe.run(document, { iframes: false, resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
            .then(r => done({ rules: axe.getRules(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).length, passes: r.passes.length, violations: r.violations.map(v => ({ id: v.id, help: v.help,
                targets: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + (n.failureSummary || '')) })) }))
            .catch(e => done({ passes: 0, violations: [{ id: 'axe-error', help: String(e), targets: [] }] }));",
        vec![],
    );
    // A run that checked nothing would report nothing: make sure rules actually passed, and
    // that the rule set is the WCAG 2.0-2.2 A/AA one (69 rules in axe-core 4.11.0).
    assert!(result["passes"].as_u64().unwrap_or(0) >= 10, "axe did not run: {result}");
    let rules = result["rules"].as_u64().unwrap_or(0);
    assert!(rules >= 65, "axe's WCAG A/AA rule set has only {rules} rules");
    result["violations"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|v: &Value| format!("{}: {} {}", v["id"], v["help"], v["targets"]))
        .collect()
}

/// Each view is opened once and checked in light, then dark: the scheme is emulated through
/// DevTools, and the page restyles in place, as it does when a visitor's system changes.
/// Returns every violation found.
fn check_views(width: u32, height: u32) -> Vec<String> {
    let axe = axe_source();
    let site = Site::with_size(ServeOptions::default(), width, height);
    let mut found = Vec::new();
    for path in VIEWS {
        site.emulate_color_scheme("light");
        site.open(path);
        site.wait_for("main h1", WAIT);
        if path.contains("kind=widget") {
            // The widget preview, in its shadow root, is checked with the page.
            site.wait_until(
                "(() => { const w = document.querySelector('mhr-widget'); return w && w.shadowRoot && w.shadowRoot.querySelector('h1'); })()",
                WAIT,
                "the widget preview",
            );
        }
        for scheme in ["light", "dark"] {
            site.emulate_color_scheme(scheme);
            site.wait_until(
                &format!("matchMedia('(prefers-color-scheme: {scheme})').matches"),
                WAIT,
                "the colour scheme",
            );
            for v in violations(&site, &axe) {
                found.push(format!("/{path} ({scheme}, {width}px): {v}"));
            }
        }
    }
    found
}

/// Both widths at once, a browser each.
#[test]
fn every_view_passes_axe_at_phone_and_desktop_widths_in_light_and_dark() {
    let (phone, desktop) =
        support::in_parallel(|| check_views(375, 812), || check_views(1280, 900));
    let found: Vec<String> = phone.into_iter().chain(desktop).collect();
    assert!(found.is_empty(), "axe found {} violation(s):\n{}", found.len(), found.join("\n"));
}

#[test]
fn the_search_suggestions_pass_axe_while_open() {
    let axe = axe_source();
    let site = Site::start(ServeOptions::default());
    site.open("");
    site.wait_for("#site-search", WAIT).send_keys("health");
    site.wait_for("#search-suggestions:not([hidden]) [role=option]", WAIT);
    site.press_key(support::keys::ARROW_DOWN);
    let found = violations(&site, &axe);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_filters_disclosure_passes_axe_when_open_on_a_phone() {
    let axe = axe_source();
    let site = Site::with_size(ServeOptions::default(), 375, 812);
    site.open("browse?tag=economy");
    site.wait_for(".filters-toggle", WAIT).click();
    site.wait_until(
        "document.querySelector('#facets').offsetParent !== null",
        WAIT,
        "facets shown",
    );
    let found = violations(&site, &axe);
    assert!(found.is_empty(), "{found:#?}");
}

/// With the problems located, and with only a summary when the code that checks the data could
/// not be downloaded.
#[test]
fn the_error_view_passes_axe() {
    let axe = axe_source();
    let broken =
        ServeOptions::default().with_override("/data/dataset.json", 200, "application/json", b"{}");
    for opts in [broken.clone(), broken.with_chunk_down("split_compare")] {
        let site = Site::start(opts);
        site.open("");
        site.wait_for("[data-testid=error-view]", WAIT);
        let found = violations(&site, &axe);
        assert!(found.is_empty(), "{found:#?}");
    }
}

#[test]
fn a_page_whose_code_did_not_download_passes_axe() {
    let axe = axe_source();
    let site = Site::start(ServeOptions::default().with_chunk_down("split_compare"));
    site.open("compare");
    site.wait_for("[data-testid=page-failed]", WAIT);
    let found = violations(&site, &axe);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_search_box_saying_its_code_did_not_download_passes_axe() {
    let axe = axe_source();
    let site = Site::start(ServeOptions::default().with_chunk_down("split_search"));
    site.open("");
    site.find("#site-search").expect("the search box").send_keys("diabetes");
    site.wait_for(".search-box .search-note", WAIT);
    for scheme in ["light", "dark"] {
        site.emulate_color_scheme(scheme);
        let found = violations(&site, &axe);
        assert!(found.is_empty(), "{scheme}: {found:#?}");
    }
}

#[test]
fn the_offline_notice_passes_axe_in_light_and_dark() {
    let axe = axe_source();
    let site = Site::start(ServeOptions::default());
    site.open("browse");
    site.wait_for("[data-testid=result-count]", WAIT);
    site.set_offline(true);
    site.wait_for("[data-testid=offline]", WAIT);
    for scheme in ["light", "dark"] {
        site.emulate_color_scheme(scheme);
        let found = violations(&site, &axe);
        assert!(found.is_empty(), "{scheme}: {found:#?}");
    }
}

/// Pages where the app cannot run: its WebAssembly is blocked, so the start-up script marks
/// the page `no-app`, and the stylesheet hides what needs the app and shows what stands in
/// for it, with the same rules it applies with scripts off (`@media (scripting: none)`).
/// axe cannot run in a page with scripts off (its checks wait on the page's own timers), so
/// this is where the written pages, as a reader without the app sees them, are checked.
#[test]
fn every_kind_of_written_page_passes_axe_where_the_app_cannot_run() {
    let axe = axe_source();
    let server = support::StaticServer::start(support::dist_dir(), ServeOptions::default());
    let pages = [
        "",
        "section/strengths/",
        "resource/data-driven-healthcare-report/",
        "tag/diabetes/",
        "browse/",
        "search/",
        "compare/",
        "about/",
        "embed/",
        "no/such/page",
    ];
    // Each page is opened once per width, a browser each and both at once, and checked in
    // light, then dark.
    let check = |width: u32, height: u32| -> Vec<String> {
        let mut found = Vec::new();
        let browser = Browser::launch(width, height);
        browser.cdp("Network.enable", serde_json::json!({}));
        browser.cdp("Network.setBlockedURLs", serde_json::json!({ "urls": ["*_bg.wasm"] }));
        for page in pages {
            browser.emulate_color_scheme("light");
            browser.goto(&server.site_url(page));
            let marked = browser.execute("return document.documentElement.className", vec![]);
            assert_eq!(marked, "no-app", "/{page}: the failed start is marked");
            let notes = browser.find_all("[data-testid=without-app]");
            if page.starts_with("browse") || page.starts_with("compare") {
                assert!(notes.iter().any(|n| n.is_displayed()), "/{page}: the note shows");
            }
            for scheme in ["light", "dark"] {
                browser.emulate_color_scheme(scheme);
                for v in violations(&browser, &axe) {
                    found.push(format!("/{page} ({scheme}, {width}px, no app): {v}"));
                }
            }
        }
        found
    };
    let (phone, desktop) = support::in_parallel(|| check(375, 812), || check(1280, 900));
    let found: Vec<String> = phone.into_iter().chain(desktop).collect();
    assert!(found.is_empty(), "axe found {} violation(s):\n{}", found.len(), found.join("\n"));
}
