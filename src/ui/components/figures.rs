//! Figures quoted from the reports, each with its context: UK share, period, source.

use crate::ui::nav::Link;
use leptos::prelude::*;

use super::use_catalog;
use crate::core::format::{format_headline, format_uk_share};
use crate::core::model::Figure;
use crate::core::paths::Paths;

/// A grid of figures. With `show_source`, each names and links the resource it comes from.
#[component]
pub fn FigureList(
    /// The figures, in the order to show them.
    figures: Vec<Figure>,
    /// Whether to name and link each figure's source resource.
    #[prop(optional)]
    show_source: bool,
) -> impl IntoView {
    let catalog = use_catalog();
    view! {
        <ul class="figures" data-testid="figures">
            {figures
                .into_iter()
                .map(|f| {
                    let share = f.value.and(format_uk_share(&f));
                    let source = show_source
                        .then(|| catalog.resource(&f.resource).cloned())
                        .flatten();
                    view! {
                        <li class="figure">
                            <p class="figure-value">{format_headline(&f)}</p>
                            <p class="figure-label">{f.label.clone()}</p>
                            <dl class="figure-details">
                                {share.map(|s| view! { <dt>"UK share"</dt><dd>{s}</dd> })}
                                <dt>"Period"</dt>
                                <dd>{f.period.clone().unwrap_or_else(|| "not stated".into())}</dd>
                                {source.map(|r| view! {
                                    <dt>"Source"</dt>
                                    <dd><Link to=Paths::resource(&r.id)>{r.title}</Link></dd>
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
