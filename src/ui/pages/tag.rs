//! All resources carrying one tag.

use leptos::prelude::*;

use super::not_found::NotFoundMessage;
use super::use_id_param;
use crate::core::paths::Paths;
use crate::ui::components::browse::Browse;
use crate::ui::components::title::use_document_title;
use crate::ui::components::{use_browse, use_catalog};

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
        let fixed = use_browse().facets.find_tag(&id).into_iter().collect::<Vec<_>>();
        let kind = tag.kind.label().trim_end_matches('s').to_lowercase();
        view! {
            <p class="eyebrow">{format!("Tag · {kind}")}</p>
            <h1>{tag.label}</h1>
            <Browse path=Paths::tag(&id) fixed/>
        }
        .into_any()
    }
}
