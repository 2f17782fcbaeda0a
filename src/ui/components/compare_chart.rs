//! The comparison as a chart: UK share of each measure as bars on one axis from zero.

use leptos::prelude::*;

use crate::core::compare::{Cell, Comparison};
use crate::core::format::{format_percent, plain_number as num};

const WIDTH: f64 = 640.0;
const LEFT: f64 = 8.0;
/// Room after the longest bar for its value and cluster name.
const RIGHT: f64 = 300.0;
const BAR: f64 = 16.0;
const GAP: f64 = 4.0;
const LABEL: f64 = 22.0;
/// Room for a row's second line, saying why it is not directly comparable.
const CAUTION: f64 = 16.0;
const ROW_GAP: f64 = 14.0;

/// The chart. Rows without any UK share are left out and listed under it.
#[component]
pub fn CompareChart(
    /// What to show.
    comparison: Comparison,
) -> impl IntoView {
    let rows: Vec<_> = comparison
        .rows
        .iter()
        .filter(|r| r.cells.iter().flatten().any(|c| c.figure.uk_share.is_some()))
        .collect();
    let max_share = rows
        .iter()
        .flat_map(|r| r.cells.iter().flatten())
        .filter_map(|c| c.figure.uk_share)
        .fold(0.0, f64::max);
    // One axis for every bar, from zero up to the next multiple of ten.
    let axis_max = ((max_share / 10.0).ceil() * 10.0).max(10.0);
    let span = WIDTH - LEFT - RIGHT;
    let n = comparison.clusters.len() as f64;
    let mut top = 30.0;
    let mut description = Vec::new();
    let groups = rows
        .iter()
        .map(|row| {
            let label = match row.same_figure_text() {
                Some(same) => format!("{} · {}", row.measure.label, same.to_lowercase()),
                None => row.measure.label.clone(),
            };
            let caution = row.short_caution();
            let label_top = top;
            let bars_top = top + LABEL + if caution.is_some() { CAUTION } else { 0.0 };
            top = bars_top + n * (BAR + GAP) + ROW_GAP;
            if let Some(c) = &caution {
                description.push(format!("{}: {}", row.measure.label, c.to_lowercase()));
            }
            let bars = row
                .cells
                .iter()
                .enumerate()
                .map(|(ci, cell)| {
                    let y = bars_top + ci as f64 * (BAR + GAP);
                    let name = comparison.clusters[ci].name.clone();
                    let (w, mut text) = match cell
                        .as_ref()
                        .and_then(|c| Some((c.figure.uk_share?, c.uk_share.clone()?)))
                    {
                        Some((share, text)) => (share / axis_max * span, text),
                        None => (0.0, "not reported".to_string()),
                    };
                    if row.highest_share == Some(ci) {
                        text.push_str(", the higher share");
                    }
                    description.push(format!("{}, {}: {}", row.measure.label, name, text));
                    let name = short_name(&name);
                    view! {
                        <g class=format!("bar series-{ci}")>
                            <title>{format!("{name}: {text}")}</title>
                            <rect x=num(LEFT) y=num(y) width=num(w.max(0.0)) height=num(BAR) rx="2"></rect>
                            <text class="bar-value" x=num(LEFT + w + 4.0) y=num(y + BAR - 4.0)>{format!("{text} · {name}")}</text>
                        </g>
                    }
                })
                .collect_view();
            view! {
                <g class="chart-row">
                    <text class="row-label" x=num(LEFT) y=num(label_top + LABEL - 6.0)>{label}</text>
                    {caution.map(|c| view! {
                        <text class="row-caution" x=num(LEFT) y=num(label_top + LABEL + CAUTION - 6.0)>{c}</text>
                    })}
                    {bars}
                </g>
            }
        })
        .collect_view();
    let height = top;
    let ticks = (0..=4)
        .map(|i| {
            let v = axis_max * f64::from(i) / 4.0;
            let x = LEFT + span * f64::from(i) / 4.0;
            view! {
                <g class="tick">
                    <line x1=num(x) x2=num(x) y1="22" y2=num(height)></line>
                    <text x=num(x) y="16" text-anchor="middle">{format_percent(v)}</text>
                </g>
            }
        })
        .collect_view();
    let legend = comparison
        .clusters
        .iter()
        .enumerate()
        .map(|(i, c)| view! { <li><span class=format!("swatch series-{i}") aria-hidden="true"></span>{c.name.clone()}</li> })
        .collect_view();
    let left_out: Vec<String> = comparison
        .rows
        .iter()
        .filter(|r| !r.cells.iter().flatten().any(|c| c.figure.uk_share.is_some()))
        .map(|r| r.measure.label.clone())
        .collect();
    let hedged = rows.iter().flat_map(|r| r.cells.iter().flatten()).any(Cell::share_is_hedged);
    let summary = format!(
        "Bar chart of the Midlands' share of the UK for each measure, on one axis from 0 to {}. {}.",
        format_percent(axis_max),
        description.join("; ")
    );
    view! {
        <figure class="compare-chart" data-testid="compare-chart">
            <ul class="legend" aria-label="Clusters">{legend}</ul>
            <div class="chart-scroll" role="region" aria-label="Chart, scrolls sideways on narrow screens" tabindex="0">
            <svg viewBox=format!("0 0 {} {}", num(WIDTH), num(height)) role="img" aria-labelledby="chart-title chart-desc" preserveAspectRatio="xMinYMin meet">
                <title id="chart-title">"UK share by measure"</title>
                <desc id="chart-desc">{summary}</desc>
                {ticks}
                {groups}
            </svg>
            </div>
            <figcaption>
                "Each bar is the Midlands' share of the UK total, on one axis starting at zero. Values that are not shares (counts, money) are in the table. A share is called the higher one only when it is higher whatever the qualifiers allow."
                {hedged.then_some(" A share with a qualifier, such as over 10%, is drawn at the number stated; the qualifier says which way the share may differ.")}
                {(!left_out.is_empty()).then(|| format!(" Not charted, as no share is reported: {}.", left_out.join(", ")))}
            </figcaption>
        </figure>
    }
}

/// A cluster's name without its generic last word, to fit beside a bar.
fn short_name(name: &str) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    match words.last() {
        Some(&("cluster" | "sector")) if words.len() > 1 => words[..words.len() - 1].join(" "),
        _ => name.to_string(),
    }
}
