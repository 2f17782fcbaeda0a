//! Resource summaries as cards, for lists of resources.

use crate::ui::nav::Link;
use leptos::prelude::*;

use super::links::TagLinks;
use super::use_catalog;
use crate::core::model::Resource;
use crate::core::paths::Paths;

/// One resource in a list: title as a link, publisher and year, summary, tags.
#[component]
pub fn ResourceCard(
    /// The resource to summarise.
    resource: Resource,
) -> impl IntoView {
    let catalog = use_catalog();
    let tags = catalog.tags_of(&resource).cloned().collect::<Vec<_>>();
    let byline = byline(&resource);
    view! {
        <article class="card resource-card" data-testid="resource-card">
            <h3><Link to=Paths::resource(&resource.id)>{resource.title}</Link></h3>
            {(!byline.is_empty()).then(|| view! { <p class="byline">{byline}</p> })}
            <p class="summary">{resource.summary}</p>
            <TagLinks tags/>
        </article>
    }
}

/// A list of resource cards, or a short message when there are none.
#[component]
pub fn ResourceList(
    /// The resources, in the order to show them.
    resources: Vec<Resource>,
) -> impl IntoView {
    if resources.is_empty() {
        return view! { <p class="empty">"No resources here yet."</p> }.into_any();
    }
    view! {
        <ul class="resource-list">
            {resources.into_iter().map(|r| view! { <li><ResourceCard resource=r/></li> }).collect_view()}
        </ul>
    }
    .into_any()
}

/// "Publisher · 2024" from what is known.
pub fn byline(r: &Resource) -> String {
    let year = r.year.map(|y| y.to_string());
    [r.publisher.clone(), year].into_iter().flatten().collect::<Vec<_>>().join(" · ")
}
