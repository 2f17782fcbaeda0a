//! The home view: what the region is strong at, headline figures with sources, sections.

use crate::ui::nav::Link;
use leptos::prelude::*;

use crate::core::nesting::side_by_side_notes;
use crate::core::paths::Paths;
use crate::ui::components::figures::{FigureList, NestingNotes};
use crate::ui::components::links::{ExternalLink, TagLinks};
use crate::ui::components::title::{use_document_title, SITE_NAME};
use crate::ui::components::use_catalog;

/// The home view.
#[component]
pub fn Home() -> impl IntoView {
    use_document_title(|| None);
    let catalog = use_catalog();
    let data = catalog.data();
    let nesting = side_by_side_notes(&catalog, &catalog.headlines());
    let headlines = catalog.headlines().into_iter().cloned().collect::<Vec<_>>();
    let expertise = data.expertise.clone();
    let sections = data
        .sections
        .iter()
        .map(|s| (s.clone(), catalog.resources_in_section(&s.id).len()))
        .collect::<Vec<_>>();
    let expertise_view = expertise
        .into_iter()
        .map(|e| {
            let tags = e.tags.iter().filter_map(|t| catalog.tag(t)).cloned().collect::<Vec<_>>();
            view! {
                <li class="card expertise">
                    <h3>{e.title}</h3>
                    <p>{e.summary}</p>
                    {e.links.into_iter().map(|l| view! { <p class="more"><ExternalLink link=l/></p> }).collect_view()}
                    <TagLinks tags label="Related tags"/>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="hero" aria-labelledby="page-title">
            <h1 id="page-title">{SITE_NAME}</h1>
            <p class="lede">{data.meta.description.clone()}</p>
        </section>
        <section aria-labelledby="strengths-title">
            <h2 id="strengths-title">"Clusters of expertise"</h2>
            <p>"Areas of research and practice that MI Health's page names as the region's internationally recognised clusters of expertise."</p>
            <ul class="card-grid">{expertise_view}</ul>
        </section>
        <section aria-labelledby="figures-title">
            <h2 id="figures-title">"Headline figures"</h2>
            <NestingNotes notes=nesting/>
            <FigureList figures=headlines show_source=true/>
        </section>
        <section aria-labelledby="sections-title">
            <h2 id="sections-title">"Browse by section"</h2>
            <ul class="card-grid sections">
                {sections.into_iter().map(|(s, n)| view! {
                    <li class="card">
                        <h3><Link to=Paths::section(&s.id)>{s.title}</Link></h3>
                        <p>{s.summary}</p>
                        <p class="count">{format!("{n} resource{}", if n == 1 { "" } else { "s" })}</p>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}
