//! Answering a query: parse, expand each term (exact, prefix, typo), score with BM25, rank.
//!
//! Each query term is expanded into dictionary terms: its exact stemmed form; for the term
//! being typed, the dictionary terms it is a prefix of; and, for terms of four letters or
//! more, terms within one or two edits. A document's score for a query term is its best
//! expansion's BM25 score times the expansion's weight (exact 1, prefix 0.85, one edit 0.5,
//! two edits 0.3), so a burst of similar completions cannot outweigh one exact hit.
//!
//! A query of two words or more that is exactly another name of a resource (an alias,
//! indexed whole) adds that name's BM25 score to the resource, so "Midlands Health
//! Innovation" puts first the report of the organisation once called that, not the many
//! resources that use the three words apart.
//!
//! Ranking is by tiers, then score: documents that need a typo correction for some term
//! always rank below documents matching every term exactly or by prefix, whatever their
//! BM25 scores. Terms combine with AND; when no document has them all, the documents with
//! the most of them are returned and the results are marked `partial`.
//!
//! A second chance before "nothing": when no document has every term within those edits,
//! the query runs once more with one more edit for each term of five letters or more
//! ([`second_chance_edits`]), so two slips in a short word ("medtek") still find it. Its
//! results replace the first only when they are better (every term matched, or something
//! where there was nothing), and then carry the query as understood in `corrected`, for
//! the view to say "Showing results for …". The retry costs a second scan only for queries
//! that found nothing whole, and ranks by the same tiers, so exact and prefix matches still
//! come before typo matches.

use std::cmp::Ordering;

use super::fuzzy::{
    allowed_edits, bounded_distance, letter_mask, masks_within, second_chance_edits,
    SECOND_CHANCE_LEN,
};
use super::index::{SearchIndex, NAME_JOIN};
use super::text::{is_stop_word, stem, Tokens};

/// Longest query read, in characters; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 256;
/// Most terms read from a query.
pub const MAX_QUERY_TERMS: usize = 8;
/// Most completions a prefix expands to (the most frequent are kept).
const MAX_PREFIX_TERMS: usize = 48;
/// Most typo corrections a term expands to (the most frequent are kept).
const MAX_FUZZY_TERMS: usize = 16;
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// How a query term met a document term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchKind {
    /// The same stemmed term.
    Exact,
    /// A longer term that the typed term begins.
    Prefix,
    /// A term within the allowed number of edits.
    Fuzzy,
}

/// What to search for and how much to return.
#[derive(Debug, Clone, Copy)]
pub struct QueryOptions {
    /// Most hits to return (the total is counted regardless).
    pub limit: usize,
    /// Whether the last term is still being typed and may match as a prefix.
    pub prefix_last: bool,
}

impl Default for QueryOptions {
    fn default() -> Self {
        QueryOptions { limit: 20, prefix_last: true }
    }
}

/// One matching document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// Document number.
    pub doc: u32,
    /// BM25 score, summed over query terms.
    pub score: f32,
    /// How many query terms this document matched.
    pub matched: u8,
    /// How many of those only through a typo correction.
    pub fuzzy: u8,
}

/// The answer to a query.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchResults {
    /// Best hits first, at most `limit`.
    pub hits: Vec<Hit>,
    /// How many documents matched in all.
    pub total: usize,
    /// True when no document matched every term and these are the best partial matches.
    pub partial: bool,
    /// The query's terms as understood (folded, stemmed, stop words dropped).
    pub terms: Vec<String>,
    /// Dictionary terms that matched, for highlighting.
    pub highlight: Vec<String>,
    /// Set when these results come from the second chance (see the module documentation):
    /// the query as understood, each word without an exact or prefix match replaced by its
    /// closest known word ("medtech" for "medtek").
    pub corrected: Option<String>,
}

