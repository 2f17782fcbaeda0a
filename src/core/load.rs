//! Turning dataset text into a checked [`Dataset`].
//!
//! Loading goes in three steps, each with its own kind of error: the text must be JSON
//! ([`DatasetError::Syntax`]); the schema version must be one this build reads
//! ([`DatasetError::UnknownSchema`]), checked before the shape so an old or future file gets
//! the right message; then the shape must match the model, with `serde_path_to_error` naming
//! the exact field that does not ([`DatasetError::Shape`]). Finally [`validate`] checks the
//! rules a type cannot express.

use serde_json::Value;

use super::error::{DatasetError, Problem};
use super::model::{Dataset, SCHEMA_VERSION};
use super::validate::validate;

/// Parses and validates dataset text.
pub fn load(text: &str) -> Result<Dataset, DatasetError> {
    let dataset = parse(text)?;
    let problems = validate(&dataset);
    if problems.is_empty() {
        Ok(dataset)
    } else {
        Err(DatasetError::Invalid(problems))
    }
}

/// Parses dataset text into the model without checking the rules of [`validate`].
pub fn parse(text: &str) -> Result<Dataset, DatasetError> {
    let value: Value = serde_json::from_str(text).map_err(|e| DatasetError::Syntax {
        message: strip_position(&e.to_string()),
        line: e.line(),
        column: e.column(),
    })?;
    check_schema_version(&value)?;
    serde_path_to_error::deserialize(&value).map_err(|e| {
        let path = e.path().to_string();
        let message = strip_position(&e.inner().to_string());
        DatasetError::Shape(locate(&value, &path, message))
    })
}

fn check_schema_version(value: &Value) -> Result<(), DatasetError> {
    let Some(object) = value.as_object() else {
        return Err(DatasetError::Shape(Problem::new(
            "dataset",
            "",
            "the file must hold one JSON object with the dataset's fields",
        )));
    };
    match object.get("schema_version") {
        Some(v) if v.as_u64() == Some(u64::from(SCHEMA_VERSION)) => Ok(()),
        Some(v) => {
            Err(DatasetError::UnknownSchema { found: v.to_string(), expected: SCHEMA_VERSION })
        }
        None => Err(DatasetError::UnknownSchema { found: "none".into(), expected: SCHEMA_VERSION }),
    }
}

/// serde_json appends " at line L column C", which means nothing once we parse from a value.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// Splits a path such as `resources[3].links[0].url` into a record (`resource "id"`, using the
/// record's id when it has a readable one) and the field within it (`links[0].url`).
fn locate(root: &Value, path: &str, message: String) -> Problem {
    if path.is_empty() || path == "." {
        return Problem::new("dataset", "", message);
    }
    let (head, field) = match path.split_once('.') {
        Some((head, field)) => (head, field),
        None => (path, ""),
    };
    let Some((list, index)) = head.strip_suffix(']').and_then(|h| h.split_once('[')) else {
        // A top-level field such as `meta` or `headlines`.
        return Problem::new("dataset", path, message);
    };
    let id = index
        .parse::<usize>()
        .ok()
        .and_then(|i| root.get(list)?.get(i)?.get("id")?.as_str().map(str::to_owned));
    let record = match id {
        Some(id) if !id.is_empty() && id.len() <= 80 => format!("{} \"{id}\"", singular(list)),
        _ => head.to_string(),
    };
    Problem::new(record, field, message)
}

/// The name of one record of a top-level list, for messages.
pub(crate) fn singular(list: &str) -> &str {
    match list {
        "sections" => "section",
        "tags" => "tag",
        "expertise" => "expertise area",
        "clusters" => "cluster",
        "measures" => "measure",
        "resources" => "resource",
        "figures" => "figure",
        "headlines" => "headline",
        other => other,
    }
}
