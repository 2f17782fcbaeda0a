//! A page per route: which routes are written, where, and what each page holds, rendered
//! natively by the app's own components from the shipped dataset.

use std::collections::BTreeSet;
use std::sync::Arc;

use mhr::core::catalog::Catalog;
use mhr::core::route::Route;
use mhr::ui::prerender::{self, Rendered};
use mhr::ui::{Indexed, SiteAddress};
use xtask::pages::{file_of, fill};

fn indexed() -> Indexed {
    let text = include_str!("../../../data/dataset.json");
    Indexed::new(Arc::new(Catalog::new(mhr::core::load::load(text).expect("the shipped dataset"))))
}

fn at(base: &str) -> SiteAddress {
    SiteAddress { base: base.to_string(), origin: String::new() }
}

const TEMPLATE: &str = "<!doctype html>\n<html><head><title>Site</title><base href=\"/\" /></head>\n<body data-mhr-app>\n</body>\n</html>\n";

#[test]
fn every_route_the_dataset_lists_is_written_once() {
    let indexed = indexed();
    let routes = prerender::routes(&indexed, &at("/")).unwrap();
    let unique: BTreeSet<&String> = routes.iter().collect();
    assert_eq!(unique.len(), routes.len(), "no route twice: {routes:?}");
    let data = indexed.catalog().data();
    let views = ["/", "/browse/", "/compare/", "/search/", "/about/", "/embed/"];
    assert_eq!(
        routes.len(),
        views.len() + data.sections.len() + data.resources.len() + data.tags.len(),
        "{routes:?}"
    );
    for view in views {
        assert!(routes.contains(&view.to_string()), "{view} in {routes:?}");
    }
    for r in &data.resources {
        assert!(routes.contains(&format!("/resource/{}/", r.id)), "{}", r.id);
    }
    for t in &data.tags {
        assert!(routes.contains(&format!("/tag/{}/", t.id)), "{}", t.id);
    }
    // The router's own base is not part of its routes.
    assert_eq!(prerender::routes(&indexed, &at("/partners/health/")).unwrap(), routes);
}

#[test]
fn each_route_renders_its_own_page_under_any_prefix() {
    let indexed = indexed();
    for base in ["/", "/partners/health/"] {
        for route in prerender::routes(&indexed, &at(base)).unwrap() {
            let page = prerender::page(&indexed, &at(base), &route);
            assert!(!page.title.starts_with("Page not found"), "{base}{route}: {}", page.title);
            assert!(!page.body.contains("data-testid=\"not-found\""), "{base}{route}");
            assert!(page.body.contains("<h1"), "{base}{route}: a heading");
            assert!(page.body.contains("<main id=\"main\""), "{base}{route}");
            assert!(!page.body.contains("<!>"), "{base}{route}: no hydration markers");
            // Every link inside the site stays under the prefix.
            for href in page.body.split("href=\"").skip(1).filter_map(|h| h.split('"').next()) {
                let inside = href.starts_with('/') && !href.starts_with("//");
                assert!(!inside || href.starts_with(base), "{base}{route}: {href}");
            }
        }
    }
}

#[test]
fn a_resource_page_is_titled_and_holds_what_it_says() {
    let indexed = indexed();
    let resource = &indexed.catalog().data().resources[0];
    let page = prerender::page(&indexed, &at("/"), &format!("/resource/{}/", resource.id));
    assert_eq!(page.title, format!("{} · Midlands Health Resources", resource.title));
    let summary: String = resource.summary.chars().take(40).collect();
    assert!(page.body.contains(&summary.replace('\'', "&#39;")) || page.body.contains(&summary));
}

#[test]
fn the_page_for_any_address_is_a_real_not_found_page() {
    let page = prerender::not_found(&indexed(), &at("/"));
    assert_eq!(page.title, "Page not found · Midlands Health Resources");
    assert!(page.body.contains("There is no page at this address."), "{}", page.body);
    assert!(!page.body.contains("<code>"), "the address it was written at is not named");
}

