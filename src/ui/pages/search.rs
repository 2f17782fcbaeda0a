//! Search results: the browse machinery with the query from the URL, so tag filters and sort
//! work alongside the search, and results are highlighted.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::core::paths::Paths;
use crate::ui::components::browse::Browse;
use crate::ui::components::title::use_document_title;

/// The search results view.
#[component]
pub fn SearchPage() -> impl IntoView {
    let query_map = use_query_map();
    use_document_title(move || {
        let q = query_map.read().get("q").unwrap_or_default();
        Some(if q.trim().is_empty() { "Search".into() } else { format!("Search: {}", q.trim()) })
    });
    view! {
        <h1>"Search"</h1>
        <Browse path=Paths::search("")/>
    }
}
