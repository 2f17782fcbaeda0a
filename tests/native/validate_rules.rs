//! Each validation rule, shown failing on a small broken fixture.

use crate::common;

use common::{assert_problem, minimal, minimal_value, problems_of, remove, set};
use mhr::core::error::DatasetError;
use mhr::core::load::load;
use mhr::core::model::SCHEMA_VERSION;
use mhr::core::validate::{validate, MAX_ALIAS};
use serde_json::json;

#[test]
fn the_minimal_fixture_is_valid() {
    assert!(validate(&minimal()).is_empty());
}

#[test]
fn text_that_is_not_json_is_a_syntax_error_with_its_position() {
    match load("{ \"schema_version\": 2,\n  oops }") {
        Err(DatasetError::Syntax { line, .. }) => assert_eq!(line, 2),
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn an_unknown_schema_version_is_named_as_such() {
    let mut v = minimal_value();
    set(&mut v, "/schema_version", json!(99));
    let err = load(&v.to_string()).unwrap_err();
    assert!(
        matches!(err, DatasetError::UnknownSchema { ref found, expected } if found == "99" && expected == SCHEMA_VERSION)
    );
}

#[test]
fn a_missing_schema_version_is_an_unknown_schema() {
    let mut v = minimal_value();
    remove(&mut v, "/schema_version");
    assert!(matches!(load(&v.to_string()), Err(DatasetError::UnknownSchema { .. })));
}

#[test]
fn a_missing_required_field_names_the_record_by_id_and_the_field() {
    let mut v = minimal_value();
    remove(&mut v, "/resources/1/title");
    let problems = problems_of(&v);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].record, "resource \"beta-study\"");
    assert!(problems[0].message.contains("title"), "{problems:?}");
}

#[test]
fn a_wrong_type_names_the_record_and_field() {
    let mut v = minimal_value();
    set(&mut v, "/figures/0/value", json!("lots"));
    assert_problem(&problems_of(&v), "figure \"alpha-jobs\"", "value");
}

#[test]
fn an_unexpected_field_is_reported_rather_than_ignored() {
    let mut v = minimal_value();
    set(&mut v, "/sections/0/colour", json!("red"));
    let problems = problems_of(&v);
    assert!(problems[0].message.contains("colour"), "{problems:?}");
}

#[test]
fn unexpected_nesting_where_text_belongs_is_a_shape_error() {
    let mut v = minimal_value();
    set(&mut v, "/tags/0/label", json!({ "en": "Diabetes" }));
    assert_problem(&problems_of(&v), "tag \"diabetes\"", "label");
}

#[test]
fn duplicate_ids_are_reported_on_the_second_record() {
    let mut v = minimal_value();
    set(&mut v, "/resources/2/id", json!("beta-study"));
    assert_problem(&problems_of(&v), "resource \"beta-study\"", "id");
}

#[test]
fn ids_must_be_url_safe_slugs() {
    let mut v = minimal_value();
    set(&mut v, "/tags/1/id", json!("West Midlands"));
    assert_problem(&problems_of(&v), "tags[1]", "id");
}

#[test]
fn a_dangling_section_reference_is_reported() {
    let mut v = minimal_value();
    set(&mut v, "/resources/0/section", json!("nowhere"));
    assert_problem(&problems_of(&v), "resource \"alpha-report\"", "section");
}

#[test]
fn a_dangling_tag_reference_names_its_position() {
    let mut v = minimal_value();
    set(&mut v, "/resources/1/tags/1", json!("no-such-tag"));
    assert_problem(&problems_of(&v), "resource \"beta-study\"", "tags[1]");
}

#[test]
fn a_repeated_tag_on_one_resource_is_reported() {
    let mut v = minimal_value();
    set(&mut v, "/resources/0/tags", json!(["diabetes", "diabetes"]));
    assert_problem(&problems_of(&v), "resource \"alpha-report\"", "tags[1]");
}

#[test]
fn dangling_figure_references_are_reported_per_field() {
    let mut v = minimal_value();
    set(&mut v, "/figures/0/resource", json!("ghost"));
    set(&mut v, "/figures/0/measure", json!("ghost"));
    set(&mut v, "/figures/0/cluster", json!("ghost"));
    let problems = problems_of(&v);
    for field in ["resource", "measure", "cluster"] {
        assert_problem(&problems, "figure \"alpha-jobs\"", field);
    }
}

#[test]
fn a_cluster_must_point_at_an_existing_resource() {
    let mut v = minimal_value();
    set(&mut v, "/clusters/0/resource", json!("ghost"));
    assert_problem(&problems_of(&v), "cluster \"alpha\"", "resource");
}

#[test]
fn a_headline_must_name_an_existing_figure() {
    let mut v = minimal_value();
    set(&mut v, "/headlines/0", json!("ghost"));
    assert_problem(&problems_of(&v), "dataset", "headlines[0]");
}

#[test]
fn required_text_that_is_only_spaces_counts_as_empty() {
    let mut v = minimal_value();
    set(&mut v, "/resources/0/summary", json!("   "));
    assert_problem(&problems_of(&v), "resource \"alpha-report\"", "summary");
}

#[test]
fn control_characters_in_text_are_reported() {
    let mut v = minimal_value();
    set(&mut v, "/sections/0/title", json!("Strengths\u{0007}"));
    assert_problem(&problems_of(&v), "section \"strengths\"", "title");
}

#[test]
fn a_megabyte_string_is_reported_with_its_length() {
    let mut v = minimal_value();
    set(&mut v, "/resources/0/summary", json!("a".repeat(1 << 20)));
    let problems = problems_of(&v);
    assert_problem(&problems, "resource \"alpha-report\"", "summary");
    assert!(problems[0].message.contains("1048576"));
}

