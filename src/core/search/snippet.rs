//! Highlighting: which words of a title or summary matched, as plain text segments.
//!
//! Results come back as a list of [`Segment`]s, each plain text with a flag saying whether it
//! matched, so the view renders matches as `<mark>` elements without ever treating dataset
//! text as HTML.

use std::collections::HashSet;

use super::text::Tokens;

/// A run of text, matched or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The text, exactly as in the source.
    pub text: String,
    /// True when the run is a matched word.
    pub hit: bool,
}

/// The set of dictionary terms to mark.
#[derive(Debug, Clone, Default)]
pub struct Highlighter {
    terms: HashSet<String>,
}

impl Highlighter {
    /// Marks words whose stemmed form is one of `terms`.
    pub fn new<S: AsRef<str>>(terms: &[S]) -> Self {
        Highlighter { terms: terms.iter().map(|t| t.as_ref().to_string()).collect() }
    }

    /// Byte ranges of the matched words of `text`.
    fn ranges(&self, text: &str) -> Vec<(usize, usize)> {
        let mut tokens = Tokens::new(text);
        let mut buf = String::new();
        let mut out = Vec::new();
        while let Some(range) = tokens.next_into(&mut buf) {
            if self.terms.contains(&buf) {
                out.push(range);
            }
        }
        out
    }

    /// The whole text, split into matched and unmatched runs.
    pub fn highlight(&self, text: &str) -> Vec<Segment> {
        segments(text, 0, text.len(), &self.ranges(text))
    }

    /// About `words` words of `text` around its first match (the start when nothing
    /// matches), with an ellipsis where text was cut.
    pub fn snippet(&self, text: &str, words: usize) -> Vec<Segment> {
        let ranges = self.ranges(text);
        let starts: Vec<usize> = word_starts(text);
        if starts.len() <= words {
            return segments(text, 0, text.len(), &ranges);
        }
        let first_hit = ranges.first().map_or(0, |r| r.0);
        let hit_word = starts.partition_point(|&s| s <= first_hit).saturating_sub(1);
        let from_word = hit_word.saturating_sub(words / 4).min(starts.len() - words);
        let to_word = from_word + words;
        let from = starts[from_word];
        let to = starts.get(to_word).map_or(text.len(), |&s| s);
        let mut out = Vec::new();
        if from > 0 {
            out.push(Segment { text: "…".into(), hit: false });
        }
        out.extend(segments(text, from, to, &ranges));
        if let Some(last) = out.last_mut() {
            if to < text.len() {
                let trimmed = last.text.trim_end().to_string();
                last.text = trimmed;
                out.push(Segment { text: "…".into(), hit: false });
            }
        }
        out
    }
}

/// Byte offsets where words (runs of non-space) begin.
fn word_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut prev_space = true;
    for (i, c) in text.char_indices() {
        if !c.is_whitespace() && prev_space {
            starts.push(i);
        }
        prev_space = c.is_whitespace();
    }
    starts
}

/// Splits `text[from..to]` into runs, marking the given ranges.
fn segments(text: &str, from: usize, to: usize, ranges: &[(usize, usize)]) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut at = from;
    for &(s, e) in ranges.iter().filter(|r| r.0 >= from && r.1 <= to) {
        if s > at {
            out.push(Segment { text: text[at..s].to_string(), hit: false });
        }
        out.push(Segment { text: text[s..e].to_string(), hit: true });
        at = e;
    }
    if at < to {
        out.push(Segment { text: text[at..to].to_string(), hit: false });
    }
    out
}
