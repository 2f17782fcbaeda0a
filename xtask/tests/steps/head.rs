//! What the written pages say in their heads, and the sitemap: the pages of the shipped
//! dataset written into a folder as the build writes them, then read back with an HTML
//! parser (scraper) and an XML parser (roxmltree).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use mhr::core::load::load;
use scraper::{Html, Selector};
use serde_json::Value;
use xtask::sitemap::site_url;

const DATASET: &str = include_str!("../../../data/dataset.json");
const TEMPLATE: &str = "<!doctype html>\n<html lang=\"en-GB\">\n  <head>\n    <meta charset=\"utf-8\" />\n    <meta name=\"description\" content=\"The template's own.\" />\n    <title>Site</title>\n    <base href=\"/\" />\n  </head>\n  <body data-mhr-app>\n  </body>\n</html>\n";
const SITE: &str = "https://example.org/";
const PREFIXED_SITE: &str = "https://example.org/partners/health/";

/// A folder with the template and the dataset, its pages written for `base` and `site`.
fn written(name: &str, base: &str, site: Option<&str>) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mhr-head-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("data")).unwrap();
    std::fs::write(dir.join("index.html"), TEMPLATE).unwrap();
    std::fs::write(dir.join("data/dataset.json"), DATASET).unwrap();
    xtask::pages::write(&dir, base, site).unwrap();
    dir
}

fn page(dir: &Path, file: &str) -> Html {
    Html::parse_document(&std::fs::read_to_string(dir.join(file)).unwrap())
}

/// The `content` of every `<meta name|property=key>`, in order.
fn meta(html: &Html, key: &str) -> Vec<String> {
    let selector = Selector::parse("head meta").unwrap();
    html.select(&selector)
        .filter(|m| m.attr("name") == Some(key) || m.attr("property") == Some(key))
        .filter_map(|m| m.attr("content").map(str::to_string))
        .collect()
}

fn one(html: &Html, key: &str) -> String {
    let found = meta(html, key);
    assert_eq!(found.len(), 1, "exactly one {key}: {found:?}");
    found[0].clone()
}

fn title(html: &Html) -> String {
    html.select(&Selector::parse("head title").unwrap()).next().unwrap().text().collect()
}

fn canonical(html: &Html) -> Vec<String> {
    let selector = Selector::parse("head link[rel=canonical]").unwrap();
    html.select(&selector).filter_map(|l| l.attr("href").map(str::to_string)).collect()
}

fn json_ld(html: &Html) -> Vec<Value> {
    let selector = Selector::parse("head script[type=\"application/ld+json\"]").unwrap();
    html.select(&selector)
        .map(|s| serde_json::from_str(&s.text().collect::<String>()).expect("JSON-LD is JSON"))
        .collect()
}

fn dataset() -> mhr::core::model::Dataset {
    load(DATASET).unwrap()
}

/// The pages every check below reads: home, a section, a resource with an address, one
/// without, a tag.
const PAGES: [&str; 5] = [
    "index.html",
    "section/strengths/index.html",
    "resource/hiwm-impact-report-2023-24/index.html",
    "resource/data-driven-healthcare-report/index.html",
    "tag/diabetes/index.html",
];

#[test]
fn every_page_has_its_own_title_description_and_sharing_tags() {
    let dir = written("own", "/", Some(SITE));
    let (mut titles, mut descriptions) = (BTreeSet::new(), BTreeSet::new());
    for file in PAGES {
        let html = page(&dir, file);
        let description = one(&html, "description");
        assert!(
            !description.is_empty() && description.chars().count() <= 200,
            "{file}: {description}"
        );
        assert_eq!(one(&html, "og:description"), description, "{file}");
        assert!(title(&html).contains(&one(&html, "og:title")), "{file}: og:title names the page");
        assert_eq!(one(&html, "og:site_name"), "Midlands Health Resources", "{file}");
        assert_eq!(one(&html, "twitter:card"), "summary", "{file}");
        let og_type = one(&html, "og:type");
        assert_eq!(og_type, if file.starts_with("resource/") { "article" } else { "website" });
        let address = format!("{SITE}{}", file.trim_end_matches("index.html"));
        assert_eq!(one(&html, "og:url"), address, "{file}");
        assert_eq!(canonical(&html), vec![address], "{file}");
        titles.insert(title(&html));
        descriptions.insert(description);
    }
    assert_eq!(titles.len(), PAGES.len(), "titles differ: {titles:?}");
    assert_eq!(descriptions.len(), PAGES.len(), "descriptions differ: {descriptions:?}");
    let home = page(&dir, "index.html");
    // The dataset's own description, cut at a word with an ellipsis when over the limit.
    let shown = one(&home, "description");
    let stem = shown.trim_end_matches('…');
    assert!(
        stem.len() > 100 && dataset().meta.description.starts_with(stem),
        "not the template's own: {shown}"
    );
}

