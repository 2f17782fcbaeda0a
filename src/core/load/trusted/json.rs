//! A JSON text as a tree, for [`super::dataset`]: the parser of the reader of the build's own
//! text, without error messages (its module doc says why).

/// Deepest nesting read; the model's is five (dataset, list, figure, source, page).
const MAX_DEPTH: u8 = 32;

/// The JSON value of the whole of `text`, if it is JSON (or close to it: see the module doc
/// of [`super`]), nested no deeper than [`MAX_DEPTH`].
pub(super) fn parse(text: &str) -> Option<Json> {
    let mut parser = Parser { text, at: 0 };
    let value = parser.value(0)?;
    parser.skip_space();
    (parser.at == text.len()).then_some(value)
}

/// A JSON value. An object keeps its fields in order, as a list: the model's objects have a
/// handful of fields, and a list is less code than a map.
pub(super) enum Json {
    Null,
    Bool,
    Number(f64),
    Text(String),
    List(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// Reads `text` from its byte `at` on.
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
