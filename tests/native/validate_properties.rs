//! The loader and validator never panic, whatever they are given, and every refusal says
//! where the problem is. Longer runs over raw bytes: the cargo-fuzz target in `fuzz/`.

use mhr::core::error::DatasetError;
use mhr::core::load::{fingerprint, load, parse, read};
use mhr::core::model::SCHEMA_VERSION;
use proptest::prelude::*;
use serde_json::{Map, Value};

const MINIMAL: &str = include_str!("../fixtures/minimal.json");

fn minimal_value() -> Value {
    serde_json::from_str(MINIMAL).expect("the minimal fixture is JSON")
}

/// Field names of the model, so random objects often look like parts of a dataset.
const KEYS: &[&str] = &[
    "schema_version",
    "meta",
    "sections",
    "tags",
    "expertise",
    "clusters",
    "measures",
    "resources",
    "figures",
    "headlines",
    "id",
    "title",
    "summary",
    "label",
    "kind",
    "section",
    "resource",
    "measure",
    "cluster",
    "links",
    "url",
    "link_note",
    "year",
    "value",
    "uk_share",
    "unit",
    "aliases",
];

fn key() -> impl Strategy<Value = String> {
    prop_oneof![3 => prop::sample::select(KEYS).prop_map(String::from), 1 => "\\PC{0,12}"]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_filter_map("JSON has no NaN or infinity", |f| {
            serde_json::Number::from_f64(f).map(Value::Number)
        }),
        prop::sample::select(&[0u32, 1, 2][..]).prop_map(Value::from),
        "\\PC{0,20}".prop_map(Value::String),
        "[a-z]{1,6}(-[a-z]{1,6})?".prop_map(Value::String),
        "(https?|javascript|data|mailto): ?[a-z/.@]{0,12}".prop_map(Value::String),
        "[\\x00-\\x1f\u{200b}\u{202e}]{1,3}".prop_map(Value::String),
    ]
}

