//! The whole directory as CSV, for people who want it in a spreadsheet (the JSON dataset is
//! the other download).

use super::catalog::Catalog;
use super::paths::encode_segment;

/// Quotes a CSV field when it needs it, and defuses text a spreadsheet would run as a
/// formula (a leading `=`, `+`, `@`, or `-` not starting a number) by prefixing `'`.
pub fn csv_field(s: &str) -> String {
    let formula = s.starts_with(['=', '+', '@'])
        || (s.starts_with('-') && !s[1..].starts_with(|c: char| c.is_ascii_digit()));
    let s = if formula { format!("'{s}") } else { s.to_string() };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// A `data:` address that downloads `csv` as a file (with the link's `download` attribute).
pub fn csv_data_url(csv: &str) -> String {
    format!("data:text/csv;charset=utf-8,{}", encode_segment(csv))
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
