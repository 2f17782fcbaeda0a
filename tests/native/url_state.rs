//! The browse state in the URL: forgiving to read, canonical to write, and round-tripping.

use mhr::core::url_state::{parse_browse_state, query_pairs, BrowseState, Sort};
use proptest::prelude::*;

const TAGS: [&str; 4] = ["diabetes", "west-midlands", "air-quality", "report"];
const SECTIONS: [&str; 3] = ["strengths", "challenges", "additional"];

fn parse(search: &str) -> (BrowseState, Vec<String>) {
    parse_browse_state(search, |t| TAGS.contains(&t), |s| SECTIONS.contains(&s))
}

#[test]
fn a_full_query_string_is_read_in_order() {
    let (s, notices) =
        parse("?q=air+quality&tag=diabetes&tag=west-midlands&section=challenges&sort=title");
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(s.query, "air quality");
    assert_eq!(s.tags, ["diabetes", "west-midlands"]);
    assert_eq!(s.sections, ["challenges"]);
    assert_eq!(s.sort, Some(Sort::Title));
}

#[test]
fn unknown_repeated_and_malformed_parts_are_dropped_with_a_notice_each() {
    let (s, notices) = parse("tag=nope&tag=diabetes&tag=diabetes&section=x&sort=sideways&sort=title&q=a&q=b&tag=%E0%A4%A");
    assert_eq!(s.tags, ["diabetes"]);
    assert!(s.sections.is_empty());
    assert_eq!((s.sort, s.query.as_str()), (None, "a"));
    assert_eq!(notices.len(), 7, "{notices:#?}");
    assert!(notices[0].contains("nope"));
}

#[test]
fn keys_that_belong_to_others_are_ignored_quietly() {
    let (s, notices) = parse("embed=1&utm_source=x&tag=report");
    assert_eq!(s.tags, ["report"]);
    assert!(notices.is_empty());
}

#[test]
fn the_default_state_writes_no_query_string() {
    assert_eq!(BrowseState::default().to_query_string(), "");
}

#[test]
fn writing_is_canonical_and_encodes_values() {
    let s = BrowseState {
        query: " a&b ".into(),
        tags: vec!["diabetes".into()],
        sections: vec!["strengths".into()],
        sort: Some(Sort::Newest),
    };
    assert_eq!(s.to_query_string(), "?q=a%26b&tag=diabetes&section=strengths&sort=newest");
}

#[test]
fn toggling_adds_then_removes_and_clearing_keeps_the_query() {
    let s = BrowseState { query: "x".into(), ..Default::default() };
    let one = s.toggled_tag("diabetes").toggled_section("strengths");
    assert_eq!(one.selected_count(), 2);
    assert_eq!(one.toggled_tag("diabetes").tags, Vec::<String>::new());
    assert_eq!(one.cleared(), s);
}

#[test]
fn the_default_sort_is_relevance_with_a_query_and_newest_without() {
    assert_eq!(BrowseState::default().effective_sort(), Sort::Newest);
    let s = BrowseState { query: "air".into(), ..Default::default() };
    assert_eq!(s.effective_sort(), Sort::Relevance);
}

#[test]
fn broken_encoding_is_kept_as_text_and_flagged() {
    const BAD: char = char::REPLACEMENT_CHARACTER;
    let pair = |k: &str, v: &str, clean: bool| (k.to_string(), v.to_string(), clean);
    // A '%' without two hex digits stays as written; bytes that are not UTF-8 become U+FFFD;
    // either way the pair says it was not clean, so the caller can tell the visitor.
    assert_eq!(query_pairs("%"), [pair("%", "", false)]);
    assert_eq!(query_pairs("%zz"), [pair("%zz", "", false)]);
    assert_eq!(query_pairs("%E0%A4"), [pair(&BAD.to_string(), "", false)]);
    assert_eq!(query_pairs("a=%"), [pair("a", "%", false)]);
    assert_eq!(query_pairs("&&&"), []);
    assert_eq!(query_pairs("=x"), [pair("", "x", true)]);
    assert_eq!(query_pairs("q=%FF%FE"), [pair("q", &format!("{BAD}{BAD}"), false)]);
    assert_eq!(query_pairs("q=caf%C3%A9+au+lait"), [pair("q", "café au lait", true)]);

    // Read as a browse state, none of these selects a tag or section, and each broken one
    // is named in a notice.
    for raw in ["%", "%zz", "%E0%A4", "a=%", "q=%FF%FE", "tag=%E0%A4", "section=%zz"] {
        let (s, notices) = parse(raw);
        assert!(s.tags.is_empty() && s.sections.is_empty(), "{raw}: {s:?}");
        assert!(!notices.is_empty(), "{raw}: no notice");
    }
    let (s, notices) = parse("&&&");
    assert_eq!((s, notices.len()), (BrowseState::default(), 0));
}

fn state() -> impl Strategy<Value = BrowseState> {
    (
        "\\PC{0,30}",
        prop::sample::subsequence(TAGS.to_vec(), 0..=4).prop_shuffle(),
        prop::sample::subsequence(SECTIONS.to_vec(), 0..=3).prop_shuffle(),
        prop::option::of(prop::sample::select(vec![Sort::Relevance, Sort::Newest, Sort::Title])),
    )
        .prop_map(|(q, tags, sections, sort)| BrowseState {
            query: q.trim().to_string(),
            tags: tags.into_iter().map(String::from).collect(),
            sections: sections.into_iter().map(String::from).collect(),
            sort,
        })
}

proptest! {
    #[test]
    fn every_state_round_trips_through_its_url(s in state()) {
        let (back, notices) = parse(&s.to_query_string());
        prop_assert!(notices.is_empty(), "{:?}", notices);
        prop_assert_eq!(back, s);
    }

    #[test]
    fn any_query_string_parses_without_panicking(raw in "\\PC{0,80}") {
        let _ = parse(&raw);
    }
}
