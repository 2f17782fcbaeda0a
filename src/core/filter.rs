//! Faceted filtering: which resources match the selected tags and sections, and how many
//! would match if each other option were chosen too.
//!
//! Options are grouped into facets (sections, then one facet per tag kind). Within a facet
//! options combine with OR (a resource about diabetes *or* ADHD); across facets with AND (and
//! in the West Midlands). An option's count is the size of the result if it were added to
//! the selection, given everything else selected, so a visitor sees before clicking how many
//! resources a choice leaves. Each option's resources are a [`BitSet`], which keeps a
//! recount of every option after a toggle to a few microseconds at 10,000 resources.

use std::collections::HashMap;

use super::bitset::BitSet;
use super::model::TagKind;

/// A group of options combined with OR.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    /// The directory's sections.
    Section,
    /// Tags of one kind.
    Tag(TagKind),
}

impl Facet {
    /// Every facet, in display order.
    pub const ALL: [Facet; 5] = [
        Facet::Section,
        Facet::Tag(TagKind::Theme),
        Facet::Tag(TagKind::Region),
        Facet::Tag(TagKind::Organisation),
        Facet::Tag(TagKind::ResourceType),
    ];

    /// Heading of the facet.
    pub fn label(self) -> &'static str {
        match self {
            Facet::Section => "Sections",
            Facet::Tag(kind) => kind.label(),
        }
    }
}

/// One choosable option: a section or a tag.
#[derive(Debug, Clone)]
pub struct FacetOption {
    /// The facet it belongs to.
    pub facet: Facet,
    /// Section or tag id.
    pub id: String,
    /// Text shown.
    pub label: String,
    /// The resources it covers.
    pub docs: BitSet,
}

/// The options of every facet over a fixed list of documents.
#[derive(Debug, Clone)]
pub struct FacetIndex {
    len: usize,
    options: Vec<FacetOption>,
    by_key: HashMap<(Facet, String), usize>,
}

/// What a selection yields.
#[derive(Debug, Clone, PartialEq)]
pub struct FilterOutcome {
    /// The matching documents.
    pub matches: BitSet,
    /// For each option (index as in [`FacetIndex::options`]): the number of matches if it
    /// were selected too; for a selected option, the number of matches now.
    pub counts: Vec<usize>,
}

impl FacetIndex {
    /// An index over `len` documents; options are added with [`FacetIndex::add_option`].
    pub fn new(len: usize) -> FacetIndex {
        FacetIndex { len, options: Vec::new(), by_key: HashMap::new() }
    }

    /// Adds an option covering the documents `docs` (numbers below `len`); returns its index.
    pub fn add_option(
        &mut self,
        facet: Facet,
        id: &str,
        label: &str,
        docs: impl IntoIterator<Item = usize>,
    ) -> usize {
        let mut set = BitSet::empty(self.len);
        for d in docs {
            set.insert(d);
        }
        let i = self.options.len();
        self.options.push(FacetOption { facet, id: id.into(), label: label.into(), docs: set });
        self.by_key.insert((facet, id.into()), i);
        i
    }

    /// Every option, in the order added.
    pub fn options(&self) -> &[FacetOption] {
        &self.options
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when there are no documents.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The option for a facet and id.
    pub fn find(&self, facet: Facet, id: &str) -> Option<usize> {
        self.by_key.get(&(facet, id.to_string())).copied()
    }

    /// The option with this id in any tag facet (tag ids are unique across kinds).
    pub fn find_tag(&self, id: &str) -> Option<usize> {
        Facet::ALL[1..].iter().find_map(|&f| self.find(f, id))
    }

    /// Applies a selection (option indexes) within `base` (all documents when `None`, or
    /// the documents a search matched).
    pub fn apply(&self, selected: &[usize], base: Option<&BitSet>) -> FilterOutcome {
        let base = base.cloned().unwrap_or_else(|| BitSet::full(self.len));
        // The OR of each facet's selected options; `None` for facets with no selection.
        let masks: Vec<Option<BitSet>> = Facet::ALL
            .iter()
            .map(|&facet| {
                let mut chosen = selected
                    .iter()
                    .filter(|&&i| self.options.get(i).is_some_and(|o| o.facet == facet));
                let first = chosen.next()?;
                let mut mask = self.options[*first].docs.clone();
                for &i in chosen {
                    mask.or_with(&self.options[i].docs);
                }
                Some(mask)
            })
            .collect();
        // For each facet: the matches under every other facet's selection.
        let others: Vec<BitSet> = (0..Facet::ALL.len())
            .map(|skip| {
                let mut set = base.clone();
                for (_, mask) in masks.iter().enumerate().filter(|(f, _)| *f != skip) {
                    if let Some(mask) = mask {
                        set.and_with(mask);
                    }
                }
                set
            })
            .collect();
        let mut matches = others[0].clone();
        if let Some(mask) = &masks[0] {
            matches.and_with(mask);
        }
        let empty = BitSet::empty(self.len);
        let counts = self
            .options
            .iter()
            .map(|o| {
                let f = Facet::ALL.iter().position(|&x| x == o.facet).unwrap_or(0);
                others[f].count_and_of_union(masks[f].as_ref().unwrap_or(&empty), &o.docs)
            })
            .collect();
        FilterOutcome { matches, counts }
    }
}
