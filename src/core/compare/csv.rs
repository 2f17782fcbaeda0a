//! The comparison as CSV: exactly the cells shown, with everything the table says of them.

use super::{Comparison, Row};
use crate::core::export::csv_field;
use crate::core::format::plain_number;
use crate::core::format::plain_value;

/// The columns, in order.
const HEADER: &str = "measure,cluster,part_of,value,qualifier,unit,uk_share_percent,implied_uk_total,period,source,note,comparability";

/// The row's comparability in words, with "same figure in both reports" where it is.
fn comparability(row: &Row) -> String {
    let judged = row.comparability.describe();
    match row.same_figure_text() {
        Some(same) => format!("{judged}; {}", same.to_lowercase()),
        None => judged,
    }
}

impl Comparison {
    /// The comparison as CSV: a header row, then one row per measure and cluster shown, with
    /// the cluster it is part of, value (a plain number in `unit`, with the source's
    /// decimals), qualifier, unit, UK share, implied UK total as shown, period, where the
    /// figure is stated, its note, and the row's comparability with its reasons. Missing
    /// figures are "not reported".
    pub fn to_csv(&self) -> String {
        let mut out = format!("{HEADER}\r\n");
        for row in &self.rows {
            let comparable = comparability(row);
            for ((cluster, part_of), cell) in
                self.clusters.iter().zip(&self.part_of).zip(&row.cells)
            {
                let mut fields = vec![
                    row.measure.label.clone(),
                    cluster.name.clone(),
                    part_of.clone().unwrap_or_default(),
                ];
                match cell {
                    Some(c) => fields.extend([
                        plain_value(&c.figure).unwrap_or_default(),
                        c.figure.qualifier.map(|q| q.words().to_string()).unwrap_or_default(),
                        c.figure.unit.clone(),
                        c.figure.uk_share.map(plain_number).unwrap_or_default(),
                        c.implied_uk_total.clone().unwrap_or_default(),
                        c.period_text().to_string(),
                        c.source.text(),
                        c.figure.note.clone().unwrap_or_default(),
                    ]),
                    None => {
                        fields.push("not reported".into());
                        fields.extend(std::iter::repeat_n(String::new(), 7));
                    }
                }
                fields.push(comparable.clone());
                out.push_str(&fields.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(","));
                out.push_str("\r\n");
            }
        }
        out
    }
}
