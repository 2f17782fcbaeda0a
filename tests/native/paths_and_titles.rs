//! URLs under a path prefix, and document titles.

use mhr::core::paths::{document_title, encode_segment, normalise_base, Paths};

#[test]
fn a_prefix_is_normalised_to_slashes_on_both_sides() {
    for (given, want) in [
        ("", "/"),
        ("/", "/"),
        ("partners/health", "/partners/health/"),
        ("/partners/health/", "/partners/health/"),
        ("  /x ", "/x/"),
    ] {
        assert_eq!(normalise_base(given), want, "{given:?}");
    }
}

#[test]
fn assets_carry_the_prefix_and_routes_do_not() {
    let p = Paths::new("/partners/health");
    assert_eq!(p.asset("data/dataset.json"), "/partners/health/data/dataset.json");
    assert_eq!(Paths::new("/").asset("/data/dataset.json"), "/data/dataset.json");
    assert_eq!(Paths::resource("diabetes-blueprint"), "/resource/diabetes-blueprint/");
    assert_eq!(Paths::section("strengths"), "/section/strengths/");
    assert_eq!(Paths::tag("air-quality"), "/tag/air-quality/");
}

#[test]
fn a_search_link_carries_the_query_encoded_and_trimmed() {
    assert_eq!(Paths::search("air quality"), "/search/?q=air%20quality");
    assert_eq!(Paths::search(" a&b=c#d "), "/search/?q=a%26b%3Dc%23d");
    assert_eq!(Paths::search("   "), "/search/");
}

#[test]
fn odd_ids_are_percent_encoded_so_links_stay_links() {
    assert_eq!(encode_segment("a b/c?d#e"), "a%20b%2Fc%3Fd%23e");
    assert_eq!(encode_segment("é"), "%C3%A9");
}

#[test]
fn titles_name_the_view_then_the_site() {
    assert_eq!(document_title("Site", Some("About")), "About · Site");
    assert_eq!(document_title("Site", None), "Site");
    assert_eq!(document_title("Site", Some("  ")), "Site");
}

#[test]
fn links_put_routes_under_the_base() {
    let p = Paths::new("/partners/health/");
    assert_eq!(p.link(&Paths::home()), "/partners/health/");
    assert_eq!(p.link(&Paths::resource("x")), "/partners/health/resource/x/");
    assert_eq!(p.link(&Paths::search("air")), "/partners/health/search/?q=air");
    let root = Paths::new("/");
    assert_eq!(root.link(&Paths::home()), "/");
    assert_eq!(root.link(&Paths::about()), "/about/");
}

#[test]
fn every_view_but_home_is_a_folder_a_static_host_serves_as_it_is() {
    for route in [
        Paths::section("a"),
        Paths::resource("a"),
        Paths::tag("a"),
        Paths::browse(),
        Paths::compare(&[]),
        Paths::search(""),
        Paths::embed(),
        Paths::about(),
    ] {
        assert!(route.ends_with('/'), "{route}");
    }
    assert_eq!(Paths::compare(&["a"]), "/compare/?c=a");
}

#[test]
fn a_full_path_gives_back_its_route_under_the_base() {
    let p = Paths::new("/partners/health/");
    assert_eq!(p.route_of("/partners/health/"), "/");
    assert_eq!(p.route_of("/partners/health"), "/");
    assert_eq!(p.route_of("/partners/health/resource/x/"), "/resource/x/");
    assert_eq!(p.route_of("/partners/healthy/x"), "/partners/healthy/x", "not under the base");
    assert_eq!(p.route_of("/elsewhere"), "/elsewhere");
    assert_eq!(Paths::new("/").route_of("/about/"), "/about/");
}

#[test]
fn a_widgets_link_gives_back_its_route_and_another_sites_gives_none() {
    let p = Paths::absolute("https://example.org/health/");
    for route in [Paths::resource("a b"), Paths::browse(), Paths::home(), Paths::compare(&["x"])] {
        assert_eq!(p.route_of_link(&p.link(&route)).as_deref(), Some(route.as_str()), "{route}");
    }
    assert_eq!(p.route_of_link("https://example.org/health").as_deref(), Some("/"));
    assert_eq!(p.route_of_link("https://example.org/health/?q=a").as_deref(), Some("/?q=a"));
    assert_eq!(p.route_of_link("https://example.org/healthy/x/"), None, "a neighbouring folder");
    assert_eq!(p.route_of_link("https://example.org/other/"), None);
    assert_eq!(p.route_of_link("https://example.com/health/x/"), None, "another site");
    assert_eq!(p.route_of_link("mailto:someone@example.org"), None);
}
