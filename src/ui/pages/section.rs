//! One section of the directory and its resources.

use leptos::prelude::*;

use super::not_found::NotFoundMessage;
use super::use_id_param;
use crate::ui::components::cards::ResourceList;
use crate::ui::components::title::use_document_title;
use crate::ui::components::use_catalog;

/// The view of one section.
#[component]
pub fn SectionPage() -> impl IntoView {
    let catalog = use_catalog();
    let id = use_id_param();
    let c = catalog.clone();
    use_document_title(move || {
        Some(c.section(&id.get()).map_or("Not found".into(), |s| s.title.clone()))
    });
    move || {
        let id = id.get();
        let Some(section) = catalog.section(&id).cloned() else {
            return view! { <NotFoundMessage what="section" id/> }.into_any();
        };
        let resources = catalog.resources_in_section(&id).into_iter().cloned().collect::<Vec<_>>();
        view! {
            <h1>{section.title}</h1>
            <p class="lede">{section.summary}</p>
            <p class="count" data-testid="result-count">{format!("{} resources", resources.len())}</p>
            <ResourceList resources/>
        }
        .into_any()
    }
}
