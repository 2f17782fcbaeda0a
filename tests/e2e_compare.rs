//! The comparison panel: choose clusters, switch between table and chart, reload, download.

mod support;

use support::{ServeOptions, Site, WAIT};

#[test]
fn choosing_clusters_and_modes_is_kept_in_the_url_and_survives_reload() {
    let site = Site::start(ServeOptions::default());
    site.open("compare");
    let table = site.wait_for("[data-testid=compare-table]", WAIT);
    assert_eq!(table.find_all("thead th").len(), 4, "measure column and three clusters");
    assert!(table.text().contains("over 5,500"));
    assert!(table.text().contains("not reported"));
    assert!(table.text().contains("Not directly comparable"));

    // Untick MedTech: two clusters remain, and the URL names them.
    site.find("label[for=cluster-medtech]").unwrap().click();
    site.wait_until(
        "document.querySelectorAll('[data-testid=compare-table] thead th').length === 3",
        WAIT,
        "two clusters",
    );
    assert!(
        site.current_url().ends_with("/compare/?c=data-driven-healthcare&c=health-life-sciences"),
        "{}",
        site.current_url()
    );

    site.find_all(".segment").into_iter().find(|b| b.text() == "Chart").unwrap().click();
    let chart = site.wait_for("[data-testid=compare-chart] svg", WAIT);
    assert!(site.current_url().ends_with("&mode=chart"));
    assert!(chart.find_all("rect").len() >= 8, "bars for each share");
    let desc = site.find("#chart-desc").unwrap().property("textContent");
    assert!(
        desc.as_str().unwrap().contains("Jobs, Data-driven healthcare innovation cluster: 9%"),
        "{desc}"
    );

    site.refresh();
    site.wait_for("[data-testid=compare-chart] svg", WAIT);
    assert_eq!(site.find_all(".segment[aria-pressed=true]")[0].text(), "Chart");
    assert_eq!(site.find_all(".cluster-choice input:checked").len(), 2);

    // The table is one click away.
    site.find(".compare-chart + p .link-button").unwrap().click();
    site.wait_for("[data-testid=compare-table]", WAIT);
}

#[test]
fn the_csv_link_downloads_exactly_what_is_shown() {
    let site = Site::start(ServeOptions::default());
    site.open("compare?c=health-life-sciences&c=medtech");
    site.wait_for("[data-testid=compare-table]", WAIT);
    let link = site.find("[data-testid=csv]").unwrap();
    assert_eq!(link.attr("download").as_deref(), Some("midlands-cluster-comparison.csv"));
    let csv = support::downloaded_csv(&site, &link);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "measure,cluster,value,qualifier,unit,uk_share_percent,period,source,comparability"
    );
    assert!(
        lines.iter().all(|l| !l.contains("Data-driven healthcare innovation cluster")),
        "only clusters shown"
    );
    assert!(csv.contains("Jobs,Health and life sciences super cluster,18000,over,jobs,7,"));
    assert!(csv.contains("Jobs,Medical technologies (MedTech) sector,23600,,jobs,,published 2019,"));
    let rows_shown = site.find_all("[data-testid=compare-table] tbody tr").len();
    assert_eq!(lines.len() - 1, rows_shown * 2, "one CSV line per cell shown");
}

#[test]
fn a_cluster_reports_resource_view_links_to_its_comparison() {
    let site = Site::start(ServeOptions::default());
    site.open("resource/medtech-report-2019");
    site.wait_for(".compare-link a", WAIT).click();
    site.wait_for("[data-testid=compare-table]", WAIT);
    assert!(site.current_url().ends_with("/compare/?c=medtech"));
    assert!(site.find(".note").unwrap().text().contains("Choose another cluster"));
}

/// On a phone the table is stacked: nothing scrolls sideways, each measure is a block, each
/// cell shows its cluster's name; and it is still a table of rows and cells to assistive
/// technology. On a desktop the names stay in the column headers only.
#[test]
fn on_a_phone_the_table_stacks_each_cell_under_its_clusters_name() {
    let site = Site::with_size(ServeOptions::default(), 375, 800);
    site.open("compare");
    site.wait_for("[data-testid=compare-table]", WAIT);
    let overflow = site.execute(
        "const r = document.querySelector('.table-scroll'); return [r.scrollWidth, r.clientWidth];",
        vec![],
    );
    let (scroll, client) = (overflow[0].as_f64().unwrap(), overflow[1].as_f64().unwrap());
    assert!(scroll <= client + 1.0, "the table scrolls sideways: {scroll} > {client}");
    let first_cell = site.find("[data-testid=compare-table] tbody td").unwrap();
    assert!(first_cell.text().starts_with("Data-driven healthcare innovation cluster"));
    let roles = site.execute(
        "const t = document.querySelector('[data-testid=compare-table]'); return [t.getAttribute('role'), t.querySelector('tbody tr').getAttribute('role'), t.querySelector('tbody td').getAttribute('role'), getComputedStyle(t.querySelector('tbody td')).display];",
        vec![],
    );
    assert_eq!(roles, serde_json::json!(["table", "row", "cell", "block"]));

    let desktop = Site::with_size(ServeOptions::default(), 1280, 900);
    desktop.open("compare");
    desktop.wait_for("[data-testid=compare-table]", WAIT);
    let cell = desktop.find("[data-testid=compare-table] tbody td").unwrap();
    assert!(!cell.text().contains("Data-driven healthcare innovation cluster"), "{}", cell.text());
}
