//! The browse view's logic: a [`BrowseState`] (from the URL) applied to the catalog, with an
//! optional search, giving the ordered results and every facet option's count.
//!
//! Section and tag views use the same machinery with one option fixed, so a section view
//! filtered by tag is the browse view filtered by that section and tag.

use super::bitset::BitSet;
use super::catalog::Catalog;
use super::filter::{Facet, FacetIndex};
use super::model::TagKind;
use super::search::SearchResults;
use super::url_state::{BrowseState, Sort};

/// The facets and orderings of a catalog, built once.
#[derive(Debug, Clone)]
pub struct BrowseIndex {
    /// Every section and tag as a facet option.
    pub facets: FacetIndex,
    by_newest: Vec<usize>,
    by_title: Vec<usize>,
}

/// What the browse view shows.
#[derive(Debug, Clone, PartialEq)]
pub struct BrowseOutcome {
    /// Matching documents, in the chosen order.
    pub results: Vec<usize>,
    /// Per facet option (as in [`FacetIndex::options`]): results if it were chosen too.
    pub counts: Vec<usize>,
    /// Option indexes selected (fixed ones included).
    pub selected: Vec<usize>,
}

impl BrowseIndex {
    /// Facets for every section and every tag in use, in the catalog's order.
    pub fn from_catalog(catalog: &Catalog) -> BrowseIndex {
        let d = catalog.data();
        let mut facets = FacetIndex::new(d.resources.len());
        for s in &d.sections {
            let docs =
                d.resources.iter().enumerate().filter(|(_, r)| r.section == s.id).map(|(i, _)| i);
            facets.add_option(Facet::Section, &s.id, &s.title, docs);
        }
        for kind in TagKind::ALL {
            for (tag, _) in catalog.tags_of_kind(kind) {
                let docs = d
                    .resources
                    .iter()
                    .enumerate()
                    .filter(|(_, r)| r.tags.contains(&tag.id))
                    .map(|(i, _)| i);
                facets.add_option(Facet::Tag(kind), &tag.id, &tag.label, docs);
            }
        }
        let years: Vec<Option<u16>> = d.resources.iter().map(|r| r.year).collect();
        let titles: Vec<String> = d.resources.iter().map(|r| r.title.to_lowercase()).collect();
        BrowseIndex::new(facets, &years, &titles)
    }

    /// An index from facets and each document's year and (lower-cased) title.
    pub fn new(facets: FacetIndex, years: &[Option<u16>], titles: &[String]) -> BrowseIndex {
        let mut by_title: Vec<usize> = (0..titles.len()).collect();
        by_title.sort_by(|&a, &b| titles[a].cmp(&titles[b]).then(a.cmp(&b)));
        let mut by_newest: Vec<usize> = (0..years.len()).collect();
        // Newest first; undated last; ties by title.
        by_newest.sort_by(|&a, &b| {
            years[b].cmp(&years[a]).then(titles[a].cmp(&titles[b])).then(a.cmp(&b))
        });
        BrowseIndex { facets, by_newest, by_title }
    }

    /// The option indexes a state selects (unknown ids are skipped: the URL parser has
    /// already reported them).
    pub fn selection(&self, state: &BrowseState) -> Vec<usize> {
        let tags = state.tags.iter().filter_map(|t| self.facets.find_tag(t));
        let sections = state.sections.iter().filter_map(|s| self.facets.find(Facet::Section, s));
        tags.chain(sections).collect()
    }

    /// Applies a state, plus `fixed` options, within the hits of `search` when given (a
    /// search with no terms matches everything).
    pub fn run(
        &self,
        state: &BrowseState,
        fixed: &[usize],
        search: Option<&SearchResults>,
    ) -> BrowseOutcome {
        let mut selected = self.selection(state);
        for &f in fixed {
            if !selected.contains(&f) {
                selected.push(f);
            }
        }
        let search = search.filter(|s| !s.terms.is_empty());
        let base = search.map(|s| {
            let mut set = BitSet::empty(self.facets.len());
            for h in &s.hits {
                set.insert(h.doc as usize);
            }
            set
        });
        let outcome = self.facets.apply(&selected, base.as_ref());
        let order: Box<dyn Iterator<Item = usize> + '_> = match (state.effective_sort(), search) {
            (Sort::Relevance, Some(s)) => Box::new(s.hits.iter().map(|h| h.doc as usize)),
            (Sort::Title, _) => Box::new(self.by_title.iter().copied()),
            _ => Box::new(self.by_newest.iter().copied()),
        };
        let results = order.filter(|&d| outcome.matches.contains(d)).collect();
        BrowseOutcome { results, counts: outcome.counts, selected }
    }
}
