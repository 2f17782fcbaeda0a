//! Turning dataset text into a checked [`Dataset`].
//!
//! Loading goes in three steps, each with its own kind of error: the text must be JSON
//! ([`DatasetError::Syntax`], located by line, column and the record and field the parser had
//! reached); the schema version must be one this build reads ([`DatasetError::UnknownSchema`]),
//! checked before the shape so an old or future file gets the right message; then the shape
//! must match the model ([`DatasetError::Shape`]), located like a syntax error by the
//! position serde_json reports. Finally [`validate`] checks the rules a type cannot express.
//!
//! Every error names a record (`resource "diabetes-blueprint"`, `resources[3]`, `meta` or
//! `dataset`) and a field within it, the same way [`validate`] does, so an editor can go
//! straight to the place to fix. Text quoted from the file is shortened, so a huge value
//! cannot make a huge message.

use serde_json::Value;

mod trusted;

use super::error::{DatasetError, Problem};
use super::model::{Dataset, SCHEMA_VERSION};
use super::validate::{is_slug, validate};

/// Longest message quoted from the parser, in characters; longer ones are cut with `…`.
const MAX_MESSAGE: usize = 500;
/// Longest field name quoted from the file, in characters.
const MAX_KEY: usize = 80;
/// Most steps shown in a path; deeper nesting is cut with `…`.
const MAX_STEPS: usize = 10;

/// The largest dataset this app reads, in bytes: 10 MB, about 1,400 times today's file
/// (some 10,000 resources with long summaries). A larger file is refused before it is parsed,
/// so a wrong or hostile file cannot make the page run out of memory.
pub const MAX_DATASET_BYTES: usize = 10 * 1000 * 1000;

/// Refuses a dataset of `bytes` bytes when it is over [`MAX_DATASET_BYTES`].
pub fn check_size(bytes: usize) -> Result<(), DatasetError> {
    if bytes > MAX_DATASET_BYTES {
        return Err(DatasetError::TooLarge { bytes, limit: MAX_DATASET_BYTES });
    }
    Ok(())
}

/// A fingerprint of dataset text: equal texts give equal fingerprints, and a changed text
/// almost surely a different one. The app compares the copy it started with and the
/// network's copy by it, so that an unchanged dataset is not parsed and checked a second
/// time (at 10,000 resources that check was one task of 104 to 116 ms on the page, measured
/// by `make bench`), and the text it downloads with the one the build checked ([`read`]).
/// std's SipHash with fixed keys: already in the app for its hash maps, 2 ms natively over a
/// file of the largest size allowed, and the same natively and in wasm32 (a native and a
/// wasm test pin one value).
pub fn fingerprint(text: &str) -> u64 {
    use std::hash::Hasher;
    let mut hasher = std::hash::DefaultHasher::new();
    hasher.write(text.as_bytes());
    hasher.finish()
}

/// Parses and validates dataset text.
pub fn load(text: &str) -> Result<Dataset, DatasetError> {
    check_size(text.len())?;
    checked(parse(text)?)
}

/// Reads dataset text straight into the model, without checking the rules of [`validate`],
/// when it is the very text the build checked: `checked` is that text's [`fingerprint`],
/// which the build writes into every page and into the widget's script. For that text it
/// gives what [`load`] gives, or `None` where its reader declines a form (see [`trusted`]);
/// for any other text, `None`. The app checks and explains every text it gets `None` for
/// with [`load`], which it downloads only then (in the comparison's chunk; `src/ui/split.rs`
/// says why): checking the rules and locating a parse error is code a good, unchanged file
/// never needs (7.6 KB brotli of the first visit; see the README's Size), and so is serde.
///
/// The fingerprint tells the build's own text from another by accident, not against forgery:
/// shown text is never HTML and links are checked again where they are shown, whatever the
/// dataset.
pub fn read(text: &str, checked: u64) -> Option<Dataset> {
    read_printed(text, fingerprint(text), checked)
}

/// [`read`], for a caller that already has the text's [`fingerprint`] (`print`): the app
/// keeps it anyway, and hashing a large file twice would only lengthen its start.
pub fn read_printed(text: &str, print: u64, checked: u64) -> Option<Dataset> {
    if print != checked {
        return None;
    }
    trusted::dataset(without_bom(text)).filter(|dataset| dataset.schema_version == SCHEMA_VERSION)
}

/// `dataset` if it keeps every rule of [`validate`].
fn checked(dataset: Dataset) -> Result<Dataset, DatasetError> {
    let problems = validate(&dataset);
    if problems.is_empty() {
        Ok(dataset)
    } else {
        Err(DatasetError::Invalid(problems))
    }
}

