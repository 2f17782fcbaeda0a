//! The search engine's behaviour on small hand-made documents.

use crate::common;

use mhr::core::search::fuzzy::{allowed_edits, bounded_distance, second_chance_edits};
use mhr::core::search::query::parse_query;
use mhr::core::search::text::terms;
use mhr::core::search::{Highlighter, QueryOptions, SearchDoc, SearchIndex, Segment};

fn doc<'a>(title: &'a str, summary: &'a str) -> SearchDoc<'a> {
    SearchDoc { title, summary, ..Default::default() }
}

fn index(docs: &[(&'static str, &'static str)]) -> SearchIndex {
    SearchIndex::build(docs.iter().map(|&(t, s)| doc(t, s)))
}

fn ids(ix: &SearchIndex, q: &str) -> Vec<u32> {
    ix.search(q, QueryOptions { limit: 100, prefix_last: true })
        .hits
        .iter()
        .map(|h| h.doc)
        .collect()
}

#[test]
fn text_is_folded_to_lower_case_without_accents_and_stemmed() {
    assert_eq!(terms("Café CAFÉS naïve Œuvre"), ["cafe", "cafe", "naive", "oeuvre"]);
    assert_eq!(terms("inequalities inequality"), ["inequality", "inequality"]);
    assert_eq!(terms("businesses clusters NHS bus"), ["business", "cluster", "nhs", "bus"]);
    assert_eq!(terms("funding funded planned"), ["fund", "fund", "plan"]);
}

#[test]
fn stop_words_and_symbols_are_dropped() {
    assert_eq!(terms("the state of the art & more!!"), ["state", "art", "more"]);
    assert!(terms("«»—/\\ ++ ** ()").is_empty());
}

#[test]
fn apostrophes_do_not_split_words() {
    assert_eq!(terms("the sector's growth"), ["sector", "growth"]);
    assert_eq!(terms("the sector’s growth"), ["sector", "growth"]);
}

#[test]
fn typo_tolerance_grows_with_term_length() {
    assert_eq!(allowed_edits(3), 0);
    assert_eq!(allowed_edits(4), 1);
    assert_eq!(allowed_edits(7), 1);
    assert_eq!(allowed_edits(8), 2);
}

#[test]
fn the_second_chance_allows_one_more_edit_from_five_letters() {
    assert_eq!(second_chance_edits(3), 0);
    assert_eq!(second_chance_edits(4), 1);
    assert_eq!(second_chance_edits(5), 2);
    assert_eq!(second_chance_edits(7), 2);
    assert_eq!(second_chance_edits(8), 3);
}

#[test]
fn edit_distance_counts_swaps_as_one_and_stops_past_the_bound() {
    assert_eq!(bounded_distance(b"quality", b"qualty", 1), Some(1));
    assert_eq!(bounded_distance(b"diabetes", b"diabtees", 2), Some(1));
    assert_eq!(bounded_distance(b"kitten", b"sitting", 2), None);
    assert_eq!(bounded_distance(b"kitten", b"sitting", 3), Some(3));
    assert_eq!(bounded_distance(b"same", b"same", 0), Some(0));
}

#[test]
fn only_the_last_term_being_typed_matches_as_a_prefix() {
    let q = parse_query("air qual", true);
    assert!(!q[0].prefix && q[1].prefix);
    assert!(!parse_query("air qual ", true)[1].prefix, "a trailing space ends the term");
    assert!(!parse_query("air qual", false)[1].prefix);
}

#[test]
fn a_prefix_finds_longer_words() {
    let ix = index(&[("Diabetes care", ""), ("Dialysis", ""), ("Air", "")]);
    assert_eq!(ids(&ix, "diab"), [0]);
    assert_eq!(ids(&ix, "dia").len(), 2);
}

#[test]
fn exact_matches_rank_above_typo_matches_whatever_the_scores() {
    // "care" appears once in a long text; "cars" (one edit from "care") fills a title.
    let ix = index(&[
        ("Cars cars cars", "cars"),
        ("Report", "a long text that mentions care once among many other words here"),
    ]);
    let r = ix.search("care", QueryOptions { limit: 10, prefix_last: false });
    assert_eq!(r.hits[0].doc, 1);
    assert_eq!(r.hits[0].fuzzy, 0);
    assert_eq!(r.hits[1].fuzzy, 1);
}

#[test]
fn title_matches_outrank_summary_matches() {
    let ix = index(&[("Other", "about diabetes"), ("Diabetes", "other")]);
    assert_eq!(ids(&ix, "diabetes"), [1, 0]);
}

#[test]
fn terms_combine_with_and() {
    let ix = index(&[("Air quality", "west"), ("Air travel", "east"), ("Quality", "")]);
    assert_eq!(ids(&ix, "air quality"), [0]);
}