/// A query term: its stemmed form, and whether it may match as a prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryTerm {
    /// Folded and stemmed.
    pub term: String,
    /// Folded, not stemmed: what the visitor typed.
    pub typed: String,
    /// True for the term still being typed.
    pub prefix: bool,
}

/// Reads the terms of a query: at most [`MAX_QUERY_CHARS`] characters and
/// [`MAX_QUERY_TERMS`] distinct terms, stop words dropped, symbols ignored.
pub fn parse_query(query: &str, prefix_last: bool) -> Vec<QueryTerm> {
    let end = query.char_indices().nth(MAX_QUERY_CHARS).map_or(query.len(), |(i, _)| i);
    let query = &query[..end];
    let typing_last = prefix_last && query.chars().last().is_some_and(char::is_alphanumeric);
    let mut tokens = Tokens::new(query);
    let mut typed = String::new();
    let mut terms: Vec<QueryTerm> = Vec::new();
    while let Some((_, word_end)) = tokens.next_raw(&mut typed, false) {
        if is_stop_word(&typed) {
            continue;
        }
        let mut term = typed.clone();
        stem(&mut term);
        let prefix = typing_last && word_end == query.len() && typed.len() >= 2;
        if let Some(same) = terms.iter_mut().find(|t| t.term == term) {
            same.prefix |= prefix;
        } else if terms.len() < MAX_QUERY_TERMS {
            terms.push(QueryTerm { term, typed: typed.clone(), prefix });
        }
    }
    terms
}

/// Edits a query term of so many characters may take.
type Budget = fn(usize) -> u8;

impl SearchIndex {
    /// Searches the index, with a second chance when nothing matches every term; see the
    /// module documentation for how.
    pub fn search(&self, query: &str, opts: QueryOptions) -> SearchResults {
        let terms = parse_query(query, opts.prefix_last);
        let first = self.run(&terms, opts, allowed_edits);
        let whole = first.total > 0 && !first.partial;
        if whole || !terms.iter().any(|t| t.term.chars().count() >= SECOND_CHANCE_LEN) {
            return first;
        }
        let mut second = self.run(&terms, opts, second_chance_edits);
        let better = second.total > 0 && (!second.partial || first.total == 0);
        if !better {
            return first;
        }
        second.corrected = Some(self.respell(&terms, second_chance_edits).0);
        second
    }

    /// Searches within the usual edits only, never taking the second chance: what
    /// [`SearchIndex::search`] does first.
    pub fn search_without_second_chance(&self, query: &str, opts: QueryOptions) -> SearchResults {
        self.run(&parse_query(query, opts.prefix_last), opts, allowed_edits)
    }

