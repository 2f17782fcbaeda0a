//! Fixture helpers shared by the native tests of `core` and the end-to-end tests.
#![allow(dead_code)]

use serde_json::Value;

use mhr::core::error::Problem;
use mhr::core::load::load;
use mhr::core::model::Dataset;

/// The minimal valid dataset, as JSON text.
pub const MINIMAL: &str = include_str!("../fixtures/minimal.json");

/// The real dataset shipped with the app.
pub const REAL: &str = include_str!("../../data/dataset.json");

/// The minimal dataset as a JSON value, to be broken by a test.
pub fn minimal_value() -> Value {
    serde_json::from_str(MINIMAL).expect("the minimal fixture is JSON")
}

/// The minimal dataset, parsed and valid.
pub fn minimal() -> Dataset {
    load(MINIMAL).expect("the minimal fixture is valid")
}

/// The real dataset, parsed and valid.
pub fn real() -> Dataset {
    load(REAL).expect("the shipped dataset is valid")
}

/// Sets (or adds) the field at a JSON pointer such as `/resources/0/links/0/url`.
pub fn set(v: &mut Value, pointer: &str, new: Value) {
    if let Some(slot) = v.pointer_mut(pointer) {
        *slot = new;
        return;
    }
    let (parent, key) = pointer.rsplit_once('/').expect("pointer has a parent");
    match v.pointer_mut(parent) {
        Some(Value::Object(map)) => {
            map.insert(key.to_string(), new);
        }
        _ => panic!("fixture has no object at {parent}"),
    }
}

/// Removes the field at a JSON pointer.
pub fn remove(v: &mut Value, pointer: &str) {
    let (parent, key) = pointer.rsplit_once('/').expect("pointer has a parent");
    let parent = v.pointer_mut(parent).unwrap_or_else(|| panic!("fixture has no {parent}"));
    match parent {
        Value::Object(map) => {
            map.remove(key);
        }
        Value::Array(items) => {
            items.remove(key.parse::<usize>().expect("array index"));
        }
        _ => panic!("{pointer} is not inside an object or array"),
    }
}

/// The problems `load` reports for a dataset value; panics if it loads.
pub fn problems_of(v: &Value) -> Vec<Problem> {
    match load(&v.to_string()) {
        Ok(_) => panic!("expected the dataset to be rejected"),
        Err(e) => e.problems(),
    }
}

/// Asserts some problem names this record and a field containing `field`.
pub fn assert_problem(problems: &[Problem], record: &str, field: &str) {
    assert!(
        problems.iter().any(|p| p.record == record && p.field.contains(field)),
        "expected a problem at {record} / {field}, got: {problems:#?}"
    );
}

/// The source page the dataset was compiled from: a copy of `../shared/seed/` kept with the
/// tests, so that a claim "the page says this" is checked in any checkout.
pub const SOURCE_PAGE: &str =
    include_str!("../fixtures/sources/midlands-health-resources-page.txt");

/// The verified facts and addresses behind the dataset: a copy of `../shared/sources/`.
pub const VERIFIED_SOURCES: &str = include_str!("../fixtures/sources/resources.md");

/// Text folded for "does the source say this": lower case, every run of white space one
/// space, curly apostrophes straight.
pub fn folded(text: &str) -> String {
    text.to_lowercase().replace('\u{2019}', "'").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The shipped dataset with its search index, as the app builds them.
pub struct RealSearch {
    /// The catalog over the shipped dataset.
    pub catalog: mhr::core::catalog::Catalog,
    /// Its search index.
    pub index: mhr::core::search::SearchIndex,
}

impl RealSearch {
    /// Loads the shipped dataset and indexes it.
    pub fn load() -> RealSearch {
        let catalog = mhr::core::catalog::Catalog::new(real());
        let index = mhr::core::search::documents::index_catalog(&catalog);
        RealSearch { catalog, index }
    }

    /// Ids of the first `n` resources a query finds, as typed in the search box.
    pub fn top(&self, query: &str, n: usize) -> Vec<String> {
        let opts = mhr::core::search::QueryOptions { limit: n, prefix_last: true };
        let r = self.index.search(query, opts);
        r.hits.iter().map(|h| self.catalog.data().resources[h.doc as usize].id.clone()).collect()
    }
}