/// `text` without a leading byte-order mark, which browsers drop when they decode the
/// download, so that the validator and the app read the same.
fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// The text read straight into the model, once: the dataset, or the schema version it
/// declares when that is not this build's; the parser's error when it does not fit.
fn typed(text: &str) -> Result<Result<Dataset, DatasetError>, serde_json::Error> {
    serde_json::from_str::<Dataset>(text).map(|dataset| {
        if dataset.schema_version == SCHEMA_VERSION {
            Ok(dataset)
        } else {
            Err(DatasetError::UnknownSchema {
                found: dataset.schema_version.to_string(),
                expected: SCHEMA_VERSION,
            })
        }
    })
}

/// Parses dataset text into the model without checking the rules of [`validate`].
///
/// A leading byte-order mark is ignored (see [`without_bom`]). A field given twice in one
/// object is an error rather than the last one silently winning.
pub fn parse(text: &str) -> Result<Dataset, DatasetError> {
    let text = without_bom(text);
    // A good file is read once, straight into the model. Only when that fails is it read
    // again as plain JSON, to tell a syntax error or another schema version from a shape
    // error, in that order.
    let shape_error = match typed(text) {
        Ok(dataset) => return dataset,
        Err(e) => e,
    };
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let (steps, id, _) = steps_at(text, offset_of(text, e.line(), e.column()));
        let (record, field) = place(&steps, |_, _| id.clone());
        DatasetError::Syntax {
            message: strip_position(&e.to_string()),
            line: e.line(),
            column: e.column(),
            record,
            field,
        }
    })?;
    check_schema_version(&value)?;
    // The typed model was read from the text, not from `value`: a JSON value has already
    // dropped all but the last of a repeated key, and the text's errors carry a line and
    // column. The error's position says which record and field are wrong (as for syntax
    // errors).
    Err({
        let e = shape_error;
        let message = strip_position(&e.to_string());
        let mut at = offset_of(text, e.line(), e.column());
        // A list or object where something else belongs is reported at the `,`, `:` or `[`
        // before it, as the parser only peeked at its bracket: take the bracket in, so the
        // place is that value's own.
        if ["invalid type: sequence", "invalid type: map"].iter().any(|p| message.starts_with(p)) {
            // Column 0 means the line's first byte is next; otherwise `at` is the last byte
            // read. Only whitespace may lie between it and the bracket.
            let from = if e.column() == 0 { at } else { at + 1 };
            let rest = text.as_bytes().get(from..).unwrap_or_default();
            if let Some(i) = rest.iter().position(|b| !b.is_ascii_whitespace()) {
                if matches!(rest[i], b'[' | b'{') {
                    at = from + i + 1;
                }
            }
        }
        let (mut steps, _, innermost_named) = steps_at(text, at);
        // serde reports a missing field at the end of its record, and an unknown or repeated
        // one at its key, before the key is complete: the position is inside the record, past
        // the previous field (if any), so name the field the message names instead.
        let named = ["missing field `", "duplicate field `", "unknown field `"]
            .iter()
            .find_map(|prefix| message.strip_prefix(prefix)?.split('`').next());
        if let Some(name) = named {
            if innermost_named {
                steps.pop();
            }
            steps.push(Step::Key(readable(name, MAX_KEY)));
        }
        let (record, field) = place(&steps, |list, i| {
            value.get(list)?.get(i)?.get("id")?.as_str().map(str::to_owned)
        });
        let message = format!(
            "{} (line {}, column {})",
            readable(&message, MAX_MESSAGE),
            e.line(),
            e.column()
        );
        DatasetError::Shape(Problem::new(record, field, message))
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
        Some(v) => Err(DatasetError::UnknownSchema {
            found: readable(&v.to_string(), 40),
            expected: SCHEMA_VERSION,
        }),
        None => Err(DatasetError::UnknownSchema { found: "none".into(), expected: SCHEMA_VERSION }),
    }
}

/// serde_json appends " at line L column C"; the position is reported separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// `text` cut to `max` characters (with `…`) and with control characters made visible as
/// `�`, so quoting it cannot flood or garble a message.
fn readable(text: &str, max: usize) -> String {
    let mut out: String =
        text.chars().take(max).map(|c| if c.is_control() { '\u{FFFD}' } else { c }).collect();
    if text.chars().nth(max).is_some() {
        out.push('…');
    }
    out
}

/// One step of a path into the document.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    /// A field of an object.
    Key(String),
    /// An item of a list.
    Index(usize),
}