    /// One pass over the index with the given edit budget.
    fn run(&self, terms: &[QueryTerm], opts: QueryOptions, budget: Budget) -> SearchResults {
        let mut results = SearchResults {
            terms: terms.iter().map(|t| t.term.clone()).collect(),
            ..Default::default()
        };
        if terms.is_empty() || self.is_empty() {
            return results;
        }
        let n = self.len();
        let mut score = vec![0f32; n];
        let mut matched = vec![0u16; n];
        let mut fuzzy = vec![0u16; n];
        let mut best = vec![0f32; n];
        let mut best_exact = vec![false; n];
        let mut touched: Vec<u32> = Vec::new();
        let mut term_touched: Vec<u32> = Vec::new();
        let mut expansions = Vec::new();
        for (qi, q) in terms.iter().enumerate() {
            expansions.clear();
            self.expand(q, budget, &mut expansions);
            for &(id, w, kind) in &expansions {
                results.highlight.push(self.terms[id as usize].to_string());
                let (docs, tfs) = self.postings(id);
                let idf = self.idf(docs.len());
                for (&doc, &tf) in docs.iter().zip(tfs) {
                    let d = doc as usize;
                    let s = idf * self.saturated(d, tf) * w;
                    if best[d] == 0.0 {
                        term_touched.push(doc);
                    }
                    if s > best[d] {
                        best[d] = s;
                    }
                    best_exact[d] |= kind != MatchKind::Fuzzy;
                }
            }
            let bit = 1u16 << qi;
            for &doc in &term_touched {
                let d = doc as usize;
                if matched[d] == 0 {
                    touched.push(doc);
                }
                matched[d] |= bit;
                score[d] += best[d];
                if !best_exact[d] {
                    fuzzy[d] |= bit;
                }
                best[d] = 0.0;
                best_exact[d] = false;
            }
            term_touched.clear();
        }
        if let Some(id) = self.whole_name(terms) {
            let (docs, tfs) = self.postings(id);
            let idf = self.idf(docs.len());
            for (&doc, &tf) in docs.iter().zip(tfs) {
                score[doc as usize] += idf * self.saturated(doc as usize, tf);
            }
        }
        let all = if terms.len() >= 16 { u16::MAX } else { (1u16 << terms.len()) - 1 };
        let hit = |&doc: &u32| {
            let d = doc as usize;
            Hit {
                doc,
                score: score[d],
                matched: matched[d].count_ones() as u8,
                fuzzy: fuzzy[d].count_ones() as u8,
            }
        };
        let mut hits: Vec<Hit> =
            touched.iter().filter(|&&d| matched[d as usize] == all).map(hit).collect();
        if hits.is_empty() && terms.len() > 1 {
            results.partial = true;
            hits = touched.iter().map(hit).collect();
        }
        results.total = hits.len();
        top_k(&mut hits, opts.limit, if results.partial { partial_order } else { full_order });
        results.hits = hits;
        results
    }

    /// The whole-name term (see [`super::index`]) of a query of two words or more, when
    /// some document has a name of exactly those words.
    fn whole_name(&self, terms: &[QueryTerm]) -> Option<u32> {
        if terms.len() < 2 || self.names.is_empty() {
            return None;
        }
        let words: Vec<&str> = terms.iter().map(|t| t.term.as_str()).collect();
        self.lookup.get(&self.terms, &words.join(NAME_JOIN))
    }

    /// BM25's weight of a term found in `df` documents: rarer terms count more.
    #[inline(always)]
    fn idf(&self, df: usize) -> f32 {
        let (n, df) = (self.len() as f32, df as f32);
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// BM25's term-frequency part for a term found `tf` times (weighted) in `doc`: it
    /// saturates as `tf` grows, and longer documents need more for the same.
    #[inline(always)]
    fn saturated(&self, doc: usize, tf: f32) -> f32 {
        let norm = K1 * (1.0 - B + B * self.doc_len[doc] / self.avg_len);
        tf * (K1 + 1.0) / (tf + norm)
    }

    /// Dictionary terms a query term stands for, with weights.
    fn expand(&self, q: &QueryTerm, budget: Budget, out: &mut Vec<(u32, f32, MatchKind)>) {
        let exact = self.lookup.get(&self.terms, &q.term);
        if let Some(id) = exact {
            out.push((id, 1.0, MatchKind::Exact));
        }
        if q.prefix {
            let mut completions: Vec<u32> =
                self.completions(&q.term).filter(|&id| Some(id) != exact).collect();
            self.keep_most_frequent(&mut completions, MAX_PREFIX_TERMS);
            out.extend(completions.into_iter().map(|id| (id, 0.85, MatchKind::Prefix)));
        }
        let k = budget(q.term.chars().count());
        if k > 0 {
            let mut near: Vec<(u32, u8)> = self.near_terms(&q.term, k);
            near.retain(|(id, _)| !out.iter().any(|(o, _, _)| o == id));
            near.sort_by_key(|&(id, d)| (d, std::cmp::Reverse(self.df(id))));
            near.truncate(MAX_FUZZY_TERMS);
            out.extend(
                near.into_iter()
                    .map(|(id, d)| (id, if d <= 1 { 0.5 } else { 0.3 }, MatchKind::Fuzzy)),
            );
        }
    }

    /// Dictionary terms within `k` edits of `term` (other than itself), with distances.
    fn near_terms(&self, term: &str, k: u8) -> Vec<(u32, u8)> {
        let bytes = term.as_bytes();
        let mask = letter_mask(term);
        let lo = bytes.len().saturating_sub(usize::from(k));
        let hi = (bytes.len() + usize::from(k)).min(self.by_len.len().saturating_sub(1));
        let mut near = Vec::new();
        for bucket in self.by_len.get(lo..=hi).into_iter().flatten() {
            for &(m, id) in bucket {
                if masks_within(mask, m, k) {
                    let other = self.terms[id as usize].as_bytes();
                    if let Some(d) = bounded_distance(bytes, other, k).filter(|&d| d > 0) {
                        near.push((id, d));
                    }
                }
            }
        }
        near
    }

    fn keep_most_frequent(&self, ids: &mut Vec<u32>, max: usize) {
        if ids.len() > max {
            ids.sort_by_key(|&id| std::cmp::Reverse(self.df(id)));
            ids.truncate(max);
        }
    }

    /// Dictionary terms that begin with `prefix`, in term order.
    fn completions<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = u32> + 'a {
        let start = self.sorted.partition_point(|&id| *self.terms[id as usize] < *prefix);
        self.sorted[start..]
            .iter()
            .take_while(move |&&id| self.terms[id as usize].starts_with(prefix))
            .copied()
    }