#[test]
fn descriptions_come_from_the_dataset() {
    let dir = written("from-data", "/", None);
    let data = dataset();
    let section = data.sections.iter().find(|s| s.id == "strengths").unwrap();
    assert_eq!(one(&page(&dir, PAGES[1]), "description"), section.summary);
    let tag = one(&page(&dir, PAGES[4]), "description");
    assert!(tag.contains("Diabetes") && tag.contains("Midlands Diabetes Blueprint"), "{tag}");
    let summary =
        &data.resources.iter().find(|r| r.id == "hiwm-impact-report-2023-24").unwrap().summary;
    let description = one(&page(&dir, PAGES[2]), "description");
    assert!(description.ends_with('.'), "whole sentences: {description}");
    assert!(summary.starts_with(&description), "a resource's summary, cut: {description}");
}

#[test]
fn a_resource_with_an_address_gives_its_citation_tags_and_json_ld() {
    let dir = written("cited", "/", Some(SITE));
    let html = page(&dir, PAGES[2]);
    assert_eq!(
        one(&html, "citation_title"),
        "Health Innovation West Midlands Impact Report 2023-2024"
    );
    assert_eq!(one(&html, "citation_publisher"), "Health Innovation West Midlands");
    assert_eq!(
        one(&html, "citation_technical_report_institution"),
        "Health Innovation West Midlands"
    );
    assert_eq!(one(&html, "citation_publication_date"), "2024/07/09");
    assert_eq!(
        one(&html, "citation_public_url"),
        "https://healthinnovationwestmidlands.org/impact-report-2023-2024"
    );
    assert!(meta(&html, "citation_author").is_empty(), "the dataset names no authors");
    let ld = json_ld(&html);
    assert_eq!(ld.len(), 1);
    let ld = &ld[0];
    assert_eq!(ld["@context"], "https://schema.org");
    assert_eq!(ld["@type"], "Report");
    assert_eq!(ld["name"], "Health Innovation West Midlands Impact Report 2023-2024");
    assert_eq!(ld["publisher"]["name"], "Health Innovation West Midlands");
    assert_eq!(ld["datePublished"], "2024-07-09");
    assert_eq!(ld["url"], "https://healthinnovationwestmidlands.org/impact-report-2023-2024");
    assert_eq!(ld["mainEntityOfPage"], format!("{SITE}resource/hiwm-impact-report-2023-24/"));
}

#[test]
fn a_resource_without_date_publisher_or_address_leaves_those_tags_out() {
    let dir = written("uncited", "/", None);
    let html = page(&dir, PAGES[3]);
    assert_eq!(one(&html, "citation_title"), "Data Driven Healthcare Innovation Report");
    for absent in [
        "citation_publisher",
        "citation_publication_date",
        "citation_public_url",
        "og:url",
        "og:image",
    ] {
        assert!(meta(&html, absent).is_empty(), "{absent}");
    }
    assert!(canonical(&html).is_empty(), "no SITE_URL, no canonical link");
    let ld = &json_ld(&html)[0];
    for absent in ["publisher", "datePublished", "url", "mainEntityOfPage"] {
        assert!(ld.get(absent).is_none(), "{absent} in {ld}");
    }
}

#[test]
fn pages_that_are_not_resources_carry_no_citation() {
    let dir = written("plain", "/", Some(SITE));
    for file in [PAGES[0], PAGES[1], PAGES[4]] {
        let html = page(&dir, file);
        assert!(meta(&html, "citation_title").is_empty(), "{file}");
        assert!(json_ld(&html).is_empty(), "{file}");
    }
}

#[test]
fn the_not_found_page_asks_not_to_be_indexed_and_names_no_address() {
    let dir = written("missing", "/", Some(SITE));
    let html = page(&dir, "404.html");
    assert_eq!(one(&html, "robots"), "noindex");
    assert!(canonical(&html).is_empty() && meta(&html, "og:url").is_empty());
    assert!(meta(&page(&dir, "index.html"), "robots").is_empty(), "home is indexed");
}

