//! Figures quoted from the reports, each with its context: UK share, period, source, note.

use crate::ui::nav::Link;
use leptos::prelude::*;

use super::links::ExternalLink;
use super::use_catalog;
use crate::core::format::{format_headline, format_uk_share};
use crate::core::model::{Figure, Link as Address};
use crate::core::paths::Paths;
use crate::core::provenance::{Provenance, Via};

/// A grid of figures. With `show_source`, each names where it is stated: its resource (as
/// a link, or "this resource" when it is `here`), the page that quotes it, or another page.
#[component]
pub fn FigureList(
    /// The figures, in the order to show them.
    figures: Vec<Figure>,
    /// Whether to name each figure's source.
    #[prop(optional)]
    show_source: bool,
    /// The id of the resource the list is shown on, named "this resource" rather than linked.
    #[prop(optional, into)]
    here: Option<String>,
) -> impl IntoView {
    let catalog = use_catalog();
    view! {
        <ul class="figures" data-testid="figures">
            {figures
                .into_iter()
                .map(|f| {
                    let share = f.value.and(format_uk_share(&f));
                    let source = show_source.then(|| Provenance::of(&catalog, &f));
                    let here = here.clone();
                    view! {
                        <li class="figure">
                            <p class="figure-value">{format_headline(&f)}</p>
                            <p class="figure-label">{f.label.clone()}</p>
                            <dl class="figure-details">
                                {share.map(|s| view! { <dt>"UK share"</dt><dd>{s}</dd> })}
                                <dt>"Period"</dt>
                                <dd>{f.period.clone().unwrap_or_else(|| "not stated".into())}</dd>
                                {source.map(|source| view! {
                                    <dt>"Source"</dt>
                                    <dd><FigureProvenance source here/></dd>
                                })}
                            </dl>
                            {f.note.clone().map(|n| view! { <p class="figure-note">{n}</p> })}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// Where a figure is stated: its resource as a link (or "This resource" on that resource's
/// own page), followed by "as quoted on the MI Health resources page" where only that page
/// quotes it; or another page, linked where its address is verified.
#[component]
pub fn FigureProvenance(
    /// Where the figure is stated.
    source: Provenance,
    /// The id of the resource being viewed, if any.
    #[prop(default = None)]
    here: Option<String>,
) -> impl IntoView {
    let Provenance { resource: (id, title), via } = source;
    let resource = move || {
        if here.as_deref() == Some(id.as_str()) {
            view! { "This resource" }.into_any()
        } else {
            view! { <Link to=Paths::resource(&id)>{title}</Link> }.into_any()
        }
    };
    match via {
        Via::Resource => resource().into_any(),
        Via::SourcePage(words) => view! { {resource()} {format!(", {words}")} }.into_any(),
        Via::Page(page) => match page.url {
            Some(url) => {
                view! { <ExternalLink link=Address { url, label: page.label }/> }.into_any()
            }
            None => view! { {page.label} }.into_any(),
        },
    }
}

/// Plain words on clusters that are part of others, above their figures side by side.
/// Nothing when there are none.
#[component]
pub fn NestingNotes(
    /// The sentences, from [`crate::core::nesting::side_by_side_notes`].
    notes: Vec<String>,
) -> impl IntoView {
    (!notes.is_empty()).then(|| {
        view! {
            <div class="nesting-note" data-testid="nesting-note">
                {notes.into_iter().map(|n| view! { <p>{n}</p> }).collect_view()}
            </div>
        }
    })
}