    /// A corrected query when some term is unknown: each unknown term replaced by the most
    /// frequent dictionary term within two edits (one for short terms). `None` when every
    /// term is known or nothing close exists.
    pub fn did_you_mean(&self, query: &str) -> Option<String> {
        let (words, changed) =
            self.respell(&parse_query(query, false), |len| if len <= 4 { 1 } else { 2 });
        changed.then_some(words)
    }

    /// The query's words, each without an exact or prefix match replaced by the closest
    /// dictionary term within `budget` edits (the most frequent among equals), and whether
    /// any was replaced.
    fn respell(&self, terms: &[QueryTerm], budget: Budget) -> (String, bool) {
        let mut changed = false;
        let words: Vec<String> = terms
            .iter()
            .map(|q| {
                let known = self.lookup.get(&self.terms, &q.term).is_some()
                    || (q.prefix && self.completions(&q.term).next().is_some());
                let k = budget(q.term.chars().count());
                let best =
                    (!known && k > 0).then(|| self.near_terms(&q.term, k)).and_then(|near| {
                        near.into_iter().min_by_key(|&(id, d)| (d, std::cmp::Reverse(self.df(id))))
                    });
                match best {
                    Some((id, _)) => {
                        changed = true;
                        self.surface[id as usize].to_string()
                    }
                    None => q.typed.clone(),
                }
            })
            .collect();
        (words.join(" "), changed)
    }
}

/// Every term matched: exact before fuzzy, then by score, then by document number so that
/// equal scores always come out in the same order.
fn full_order(a: &Hit, b: &Hit) -> Ordering {
    a.fuzzy.cmp(&b.fuzzy).then_with(|| b.score.total_cmp(&a.score)).then_with(|| a.doc.cmp(&b.doc))
}

/// Partial matches: most terms matched first, then as [`full_order`].
fn partial_order(a: &Hit, b: &Hit) -> Ordering {
    b.matched.cmp(&a.matched).then_with(|| full_order(a, b))
}

/// Sorts the best `k` hits to the front and drops the rest.
fn top_k(hits: &mut Vec<Hit>, k: usize, order: fn(&Hit, &Hit) -> Ordering) {
    if k == 0 {
        hits.clear();
        return;
    }
    if hits.len() > k {
        hits.select_nth_unstable_by(k - 1, order);
        hits.truncate(k);
    }
    hits.sort_unstable_by(order);
}
