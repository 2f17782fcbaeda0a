//! Building the inverted index: a term dictionary with postings and per-document lengths.
//!
//! Each document is read field by field; each term occurrence adds the field's weight to the
//! term's frequency in that document, so a word in a title counts three times a word in a
//! summary (BM25F-style). A document's terms are merged as they come through a per-term
//! "last seen in" stamp, with no per-document map; once every document is in, the index is
//! finished ([`finish`]: all postings laid out by term in one counting sort, the words
//! ordered and grouped for look-up), a batch at a time. Terms are looked up in a
//! [`TermTable`].
//!
//! Other names (aliases) are also indexed whole: "Midlands Health Innovation" adds the
//! single term "midland health innovation" beside its three words, so a query of exactly
//! that name finds the resource it names above the many whose text merely uses its words.

use super::terms::TermTable;
use super::text::Tokens;

mod finish;
use finish::Finishing;

/// Field weights: title, other names and tags above people and figure labels, above body
/// text.
pub mod weight {
    /// Title of the resource.
    pub const TITLE: f32 = 3.0;
    /// Other names of the resource and of its tags: a name, as strong as a tag's label.
    pub const ALIASES: f32 = 2.5;
    /// Tag labels.
    pub const TAGS: f32 = 2.5;
    /// Publisher and partners.
    pub const PEOPLE: f32 = 1.5;
    /// Labels of the resource's figures.
    pub const LABELS: f32 = 1.2;
    /// Summary.
    pub const BODY: f32 = 1.0;
}

/// Joins the words of a whole-name term ("midland health innovation"); words never hold it.
pub(super) const NAME_JOIN: &str = " ";

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
    /// Other names the document is known by: abbreviations, expansions, former names.
    pub aliases: Vec<&'a str>,
}

/// An inverted index over a set of documents.
///
/// Postings are stored flat: the postings of term `t` are `post_doc[offsets[t]..offsets[t+1]]`
/// with their weighted frequencies at the same positions of `post_tf`, in document order.
/// Two contiguous arrays instead of a vector per term: fewer allocations while building and
/// sequential reads while scoring.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// Term text by term id.
    pub(super) terms: Vec<Box<str>>,
    /// The first unstemmed form seen of each term, for did-you-mean.
    pub(super) surface: Vec<Box<str>>,
    /// Where each term's postings start; one more entry than there are terms.
    pub(super) offsets: Vec<u32>,
    /// Document numbers of all postings, grouped by term.
    pub(super) post_doc: Vec<u32>,
    /// Weighted term frequencies, parallel to `post_doc`.
    pub(super) post_tf: Vec<f32>,
    /// Term ids sorted by term text, for prefix look-up.
    pub(super) sorted: Vec<u32>,
    /// (letter mask, term id) grouped by term byte length, for the typo scan: the masks sit
    /// next to each other so the scan reads memory in order.
    pub(super) by_len: Vec<Vec<(u32, u32)>>,
    /// Term id by text.
    pub(super) lookup: TermTable,
    /// Ids of the whole-name terms (see the module documentation), ascending.
    pub(super) names: Vec<u32>,
    /// Weighted length of each document.
    pub(super) doc_len: Vec<f32>,
    /// Mean of `doc_len`.
    pub(super) avg_len: f32,
}

/// State kept while building: the current document's terms, merged as they come.
#[derive(Default)]
struct Builder {
    ix: SearchIndex,
    /// For each term, the last document it was seen in (+1, so 0 means never).
    last_doc: Vec<u32>,
    /// For each term, its position in `doc_terms` while in the current document.
    slot: Vec<u32>,
    /// (term, weighted frequency) of the current document.
    doc_terms: Vec<(u32, f32)>,
    /// (term, document, frequency) of every document so far, in document order.
    entries: Vec<(u32, u32, f32)>,
    /// Documents per term.
    df: Vec<u32>,
    buf: String,
    raw: String,
    /// How far finishing has gone.
    finishing: Finishing,
}

impl Builder {
    /// Adds one field's terms to document `doc`; returns the weighted length added.
    fn add_field(&mut self, doc: u32, text: &str, w: f32) -> f32 {
        let mut tokens = Tokens::new(text);
        let mut len = 0.0;
        while let Some((start, end)) = tokens.next_into(&mut self.buf) {
            self.add_term(doc, text, (start, end), w);
            len += w;
        }
        len
    }

    /// Adds a name of two words or more also as one whole-name term, its words joined by
    /// [`NAME_JOIN`], so that a query of exactly that name can be told apart from one whose
    /// words are spread through a text. It adds nothing to the document's length: it is a
    /// second reading of words already counted.
    fn add_name(&mut self, doc: u32, name: &str, w: f32) {
        let mut tokens = Tokens::new(name);
        let mut joined = String::new();
        while tokens.next_into(&mut self.buf).is_some() {
            if !joined.is_empty() {
                joined.push_str(NAME_JOIN);
            }
            joined.push_str(&self.buf);
        }
        if joined.contains(NAME_JOIN) {
            self.buf = joined;
            let known = self.ix.terms.len();
            self.add_term(doc, name, (0, name.len()), w);
            if self.ix.terms.len() > known {
                self.ix.names.push(known as u32);
            }
        }
    }

