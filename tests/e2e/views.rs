//! Every routed view, driven in headless Chromium against the release build.

use crate::support;

use mhr::core::model::Dataset;
use support::{ServeOptions, Site, WAIT};

const SITE: &str = "Midlands Health Resources";

fn dataset() -> Dataset {
    crate::common::real()
}

/// Waits until the view's h1 reads `heading` and the document title is `title`.
fn assert_view(site: &Site, heading: &str, title: &str) {
    site.wait_until(
        &format!(
            "document.querySelector('main h1') && document.querySelector('main h1').textContent.trim() === {} && document.title === {}",
            serde_json::to_string(heading).unwrap(),
            serde_json::to_string(title).unwrap()
        ),
        WAIT,
        &format!("heading {heading:?} and title {title:?}"),
    );
    assert_eq!(site.find_all("h1").len(), 1, "one h1 per view");
}

#[test]
fn the_home_view_shows_expertise_headline_figures_and_sections() {
    let site = Site::start(ServeOptions::default());
    site.open("");
    assert_view(&site, SITE, SITE);
    let d = dataset();
    assert_eq!(site.find_all(".expertise").len(), d.expertise.len());
    let figures = site.find_all("[data-testid=figures] .figure");
    assert_eq!(figures.len(), d.headlines.len());
    // Every headline figure names its source.
    for f in &figures {
        assert!(f.text().contains("Source"), "figure without a source: {}", f.text());
    }
    for s in &d.sections {
        assert!(site.find_all("a").iter().any(|a| a.text() == s.title), "no link to {}", s.title);
    }
}

/// Read from the pages as the running app shows them (`pages::running_reading`, one load of
/// each page shared with the test that compares them with the written pages).
#[test]
fn every_section_resource_and_tag_view_renders_with_its_own_title() {
    let d = dataset();
    let reading = crate::pages::running_reading();
    let read = |page: String| -> &serde_json::Value {
        &reading.iter().find(|(p, _)| *p == page).unwrap_or_else(|| panic!("no page {page}")).1
    };
    let assert_read = |read: &serde_json::Value, heading: &str, title: &str| {
        assert_eq!(read["h1"].as_str().map(str::trim), Some(heading), "{title}");
        assert_eq!(read["title"], title, "{heading}");
        assert_eq!(read["h1s"], 1, "{title}: one h1 per view");
    };
    for s in &d.sections {
        let page = read(format!("section/{}/", s.id));
        assert_read(page, &s.title, &format!("{} · {SITE}", s.title));
        let n = d.resources.iter().filter(|r| r.section == s.id).count();
        assert_eq!(page["cards"], n, "section {}", s.id);
    }
    for r in &d.resources {
        let page = read(format!("resource/{}/", r.id));
        assert_read(page, &r.title, &format!("{} · {SITE}", r.title));
        let text = page["resource"].as_str().unwrap();
        assert!(text.to_lowercase().contains("publisher"), "{}: no publisher line", r.id);
        if r.links.is_empty() {
            assert!(text.contains(r.link_note.as_deref().unwrap()), "{}: no link note", r.id);
        }
    }
    for t in d.tags.iter().filter(|t| d.resources.iter().any(|r| r.tags.contains(&t.id))) {
        let page = read(format!("tag/{}/", t.id));
        assert_read(page, &t.label, &format!("{} · {SITE}", t.label));
        assert!(page["cards"].as_u64().unwrap() > 0, "tag {} lists nothing", t.id);
    }
}

#[test]
fn a_resource_view_shows_figures_tags_related_resources_and_a_marked_external_link() {
    let site = Site::start(ServeOptions::default());
    site.open("resource/data-driven-healthcare-report");
    site.wait_for("[data-testid=resource] [data-testid=figures]", WAIT);
    let figures = site.find_all("[data-testid=figures] .figure");
    assert!(figures.len() >= 6, "the cluster report's figures are shown");
    assert!(site.find("[data-testid=figures]").unwrap().text().contains("over 5,500"));
    assert!(!site.find_all(".tags a.tag").is_empty());
    assert!(site.find(".related [data-testid=resource-card]").is_some());

    site.open("resource/west-midlands-air-quality-study");
    let link = site.wait_for("a.external", WAIT);
    assert!(link.attr("href").unwrap().starts_with("https://"));
    assert!(link.attr("rel").unwrap().contains("noopener"));
    assert!(link.text().contains("on another site") || link.find(".visually-hidden").is_some());
}

#[test]
fn the_about_view_covers_source_licence_accessibility_and_suggestions() {
    let site = Site::start(ServeOptions::default());
    site.open("about");
    assert_view(&site, "About this directory", &format!("About · {SITE}"));
    let text = site.find("main").unwrap().text();
    for needle in
        ["Where the data comes from", "Licence", "Accessibility", "Suggest a report", "Embedding"]
    {
        assert!(text.contains(needle), "about lacks {needle:?}");
    }
    // The whole directory downloads as CSV: a header and a row per resource.
    let csv = site.find("[data-testid=csv-all]").expect("a CSV download");
    assert_eq!(csv.attr("download").as_deref(), Some("midlands-health-resources.csv"));
    let text = support::downloaded_csv(&site, &csv);
    assert_eq!(text.trim().split("\r\n").count(), 13, "a header and 12 resources");
}

