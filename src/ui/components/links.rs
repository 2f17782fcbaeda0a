//! Links out of the site, and tag links within it.

use crate::ui::nav::{Link, Nav, Surface};
use leptos::prelude::*;

use crate::core::links::{host_of, is_safe_url};
use crate::core::model::{Link as Address, Tag};
use crate::core::paths::Paths;

/// A link to another site, marked as external in words and with an arrow. An address that
/// fails [`is_safe_url`] is shown as text, never as a link.
#[component]
pub fn ExternalLink(
    /// The address and what it leads to.
    link: Address,
) -> impl IntoView {
    if !is_safe_url(&link.url) {
        return view! { <span class="link-withheld">{link.label}" (address withheld: it is not a safe link)"</span> }
            .into_any();
    }
    let host = host_of(&link.url).map(|h| format!(" ({h})")).unwrap_or_default();
    // Embedded on a partner's page, a link out opens a new tab rather than replacing the
    // frame or the partner's page.
    let new_tab = use_context::<Nav>().is_some_and(|n| n.surface() != Surface::Site);
    view! {
        <a href=link.url class="external" rel="external noopener noreferrer" target=new_tab.then_some("_blank")>
            {link.label}
            <span class="host">{host}</span>
            <span class="visually-hidden">", on another site"</span>
            <span class="external-mark" aria-hidden="true">" ↗"</span>
        </a>
    }
    .into_any()
}

/// A list of tags as links to their views.
#[component]
pub fn TagLinks(
    /// The tags to link.
    tags: Vec<Tag>,
    /// Accessible name of the list; "Tags" by default.
    #[prop(optional)]
    label: Option<&'static str>,
) -> impl IntoView {
    let label = label.unwrap_or("Tags");
    (!tags.is_empty()).then(|| {
        view! {
            <ul class="tags" aria-label=label>
                {tags
                    .into_iter()
                    .map(|t| {
                        let kind = format!("tag tag-{}", kind_class(&t));
                        view! { <li><Link to=Paths::tag(&t.id) class=kind>{t.label}</Link></li> }
                    })
                    .collect_view()}
            </ul>
        }
    })
}

fn kind_class(tag: &Tag) -> &'static str {
    use crate::core::model::TagKind::*;
    match tag.kind {
        Theme => "theme",
        Region => "region",
        Organisation => "organisation",
        ResourceType => "type",
    }
}