    /// Counts the term in `buf` (written at `at` in `text`) once more for `doc`. Always
    /// inlined: it runs for every word indexed, and the release profile optimises for size.
    #[inline(always)]
    fn add_term(&mut self, doc: u32, text: &str, at: (usize, usize), w: f32) {
        let id = match self.ix.lookup.get(&self.ix.terms, &self.buf) {
            Some(id) => id,
            None => self.new_term(&text[at.0..at.1]),
        } as usize;
        if self.last_doc[id] == doc + 1 {
            self.doc_terms[self.slot[id] as usize].1 += w;
        } else {
            self.last_doc[id] = doc + 1;
            self.slot[id] = self.doc_terms.len() as u32;
            self.doc_terms.push((id as u32, w));
        }
    }

    fn new_term(&mut self, word: &str) -> u32 {
        let id = self.ix.terms.len() as u32;
        let term: Box<str> = self.buf.as_str().into();
        self.raw.clear();
        Tokens::new(word).next_raw(&mut self.raw, false);
        self.ix.surface.push(self.raw.as_str().into());
        self.ix.terms.push(term);
        self.ix.lookup.insert(&self.ix.terms, &self.buf, id);
        self.last_doc.push(0);
        self.slot.push(0);
        self.df.push(0);
        id
    }

    fn end_doc(&mut self, doc: u32, len: f32) {
        for &(t, tf) in &self.doc_terms {
            self.df[t as usize] += 1;
            self.entries.push((t, doc, tf));
        }
        self.doc_terms.clear();
        self.ix.doc_len.push(len);
    }
}

/// Builds a [`SearchIndex`] a document at a time, so that a caller can spread the work over
/// several tasks (the app builds its index between frames: at 10,000 resources one build
/// takes over 100 ms, and no task of the page may take more than 50). The result is the same
/// as [`SearchIndex::build`] over the same documents in the same order.
#[derive(Default)]
pub struct IndexBuilder {
    b: Builder,
}

impl IndexBuilder {
    /// An empty builder.
    pub fn new() -> IndexBuilder {
        IndexBuilder::default()
    }

    /// Adds the next document: the `n`th added is document number `n` in results.
    pub fn add(&mut self, d: SearchDoc<'_>) {
        let b = &mut self.b;
        debug_assert!(matches!(b.finishing, Finishing::NotStarted), "added while finishing");
        let doc = b.ix.doc_len.len() as u32;
        let mut len = b.add_field(doc, d.title, weight::TITLE);
        len += b.add_field(doc, d.summary, weight::BODY);
        for p in &d.people {
            len += b.add_field(doc, p, weight::PEOPLE);
        }
        for t in &d.tags {
            len += b.add_field(doc, t, weight::TAGS);
        }
        for l in &d.labels {
            len += b.add_field(doc, l, weight::LABELS);
        }
        for a in &d.aliases {
            len += b.add_field(doc, a, weight::ALIASES);
            b.add_name(doc, a, weight::ALIASES);
        }
        b.end_doc(doc, len);
    }

    /// How many documents have been added.
    pub fn len(&self) -> usize {
        self.b.ix.doc_len.len()
    }

    /// True when no document has been added.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Goes on finishing the index of the documents added while `more()` says so (it is
    /// asked between batches of well under a millisecond each); true once the index is
    /// complete and [`IndexBuilder::finish`] has nothing left to do. Finishing takes about a
    /// tenth of a build (14 ms of 98 natively at 10,000 resources), too long for one task
    /// in the browser, hence the steps. No document may be added once it has started.
    pub fn finish_some(&mut self, more: &mut dyn FnMut() -> bool) -> bool {
        self.b.finish_some(more)
    }

    /// The index of the documents added, finished now as far as [`IndexBuilder::finish_some`]
    /// has not.
    pub fn finish(self) -> SearchIndex {
        self.b.finish()
    }
}

impl SearchIndex {
    /// Builds the index; document `i` of the iterator is document number `i` in results.
    pub fn build<'a>(docs: impl IntoIterator<Item = SearchDoc<'a>>) -> SearchIndex {
        let mut b = IndexBuilder::new();
        for d in docs {
            b.add(d);
        }
        b.finish()
    }

    /// The documents containing term `id`, with weighted frequencies, in document order.
    pub(super) fn postings(&self, id: u32) -> (&[u32], &[f32]) {
        let (a, b) = (self.offsets[id as usize] as usize, self.offsets[id as usize + 1] as usize);
        (&self.post_doc[a..b], &self.post_tf[a..b])
    }

    /// How many documents contain term `id`.
    pub(super) fn df(&self, id: u32) -> usize {
        (self.offsets[id as usize + 1] - self.offsets[id as usize]) as usize
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
        let postings =
            (self.post_doc.capacity() + self.post_tf.capacity() + self.offsets.capacity()) * 4;
        let ids = (self.sorted.capacity() + self.names.capacity()) * 4
            + self
                .by_len
                .iter()
                .map(|v| v.capacity() * 8 + size_of::<Vec<(u32, u32)>>())
                .sum::<usize>();
        let map = self.lookup.memory_bytes();
        strings + postings + ids + map + self.doc_len.capacity() * 4
    }
}
