//! Hostile data: every broken dataset in `tests/fixtures/hostile/` is refused with a problem
//! naming its record and field, by `load` and by the `validate` command, without a panic.
//!
//! `tests/fixtures/hostile/expected.json` says, for each file, the record, field and a piece
//! of the message to expect (and what the file breaks); a browser test can read the same
//! table. A file without a row fails the first test, so a new fixture cannot be forgotten.
//! Cases too big to commit (megabyte strings, deep nesting) are built in memory below.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use mhr::core::error::{DatasetError, Problem};
use mhr::core::load::{fingerprint, load, read};
use serde::Deserialize;
use serde_json::{json, Value};

/// One row of `expected.json`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    file: String,
    record: String,
    field: String,
    message_contains: String,
    breaks: String,
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile")
}

fn table() -> Vec<Expected> {
    let text = std::fs::read_to_string(dir().join("expected.json")).expect("expected.json");
    serde_json::from_str(&text).expect("expected.json is a list of expectations")
}

fn fixture(file: &str) -> String {
    std::fs::read_to_string(dir().join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// How the validator and the error view print a problem's place: `record, field "f"` or
/// `record` alone.
fn place(record: &str, field: &str) -> String {
    if field.is_empty() {
        format!("{record}: ")
    } else {
        format!("{record}, field \"{field}\": ")
    }
}

/// What the app's error view shows for an error: its summary sentence, then the located
/// problems it lists (for shape and rule errors; a syntax or schema error is explained by the
/// summary alone). Mirrors `ui::data::LoadFailure`, which only the browser build compiles.
fn error_view_text(e: &DatasetError) -> String {
    let mut text = format!("The directory's data is damaged: {e}.\n");
    if matches!(e, DatasetError::Shape(_) | DatasetError::Invalid(_)) {
        for p in e.problems() {
            text.push_str(&format!("{p}\n"));
        }
    }
    text
}

/// Checks one expectation against what `load` says; returns what is wrong, if anything.
fn check(row: &Expected, result: Result<impl std::fmt::Debug, DatasetError>) -> Option<String> {
    let e = match result {
        Ok(_) => return Some(format!("{}: loaded, but should be refused", row.file)),
        Err(e) => e,
    };
    let problems = e.problems();
    let hit = |p: &Problem| {
        p.record == row.record && p.field == row.field && p.message.contains(&row.message_contains)
    };
    if !problems.iter().any(hit) {
        return Some(format!(
            "{}: expected {}…{}, got {problems:#?}",
            row.file,
            place(&row.record, &row.field),
            row.message_contains
        ));
    }
    let view = error_view_text(&e);
    let wanted = [row.record.as_str(), row.field.as_str(), row.message_contains.as_str()];
    if let Some(missing) = wanted.iter().find(|w| !view.contains(**w)) {
        return Some(format!("{}: the error view does not show {missing:?}: {view}", row.file));
    }
    let longest = problems.iter().map(|p| p.to_string().chars().count()).max().unwrap_or(0);
    if longest > 1_000 || e.to_string().chars().count() > 1_000 {
        return Some(format!("{}: a message is {longest} characters long", row.file));
    }
    None
}

#[test]
fn every_fixture_has_an_expectation_and_every_expectation_a_fixture() {
    let files: BTreeSet<String> = std::fs::read_dir(dir())
        .expect("the hostile fixtures directory")
        .map(|entry| entry.expect("a directory entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name != "expected.json")
        .collect();
    let rows = table();
    let described: BTreeSet<String> = rows.iter().map(|r| r.file.clone()).collect();
    assert_eq!(described.len(), rows.len(), "a file is described twice in expected.json");
    let undescribed: Vec<_> = files.difference(&described).collect();
    let missing: Vec<_> = described.difference(&files).collect();
    assert!(undescribed.is_empty(), "fixtures without a row in expected.json: {undescribed:?}");
    assert!(missing.is_empty(), "rows in expected.json without a fixture: {missing:?}");
    assert!(files.len() >= 20, "only {} hostile fixtures", files.len());
    for row in &rows {
        assert!(row.file.ends_with(".json") && !row.breaks.is_empty(), "{row:?}");
        assert!(!row.record.is_empty() && !row.message_contains.is_empty(), "{row:?}");
    }
}

#[test]
fn each_fixture_is_refused_with_its_record_field_and_message() {
    let failures: Vec<String> =
        table().iter().filter_map(|row| check(row, load(&fixture(&row.file)))).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The app reads without checking only the text the build checked (by its fingerprint):
/// served in its place, every fixture is checked and explained by `load`, and `read` agrees
/// with `load` and `parse` on each.
#[test]
fn no_fixture_is_read_as_the_text_the_build_checked() {
    let shipped = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/dataset.json"),
    )
    .unwrap();
    let checked = fingerprint(&shipped);
    assert_eq!(read(&shipped, checked), load(&shipped).ok());
    assert!(read(&shipped, checked).is_some());
    for row in table() {
        let text = fixture(&row.file);
        assert_eq!(read(&text, checked), None, "{}", row.file);
        crate::validate_properties::check_read(&text)
            .unwrap_or_else(|e| panic!("{}: {e}", row.file));
    }
}

/// The fingerprint the build writes into the pages is the one the app computes: std's
/// SipHash over the text's bytes, the same on every platform (the wasm tests pin this value
/// too, in `tests/wasm_components.rs`).
#[test]
fn a_fingerprint_is_pinned() {
    assert_eq!(fingerprint("Midlands Health Resources"), FINGERPRINT_OF_NAME);
}

/// `fingerprint("Midlands Health Resources")`, as `tests/wasm_components.rs` pins it too.
const FINGERPRINT_OF_NAME: u64 = 0x130e_176b_7096_4090;

#[test]
fn the_validate_command_names_the_record_and_field_of_each_fixture() {
    let mut failures = Vec::new();
    for row in table() {
        let path = dir().join(&row.file);
        let out = Command::new(env!("CARGO_BIN_EXE_validate"))
            .arg(&path)
            .output()
            .expect("validate runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let line = format!("  {}", place(&row.record, &row.field));
        let located = stderr
            .lines()
            .any(|l| l.starts_with(&line) && l[line.len()..].contains(&row.message_contains));
        if out.status.code() != Some(1) || !located || stderr.contains("panicked") {
            failures.push(format!(
                "{}: exit {:?}, expected a line starting {line:?} containing {:?}:\n{stderr}",
                row.file,
                out.status.code(),
                row.message_contains
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// Cases built in memory: too big to commit, or about how the file is encoded.

fn minimal_value() -> Value {
    serde_json::from_str(include_str!("../fixtures/minimal.json")).expect("the minimal fixture")
}

const MEGABYTE: usize = 1 << 20;

fn expect(text: &str, record: &str, field: &str, message_contains: &str) {
    let row = Expected {
        file: "(in memory)".into(),
        record: record.into(),
        field: field.into(),
        message_contains: message_contains.into(),
        breaks: String::new(),
    };
    if let Some(failure) = check(&row, load(text)) {
        panic!("{failure}");
    }
}

#[test]
fn a_megabyte_summary_is_reported_with_its_length() {
    let mut v = minimal_value();
    v["resources"][0]["summary"] = json!("a".repeat(MEGABYTE));
    expect(&v.to_string(), "resource \"alpha-report\"", "summary", "1048576 characters");
}

#[test]
fn a_megabyte_id_is_reported_without_quoting_it_whole() {
    let mut v = minimal_value();
    v["sections"][1]["id"] = json!("x".repeat(MEGABYTE));
    expect(&v.to_string(), "sections[1]", "id", "lower-case letters");
}

#[test]
fn a_megabyte_string_where_a_number_belongs_is_quoted_only_in_part() {
    let mut v = minimal_value();
    v["resources"][0]["year"] = json!("9".repeat(MEGABYTE));
    expect(&v.to_string(), "resource \"alpha-report\"", "year", "invalid type: string \"999");
}

#[test]
fn a_megabyte_field_name_is_shortened_in_the_record_and_message() {
    let mut v = minimal_value();
    v["sections"][0]["k".repeat(MEGABYTE)] = json!(1);
    let field = format!("{}…", "k".repeat(80));
    expect(&v.to_string(), "section \"strengths\"", &field, "unknown field `kkk");
}

#[test]
fn a_megabyte_schema_version_is_shortened() {
    let mut v = minimal_value();
    v["schema_version"] = json!("7".repeat(MEGABYTE));
    expect(&v.to_string(), "dataset", "schema_version", "schema version \"777");
}

#[test]
fn a_megabyte_of_open_brackets_is_a_located_syntax_error_not_a_stack_overflow() {
    let text = include_str!("../fixtures/minimal.json").replacen(
        "\"links\": []",
        &format!("\"links\": {}", "[".repeat(MEGABYTE)),
        1,
    );
    let field = format!("links{}…", "[0]".repeat(9));
    expect(&text, "resource \"beta-study\"", &field, "recursion limit exceeded");
}

#[test]
fn a_file_cut_after_a_megabyte_string_names_the_field_it_was_in() {
    let text = include_str!("../fixtures/minimal.json");
    let cut = text.find("\"Alpha report\"").expect("the alpha title") + 1;
    let text = format!("{}{}", &text[..cut], "a".repeat(MEGABYTE));
    expect(&text, "resource \"alpha-report\"", "title", "EOF while parsing a string");
}

#[test]
fn a_byte_order_mark_is_ignored_as_browsers_ignore_it() {
    // The app's download is decoded by the browser, which drops a leading BOM; the validator
    // must accept the same file rather than report a syntax error the app never meets.
    let text = format!("\u{feff}{}", include_str!("../fixtures/minimal.json"));
    assert!(load(&text).is_ok());
}

#[test]
fn a_byte_order_mark_does_not_shift_the_reported_position() {
    let text = format!("\u{feff}{}", fixture("syntax-missing-comma.json"));
    match load(&text) {
        Err(DatasetError::Syntax { line, column, ref record, ref field, .. }) => {
            assert_eq!((line, column), (94, 7));
            assert_eq!((record.as_str(), field.as_str()), ("resource \"beta-study\"", "title"));
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn the_validate_command_keeps_its_output_short_for_a_megabyte_string() {
    let mut v = minimal_value();
    v["resources"][0]["year"] = json!("9".repeat(MEGABYTE));
    let tmp = std::env::temp_dir().join(format!("mhr-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let file = tmp.join("megabyte.json");
    std::fs::write(&file, v.to_string()).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_validate")).arg(&file).output().unwrap();
    std::fs::remove_dir_all(&tmp).ok();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr.contains("resource \"alpha-report\", field \"year\""), "{stderr}");
    assert!(stderr.len() < 2_000, "{} bytes of output", stderr.len());
}

/// Shape errors are located by the position serde_json reports, which for a missing, unknown
/// or repeated field lies before that field's name is complete: the field named must be the
/// one in the message, wherever it sits in its record.
#[test]
fn a_field_named_by_the_message_is_the_field_reported_wherever_it_sits() {
    // The only field of a record, so no field was read before it.
    let mut v = minimal_value();
    v["tags"][0] = json!({ "zzz": 1 });
    expect(&v.to_string(), "tags[0]", "zzz", "unknown field `zzz`");
    // An empty record: the first missing field is named on the record itself.
    let mut v = minimal_value();
    v["tags"][0] = json!({});
    expect(&v.to_string(), "tags[0]", "id", "missing field `id`");
    // An empty nested object.
    let mut v = minimal_value();
    v["meta"]["source"] = json!({});
    expect(&v.to_string(), "meta", "source.url", "missing field `url`");
    // A repeated field right after the one it repeats, in pretty-printed text.
    let text = serde_json::to_string_pretty(&minimal_value()).unwrap().replacen(
        "\"curator\":",
        "\"curator\": \"x\",\n    \"curator\":",
        1,
    );
    expect(&text, "meta", "curator", "duplicate field `curator`");
    // A list where a string belongs, at the very start of a line (serde_json's column 0).
    let text = include_str!("../fixtures/minimal.json").replacen(
        "\"tags\": [\"diabetes\"] }",
        "\"tags\": [\n[\"diabetes\"]] }",
        1,
    );
    expect(&text, "expertise area \"trials\"", "tags[0]", "invalid type: sequence");
}

#[test]
fn a_dataset_over_the_size_cap_is_refused_before_it_is_parsed() {
    use mhr::core::load::MAX_DATASET_BYTES;
    // Not even JSON: a parser would report a syntax error, so the size is checked first.
    let text = "x".repeat(MAX_DATASET_BYTES + 1);
    expect(&text, "dataset", "", "more than the 10 MB");
    // Within the cap, the same file is read as usual.
    let mut v = minimal_value();
    v["resources"][0]["summary"] = json!("a".repeat(MEGABYTE));
    assert!(v.to_string().len() < MAX_DATASET_BYTES);
    expect(&v.to_string(), "resource \"alpha-report\"", "summary", "1048576 characters");
}