#[test]
fn when_no_document_has_every_term_the_best_partial_matches_are_labelled() {
    let ix = index(&[("Air quality", ""), ("Diabetes", "")]);
    let r = ix.search("air zebra", QueryOptions::default());
    assert!(r.partial);
    assert_eq!(r.hits.iter().map(|h| h.doc).collect::<Vec<_>>(), [0]);
    assert!(!ix.search("air quality", QueryOptions::default()).partial);
}

#[test]
fn a_word_with_two_slips_is_found_on_the_second_chance_which_says_how_it_read_it() {
    let ix = index(&[("Medtech report", ""), ("Diabetes", "")]);
    let opts = QueryOptions { limit: 10, prefix_last: false };
    assert_eq!(ix.search_without_second_chance("medtek", opts).total, 0, "two edits from medtech");
    let r = ix.search("medtek", opts);
    assert_eq!(r.hits.iter().map(|h| h.doc).collect::<Vec<_>>(), [0]);
    assert_eq!(r.corrected.as_deref(), Some("medtech"));
}

#[test]
fn the_second_chance_is_not_taken_when_every_word_is_found() {
    let ix = index(&[("Medtech report", ""), ("Medtec", "")]);
    let r = ix.search("medtech", QueryOptions::default());
    assert_eq!(r.corrected, None);
    assert_eq!(r, ix.search_without_second_chance("medtech", QueryOptions::default()));
}

#[test]
fn words_under_five_letters_get_no_extra_edit() {
    // "cxrz" is two edits from "care": too far for a four-letter word, even on a retry.
    let ix = index(&[("Care", "")]);
    let r = ix.search("cxrz", QueryOptions { limit: 10, prefix_last: false });
    assert_eq!((r.total, r.corrected), (0, None));
}

#[test]
fn the_second_chance_turns_a_partial_match_into_a_whole_one() {
    let ix = index(&[("Medtech report", ""), ("Annual report", "")]);
    let opts = QueryOptions { limit: 10, prefix_last: false };
    assert!(ix.search_without_second_chance("medtek report", opts).partial);
    let r = ix.search("medtek report", opts);
    assert!(!r.partial);
    assert_eq!(r.hits.iter().map(|h| h.doc).collect::<Vec<_>>(), [0]);
    assert_eq!(r.corrected.as_deref(), Some("medtech report"));
}

#[test]
fn a_partial_match_stays_when_the_second_chance_finds_no_whole_one() {
    let ix = index(&[("Air quality", ""), ("Diabetes", "")]);
    let r = ix.search("air zebra", QueryOptions::default());
    assert!(r.partial);
    assert_eq!(r.corrected, None);
}

#[test]
fn on_the_second_chance_exact_matches_still_rank_above_typo_matches() {
    // Both need the retry for "medtekk"; the second also needs a correction for "report"
    // ("reprot"), so it ranks below the first however often its words occur.
    let ix = index(&[
        ("Medtech", "a report, among many other words of a long text that dilutes its score"),
        ("Medtech reprot", "reprot reprot"),
    ]);
    let r = ix.search("medtekk report", QueryOptions { limit: 10, prefix_last: false });
    assert!(r.corrected.is_some() && !r.partial, "{r:?}");
    assert_eq!(r.hits.iter().map(|h| (h.doc, h.fuzzy)).collect::<Vec<_>>(), [(0, 1), (1, 2)]);
    assert!(r.hits[1].score > r.hits[0].score, "the tier, not the score, puts it first: {r:?}");
}

#[test]
fn another_name_finds_a_document_and_the_whole_name_ranks_it_above_its_words() {
    let ix = SearchIndex::build([
        SearchDoc { title: "Health innovation in the Midlands", ..Default::default() },
        SearchDoc {
            title: "MedTech report",
            summary: "On Midlands medical technology, with health innovation partners.",
            aliases: vec!["HINWM", "Midlands Health Innovation"],
            ..Default::default()
        },
    ]);
    assert_eq!(ids(&ix, "hinwm"), [1]);
    assert_eq!(ids(&ix, "Midlands Health Innovation"), [1, 0]);
    // Each word alone is a better match for the first document's title.
    assert_eq!(ids(&ix, "health innovation midlands")[0], 0, "a name is its words in order");
}

#[test]
fn a_whole_name_is_never_completed_nor_corrected() {
    let ix = SearchIndex::build([SearchDoc {
        title: "Report",
        aliases: vec!["Midlands Health Innovation"],
        ..Default::default()
    }]);
    for q in ["midl", "midlands health innovatoin", "midland health"] {
        let r = ix.search(q, QueryOptions::default());
        assert!(r.highlight.iter().all(|t| !t.contains(' ')), "{q:?}: {:?}", r.highlight);
    }
    assert_eq!(
        ix.did_you_mean("midlands healt innovation").as_deref(),
        Some("midlands health innovation")
    );
}

