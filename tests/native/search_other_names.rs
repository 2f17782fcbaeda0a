//! Other names on the shipped dataset: each finds what it names, and a result found through
//! one says so, once, with the name the visitor typed.

use crate::common;

use common::RealSearch;
use mhr::core::search::documents::{other_names_matched, other_names_said, OtherNames};
use mhr::core::search::{Highlighter, QueryOptions};

impl RealSearch {
    /// The other names shown on `id`'s card for `query`.
    fn shown(&self, query: &str, id: &str) -> Vec<OtherNames> {
        let r = self.index.search(query, QueryOptions { limit: 12, prefix_last: true });
        let resource = self.catalog.resource(id).expect("the resource exists");
        other_names_matched(&self.catalog, resource, &r)
    }
}

fn names(of: Option<&str>, names: &[&str]) -> OtherNames {
    OtherNames { of: of.map(String::from), names: names.iter().map(|n| n.to_string()).collect() }
}

#[test]
fn a_resources_other_name_puts_it_first() {
    let f = RealSearch::load();
    for r in &f.catalog.data().resources {
        for alias in &r.aliases {
            assert_eq!(f.top(alias, 1).first(), Some(&r.id), "{alias:?}");
        }
    }
}

#[test]
fn a_tags_other_name_finds_every_resource_with_the_tag() {
    let f = RealSearch::load();
    for tag in &f.catalog.data().tags {
        let tagged: Vec<String> =
            f.catalog.resources_with_tag(&tag.id).iter().map(|r| r.id.clone()).collect();
        for alias in &tag.aliases {
            let found = f.top(alias, 12);
            assert!(tagged.iter().all(|id| found.contains(id)), "{alias:?}: {found:?} {tagged:?}");
        }
    }
}

#[test]
fn an_abbreviation_the_card_does_not_show_is_named_with_what_it_stands_for() {
    let f = RealSearch::load();
    let hiwm = "hiwm-impact-report-2023-24";
    assert_eq!(
        f.shown("HINWM", hiwm),
        [names(Some("Health Innovation West Midlands"), &["HINWM"])]
    );
    assert_eq!(f.shown("hiwm", hiwm), [names(Some("Health Innovation West Midlands"), &["HIWM"])]);
    // A name the title itself carries is not repeated under it.
    assert_eq!(f.shown("HEIN", "east-midlands-health-inequalities-summaries"), []);
}

#[test]
fn a_name_reached_only_through_a_typo_is_shown_when_nothing_typed_explains_the_hit() {
    let f = RealSearch::load();
    // "medtek" reads as "medtech"; the super cluster report says "medical technology", and
    // its tag is also known as MedTech.
    assert_eq!(
        f.shown("medtek", "midlands-engine-health-life-sciences-report"),
        [names(Some("Medical technology"), &["MedTech"])]
    );
}

#[test]
fn a_match_the_card_already_shows_is_not_repeated() {
    let f = RealSearch::load();
    // The MedTech report's summary says it was commissioned by Midlands Health Innovation.
    assert!(f.shown("Midlands Health Innovation", "medtech-report-2019").is_empty());
    assert!(f.shown("medtech", "medtech-report-2019").is_empty(), "in its title");
    assert!(f.shown("diabetes", "midlands-diabetes-blueprint").is_empty(), "no other names");
}

#[test]
fn the_card_says_what_a_name_stands_for_with_the_matched_words_marked() {
    let h = Highlighter::new(&["hinwm", "ahsn"]);
    let said = |groups: &[OtherNames]| -> (String, Vec<String>) {
        let segments = other_names_said(groups, &h);
        let marked = segments.iter().filter(|s| s.hit).map(|s| s.text.clone()).collect();
        (segments.into_iter().map(|s| s.text).collect(), marked)
    };
    assert_eq!(
        said(&[names(Some("Health Innovation West Midlands"), &["HINWM"])]),
        ("Health Innovation West Midlands, also known as HINWM.".into(), vec!["HINWM".into()])
    );
    assert_eq!(
        said(&[names(None, &["HIWM", "West Midlands AHSN"]), names(Some("MI Health"), &["X"])]),
        (
            "Also known as HIWM or West Midlands AHSN. MI Health, also known as X.".into(),
            vec!["AHSN".into()]
        )
    );
}
