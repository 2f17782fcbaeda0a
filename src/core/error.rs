//! Errors met while loading a dataset, written for the person who has to fix the file.

use std::fmt;
use thiserror::Error;

/// One problem in a dataset, located by record and field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The record, for example `resource "diabetes-blueprint"`, `resources[3]` (when it has
    /// no readable id), `meta`, or `dataset` for the file as a whole.
    pub record: String,
    /// The field within the record, for example `links[0].url`; empty when the problem is
    /// with the record as a whole.
    pub field: String,
    /// What is wrong, in plain words.
    pub message: String,
}

impl Problem {
    /// A problem with `field` of `record`.
    pub fn new(
        record: impl Into<String>,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Problem { record: record.into(), field: field.into(), message: message.into() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}: {}", self.record, self.message)
        } else {
            write!(f, "{}, field \"{}\": {}", self.record, self.field, self.message)
        }
    }
}

/// Why a dataset could not be used.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum DatasetError {
    /// The text is not JSON at all.
    #[error(
        "the dataset is not valid JSON: {message} (line {line}, column {column}{})",
        within(.record, .field)
    )]
    Syntax {
        /// What the parser said.
        message: String,
        /// Line of the error, from 1.
        line: usize,
        /// Column of the error, in bytes from 1 (0 at the very start of a line).
        column: usize,
        /// The record the parser had reached, named as in [`Problem::record`]; `dataset`
        /// when it stopped outside any record.
        record: String,
        /// The field of that record it had reached last (the error is in or just after its
        /// value), or empty.
        field: String,
    },
    /// The file declares a schema version this build does not understand.
    #[error("{} (field \"schema_version\")", schema_message("the dataset", found, *expected))]
    UnknownSchema {
        /// What the file says, as JSON (or "none" when it says nothing).
        found: String,
        /// What this build reads.
        expected: u32,
    },
    /// A field is missing, has the wrong type, or is not part of the schema.
    #[error("{0}")]
    Shape(Problem),
    /// The file is larger than this app reads; it was not parsed.
    #[error("the dataset is {}, more than the {} this app reads", megabytes(*.bytes), megabytes(*.limit))]
    TooLarge {
        /// Its size in bytes (or at least this many, when it was refused while arriving).
        bytes: usize,
        /// The most this app reads.
        limit: usize,
    },
    /// The file parsed but breaks one or more rules.
    #[error("the dataset has {} problem(s); the first is: {}", .0.len(), .0.first().map(ToString::to_string).unwrap_or_default())]
    Invalid(Vec<Problem>),
}

impl DatasetError {
    /// Every located problem, for listing one per line.
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            DatasetError::Syntax { message, line, column, record, field } => vec![Problem::new(
                record.as_str(),
                field.as_str(),
                format!("not valid JSON: {message} (line {line}, column {column})"),
            )],
            DatasetError::UnknownSchema { found, expected } => vec![Problem::new(
                "dataset",
                "schema_version",
                schema_message("the file", found, *expected),
            )],
            DatasetError::Shape(p) => vec![p.clone()],
            DatasetError::TooLarge { .. } => vec![Problem::new("dataset", "", self.to_string())],
            DatasetError::Invalid(ps) => ps.clone(),
        }
    }
}

/// Bytes in megabytes with one decimal where it matters: "10 MB", "12.5 MB".
fn megabytes(bytes: usize) -> String {
    let tenths = bytes.div_ceil(100_000);
    match tenths % 10 {
        0 => format!("{} MB", tenths / 10),
        d => format!("{}.{d} MB", tenths / 10),
    }
}

/// "{who} has schema version 2, but this app reads version 1", or "has no schema version".
fn schema_message(who: &str, found: &str, expected: u32) -> String {
    if found == "none" {
        format!("{who} has no schema version; this app reads version {expected}")
    } else {
        format!("{who} has schema version {found}, but this app reads version {expected}")
    }
}

/// `, in resource "x", field "title"` for a syntax error's message; nothing when the parser
/// stopped outside any record and field.
fn within(record: &str, field: &str) -> String {
    match (record, field.is_empty()) {
        ("dataset", true) => String::new(),
        (_, true) => format!(", in {record}"),
        (_, false) => format!(", in {record}, field \"{field}\""),
    }
}
