//! Cluster comparison: alignment by measure, honest comparability, formatting and CSV.

use crate::common;

use mhr::core::catalog::Catalog;
use mhr::core::compare::{compare, Comparability, RowOrder};

fn catalog() -> Catalog {
    Catalog::new(common::real())
}

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn figures_line_up_by_measure_with_their_qualifiers_and_shares() {
    let c = catalog();
    let cmp =
        compare(&c, &ids(&["data-driven-healthcare", "health-life-sciences"]), RowOrder::Dataset);
    assert_eq!(cmp.clusters.len(), 2);
    let jobs = cmp.rows.iter().find(|r| r.measure.id == "jobs").unwrap();
    let [ddh, hls] = [&jobs.cells[0], &jobs.cells[1]].map(|c| c.as_ref().unwrap());
    assert_eq!(ddh.value.as_deref(), Some("over 5,500"));
    assert_eq!(ddh.uk_share.as_deref(), Some("9%"));
    assert_eq!(hls.value.as_deref(), Some("over 18,000"));
    let businesses = cmp.rows.iter().find(|r| r.measure.id == "businesses").unwrap();
    assert_eq!(businesses.cells[1].as_ref().unwrap().value.as_deref(), Some("almost 1,300"));
    let gva = cmp.rows.iter().find(|r| r.measure.id == "gva").unwrap();
    assert_eq!(gva.cells[1].as_ref().unwrap().value.as_deref(), Some("£20.5bn"));
}

#[test]
fn a_share_only_figure_keeps_its_qualifier_on_the_share() {
    let c = catalog();
    let cmp = compare(&c, &ids(&["health-life-sciences"]), RowOrder::Dataset);
    let innovate = cmp.rows.iter().find(|r| r.measure.id == "innovate-uk-share").unwrap();
    let cell = innovate.cells[0].as_ref().unwrap();
    assert_eq!(cell.value, None);
    assert_eq!(cell.uk_share.as_deref(), Some("over 10%"));
    assert_eq!(innovate.comparability, Comparability::Single);
}

#[test]
fn a_missing_figure_is_not_reported_rather_than_zero() {
    let c = catalog();
    let cmp = compare(&c, &ids(&["data-driven-healthcare", "medtech"]), RowOrder::Dataset);
    let innovate = cmp.rows.iter().find(|r| r.measure.id == "innovate-uk-share").unwrap();
    assert!(innovate.cells[1].is_none());
    assert!(cmp.to_csv().contains("MedTech") || cmp.to_csv().contains("not reported"));
    assert!(cmp.to_csv().contains("not reported"));
}

#[test]
fn figures_whose_period_is_not_stated_are_marked_not_directly_comparable() {
    let c = catalog();
    let cmp = compare(&c, &ids(&["health-life-sciences", "medtech"]), RowOrder::Dataset);
    let jobs = cmp.rows.iter().find(|r| r.measure.id == "jobs").unwrap();
    let said = jobs.comparability.describe();
    assert!(said.starts_with("not directly comparable: "), "{said}");
    assert!(
        said.contains("no period stated for the Health and life sciences super cluster"),
        "{said}"
    );
    assert_eq!(jobs.cells[1].as_ref().unwrap().period.as_deref(), Some("published 2019"));
}

#[test]
fn the_higher_uk_share_is_marked_only_when_strictly_higher() {
    let c = catalog();
    let cmp =
        compare(&c, &ids(&["data-driven-healthcare", "health-life-sciences"]), RowOrder::Dataset);
    let row = |id: &str| cmp.rows.iter().find(|r| r.measure.id == id).unwrap();
    assert_eq!(row("jobs").highest_share, Some(0), "9% beats 7%");
    assert_eq!(row("businesses").highest_share, Some(1), "17% beats 14%");
    assert_eq!(row("fdi-capex-share").highest_share, None, "3% and 3% tie");
}

