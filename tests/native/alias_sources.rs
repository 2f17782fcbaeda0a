//! Every other name in the dataset is backed by a source: each alias has a row here naming
//! where it is written, with the passage that writes it, and the passage is checked against
//! the copy of that source. An alias added without a row, or a row whose passage the source
//! does not contain, fails.

use crate::common;

use common::{folded, SOURCE_PAGE, VERIFIED_SOURCES};

/// Where an alias is written.
#[derive(Debug, Clone, Copy)]
enum Source {
    /// The source page (`../shared/seed/`).
    Page,
    /// The verified sources (`../shared/sources/resources.md`).
    Verified,
}

impl Source {
    fn text(self) -> &'static str {
        match self {
            Source::Page => SOURCE_PAGE,
            Source::Verified => VERIFIED_SOURCES,
        }
    }
}

/// How the verified sources name Health Innovation West Midlands, now and before.
const WEST_MIDLANDS_NETWORK: &str = "Health Innovation West Midlands (the source page \
    abbreviates it HINWM; the organisation calls itself HIWM; formerly the West Midlands AHSN)";

/// (record, alias, source, a passage of the source that writes the alias as a name of it)
const BACKING: &[(&str, &str, Source, &str)] = &[
    (
        "tag medtech",
        "MedTech",
        Source::Page,
        "The nature and scale of the medical technologies (MedTech) sector in the Midlands",
    ),
    (
        "tag public-involvement",
        "Patient and Public Involvement and Engagement",
        Source::Page,
        "Health inequalities and diversity research, supported by leading Patient and Public \
         Involvement and Engagement",
    ),
    (
        "tag west-midlands",
        "WM",
        Source::Page,
        "Report on WM air quality This report highlights that every area of the West Midlands",
    ),
    (
        "tag health-innovation-east-midlands",
        "HIEM",
        Source::Page,
        "HIEM has delivered £51.4M in value to the health, care and technology sector",
    ),
    (
        "tag health-innovation-west-midlands",
        "HINWM",
        Source::Page,
        "Health Innovation Network West Midlands - Impact report 2023-2024 This report provides \
         an impact review of the excellent work being performed by HINWM",
    ),
    ("tag health-innovation-west-midlands", "HIWM", Source::Verified, WEST_MIDLANDS_NETWORK),
    (
        "tag health-innovation-west-midlands",
        "Health Innovation Network West Midlands",
        Source::Page,
        "Health Innovation Network West Midlands - Impact report 2023-2024",
    ),
    (
        "tag health-innovation-west-midlands",
        "West Midlands AHSN",
        Source::Verified,
        WEST_MIDLANDS_NETWORK,
    ),
    (
        "tag mi-health",
        "Midlands Innovation Health",
        Source::Verified,
        "MI Health (Midlands Innovation Health, earlier \"Midlands Health Innovation\") is the \
         health arm of Midlands Innovation",
    ),
    (
        "tag mi-health",
        "Midlands Health Innovation",
        Source::Page,
        "Back when we were still called Midlands Health Innovation, we commissioned this report",
    ),
    (
        "resource medtech-report-2019",
        "Midlands MedTech sector analysis",
        Source::Verified,
        "Midlands MedTech sector analysis | commissioned by MI Health (then Midlands Health \
         Innovation)",
    ),
];

/// Every alias of the shipped dataset, as (record, alias).
fn aliases_in_dataset() -> Vec<(String, String)> {
    let d = common::real();
    let tags =
        d.tags.iter().flat_map(|t| t.aliases.iter().map(move |a| (format!("tag {}", t.id), a)));
    let resources = d
        .resources
        .iter()
        .flat_map(|r| r.aliases.iter().map(move |a| (format!("resource {}", r.id), a)));
    tags.chain(resources).map(|(rec, a)| (rec, a.clone())).collect()
}

#[test]
fn every_alias_in_the_dataset_has_a_source() {
    let unbacked: Vec<_> = aliases_in_dataset()
        .into_iter()
        .filter(|(rec, a)| !BACKING.iter().any(|&(r, alias, _, _)| r == rec && alias == a))
        .collect();
    assert!(unbacked.is_empty(), "aliases with no source in BACKING: {unbacked:?}");
}

#[test]
fn every_source_row_is_an_alias_in_the_dataset() {
    let in_dataset = aliases_in_dataset();
    for &(rec, alias, _, _) in BACKING {
        assert!(
            in_dataset.iter().any(|(r, a)| r == rec && a == alias),
            "{rec}: {alias:?} is backed here but not in the dataset"
        );
    }
}

#[test]
fn each_source_writes_the_passage_and_the_passage_writes_the_alias() {
    for &(rec, alias, source, passage) in BACKING {
        assert!(
            folded(source.text()).contains(&folded(passage)),
            "{rec}: {source:?} does not contain {passage:?}"
        );
        assert!(
            folded(passage).contains(&folded(alias)),
            "{rec}: the passage does not write {alias:?}"
        );
    }
}