#[test]
fn the_offline_shell_is_a_loading_note_the_app_replaces() {
    let shell = prerender::shell();
    assert!(shell.body.contains("data-testid=\"loading\""), "{}", shell.body);
    assert!(shell.body.starts_with("<main id=\"main\""), "{}", shell.body);
}

#[test]
fn a_route_is_written_as_its_folders_index() {
    assert_eq!(file_of("/").unwrap(), "index.html");
    assert_eq!(file_of("/about/").unwrap(), "about/index.html");
    assert_eq!(file_of("/resource/a-b/").unwrap(), "resource/a-b/index.html");
    for bad in ["/../x/", "/a/../../b/", "relative/", "/.hidden/", "/a b/", "/a\\b/"] {
        assert!(file_of(bad).is_err(), "{bad}");
    }
}

#[test]
fn a_page_is_the_template_with_its_title_and_content_and_fills_again_the_same() {
    let page = Rendered {
        title: "A & B <c>".into(),
        name: "A & B <c>".into(),
        body: "<main id=\"main\"><h1>x</h1></main>".into(),
        route: Some("/tag/a\"b/".into()),
    };
    let tags = "\n    <meta name=\"description\" content=\"D\" data-mhr-page>";
    let html = fill(TEMPLATE, &page, tags).unwrap();
    assert!(html.contains("<title>A &amp; B &lt;c&gt;</title>\n    <meta name=\"description\" content=\"D\" data-mhr-page>"), "{html}");
    assert!(html.contains("<body data-mhr-app>\n<div id=\"app\" data-mhr-root data-mhr-route=\"/tag/a&quot;b/\"><main id=\"main\"><h1>x</h1></main></div>\n</body>"), "{html}");
    let anywhere = Rendered { route: None, ..page.clone() };
    let any = fill(TEMPLATE, &anywhere, tags).unwrap();
    assert!(
        any.contains("<div id=\"app\" data-mhr-root><main"),
        "a page for any address names no route: {any}"
    );
    assert!(html.contains("<base href=\"/\" />"), "the head is kept");
    assert_eq!(fill(&html, &page, tags).unwrap(), html, "filled twice, the same page");
    assert!(fill("<html><body></body></html>", &page, tags).is_err(), "no <title>");
}

#[test]
fn a_page_in_a_chunk_preloads_that_chunks_files_home_none_and_the_lists_inert_ones() {
    use xtask::head::{without_page_tags, MARK};
    use xtask::pages::{chunk_preloads, WITH_QUERY};
    let app = serde_json::json!({
        "pages": ["app-split_pages-1.wasm", "app-chunk_6-1.wasm"],
        "compare": ["app-split_compare-1.wasm"],
    });
    let about = Route::About;
    let tags = chunk_preloads(&app, "/p/", &about);
    for file in ["app-split_pages-1.wasm", "app-chunk_6-1.wasm"] {
        let tag = format!("<link rel=\"preload\" href=\"/p/{file}\" as=\"fetch\" type=\"application/wasm\" crossorigin=\"anonymous\" fetchpriority=\"low\" {MARK}>");
        assert!(tags.contains(&tag), "{tags}");
    }
    assert!(!tags.contains("compare"), "{tags}");
    assert_eq!(without_page_tags(&format!("<head>{tags}</head>")), "<head></head>");
    assert!(chunk_preloads(&app, "/p/", &Route::Compare).contains("app-split_compare-1.wasm"));
    // "Not found" is in the chunk `pages`; the builder's chunk is not in this map; home's
    // written content is kept by the app, which needs none of its view's code at start.
    assert!(chunk_preloads(&app, "/p/", &Route::NotFound).contains("app-split_pages-1.wasm"));
    for none in [Route::Home, Route::Embed] {
        assert_eq!(chunk_preloads(&app, "/p/", &none), "", "{none:?}");
    }
    // A list's or a resource's are inert, turned on by the start-up script only for an
    // address with a query string: the app keeps the written content until it is used.
    let lists = [
        Route::Resource("x".into()),
        Route::Browse,
        Route::Section("s".into()),
        Route::Tag("t".into()),
    ];
    for list in lists {
        let tags = chunk_preloads(&app, "/p/", &list);
        assert_eq!(tags.matches("<link").count(), 2, "{list:?}: {tags}");
        let inert = format!(" media=\"not all\" {WITH_QUERY} {MARK}>");
        assert_eq!(tags.matches(&inert).count(), 2, "{list:?}: {tags}");
    }
    assert_eq!(chunk_preloads(&serde_json::Value::Null, "/p/", &about), "");
}

