//! Comparing clusters' statistics side by side, honestly.
//!
//! Figures of the chosen clusters are aligned by measure into rows. A cell keeps everything a
//! reader needs to quote it: value with its qualifier, unit, UK share, period, the page that
//! states it, and its note. A row is marked not directly comparable, with its reasons, when
//! its periods differ or are not stated, when one of its clusters is part of another, or when
//! the reports define the sector differently ([`comparability`]). Clusters that are part of
//! others are also said to be in plain words above the rows ([`Comparison::notes`]).
//!
//! A UK share is marked higher, and rows are ordered by a share, only as far as the
//! qualifiers allow ([`crate::core::bounds`]): "11%" is not known to be higher than "over
//! 10%". The one derived figure, an implied UK total from a count and its UK share, keeps
//! the count's hedge, is rounded to two significant figures, and is not derived from counts
//! under [`MIN_COUNT_FOR_IMPLIED_TOTAL`]. A missing figure is "not reported", never 0.

mod comparability;
mod csv;

pub use comparability::{Comparability, Reason};

use super::bounds::Bounds;
use super::catalog::Catalog;
use super::format::{format_number, format_percent, format_value};
use super::model::{Cluster, Figure, Measure, Qualifier};
use super::nesting::side_by_side_notes;
use super::provenance::Provenance;

/// The smallest count an implied UK total is derived from. Shares are given in whole
/// percent, so below this the total is too uncertain to state: 8 companies at 14% could be
/// 14% of anything from 56 to 59 (8 is 13.5% of 59 and 14.5% of 55).
pub const MIN_COUNT_FOR_IMPLIED_TOTAL: f64 = 100.0;

/// How implied UK totals are derived, for the view to state beside them.
pub const IMPLIED_TOTAL_RULE: &str = "An implied UK total is a count divided by its UK share, rounded to two significant figures and hedged as the count is: over 5,500 at 9% implies more than about 61,000. None is derived from a count under 100, where a share in whole percent is too coarse: 8 companies at 14% could be 14% of anything from 56 to 59.";

/// One cluster's figure for one measure.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// The figure as stored.
    pub figure: Figure,
    /// The value as quoted ("over 5,500"), or `None` when only a UK share is given.
    pub value: Option<String>,
    /// The UK share as quoted ("9%"), qualified when it stands alone ("over 10%").
    pub uk_share: Option<String>,
    /// The period the figure covers, or where its source is dated, "published YYYY";
    /// `None` when neither is stated.
    pub period: Option<String>,
    /// Where the figure is stated.
    pub source: Provenance,
    /// The implied UK total with the count's hedge ("more than about 61,000"), derived
    /// from value and UK share; `None` for money, shares and counts under
    /// [`MIN_COUNT_FOR_IMPLIED_TOTAL`].
    pub implied_uk_total: Option<String>,
}

impl Cell {
    /// The period as shown: the stated one, or "not stated".
    pub fn period_text(&self) -> &str {
        self.period.as_deref().unwrap_or("not stated")
    }

    /// Whether the UK share carries a qualifier ("over 10%"): the share stands alone and the
    /// source hedges it.
    pub fn share_is_hedged(&self) -> bool {
        let f = &self.figure;
        f.uk_share.is_some() && f.value.is_none() && f.qualifier.is_some()
    }

    /// What the UK share allows, with the qualifier where the share stands alone.
    fn share_bounds(&self) -> Option<Bounds> {
        let f = &self.figure;
        let qualifier = if f.value.is_none() { f.qualifier } else { None };
        Some(Bounds::of_share(f.uk_share?, qualifier))
    }
}

/// One measure across the chosen clusters.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// What is measured.
    pub measure: Measure,
    /// One cell per chosen cluster, `None` where it is not reported.
    pub cells: Vec<Option<Cell>>,
    /// Whether the figures can be compared, and if not, why.
    pub comparability: Comparability,
    /// Whether every cluster reporting it gives the same figure (at least two do).
    pub same_figure: bool,
    /// The cluster whose UK share is higher than every other in the row whatever the
    /// qualifiers allow, when at least two report a share.
    pub highest_share: Option<usize>,
    /// Ordered by a cluster's share: whether the qualifiers leave this row's place open
    /// ("over 10%" below "12%" might be the larger).
    pub place_uncertain: bool,
}

