//! One section of the directory and its resources.

use leptos::prelude::*;

use super::not_found::NotFoundMessage;
use super::use_id_param;
use crate::core::filter::Facet;
use crate::core::paths::Paths;
use crate::ui::components::browse::Browse;
use crate::ui::components::title::use_document_title;
use crate::ui::components::{use_browse, use_catalog};

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
        let fixed = use_browse().facets.find(Facet::Section, &id).into_iter().collect::<Vec<_>>();
        view! {
            <h1>{section.title}</h1>
            <p class="lede">{section.summary}</p>
            <Browse path=Paths::section(&id) fixed hide_sections=true/>
        }
        .into_any()
    }
}
