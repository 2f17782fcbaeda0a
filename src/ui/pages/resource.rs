//! One resource: summary, key figures, publisher, tags, link out and related resources.

use crate::ui::nav::{use_nav, Link};
use leptos::prelude::*;

use super::not_found::NotFoundMessage;
use super::use_id_param;
use crate::core::citation::citation;
use crate::core::model::Resource;
use crate::core::paths::{Paths, CITATION_FILES};
use crate::core::provenance::figures_intro;
use crate::ui::components::cards::ResourceList;
use crate::ui::components::copy::CopyButton;
use crate::ui::components::figures::FigureList;
use crate::ui::components::links::{ExternalLink, TagLinks};
use crate::ui::components::title::use_document_title;
use crate::ui::components::use_catalog;
use crate::ui::components::without_app::WithoutApp;

/// How many related resources to suggest.
const RELATED: usize = 4;

/// The view of one resource.
#[component]
pub fn ResourcePage() -> impl IntoView {
    let catalog = use_catalog();
    let id = use_id_param();
    let c = catalog.clone();
    use_document_title(move || {
        Some(c.resource(&id.get()).map_or("Not found".into(), |r| r.title.clone()))
    });
    move || {
        let id = id.get();
        let Some(resource) = catalog.resource(&id).cloned() else {
            return view! { <NotFoundMessage what="resource" id/> }.into_any();
        };
        view! { <ResourceDetail resource/> }.into_any()
    }
}

#[component]
fn ResourceDetail(resource: Resource) -> impl IntoView {
    let catalog = use_catalog();
    let section = catalog.section(&resource.section).cloned();
    let tags = catalog.tags_of(&resource).cloned().collect::<Vec<_>>();
    let figures = catalog.figures_of(&resource.id).into_iter().cloned().collect::<Vec<_>>();
    let related = catalog.related(&resource.id, RELATED).into_iter().cloned().collect::<Vec<_>>();
    let facts = facts(&resource);
    let has_links = !resource.links.is_empty();
    let id = resource.id.clone();
    let cluster = catalog.cluster_of(&resource.id).cloned();
    let intro = figures_intro(&catalog, &figures);
    let page_url = {
        let nav = use_nav();
        let route = Paths::resource(&resource.id);
        Callback::new(move |()| nav.absolute(&route))
    };
    let cite = {
        let r = resource.clone();
        Callback::new(move |()| citation(&r))
    };
    view! {
        <article class="resource" data-testid="resource">
            {section.map(|s| view! {
                <nav aria-label="Breadcrumb" class="breadcrumb">
                    <ol>
                        <li><Link to=Paths::home()>"Home"</Link></li>
                        <li><Link to=Paths::section(&s.id)>{s.title}</Link></li>
                    </ol>
                </nav>
            })}
            <h1>{resource.title.clone()}</h1>
            <dl class="facts">
                {facts.into_iter().map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
            </dl>
            <p class="lede">{resource.summary.clone()}</p>
            <section aria-labelledby="read-title" class="read">
                <h2 id="read-title">"Where to read it"</h2>
                {has_links.then(|| view! {
                    <ul class="links">
                        {resource.links.clone().into_iter().map(|l| view! { <li><ExternalLink link=l/></li> }).collect_view()}
                    </ul>
                })}
                {resource.link_note.clone().map(|n| view! { <p class="link-note">{n}</p> })}
            </section>
            {(!figures.is_empty()).then(|| view! {
                <section aria-labelledby="figures-title">
                    <h2 id="figures-title">"Key figures"</h2>
                    <p class="source-line" data-testid="figures-source">{intro.text}</p>
                    <FigureList figures show_source=intro.per_figure here=resource.id.clone()/>
                    {cluster.map(|c| view! {
                        <p class="compare-link">
                            <Link to=Paths::compare(&[&c.id])>{format!("Compare the {} with other clusters", c.name)}</Link>
                        </p>
                    })}
                </section>
            })}
            <section aria-labelledby="share-title" class="share">
                <h2 id="share-title">"Share or cite"</h2>
                <CopyButton label="Copy link" text=page_url/>
                <CopyButton label="Copy citation" text=cite/>
                <WithoutApp><p>"Cite as: " {citation(&resource)}</p></WithoutApp>
                <CitationFiles id/>
            </section>
            <section aria-labelledby="tags-title">
                <h2 id="tags-title">"Tags"</h2>
                <TagLinks tags/>
            </section>
            {(!related.is_empty()).then(|| view! {
                <section aria-labelledby="related-title" class="related">
                    <h2 id="related-title">"Related resources"</h2>
                    <ResourceList resources=related/>
                </section>
            })}
        </article>
    }
}

/// Links to the citation files the build writes beside the page, for reference managers:
/// plain links, so they work without the app too.
#[component]
fn CitationFiles(id: String) -> impl IntoView {
    let nav = use_nav();
    let [ris, bib] = CITATION_FILES.map(|name| nav.asset(&Paths::resource_file(&id, name)));
    view! {
        <p class="citation-files">
            "Download the citation for a reference manager: "
            <a href=ris download=format!("{id}.ris")>"RIS"</a>
            " (Zotero, EndNote, Mendeley) or "
            <a href=bib download=format!("{id}.bib")>"BibTeX"</a>
            "."
        </p>
    }
}

/// The labelled facts shown under the title, only those that are known.
fn facts(r: &Resource) -> Vec<(&'static str, String)> {
    let mut facts =
        vec![("Publisher", r.publisher.clone().unwrap_or_else(|| "not identified".into()))];
    if !r.partners.is_empty() {
        facts.push(("Partners", r.partners.join(", ")));
    }
    match (&r.date, r.year) {
        (Some(date), _) => facts.push(("Published", date.clone())),
        (None, Some(year)) => facts.push(("Published", year.to_string())),
        (None, None) => facts.push(("Published", "date not stated".into())),
    }
    if let Some(covers) = &r.covers {
        facts.push(("Covers", covers.clone()));
    }
    facts
}