#[test]
fn an_unknown_path_and_unknown_ids_show_not_found() {
    let site = Site::start(ServeOptions::default());
    for (path, heading) in [
        ("no/such/page", "Page not found"),
        ("resource/no-such-report", "No resource found"),
        ("section/nowhere", "No section found"),
        ("tag/%3Cscript%3E", "No tag found"),
    ] {
        site.open(path);
        site.wait_for("[data-testid=not-found]", WAIT);
        assert_eq!(site.find("main h1").unwrap().text(), heading, "{path}");
    }
    // The hostile id is shown as text, never parsed as markup.
    assert!(site.find("main script").is_none());
    assert!(site.find("main").unwrap().text().contains("<script>"));
}

#[test]
fn links_navigate_in_place_and_back_forward_and_reload_restore_the_view() {
    let d = dataset();
    let section = &d.sections[1];
    let resource = d.resources.iter().find(|r| r.section == section.id).unwrap();
    let site = Site::start(ServeOptions::default());
    site.open("");
    assert_view(&site, SITE, SITE);
    // Mark the document: a client-side navigation keeps the mark, a full load loses it.
    site.execute("window.__spa = true;", vec![]);
    site.find_all("header nav a")
        .into_iter()
        .find(|a| a.text().contains("Challenges"))
        .unwrap()
        .click();
    assert_view(&site, &section.title, &format!("{} · {SITE}", section.title));
    site.find_all("[data-testid=resource-card] h3 a")
        .into_iter()
        .find(|a| a.text() == resource.title)
        .unwrap()
        .click();
    assert_view(&site, &resource.title, &format!("{} · {SITE}", resource.title));
    assert_eq!(site.execute("return window.__spa === true;", vec![]), serde_json::json!(true));

    site.back();
    assert_view(&site, &section.title, &format!("{} · {SITE}", section.title));
    site.forward();
    assert_view(&site, &resource.title, &format!("{} · {SITE}", resource.title));
    site.refresh();
    assert_view(&site, &resource.title, &format!("{} · {SITE}", resource.title));
    assert!(site.current_url().ends_with(&format!("/resource/{}/", resource.id)));
}

#[test]
fn the_skip_link_and_landmarks_are_present_on_every_view() {
    let site = Site::start(ServeOptions::default());
    for path in ["", "about", "section/strengths", "no/such/page"] {
        site.open(path);
        site.wait_for("main h1", WAIT);
        let skip = site.find("a.skip-link").expect("skip link");
        let href = skip.attr("href").unwrap_or_default();
        assert!(href.ends_with("#main"), "{path}: {href}");
        for landmark in ["header", "nav", "main#main", "footer"] {
            assert!(site.find(landmark).is_some(), "{path}: no {landmark}");
        }
    }
}

#[test]
fn the_skip_link_moves_focus_to_the_content_of_the_same_page() {
    let site = Site::start(ServeOptions::default());
    for path in ["about/", "browse/?tag=economy"] {
        site.open(path);
        site.press_key(support::keys::TAB);
        site.wait_until(
            "document.activeElement && document.activeElement.matches('a.skip-link')",
            WAIT,
            "the skip link first in the tab order",
        );
        site.press_key(support::keys::ENTER);
        site.wait_until(
            "document.activeElement && document.activeElement.id === 'main'",
            WAIT,
            "focus on the page's main content",
        );
        let url = site.current_url();
        assert!(url.ends_with(&format!("{path}#main")), "{path}: still the same page: {url}");
    }
}

#[test]
fn moving_to_another_page_puts_focus_on_its_heading() {
    let site = Site::start(ServeOptions::default());
    site.open("");
    assert_view(&site, SITE, SITE);
    site.find_all("header nav a").into_iter().find(|a| a.text() == "About").unwrap().click();
    site.wait_until(
        "document.activeElement && document.activeElement.matches('main h1') && document.activeElement.textContent === 'About this directory'",
        WAIT,
        "focus on the new page's heading",
    );
}

#[test]
fn a_resource_offers_its_citation_to_copy() {
    let site = Site::start(ServeOptions::default());
    site.open("resource/focus-adhd-guide");
    site.wait_for(".share", WAIT);
    site.find_all(".share button")
        .into_iter()
        .find(|b| b.text() == "Copy citation")
        .unwrap()
        .click();
    // Whether or not headless Chromium grants the clipboard, the status shows the citation.
    site.wait_until(
        "[...document.querySelectorAll('.share .copy-status')].some(s => s.textContent.includes('(2023). Focus ADHD'))",
        WAIT,
        "citation shown",
    );
}
