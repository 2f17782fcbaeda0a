//! Reusable view pieces, one concern per file.

pub mod cards;
pub mod figures;
pub mod layout;
pub mod links;
pub mod state;
pub mod title;

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::catalog::Catalog;

/// The loaded catalog, provided by the app once the dataset has arrived.
pub fn use_catalog() -> Arc<Catalog> {
    expect_context::<Arc<Catalog>>()
}
