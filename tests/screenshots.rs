//! `make screenshots`: saves a PNG of every kind of view at phone (375 px) and desktop
//! (1280 px) widths, in light and dark, and of the written pages read with scripts off, into
//! `screenshots/`, to be looked at by a person.
//! Not a test: it asserts nothing beyond each view having rendered its heading.

mod support;

use support::{ServeOptions, Site, WAIT};

const VIEWS: [(&str, &str); 18] = [
    ("home", ""),
    ("section", "section/strengths"),
    ("resource", "resource/data-driven-healthcare-report"),
    ("resource-air", "resource/west-midlands-air-quality-study"),
    ("tag", "tag/diabetes"),
    ("about", "about"),
    ("not-found", "no/such/page"),
    ("search", "search?q=health%20inequalities"),
    ("search-none", "search?q=bluprnt"),
    ("browse", "browse"),
    ("browse-filtered", "browse?tag=economy&tag=east-midlands&tag=nope"),
    ("browse-one-tag", "browse?tag=economy"),
    ("compare-table", "compare"),
    ("compare-chart", "compare?mode=chart"),
    ("embed-builder", "embed?view=browse&tags=economy"),
    ("embed-builder-widget", "embed?view=compare&kind=widget&theme=dark"),
    ("embedded-browse", "browse?tag=economy&embed=1"),
    ("embedded-resource", "resource/data-driven-healthcare-report?embed=1&theme=dark"),
];

