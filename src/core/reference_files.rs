//! A resource's citation as files a reference manager imports: RIS (Zotero, EndNote,
//! Mendeley) and BibTeX (LaTeX, JabRef, Zotero too). The build writes them beside each
//! resource's page (`resource/x/citation.ris`), and the page links them, so they download
//! with or without the app.
//!
//! Both say only what the dataset says: the title, the publisher as the dataset names it,
//! the publication date as precisely as it is stated ([`PublicationDate`]), the verified
//! address with what it leads to, and the resource's tags as keywords. There are no
//! personal authors in the dataset, so none are written; a field the dataset lacks is left
//! out, never filled with a guess.

use super::catalog::Catalog;
use super::citation::PublicationDate;
use super::model::Resource;

/// What kind of work a resource is, for the formats' type fields: a report where its
/// resource-type tag says it is one, else a web page or a generic work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkKind {
    /// A report, study, data summary or guide.
    Report,
    /// A web page or online platform.
    WebPage,
    /// Anything else (a template).
    Other,
}

impl WorkKind {
    /// The kind of `r`, from its resource-type tags (the first that decides wins, in the
    /// order report, web page).
    pub fn of(r: &Resource) -> WorkKind {
        let has = |ids: &[&str]| r.tags.iter().any(|t| ids.contains(&t.as_str()));
        if has(&["report", "impact-report", "research-study", "data-summary", "guide"]) {
            WorkKind::Report
        } else if has(&["programme-page", "online-course"]) {
            WorkKind::WebPage
        } else {
            WorkKind::Other
        }
    }
}

/// The resource's citation in RIS: one record, lines `TAG  - value`, CRLF line ends, closed
/// by `ER  - `. `page` is the resource's page on this site, where its address is known.
pub fn ris(catalog: &Catalog, r: &Resource, page: Option<&str>) -> String {
    let mut lines: Vec<(&str, String)> = vec![(
        "TY",
        match WorkKind::of(r) {
            WorkKind::Report => "RPRT",
            WorkKind::WebPage => "ELEC",
            WorkKind::Other => "GEN",
        }
        .into(),
    )];
    lines.push(("TI", one_line(&r.title)));
    if let Some(p) = &r.publisher {
        lines.push(("PB", one_line(p)));
    }
    if let Some(date) = PublicationDate::of(r) {
        lines.push(("PY", date.year.to_string()));
        lines.push(("DA", date.ris()));
    }
    if let Some(link) = r.links.first() {
        lines.push(("UR", link.url.clone()));
    }
    for tag in catalog.tags_of(r) {
        lines.push(("KW", one_line(&tag.label)));
    }
    lines.push(("N1", note(r, page)));
    lines.push(("DB", one_line(&catalog.data().meta.title)));
    let mut out = String::new();
    for (tag, value) in lines {
        out.push_str(&format!("{tag}  - {value}\r\n"));
    }
    out.push_str("ER  - \r\n");
    out
}

/// The resource's citation in BibTeX: `@techreport` where it is a report with a known
/// publisher (BibTeX requires its institution), else `@misc`; the key is the resource's id.
pub fn bibtex(catalog: &Catalog, r: &Resource, page: Option<&str>) -> String {
    let report = WorkKind::of(r) == WorkKind::Report && r.publisher.is_some();
    let mut fields: Vec<(&str, String)> = Vec::new();
    // Double braces keep the title's capitals as written.
    fields.push(("title", format!("{{{}}}", bib_text(&r.title))));
    if let Some(p) = &r.publisher {
        fields.push((if report { "institution" } else { "publisher" }, bib_text(p)));
    }
    if let Some(date) = PublicationDate::of(r) {
        fields.push(("year", date.year.to_string()));
        if let Some(month) = date.month_name() {
            fields.push(("month", month[..3].to_string()));
        }
    }
    if let Some(link) = r.links.first() {
        // A URL field is read verbatim (no escapes); only braces would unbalance it.
        fields.push(("url", link.url.replace('{', "%7B").replace('}', "%7D")));
    }
    let keywords: Vec<String> = catalog.tags_of(r).map(|t| t.label.clone()).collect();
    if !keywords.is_empty() {
        fields.push(("keywords", bib_text(&keywords.join(", "))));
    }
    fields.push(("note", bib_text(&note(r, page))));
    let mut out = format!("@{}{{{},\n", if report { "techreport" } else { "misc" }, r.id);
    for (name, value) in fields {
        // `month` is a macro name (`jul`), not text.
        if name == "month" {
            out.push_str(&format!("  {name} = {value},\n"));
        } else {
            out.push_str(&format!("  {name} = {{{value}}},\n"));
        }
    }
    out.push_str("}\n");
    out
}

/// What a reader needs besides the fields: what the address leads to (a news item is not
/// the report), or that none is known, and where the entry was found.
fn note(r: &Resource, page: Option<&str>) -> String {
    let mut parts = Vec::new();
    match r.links.first() {
        Some(link) => parts.push(format!("Address: {}.", link.label.trim_end_matches('.'))),
        None => parts.push("No public address known.".to_string()),
    }
    if let Some(page) = page {
        parts.push(format!("Listed in Midlands Health Resources: {page}"));
    }
    one_line(&parts.join(" "))
}

/// Text on one line: RIS values end at the line's end.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text for a braced BibTeX value: on one line, with the characters (La)TeX treats as
/// commands escaped, so braces always balance and nothing is read as markup.
fn bib_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in one_line(s).chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            _ => out.push(c),
        }
    }
    out
}
