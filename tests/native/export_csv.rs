//! The whole directory as CSV.

use mhr::core::catalog::Catalog;
use mhr::core::export::{csv_field, resources_csv};
use mhr::core::load::load;

fn shipped() -> Catalog {
    Catalog::new(load(include_str!("../../data/dataset.json")).expect("the shipped dataset loads"))
}

/// Splits CSV text into records of fields, honouring quotes (enough for these tests).
fn parse(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![vec![String::new()]];
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let row = rows.last_mut().unwrap();
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                row.last_mut().unwrap().push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(String::new()),
            ('\r', false) => {}
            ('\n', false) => rows.push(vec![String::new()]),
            (c, _) => row.last_mut().unwrap().push(c),
        }
    }
    rows.retain(|r| !(r.len() == 1 && r[0].is_empty()));
    rows
}

#[test]
fn every_resource_is_one_row_under_the_header() {
    let catalog = shipped();
    let rows = parse(&resources_csv(&catalog));
    assert_eq!(rows[0][0], "id");
    assert_eq!(rows.len(), catalog.data().resources.len() + 1);
    for (row, resource) in rows[1..].iter().zip(&catalog.data().resources) {
        assert_eq!(row.len(), 10, "{row:?}");
        assert_eq!(row[0], resource.id);
        assert_eq!(row[1], resource.title);
        assert_eq!(row[9], resource.summary, "summaries survive commas and quotes");
    }
}

#[test]
fn tags_are_labels_and_links_are_addresses() {
    let catalog = shipped();
    let rows = parse(&resources_csv(&catalog));
    let air =
        rows.iter().find(|r| r[0] == "west-midlands-air-quality-study").expect("the air study");
    assert!(air[7].split("; ").any(|t| t == "Air quality"), "{}", air[7]);
    assert!(air[8].starts_with("https://"), "{}", air[8]);
}

#[test]
fn fields_are_quoted_and_formulas_defused() {
    assert_eq!(csv_field("plain"), "plain");
    assert_eq!(csv_field("a, b"), "\"a, b\"");
    assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    assert_eq!(csv_field("+1 extra"), "'+1 extra");
    assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
    assert_eq!(csv_field("-cmd"), "'-cmd");
    assert_eq!(csv_field("-12.5"), "-12.5", "a negative number stays a number");
}

/// What a spreadsheet reads as the start of a formula: the four signs, their full-width
/// forms (read as formulas by spreadsheets in East Asian locales), and tab and carriage
/// return, which some import paths drop before evaluating the rest.
const FORMULA_LEADS: [&str; 10] = ["=", "+", "-", "@", "＝", "＋", "－", "＠", "\t", "\r"];

/// Whitespace a spreadsheet may skip before it looks for a formula sign.
const LEADING_SPACE: [&str; 5] = ["", " ", "  ", "\u{a0}", "\n"];

/// The text a spreadsheet sees in a CSV field: unquoted, its `""` back to `"`.
fn cell_text(field: &str) -> String {
    match field.strip_prefix('"').and_then(|f| f.strip_suffix('"')) {
        Some(inner) => inner.replace("\"\"", "\""),
        None => field.to_string(),
    }
}

#[test]
fn every_formula_sign_is_defused_with_or_without_whitespace_before_it() {
    for lead in FORMULA_LEADS {
        for space in LEADING_SPACE {
            let value = format!("{space}{lead}HYPERLINK(\"https://evil.example\",\"x\")");
            let text = cell_text(&csv_field(&value));
            assert!(text.starts_with('\''), "{value:?} was left live: {text:?}");
            assert_eq!(&text[1..], value, "the value itself is kept after the quote");
        }
    }
}

#[test]
fn a_sign_then_a_digit_is_a_formula_unless_the_whole_value_is_a_number() {
    for value in
        ["-1+HYPERLINK(\"https://evil.example\",\"x\")", "-1)", "+1+1", "-2-3", "-1 x", "-1e"]
    {
        assert!(cell_text(&csv_field(value)).starts_with('\''), "{value:?} was left live");
    }
    for number in ["-12.5", "12", "0.25", "-0", "1000000"] {
        assert_eq!(csv_field(number), number, "{number} stays a number");
    }
}

#[test]
fn the_builds_csv_files_are_the_directory_and_the_comparison_of_every_cluster() {
    use mhr::core::export::{download_files, COMPARISON_CSV, RESOURCES_CSV};
    let catalog = shipped();
    let [(resources_path, resources), (comparison_path, comparison)] = download_files(&catalog);
    assert_eq!((resources_path, comparison_path), (RESOURCES_CSV, COMPARISON_CSV));
    assert_eq!(resources, resources_csv(&catalog));
    let clusters: std::collections::BTreeSet<String> =
        parse(&comparison)[1..].iter().map(|row| row[1].clone()).collect();
    assert_eq!(clusters.len(), catalog.data().clusters.len(), "{clusters:?}");
}
