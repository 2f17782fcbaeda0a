//! Finishing an index once every document is in, a batch of work at a time, so that the app
//! can spread it over its slices like the documents themselves (at 10,000 resources it is
//! about a tenth of a build, too long for one task of the page).
//!
//! Three steps: the postings are laid out by term (a counting sort: entries are already in
//! document order, so each term's postings come out in document order too); the words (every
//! term but the whole names, which are looked up only as a whole: never completed, never
//! corrected) are ordered by text, for prefix look-up, a bucket of words sharing a first byte
//! at a time, which orders them exactly as one sort of them all does; and the words are
//! grouped by length with their letter masks, for the typo scan.

use super::super::fuzzy::letter_mask;
use super::{Builder, SearchIndex};

/// How far finishing has gone.
#[derive(Default)]
pub(super) enum Finishing {
    /// No document is to be added any more once this changes.
    #[default]
    NotStarted,
    /// Laying the postings out by term: the entries up to `done` are in place, and `next`
    /// says where each term's next posting goes.
    Postings { done: usize, next: Vec<u32> },
    /// Ordering the words by text: every word is in the bucket of its first byte (the empty
    /// word before all), and the buckets up to `done` are sorted.
    Sorting { buckets: Vec<Vec<u32>>, done: usize },
    /// Grouping the words by length, in term order: the terms up to `done` are in.
    ByLength { done: usize },
    /// The index is complete.
    Done,
}

/// Work done between two checks of whether to go on: postings laid out, or terms grouped by
/// length. Small enough that a batch takes well under a millisecond.
const BATCH: usize = 4096;

/// The words among the terms numbered `ids`, with their numbers: every term but the whole
/// names (`names`, ascending).
fn words<'a>(
    terms: &'a [Box<str>],
    names: &'a [u32],
    ids: std::ops::Range<usize>,
) -> impl Iterator<Item = (&'a str, u32)> {
    terms[ids.clone()]
        .iter()
        .zip(ids.start as u32..)
        .filter(|(_, id)| names.binary_search(id).is_err())
        .map(|(t, id)| (&**t, id))
}

impl Builder {
    /// Goes on finishing the index while `more()` says so (it is asked after each batch of
    /// work); true once the index is complete. Every document must have been added.
    pub(super) fn finish_some(&mut self, more: &mut dyn FnMut() -> bool) -> bool {
        loop {
            let ix = &mut self.ix;
            match &mut self.finishing {
                Finishing::NotStarted => {
                    let mut offsets = Vec::with_capacity(self.df.len() + 1);
                    let mut total = 0u32;
                    offsets.push(0);
                    for &d in &self.df {
                        total += d;
                        offsets.push(total);
                    }
                    let next = offsets[..offsets.len() - 1].to_vec();
                    ix.post_doc = vec![0; total as usize];
                    ix.post_tf = vec![0.0; total as usize];
                    ix.offsets = offsets;
                    let n = ix.doc_len.len().max(1) as f32;
                    ix.avg_len = (ix.doc_len.iter().sum::<f32>() / n).max(1.0);
                    self.finishing = Finishing::Postings { done: 0, next };
                }
                Finishing::Postings { done, next } => {
                    let end = (*done + BATCH).min(self.entries.len());
                    for &(t, doc, tf) in &self.entries[*done..end] {
                        let at = &mut next[t as usize];
                        ix.post_doc[*at as usize] = doc;
                        ix.post_tf[*at as usize] = tf;
                        *at += 1;
                    }
                    *done = end;
                    if end == self.entries.len() {
                        self.entries = Vec::new();
                        let mut buckets = vec![Vec::new(); 257];
                        for (t, id) in words(&ix.terms, &ix.names, 0..ix.terms.len()) {
                            buckets[t.as_bytes().first().map_or(0, |&b| b as usize + 1)].push(id);
                        }
                        self.finishing = Finishing::Sorting { buckets, done: 0 };
                    }
                }
                Finishing::Sorting { buckets, done } => {
                    let terms = &ix.terms;
                    buckets[*done]
                        .sort_unstable_by(|&a, &b| terms[a as usize].cmp(&terms[b as usize]));
                    *done += 1;
                    if *done == buckets.len() {
                        ix.sorted = buckets.concat();
                        self.finishing = Finishing::ByLength { done: 0 };
                    }
                }
                Finishing::ByLength { done } => {
                    let from = *done;
                    let end = (from + BATCH).min(ix.terms.len());
                    *done = end;
                    let SearchIndex { terms, names, by_len, .. } = ix;
                    for (t, id) in words(terms, names, from..end) {
                        if by_len.len() <= t.len() {
                            by_len.resize(t.len() + 1, Vec::new());
                        }
                        by_len[t.len()].push((letter_mask(t), id));
                    }
                    if end == terms.len() {
                        self.finishing = Finishing::Done;
                    }
                }
                Finishing::Done => return true,
            }
            if !more() {
                return matches!(self.finishing, Finishing::Done);
            }
        }
    }

    /// The index, finished now as far as it is not yet.
    pub(super) fn finish(mut self) -> SearchIndex {
        self.finish_some(&mut || true);
        self.ix
    }
}
