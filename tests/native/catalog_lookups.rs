//! Look-ups the views rely on, over the minimal fixture and the real dataset.

use crate::common;

use mhr::core::catalog::Catalog;
use mhr::core::model::TagKind;

fn catalog() -> Catalog {
    Catalog::new(common::minimal())
}

#[test]
fn records_are_found_by_id_and_unknown_ids_are_not() {
    let c = catalog();
    assert_eq!(c.resource("beta-study").unwrap().title, "Beta study");
    assert_eq!(c.section("challenges").unwrap().title, "Challenges");
    assert_eq!(c.tag("diabetes").unwrap().kind, TagKind::Theme);
    assert!(c.resource("../etc").is_none());
    assert!(c.section("").is_none());
}

#[test]
fn a_section_lists_its_resources_in_dataset_order() {
    let ids: Vec<_> =
        catalog().resources_in_section("challenges").iter().map(|r| r.id.clone()).collect();
    assert_eq!(ids, ["beta-study", "gamma-guide"]);
}

#[test]
fn a_tag_lists_every_resource_carrying_it() {
    let ids: Vec<_> =
        catalog().resources_with_tag("diabetes").iter().map(|r| r.id.clone()).collect();
    assert_eq!(ids, ["alpha-report", "beta-study"]);
    assert!(catalog().resources_with_tag("nothing").is_empty());
}

#[test]
fn related_resources_share_tags_and_the_most_shared_come_first() {
    let c = catalog();
    let related: Vec<_> = c.related("beta-study", 5).iter().map(|r| r.id.clone()).collect();
    // alpha shares two tags with beta (diabetes, report); gamma shares one (west-midlands).
    assert_eq!(related, ["alpha-report", "gamma-guide"]);
    assert_eq!(c.related("beta-study", 1).len(), 1);
    assert!(c.related("ghost", 5).is_empty());
}

#[test]
fn a_resource_is_never_related_to_itself() {
    let c = Catalog::new(common::real());
    for r in &c.data().resources {
        assert!(c.related(&r.id, 10).iter().all(|x| x.id != r.id));
    }
}

#[test]
fn figures_are_found_by_their_resource() {
    let c = catalog();
    assert_eq!(c.figures_of("alpha-report").len(), 2);
    assert!(c.figures_of("gamma-guide").is_empty());
    assert_eq!(c.headlines()[0].id, "alpha-jobs");
    assert_eq!(c.cluster_of("alpha-report").unwrap().id, "alpha");
}

#[test]
fn tags_of_a_kind_are_counted_and_unused_ones_left_out() {
    let c = catalog();
    let themes = c.tags_of_kind(TagKind::Theme);
    assert_eq!(themes.len(), 1);
    assert_eq!((themes[0].0.id.as_str(), themes[0].1), ("diabetes", 2));
    assert!(c.tags_of_kind(TagKind::Organisation).is_empty());
}

#[test]
fn a_citation_names_publisher_year_title_and_address_or_says_there_is_none() {
    use mhr::core::citation::citation;
    let c = catalog();
    assert_eq!(
        citation(c.resource("alpha-report").unwrap()),
        "Alpha Network (2024). Alpha report. Report: https://example.org/alpha."
    );
    assert_eq!(
        citation(c.resource("beta-study").unwrap()),
        "(n.d.). Beta study. No public address known."
    );
}
