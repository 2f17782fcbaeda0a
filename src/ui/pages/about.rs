//! About the directory: purpose, data source and licence, accessibility, suggesting a report.

use leptos::prelude::*;

use crate::core::export::{resources_csv, RESOURCES_CSV};
use crate::core::paths::Paths;
use crate::core::provenance::sources_summary;
use crate::ui::components::download::CsvDownload;
use crate::ui::components::links::ExternalLink;
use crate::ui::components::title::use_document_title;
use crate::ui::components::use_catalog;
use crate::ui::data::DATASET;
use crate::ui::nav::{use_nav, Link};

/// The about view.
#[component]
pub fn About() -> impl IntoView {
    use_document_title(|| Some("About".into()));
    let catalog = use_catalog();
    let d = catalog.data();
    let meta = d.meta.clone();
    let dataset_url = use_nav().asset(DATASET);
    let csv = {
        let catalog = catalog.clone();
        Callback::new(move |()| resources_csv(&catalog))
    };
    let counts = format!(
        "{} resources in {} sections, {} tags and {} figures, each figure with its source.",
        d.resources.len(),
        d.sections.len(),
        d.tags.len(),
        d.figures.len()
    );
    let sources = sources_summary(&catalog);
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
                "The list of reports comes from the " <ExternalLink link=meta.source.clone()/>
                ", curated by " {meta.curator.clone()} ". Summaries are written for this directory. Every web address
                 was checked against the public page it leads to; where no public address is known, the resource says so."
            </p>
            <p data-testid="figure-sources">{sources}</p>
            <p>"Licence: " {meta.licence} ". Last updated " {meta.updated} "."</p>
            <p>
                <a href=dataset_url download="midlands-health-resources.json">"Download the whole dataset (JSON)"</a>
                " or "
                <CsvDownload file=RESOURCES_CSV name="midlands-health-resources.csv" csv testid="csv-all">
                    "the resources as a spreadsheet (CSV)"
                </CsvDownload>
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
        <section aria-labelledby="embedding">
            <h2 id="embedding" tabindex="-1">"Embedding on your site"</h2>
            <p>
                "Any view can be shown on another site, always up to date. The " <Link to=Paths::embed()>"embed builder"</Link>
                " lets you choose the view, its filters and a theme, previews it, and gives you a snippet to paste."
            </p>
            <ul>
                <li>"An iframe is fully separate from your page. A small script, embed.js, sizes it to its content; it only
                     accepts sizes from the iframe itself. No inline script is needed on your page."</li>
                <li>"A widget, the mhr-widget element, becomes part of your page but keeps its own styles in a shadow root,
                     and never changes your page's address or history. Your site's Content-Security-Policy must allow
                     scripts, styles and connections from this site, and 'wasm-unsafe-eval' for the WebAssembly."</li>
            </ul>
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