#[test]
fn the_implied_uk_total_is_derived_rounded_and_approximate() {
    let c = catalog();
    let cmp = compare(&c, &ids(&["data-driven-healthcare"]), RowOrder::Dataset);
    let jobs = cmp.rows.iter().find(|r| r.measure.id == "jobs").unwrap();
    // Over 5,500 is 9% of more than about 61,111: two significant figures, the hedge kept.
    assert_eq!(
        jobs.cells[0].as_ref().unwrap().implied_uk_total.as_deref(),
        Some("more than about 61,000")
    );
    let growth = cmp.rows.iter().find(|r| r.measure.id == "business-growth").unwrap();
    assert_eq!(
        growth.cells[0].as_ref().unwrap().implied_uk_total,
        None,
        "no share, nothing derived"
    );
}

#[test]
fn rows_sort_by_label_or_by_a_clusters_share() {
    let c = catalog();
    let chosen = ids(&["data-driven-healthcare", "health-life-sciences"]);
    let by_label = compare(&c, &chosen, RowOrder::Label);
    let labels: Vec<String> =
        by_label.rows.iter().map(|r| r.measure.label.to_lowercase()).collect();
    let mut sorted = labels.clone();
    sorted.sort();
    assert_eq!(labels, sorted);
    let by_share = compare(&c, &chosen, RowOrder::Share(1));
    let shares: Vec<f64> =
        by_share.rows.iter().filter_map(|r| r.cells[1].as_ref()?.figure.uk_share).collect();
    assert!(shares.windows(2).all(|w| w[0] >= w[1]), "{shares:?}");
    assert_eq!(RowOrder::from_key(&RowOrder::Share(2).key()), Some(RowOrder::Share(2)));
    assert_eq!(RowOrder::from_key("sideways"), None);
}

#[test]
fn unknown_cluster_ids_are_skipped() {
    let c = catalog();
    let cmp = compare(&c, &ids(&["nope", "medtech"]), RowOrder::Dataset);
    assert_eq!(cmp.clusters.len(), 1);
}

#[test]
fn the_csv_of_all_three_clusters_matches_the_reviewed_file_byte_for_byte() {
    let c = catalog();
    let cmp = compare(
        &c,
        &ids(&["data-driven-healthcare", "health-life-sciences", "medtech"]),
        RowOrder::Dataset,
    );
    let csv = cmp.to_csv();
    let expected = include_str!("../fixtures/compare-all-clusters.csv");
    assert_eq!(
        csv, expected,
        "regenerate and review tests/fixtures/compare-all-clusters.csv if the dataset changed"
    );
}

mod state {
    use mhr::core::compare::RowOrder;
    use mhr::core::compare_state::{CompareState, Mode};

    fn known() -> Vec<String> {
        ["a", "b", "c"].iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_bare_address_compares_every_cluster_as_a_table() {
        let (s, notices) = CompareState::parse("", &known());
        assert_eq!(s.clusters, known());
        assert_eq!((s.mode, s.order), (Mode::Table, RowOrder::Dataset));
        assert!(notices.is_empty());
    }

    #[test]
    fn the_state_round_trips_and_drops_unknowns_with_notices() {
        let (s, notices) = CompareState::parse("?c=b&c=zzz&c=a&mode=chart&sort=share-1", &known());
        assert_eq!(s.clusters, ["b", "a"]);
        assert_eq!((s.mode, s.order), (Mode::Chart, RowOrder::Share(1)));
        assert_eq!(notices.len(), 1);
        assert_eq!(CompareState::parse(&s.to_query_string(), &known()).0, s);
        let (odd, notices) = CompareState::parse("mode=pie&sort=share-9", &known());
        assert_eq!((odd.mode, odd.order), (Mode::Table, RowOrder::Dataset));
        assert_eq!(notices.len(), 2);
    }

    #[test]
    fn toggling_a_cluster_resets_a_sort_by_position() {
        let (s, _) = CompareState::parse("?c=a&c=b&sort=share-1", &known());
        let t = s.toggled("a");
        assert_eq!(t.clusters, ["b"]);
        assert_eq!(t.order, RowOrder::Dataset);
        assert_eq!(t.toggled("c").clusters, ["b", "c"]);
    }
}
