//! Search results: the browse machinery with the query from the URL, so tag filters and sort
//! work alongside the search, and results are highlighted.

use leptos::prelude::*;

use crate::core::paths::Paths;
use crate::core::url_state::query_value;
use crate::ui::components::browse::Browse;
use crate::ui::components::title::use_document_title;
use crate::ui::nav::use_nav;

/// The search results view.
#[component]
pub fn SearchPage() -> impl IntoView {
    let search = use_nav().search();
    use_document_title(move || {
        let q = search.with(|s| query_value(s, "q"));
        Some(if q.trim().is_empty() { "Search".into() } else { format!("Search: {}", q.trim()) })
    });
    view! {
        <h1>"Search"</h1>
        // One note where the app cannot run, beside the filters, rather than one above them
        // saying nearly the same: the results below are every resource either way.
        <Browse path=Paths::search("") needs="Searching, filtering and sorting need JavaScript"/>
    }
}
