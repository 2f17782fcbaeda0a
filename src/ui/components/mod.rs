//! Reusable view pieces, one concern per file.

pub mod browse;
pub mod cards;
pub mod compare_chart;
pub mod compare_table;
pub mod copy;
pub mod download;
pub mod embed;
pub mod facets;
pub mod figures;
pub mod highlight;
pub mod layout;
pub mod links;
pub mod notices;
pub mod search_box;
pub mod state;
pub mod status;
pub mod suggestions;
pub mod title;
pub mod without_app;

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::browse::BrowseIndex;
use crate::core::catalog::Catalog;
use crate::ui::search_index::LazySearch;

/// The loaded catalog, provided by the app once the dataset has arrived.
pub fn use_catalog() -> Arc<Catalog> {
    expect_context::<Arc<Catalog>>()
}

/// The search index over the catalog, built when search is first used.
pub fn use_search() -> LazySearch {
    expect_context::<LazySearch>()
}

/// The facets and orderings of the catalog, built the first time a view asks for them.
pub fn use_browse() -> Arc<BrowseIndex> {
    expect_context::<Arc<crate::ui::app::LazyBrowse>>().get()
}
