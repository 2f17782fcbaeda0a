//! Fixture helpers shared by the native tests of `core`.
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
