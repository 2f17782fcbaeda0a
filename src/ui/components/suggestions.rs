//! The search box's suggestions: the options of its list, and what its status line says of
//! them.
//!
//! The box ([`super::search_box`]) shows them only once the index has answered a query, and
//! the index needs the search engine's code, which the site's and the widget's binaries
//! download from the chunk `search` when the box is first used. So this code is reached only
//! through [`Suggestions`], which those binaries take from a split point in the same chunk
//! (`src/ui/split.rs`; [`crate::ui::search_index::SearchCode`]): the loader downloads a chunk
//! once, so by the time there are results to show it is there. Measured: 2.0 KB brotli less in
//! the main module of each binary (README, Size).

use leptos::prelude::*;

use super::highlight::Highlighted;
use super::search_box::{choose, Choosing};
use super::{use_catalog, use_search};
use crate::core::paths::Paths;
use crate::core::search::SearchResults;
use crate::ui::nav::{use_nav, Nav};

/// The suggestions' view, as the binary supplies it (see the module documentation).
#[derive(Clone, Copy)]
pub struct Suggestions {
    /// The options of the list, for the box's results.
    pub list: fn(Choosing) -> AnyView,
    /// What the status line announces of open results.
    pub status: fn(&SearchResults) -> String,
}

impl Suggestions {
    /// The suggestions' view, linked into whichever module calls this.
    pub fn linked() -> Suggestions {
        Suggestions { list, status }
    }
}

/// The options: each suggestion, then "all results" (or "search for" when there is none).
fn list(choosing: Choosing) -> AnyView {
    let Choosing { results, text, .. } = choosing;
    let catalog = use_catalog();
    let index = use_search();
    let nav = use_nav();
    let items = move || {
        let Some(r) = results.get() else { return Vec::new() };
        // Results come only from a built index, whose engine marks the matches.
        let Some(searcher) = index.get() else { return Vec::new() };
        let mut items: Vec<_> = r
            .hits
            .iter()
            .enumerate()
            .map(|(i, hit)| {
                let resource = &catalog.data().resources[hit.doc as usize];
                let title = searcher.highlight(&r.highlight, &resource.title);
                let section =
                    catalog.section(&resource.section).map(|s| s.title.clone()).unwrap_or_default();
                let body = view! {
                    <span class="suggestion-title"><Highlighted segments=title/></span>
                    <span class="suggestion-meta">{section}</span>
                };
                option(i, choosing, &nav, Paths::resource(&resource.id), body.into_any())
            })
            .collect();
        let label = if r.total == 0 {
            format!("Search for \u{201c}{}\u{201d}", text.get_untracked().trim())
        } else {
            format!("See all {} result{}", r.total, if r.total == 1 { "" } else { "s" })
        };
        let all = view! { <span class="suggestion-all">{label}</span> }.into_any();
        let all_path = Paths::search(&text.get_untracked());
        items.push(option(r.hits.len(), choosing, &nav, all_path, all));
        items
    };
    items.into_any()
}

/// What the status line says of open results.
fn status(r: &SearchResults) -> String {
    if r.hits.is_empty() {
        return "No suggestions. Press Enter to search.".to_string();
    }
    format!(
        "{} suggestion{}{}{}. Use the up and down arrows to choose.",
        r.hits.len(),
        if r.hits.len() == 1 { "" } else { "s" },
        r.corrected.as_ref().map(|c| format!(" for \u{201c}{c}\u{201d}")).unwrap_or_default(),
        if r.partial { ", matching some of your words" } else { "" }
    )
}

/// One option of the listbox. Mouse-down is taken so the input keeps focus while clicking.
fn option(i: usize, choosing: Choosing, nav: &Nav, path: String, body: AnyView) -> AnyView {
    let (active, nav) = (choosing.active, nav.clone());
    view! {
        <li
            id=format!("suggestion-{i}")
            role="option"
            class="suggestion"
            aria-selected=move || (active.get() == Some(i)).to_string()
            on:mousedown=move |ev| ev.prevent_default()
            on:click=move |_| choose(choosing, &nav, path.clone())
        >
            {body}
        </li>
    }
    .into_any()
}
