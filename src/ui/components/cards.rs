//! Resource summaries as cards, for lists of resources.

use crate::ui::nav::Link;
use leptos::prelude::*;

use super::highlight::Highlighted;
use super::links::TagLinks;
use super::use_catalog;
use crate::core::model::Resource;
use crate::core::paths::Paths;
use crate::core::search::documents::{other_names_said, OtherNames};
use crate::core::search::{Highlighter, Segment};

/// Words of a summary shown in a search result: about two lines, around the first match.
const SNIPPET_WORDS: usize = 36;

/// One resource in a list: title as a link, publisher and year, summary, tags. As a search
/// result (`highlight` given), its title is a level-2 heading, the matched words are marked,
/// the summary is cut to the part around the first match, and the other names it was found
/// by, if any, are said under the byline ("Health Innovation West Midlands, also known as
/// HINWM."), so a visitor sees why it came up.
#[component]
pub fn ResourceCard(
    /// The resource to summarise.
    resource: Resource,
    /// The search's words to mark, for a search result.
    #[prop(default = None)]
    highlight: Option<Highlighter>,
    /// The other names a search found it by, for a search result.
    #[prop(optional)]
    other_names: Vec<OtherNames>,
) -> impl IntoView {
    let catalog = use_catalog();
    let tags = catalog.tags_of(&resource).cloned().collect::<Vec<_>>();
    let byline = byline(&resource);
    let to = Paths::resource(&resource.id);
    let result = highlight.is_some();
    let h = highlight.unwrap_or_default();
    let title = h.highlight(&resource.title);
    let summary = if result {
        h.snippet(&resource.summary, SNIPPET_WORDS)
    } else {
        vec![Segment { text: resource.summary, hit: false }]
    };
    let other_names = (!other_names.is_empty()).then(|| {
        let said = other_names_said(&other_names, &h);
        view! { <p class="other-names" data-testid="other-names"><Highlighted segments=said/></p> }
    });
    let title = view! { <Link to><Highlighted segments=title/></Link> };
    view! {
        <article class="card resource-card" data-testid=if result { "search-result" } else { "resource-card" }>
            {if result {
                view! { <h2 class="result-title">{title}</h2> }.into_any()
            } else {
                view! { <h3>{title}</h3> }.into_any()
            }}
            {(!byline.is_empty()).then(|| view! { <p class="byline">{byline}</p> })}
            {other_names}
            <p class="summary"><Highlighted segments=summary/></p>
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
