//! The filter controls of the browse machinery: facet groups with counts, removable chips,
//! "clear all", and the sort order. They show state and report choices; the URL holds the
//! state (see [`crate::core::url_state`]).

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::browse::{BrowseIndex, BrowseOutcome};
use crate::core::filter::Facet;
use crate::core::url_state::{BrowseState, Sort};

/// Facet groups as fieldsets of checkboxes, each option with the count it would give.
/// Options that would give nothing stay visible but disabled.
#[component]
pub fn FacetGroups(
    /// The catalog's facets.
    browse: Arc<BrowseIndex>,
    /// The current outcome, for counts and selection.
    outcome: Memo<BrowseOutcome>,
    /// Options fixed by the view: shown ticked and locked.
    fixed: Vec<usize>,
    /// Whether to leave out the sections group.
    hide_sections: bool,
    /// Called with an option index to tick or untick it.
    on_toggle: Callback<usize>,
) -> impl IntoView {
    let groups = Facet::ALL
        .into_iter()
        .filter(|&f| !(hide_sections && f == Facet::Section))
        .filter_map(|facet| {
            let options: Vec<(usize, String)> = browse
                .facets
                .options()
                .iter()
                .enumerate()
                .filter(|(_, o)| o.facet == facet)
                .map(|(i, o)| (i, o.label.clone()))
                .collect();
            (!options.is_empty()).then(|| {
                let items = options
                    .into_iter()
                    .map(|(i, label)| {
                        let locked = fixed.contains(&i);
                        let checked = move || outcome.with(|o| o.selected.contains(&i));
                        let count = move || outcome.with(|o| o.counts.get(i).copied().unwrap_or(0));
                        let id = format!("facet-{i}");
                        view! {
                            <li class="facet-option">
                                <input
                                    type="checkbox"
                                    id=id.clone()
                                    checked=untrack(checked)
                                    prop:checked=checked
                                    disabled=move || locked || (count() == 0 && !checked())
                                    on:change=move |_| on_toggle.run(i)
                                />
                                <label for=id>
                                    {label}
                                    " "
                                    <span class="facet-count">{move || format!("({})", count())}</span>
                                </label>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <fieldset class="facet needs-app">
                        <legend>{facet.label()}</legend>
                        <ul>{items}</ul>
                    </fieldset>
                }
            })
        })
        .collect_view();
    view! {
        <p class="facet-hint needs-app">
            "Ticking more options in one group widens the results (any of them); options in different groups narrow them (all groups must match)."
        </p>
        {groups}
    }
}

/// The selected options as removable chips, and "clear all".
#[component]
pub fn FilterChips(
    /// The catalog's facets, for labels.
    browse: Arc<BrowseIndex>,
    /// The current outcome, for the selection.
    outcome: Memo<BrowseOutcome>,
    /// Options fixed by the view: not removable, so not shown.
    fixed: Vec<usize>,
    /// Called with an option index to remove it.
    on_remove: Callback<usize>,
    /// Called to remove every removable option.
    on_clear: Callback<()>,
) -> impl IntoView {
    move || {
        let chosen: Vec<usize> =
            outcome.with(|o| o.selected.iter().copied().filter(|i| !fixed.contains(i)).collect());
        (!chosen.is_empty()).then(|| {
            let chips = chosen
                .into_iter()
                .map(|i| {
                    let label = browse.facets.options()[i].label.clone();
                    view! {
                        <li>
                            <button
                                type="button"
                                class="chip"
                                aria-label=format!("Remove filter: {label}")
                                on:click=move |_| on_remove.run(i)
                            >
                                {label.clone()}
                                <span aria-hidden="true">" ×"</span>
                            </button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="chips" data-testid="chips">
                    <ul aria-label="Selected filters">{chips}</ul>
                    <button type="button" class="link-button" on:click=move |_| on_clear.run(())>"Clear all filters"</button>
                </div>
            }
        })
    }
}

/// The sort control. "Best match" is offered only when there is a search.
#[component]
pub fn SortSelect(
    /// The current state.
    state: Memo<BrowseState>,
    /// Called with the chosen order.
    on_sort: Callback<Sort>,
) -> impl IntoView {
    let options = move || {
        let searching = state.with(|s| !s.query.trim().is_empty());
        let current = state.with(BrowseState::effective_sort);
        [Sort::Relevance, Sort::Newest, Sort::Title]
            .into_iter()
            .filter(|&s| searching || s != Sort::Relevance)
            .map(|s| view! { <option value=s.key() selected=s == current>{s.label()}</option> })
            .collect_view()
    };
    view! {
        <div class="sort needs-app">
            <label for="sort-order">"Sort by"</label>
            <select
                id="sort-order"
                prop:value=move || state.with(|s| s.effective_sort().key())
                on:change=move |ev| {
                    if let Some(sort) = Sort::from_key(&event_target_value(&ev)) {
                        on_sort.run(sort);
                    }
                }
            >
                {options}
            </select>
        </div>
    }
}
