//! What a page says about itself to the programs that read only its head: search engines,
//! link previews in email and chat (Open Graph), and reference managers (the Highwire
//! `citation_*` tags Zotero and Google Scholar read, and schema.org JSON-LD).
//!
//! Everything comes from the dataset. A tag whose fact the dataset lacks (a resource with no
//! date, no publisher or no known address; the site's own address when the build was not
//! given one) is left out, never filled with a guess. The build writes these into each page
//! it writes (`xtask`); the running app leaves them as they are.

use serde_json::{json, Map, Value};

use super::catalog::Catalog;
use super::citation::PublicationDate;
use super::model::Resource;
use super::paths::Paths;
use super::reference_files::WorkKind;
use super::route::Route;

/// The longest description written, in characters: a little more than search results show
/// (they cut at about 160), so that most summaries keep a whole sentence.
pub const DESCRIPTION_MAX: usize = 200;

/// A page's head facts.
#[derive(Debug, Clone, PartialEq)]
pub struct PageMeta {
    /// The page's own name, without the site's (`og:title`).
    pub name: String,
    /// One or two sentences on what the page holds (`description`, `og:description`).
    pub description: String,
    /// `og:type`: `article` for a resource, `website` for the rest.
    pub og_type: &'static str,
    /// The page's absolute address, when the site's is known (`canonical`, `og:url`).
    pub url: Option<String>,
    /// Whether search engines should leave the page out (the "not found" page).
    pub noindex: bool,
    /// Highwire `citation_*` tags, name and content, in order (resources only).
    pub citation: Vec<(&'static str, String)>,
    /// schema.org JSON-LD (resources only).
    pub json_ld: Option<Value>,
}

/// The head facts of the page at `route`, named `name` (the name the page gives itself in
/// its title). `site` is the site's public address (`https://example.org/health/`), when
/// the build knows it.
pub fn page_meta(catalog: &Catalog, route: &Route, name: &str, site: Option<&str>) -> PageMeta {
    let data = catalog.data();
    // The "not found" page is at no address of its own.
    let url = site
        .filter(|_| *route != Route::NotFound)
        .map(|s| Paths::absolute(s).link(&route_path(route)));
    let count = data.resources.len();
    let description = match route {
        Route::Home => data.meta.description.clone(),
        Route::Section(id) => catalog.section(id).map(|s| s.summary.clone()).unwrap_or_default(),
        Route::Resource(id) => catalog.resource(id).map(|r| r.summary.clone()).unwrap_or_default(),
        Route::Tag(id) => catalog.tag(id).map_or_else(String::new, |t| {
            let titles: Vec<&str> =
                catalog.resources_with_tag(&t.id).iter().map(|r| r.title.as_str()).collect();
            let noun = if titles.len() == 1 { "resource" } else { "resources" };
            format!("{} {noun} tagged “{}”: {}.", titles.len(), t.label, titles.join("; "))
        }),
        Route::Browse => format!(
            "All {count} reports and resources about health and life sciences in the Midlands, \
             to filter by theme, region, organisation and type."
        ),
        Route::Search => format!(
            "Search {count} reports and resources about health and life sciences in the Midlands."
        ),
        Route::Compare => format!(
            "The {} Midlands clusters the reports describe, side by side: each figure with its \
             qualifier, UK share, period and source.",
            data.clusters.len()
        ),
        Route::About => format!(
            "What {} is, where its data comes from and under what licence, its accessibility \
             statement, and how to suggest a report.",
            data.meta.title
        ),
        Route::Embed => format!(
            "Build the snippet that shows a list, a resource or the comparison from {} on your \
             own site.",
            data.meta.title
        ),
        Route::NotFound => format!("This address is not a page of {}.", data.meta.title),
    };
    let resource = match route {
        Route::Resource(id) => catalog.resource(id),
        _ => None,
    };
    PageMeta {
        name: name.to_string(),
        description: shorten(&description, DESCRIPTION_MAX),
        og_type: if resource.is_some() { "article" } else { "website" },
        noindex: *route == Route::NotFound,
        citation: resource.map(|r| citation_tags(catalog, r)).unwrap_or_default(),
        json_ld: resource.map(|r| json_ld(catalog, r, url.as_deref())),
        url,
    }
}

/// The base-less path of a route's page (`/resource/x/`).
fn route_path(route: &Route) -> String {
    match route {
        Route::Home | Route::NotFound => Paths::home(),
        Route::Section(id) => Paths::section(id),
        Route::Resource(id) => Paths::resource(id),
        Route::Tag(id) => Paths::tag(id),
        Route::Browse => Paths::browse(),
        Route::Compare => Paths::compare(&[]),
        Route::Search => Paths::search(""),
        Route::About => Paths::about(),
        Route::Embed => Paths::embed(),
    }
}

/// The Highwire tags of a resource: title, publisher (and, for a report, the institution
/// that issued it), publication date as precise as stated, the verified address, keywords.
fn citation_tags(catalog: &Catalog, r: &Resource) -> Vec<(&'static str, String)> {
    let mut tags = vec![("citation_title", r.title.clone())];
    if let Some(p) = &r.publisher {
        tags.push(("citation_publisher", p.clone()));
        if WorkKind::of(r) == WorkKind::Report {
            tags.push(("citation_technical_report_institution", p.clone()));
        }
    }
    if let Some(date) = PublicationDate::of(r) {
        tags.push(("citation_publication_date", date.slashed()));
    }
    if let Some(link) = r.links.first() {
        tags.push(("citation_public_url", link.url.clone()));
    }
    let keywords: Vec<String> = catalog.tags_of(r).map(|t| t.label.clone()).collect();
    if !keywords.is_empty() {
        tags.push(("citation_keywords", keywords.join("; ")));
    }
    tags
}

/// schema.org JSON-LD for a resource: a `Report` where it is one, else a `CreativeWork`,
/// with its publisher, date and verified address where known.
fn json_ld(catalog: &Catalog, r: &Resource, page: Option<&str>) -> Value {
    let mut item = Map::new();
    item.insert("@context".into(), json!("https://schema.org"));
    let kind = if WorkKind::of(r) == WorkKind::Report { "Report" } else { "CreativeWork" };
    item.insert("@type".into(), json!(kind));
    item.insert("name".into(), json!(r.title));
    item.insert("description".into(), json!(r.summary));
    if let Some(p) = &r.publisher {
        item.insert("publisher".into(), json!({ "@type": "Organization", "name": p }));
    }
    if let Some(date) = PublicationDate::of(r) {
        item.insert("datePublished".into(), json!(date.iso()));
    }
    if let Some(link) = r.links.first() {
        item.insert("url".into(), json!(link.url));
    }
    if let Some(page) = page {
        item.insert("mainEntityOfPage".into(), json!(page));
    }
    let keywords: Vec<String> = catalog.tags_of(r).map(|t| t.label.clone()).collect();
    if !keywords.is_empty() {
        item.insert("keywords".into(), json!(keywords.join(", ")));
    }
    Value::Object(item)
}

/// JSON for a `<script type="application/ld+json">` element: `<`, `>` and `&` written as
/// `\u` escapes, so no text in it can close the element or read as markup.
pub fn json_for_script(value: &Value) -> String {
    value.to_string().replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}

/// `text` cut to at most `max` characters: after its last whole sentence that fits, else at
/// a word's end with `…`.
pub fn shorten(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let mut cut = String::new();
    for word in text.split(' ') {
        if cut.chars().count() + word.chars().count() + 2 > max {
            break;
        }
        if !cut.is_empty() {
            cut.push(' ');
        }
        cut.push_str(word);
    }
    match cut.rfind(". ") {
        Some(end) => cut[..=end].to_string(),
        None => format!("{}…", cut.trim_end_matches([',', ';', ':', '.', '(', '-'])),
    }
}
