//! Whether a row's figures can be read against each other, and if not, why.
//!
//! A row is not directly comparable when its figures cover different periods; when any of
//! them states no period ("not stated" twice is not a match); when one of its clusters is
//! part of another (their figures overlap); or when the reports plainly define the sector
//! differently (a part's figure is larger than its whole's). The mark names every reason
//! that applies. That two reports give the same figure is said as a fact, apart from this.

use super::Cell;
use crate::core::catalog::Catalog;
use crate::core::model::Cluster;
use crate::core::nesting::{is_part_of, part_exceeds_whole};

/// Why a row's figures cannot be read against each other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The figures cover different periods: each distinct stated period, in column order.
    PeriodsDiffer(Vec<String>),
    /// Some figures state no period: the names of their clusters; all of them when none does.
    PeriodNotStated {
        /// Clusters whose figure states no period.
        clusters: Vec<String>,
        /// Whether no figure in the row states one.
        none_stated: bool,
    },
    /// One cluster is part of another, so their figures overlap.
    Nested {
        /// The cluster inside the other.
        part: String,
        /// The cluster it is part of.
        whole: String,
    },
    /// A part's figure is larger than its whole's: the reports define the sector differently.
    DefinitionsDiffer {
        /// The cluster inside the other.
        part: String,
        /// The cluster it is part of.
        whole: String,
    },
}

impl Reason {
    /// The reason in words, to follow "Not directly comparable: ".
    pub fn describe(&self) -> String {
        match self {
            Reason::PeriodsDiffer(periods) => format!("different periods, {}", periods.join(" vs ")),
            Reason::PeriodNotStated { none_stated: true, .. } => "no report states a period".into(),
            Reason::PeriodNotStated { clusters, .. } => {
                format!("no period stated for the {}", clusters.join(" or the "))
            }
            Reason::Nested { part, whole } => format!("the {part} is part of the {whole}"),
            Reason::DefinitionsDiffer { part, whole } => format!(
                "the reports define the sector differently (the {part}'s figure is larger than the {whole}'s)"
            ),
        }
    }

    /// A few words for a tight space, such as the chart's row labels.
    pub fn short(&self) -> &'static str {
        match self {
            Reason::PeriodsDiffer(_) => "periods differ",
            Reason::PeriodNotStated { .. } => "period not stated",
            Reason::Nested { .. } => "nested clusters",
            Reason::DefinitionsDiffer { .. } => "definitions differ",
        }
    }
}

/// Whether a row's figures can be read against each other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Comparability {
    /// Only one cluster reports it.
    Single,
    /// Same stated period, no nesting, nothing to suggest the definitions differ.
    Comparable,
    /// Not directly comparable, for every reason listed.
    NotComparable(Vec<Reason>),
}

impl Comparability {
    /// The judgement in words: "comparable", "only one cluster reports this", or "not
    /// directly comparable: " and the reasons.
    pub fn describe(&self) -> String {
        match self {
            Comparability::Single => "only one cluster reports this".into(),
            Comparability::Comparable => "comparable".into(),
            Comparability::NotComparable(reasons) => format!(
                "not directly comparable: {}",
                reasons.iter().map(Reason::describe).collect::<Vec<_>>().join("; ")
            ),
        }
    }
}

/// Judges a row from its cells (`None` where a cluster does not report the measure).
pub(super) fn judge(
    catalog: &Catalog,
    clusters: &[Cluster],
    cells: &[Option<Cell>],
) -> Comparability {
    let present: Vec<(&Cluster, &Cell)> =
        clusters.iter().zip(cells).filter_map(|(cl, c)| Some((cl, c.as_ref()?))).collect();
    if present.len() < 2 {
        return Comparability::Single;
    }
    let mut reasons = Vec::new();
    let mut periods: Vec<&str> = Vec::new();
    for (_, c) in &present {
        if let Some(p) = c.period.as_deref() {
            if !periods.contains(&p) {
                periods.push(p);
            }
        }
    }
    if periods.len() > 1 {
        reasons.push(Reason::PeriodsDiffer(periods.iter().map(|p| p.to_string()).collect()));
    }
    let unstated: Vec<String> =
        present.iter().filter(|(_, c)| c.period.is_none()).map(|(cl, _)| cl.name.clone()).collect();
    if !unstated.is_empty() {
        let none_stated = unstated.len() == present.len();
        reasons.push(Reason::PeriodNotStated { clusters: unstated, none_stated });
    }
    for (part, p) in &present {
        for (whole, w) in &present {
            if part.id != whole.id && is_part_of(catalog, &part.id, &whole.id) {
                let names = (part.name.clone(), whole.name.clone());
                reasons.push(Reason::Nested { part: names.0.clone(), whole: names.1.clone() });
                if part_exceeds_whole(&p.figure, &w.figure) {
                    reasons.push(Reason::DefinitionsDiffer { part: names.0, whole: names.1 });
                }
            }
        }
    }
    if reasons.is_empty() {
        Comparability::Comparable
    } else {
        Comparability::NotComparable(reasons)
    }
}

/// Whether every cluster reporting the measure gives the same figure: value, qualifier,
/// unit and UK share alike (8% of graduates in both reports). Needs at least two.
pub(super) fn same_figure(cells: &[Option<Cell>]) -> bool {
    let present: Vec<&Cell> = cells.iter().flatten().collect();
    let key =
        |c: &Cell| (c.figure.value, c.figure.qualifier, c.figure.unit.clone(), c.figure.uk_share);
    present.len() >= 2 && present.iter().all(|c| key(c) == key(present[0]))
}
