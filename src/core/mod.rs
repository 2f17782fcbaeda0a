//! Pure logic: the dataset model, its validation, look-ups and formatting.
//!
//! Nothing here knows about the browser or Leptos, so all of it is tested natively with
//! `cargo test`; the views in `ui` only call into it.

pub mod bitset;
pub mod bounds;
pub mod browse;
pub mod catalog;
pub mod citation;
pub mod compare;
pub mod compare_state;
pub mod embed;
pub mod error;
pub mod export;
pub mod filter;
pub mod format;
pub mod links;
pub mod load;
pub mod model;
pub mod nesting;
pub mod page_meta;
pub mod paths;
pub mod provenance;
pub mod reference_files;
pub mod route;
pub mod search;
pub mod url_state;
pub mod validate;
pub mod written;
