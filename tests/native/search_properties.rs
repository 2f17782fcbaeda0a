//! Invariants of search over random documents and queries.

use std::collections::HashSet;

use mhr::core::search::{QueryOptions, SearchDoc, SearchIndex};
use proptest::prelude::*;

const VOCAB: &[&str] = &[
    "health",
    "care",
    "cares",
    "diabetes",
    "air",
    "quality",
    "midlands",
    "west",
    "east",
    "data",
    "cluster",
    "clusters",
    "innovation",
    "report",
    "jobs",
    "growth",
    "inequality",
    "inequalities",
    "café",
    "NHS",
    "trust",
    "trusts",
    "medtech",
    "imaging",
    "ageing",
    "trial",
    "trials",
];

fn text(max_words: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(VOCAB), 0..max_words).prop_map(|w| w.join(" "))
}

fn corpus() -> impl Strategy<Value = Vec<(String, String)>> {
    prop::collection::vec((text(4), text(20)), 1..40)
}

fn build(docs: &[(String, String)]) -> SearchIndex {
    SearchIndex::build(docs.iter().map(|(t, s)| SearchDoc {
        title: t,
        summary: s,
        ..Default::default()
    }))
}

fn all(limit: usize) -> QueryOptions {
    QueryOptions { limit, prefix_last: false }
}

/// A vocabulary word with its second and third characters dropped: two slips, which only
/// the second chance forgives.
fn two_slips(word: &str) -> String {
    word.chars().enumerate().filter(|&(i, _)| i != 1 && i != 2).map(|(_, c)| c).collect()
}

/// Queries mix vocabulary words, typos and junk.
fn query() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(VOCAB).prop_map(String::from),
            prop::sample::select(VOCAB).prop_map(two_slips),
            "[a-z]{1,9}",
            "\\PC{0,6}"
        ],
        0..4,
    )
    .prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn results_are_distinct_documents_of_the_corpus(docs in corpus(), q in query()) {
        let ix = build(&docs);
        let r = ix.search(&q, all(1000));
        let seen: HashSet<u32> = r.hits.iter().map(|h| h.doc).collect();
        prop_assert_eq!(seen.len(), r.hits.len());
        prop_assert!(r.hits.iter().all(|h| (h.doc as usize) < docs.len()));
        prop_assert_eq!(r.total, r.hits.len());
    }

    #[test]
    fn ranking_is_deterministic(docs in corpus(), q in query()) {
        let a = build(&docs).search(&q, all(10));
        let b = build(&docs).search(&q, all(10));
        prop_assert_eq!(a, b);
    }

    #[test]
    fn the_top_k_are_the_first_k_of_the_full_ranking(docs in corpus(), q in query(), k in 1usize..10) {
        let ix = build(&docs);
        let full = ix.search(&q, all(1000));
        let top = ix.search(&q, all(k));
        prop_assert_eq!(&top.hits[..], &full.hits[..k.min(full.hits.len())]);
        prop_assert_eq!(top.total, full.total);
    }

    #[test]
    fn adding_a_term_never_adds_results(docs in corpus(), q in query(), extra in prop::sample::select(VOCAB)) {
        let ix = build(&docs);
        let before = ix.search(&q, all(1000));
        let after = ix.search(&format!("{q} {extra}"), all(1000));
        // An empty query is "no search yet", not "everything": the property starts from one
        // term. A second chance taken only for the longer query allows more edits than the
        // shorter one had, so the two are compared within the same budget.
        let same_budget = before.corrected.is_some() || after.corrected.is_none();
        if !before.terms.is_empty() && !before.partial && !after.partial && same_budget {
            let before: HashSet<u32> = before.hits.iter().map(|h| h.doc).collect();
            prop_assert!(after.hits.iter().all(|h| before.contains(&h.doc)));
        }
    }

    #[test]
    fn the_second_chance_is_taken_only_when_no_document_has_every_term(docs in corpus(), q in query()) {
        let ix = build(&docs);
        let first = ix.search_without_second_chance(&q, all(1000));
        let r = ix.search(&q, all(1000));
        if r.corrected.is_none() {
            prop_assert_eq!(r, first);
        } else {
            // Taken only after the first found nothing whole, and kept only when better:
            // every term matched, or something where there was nothing.
            prop_assert!(first.total == 0 || first.partial, "{:?}", first);
            prop_assert!(r.total > 0 && (!r.partial || first.total == 0), "{:?}", r);
        }
    }

    #[test]
    fn any_text_can_be_indexed_and_searched(title in "\\PC{0,200}", q in "\\PC{0,300}") {
        let ix = SearchIndex::build([SearchDoc { title: &title, ..Default::default() }]);
        let r = ix.search(&q, QueryOptions::default());
        prop_assert!(r.hits.iter().all(|h| h.doc == 0 && h.score.is_finite()), "{:?}", r.hits);
        prop_assert_eq!(r.total, r.hits.len());
        let _ = ix.did_you_mean(&q);
        // Whatever the text, the document is found by its own title whenever the title
        // yields a word to search for.
        let own = ix.search(&title, QueryOptions::default());
        if !own.terms.is_empty() {
            prop_assert_eq!(own.hits.len(), 1, "{:?} gave terms {:?}", title, own.terms);
            prop_assert!(!own.partial);
        }
    }
}
