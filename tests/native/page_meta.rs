//! Page head facts from the dataset: descriptions cut honestly, JSON-LD that cannot close
//! its element, and no fact the dataset lacks.

use crate::common;

use mhr::core::catalog::Catalog;
use mhr::core::page_meta::{json_for_script, page_meta, shorten};
use mhr::core::route::Route;
use serde_json::json;

#[test]
fn a_short_text_is_kept_whole() {
    assert_eq!(shorten("  One   short line. ", 200), "One short line.");
}

#[test]
fn a_long_text_keeps_its_whole_sentences_that_fit() {
    assert_eq!(shorten("First one. Second sentence is long.", 20), "First one.");
}

#[test]
fn a_long_sentence_is_cut_at_a_word_with_an_ellipsis() {
    assert_eq!(shorten("alpha beta gamma, delta epsilon", 20), "alpha beta gamma…");
    assert!(shorten(&"word ".repeat(100), 50).chars().count() <= 50);
}

#[test]
fn json_ld_text_cannot_end_its_script_element() {
    let value = json!({ "name": "</script><script>alert(1)</script> & <!--" });
    let text = json_for_script(&value);
    assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'), "{text}");
    assert_eq!(serde_json::from_str::<serde_json::Value>(&text).unwrap(), value);
}

#[test]
fn only_a_resource_is_cited_and_only_a_known_site_gives_addresses() {
    let catalog = Catalog::new(common::real());
    let home = page_meta(&catalog, &Route::Home, "Home", None);
    assert!(home.citation.is_empty() && home.json_ld.is_none() && home.url.is_none());
    let id = "focus-adhd-guide".to_string();
    let r = page_meta(&catalog, &Route::Resource(id.clone()), "x", Some("https://e.org/h/"));
    assert_eq!(r.url.as_deref(), Some("https://e.org/h/resource/focus-adhd-guide/"));
    assert_eq!(r.og_type, "article");
    let date = r.citation.iter().find(|(k, _)| *k == "citation_publication_date");
    assert_eq!(date.map(|(_, v)| v.as_str()), Some("2023"), "'Late 2023' is the year alone");
    let unknown = page_meta(&catalog, &Route::Resource("nope".into()), "x", None);
    assert!(unknown.citation.is_empty(), "an unknown id is cited as nothing");
}