#[test]
fn citation_files_are_written_beside_each_resource_page() {
    let dir = written("files", "/", Some(SITE));
    for r in dataset().resources {
        for name in ["citation.ris", "citation.bib"] {
            let text =
                std::fs::read_to_string(dir.join(format!("resource/{}/{name}", r.id))).unwrap();
            assert!(text.contains(&r.title), "{}/{name}", r.id);
        }
    }
    let ris = std::fs::read_to_string(dir.join("resource/hiwm-impact-report-2023-24/citation.ris"))
        .unwrap();
    assert!(
        ris.contains(&format!(
            "Listed in Midlands Health Resources: {SITE}resource/hiwm-impact-report-2023-24/"
        )),
        "{ris}"
    );
}

/// Every `<loc>` of a sitemap, checked to be one.
fn sitemap_locations(dir: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(dir.join("sitemap.xml")).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "urlset");
    assert_eq!(root.tag_name().namespace(), Some("http://www.sitemaps.org/schemas/sitemap/0.9"));
    root.children()
        .filter(|n| n.is_element())
        .map(|url| {
            let loc = url.children().find(|c| c.has_tag_name("loc")).unwrap();
            let lastmod = url.children().find(|c| c.has_tag_name("lastmod")).unwrap();
            assert_eq!(lastmod.text(), Some(dataset().meta.updated.as_str()));
            loc.text().unwrap().to_string()
        })
        .collect()
}

#[test]
fn the_sitemap_lists_every_written_page_once_at_its_address() {
    for (name, base, site) in [("root", "/", SITE), ("prefix", "/partners/health/", PREFIXED_SITE)]
    {
        let dir = written(&format!("map-{name}"), base, Some(site));
        let locations = sitemap_locations(&dir);
        let data = dataset();
        let pages = 6 + data.sections.len() + data.resources.len() + data.tags.len();
        assert_eq!(locations.len(), pages, "{name}");
        assert_eq!(locations.iter().collect::<BTreeSet<_>>().len(), pages, "{name}: none twice");
        for loc in &locations {
            let file = loc.strip_prefix(site).unwrap_or_else(|| panic!("{loc} under {site}"));
            assert!(dir.join(file).join("index.html").is_file(), "{loc}: a page is written there");
        }
        assert!(locations.contains(&format!("{site}resource/focus-adhd-guide/")), "{name}");
        let robots = std::fs::read_to_string(dir.join("robots.txt")).unwrap();
        assert!(robots.lines().any(|l| l == format!("Sitemap: {site}sitemap.xml")), "{robots}");
    }
}

#[test]
fn without_a_site_address_there_is_no_sitemap_and_none_is_left_behind() {
    let dir = written("no-map", "/", Some(SITE));
    assert!(dir.join("sitemap.xml").is_file());
    xtask::pages::write(&dir, "/", None).unwrap();
    assert!(!dir.join("sitemap.xml").exists() && !dir.join("robots.txt").exists());
}

#[test]
fn pages_written_twice_have_their_tags_once() {
    let dir = written("twice", "/", Some(SITE));
    let before = std::fs::read_to_string(dir.join(PAGES[2])).unwrap();
    // The home page is the template of a rerun.
    xtask::pages::write(&dir, "/", Some(SITE)).unwrap();
    assert_eq!(std::fs::read_to_string(dir.join(PAGES[2])).unwrap(), before);
}

#[test]
fn the_site_address_must_be_absolute_and_agree_with_the_prefix() {
    assert_eq!(site_url(None, "/").unwrap(), None);
    assert_eq!(site_url(Some("  "), "/").unwrap(), None);
    assert_eq!(site_url(Some("https://example.org"), "/").unwrap().as_deref(), Some(SITE));
    assert_eq!(
        site_url(Some("https://example.org/partners/health"), "/partners/health/")
            .unwrap()
            .as_deref(),
        Some(PREFIXED_SITE)
    );
    for bad in [
        "example.org/",
        "ftp://example.org/",
        "https://nhs.uk@evil.example/",
        "https://example.org/?x=1",
        "https://example.org/#top",
        "https:///",
        "https://example.org/other/",
    ] {
        assert!(site_url(Some(bad), "/").is_err(), "{bad}");
    }
    assert!(site_url(Some(SITE), "/partners/health/").is_err(), "the prefix disagrees");
}
