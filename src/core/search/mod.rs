//! Client-side full-text search: an inverted index with BM25 ranking, prefix matching on
//! the term being typed, typo tolerance with a second chance before "no results", other
//! names (aliases) found like titles, and highlighted snippets.
//!
//! The pieces, each replaceable on its own: [`text`] folds and stems words; [`index`]
//! builds the term dictionary and postings, other names also as whole names; [`query`]
//! expands and scores query terms, and retries with one more edit when nothing matches;
//! [`fuzzy`] finds dictionary terms within a few edits; [`snippet`] marks matched words.
//! [`documents`] turns the catalog's resources into searchable documents and says which of
//! their other names explain a hit.
//!
//! No external crate does the work: the normalisation, stemming and edit-distance parts a
//! crate could provide are each a few dozen lines here, and the crates that do them well
//! (`unicode-normalization`, `rust-stemmers`, `strsim`, `fst`) would each add tables or
//! code to a wasm binary whose size is a feature, for behaviour we can state and test.

pub mod documents;
pub mod fuzzy;
pub mod index;
pub mod query;
pub mod snippet;
pub mod terms;
pub mod text;

pub use index::{IndexBuilder, SearchDoc, SearchIndex};

use crate::core::catalog::Catalog;
use crate::core::model::Resource;
pub use query::{Hit, QueryOptions, SearchResults};
pub use snippet::{Highlighter, Segment};

/// The engine's entry points (adding documents, finishing an index, running a query) as
/// function pointers. A binary that reaches the engine only through an `Engine` it obtained
/// at run time lets the linker and `wasm-split` leave the engine's code out of its main
/// module: the site's app gets it from a chunk that downloads after the app is ready, when
/// the index is first asked for (`src/main.rs`). That took 10.7 KB brotli off the bytes
/// until the app is ready (225.8 to 215.1 KB, measured with `make size`); a visit that stays
/// still downloads them, once the browser is idle.
#[derive(Clone, Copy)]
pub struct Engine {
    /// Adds a resource of a catalog, as [`documents::resource_doc`] makes it searchable (see
    /// [`IndexBuilder::add`]): with the engine, since only building the index needs it (1.5
    /// KB of code before optimising, out of the site's main module).
    pub add: fn(&mut IndexBuilder, &Catalog, &Resource),
    /// Goes on finishing an index while a check says so (see [`IndexBuilder::finish_some`]).
    pub finish_some: fn(&mut IndexBuilder, &mut dyn FnMut() -> bool) -> bool,
    /// Finishes an index (see [`IndexBuilder::finish`]).
    pub finish: fn(IndexBuilder) -> SearchIndex,
    /// Runs a query (see [`SearchIndex::search`]).
    pub search: fn(&SearchIndex, &str, QueryOptions) -> SearchResults,
    /// Marks the words of a text that match a query's terms (see [`Highlighter`]): with the
    /// engine, since matching folds text with Unicode's lower-casing, whose tables alone are
    /// 11.5 KB (the search box's suggestions come from the engine anyway).
    pub highlight: fn(&[String], &str) -> Vec<Segment>,
}

impl Engine {
    /// The engine, linked into whichever module calls this.
    pub fn linked() -> Engine {
        Engine {
            add: |builder, catalog, resource| {
                builder.add(documents::resource_doc(catalog, resource))
            },
            finish_some: IndexBuilder::finish_some,
            finish: IndexBuilder::finish,
            search: SearchIndex::search,
            highlight: |terms, text| Highlighter::new(terms).highlight(text),
        }
    }
}
