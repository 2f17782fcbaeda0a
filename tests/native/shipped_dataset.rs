//! The dataset the app ships: valid, complete against the source page, and honest about
//! what it does not know.

use crate::common;

use mhr::core::catalog::Catalog;
use mhr::core::links::is_safe_url;
use mhr::core::model::{TagKind, SCHEMA_VERSION};

#[test]
fn the_shipped_dataset_is_valid_and_current() {
    let d = common::real();
    assert_eq!(d.schema_version, SCHEMA_VERSION);
}

#[test]
fn it_holds_the_source_pages_three_sections_five_expertise_areas_and_twelve_resources() {
    let d = common::real();
    assert_eq!(d.sections.len(), 3);
    assert_eq!(d.expertise.len(), 5);
    assert_eq!(d.resources.len(), 12);
    let c = Catalog::new(d);
    for s in &c.data().sections {
        assert!(!c.resources_in_section(&s.id).is_empty(), "section {} is empty", s.id);
    }
}

#[test]
fn the_figures_the_source_page_states_are_present_with_qualifiers() {
    let d = common::real();
    let has =
        |value: f64, unit: &str| d.figures.iter().any(|f| f.value == Some(value) && f.unit == unit);
    assert!(has(5500.0, "jobs"), "over 5,500 jobs");
    assert!(has(18000.0, "jobs"), "over 18,000 jobs");
    assert!(has(1300.0, "businesses"), "almost 1,300 businesses");
    assert!(has(20.5e9, "GBP"), "£20.5bn GVA");
    assert!(has(51.4e6, "GBP"), "£51.4M value delivered");
    assert!(has(654_600.0, "people"), "654,600 economically inactive");
    assert!(d.figures.iter().any(|f| f.qualifier.is_some()));
}

#[test]
fn every_tag_kind_is_used() {
    let c = Catalog::new(common::real());
    for kind in TagKind::ALL {
        assert!(!c.tags_of_kind(kind).is_empty(), "no {kind:?} tags in use");
    }
}

#[test]
fn every_link_is_safe_and_every_resource_without_one_says_so() {
    for r in &common::real().resources {
        assert!(r.links.iter().all(|l| is_safe_url(&l.url)), "{}", r.id);
        if r.links.is_empty() {
            assert!(r.link_note.is_some(), "{} has no link and no note", r.id);
        }
    }
}

#[test]
fn every_cluster_has_figures_from_its_own_report() {
    let c = Catalog::new(common::real());
    assert_eq!(c.data().clusters.len(), 3);
    for cluster in &c.data().clusters {
        let own = c.figures_of(&cluster.resource);
        assert!(own.iter().any(|f| f.cluster.as_deref() == Some(&cluster.id)), "{}", cluster.id);
    }
}

#[test]
fn the_fingerprint_of_the_dataset_is_stable_and_changes_with_any_one_character() {
    use mhr::core::load::fingerprint;
    let text = common::REAL;
    // The same text, built again in another allocation, gives the same fingerprint.
    let original = fingerprint(text);
    let copy: String = text.chars().collect();
    assert_eq!(fingerprint(&copy), original);
    // Any one character changed (every 97th, across the whole file), or one added at the
    // end, gives another: the app would take the changed file for the one it already has.
    let bytes = text.as_bytes();
    for at in (0..bytes.len()).step_by(97).filter(|&i| bytes[i].is_ascii()) {
        let mut changed = bytes.to_vec();
        changed[at] = if bytes[at] == b'x' { b'y' } else { b'x' };
        let changed = String::from_utf8(changed).expect("an ASCII byte replaced by another");
        assert_ne!(fingerprint(&changed), original, "byte {at} changed");
    }
    assert_ne!(fingerprint(&format!("{text} ")), original);
}
