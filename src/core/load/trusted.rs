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
//! IEEE operation gives exactly (see `Parser::number`): 192.4 KB, 5.4 KB more than no read.
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

use crate::core::model::{
    Cluster, Dataset, Expertise, Figure, FigureSource, Link, Measure, Meta, Qualifier, Resource,
    Section, SourcePage, Tag, TagKind,
};

/// Deepest nesting read; the model's is five (dataset, list, figure, source, page).
const MAX_DEPTH: u8 = 32;

/// The dataset in `text`, if it is one the model can hold.
pub(super) fn dataset(text: &str) -> Option<Dataset> {
    let mut parser = Parser { text, at: 0 };
    let value = parser.value(0)?;
    parser.skip_space();
    if parser.at != text.len() {
        return None;
    }
    Dataset::from_json(value)
}

/// A JSON value. An object keeps its fields in order, as a list: the model's objects have a
/// handful of fields, and a list is less code than a map.
enum Json {
    Null,
    Bool,
    Number(f64),
    Text(String),
    List(Vec<Json>),
    Object(Vec<(String, Json)>),
}

struct Parser<'a> {
    text: &'a str,
    /// Byte offset of the next unread byte; always on a character boundary.
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    /// Skips space, then `byte` if it comes next.
    fn eat(&mut self, byte: u8) -> bool {
        self.skip_space();
        let next = self.peek() == Some(byte);
        self.at += usize::from(next);
        next
    }

    /// Skips `word` if it comes next.
    fn word(&mut self, word: &str) -> Option<()> {
        self.text[self.at..].starts_with(word).then(|| self.at += word.len())
    }

    fn value(&mut self, depth: u8) -> Option<Json> {
        self.skip_space();
        Some(match self.peek()? {
            b'{' if depth < MAX_DEPTH => {
                self.at += 1;
                let mut fields = Vec::new();
                if !self.eat(b'}') {
                    loop {
                        self.skip_space();
                        let key = self.string()?;
                        self.eat(b':').then_some(())?;
                        fields.push((key, self.value(depth + 1)?));
                        if !self.eat(b',') {
                            self.eat(b'}').then_some(())?;
                            break;
                        }
                    }
                }
                Json::Object(fields)
            }
            b'[' if depth < MAX_DEPTH => {
                self.at += 1;
                let mut items = Vec::new();
                if !self.eat(b']') {
                    loop {
                        items.push(self.value(depth + 1)?);
                        if !self.eat(b',') {
                            self.eat(b']').then_some(())?;
                            break;
                        }
                    }
                }
                Json::List(items)
            }
            b'"' => Json::Text(self.string()?),
            b't' => self.word("true").map(|()| Json::Bool)?,
            b'f' => self.word("false").map(|()| Json::Bool)?,
            b'n' => self.word("null").map(|()| Json::Null)?,
            _ => Json::Number(self.number()?),
        })
    }

    /// A number, when it is exact in one IEEE operation: at most 2^53 written without its
    /// point and exponent, times or divided by a power of ten up to 10^22 (both exact in an
    /// `f64`, so the one rounding gives the nearest `f64`, as serde_json's parse does). Any
    /// other number is `None`, and the app then checks the text with [`super::load`]: the
    /// dataset's figures are a few digits each, and a parser for every number (core's
    /// `str::parse`) brings 10.4 KB of tables and 6 KB of code into the app's start.
    fn number(&mut self) -> Option<f64> {
        const EXACT: u64 = 1 << 53;
        let negative = self.peek() == Some(b'-');
        self.at += usize::from(negative);
        let mut digits: u64 = 0;
        let mut scale: i32 = 0;
        let mut seen = false;
        let mut point = false;
        while let Some(byte) = self.peek() {
            match byte {
                b'0'..=b'9' => {
                    digits = digits.checked_mul(10)?.checked_add(u64::from(byte - b'0'))?;
                    scale = scale.checked_sub(i32::from(point))?;
                    seen = true;
                }
                b'.' if !point && seen => point = true,
                _ => break,
            }
            self.at += 1;
        }
        if !seen || digits > EXACT {
            return None;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            let minus = self.peek() == Some(b'-');
            self.at += usize::from(matches!(self.peek(), Some(b'-' | b'+')));
            let mut exponent: i32 = 0;
            let start = self.at;
            while let Some(digit @ b'0'..=b'9') = self.peek() {
                exponent = exponent.checked_mul(10)?.checked_add(i32::from(digit - b'0'))?;
                self.at += 1;
            }
            (self.at > start).then_some(())?;
            scale = scale.checked_add(if minus { -exponent } else { exponent })?;
        }
        if scale.unsigned_abs() > 22 {
            return None;
        }
        let power = (0..scale.unsigned_abs()).fold(1.0, |p: f64, _| p * 10.0);
        let magnitude = if scale < 0 { digits as f64 / power } else { digits as f64 * power };
        Some(if negative { -magnitude } else { magnitude })
    }

    /// A string, its escapes decoded; the parser is on its opening quote.
    fn string(&mut self) -> Option<String> {
        (self.peek()? == b'"').then_some(())?;
        self.at += 1;
        let mut out = String::new();
        loop {
            let rest = &self.text.as_bytes()[self.at..];
            let plain = rest.iter().position(|&b| b == b'"' || b == b'\\')?;
            out.push_str(&self.text[self.at..self.at + plain]);
            self.at += plain + 1;
            if rest[plain] == b'"' {
                return Some(out);
            }
            let escaped = self.peek()?;
            self.at += 1;
            out.push(match escaped {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'u' => self.escaped_char()?,
                _ => return None,
            });
        }
    }

    /// The character of a `\u` escape (the parser is past the `u`), with the second half of
    /// a surrogate pair when the first calls for one.
    fn escaped_char(&mut self) -> Option<char> {
        let first = self.hex4()?;
        if !(0xD800..0xDC00).contains(&first) {
            return char::from_u32(first);
        }
        self.word("\\u")?;
        let second = self.hex4()?;
        if !(0xDC00..0xE000).contains(&second) {
            return None;
        }
        char::from_u32(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.text.as_bytes().get(self.at..self.at + 4)?;
        self.at += 4;
        digits.iter().try_fold(0, |sum, &d| Some(sum * 16 + char::from(d).to_digit(16)?))
    }
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

/// The kebab-case name of a unit variant, as the model's `rename_all` writes it.
fn variant<T: Copy>(value: Json, names: &[(&str, T)]) -> Option<T> {
    let name = String::from_json(value)?;
    names.iter().find(|(n, _)| *n == name).map(|&(_, v)| v)
}

impl FromJson for TagKind {
    fn from_json(value: Json) -> Option<Self> {
        variant(
            value,
            &[
                ("theme", TagKind::Theme),
                ("region", TagKind::Region),
                ("organisation", TagKind::Organisation),
                ("resource-type", TagKind::ResourceType),
            ],
        )
    }
}

impl FromJson for Qualifier {
    fn from_json(value: Json) -> Option<Self> {
        variant(
            value,
            &[
                ("over", Qualifier::Over),
                ("almost", Qualifier::Almost),
                ("about", Qualifier::About),
                ("up-to", Qualifier::UpTo),
            ],
        )
    }
}

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