/// Splits a path such as `resources[3].links[0].url` into a record and the field within it,
/// the way [`validate`] names them: `resource "id"` (or `resources[3]` when the record has no
/// readable id, as `id_of(list, index)` tells) and `links[0].url`; `meta` and `title`; or
/// `dataset` and a top-level field such as `headlines[0]`.
fn place(steps: &[Step], id_of: impl Fn(&str, usize) -> Option<String>) -> (String, String) {
    match steps {
        [] => ("dataset".into(), String::new()),
        [Step::Key(list), Step::Index(i), rest @ ..] if list != "headlines" => {
            let record = match id_of(list, *i) {
                Some(id) if is_slug(&id) => format!("{} \"{id}\"", singular(list)),
                _ => format!("{list}[{i}]"),
            };
            (record, join(rest))
        }
        [Step::Key(meta), rest @ ..] if meta == "meta" && !rest.is_empty() => {
            ("meta".into(), join(rest))
        }
        _ => ("dataset".into(), join(steps)),
    }
}

/// `links[0].url` from its steps, cut after [`MAX_STEPS`].
fn join(steps: &[Step]) -> String {
    let mut out = String::new();
    for step in steps.iter().take(MAX_STEPS) {
        match step {
            Step::Key(key) if out.is_empty() => out.push_str(key),
            Step::Key(key) => {
                out.push('.');
                out.push_str(key);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    if steps.len() > MAX_STEPS {
        out.push('…');
    }
    out
}

/// The byte offset just before the parser's error position (1-based line, column in bytes).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(line - 2).map_or(text.len(), |(i, _)| i + 1)
    };
    (line_start + column.saturating_sub(1)).min(text.len())
}

/// An object or list open at some point of the text.
enum Frame {
    /// `key` is the last field named; `id` the record's `id`, once read.
    Object { key: Option<String>, id: Option<String>, expect_key: bool },
    /// `index` is the item begun last; `awaiting` is true after `[` or `,`.
    List { index: Option<usize>, next: usize, awaiting: bool },
}

/// Where the text stops making sense: the path of the last value begun before `offset`, and
/// the id of the top-level record it is in when that was read before. The text before the
/// parser's error position is a valid start of a JSON document, so a light scan suffices;
/// it never fails, whatever the text. The flag says whether the innermost open object has
/// named a field (so the last step is that field rather than the object's own place).
fn steps_at(text: &str, offset: usize) -> (Vec<Step>, Option<String>, bool) {
    let mut stack: Vec<Frame> = Vec::new();
    let mut string: Option<(Vec<u8>, bool)> = None; // (bytes so far, is a key)
    let mut escaped = false;
    for &b in &text.as_bytes()[..offset.min(text.len())] {
        if let Some((bytes, is_key)) = &mut string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                let s = String::from_utf8_lossy(bytes).into_owned();
                let is_key = *is_key;
                string = None;
                if let Some(Frame::Object { key, id, .. }) = stack.last_mut() {
                    if is_key {
                        *key = Some(readable(&s, MAX_KEY));
                    } else if key.as_deref() == Some("id") {
                        *id = Some(s);
                    }
                }
                continue;
            }
            if bytes.len() <= 4 * MAX_KEY {
                bytes.push(b);
            }
            continue;
        }
        if b.is_ascii_whitespace() {
            continue;
        }
        match b {
            b'}' | b']' => {
                stack.pop();
            }
            b':' => {
                if let Some(Frame::Object { expect_key, .. }) = stack.last_mut() {
                    *expect_key = false;
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { expect_key, .. }) => *expect_key = true,
                Some(Frame::List { awaiting, .. }) => *awaiting = true,
                None => {}
            },
            _ => {
                // A value (or a key) begins.
                let is_key = matches!(stack.last(), Some(Frame::Object { expect_key: true, .. }));
                if let Some(Frame::List { index, next, awaiting: awaiting @ true }) =
                    stack.last_mut()
                {
                    *index = Some(*next);
                    *next += 1;
                    *awaiting = false;
                }
                match b {
                    b'"' => string = Some((Vec::new(), is_key)),
                    b'{' => stack.push(Frame::Object { key: None, id: None, expect_key: true }),
                    b'[' => stack.push(Frame::List { index: None, next: 0, awaiting: true }),
                    _ => {}
                }
            }
        }
    }
    let mut steps = Vec::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(key), .. } => steps.push(Step::Key(key.clone())),
            Frame::List { index: Some(i), .. } => steps.push(Step::Index(*i)),
            _ => break,
        }
    }
    let innermost_named =
        steps.len() == stack.len() && matches!(stack.last(), Some(Frame::Object { .. }));
    let id = match stack.get(2) {
        Some(Frame::Object { id, .. }) if matches!(stack.first(), Some(Frame::Object { .. })) => {
            id.clone()
        }
        _ => None,
    };
    (steps, id, innermost_named)
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
