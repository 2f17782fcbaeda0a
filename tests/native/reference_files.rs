//! Citations for reference managers: the RIS and BibTeX files of every resource, read back
//! by real parsers (biblib's RIS parser, the biblatex crate), and the publication dates they
//! carry, never more precise than the dataset states.

use crate::common;

use biblatex::{Bibliography, ChunksExt, EntryType};
use biblib::{CitationParser, RisParser};
use mhr::core::catalog::Catalog;
use mhr::core::citation::PublicationDate;
use mhr::core::model::Resource;
use mhr::core::reference_files::{bibtex, ris, WorkKind};

fn catalog() -> Catalog {
    Catalog::new(common::real())
}

fn resource<'a>(catalog: &'a Catalog, id: &str) -> &'a Resource {
    catalog.resource(id).unwrap_or_else(|| panic!("the dataset lists {id}"))
}

fn with_date(year: Option<u16>, date: Option<&str>) -> Resource {
    let mut r = common::real().resources.remove(0);
    r.year = year;
    r.date = date.map(str::to_string);
    r
}

const PAGE: &str = "https://example.org/health/resource/x/";

#[test]
fn a_stated_day_month_and_year_are_all_kept() {
    let date = PublicationDate::of(&with_date(Some(2024), Some("9 July 2024"))).unwrap();
    assert_eq!(
        (date.iso(), date.slashed(), date.ris()),
        ("2024-07-09".into(), "2024/07/09".into(), "2024/07/09/".into())
    );
}

#[test]
fn a_month_and_year_give_no_day() {
    let date = PublicationDate::of(&with_date(Some(2023), Some("May 2023"))).unwrap();
    assert_eq!((date.iso(), date.ris()), ("2023-05".into(), "2023/05//".into()));
    assert_eq!(date.month_name(), Some("may"));
}

#[test]
fn words_that_are_not_a_month_give_the_year_alone() {
    let date = PublicationDate::of(&with_date(Some(2023), Some("Late 2023"))).unwrap();
    assert_eq!((date.iso(), date.ris()), ("2023".into(), "2023///".into()));
}

#[test]
fn a_display_date_that_disagrees_with_the_year_adds_nothing() {
    let date = PublicationDate::of(&with_date(Some(2024), Some("9 July 2023"))).unwrap();
    assert_eq!(date.iso(), "2024");
    let date = PublicationDate::of(&with_date(Some(2024), Some("40 July 2024"))).unwrap();
    assert_eq!(date.iso(), "2024", "no 40th day");
}

#[test]
fn no_year_and_no_date_is_no_date() {
    assert_eq!(PublicationDate::of(&with_date(None, None)), None);
    assert_eq!(PublicationDate::of(&with_date(None, Some("Spring"))), None);
    assert_eq!(
        PublicationDate::of(&with_date(None, Some("Late 2021"))).map(|d| d.iso()),
        Some("2021".into())
    );
}

#[test]
fn every_resource_imports_from_ris_as_what_it_is() {
    let catalog = catalog();
    for r in &catalog.data().resources {
        let text = ris(&catalog, r, Some(PAGE));
        let parsed =
            RisParser::new().parse(&text).unwrap_or_else(|e| panic!("{}: {e}\n{text}", r.id));
        assert_eq!(parsed.len(), 1, "{}: one record", r.id);
        let c = &parsed[0];
        assert_eq!(c.title, r.title, "{}", r.id);
        assert_eq!(c.publisher, r.publisher, "{}: publisher as the dataset has it", r.id);
        let want_type = match WorkKind::of(r) {
            WorkKind::Report => "Report",
            WorkKind::WebPage => "Electronic Citation",
            WorkKind::Other => "Generic",
        };
        assert_eq!(c.citation_type, vec![want_type.to_string()], "{}", r.id);
        assert_eq!(
            c.date.as_ref().map(|d| d.year),
            PublicationDate::of(r).map(|d| i32::from(d.year)),
            "{}",
            r.id
        );
        let address: Vec<String> = r.links.first().map(|l| l.url.clone()).into_iter().collect();
        assert_eq!(c.urls, address, "{}: the verified address, or none", r.id);
        assert!(c.authors.is_empty(), "{}: no author is made up", r.id);
        let tags: Vec<String> = catalog.tags_of(r).map(|t| t.label.clone()).collect();
        assert_eq!(c.keywords, tags, "{}", r.id);
    }
}