/// Any JSON value, up to a few levels deep.
fn json() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..6)
                .prop_map(|fields| Value::Object(fields.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// An object with the right schema version and random top-level fields, so the value gets
/// past the version check to the shape and the rules.
fn dataset_like() -> impl Strategy<Value = Value> {
    prop::collection::vec((key(), json()), 0..10).prop_map(|fields| {
        let mut map: Map<String, Value> = fields.into_iter().collect();
        map.insert("schema_version".into(), Value::from(SCHEMA_VERSION));
        Value::Object(map)
    })
}

/// Every JSON pointer in `v`, the root included.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                pointers(child, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                pointers(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

/// One edit to the minimal dataset.
#[derive(Debug, Clone)]
enum Mutation {
    /// Replace the value at a pointer.
    Replace(Value),
    /// Delete the key or item at a pointer.
    Delete,
    /// Add a field to the object at a pointer (or just above it).
    Insert(String, Value),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        json().prop_map(Mutation::Replace),
        Just(Mutation::Delete),
        (key(), json()).prop_map(|(k, v)| Mutation::Insert(k, v)),
    ]
}

/// Applies `edits` (each at the pointer picked by its index) to the minimal dataset.
fn mutate(edits: &[(prop::sample::Index, Mutation)]) -> Value {
    let mut root = minimal_value();
    for (pick, edit) in edits {
        let mut all = Vec::new();
        pointers(&root, String::new(), &mut all);
        let pointer = all[pick.index(all.len())].clone();
        match edit {
            Mutation::Replace(new) => {
                if let Some(slot) = root.pointer_mut(&pointer) {
                    *slot = new.clone();
                }
            }
            Mutation::Delete | Mutation::Insert(..) if pointer.is_empty() => {}
            Mutation::Delete => {
                let (parent, last) = pointer.rsplit_once('/').expect("not the root");
                let last = last.replace("~1", "/").replace("~0", "~");
                match root.pointer_mut(parent) {
                    Some(Value::Object(map)) => {
                        map.remove(&last);
                    }
                    Some(Value::Array(items)) => {
                        items.remove(last.parse::<usize>().expect("an index"));
                    }
                    _ => {}
                }
            }
            Mutation::Insert(k, new) => {
                let parent = pointer.rsplit_once('/').map_or("", |(p, _)| p);
                for at in [pointer.as_str(), parent] {
                    if let Some(Value::Object(map)) = root.pointer_mut(at) {
                        map.insert(k.clone(), new.clone());
                        break;
                    }
                }
            }
        }
    }
    root
}

/// What any refusal must carry: a message, and at least one problem, each with a record,
/// and none of them long. And the app's way in for the build's own text agrees ([`check_read`]).
fn check_refusal(text: &str) -> Result<(), TestCaseError> {
    check_read(text)?;
    if let Err(e) = load(text) {
        let message = e.to_string();
        prop_assert!(!message.trim().is_empty());
        prop_assert!(message.chars().count() < 2_000, "{} characters", message.len());
        let problems = e.problems();
        prop_assert!(!problems.is_empty(), "{e:?}");
        for p in &problems {
            prop_assert!(!p.record.is_empty() && !p.message.is_empty(), "{p:?}");
            prop_assert!(p.to_string().chars().count() < 2_000, "{p:?}");
        }
    }
    Ok(())
}

/// [`read`], the app's way in for the text the build checked: for a text [`parse`] accepts,
/// the model as `parse` reads it (the rules are the build's to check), which for a good text
/// is what [`load`] gives, or nothing where its reader declines (a number outside the range
/// it reads exactly: `tests/native/read_trusted.rs` asserts what it does read). What it gives
/// for a text `parse` refuses is not specified (its reader is more lenient than JSON), only
/// that it returns. Under any other fingerprint, nothing (the app then checks the text with
/// `load`).
pub(crate) fn check_read(text: &str) -> Result<(), TestCaseError> {
    let checked = fingerprint(text);
    let read_as_checked = read(text, checked);
    if let (Some(read), Ok(parsed)) = (&read_as_checked, parse(text)) {
        prop_assert_eq!(read, &parsed);
        if let Ok(dataset) = load(text) {
            prop_assert_eq!(read, &dataset);
        }
    }
    prop_assert_eq!(read(text, checked.wrapping_add(1)), None);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_json_value_is_loaded_or_refused_with_a_located_problem(v in json()) {
        check_refusal(&v.to_string())?;
        check_refusal(&serde_json::to_string_pretty(&v).unwrap())?;
    }

    #[test]
    fn any_object_with_the_right_version_is_loaded_or_refused(v in dataset_like()) {
        check_refusal(&v.to_string())?;
    }

    #[test]
    fn any_edits_to_a_valid_dataset_are_loaded_or_refused(
        edits in prop::collection::vec((any::<prop::sample::Index>(), mutation()), 1..4)
    ) {
        check_refusal(&mutate(&edits).to_string())?;
    }

    #[test]
    fn any_text_is_loaded_or_refused(text in "\\PC{0,200}") {
        check_refusal(&text)?;
    }

    #[test]
    fn text_spliced_into_a_valid_dataset_is_loaded_or_refused(
        at in any::<prop::sample::Index>(),
        cut in 0usize..20,
        insert in "\\PC{0,8}|[{}\\[\\]:,\"\\\\]{1,3}",
    ) {
        let chars: Vec<char> = MINIMAL.chars().collect();
        let start = at.index(chars.len());
        let end = (start + cut).min(chars.len());
        let text: String = chars[..start]
            .iter()
            .copied()
            .chain(insert.chars())
            .chain(chars[end..].iter().copied())
            .collect();
        check_refusal(&text)?;
    }

    #[test]
    fn every_truncation_is_a_syntax_error_with_a_position(at in any::<prop::sample::Index>()) {
        let body = MINIMAL.trim_end();
        let mut cut = at.index(body.len());
        while !body.is_char_boundary(cut) {
            cut -= 1;
        }
        match load(&body[..cut]) {
            Err(DatasetError::Syntax { line, .. }) => prop_assert!(line >= 1),
            other => prop_assert!(false, "cut at {cut}: {other:?}"),
        }
    }
}

/// Where the validator should say a value at `pointer` of the minimal dataset is: its record
/// (by id, or by position when the id itself is broken) and field.
fn expected_place(root: &Value, pointer: &str) -> (String, String) {
    let steps: Vec<&str> = pointer.trim_start_matches('/').split('/').collect();
    let field = |rest: &[&str]| {
        rest.iter().fold(String::new(), |mut out, s| {
            match s.parse::<usize>() {
                Ok(i) => out.push_str(&format!("[{i}]")),
                Err(_) if out.is_empty() => out.push_str(s),
                Err(_) => out.push_str(&format!(".{s}")),
            }
            out
        })
    };
    match steps.as_slice() {
        ["meta", rest @ ..] => ("meta".into(), field(rest)),
        ["headlines", ..] => ("dataset".into(), field(&steps)),
        [list, i, rest @ ..] if rest == ["id"] => (format!("{list}[{i}]"), "id".into()),
        [list, i, rest @ ..] => {
            let id = root[*list][i.parse::<usize>().unwrap()]["id"].as_str().unwrap();
            let singular = match *list {
                "expertise" => "expertise area".to_string(),
                other => other.trim_end_matches('s').to_string(),
            };
            (format!("{singular} \"{id}\""), field(rest))
        }
        _ => ("dataset".into(), field(&steps)),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn a_wrong_type_anywhere_is_named_by_its_record_and_field(
        pick in any::<prop::sample::Index>(),
        wrong in prop_oneof![
            any::<i32>().prop_map(Value::from),
            any::<bool>().prop_map(Value::Bool),
            Just(serde_json::json!([])),
            Just(serde_json::json!({ "en": "nested" })),
        ],
    ) {
        let mut root = minimal_value();
        let mut all = Vec::new();
        pointers(&root, String::new(), &mut all);
        let strings: Vec<&String> =
            all.iter().filter(|p| root.pointer(p).is_some_and(Value::is_string)).collect();
        let pointer = strings[pick.index(strings.len())].clone();
        let (record, field) = expected_place(&root, &pointer);
        *root.pointer_mut(&pointer).unwrap() = wrong;
        match load(&root.to_string()) {
            Err(DatasetError::Shape(p)) => {
                prop_assert_eq!((&p.record, &p.field), (&record, &field), "{}: {}", pointer, p);
                prop_assert!(p.message.contains("line "), "{}", p);
            }
            other => prop_assert!(false, "{pointer}: {other:?}"),
        }
    }
}

#[test]
fn the_unedited_minimal_dataset_loads() {
    assert!(load(&mutate(&[]).to_string()).is_ok());
}
