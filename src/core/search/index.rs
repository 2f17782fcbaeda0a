//! Building the inverted index: a term dictionary with postings and per-document lengths.
//!
//! Each document is read field by field; each term occurrence adds the field's weight to the
//! term's frequency in that document, so a word in a title counts three times a word in a
//! summary (BM25F-style). Postings are appended in document order, which lets a term's
//! posting for the current document be found in O(1) as the last one of its list, with no
//! per-document map. Terms are looked up through a hash map with a small Fx-style hasher:
//! SipHash's protection against hash flooding buys nothing for a dataset we ship, and costs
//! a third of the build time.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::fuzzy::letter_mask;
use super::text::Tokens;

/// Field weights: title and tags above people and figure labels, above body text.
pub mod weight {
    /// Title of the resource.
    pub const TITLE: f32 = 3.0;
    /// Tag labels.
    pub const TAGS: f32 = 2.5;
    /// Publisher and partners.
    pub const PEOPLE: f32 = 1.5;
    /// Labels of the resource's figures.
    pub const LABELS: f32 = 1.2;
    /// Summary.
    pub const BODY: f32 = 1.0;
}

/// The text of one document, by field.
#[derive(Debug, Clone, Default)]
pub struct SearchDoc<'a> {
    /// Title.
    pub title: &'a str,
    /// Summary or body text.
    pub summary: &'a str,
    /// Publisher and partners.
    pub people: Vec<&'a str>,
    /// Tag labels.
    pub tags: Vec<&'a str>,
    /// Figure labels and other short descriptive labels.
    pub labels: Vec<&'a str>,
}

/// One document's weighted frequency for a term.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Posting {
    /// Document number, in build order.
    pub doc: u32,
    /// Sum of field weights over the term's occurrences.
    pub tf: f32,
}

/// A multiplicative hasher in the style of rustc's FxHash: fast for short keys.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// An inverted index over a set of documents.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// Term text by term id.
    pub(super) terms: Vec<Box<str>>,
    /// The first unstemmed form seen of each term, for did-you-mean.
    pub(super) surface: Vec<Box<str>>,
    /// Letter-set mask by term id.
    pub(super) masks: Vec<u32>,
    /// Postings by term id, in document order.
    pub(super) postings: Vec<Vec<Posting>>,
    /// Term ids sorted by term text, for prefix look-up.
    pub(super) sorted: Vec<u32>,
    /// (letter mask, term id) grouped by term byte length, for the typo scan: the masks sit
    /// next to each other so the scan reads memory in order.
    pub(super) by_len: Vec<Vec<(u32, u32)>>,
    /// Term id by text.
    pub(super) lookup: FxMap<Box<str>, u32>,
    /// Weighted length of each document.
    pub(super) doc_len: Vec<f32>,
    /// Mean of `doc_len`.
    pub(super) avg_len: f32,
}

impl SearchIndex {
    /// Builds the index; document `i` of the iterator is document number `i` in results.
    pub fn build<'a>(docs: impl IntoIterator<Item = SearchDoc<'a>>) -> SearchIndex {
        let mut ix = SearchIndex::default();
        let mut buf = String::new();
        let mut raw = String::new();
        for (doc, d) in docs.into_iter().enumerate() {
            let doc = doc as u32;
            let mut len = 0.0;
            len += ix.add_field(doc, d.title, weight::TITLE, &mut buf, &mut raw);
            len += ix.add_field(doc, d.summary, weight::BODY, &mut buf, &mut raw);
            for p in &d.people {
                len += ix.add_field(doc, p, weight::PEOPLE, &mut buf, &mut raw);
            }
            for t in &d.tags {
                len += ix.add_field(doc, t, weight::TAGS, &mut buf, &mut raw);
            }
            for l in &d.labels {
                len += ix.add_field(doc, l, weight::LABELS, &mut buf, &mut raw);
            }
            ix.doc_len.push(len);
        }
        let n = ix.doc_len.len().max(1) as f32;
        ix.avg_len = (ix.doc_len.iter().sum::<f32>() / n).max(1.0);
        let mut sorted: Vec<u32> = (0..ix.terms.len() as u32).collect();
        sorted.sort_unstable_by(|&a, &b| ix.terms[a as usize].cmp(&ix.terms[b as usize]));
        ix.sorted = sorted;
        for (id, t) in ix.terms.iter().enumerate() {
            let l = t.len();
            if ix.by_len.len() <= l {
                ix.by_len.resize(l + 1, Vec::new());
            }
            ix.by_len[l].push((ix.masks[id], id as u32));
        }
        ix
    }

    /// Adds one field's terms to document `doc`; returns the weighted length added.
    fn add_field(
        &mut self,
        doc: u32,
        text: &str,
        w: f32,
        buf: &mut String,
        raw: &mut String,
    ) -> f32 {
        let mut tokens = Tokens::new(text);
        let mut len = 0.0;
        while let Some((start, end)) = tokens.next_into(buf) {
            let id = match self.lookup.get(buf.as_str()) {
                Some(&id) => id,
                None => {
                    let id = self.terms.len() as u32;
                    let term: Box<str> = buf.as_str().into();
                    raw.clear();
                    Tokens::new(&text[start..end]).next_raw(raw, false);
                    self.surface.push(raw.as_str().into());
                    self.masks.push(letter_mask(&term));
                    self.terms.push(term.clone());
                    self.postings.push(Vec::new());
                    self.lookup.insert(term, id);
                    id
                }
            };
            let list = &mut self.postings[id as usize];
            match list.last_mut() {
                Some(p) if p.doc == doc => p.tf += w,
                _ => list.push(Posting { doc, tf: w }),
            }
            len += w;
        }
        len
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.doc_len.len()
    }

    /// True when there are no documents.
    pub fn is_empty(&self) -> bool {
        self.doc_len.is_empty()
    }

    /// Number of distinct terms.
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    /// Approximate heap memory held by the index, in bytes.
    pub fn memory_bytes(&self) -> usize {
        use std::mem::size_of;
        let strings: usize =
            self.terms.iter().chain(&self.surface).map(|t| t.len() + size_of::<Box<str>>()).sum();
        let postings: usize = self
            .postings
            .iter()
            .map(|p| p.capacity() * size_of::<Posting>() + size_of::<Vec<Posting>>())
            .sum();
        let ids = (self.sorted.capacity() + self.masks.capacity()) * 4
            + self
                .by_len
                .iter()
                .map(|v| v.capacity() * 8 + size_of::<Vec<(u32, u32)>>())
                .sum::<usize>();
        // The map stores a key (a second boxed copy of each term) and a value per entry.
        let map = self.lookup.capacity() * (size_of::<Box<str>>() + 4 + 1)
            + self.terms.iter().map(|t| t.len()).sum::<usize>();
        strings + postings + ids + map + self.doc_len.capacity() * 4
    }
}
