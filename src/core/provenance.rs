//! Where a figure is stated, named truthfully wherever the figure appears.
//!
//! Most figures are taken from the resource they belong to. Some only the MI Health
//! resources page quotes (the report itself could not be checked): those say "as quoted on
//! the MI Health resources page". Others come from another public page, such as a launch
//! news item or the Midlands Engine's sector page: those name that page. Cards, the
//! comparison and its CSV all read the same [`Provenance`].

use super::catalog::Catalog;
use super::model::{Figure, FigureSource, SourcePage};

/// How a figure reached the dataset.
#[derive(Debug, Clone, PartialEq)]
pub enum Via {
    /// The resource itself states it.
    Resource,
    /// Only the dataset's source page quotes it; the words say so ("as quoted on the MI
    /// Health resources page").
    SourcePage(String),
    /// Another public page states it.
    Page(SourcePage),
}

/// Where one figure is stated.
#[derive(Debug, Clone, PartialEq)]
pub struct Provenance {
    /// The resource the figure belongs to: its id and title.
    pub resource: (String, String),
    /// Where the figure itself is stated.
    pub via: Via,
}

/// "as quoted on the MI Health resources page", from the dataset's curator.
pub fn quoted_on_source_page(catalog: &Catalog) -> String {
    format!("as quoted on the {} resources page", catalog.data().meta.curator)
}

impl Provenance {
    /// Where `f` is stated.
    pub fn of(catalog: &Catalog, f: &Figure) -> Provenance {
        let resource = catalog
            .resource(&f.resource)
            .map(|r| (r.id.clone(), r.title.clone()))
            .unwrap_or_else(|| (f.resource.clone(), f.resource.clone()));
        let via = match &f.source {
            None => Via::Resource,
            Some(FigureSource::SourcePage) => Via::SourcePage(quoted_on_source_page(catalog)),
            Some(FigureSource::Page(page)) => Via::Page(page.clone()),
        };
        Provenance { resource, via }
    }

    /// The whole source as one line of text, for a spreadsheet: "Data Driven Healthcare
    /// Innovation Report, as quoted on the MI Health resources page", or a page's label and
    /// address.
    pub fn text(&self) -> String {
        match &self.via {
            Via::Resource => self.resource.1.clone(),
            Via::SourcePage(words) => format!("{}, {words}", self.resource.1),
            Via::Page(SourcePage { label, url: Some(url) }) => format!("{label}: {url}"),
            Via::Page(SourcePage { label, url: None }) => label.clone(),
        }
    }
}

/// What a resource's "Key figures" say about where their figures come from.
#[derive(Debug, Clone, PartialEq)]
pub struct FiguresIntro {
    /// The sentence above the figures.
    pub text: String,
    /// Whether each figure must name its own source, because they do not share one.
    pub per_figure: bool,
}

/// The sentence above a resource's figures: "Figures as stated in this resource." only
/// when every one of them is; otherwise where they are quoted, or that each names its own.
pub fn figures_intro(catalog: &Catalog, figures: &[Figure]) -> FiguresIntro {
    let vias: Vec<Via> = figures.iter().map(|f| Provenance::of(catalog, f).via).collect();
    let all = |want: fn(&Via) -> bool| vias.iter().all(want);
    if all(|v| matches!(v, Via::Resource)) {
        FiguresIntro { text: "Figures as stated in this resource.".into(), per_figure: false }
    } else if all(|v| matches!(v, Via::SourcePage(_))) {
        FiguresIntro {
            text: format!(
                "Figures {}; they could not be checked against the resource itself.",
                quoted_on_source_page(catalog)
            ),
            per_figure: false,
        }
    } else {
        FiguresIntro {
            text: "These figures come from more than one source; each names its own.".into(),
            per_figure: true,
        }
    }
}

/// How many of the dataset's figures come from where, in a sentence for the about page:
/// from the resources themselves, from other public pages, or only as quoted on the MI
/// Health resources page.
pub fn sources_summary(catalog: &Catalog) -> String {
    let figures = &catalog.data().figures;
    let count = |want: fn(&Option<FigureSource>) -> bool| {
        figures.iter().filter(|f| want(&f.source)).count()
    };
    let own = count(|s| s.is_none());
    let pages = count(|s| matches!(s, Some(FigureSource::Page(_))));
    let quoted = count(|s| matches!(s, Some(FigureSource::SourcePage)));
    format!(
        "Of the {} figures, {own} are taken from the resources themselves, {pages} from other public pages (such as launch news), and {quoted} are {}, where the resource itself could not be checked. Each figure names its source.",
        figures.len(),
        quoted_on_source_page(catalog),
    )
}