#[test]
fn results_are_capped_but_the_total_counts_them_all() {
    let docs: Vec<(&str, &str)> = vec![("Health", ""); 50];
    let ix = index(&docs);
    let r = ix.search("health", QueryOptions { limit: 5, prefix_last: false });
    assert_eq!((r.hits.len(), r.total), (5, 50));
    // Equal scores come out in document order.
    assert_eq!(r.hits.iter().map(|h| h.doc).collect::<Vec<_>>(), [0, 1, 2, 3, 4]);
}

#[test]
fn did_you_mean_offers_the_closest_known_words() {
    let ix = index(&[("Diabetes blueprint", "regional networks")]);
    assert_eq!(ix.did_you_mean("diabtes bluprnt").as_deref(), Some("diabetes blueprint"));
    assert_eq!(ix.did_you_mean("diabetes"), None, "known words need no correction");
    assert_eq!(ix.did_you_mean("xyzzy"), None, "nothing close: no suggestion");
}

#[test]
fn hostile_queries_return_calmly() {
    let ix = index(&[("Air quality", "West Midlands"), ("Diabetes", "")]);
    let long = "a".repeat(10_000);
    let spaced = "air ".repeat(2_500);
    for q in [
        "",
        "   ",
        "!!!",
        "\"air\" AND NOT (quality)",
        "😀🏥",
        "מידלנדס",
        "'; DROP TABLE--",
        &long,
        &spaced,
        "\u{0000}\u{202E}air",
    ] {
        let r = ix.search(q, QueryOptions::default());
        assert!(r.hits.len() <= 2, "{q:?}");
        let _ = ix.did_you_mean(q);
    }
    assert_eq!(ids(&ix, "\"air\" AND (quality)"), [0], "quotes and operators are just separators");
}

fn marked(segments: &[Segment]) -> Vec<&str> {
    segments.iter().filter(|s| s.hit).map(|s| s.text.as_str()).collect()
}

#[test]
fn highlighting_marks_matched_words_and_keeps_the_text_whole() {
    let h = Highlighter::new(&["inequality", "health"]);
    let text = "Health inequalities, in Health's words.";
    let segs = h.highlight(text);
    assert_eq!(marked(&segs), ["Health", "inequalities", "Health's"]);
    assert_eq!(segs.iter().map(|s| s.text.as_str()).collect::<String>(), text);
}

#[test]
fn a_snippet_is_cut_around_the_first_match_with_ellipses() {
    let h = Highlighter::new(&["diabete"]);
    let text = "one two three four five six seven eight nine ten eleven twelve diabetes thirteen fourteen fifteen sixteen seventeen eighteen nineteen";
    let segs = h.snippet(text, 6);
    assert_eq!(segs.first().unwrap().text, "…");
    assert_eq!(segs.last().unwrap().text, "…");
    assert_eq!(marked(&segs), ["diabetes"]);
    let short = h.snippet("diabetes care", 6);
    assert_eq!(marked(&short), ["diabetes"]);
    assert!(short.iter().all(|s| s.text != "…"));
}

#[test]
fn an_index_built_a_document_at_a_time_is_the_one_built_at_once() {
    use mhr::core::catalog::Catalog;
    use mhr::core::search::documents::{index_catalog, resource_doc};
    use mhr::core::search::IndexBuilder;
    let catalog = Catalog::new(common::real());
    let whole = index_catalog(&catalog);
    let mut builder = IndexBuilder::new();
    assert!(builder.is_empty());
    for r in &catalog.data().resources {
        builder.add(resource_doc(&catalog, r));
    }
    assert_eq!(builder.len(), catalog.data().resources.len());
    let pieces = builder.finish();
    // Every table alike, not only the answers to a few queries.
    assert_eq!(format!("{pieces:?}"), format!("{whole:?}"));
    assert_eq!(pieces.len(), catalog.data().resources.len());
    assert!(pieces.term_count() > 300, "{} terms", pieces.term_count());
}

#[test]
fn an_index_finished_a_step_at_a_time_is_the_one_finished_at_once() {
    use mhr::core::search::IndexBuilder;
    let docs = crate::synthetic::corpus(7, 3000);
    let whole = crate::synthetic::build_index(&docs);
    let mut builder: IndexBuilder = crate::synthetic::index_builder(&docs);
    // Told to stop at once, it still takes one step, and is not done.
    assert!(!builder.finish_some(&mut || false));
    let mut steps = 1;
    while !builder.finish_some(&mut || false) {
        steps += 1;
        assert!(steps < 100_000, "finishing never ends");
    }
    // Postings, 257 buckets of words, then words by length: many steps, not one.
    assert!(steps > 257, "{steps} steps");
    // Once done it stays done, and finishing has nothing left to do.
    assert!(builder.finish_some(&mut || false));
    let pieces = builder.finish();
    assert_eq!(format!("{pieces:?}"), format!("{whole:?}"));
    assert!(pieces.term_count() > 1000, "{} terms", pieces.term_count());
}
