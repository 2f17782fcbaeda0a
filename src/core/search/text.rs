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

/// True for words that are skipped.
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.contains(&word)
}

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
    let len = word.len();
    let ends = |w: &String, s: &str| w.ends_with(s);
    if len > 4 && ends(word, "ies") && !ends(word, "eies") && !ends(word, "aies") {
        word.truncate(len - 3);
        word.push('y');
    } else if len > 4
        && (ends(word, "sses") || ends(word, "ches") || ends(word, "shes") || ends(word, "xes"))
    {
        word.truncate(len - 2);
    } else if len > 3
        && ends(word, "s")
        && !ends(word, "ss")
        && !ends(word, "us")
        && !ends(word, "is")
        && !ends(word, "ys")
    {
        word.truncate(len - 1);
    } else if len > 6 && ends(word, "ing") {
        word.truncate(len - 3);
        undouble(word);
    } else if len > 5 && ends(word, "ed") && !ends(word, "eed") {
        word.truncate(len - 2);
        undouble(word);
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
    pub fn next_raw(&mut self, buf: &mut String, stemmed: bool) -> Option<(usize, usize)> {
        loop {
            buf.clear();
            let rest = &self.text[self.pos..];
            let mut start = None;
            let mut end = self.text.len();
            for (i, c) in rest.char_indices() {
                let at = self.pos + i;
                if c == '\'' || c == '\u{2019}' {
                    // Apostrophes join: "sector's" -> "sectors" -> "sector".
                    continue;
                }
                let before = buf.len();
                if fold_into(c, buf) {
                    if buf.len() > MAX_TERM_BYTES {
                        buf.truncate(before);
                    }
                    start.get_or_insert(at);
                } else if start.is_some() {
                    end = at;
                    break;
                }
            }
            let start = start?;
            self.pos = end;
            if stemmed {
                if is_stop_word(buf) {
                    continue;
                }
                stem(buf);
            }
            return Some((start, end));
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
