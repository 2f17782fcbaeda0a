//! Reading the text the build checked into the model: a JSON reader of our own, for the
//! start of every page.
//!
//! Why not serde_json, which [`super::parse`] uses: serde's derived visitors for our model,
//! with serde_json's parser, number parsing and error positions, were 21.5 KB brotli of the
//! app's main module, a tenth of the first visit (208.5 KB with them, 187.0 KB with no read at
//! all; measured on 2026-12-07 with `make size`). Why not a smaller crate: nanoserde's derive
//! made the first visit 8.1 KB larger than serde's, and tinyjson's parser alone (before any
//! conversion into the model) 25.4 KB larger than no read; both build error messages, which
//! links float formatting and their `Debug` impls into the app, and both parse numbers with
//! core's `str::parse`, whose tables alone are 10.4 KB. This reader keeps no error (a text it
//! cannot read is `None`, and [`super::load`] explains it) and reads only the numbers one
//! IEEE operation gives exactly (see `json::Parser::number`): 192.4 KB, 5.4 KB more than no read.
//!
//! It is only meant for a text [`super::load`] accepts: for those it gives the same dataset,
//! or `None` (the app then checks the text with [`super::load`]) for a number outside that
//! exact range and for forms serde also reads that the dataset does not use (a record
//! written as a list of its fields, a unit variant written as an object). The native tests
//! compare the two on every fixture, every generated dataset, escapes and numbers written by
//! hand. It is more lenient than JSON elsewhere (a raw control character in a string, a
//! number such as `01`; unknown and repeated fields, which serde refuses, are skipped or one
//! of them is taken), and never panics, on any text: nesting is bounded, every slice is cut
//! at an ASCII byte, and arithmetic on numbers is checked.

mod json;

use json::Json;

use crate::core::model::{
    Cluster, Dataset, Expertise, Figure, FigureSource, Link, Measure, Meta, Qualifier, Resource,
    Section, SourcePage, Tag, TagKind,
};

/// The dataset in `text`, if it is one the model can hold.
pub(super) fn dataset(text: &str) -> Option<Dataset> {
    Dataset::from_json(json::parse(text)?)
}

/// A model type read from a JSON value; `None` when the value does not fit it.
trait FromJson: Sized {
    fn from_json(value: Json) -> Option<Self>;
}

impl FromJson for String {
    fn from_json(value: Json) -> Option<Self> {
        match value {
            Json::Text(text) => Some(text),
            _ => None,
        }
    }
}

impl FromJson for f64 {
    fn from_json(value: Json) -> Option<Self> {
        match value {
            Json::Number(number) => Some(number),
            _ => None,
        }
    }
}

/// A whole number of at most `max`, as serde reads one into an unsigned integer.
fn whole(value: Json, max: u32) -> Option<u32> {
    let number = f64::from_json(value)?;
    (number.fract() == 0.0 && (0.0..=f64::from(max)).contains(&number)).then_some(number as u32)
}

impl FromJson for u32 {
    fn from_json(value: Json) -> Option<Self> {
        whole(value, u32::MAX)
    }
}

impl FromJson for u16 {
    fn from_json(value: Json) -> Option<Self> {
        whole(value, u16::MAX.into()).map(|n| n as u16)
    }
}

impl FromJson for u8 {
    fn from_json(value: Json) -> Option<Self> {
        whole(value, u8::MAX.into()).map(|n| n as u8)
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: Json) -> Option<Self> {
        match value {
            Json::List(items) => items.into_iter().map(T::from_json).collect(),
            _ => None,
        }
    }
}

/// `null` is `None`, as serde reads an `Option`.
impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: Json) -> Option<Self> {
        match value {
            Json::Null => Some(None),
            value => T::from_json(value).map(Some),
        }
    }
}

/// [`FromJson`] for a unit-only enum of the model, each variant by the kebab-case name the
/// model's `rename_all` gives it.
macro_rules! unit_variants {
    ($type:ident { $($name:literal => $variant:ident),* $(,)? }) => {
        impl FromJson for $type {
            fn from_json(value: Json) -> Option<Self> {
                match String::from_json(value)?.as_str() {
                    $($name => Some($type::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

unit_variants!(TagKind {
    "theme" => Theme,
    "region" => Region,
    "organisation" => Organisation,
    "resource-type" => ResourceType,
});
unit_variants!(Qualifier { "over" => Over, "almost" => Almost, "about" => About, "up-to" => UpTo });

/// `"source-page"`, or `{"page": {…}}`: serde's external tagging.
impl FromJson for FigureSource {
    fn from_json(value: Json) -> Option<Self> {
        match value {
            Json::Text(name) => (name == "source-page").then_some(FigureSource::SourcePage),
            Json::Object(fields) => {
                let [(name, page)]: [(String, Json); 1] = fields.try_into().ok()?;
                (name == "page").then_some(())?;
                Some(FigureSource::Page(SourcePage::from_json(page)?))
            }
            _ => None,
        }
    }
}

/// An object's fields, taken one by one into a model type's fields.
struct Fields(Vec<(String, Json)>);

impl Fields {
    fn of(value: Json) -> Option<Self> {
        match value {
            Json::Object(fields) => Some(Fields(fields)),
            _ => None,
        }
    }

    fn take(&mut self, key: &str) -> Option<Json> {
        let at = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.swap_remove(at).1)
    }

    /// A field the model requires.
    fn get<T: FromJson>(&mut self, key: &str) -> Option<T> {
        T::from_json(self.take(key)?)
    }

    /// A field the model marks `#[serde(default)]`: its default when absent.
    fn or_default<T: FromJson + Default>(&mut self, key: &str) -> Option<T> {
        self.take(key).map_or(Some(T::default()), T::from_json)
    }
}

/// [`FromJson`] for a record of the model, as serde's derive reads it: each field by its own
/// name, required, or `= default` for one marked `#[serde(default)]` (its default when absent).
macro_rules! record {
    ($type:ident { $($field:ident $(= $default:ident)?),* $(,)? }) => {
        impl FromJson for $type {
            fn from_json(value: Json) -> Option<Self> {
                let mut f = Fields::of(value)?;
                Some($type { $($field: record!(@field f, $field $(, $default)?),)* })
            }
        }
    };
    (@field $f:ident, $field:ident) => {
        $f.get(stringify!($field))?
    };
    (@field $f:ident, $field:ident, default) => {
        $f.or_default(stringify!($field))?
    };
}

record!(Dataset {
    schema_version,
    meta,
    sections,
    tags,
    expertise,
    clusters,
    measures,
    resources,
    figures,
    headlines
});
record!(Meta { title, description, source, curator, licence, updated });
record!(Section { id, title, summary });
record!(Tag { id, label, kind, aliases = default });
record!(Expertise { id, title, summary, tags = default, links = default });
record!(Cluster { id, name, resource, summary, part_of = default });
record!(Measure { id, label, definition = default });
record!(Resource {
    id,
    title,
    section,
    summary,
    publisher = default,
    partners = default,
    year = default,
    date = default,
    covers = default,
    tags,
    aliases = default,
    links = default,
    link_note = default,
});
record!(Link { url, label });
record!(Figure {
    id,
    resource,
    cluster = default,
    measure,
    label,
    value = default,
    unit,
    qualifier = default,
    uk_share = default,
    period = default,
    note = default,
    source = default,
    decimals = default,
});
record!(SourcePage { label, url = default });