/// A partner's page on another origin with an iframe and two widgets, one under a hostile
/// stylesheet's rules.
const PARTNER: &str = r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner</title>
<style>body { font: 18px Georgia, serif; margin: 2rem; color: #333; } * { color: #7a1f1f !important; }
.cols { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 2rem; }</style></head>
<body><h1>A partner's page</h1><p>Their own text, in their own styles.</p>
<div class="cols">
<div><h2>Iframe</h2><iframe src="{SITE}browse?tag=economy&amp;embed=1" data-mhr-embed title="Health resources" width="100%"></iframe></div>
<div><h2>Widget</h2><mhr-widget view="browse" tags="air-quality"></mhr-widget><h2>Dark widget</h2><mhr-widget view="compare" theme="dark"></mhr-widget></div>
</div>
<script src="{SITE}embed.js" async></script><script src="{SITE}widget.js" async></script></body></html>"#;

/// A full-page shot: grows the window to the document's height, shoots, and restores it.
fn full_page(browser: &support::Browser, file: &std::path::Path, (width, height): (u32, u32)) {
    let full = browser.execute("return document.documentElement.scrollHeight;", vec![]);
    browser.set_window_size(width, full.as_u64().unwrap_or(u64::from(height)).min(6000) as u32);
    browser.screenshot(file);
    browser.set_window_size(width, height);
    println!("{}", file.display());
}

/// Opens `rel` on a server of the build with `opts`, waits for `selector`, and saves a shot
/// at window height as `file`.
fn shot_served(site: &Site, opts: ServeOptions, rel: &str, selector: &str, file: &std::path::Path) {
    let server = support::StaticServer::start(support::dist_dir(), opts);
    site.goto(&server.site_url(rel));
    site.wait_for(selector, WAIT);
    site.screenshot(file);
    println!("{}", file.display());
}

fn main() {
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("screenshots");
    std::fs::create_dir_all(&out).expect("screenshots folder");
    for (width, height) in [(375, 812), (1280, 900)] {
        let site = Site::with_size(ServeOptions::default(), width, height);
        for scheme in ["light", "dark"] {
            site.emulate_color_scheme(scheme);
            for (name, path) in VIEWS {
                site.open(path);
                site.wait_for("main h1", WAIT);
                site.wait_until("!document.querySelector('[data-testid=loading]')", WAIT, "loaded");
                full_page(
                    &site,
                    &out.join(format!("{name}-{width}-{scheme}.png")),
                    (width, height),
                );
            }
            // The filters disclosure open (on a phone it starts closed).
            site.open("browse?tag=economy");
            site.wait_for(".filters-toggle", WAIT);
            if width < 900 {
                site.find(".filters-toggle").unwrap().click();
            }
            full_page(
                &site,
                &out.join(format!("browse-filters-open-{width}-{scheme}.png")),
                (width, height),
            );
            // The offline banner, at window height.
            site.open("browse");
            site.wait_for("[data-testid=result-count]", WAIT);
            site.set_offline(true);
            site.wait_for("[data-testid=offline]", WAIT);
            let file = out.join(format!("offline-{width}-{scheme}.png"));
            site.screenshot(&file);
            println!("{}", file.display());
            site.set_offline(false);
            // The search box with its suggestions open, at window height.
            site.open("");
            site.wait_for("#site-search", WAIT);
            site.find("#site-search").unwrap().send_keys("health");
            site.wait_for("#search-suggestions:not([hidden]) [role=option]", WAIT);
            site.press_key(support::keys::ARROW_DOWN);
            let file = out.join(format!("suggestions-{width}-{scheme}.png"));
            site.screenshot(&file);
            println!("{}", file.display());
        }
        // A view whose code did not download.
        shot_served(
            &site,
            ServeOptions::default().with_chunk_down("split_compare"),
            "compare",
            "[data-testid=page-failed]",
            &out.join(format!("page-failed-{width}.png")),
        );
        // The search box when the search engine's code did not download.
        let failing = ServeOptions::default().with_chunk_down("split_search");
        let broken = support::StaticServer::start(support::dist_dir(), failing);
        site.goto(&broken.site_url(""));
        site.wait_for("#site-search", WAIT);
        site.find("#site-search").unwrap().send_keys("health");
        site.wait_for(".search-box .search-note", WAIT);
        let file = out.join(format!("search-failed-{width}.png"));
        site.screenshot(&file);
        println!("{}", file.display());
        // A dataset that does not parse: located, and with the code that checks it down.
        let broken = ServeOptions::default().with_override(
            "/data/dataset.json",
            200,
            "application/json",
            b"{\"schema_version\": 1, \"meta\": [",
        );
        for (name, opts) in [
            ("dataset-error", broken.clone()),
            ("dataset-unchecked", broken.with_chunk_down("split_compare")),
        ] {
            let file = out.join(format!("{name}-{width}.png"));
            shot_served(&site, opts, "", "[data-testid=error-view]", &file);
        }
        // The partner's page, on a second origin, with the site sending its shipped headers.
        let app = support::StaticServer::start(
            support::dist_dir(),
            ServeOptions::default().with_shipped_headers(),
        );
        let pages = support::TempDir::new("partner-shots");
        std::fs::write(pages.path().join("p.html"), PARTNER.replace("{SITE}", &app.site_url("")))
            .unwrap();
        let partner = support::StaticServer::start(pages.path(), ServeOptions::default());
        site.emulate_color_scheme("light");
        site.goto(&partner.url("p.html"));
        site.wait_until(
            "[...document.querySelectorAll('mhr-widget')].every(w => w.shadowRoot && w.shadowRoot.querySelector('h1'))",
            WAIT,
            "both widgets",
        );
        site.wait_until(
            "parseFloat(document.querySelector('iframe').style.height) > 100",
            WAIT,
            "the sized iframe",
        );
        full_page(&site, &out.join(format!("partner-page-{width}.png")), (width, height));
    }
    // The pages as the build wrote them, read with scripts off, beside the same pages with
    // the app running (home-1280-light.png and so on, above).
    let server = support::StaticServer::start(support::dist_dir(), ServeOptions::default());
    for (width, height) in [(375, 812), (1280, 900)] {
        let browser = support::Browser::launch_without_scripts(width, height);
        for (name, path) in [
            ("home", ""),
            ("resource", "resource/data-driven-healthcare-report/"),
            ("compare-table", "compare/"),
            ("browse", "browse/"),
            ("browse-one-tag", "browse/?tag=economy"),
            ("section-one-tag", "section/strengths/?tag=economy"),
            ("search", "search/?q=health"),
        ] {
            browser.goto(&server.site_url(path));
            browser.wait_for("main h1", WAIT);
            full_page(
                &browser,
                &out.join(format!("{name}-{width}-no-scripts.png")),
                (width, height),
            );
        }
    }
}
