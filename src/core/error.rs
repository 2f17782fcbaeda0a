//! Errors met while loading a dataset, written for the person who has to fix the file.

use std::fmt;
use thiserror::Error;

/// One problem in a dataset, located by record and field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The record, for example `resource "diabetes-blueprint"` or `resources[3]`.
    pub record: String,
    /// The field within the record, for example `links[0].url`.
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
    #[error("the dataset is not valid JSON: {message} (line {line}, column {column})")]
    Syntax {
        /// What the parser said.
        message: String,
        /// Line of the error, from 1.
        line: usize,
        /// Column of the error, from 1.
        column: usize,
    },
    /// The file declares a schema version this build does not understand.
    #[error("the dataset has schema version {found}, but this app reads version {expected}")]
    UnknownSchema {
        /// What the file says (or "none").
        found: String,
        /// What this build reads.
        expected: u32,
    },
    /// A field is missing, has the wrong type, or is not part of the schema.
    #[error("{0}")]
    Shape(Problem),
    /// The file parsed but breaks one or more rules.
    #[error("the dataset has {} problem(s); the first is: {}", .0.len(), .0.first().map(ToString::to_string).unwrap_or_default())]
    Invalid(Vec<Problem>),
}

impl DatasetError {
    /// Every located problem, for listing one per line.
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            DatasetError::Shape(p) => vec![p.clone()],
            DatasetError::Invalid(ps) => ps.clone(),
            other => vec![Problem::new("dataset", "", other.to_string())],
        }
    }
}
