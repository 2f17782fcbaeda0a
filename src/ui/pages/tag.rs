//! All resources carrying one tag.

use leptos::prelude::*;

use super::not_found::NotFoundMessage;
use super::use_id_param;
use crate::ui::components::cards::ResourceList;
use crate::ui::components::title::use_document_title;
use crate::ui::components::use_catalog;

/// The view of one tag.
#[component]
pub fn TagPage() -> impl IntoView {
    let catalog = use_catalog();
    let id = use_id_param();
    let c = catalog.clone();
    use_document_title(move || {
        Some(c.tag(&id.get()).map_or("Not found".into(), |t| t.label.clone()))
    });
    move || {
        let id = id.get();
        let Some(tag) = catalog.tag(&id).cloned() else {
            return view! { <NotFoundMessage what="tag" id/> }.into_any();
        };
        let resources = catalog.resources_with_tag(&id).into_iter().cloned().collect::<Vec<_>>();
        let kind = tag.kind.label().trim_end_matches('s').to_lowercase();
        view! {
            <p class="eyebrow">{format!("Tag · {kind}")}</p>
            <h1>{tag.label}</h1>
            <p class="count" data-testid="result-count">
                {format!("{} resource{} tagged", resources.len(), if resources.len() == 1 { "" } else { "s" })}
            </p>
            <ResourceList resources/>
        }
        .into_any()
    }
}
