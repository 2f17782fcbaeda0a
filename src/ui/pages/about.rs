//! About the directory: purpose, data source and licence, accessibility, suggesting a report.

use leptos::prelude::*;

use crate::core::paths::Paths;
use crate::ui::components::links::ExternalLink;
use crate::ui::components::title::use_document_title;
use crate::ui::components::use_catalog;
use crate::ui::data::base_path;

/// The about view.
#[component]
pub fn About() -> impl IntoView {
    use_document_title(|| Some("About".into()));
    let catalog = use_catalog();
    let d = catalog.data();
    let meta = d.meta.clone();
    let dataset_url = Paths::new(&base_path()).asset("data/dataset.json");
    let counts = format!(
        "{} resources in {} sections, {} tags and {} figures, each figure with its source.",
        d.resources.len(),
        d.sections.len(),
        d.tags.len(),
        d.figures.len()
    );
    view! {
        <h1>"About this directory"</h1>
        <section aria-labelledby="what-title">
            <h2 id="what-title">"What this is"</h2>
            <p>{meta.description}</p>
            <p>{counts}</p>
        </section>
        <section aria-labelledby="data-title">
            <h2 id="data-title">"Where the data comes from"</h2>
            <p>
                "The list of reports and their figures comes from the " <ExternalLink link=meta.source.clone()/>
                ", curated by " {meta.curator.clone()} ". Summaries are written for this directory. Every web address
                 was checked against the public page it leads to; where no public address is known, the resource says so."
            </p>
            <p>"Licence: " {meta.licence} ". Last updated " {meta.updated} "."</p>
            <p>
                <a href=dataset_url download="midlands-health-resources.json">"Download the whole dataset (JSON)"</a>
            </p>
        </section>
        <section aria-labelledby="a11y-title">
            <h2 id="a11y-title">"Accessibility"</h2>
            <p>
                "This site aims to meet WCAG 2.2 at level AA. It can be used with a keyboard alone, works with screen
                 readers, follows your system's light or dark setting and reduced-motion preference, and reflows down to
                 320 pixels wide. It is checked automatically with axe-core. If something is hard to use, please tell us
                 through the contact route below and say which page and what you were trying to do."
            </p>
        </section>
        <section aria-labelledby="suggest-title">
            <h2 id="suggest-title">"Suggest a report"</h2>
            <p>
                "Know a report or resource about the Midlands' health and life-science sector that belongs here? Get in
                 touch with " {meta.curator} " through the " <ExternalLink link=meta.source/>
                " with its title, publisher, date and public address."
            </p>
        </section>
    }
}