#[test]
fn a_widget_of_one_tag_starts_from_that_view_written_alone() {
    use mhr::core::paths::Paths;
    use mhr::core::written::{by_tag, written_file};
    use xtask::pages::{tag_views, widget_view};
    let indexed = indexed();
    let catalog = indexed.catalog();
    let economy = catalog.tag("economy").expect("the shipped dataset's tag");
    let carrying = catalog.data().resources.iter().filter(|r| r.tags.contains(&economy.id)).count();
    assert!(carrying > 1 && carrying < catalog.data().resources.len(), "{carrying}");
    let route = by_tag(&Paths::browse(), "economy");
    assert_eq!(written_file(&route).as_deref(), Some("views/browse/tag/economy.html"));
    for base in ["/", "/partners/health/"] {
        let page = prerender::page(&indexed, &at(base), &route);
        let view = widget_view(&page, "00ff").unwrap();
        // The view filtered as the app renders that address: the tag's chip, and only its
        // resources listed.
        let results = view.split("data-testid=\"results\"").nth(1).expect("a list of results");
        let listed = results.split("</ul>").next().unwrap().matches("<li").count();
        assert_eq!(listed, carrying, "{base}: {view}");
        let chips = view.split("data-testid=\"chips\"").nth(1).expect("the chosen filters");
        assert!(chips.split("</div>").next().unwrap().contains(&economy.label), "{base}");
        // Only what a widget reads: the route, the dataset's fingerprint and `<main>`, and
        // search engines told not to index it.
        assert!(view.contains("<meta name=\"mhr-dataset\" content=\"00ff\">"), "{view}");
        assert!(view.contains("<meta name=\"robots\" content=\"noindex\">"), "{view}");
        assert!(
            view.contains("<div data-mhr-root data-mhr-route=\"/browse/?tag=economy\"><main"),
            "{view}"
        );
        assert!(view.contains("</main></div>"), "{view}");
        for left in ["<script", "<link", "<header", "<footer"] {
            assert!(!view.contains(left), "{base}: {left} in {view}");
        }
    }
    // Every tag for browse; for a section, the tags its resources carry, each a file of its
    // own.
    let routes = tag_views(catalog);
    let data = catalog.data();
    assert!(routes.iter().take(data.tags.len()).all(|r| r.starts_with("/browse/?tag=")));
    assert!(routes.len() > data.tags.len(), "{routes:?}");
    for section in &data.sections {
        let resources = catalog.resources_in_section(&section.id);
        for tag in &data.tags {
            let carried = resources.iter().any(|r| r.tags.contains(&tag.id));
            let route = by_tag(&Paths::section(&section.id), &tag.id);
            assert_eq!(routes.contains(&route), carried, "{route}");
        }
    }
    let files: BTreeSet<String> = routes.iter().filter_map(|r| written_file(r)).collect();
    assert_eq!(files.len(), routes.len(), "a file for each");
    let without_main = Rendered { body: "<div>no main</div>".into(), ..prerender::shell() };
    assert!(widget_view(&without_main, "00ff").is_err());
}
