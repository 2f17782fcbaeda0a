//! Text normalisation for search: folding, tokenising and light stemming.
//!
//! Every piece of text (documents and queries alike) goes through [`Tokens`], so a query
//! term and a document term meet in the same form: lower case, accents removed ("Café" and
//! "cafe" are one term), apostrophes dropped, split on anything that is not a letter or
//! digit, and stemmed lightly by [`stem`].
//!
//! Folding and stemming are written here rather than taken from `unicode-normalization` and
//! `rust-stemmers`: those bring tables and full Snowball stemmers that would add tens of
//! kilobytes to the wasm for a corpus that is English with the odd accented name, and a
//! full Porter stemmer over-merges ("university" and "universe"), which hurts a directory
//! of organisation names. The rules here are few, tested, and easy to reason about.

/// Words too common to help ranking or filtering; they are neither indexed nor required.
const STOP_WORDS: [&str; 24] = [
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "of",
    "on", "or", "that", "the", "their", "to", "was", "which", "with",
];

/// A word of up to eight bytes as one integer, so the stop-word check is integer compares
/// rather than a string comparison per stop word (it runs for every token indexed).
const fn pack(word: &[u8]) -> u64 {
    let mut x = 0u64;
    let mut i = 0;
    while i < word.len() && i < 8 {
        x = (x << 8) | word[i] as u64;
        i += 1;
    }
    x
}

const PACKED_STOP_WORDS: [u64; 24] = {
    let mut out = [0u64; 24];
    let mut i = 0;
    while i < 24 {
        out[i] = pack(STOP_WORDS[i].as_bytes());
        i += 1;
    }
    out
};

/// True for words that are skipped.
pub fn is_stop_word(word: &str) -> bool {
    word.len() <= 5 && PACKED_STOP_WORDS.contains(&pack(word.as_bytes()))
}

/// Class bit of ASCII letters and digits.
const WORD: u8 = 1;
/// Class bit of ASCII capitals.
const UPPER: u8 = 2;
/// The class of each byte (non-ASCII bytes are 0 and take the slow path), so the
/// tokenizer's inner loop is one table look-up per byte.
const CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            WORD | UPPER
        } else if c.is_ascii_alphanumeric() {
            WORD
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Longest term kept, in bytes; longer runs of letters are cut, so a 10,000-character word
/// costs no more than a normal one.
pub const MAX_TERM_BYTES: usize = 32;

/// Folds one character to its lower-case, accent-free form, pushing it to `out`.
/// Returns false when the character separates words.
#[inline]
fn fold_into(c: char, out: &mut String) -> bool {
    if c.is_ascii() {
        return if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            true
        } else {
            false
        };
    }
    if !c.is_alphanumeric() {
        return false;
    }
    let base = match c {
        'à'..='å' | 'À'..='Å' | 'ā' | 'Ā' | 'ă' | 'Ă' | 'ą' | 'Ą' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'Ç' | 'ć' | 'Ć' | 'č' | 'Č' => "c",
        'ď' | 'Ď' | 'đ' | 'Đ' | 'ð' | 'Ð' => "d",
        'è'..='ë' | 'È'..='Ë' | 'ē' | 'Ē' | 'ė' | 'Ė' | 'ę' | 'Ę' | 'ě' | 'Ě' => "e",
        'ì'..='ï' | 'Ì'..='Ï' | 'ī' | 'Ī' | 'į' | 'Į' | 'ı' => "i",
        'ł' | 'Ł' | 'ľ' | 'Ľ' => "l",
        'ñ' | 'Ñ' | 'ń' | 'Ń' | 'ň' | 'Ň' => "n",
        'ò'..='ö' | 'Ò'..='Ö' | 'ø' | 'Ø' | 'ō' | 'Ō' | 'ő' | 'Ő' => "o",
        'œ' | 'Œ' => "oe",
        'ř' | 'Ř' => "r",
        'ś' | 'Ś' | 'š' | 'Š' | 'ş' | 'Ş' => "s",
        'ß' => "ss",
        'ť' | 'Ť' | 'ţ' | 'Ţ' => "t",
        'ù'..='ü' | 'Ù'..='Ü' | 'ū' | 'Ū' | 'ů' | 'Ů' | 'ű' | 'Ű' => "u",
        'ý' | 'Ý' | 'ÿ' | 'Ÿ' => "y",
        'ź' | 'Ź' | 'ż' | 'Ż' | 'ž' | 'Ž' => "z",
        'þ' | 'Þ' => "th",
        _ => {
            out.extend(c.to_lowercase());
            return true;
        }
    };
    out.push_str(base);
    true
}