/// What a row that is not directly comparable is marked with, before its reasons.
pub const CAUTION_MARK: &str = "Not directly comparable: ";

impl Row {
    /// The mark of a row that is not directly comparable, with every reason, as a sentence:
    /// "Not directly comparable: the X is part of the Y; no report states a period."
    pub fn caution(&self) -> Option<String> {
        self.caution_reasons().map(|r| format!("{CAUTION_MARK}{r}."))
    }

    /// Every reason a row is not directly comparable, joined, to follow [`CAUTION_MARK`]
    /// (the table sets the mark apart from its reasons).
    pub fn caution_reasons(&self) -> Option<String> {
        match &self.comparability {
            Comparability::NotComparable(reasons) => {
                Some(reasons.iter().map(Reason::describe).collect::<Vec<_>>().join("; "))
            }
            _ => None,
        }
    }

    /// The same mark in a few words, for a chart's row, with the order's doubt if any:
    /// "Not directly comparable: nested clusters, period not stated".
    pub fn short_caution(&self) -> Option<String> {
        let mut parts = Vec::new();
        if let Comparability::NotComparable(reasons) = &self.comparability {
            let mut short: Vec<&str> = Vec::new();
            for r in reasons.iter().map(Reason::short) {
                if !short.contains(&r) {
                    short.push(r);
                }
            }
            parts.push(format!("Not directly comparable: {}", short.join(", ")));
        }
        if self.place_uncertain {
            parts.push("place in this order uncertain".to_string());
        }
        (!parts.is_empty()).then(|| parts.join("; "))
    }

    /// Said of a row whose place in a share order the qualifiers leave open.
    pub fn place_note(&self) -> Option<&'static str> {
        self.place_uncertain.then_some(
            "Its place in this order is uncertain: the share's qualifier leaves it open.",
        )
    }

    /// "Same figure in both reports" (or "in every report" for more than two), when it is.
    pub fn same_figure_text(&self) -> Option<&'static str> {
        let n = self.cells.iter().flatten().count();
        self.same_figure.then_some(if n == 2 {
            "Same figure in both reports"
        } else {
            "Same figure in every report"
        })
    }
}

/// The chosen clusters' figures aligned by measure.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The clusters, in the order chosen.
    pub clusters: Vec<Cluster>,
    /// Rows in the chosen order; only measures some chosen cluster reports.
    pub rows: Vec<Row>,
    /// Plain words on chosen clusters that are part of others, and on parts' figures larger
    /// than their whole's; empty when no two chosen clusters are nested.
    pub notes: Vec<String>,
    /// For each chosen cluster, the name of the cluster it is part of, if any.
    pub part_of: Vec<Option<String>>,
}

/// How rows are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowOrder {
    /// As the dataset lists measures.
    Dataset,
    /// By measure label, A to Z.
    Label,
    /// By the UK share of the chosen cluster (by position), highest first as far as the
    /// qualifiers allow; rows without one last.
    Share(usize),
}

impl RowOrder {
    /// The value used in URLs.
    pub fn key(self) -> String {
        match self {
            RowOrder::Dataset => "dataset".into(),
            RowOrder::Label => "label".into(),
            RowOrder::Share(i) => format!("share-{i}"),
        }
    }

    /// Reads a URL value.
    pub fn from_key(key: &str) -> Option<RowOrder> {
        match key {
            "dataset" => Some(RowOrder::Dataset),
            "label" => Some(RowOrder::Label),
            _ => key.strip_prefix("share-")?.parse().ok().map(RowOrder::Share),
        }
    }
}

/// The period a figure covers: its own, else its source's publication year.
fn period_of(catalog: &Catalog, f: &Figure) -> Option<String> {
    if let Some(p) = &f.period {
        return Some(p.clone());
    }
    catalog.resource(&f.resource).and_then(|r| r.year).map(|year| format!("published {year}"))
}

/// Rounds to two significant figures: 61,111 becomes 61,000.
fn two_significant(v: f64) -> f64 {
    if v <= 0.0 || !v.is_finite() {
        return v;
    }
    let magnitude = 10f64.powi(v.log10().floor() as i32 - 1);
    (v / magnitude).round() * magnitude
}

