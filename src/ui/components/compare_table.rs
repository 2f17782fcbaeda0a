//! The comparison as a table: measures as rows, clusters as columns, each cell with value,
//! UK share, period, source and note; each row with its comparability and its reasons. On narrow screens the stylesheet stacks it (each measure a
//! block, each cell headed by its cluster's name); the explicit table roles keep it a table
//! for assistive technology, which would otherwise lose that once the cells are blocks.

use leptos::prelude::*;

use super::figures::FigureProvenance;
use crate::core::compare::{Comparison, CAUTION_MARK, IMPLIED_TOTAL_RULE};

/// The comparison table.
#[component]
pub fn CompareTable(
    /// What to show.
    comparison: Comparison,
) -> impl IntoView {
    let heads = comparison
        .clusters
        .iter()
        .map(|c| view! { <th scope="col" role="columnheader">{c.name.clone()}</th> })
        .collect_view();
    let names: Vec<String> = comparison.clusters.iter().map(|c| c.name.clone()).collect();
    let rows = comparison
        .rows
        .into_iter()
        .map(|row| {
            let caution = row.caution_reasons();
            let same = row.same_figure_text().map(|s| format!("{s}."));
            let uncertain = row.place_note();
            let definition = row.measure.definition.clone();
            let cells = row
                .cells
                .into_iter()
                .enumerate()
                .map(|(i, cell)| {
                    // Seen only when the table is stacked; a screen reader has the header.
                    let cluster = view! { <span class="cell-cluster" aria-hidden="true">{names[i].clone()}</span> };
                    match cell {
                    None => view! { <td role="cell" class="missing">{cluster}"not reported"</td> }.into_any(),
                    Some(c) => {
                        let higher = row.highest_share == Some(i);
                        view! {
                            <td role="cell" class:higher=higher>
                                {cluster}
                                {c.value.clone().map(|v| view! { <span class="cell-value">{v}</span> })}
                                {c.uk_share.clone().map(|s| view! { <span class="cell-share">{format!("{s} of UK")}</span> })}
                                {higher.then(|| view! { <span class="higher-mark">"Higher UK share in this row"</span> })}
                                {c.implied_uk_total.clone().map(|t| view! {
                                    <span class="cell-derived">{format!("Implies a UK total of {t} (derived)")}</span>
                                })}
                                <span class="cell-period">{format!("Period: {}", c.period_text())}</span>
                                <span class="cell-source">"Source: " <FigureProvenance source=c.source.clone()/></span>
                                {c.figure.note.clone().map(|n| view! { <span class="cell-note">{n}</span> })}
                            </td>
                        }
                        .into_any()
                    }
                    }
                })
                .collect_view();
            let cautious = caution.is_some();
            view! {
                <tr role="row" class:caution=cautious>
                    <th scope="row" role="rowheader">
                        {row.measure.label.clone()}
                        {caution.map(|c| view! { <span class="caution-note"><strong>{CAUTION_MARK}</strong>{c}"."</span> })}
                        {uncertain.map(|u| view! { <span class="caution-note">{u}</span> })}
                        {same.map(|s| view! { <span class="same-figure">{s}</span> })}
                        {definition.map(|d| view! { <span class="definition">{d}</span> })}
                    </th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll" role="region" aria-label="Comparison table" tabindex="0">
            <table class="compare-table" data-testid="compare-table" role="table">
                <caption class="visually-hidden">"Cluster statistics side by side"</caption>
                <thead role="rowgroup"><tr role="row"><th scope="col" role="columnheader">"Measure"</th>{heads}</tr></thead>
                <tbody role="rowgroup">{rows}</tbody>
            </table>
        </div>
        <p class="note derived-rule" data-testid="implied-total-rule">{IMPLIED_TOTAL_RULE}</p>
    }
}
