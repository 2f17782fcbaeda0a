//! The statistics comparison: choose clusters, see their figures side by side as a table or
//! a chart, sort rows, download exactly what is shown as CSV, copy a link to it.

use leptos::prelude::*;

use crate::core::compare::{compare, RowOrder};
use crate::core::compare_state::{CompareState, Mode};
use crate::core::export::COMPARISON_CSV;
use crate::core::paths::Paths;
use crate::ui::components::compare_chart::CompareChart;
use crate::ui::components::compare_table::CompareTable;
use crate::ui::components::copy::CopyButton;
use crate::ui::components::download::CsvDownload;
use crate::ui::components::figures::NestingNotes;
use crate::ui::components::notices::Notices;
use crate::ui::components::title::use_document_title;
use crate::ui::components::use_catalog;
use crate::ui::components::without_app::WithoutApp;
use crate::ui::nav::use_nav;

/// The comparison view.
#[component]
pub fn ComparePage() -> impl IntoView {
    use_document_title(|| Some("Compare clusters".into()));
    let catalog = use_catalog();
    let nav = use_nav();
    let search = nav.search();
    let known: Vec<String> = catalog.data().clusters.iter().map(|c| c.id.clone()).collect();
    let parsed = Memo::new(move |_| CompareState::parse(&search.get(), &known));
    let state = Memo::new(move |_| parsed.with(|p| p.0.clone()));
    let comparison = {
        let catalog = catalog.clone();
        Memo::new(move |_| state.with(|s| compare(&catalog, &s.clusters, s.order)))
    };
    let go = {
        let nav = nav.clone();
        Callback::new(move |s: CompareState| {
            nav.go(format!("{}{}", Paths::compare(&[]), s.to_query_string()))
        })
    };

    let choices = catalog
        .data()
        .clusters
        .iter()
        .map(|c| {
            let id = c.id.clone();
            let input_id = format!("cluster-{}", c.id);
            let checked = {
                let id = id.clone();
                move || state.with(|s| s.clusters.contains(&id))
            };
            view! {
                <li class="facet-option">
                    <input type="checkbox" id=input_id.clone() checked=untrack(&checked) prop:checked=checked
                        on:change=move |_| go.run(state.get_untracked().toggled(&id))/>
                    <label for=input_id>{c.name.clone()} <span class="cluster-summary">{c.summary.clone()}</span></label>
                </li>
            }
        })
        .collect_view();
    let mode_button = move |mode: Mode, label: &'static str| {
        view! {
            <button type="button" class="segment" aria-pressed=move || (state.with(|s| s.mode) == mode).to_string()
                on:click=move |_| go.run(CompareState { mode, ..state.get_untracked() })>{label}</button>
        }
    };
    let order_options = move || {
        let current = state.with(|s| s.order.key());
        let mut options = vec![
            (RowOrder::Dataset.key(), "Report order".to_string()),
            (RowOrder::Label.key(), "Measure, A to Z".to_string()),
        ];
        comparison.with(|c| {
            for (i, cl) in c.clusters.iter().enumerate() {
                options.push((
                    RowOrder::Share(i).key(),
                    format!("UK share of {}, highest first", cl.name),
                ));
            }
        });
        options
            .into_iter()
            .map(|(key, label)| view! { <option value=key.clone() selected=key == current>{label}</option> })
            .collect_view()
    };
    let csv = Callback::new(move |()| comparison.with_untracked(|c| c.to_csv()));
    let page_url = Callback::new(move |()| nav.current_url());
    let notices = Signal::derive(move || parsed.with(|p| p.1.clone()));
    let body = move || {
        let c = comparison.get();
        if c.clusters.is_empty() {
            return view! { <p class="empty">"Choose at least one cluster above."</p> }.into_any();
        }
        let hint = (c.clusters.len() == 1)
            .then(|| view! { <p class="note">"Choose another cluster to compare it with."</p> });
        let nesting = view! { <NestingNotes notes=c.notes.clone()/> };
        match state.with(|s| s.mode) {
            Mode::Table => view! { {hint} {nesting} <CompareTable comparison=c/> }.into_any(),
            Mode::Chart => view! {
                {hint}
                {nesting}
                <CompareChart comparison=c/>
                <p><button type="button" class="link-button" on:click=move |_| go.run(CompareState { mode: Mode::Table, ..state.get_untracked() })>"Show the same figures as a table"</button></p>
            }
            .into_any(),
        }
    };

    view! {
        <h1>"Compare clusters"</h1>
        <p class="lede">
            "The region's economic clusters side by side, each figure with its period and source. A row is marked not directly comparable, with the reason, when its periods differ or are not stated, when one cluster is part of another, or when the reports define the sector differently."
        </p>
        <Notices notices/>
        <WithoutApp>
            <p>"Choosing clusters, the chart and the order of rows need JavaScript, which is off or could not start in this browser. The table compares every cluster."</p>
        </WithoutApp>
        <fieldset class="facet cluster-choice needs-app">
            <legend>"Clusters"</legend>
            <ul>{choices}</ul>
        </fieldset>
        <div class="compare-controls">
            <div class="segmented needs-app" role="group" aria-label="Display">
                {mode_button(Mode::Table, "Table")}
                {mode_button(Mode::Chart, "Chart")}
            </div>
            <div class="sort needs-app">
                <label for="row-order">"Order rows by"</label>
                <select id="row-order" on:change=move |ev| {
                    if let Some(order) = RowOrder::from_key(&event_target_value(&ev)) {
                        go.run(CompareState { order, ..state.get_untracked() });
                    }
                }>{order_options}</select>
            </div>
            // The two actions wrap as one: after the widest order's select, "Copy link" went
            // to a line of its own at 1280 px.
            <div class="compare-actions">
                <CsvDownload file=COMPARISON_CSV name="midlands-cluster-comparison.csv" csv class="button secondary" testid="csv">
                    "Download CSV"
                </CsvDownload>
                <CopyButton label="Copy link" text=page_url/>
            </div>
        </div>
        {body}
    }
}
