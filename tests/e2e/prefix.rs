//! The site built for a path prefix (`make dist-prefixed`, PUBLIC_URL=/partners/health/) and
//! served under it: assets, the dataset, the router and deep links all follow the prefix.

use crate::support;

use support::{ServeOptions, Site, StaticServer, WAIT};

fn prefixed_site() -> Site {
    let (dist, prefix) = support::prefixed_dist();
    let server = StaticServer::start(dist, ServeOptions::default().with_prefix(&prefix));
    let browser = support::Browser::launch(1280, 900);
    Site { browser, server }
}

#[test]
fn a_deep_link_under_the_prefix_loads_and_internal_links_keep_the_prefix() {
    let site = prefixed_site();
    site.goto(&site.server.site_url("resource/focus-adhd-guide"));
    site.wait_for_text("main h1", "ADHD", WAIT);
    // Every request stayed under the prefix.
    let prefix = site.server.prefix().to_string();
    for path in site.server.requests() {
        assert!(path.starts_with(&prefix), "{path} is outside {prefix}");
    }
    let home = site.find("a.brand").unwrap();
    let href = home.attr("href").unwrap();
    assert!(href.starts_with(prefix.trim_end_matches('/')), "home link {href:?} lacks {prefix}");
    site.find_all("header nav a").into_iter().find(|a| a.text() == "Browse").unwrap().click();
    site.wait_for_text("main h1", "Browse all resources", WAIT);
    assert!(site.current_url().contains(&format!("{}browse", prefix)), "{}", site.current_url());
    site.refresh();
    site.wait_for_text("main h1", "Browse all resources", WAIT);
    // Filtering and searching navigate under the prefix too.
    site.find_all(".facet-option label")
        .into_iter()
        .find(|l| l.text().starts_with("Economy"))
        .unwrap()
        .click();
    site.wait_until("location.search === '?tag=economy'", WAIT, "filter in the URL");
    assert!(
        site.current_url().contains(&format!("{prefix}browse/?tag=economy")),
        "{}",
        site.current_url()
    );
    site.find("#site-search").unwrap().send_keys("diabetes\u{E007}");
    site.wait_until("location.pathname.endsWith('/search/')", WAIT, "search results");
    assert!(
        site.current_url().contains(&format!("{prefix}search/?q=diabetes")),
        "{}",
        site.current_url()
    );
    site.find("[data-testid=search-result] a").unwrap().click();
    site.wait_for_text("main h1", "Diabetes", WAIT);
    assert!(site.current_url().contains(&format!("{prefix}resource/")), "{}", site.current_url());
}