/// Light English stemming: plurals, possessives and the commonest verb endings, so
/// "inequalities" meets "inequality" and "funded" meets "funding". Short words are left
/// alone so that "bus" or "gas" keep their meaning.
pub fn stem(word: &mut String) {
    let b = word.as_bytes();
    let len = b.len();
    // Most words end in none of s, g, d: leave them without further checks.
    let cut = match b.last() {
        Some(b's') if len > 4 && b.ends_with(b"ies") && !matches!(b[len - 4], b'e' | b'a') => {
            Some((3, Some('y'), false))
        }
        Some(b's')
            if len > 4
                && (b.ends_with(b"sses")
                    || b.ends_with(b"ches")
                    || b.ends_with(b"shes")
                    || b.ends_with(b"xes")) =>
        {
            Some((2, None, false))
        }
        Some(b's') if len > 3 && !matches!(b[len - 2], b's' | b'u' | b'i' | b'y') => {
            Some((1, None, false))
        }
        Some(b'g') if len > 6 && b.ends_with(b"ing") => Some((3, None, true)),
        Some(b'd') if len > 5 && b[len - 2] == b'e' && b[len - 3] != b'e' => Some((2, None, true)),
        _ => None,
    };
    if let Some((n, add, verb)) = cut {
        word.truncate(len - n);
        if let Some(c) = add {
            word.push(c);
        } else if verb {
            undouble(word);
        }
    }
}

/// "planned" -> "plann" -> "plan"; keeps "ll" and "ss" ("skilled" -> "skill").
fn undouble(word: &mut String) {
    let b = word.as_bytes();
    let n = b.len();
    if n >= 2 && b[n - 1] == b[n - 2] && !matches!(b[n - 1], b'l' | b's' | b'z') {
        word.pop();
    }
}

/// Iterates over the terms of a text, reusing one buffer per call of [`Tokens::next_into`].
pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Tokens<'a> {
    /// Tokens of `text`.
    pub fn new(text: &'a str) -> Self {
        Tokens { text, pos: 0 }
    }

    /// Writes the next term (folded, stemmed, stop words skipped) into `buf` and returns
    /// its byte range in the text, or `None` at the end.
    pub fn next_into(&mut self, buf: &mut String) -> Option<(usize, usize)> {
        self.next_raw(buf, true)
    }

    /// Like [`Tokens::next_into`], with the choice of stemming and without skipping stop
    /// words when `stemmed` is false (used for the term being typed).
    ///
    /// ASCII bytes take a fast path (most text is ASCII); other characters are decoded and
    /// folded one by one. An apostrophe inside a word joins its parts ("sector's").
    pub fn next_raw(&mut self, buf: &mut String, stemmed: bool) -> Option<(usize, usize)> {
        let bytes = self.text.as_bytes();
        loop {
            buf.clear();
            let mut i = self.pos;
            // Skip to the next letter or digit.
            loop {
                let b = *bytes.get(i)?;
                if b < 128 {
                    if CLASS[b as usize] & WORD != 0 {
                        break;
                    }
                    i += 1;
                } else {
                    let c = self.text[i..].chars().next()?;
                    if c.is_alphanumeric() {
                        break;
                    }
                    i += c.len_utf8();
                }
            }
            let start = i;
            // Fast path: a word of ASCII letters and digits, copied at once and lower-cased
            // only when it has a capital.
            let mut ascii_end = i;
            let mut capitals = 0;
            while let Some(&b) = bytes.get(ascii_end) {
                let class = CLASS[b as usize];
                if class & WORD == 0 {
                    break;
                }
                capitals |= class & UPPER;
                ascii_end += 1;
            }
            let next = bytes.get(ascii_end).copied();
            let joins = next.is_some_and(|b| b >= 128)
                || (next == Some(b'\'')
                    && bytes.get(ascii_end + 1).is_some_and(u8::is_ascii_alphanumeric));
            if !joins {
                buf.push_str(&self.text[i..ascii_end.min(i + MAX_TERM_BYTES)]);
                if capitals != 0 {
                    buf.make_ascii_lowercase();
                }
                i = ascii_end;
            }
            while let Some(&b) = bytes.get(i).filter(|_| joins) {
                if b < 128 {
                    if b.is_ascii_alphanumeric() {
                        if buf.len() < MAX_TERM_BYTES {
                            buf.push(b.to_ascii_lowercase() as char);
                        }
                        i += 1;
                    } else if b == b'\'' && bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)
                    {
                        i += 1;
                    } else {
                        break;
                    }
                } else {
                    let Some(c) = self.text[i..].chars().next() else { break };
                    let before = buf.len();
                    if fold_into(c, buf) {
                        if buf.len() > MAX_TERM_BYTES {
                            buf.truncate(before);
                        }
                    } else if c != '\u{2019}' {
                        break;
                    }
                    i += c.len_utf8();
                }
            }
            self.pos = i;
            if stemmed {
                if is_stop_word(buf) {
                    continue;
                }
                stem(buf);
            }
            return Some((start, i));
        }
    }
}

/// All terms of a text, stemmed, stop words skipped.
pub fn terms(text: &str) -> Vec<String> {
    let mut tokens = Tokens::new(text);
    let mut buf = String::new();
    let mut out = Vec::new();
    while tokens.next_into(&mut buf).is_some() {
        out.push(buf.clone());
    }
    out
}
