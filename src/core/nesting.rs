//! Clusters inside other clusters, said in plain words wherever their figures meet.
//!
//! The data-driven healthcare cluster and the MedTech sector are concentrations inside the
//! health and life sciences super cluster (`Cluster::part_of` in the dataset). Their figures
//! overlap with the super cluster's, so they can be read side by side but never added up.
//! Wherever a part's figures stand beside its whole's (the comparison, the home view's
//! headlines), the view says so; and where a part's figure is larger than its whole's
//! (MedTech's 23,600 jobs against the super cluster's "over 18,000"), it says that the
//! reports define the sector differently rather than lining the two up silently.

use super::catalog::Catalog;
use super::format::format_value;
use super::model::{Cluster, Figure};

/// A cluster and a cluster it is part of.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Nested<'a> {
    /// The cluster inside the other.
    pub part: &'a Cluster,
    /// The cluster it is part of, directly or through another.
    pub whole: &'a Cluster,
}

/// Whether the cluster `part` lies inside `whole`, directly or through clusters between.
/// A cycle in the dataset (which validation refuses) ends the walk rather than looping.
pub fn is_part_of(catalog: &Catalog, part: &str, whole: &str) -> bool {
    let mut current = part;
    for _ in 0..catalog.data().clusters.len() {
        match catalog.cluster(current).and_then(|c| c.part_of.as_deref()) {
            Some(parent) if parent == whole => return true,
            Some(parent) => current = parent,
            None => return false,
        }
    }
    false
}

/// Every pair of the given clusters where one is part of the other, in the order given.
pub fn nested_pairs<'a>(catalog: &'a Catalog, ids: &[&str]) -> Vec<Nested<'a>> {
    let clusters: Vec<&Cluster> = ids.iter().filter_map(|id| catalog.cluster(id)).collect();
    let mut pairs = Vec::new();
    for part in &clusters {
        for whole in &clusters {
            if part.id != whole.id && is_part_of(catalog, &part.id, &whole.id) {
                pairs.push(Nested { part, whole });
            }
        }
    }
    pairs
}

/// Whether a part's figure is larger than its whole's for the same measure, as the two
/// are stated (the qualifiers are quoted with them wherever this is said). Only amounts
/// in the same unit count: a part's share of the UK is often larger than its whole's, and
/// says nothing about definitions.
pub fn part_exceeds_whole(part: &Figure, whole: &Figure) -> bool {
    let amount = !matches!(part.unit.as_str(), "percent" | "one-in");
    match (part.value, whole.value) {
        (Some(p), Some(w)) => amount && part.unit == whole.unit && p > w,
        _ => false,
    }
}

/// The sentence saying a cluster is part of another.
pub fn nested_sentence(n: &Nested) -> String {
    format!(
        "The {} is part of the {}, so their figures overlap: read them side by side, never add them together.",
        n.part.name, n.whole.name
    )
}

/// The sentence saying a part's figure is larger than its whole's.
pub fn exceeds_sentence(catalog: &Catalog, n: &Nested, part: &Figure, whole: &Figure) -> String {
    let measure = catalog.measure(&part.measure).map_or(part.measure.as_str(), |m| &m.label);
    format!(
        "The {}'s figure for {} ({}) is larger than the {}'s ({}), though it is part of it: the two reports define the sector differently.",
        n.part.name,
        lower_first(measure),
        format_value(part).unwrap_or_default(),
        n.whole.name,
        format_value(whole).unwrap_or_default(),
    )
}

/// What a reader needs to know about figures shown side by side: which of their clusters
/// are part of which, and where a part's figure is larger than its whole's. Empty when no
/// two of the figures' clusters are nested.
pub fn side_by_side_notes(catalog: &Catalog, figures: &[&Figure]) -> Vec<String> {
    let mut ids: Vec<&str> = Vec::new();
    for f in figures {
        if let Some(c) = f.cluster.as_deref() {
            if !ids.contains(&c) {
                ids.push(c);
            }
        }
    }
    let mut notes = Vec::new();
    for n in nested_pairs(catalog, &ids) {
        notes.push(nested_sentence(&n));
        let in_cluster = |f: &&&Figure, c: &Cluster| f.cluster.as_deref() == Some(c.id.as_str());
        for p in figures.iter().filter(|f| in_cluster(f, n.part)) {
            for w in figures.iter().filter(|w| in_cluster(w, n.whole) && w.measure == p.measure) {
                if part_exceeds_whole(p, w) {
                    notes.push(exceeds_sentence(catalog, &n, p, w));
                }
            }
        }
    }
    notes
}

/// "Jobs" becomes "jobs" in the middle of a sentence; "GVA per worker" stays as it is. Only
/// an ASCII capital is lowered (the measures' labels are English): Unicode's lower-casing
/// would bring its case tables (11.5 KB) into the app's main module, where home's figures
/// use this sentence; a label that starts with another capital stays as it is written.
fn lower_first(label: &str) -> String {
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_ascii_uppercase() && !second.is_uppercase() => {
            let mut lowered = label.to_string();
            lowered[..1].make_ascii_lowercase();
            lowered
        }
        _ => label.to_string(),
    }
}
