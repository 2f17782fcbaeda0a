//! The whole directory as CSV, for people who want it in a spreadsheet (the JSON dataset is
//! the other download).

use super::catalog::Catalog;
use super::compare::compare;
use super::compare_state::CompareState;

/// The whole directory's CSV, as the build writes it (relative to the site's root).
pub const RESOURCES_CSV: &str = "downloads/midlands-health-resources.csv";
/// The comparison of every cluster, as the comparison page shows it first.
pub const COMPARISON_CSV: &str = "downloads/midlands-cluster-comparison.csv";

/// Quotes a CSV field when it needs it, and defuses text a spreadsheet would run as a
/// formula by prefixing `'`.
///
/// A spreadsheet reads a cell as a formula when its first sign, after any whitespace it
/// skips, is `=`, `+`, `-` or `@` (or their full-width forms, read as formulas in East
/// Asian locales), or when a tab or carriage return comes before its first sign. A sign followed by a
/// digit is no safer (`-1+HYPERLINK(…)` is a formula), so the only exception is a value
/// that is wholly a number, such as `-12.5`, which stays a number.
pub fn csv_field(s: &str) -> String {
    let rest = s.trim_start();
    let leading_control = s[..s.len() - rest.len()].contains(['\t', '\r']);
    let sign = rest.starts_with(FORMULA_SIGNS) && !is_plain_number(s);
    let formula = leading_control || sign;
    let s = if formula { format!("'{s}") } else { s.to_string() };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// Signs that start a formula.
const FORMULA_SIGNS: [char; 8] =
    ['=', '+', '-', '@', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}'];

/// `-12.5`, `0.25`, `12`: an optional minus, digits, and optionally a point and more digits.
fn is_plain_number(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    let all_digits = |d: &str| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit());
    all_digits(whole) && all_digits(fraction)
}

/// The CSV files the build writes beside the pages, for readers without the app (which
/// makes them itself, from what is shown): each file's path and its text.
pub fn download_files(catalog: &Catalog) -> [(&'static str, String); 2] {
    let clusters: Vec<String> = catalog.data().clusters.iter().map(|c| c.id.clone()).collect();
    let (first, _) = CompareState::parse("", &clusters);
    [
        (RESOURCES_CSV, resources_csv(catalog)),
        (COMPARISON_CSV, compare(catalog, &first.clusters, first.order).to_csv()),
    ]
}

/// One row per resource: id, title, section, publisher, year, date, period covered, tags
/// (labels, `; `-separated), addresses (space-separated), summary. Rows end in CRLF.
pub fn resources_csv(catalog: &Catalog) -> String {
    let mut out =
        String::from("id,title,section,publisher,year,date,covers,tags,links,summary\r\n");
    for r in &catalog.data().resources {
        let section = catalog.section(&r.section).map_or(r.section.clone(), |s| s.title.clone());
        let tags: Vec<String> = catalog.tags_of(r).map(|t| t.label.clone()).collect();
        let links: Vec<&str> = r.links.iter().map(|l| l.url.as_str()).collect();
        let fields = [
            r.id.clone(),
            r.title.clone(),
            section,
            r.publisher.clone().unwrap_or_default(),
            r.year.map(|y| y.to_string()).unwrap_or_default(),
            r.date.clone().unwrap_or_default(),
            r.covers.clone().unwrap_or_default(),
            tags.join("; "),
            links.join(" "),
            r.summary.clone(),
        ];
        let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}