#[test]
fn an_alias_that_is_empty_or_only_spaces_is_reported() {
    for blank in ["", "   "] {
        let mut v = minimal_value();
        set(&mut v, "/tags/1/aliases", json!(["WM", blank]));
        assert_problem(&problems_of(&v), "tag \"west-midlands\"", "aliases[1]");
    }
}

#[test]
fn an_alias_with_a_control_character_is_reported() {
    let mut v = minimal_value();
    set(&mut v, "/resources/0/aliases", json!(["Alpha\u{0000}study"]));
    assert_problem(&problems_of(&v), "resource \"alpha-report\"", "aliases[0]");
}

#[test]
fn an_alias_is_a_name_so_a_long_text_is_reported() {
    let mut v = minimal_value();
    set(&mut v, "/tags/1/aliases", json!(["W".repeat(MAX_ALIAS + 1)]));
    let problems = problems_of(&v);
    assert_problem(&problems, "tag \"west-midlands\"", "aliases[0]");
    assert!(problems[0].message.contains(&MAX_ALIAS.to_string()), "{problems:?}");
    set(&mut v, "/tags/1/aliases", json!(["W".repeat(MAX_ALIAS)]));
    assert!(validate(&load(&v.to_string()).expect("a name at the limit loads")).is_empty());
}

#[test]
fn an_alias_given_twice_in_one_record_is_reported_whatever_its_case_and_spacing() {
    let mut v = minimal_value();
    set(&mut v, "/tags/1/aliases", json!(["WM", "West Mids", " wm "]));
    let problems = problems_of(&v);
    assert_problem(&problems, "tag \"west-midlands\"", "aliases[2]");
    assert_eq!(problems.len(), 1, "{problems:?}");
}

#[test]
fn an_alias_that_repeats_the_records_own_name_is_reported() {
    let mut v = minimal_value();
    set(&mut v, "/tags/1/aliases", json!(["west  MIDLANDS"]));
    assert_problem(&problems_of(&v), "tag \"west-midlands\"", "aliases[0]");
    let mut v = minimal_value();
    set(&mut v, "/resources/0/aliases", json!(["Alpha Report"]));
    assert_problem(&problems_of(&v), "resource \"alpha-report\"", "aliases[0]");
}

#[test]
fn two_records_may_share_an_alias() {
    let mut v = minimal_value();
    set(&mut v, "/tags/0/aliases", json!(["WM"]));
    assert!(validate(&load(&v.to_string()).expect("loads")).is_empty());
}

#[test]
fn unsafe_link_schemes_are_rejected_however_they_are_disguised() {
    for url in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\u{0000}script:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "https:no-host",
        "/relative/path",
    ] {
        let mut v = minimal_value();
        set(&mut v, "/resources/0/links/0/url", json!(url));
        assert_problem(&problems_of(&v), "resource \"alpha-report\"", "links[0].url");
    }
}

#[test]
fn the_source_link_of_the_metadata_is_checked_too() {
    let mut v = minimal_value();
    set(&mut v, "/meta/source/url", json!("javascript:void(0)"));
    assert_problem(&problems_of(&v), "meta", "source.url");
}

#[test]
fn a_figure_without_a_unit_is_reported() {
    let mut v = minimal_value();
    set(&mut v, "/figures/1/unit", json!(""));
    assert_problem(&problems_of(&v), "figure \"alpha-gva\"", "unit");
}

#[test]
fn a_figure_needs_a_value_or_a_uk_share() {
    let mut v = minimal_value();
    remove(&mut v, "/figures/1/value");
    assert_problem(&problems_of(&v), "figure \"alpha-gva\"", "value");
}

#[test]
fn a_uk_share_above_one_hundred_percent_is_reported() {
    let mut v = minimal_value();
    set(&mut v, "/figures/0/uk_share", json!(140));
    assert_problem(&problems_of(&v), "figure \"alpha-jobs\"", "uk_share");
}

#[test]
fn a_resource_without_links_must_say_so() {
    let mut v = minimal_value();
    remove(&mut v, "/resources/1/link_note");
    assert_problem(&problems_of(&v), "resource \"beta-study\"", "link_note");
}

#[test]
fn an_implausible_year_is_reported() {
    let mut v = minimal_value();
    set(&mut v, "/resources/0/year", json!(20244));
    assert_problem(&problems_of(&v), "resource \"alpha-report\"", "year");
}

#[test]
fn the_update_date_must_be_iso_formatted() {
    let mut v = minimal_value();
    set(&mut v, "/meta/updated", json!("31/01/2026"));
    assert_problem(&problems_of(&v), "meta", "updated");
}

#[test]
fn a_dataset_without_resources_is_reported() {
    let mut v = minimal_value();
    set(&mut v, "/resources", json!([]));
    set(&mut v, "/clusters", json!([]));
    set(&mut v, "/figures", json!([]));
    set(&mut v, "/headlines", json!([]));
    assert_problem(&problems_of(&v), "dataset", "resources");
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let mut v = minimal_value();
    set(&mut v, "/resources/0/section", json!("nowhere"));
    set(&mut v, "/resources/1/summary", json!(""));
    set(&mut v, "/figures/0/unit", json!(""));
    assert_eq!(problems_of(&v).len(), 3);
}

#[test]
fn a_top_level_array_is_refused_with_a_plain_message() {
    assert!(matches!(load("[1, 2, 3]"), Err(DatasetError::Shape(_))));
}
