//! Faceted filtering: OR within a facet, AND across facets, and honest option counts.

use mhr::core::bitset::BitSet;
use mhr::core::filter::{Facet, FacetIndex};
use mhr::core::model::TagKind;
use proptest::prelude::*;

const THEME: Facet = Facet::Tag(TagKind::Theme);
const REGION: Facet = Facet::Tag(TagKind::Region);

/// Six documents: themes a/b, regions x/y, sections s1/s2.
fn index() -> FacetIndex {
    let mut ix = FacetIndex::new(6);
    ix.add_option(Facet::Section, "s1", "S1", [0, 1, 2]);
    ix.add_option(Facet::Section, "s2", "S2", [3, 4, 5]);
    ix.add_option(THEME, "a", "A", [0, 1, 3]);
    ix.add_option(THEME, "b", "B", [1, 2, 4]);
    ix.add_option(REGION, "x", "X", [0, 4]);
    ix.add_option(REGION, "y", "Y", [1, 5]);
    ix
}

fn docs(set: &BitSet) -> Vec<usize> {
    set.iter().collect()
}

#[test]
fn nothing_selected_matches_everything_and_counts_each_option_alone() {
    let ix = index();
    let out = ix.apply(&[], None);
    assert_eq!(docs(&out.matches), [0, 1, 2, 3, 4, 5]);
    assert_eq!(out.counts, [3, 3, 3, 3, 2, 2]);
}

#[test]
fn options_of_one_facet_combine_with_or() {
    let ix = index();
    let a = ix.find(THEME, "a").unwrap();
    let b = ix.find(THEME, "b").unwrap();
    assert_eq!(docs(&ix.apply(&[a, b], None).matches), [0, 1, 2, 3, 4]);
}

#[test]
fn facets_combine_with_and() {
    let ix = index();
    let a = ix.find(THEME, "a").unwrap();
    let x = ix.find(REGION, "x").unwrap();
    assert_eq!(docs(&ix.apply(&[a, x], None).matches), [0]);
}

#[test]
fn counts_say_what_adding_each_option_would_give() {
    let ix = index();
    let a = ix.find(THEME, "a").unwrap();
    let out = ix.apply(&[a], None);
    // b joins a (OR): {0,1,3} ∪ {1,2,4}; x narrows a to {0}; y narrows a to {1}.
    assert_eq!(out.counts[ix.find(THEME, "b").unwrap()], 5);
    assert_eq!(out.counts[ix.find(REGION, "x").unwrap()], 1);
    assert_eq!(out.counts[ix.find(REGION, "y").unwrap()], 1);
    assert_eq!(out.counts[a], 3, "a selected option counts the current matches");
    assert_eq!(out.counts[ix.find(Facet::Section, "s2").unwrap()], 1);
}

#[test]
fn a_search_limits_both_matches_and_counts() {
    let ix = index();
    let mut base = BitSet::empty(6);
    base.insert(4);
    base.insert(5);
    let out = ix.apply(&[], Some(&base));
    assert_eq!(docs(&out.matches), [4, 5]);
    assert_eq!(out.counts[ix.find(THEME, "a").unwrap()], 0);
    assert_eq!(out.counts[ix.find(REGION, "y").unwrap()], 1);
}

#[test]
fn tags_are_found_in_any_kind_and_unknown_ones_are_not() {
    let ix = index();
    assert_eq!(ix.find_tag("y"), ix.find(REGION, "y"));
    assert_eq!(ix.find_tag("s1"), None, "sections are not tags");
    assert_eq!(ix.find_tag("zzz"), None);
}

#[test]
fn bit_sets_ignore_out_of_range_documents_and_full_sets_stop_at_their_length() {
    let mut s = BitSet::empty(70);
    s.insert(69);
    s.insert(70);
    assert_eq!(docs(&s), [69]);
    assert_eq!(BitSet::full(70).count(), 70);
    assert!(!BitSet::full(70).contains(70));
}

fn random_index() -> impl Strategy<Value = (FacetIndex, Vec<usize>)> {
    let n = 1usize..150;
    n.prop_flat_map(|n| {
        let option = (0usize..5, prop::collection::vec(0..n, 0..n));
        (Just(n), prop::collection::vec(option, 1..12), prop::collection::vec(0usize..12, 0..6))
    })
    .prop_map(|(n, options, picks)| {
        let mut ix = FacetIndex::new(n);
        for (i, (facet, members)) in options.iter().enumerate() {
            ix.add_option(Facet::ALL[*facet], &format!("o{i}"), "", members.iter().copied());
        }
        let count = ix.options().len();
        let mut selected: Vec<usize> = picks.into_iter().filter(|&p| p < count).collect();
        selected.dedup();
        (ix, selected)
    })
}

proptest! {
    #[test]
    fn every_match_satisfies_every_facet_with_a_selection((ix, sel) in random_index()) {
        let out = ix.apply(&sel, None);
        for d in out.matches.iter() {
            for facet in Facet::ALL {
                let chosen: Vec<&usize> = sel.iter().filter(|&&i| ix.options()[i].facet == facet).collect();
                if !chosen.is_empty() {
                    prop_assert!(chosen.iter().any(|&&i| ix.options()[i].docs.contains(d)));
                }
            }
        }
    }

    #[test]
    fn the_order_of_choosing_does_not_matter((ix, sel) in random_index()) {
        let mut reversed = sel.clone();
        reversed.reverse();
        prop_assert_eq!(ix.apply(&sel, None), ix.apply(&reversed, None));
    }

    #[test]
    fn an_options_count_equals_the_result_after_choosing_it((ix, sel) in random_index()) {
        let out = ix.apply(&sel, None);
        for (i, &count) in out.counts.iter().enumerate() {
            let mut with = sel.clone();
            if !with.contains(&i) {
                with.push(i);
            }
            prop_assert_eq!(count, ix.apply(&with, None).matches.count());
        }
    }

    #[test]
    fn clearing_everything_gives_back_the_whole_set((ix, _sel) in random_index()) {
        prop_assert_eq!(ix.apply(&[], None).matches.count(), ix.len());
    }
}
