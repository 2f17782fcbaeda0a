//! Comparing clusters' statistics side by side, honestly.
//!
//! Figures of the chosen clusters are aligned by measure into rows. A cell keeps everything a
//! reader needs to quote it: value with its qualifier, unit, UK share, period and source. A
//! row whose figures come from different periods (the figure's own period, else the year its
//! source was published) is marked as not directly comparable rather than lined up silently.
//! The one derived figure, an implied UK total from a count and its UK share, is rounded,
//! marked approximate and labelled as derived. A missing figure is "not reported", never 0.

use super::catalog::Catalog;
use super::export::csv_field;
use super::format::{format_number, format_percent, format_value, plain_number};
use super::model::{Cluster, Figure, Measure};

/// One cluster's figure for one measure.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// The figure as stored.
    pub figure: Figure,
    /// The value as quoted ("over 5,500"), or `None` when only a UK share is given.
    pub value: Option<String>,
    /// The UK share as quoted ("9%"), qualified when it stands alone ("over 10%").
    pub uk_share: Option<String>,
    /// The period the figure covers, or where its source is dated, "published YYYY".
    pub period: String,
    /// The source resource's id and title.
    pub source: (String, String),
    /// The implied UK total ("about 61,000"), derived from value and UK share.
    pub implied_uk_total: Option<String>,
}

/// Whether a row's figures can be read against each other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Comparability {
    /// Only one cluster reports it.
    Single,
    /// Same period for every figure.
    Comparable,
    /// Different periods; the reason says which.
    NotComparable(String),
}

/// One measure across the chosen clusters.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// What is measured.
    pub measure: Measure,
    /// One cell per chosen cluster, `None` where it is not reported.
    pub cells: Vec<Option<Cell>>,
    /// Whether the figures can be compared.
    pub comparability: Comparability,
    /// The cluster with the highest UK share, when at least two report a share and one is
    /// strictly highest.
    pub highest_share: Option<usize>,
}

/// The chosen clusters' figures aligned by measure.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The clusters, in the order chosen.
    pub clusters: Vec<Cluster>,
    /// Rows in the dataset's measure order; only measures some chosen cluster reports.
    pub rows: Vec<Row>,
}

/// How rows are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowOrder {
    /// As the dataset lists measures.
    Dataset,
    /// By measure label, A to Z.
    Label,
    /// By the UK share of the chosen cluster (by position), highest first; rows without one last.
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

/// The period used to judge comparability and shown under a figure.
fn period_of(catalog: &Catalog, f: &Figure) -> String {
    if let Some(p) = &f.period {
        return p.clone();
    }
    match catalog.resource(&f.resource).and_then(|r| r.year) {
        Some(year) => format!("published {year}"),
        None => "not stated".into(),
    }
}

/// Rounds to two significant figures: 61,111 becomes 61,000.
fn two_significant(v: f64) -> f64 {
    if v <= 0.0 || !v.is_finite() {
        return v;
    }
    let magnitude = 10f64.powi(v.log10().floor() as i32 - 1);
    (v / magnitude).round() * magnitude
}

fn cell(catalog: &Catalog, f: &Figure) -> Cell {
    let counts = !matches!(f.unit.as_str(), "percent" | "GBP" | "one-in");
    let implied = match (f.value, f.uk_share) {
        (Some(v), Some(s)) if counts && s > 0.0 => {
            Some(format!("about {}", format_number(two_significant(v * 100.0 / s))))
        }
        _ => None,
    };
    let share = f.uk_share.map(|s| match (f.value, f.qualifier) {
        (None, Some(q)) => format!("{} {}", q.words(), format_percent(s)),
        _ => format_percent(s),
    });
    let source =
        catalog.resource(&f.resource).map(|r| (r.id.clone(), r.title.clone())).unwrap_or_default();
    Cell {
        value: format_value(f),
        uk_share: share,
        period: period_of(catalog, f),
        source,
        implied_uk_total: implied,
        figure: f.clone(),
    }
}

/// Aligns the figures of the clusters with these ids (unknown ids are skipped).
pub fn compare(catalog: &Catalog, cluster_ids: &[String], order: RowOrder) -> Comparison {
    let d = catalog.data();
    let clusters: Vec<Cluster> = cluster_ids
        .iter()
        .filter_map(|id| d.clusters.iter().find(|c| &c.id == id))
        .cloned()
        .collect();
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
            let present: Vec<&Cell> = cells.iter().flatten().collect();
            if present.is_empty() {
                return None;
            }
            let comparability = if present.len() < 2 {
                Comparability::Single
            } else if present.iter().all(|c| c.period == present[0].period) {
                Comparability::Comparable
            } else {
                let mut periods: Vec<&str> = Vec::new();
                for c in &present {
                    if !periods.contains(&c.period.as_str()) {
                        periods.push(&c.period);
                    }
                }
                Comparability::NotComparable(format!("different periods: {}", periods.join(" vs ")))
            };
            let shares: Vec<(usize, f64)> = cells
                .iter()
                .enumerate()
                .filter_map(|(i, c)| Some((i, c.as_ref()?.figure.uk_share?)))
                .collect();
            let highest_share = if shares.len() >= 2 {
                let max = shares.iter().map(|s| s.1).fold(f64::MIN, f64::max);
                let top: Vec<usize> = shares.iter().filter(|s| s.1 == max).map(|s| s.0).collect();
                (top.len() == 1).then(|| top[0])
            } else {
                None
            };
            Some(Row { measure: m.clone(), cells, comparability, highest_share })
        })
        .collect();
    match order {
        RowOrder::Dataset => {}
        RowOrder::Label => rows.sort_by_key(|r| r.measure.label.to_lowercase()),
        RowOrder::Share(i) => {
            let share = |r: &Row| r.cells.get(i).and_then(|c| c.as_ref()?.figure.uk_share);
            rows.sort_by(|a, b| match (share(a), share(b)) {
                (Some(x), Some(y)) => y.total_cmp(&x),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            })
        }
    }
    Comparison { clusters, rows }
}

impl Comparison {
    /// The comparison as CSV: a header row, then one row per measure and cluster shown, with
    /// value (a plain number in `unit`), qualifier, unit, UK share, period, source and
    /// comparability. Missing figures are "not reported".
    pub fn to_csv(&self) -> String {
        let mut out = String::from(
            "measure,cluster,value,qualifier,unit,uk_share_percent,period,source,comparability\r\n",
        );
        for row in &self.rows {
            let comparable = match &row.comparability {
                Comparability::Single => "only one cluster reports this".to_string(),
                Comparability::Comparable => "comparable".to_string(),
                Comparability::NotComparable(why) => format!("not directly comparable: {why}"),
            };
            for (cluster, cell) in self.clusters.iter().zip(&row.cells) {
                let fields: Vec<String> = match cell {
                    Some(c) => vec![
                        row.measure.label.clone(),
                        cluster.name.clone(),
                        c.figure.value.map(plain_number).unwrap_or_default(),
                        c.figure.qualifier.map(|q| q.words().to_string()).unwrap_or_default(),
                        c.figure.unit.clone(),
                        c.figure.uk_share.map(plain_number).unwrap_or_default(),
                        c.period.clone(),
                        c.source.1.clone(),
                        comparable.clone(),
                    ],
                    None => vec![
                        row.measure.label.clone(),
                        cluster.name.clone(),
                        "not reported".into(),
                        String::new(),
                        String::new(),
                        String::new(),
                        String::new(),
                        String::new(),
                        comparable.clone(),
                    ],
                };
                out.push_str(&fields.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(","));
                out.push_str("\r\n");
            }
        }
        out
    }
}