/// The UK total a count and its share imply, hedged as the count is.
fn implied_uk_total(f: &Figure) -> Option<String> {
    let counts = !matches!(f.unit.as_str(), "percent" | "GBP" | "one-in");
    let (v, s) = (f.value?, f.uk_share?);
    if !counts || s <= 0.0 || v < MIN_COUNT_FOR_IMPLIED_TOTAL {
        return None;
    }
    let hedge = match f.qualifier {
        None | Some(Qualifier::About) => "about",
        Some(Qualifier::Over) => "more than about",
        Some(Qualifier::Almost) => "just under about",
        Some(Qualifier::UpTo) => "up to about",
    };
    Some(format!("{hedge} {}", format_number(two_significant(v * 100.0 / s))))
}

fn cell(catalog: &Catalog, f: &Figure) -> Cell {
    let share = f.uk_share.map(|s| match (f.value, f.qualifier) {
        (None, Some(q)) => format!("{} {}", q.words(), format_percent(s)),
        _ => format_percent(s),
    });
    Cell {
        value: format_value(f),
        uk_share: share,
        period: period_of(catalog, f),
        source: Provenance::of(catalog, f),
        implied_uk_total: implied_uk_total(f),
        figure: f.clone(),
    }
}

/// The cell whose share is above every other share in the row whatever the qualifiers allow.
fn highest_share(cells: &[Option<Cell>]) -> Option<usize> {
    let shares: Vec<(usize, Bounds)> = cells
        .iter()
        .enumerate()
        .filter_map(|(i, c)| Some((i, c.as_ref()?.share_bounds()?)))
        .collect();
    if shares.len() < 2 {
        return None;
    }
    shares
        .iter()
        .find(|(i, b)| shares.iter().all(|(j, o)| i == j || b.certainly_above(o)))
        .map(|(i, _)| *i)
}

/// Aligns the figures of the clusters with these ids (unknown ids are skipped).
pub fn compare(catalog: &Catalog, cluster_ids: &[String], order: RowOrder) -> Comparison {
    let d = catalog.data();
    let clusters: Vec<Cluster> =
        cluster_ids.iter().filter_map(|id| catalog.cluster(id)).cloned().collect();
    let mut rows: Vec<Row> = d
        .measures
        .iter()
        .filter_map(|m| {
            let cells: Vec<Option<Cell>> = clusters
                .iter()
                .map(|c| {
                    d.figures
                        .iter()
                        .find(|f| f.measure == m.id && f.cluster.as_deref() == Some(c.id.as_str()))
                        .map(|f| cell(catalog, f))
                })
                .collect();
            if cells.iter().all(Option::is_none) {
                return None;
            }
            Some(Row {
                measure: m.clone(),
                comparability: comparability::judge(catalog, &clusters, &cells),
                same_figure: comparability::same_figure(&cells),
                highest_share: highest_share(&cells),
                place_uncertain: false,
                cells,
            })
        })
        .collect();
    sort(&mut rows, order);
    let shown: Vec<&Figure> =
        rows.iter().flat_map(|r| r.cells.iter().flatten()).map(|c| &c.figure).collect();
    let notes = side_by_side_notes(catalog, &shown);
    let part_of = clusters
        .iter()
        .map(|c| Some(catalog.cluster(c.part_of.as_deref()?)?.name.clone()))
        .collect();
    Comparison { clusters, rows, notes, part_of }
}

/// Puts rows in `order`. By a share: highest first by the least each share can be (so
/// "over 10%" stands at 10), then each row whose place the qualifiers leave open is marked.
fn sort(rows: &mut [Row], order: RowOrder) {
    match order {
        RowOrder::Dataset => {}
        RowOrder::Label => rows.sort_by_key(|r| r.measure.label.to_lowercase()),
        RowOrder::Share(i) => {
            let bounds = |r: &Row| r.cells.get(i).and_then(|c| c.as_ref()?.share_bounds());
            rows.sort_by(|a, b| match (bounds(a), bounds(b)) {
                (Some(x), Some(y)) => y.low.total_cmp(&x.low),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            });
            let mut above: Vec<Bounds> = Vec::new();
            for row in rows.iter_mut() {
                if let Some(b) = bounds(row) {
                    row.place_uncertain = above.iter().any(|a| !a.certainly_not_below(&b));
                    above.push(b);
                }
            }
        }
    }
}