#[test]
fn the_ris_of_a_dated_report_with_an_address_has_title_publisher_year_and_url() {
    let catalog = catalog();
    let r = resource(&catalog, "hiwm-impact-report-2023-24");
    let c = &RisParser::new().parse(&ris(&catalog, r, None)).unwrap()[0];
    assert_eq!(c.citation_type, vec!["Report".to_string()], "RIS type RPRT");
    assert_eq!(c.title, "Health Innovation West Midlands Impact Report 2023-2024");
    assert_eq!(c.publisher.as_deref(), Some("Health Innovation West Midlands"));
    let date = c.date.as_ref().unwrap();
    assert_eq!((date.year, date.month, date.day), (2024, Some(7), Some(9)));
    assert_eq!(
        c.urls,
        vec!["https://healthinnovationwestmidlands.org/impact-report-2023-2024".to_string()]
    );
}

#[test]
fn a_resource_without_date_publisher_or_address_leaves_those_out() {
    let catalog = catalog();
    let r = resource(&catalog, "data-driven-healthcare-report");
    let text = ris(&catalog, r, None);
    for tag in ["PB  -", "PY  -", "DA  -", "UR  -", "AU  -"] {
        assert!(!text.contains(tag), "{tag} in\n{text}");
    }
    assert!(text.contains("N1  - No public address known."), "{text}");
    let bib = bibtex(&catalog, r, None);
    let entry = &Bibliography::parse(&bib).unwrap().into_vec()[0];
    assert_eq!(entry.entry_type, EntryType::Misc, "no institution, so not a techreport");
    for field in ["publisher", "institution", "year", "date", "url", "author"] {
        assert!(entry.get(field).is_none(), "{field} in {bib}");
    }
}

#[test]
fn every_resource_imports_from_bibtex_with_its_facts() {
    let catalog = catalog();
    let text: String =
        catalog.data().resources.iter().map(|r| bibtex(&catalog, r, Some(PAGE))).collect();
    let bibliography = Bibliography::parse(&text).unwrap_or_else(|e| panic!("{e:?}\n{text}"));
    assert_eq!(bibliography.len(), catalog.data().resources.len());
    for r in &catalog.data().resources {
        let entry = bibliography.get(&r.id).unwrap_or_else(|| panic!("{}: keyed by id", r.id));
        let title = entry.title().unwrap().format_verbatim();
        assert_eq!(title, r.title, "{}", r.id);
        let report = WorkKind::of(r) == WorkKind::Report && r.publisher.is_some();
        assert_eq!(
            entry.entry_type,
            if report { EntryType::TechReport } else { EntryType::Misc },
            "{}",
            r.id
        );
        let issuer = entry.get(if report { "institution" } else { "publisher" });
        assert_eq!(issuer.map(|c| c.format_verbatim()), r.publisher.clone(), "{}", r.id);
        let url = entry.url().ok();
        assert_eq!(url, r.links.first().map(|l| l.url.clone()), "{}", r.id);
        let year = entry.get("year").map(|c| c.format_verbatim());
        assert_eq!(year, PublicationDate::of(r).map(|d| d.year.to_string()), "{}", r.id);
    }
}

#[test]
fn hostile_text_cannot_break_out_of_its_field_or_record() {
    let catalog = catalog();
    let mut r = resource(&catalog, "hiwm-impact-report-2023-24").clone();
    r.title = "Costs {50% & $5} #1_x ~^\\ \r\nER  - \r\nTY  - JOUR".into();
    r.publisher = Some("A}, note = {injected".into());
    let parsed = RisParser::new().parse(&ris(&catalog, &r, None)).unwrap();
    assert_eq!(parsed.len(), 1, "a line break in the title starts no new record");
    assert_eq!(parsed[0].citation_type, vec!["Report".to_string()]);
    let bib = bibtex(&catalog, &r, None);
    let entries = Bibliography::parse(&bib).unwrap_or_else(|e| panic!("{e:?}\n{bib}")).into_vec();
    assert_eq!(entries.len(), 1);
    let publisher = entries[0].get("institution").unwrap().format_verbatim();
    assert!(publisher.contains("injected"), "the brace stays inside the field: {publisher}");
    assert!(entries[0].get("note").unwrap().format_verbatim().starts_with("Address:"), "{bib}");
}
