//! The catalog's resources as searchable documents.

use super::index::{SearchDoc, SearchIndex};
use crate::core::catalog::Catalog;

/// Builds the index over every resource of the catalog, in dataset order: title, summary,
/// publisher and partners, tag labels, and the labels of the resource's figures.
pub fn index_catalog(catalog: &Catalog) -> SearchIndex {
    SearchIndex::build(catalog.data().resources.iter().map(|r| SearchDoc {
        title: &r.title,
        summary: &r.summary,
        people: r.publisher.iter().chain(&r.partners).map(String::as_str).collect(),
        tags: catalog.tags_of(r).map(|t| t.label.as_str()).collect(),
        labels: catalog.figures_of(&r.id).into_iter().map(|f| f.label.as_str()).collect(),
    }))
}
