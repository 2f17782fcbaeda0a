//! Faceted browsing as a visitor does it: tick options, read counts, remove chips, reload,
//! go back, and hand-edit the URL.

use crate::support;

use mhr::core::model::Dataset;
use support::{ServeOptions, Site, WAIT};

fn dataset() -> Dataset {
    crate::common::real()
}

/// How many resources carry every one of `tags` (tags of different kinds, so AND).
fn count_with(tags: &[&str]) -> usize {
    dataset()
        .resources
        .iter()
        .filter(|r| tags.iter().all(|t| r.tags.iter().any(|x| x == t)))
        .count()
}

fn label_for(site: &Site, text: &str) -> support::Element {
    site.find_all(".facet-option label")
        .into_iter()
        .find(|l| l.text().starts_with(text))
        .unwrap_or_else(|| panic!("no facet option {text:?}"))
}

fn wait_count(site: &Site, n: usize) {
    let want = format!("{n} resource{}", if n == 1 { "" } else { "s" });
    site.wait_until(
        &format!(
            "document.querySelector('[data-testid=result-count]').textContent.trim() === {want:?}"
        ),
        WAIT,
        &format!("result count {want:?}"),
    );
    assert_eq!(site.find_all("[data-testid=results] > li").len(), n);
}

fn checked(site: &Site, text: &str) -> bool {
    let id = label_for(site, text).attr("for").unwrap();
    site.execute(&format!("return document.getElementById({id:?}).checked;"), vec![])
        == serde_json::json!(true)
}

#[test]
fn ticking_options_updates_the_list_the_counts_and_the_url() {
    let site = Site::start(ServeOptions::default());
    site.open("browse");
    wait_count(&site, dataset().resources.len());
    let economy = count_with(&["economy"]);
    // The option shows, before it is chosen, how many it would leave.
    assert!(label_for(&site, "Economy").text().contains(&format!("({economy})")));
    label_for(&site, "Economy").click();
    wait_count(&site, economy);
    assert!(site.current_url().ends_with("/browse/?tag=economy"), "{}", site.current_url());

    let both = count_with(&["economy", "east-midlands"]);
    assert!(
        label_for(&site, "East Midlands").text().contains(&format!("({both})")),
        "count under the other selection"
    );
    label_for(&site, "East Midlands").click();
    wait_count(&site, both);
    assert!(site.current_url().ends_with("?tag=economy&tag=east-midlands"));

    // Reload keeps the view; back steps to the previous selection.
    site.refresh();
    wait_count(&site, both);
    assert!(checked(&site, "Economy") && checked(&site, "East Midlands"));
    site.back();
    wait_count(&site, economy);
    assert!(!checked(&site, "East Midlands"));
}

#[test]
fn options_that_would_leave_nothing_are_disabled_not_hidden() {
    let site = Site::start(ServeOptions::default());
    site.open("browse?tag=diabetes");
    wait_count(&site, 1);
    // Organisations narrow (AND): none of the diabetes resources is the Midlands Engine's.
    assert_eq!(count_with(&["diabetes", "midlands-engine"]), 0);
    let engine = label_for(&site, "Midlands Engine");
    let id = engine.attr("for").unwrap();
    assert_eq!(
        site.execute(&format!("return document.getElementById({id:?}).disabled;"), vec![]),
        serde_json::json!(true)
    );
    assert!(engine.text().contains("(0)"));
    // Themes widen (OR): ADHD stays available alongside diabetes.
    let both = dataset()
        .resources
        .iter()
        .filter(|r| r.tags.iter().any(|t| t == "diabetes" || t == "adhd"))
        .count();
    assert!(label_for(&site, "ADHD").text().contains(&format!("({both})")));
}

#[test]
fn chips_remove_one_filter_and_clear_all_removes_every_one() {
    let site = Site::start(ServeOptions::default());
    site.open("browse?tag=economy&tag=east-midlands");
    wait_count(&site, count_with(&["economy", "east-midlands"]));
    let chips = site.find_all("[data-testid=chips] .chip");
    assert_eq!(chips.len(), 2);
    site.find("[data-testid=chips] .chip[aria-label='Remove filter: Economy']")
        .expect("chip named for its filter")
        .click();
    wait_count(&site, count_with(&["east-midlands"]));
    assert!(site.current_url().ends_with("/browse/?tag=east-midlands"));
    site.find("[data-testid=chips] .link-button").unwrap().click();
    wait_count(&site, dataset().resources.len());
    assert!(site.find("[data-testid=chips]").is_none());
}

#[test]
fn a_hand_edited_url_with_an_unknown_tag_shows_a_notice_and_keeps_the_rest() {
    let site = Site::start(ServeOptions::default());
    site.open("browse?tag=no-such-tag&tag=diabetes&sort=sideways");
    wait_count(&site, 1);
    let notices = site.wait_for("[data-testid=notices]", WAIT).text();
    assert!(notices.contains("no-such-tag"), "{notices}");
    assert!(notices.contains("sideways"), "{notices}");
}

#[test]
fn sorting_by_title_orders_a_to_z_and_is_kept_in_the_url() {
    let site = Site::start(ServeOptions::default());
    site.open("browse");
    wait_count(&site, dataset().resources.len());
    site.execute("const s = document.getElementById('sort-order'); s.value = 'title'; s.dispatchEvent(new Event('change', {bubbles: true}));", vec![]);
    site.wait_until("location.search === '?sort=title'", WAIT, "sort in the URL");
    let titles: Vec<String> =
        site.find_all("[data-testid=results] h3").iter().map(|h| h.text().to_lowercase()).collect();
    let mut sorted = titles.clone();
    sorted.sort();
    assert_eq!(titles, sorted);
}

#[test]
fn a_section_view_is_the_same_machinery_with_its_section_fixed() {
    let site = Site::start(ServeOptions::default());
    let strengths = dataset().resources.iter().filter(|r| r.section == "strengths").count();
    site.open("section/strengths");
    wait_count(&site, strengths);
    label_for(&site, "Economy").click();
    let d = dataset();
    let n = d
        .resources
        .iter()
        .filter(|r| r.section == "strengths" && r.tags.iter().any(|t| t == "economy"))
        .count();
    wait_count(&site, n);
    assert!(site.current_url().ends_with("/section/strengths/?tag=economy"));
}

#[test]
fn on_a_phone_the_filters_sit_behind_a_button_that_counts_the_selection() {
    let site = Site::with_size(ServeOptions::default(), 375, 800);
    site.open("browse?tag=economy");
    wait_count(&site, count_with(&["economy"]));
    let toggle = site.find(".filters-toggle").unwrap();
    assert!(toggle.is_displayed());
    assert!(toggle.text().contains("1 selected"), "{}", toggle.text());
    assert_eq!(toggle.attr("aria-expanded").as_deref(), Some("false"));
    assert!(!site.find("#facets").unwrap().is_displayed());
    toggle.click();
    site.wait_until(
        "document.querySelector('#facets').offsetParent !== null",
        WAIT,
        "facets shown",
    );
    assert_eq!(
        site.find(".filters-toggle").unwrap().attr("aria-expanded").as_deref(),
        Some("true")
    );
    // No horizontal scrolling at 375 px.
    assert_eq!(
        site.execute("return document.documentElement.scrollWidth <= window.innerWidth;", vec![]),
        serde_json::json!(true)
    );
}
