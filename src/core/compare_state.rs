//! The comparison view's state in the URL: `?c=data-driven-healthcare&c=medtech&mode=chart&sort=label`.
//!
//! As with the browse state, reading drops what it cannot use with a notice, and writing is
//! canonical. With no cluster in the URL every cluster is chosen, so the bare address shows
//! the whole comparison.

use super::compare::RowOrder;
use super::paths::encode_segment;
use super::url_state::{add_known, query_pairs, toggle};

/// Table or chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Metrics as rows, clusters as columns.
    Table,
    /// Bars of UK share on a common axis.
    Chart,
}

/// What the comparison view shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareState {
    /// Chosen cluster ids, in the order chosen.
    pub clusters: Vec<String>,
    /// Table or chart.
    pub mode: Mode,
    /// Row order.
    pub order: RowOrder,
}

impl CompareState {
    /// Reads the state; `known` lists every cluster id, in dataset order.
    pub fn parse(search: &str, known: &[String]) -> (CompareState, Vec<String>) {
        let mut state =
            CompareState { clusters: Vec::new(), mode: Mode::Table, order: RowOrder::Dataset };
        let mut notices = Vec::new();
        for (key, value, clean) in query_pairs(search) {
            if !clean {
                notices.push("A malformed part of the address was ignored.".to_string());
                continue;
            }
            match key.as_str() {
                // A repeated cluster is harmless: keep the first, say nothing.
                "c" if state.clusters.contains(&value) => {}
                "c" => notices.extend(add_known(
                    &mut state.clusters,
                    value,
                    |c| known.iter().any(|k| k == c),
                    "cluster",
                )),
                "mode" => match value.as_str() {
                    "table" => state.mode = Mode::Table,
                    "chart" => state.mode = Mode::Chart,
                    _ => notices.push("Unknown display mode; showing the table.".into()),
                },
                "sort" => match RowOrder::from_key(&value) {
                    Some(RowOrder::Share(i)) if i >= known.len() => {
                        notices.push("Unknown row order; using the dataset's.".into())
                    }
                    Some(order) => state.order = order,
                    None => notices.push("Unknown row order; using the dataset's.".into()),
                },
                _ => {}
            }
        }
        if state.clusters.is_empty() {
            state.clusters = known.to_vec();
        }
        if let RowOrder::Share(i) = state.order {
            if i >= state.clusters.len() {
                state.order = RowOrder::Dataset;
            }
        }
        (state, notices)
    }

    /// The query string, starting with `?`.
    pub fn to_query_string(&self) -> String {
        let mut parts: Vec<String> =
            self.clusters.iter().map(|c| format!("c={}", encode_segment(c))).collect();
        if self.mode == Mode::Chart {
            parts.push("mode=chart".into());
        }
        if self.order != RowOrder::Dataset {
            parts.push(format!("sort={}", self.order.key()));
        }
        format!("?{}", parts.join("&"))
    }

    /// The state with a cluster added or removed (row order reset, since positions move).
    pub fn toggled(&self, cluster: &str) -> CompareState {
        let mut s = self.clone();
        toggle(&mut s.clusters, cluster);
        if matches!(s.order, RowOrder::Share(_)) {
            s.order = RowOrder::Dataset;
        }
        s
    }
}
