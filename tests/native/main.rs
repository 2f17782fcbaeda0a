//! The native tests: `core` against fixtures and the shipped dataset, the pages and reference
//! files rendered natively, the `validate` command, and the end-to-end tests' own support code.
//! One test binary with a module per area, as the end-to-end tests are, rather than one binary
//! per file: each of the 25 binaries linked the library and its dependencies (Leptos' `ssr`
//! build among them, through the workspace's features) again, on every change to the library.

#[path = "../common/mod.rs"]
mod common;
#[path = "../support/mod.rs"]
mod support;
// The benchmarks' seeded corpora, for tests that need more text than the shipped dataset.
#[path = "../bench/synthetic.rs"]
mod synthetic;

mod alias_sources;
mod catalog_lookups;
mod compare_clusters;
mod embed_and_routes;
mod export_csv;
mod filter_facets;
mod format_figures;
mod honest_figures;
mod hostile_datasets;
mod links_safety;
mod page_meta;
mod paths_and_titles;
mod read_trusted;
mod reference_files;
mod search_engine;
mod search_other_names;
mod search_properties;
mod search_recall;
mod search_relevance;
mod shipped_dataset;
mod support_selftest;
mod toolchain_pins;
mod url_state;
mod validate_command;
mod validate_properties;
mod validate_rules;
