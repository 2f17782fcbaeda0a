//! Honest figures: nothing the app shows suggests more than its sources say. Each test
//! names the item of issue 16 it holds to: nesting, comparability, qualifiers, derived
//! figures, sources, precision, unsupported claims and the names people search for.

use crate::common;

use serde_json::json;

use common::{minimal_value, problems_of, set};
use mhr::core::bounds::Bounds;
use mhr::core::catalog::Catalog;
use mhr::core::compare::{compare, Comparability, Comparison, Reason, Row, RowOrder};
use mhr::core::format::{format_fixed, format_headline, format_value};
use mhr::core::load::load;
use mhr::core::model::Qualifier;
use mhr::core::nesting::side_by_side_notes;
use mhr::core::provenance::{figures_intro, sources_summary, Provenance, Via};
use mhr::core::search::documents::index_catalog;
use mhr::core::search::QueryOptions;

const DDH: &str = "data-driven-healthcare";
const HLS: &str = "health-life-sciences";
const MEDTECH: &str = "medtech";
const QUOTED: &str = "as quoted on the MI Health resources page";

fn real() -> Catalog {
    Catalog::new(common::real())
}

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn row<'a>(c: &'a Comparison, measure: &str) -> &'a Row {
    c.rows.iter().find(|r| r.measure.id == measure).unwrap_or_else(|| panic!("no {measure} row"))
}

fn reasons(r: &Row) -> Vec<Reason> {
    match &r.comparability {
        Comparability::NotComparable(reasons) => reasons.clone(),
        other => panic!("{} should not be comparable, is {other:?}", r.measure.id),
    }
}

/// The minimal dataset with a second cluster, "beta", on the beta study: jobs for both
/// clusters in the periods given, and beta part of alpha when `nested`.
fn two_clusters(alpha_period: Option<&str>, beta_period: Option<&str>, nested: bool) -> Catalog {
    let mut v = minimal_value();
    let mut beta = json!({ "id": "beta", "name": "Beta cluster", "resource": "beta-study", "summary": "Another." });
    if nested {
        beta["part_of"] = json!("alpha");
    }
    v["clusters"].as_array_mut().unwrap().push(beta);
    v["figures"].as_array_mut().unwrap().push(json!({
        "id": "beta-jobs", "resource": "beta-study", "cluster": "beta", "measure": "jobs",
        "label": "jobs", "value": 900, "unit": "jobs", "uk_share": 4
    }));
    for (pointer, period) in
        [("/figures/0/period", alpha_period), ("/figures/2/period", beta_period)]
    {
        if let Some(p) = period {
            set(&mut v, pointer, json!(p));
        }
    }
    // The minimal fixture dates alpha's report 2024; undate it so only the figures speak.
    common::remove(&mut v, "/resources/0/year");
    Catalog::new(load(&v.to_string()).expect("the two-cluster fixture is valid"))
}

fn jobs_of(c: &Catalog) -> Row {
    row(&compare(c, &ids(&["alpha", "beta"]), RowOrder::Dataset), "jobs").clone()
}

// 1. Nested clusters ---------------------------------------------------------------------

#[test]
fn the_dataset_says_which_cluster_is_part_of_which() {
    let c = real();
    let part_of = |id: &str| c.cluster(id).and_then(|x| x.part_of.clone());
    assert_eq!(part_of(DDH).as_deref(), Some(HLS));
    assert_eq!(part_of(MEDTECH).as_deref(), Some(HLS));
    assert_eq!(part_of(HLS), None);
}

#[test]
fn a_cluster_part_of_an_unknown_cluster_or_of_itself_is_refused() {
    let mut v = minimal_value();
    set(&mut v, "/clusters/0/part_of", json!("nowhere"));
    common::assert_problem(&problems_of(&v), "cluster \"alpha\"", "part_of");
    set(&mut v, "/clusters/0/part_of", json!("alpha"));
    common::assert_problem(&problems_of(&v), "cluster \"alpha\"", "part_of");
}

#[test]
fn the_comparison_says_in_plain_words_which_cluster_is_part_of_which() {
    let cmp = compare(&real(), &ids(&[DDH, HLS]), RowOrder::Dataset);
    assert_eq!(
        cmp.notes,
        ["The Data-driven healthcare innovation cluster is part of the Health and life sciences super cluster, so their figures overlap: read them side by side, never add them together."]
    );
    let siblings = compare(&real(), &ids(&[DDH, MEDTECH]), RowOrder::Dataset);
    assert!(siblings.notes.is_empty(), "neither is part of the other: {:?}", siblings.notes);
}

#[test]
fn where_a_parts_figure_exceeds_its_wholes_the_reports_are_said_to_define_the_sector_differently() {
    let cmp = compare(&real(), &ids(&[HLS, MEDTECH]), RowOrder::Dataset);
    assert!(
        cmp.notes.iter().any(|n| n.contains("jobs (23,600) is larger than")
            && n.contains("(over 18,000)")
            && n.contains("define the sector differently")),
        "{:?}",
        cmp.notes
    );
    assert!(reasons(row(&cmp, "jobs"))
        .iter()
        .any(|r| matches!(r, Reason::DefinitionsDiffer { .. })));
    // About 1,000 MedTech firms against almost 1,300: smaller, so no such claim.
    assert!(!reasons(row(&cmp, "businesses"))
        .iter()
        .any(|r| matches!(r, Reason::DefinitionsDiffer { .. })));
}

#[test]
fn the_csv_names_the_cluster_each_is_part_of_and_why_rows_are_not_comparable() {
    let csv = compare(&real(), &ids(&[DDH, HLS]), RowOrder::Dataset).to_csv();
    let header = csv.lines().next().unwrap();
    assert!(header.starts_with("measure,cluster,part_of,"), "{header}");
    let jobs = csv.lines().find(|l| l.starts_with("Jobs,Data-driven")).unwrap();
    assert!(jobs.starts_with("Jobs,Data-driven healthcare innovation cluster,Health and life sciences super cluster,5500,over,"), "{jobs}");
    assert!(jobs.contains("the Data-driven healthcare innovation cluster is part of the Health and life sciences super cluster"), "{jobs}");
}

#[test]
fn the_home_headlines_say_that_nested_clusters_figures_overlap() {
    let c = real();
    let notes = side_by_side_notes(&c, &c.headlines());
    assert!(
        notes.iter().any(|n| n.contains("Data-driven healthcare innovation cluster is part of")),
        "{notes:?}"
    );
    // Figures of one cluster alone need no such note.
    let hls_only: Vec<_> =
        c.headlines().into_iter().filter(|f| f.cluster.as_deref() != Some(DDH)).collect();
    assert!(side_by_side_notes(&c, &hls_only).is_empty());
}

/// When a part's figure is larger than its whole's, the note names the measure mid-sentence:
/// an ASCII capital followed by lower case is lowered ("jobs"); an acronym ("GVA") and a
/// label starting with a non-ASCII capital stay as written (`lower_first` lowers ASCII only,
/// which keeps Unicode's case tables out of the app's start).
#[test]
fn a_part_larger_than_its_whole_names_the_measure_mid_sentence() {
    let sentence = |label: &str| {
        let mut v = minimal_value();
        set(&mut v, "/measures/0/label", json!(label));
        v["clusters"].as_array_mut().unwrap().push(json!({
            "id": "beta", "name": "Beta cluster", "resource": "beta-study", "summary": "Another.",
            "part_of": "alpha"
        }));
        v["figures"].as_array_mut().unwrap().push(json!({
            "id": "beta-jobs", "resource": "beta-study", "cluster": "beta", "measure": "jobs",
            "label": "jobs", "value": 9000, "unit": "jobs"
        }));
        let c = Catalog::new(load(&v.to_string()).expect("a valid two-cluster dataset"));
        let figures: Vec<_> = c.data().figures.iter().filter(|f| f.measure == "jobs").collect();
        let notes = side_by_side_notes(&c, &figures);
        notes
            .into_iter()
            .find(|n| n.contains("is larger than"))
            .unwrap_or_else(|| panic!("no note that the part's figure is larger for {label:?}"))
    };
    assert!(sentence("Jobs").contains("figure for jobs ("), "{}", sentence("Jobs"));
    assert!(sentence("GVA per worker").contains("figure for GVA per worker ("));
    assert!(sentence("Émplois").contains("figure for Émplois ("));
}

// 2. Comparability -------------------------------------------------------------------------

#[test]
fn a_period_stated_on_neither_side_is_not_a_match() {
    let cmp = compare(&real(), &ids(&[DDH, HLS]), RowOrder::Dataset);
    let r = reasons(row(&cmp, "high-growth-companies"));
    assert!(r.contains(&Reason::PeriodNotStated {
        clusters: vec![
            "Data-driven healthcare innovation cluster".into(),
            "Health and life sciences super cluster".into()
        ],
        none_stated: true
    }));
    let only = jobs_of(&two_clusters(None, None, false));
    assert!(
        matches!(&only.comparability, Comparability::NotComparable(r) if r.len() == 1 && matches!(r[0], Reason::PeriodNotStated { none_stated: true, .. }))
    );
}

#[test]
fn a_period_unknown_on_one_side_is_not_a_match_either() {
    let row = jobs_of(&two_clusters(Some("2021"), None, false));
    assert_eq!(
        row.comparability,
        Comparability::NotComparable(vec![Reason::PeriodNotStated {
            clusters: vec!["Beta cluster".into()],
            none_stated: false
        }])
    );
    assert_eq!(
        row.comparability.describe(),
        "not directly comparable: no period stated for the Beta cluster"
    );
}

#[test]
fn different_stated_periods_are_named() {
    let row = jobs_of(&two_clusters(Some("2019"), Some("2021"), false));
    assert_eq!(
        row.comparability,
        Comparability::NotComparable(vec![Reason::PeriodsDiffer(vec![
            "2019".into(),
            "2021".into()
        ])])
    );
}

#[test]
fn the_same_stated_period_and_no_nesting_is_comparable() {
    assert_eq!(
        jobs_of(&two_clusters(Some("2021"), Some("2021"), false)).comparability,
        Comparability::Comparable
    );
}

#[test]
fn nested_clusters_are_not_comparable_even_in_the_same_period() {
    let jobs = jobs_of(&two_clusters(Some("2021"), Some("2021"), true));
    assert_eq!(
        jobs.comparability,
        Comparability::NotComparable(vec![Reason::Nested {
            part: "Beta cluster".into(),
            whole: "Alpha cluster".into()
        }])
    );
    let cmp = compare(&real(), &ids(&[DDH, HLS]), RowOrder::Dataset);
    let fdi = reasons(row(&cmp, "fdi-capex-share"));
    assert_eq!(fdi.len(), 1, "both 2017-2021, so nesting is the only reason: {fdi:?}");
    assert!(matches!(fdi[0], Reason::Nested { .. }));
}

#[test]
fn the_mark_names_every_reason_that_applies() {
    let cmp = compare(&real(), &ids(&[HLS, MEDTECH]), RowOrder::Dataset);
    let said = row(&cmp, "jobs").comparability.describe();
    for part in [
        "not directly comparable: ",
        "no period stated for the Health and life sciences super cluster",
        "the Medical technologies (MedTech) sector is part of the Health and life sciences super cluster",
        "the reports define the sector differently",
    ] {
        assert!(said.contains(part), "{said:?} lacks {part:?}");
    }
    let jobs = row(&cmp, "jobs");
    assert_eq!(jobs.caution(), Some(format!("N{}.", &said[1..])));
    assert_eq!(
        jobs.short_caution().as_deref(),
        Some("Not directly comparable: period not stated, nested clusters, definitions differ"),
        "the chart's shorter words, each reason once"
    );
    assert_eq!(row(&cmp, "gva-per-worker").caution(), None, "only MedTech reports it");
}

#[test]
fn the_same_figure_in_both_reports_is_said_as_a_fact() {
    let cmp = compare(&real(), &ids(&[DDH, HLS]), RowOrder::Dataset);
    for measure in ["graduates-share", "top-universities", "fdi-capex-share", "ddi-capex-share"] {
        assert_eq!(
            row(&cmp, measure).same_figure_text(),
            Some("Same figure in both reports"),
            "{measure}"
        );
    }
    for measure in ["jobs", "business-growth", "innovate-uk-share"] {
        assert_eq!(row(&cmp, measure).same_figure_text(), None, "{measure}");
    }
    let csv = cmp.to_csv();
    let grads =
        csv.lines().find(|l| l.starts_with("Graduates in relevant subjects,Data-driven")).unwrap();
    assert!(grads.ends_with("; same figure in both reports"), "{grads}");
}

// 3. "Higher UK share" respects qualifiers -------------------------------------------------

#[test]
fn eleven_percent_is_not_known_to_be_higher_than_over_ten_percent() {
    let cmp = compare(&real(), &ids(&[DDH, HLS]), RowOrder::Dataset);
    assert_eq!(row(&cmp, "innovate-uk-share").highest_share, None, "11% against over 10%");
    assert_eq!(row(&cmp, "jobs").highest_share, Some(0), "9% against 7%");
    assert_eq!(row(&cmp, "large-companies").highest_share, Some(1), "23% against 14%");
}

#[test]
fn a_share_is_above_another_only_when_it_is_whatever_the_qualifiers_allow() {
    let share = Bounds::of_share;
    let over_10 = share(10.0, Some(Qualifier::Over));
    assert!(over_10.certainly_above(&share(10.0, None)));
    assert!(over_10.certainly_above(&share(9.0, None)));
    assert!(!over_10.certainly_above(&share(11.0, None)));
    assert!(!share(11.0, None).certainly_above(&over_10));
    assert!(share(11.0, None).certainly_above(&share(10.0, Some(Qualifier::Almost))));
    assert!(share(10.0, None).certainly_above(&share(10.0, Some(Qualifier::Almost))));
    assert!(!share(10.0, None).certainly_above(&share(10.0, Some(Qualifier::UpTo))));
    assert!(
        !share(90.0, None).certainly_above(&share(10.0, Some(Qualifier::About))),
        "about states no margin"
    );
    assert!(!share(3.0, None).certainly_above(&share(3.0, None)));
}

#[test]
fn sorting_by_share_places_a_hedged_share_at_its_least_and_says_its_place_is_uncertain() {
    let cmp = compare(&real(), &ids(&[DDH, HLS]), RowOrder::Share(1));
    let order: Vec<(&str, bool)> = cmp
        .rows
        .iter()
        .filter(|r| r.cells[1].as_ref().is_some_and(|c| c.figure.uk_share.is_some()))
        .map(|r| (r.measure.id.as_str(), r.place_uncertain))
        .collect();
    assert_eq!(
        order,
        [
            ("fdi-high-growth-share", false),
            ("large-companies", false),
            ("businesses", false),
            ("ddi-capex-share", false),
            ("high-growth-companies", false),
            ("innovate-uk-share", true),
            ("jobs", false),
            ("fdi-capex-share", false),
        ],
        "over 10% stands at 10, below 12%, which it may exceed"
    );
    assert!(cmp.rows.iter().all(|r| !r.place_uncertain || r.measure.id == "innovate-uk-share"));
    let innovate = row(&cmp, "innovate-uk-share");
    assert!(innovate.place_note().is_some());
    assert!(innovate.short_caution().unwrap().ends_with("; place in this order uncertain"));
    let by_ddh = compare(&real(), &ids(&[DDH, HLS]), RowOrder::Share(0));
    assert!(by_ddh.rows.iter().all(|r| !r.place_uncertain), "the data-driven shares are exact");
}

// 4. Derived figures keep their hedges -----------------------------------------------------

fn implied(cmp: &Comparison, measure: &str, cluster: usize) -> Option<String> {
    row(cmp, measure).cells[cluster].as_ref().unwrap().implied_uk_total.clone()
}

#[test]
fn the_implied_uk_total_keeps_the_counts_hedge_at_two_significant_figures() {
    let cmp = compare(&real(), &ids(&[DDH, HLS]), RowOrder::Dataset);
    // 5,500 is 9% of 61,111; 18,000 is 7% of 257,143; 200 is 14% of 1,429; 1,300 is 17% of 7,647.
    assert_eq!(implied(&cmp, "jobs", 0).as_deref(), Some("more than about 61,000"));
    assert_eq!(implied(&cmp, "jobs", 1).as_deref(), Some("more than about 260,000"));
    assert_eq!(implied(&cmp, "businesses", 0).as_deref(), Some("more than about 1,400"));
    assert_eq!(implied(&cmp, "businesses", 1).as_deref(), Some("just under about 7,600"));
}

#[test]
fn no_implied_uk_total_is_derived_from_small_counts() {
    let cmp = compare(&real(), &ids(&[DDH, HLS]), RowOrder::Dataset);
    assert_eq!(implied(&cmp, "large-companies", 0), None, "8 companies at 14% is not about 57");
    assert_eq!(implied(&cmp, "high-growth-companies", 0), None, "17 at 11%");
    assert_eq!(implied(&cmp, "high-growth-companies", 1), None, "78 at 12%");
    let csv = cmp.to_csv();
    assert!(!csv.contains("57"), "no small-count total in the CSV either");
    assert!(csv.contains(",\"more than about 61,000\","), "the CSV carries the totals shown");
}

#[test]
fn the_rule_for_implied_totals_is_stated_with_its_numbers() {
    let rule = mhr::core::compare::IMPLIED_TOTAL_RULE;
    assert!(rule.contains("two significant figures"));
    assert!(rule.contains("more than about 61,000"));
    assert!(rule.contains(&format!("under {}", mhr::core::compare::MIN_COUNT_FOR_IMPLIED_TOTAL)));
}

// 5. Every figure names its real source ----------------------------------------------------

fn via(c: &Catalog, figure: &str) -> Via {
    Provenance::of(c, c.figure(figure).unwrap()).via
}

#[test]
fn the_56_percent_fdi_figure_names_the_midlands_engine_sector_page() {
    match via(&real(), "hls-fdi-high-growth-share") {
        Via::Page(p) => {
            assert_eq!(p.url.as_deref(), Some("https://www.midlandsengine.org/sector/health/"));
            assert!(p.label.contains("Midlands Engine"), "{}", p.label);
        }
        other => panic!("expected the sector page, got {other:?}"),
    }
}

#[test]
fn the_health_innovation_west_midlands_figures_name_its_launch_news() {
    let c = real();
    for id in [
        "hiwm-businesses-supported",
        "hiwm-healthcare-sites",
        "hiwm-icbs",
        "hiwm-social-enterprises",
        "hiwm-junior-innovators",
    ] {
        match via(&c, id) {
            Via::Page(p) => assert!(p.label.contains("launch"), "{id}: {}", p.label),
            other => panic!("{id}: expected the launch news, got {other:?}"),
        }
    }
    // The pipeline count is on the MI Health page.
    assert_eq!(via(&c, "hiwm-programmes"), Via::SourcePage(QUOTED.into()));
}

#[test]
fn the_focus_adhd_figures_name_the_news_article_not_the_guide() {
    let c = real();
    for f in c.figures_of("focus-adhd-guide") {
        match via(&c, &f.id) {
            Via::Page(p) => assert_eq!(
                p.url.as_deref(),
                Some("https://thehealthinnovationnetwork.co.uk/news/driving-successful-innovation-roll-out/"),
                "{}",
                f.id
            ),
            other => panic!("{}: the guide itself was not seen, got {other:?}", f.id),
        }
    }
}

#[test]
fn figures_only_the_mi_health_page_quotes_say_so() {
    let c = real();
    for resource in [
        "data-driven-healthcare-report",
        "hiem-impact-report-2023-24",
        "east-midlands-health-inequalities-summaries",
        "midlands-diabetes-blueprint",
    ] {
        for f in c.figures_of(resource) {
            let p = Provenance::of(&c, f);
            assert_eq!(p.via, Via::SourcePage(QUOTED.into()), "{}", f.id);
            assert!(p.text().ends_with(&format!(", {QUOTED}")), "{}", p.text());
        }
    }
    let csv = compare(&real(), &ids(&[DDH]), RowOrder::Dataset).to_csv();
    assert!(
        csv.contains(&format!("\"Data Driven Healthcare Innovation Report, {QUOTED}\"")),
        "{csv}"
    );
}

#[test]
fn the_resource_views_heading_says_where_its_figures_come_from() {
    let c = real();
    let intro = |id: &str| {
        let figures: Vec<_> = c.figures_of(id).into_iter().cloned().collect();
        figures_intro(&c, &figures)
    };
    let air = intro("west-midlands-air-quality-study");
    assert_eq!((air.text.as_str(), air.per_figure), ("Figures as stated in this resource.", false));
    let ddh = intro("data-driven-healthcare-report");
    assert!(ddh.text.contains(QUOTED) && !ddh.per_figure, "{}", ddh.text);
    let hls = intro("midlands-engine-health-life-sciences-report");
    assert!(hls.per_figure, "quoted figures and the sector page's: each names its own");
    assert!(!hls.text.contains("as stated in this resource"), "{}", hls.text);
}

#[test]
fn the_comparison_csv_names_the_page_and_carries_the_note() {
    let csv = compare(&real(), &ids(&[HLS, MEDTECH]), RowOrder::Dataset).to_csv();
    let fdi =
        csv.lines().find(|l| l.starts_with("Share of FDI into high-growth firms,Health")).unwrap();
    assert!(fdi.contains("Health sector page (Midlands Engine), November 2024: https://www.midlandsengine.org/sector/health/"), "{fdi}");
    assert!(fdi.contains("The page gives no exact period."), "{fdi}");
    let jobs = csv.lines().find(|l| l.starts_with("Jobs,Medical")).unwrap();
    assert!(jobs.contains("the second-highest of any UK region"), "{jobs}");
}

#[test]
fn the_about_page_counts_figures_by_where_they_are_stated() {
    let c = real();
    let said = sources_summary(&c);
    let quoted = c
        .data()
        .figures
        .iter()
        .filter(|f| matches!(Provenance::of(&c, f).via, Via::SourcePage(_)))
        .count();
    assert!(quoted > 0);
    assert!(said.contains(&format!("{quoted} are {QUOTED}")), "{said}");
    assert!(said.contains(&format!("Of the {} figures", c.data().figures.len())), "{said}");
}

// 6. Qualifiers and precision as the source gives them -------------------------------------

#[test]
fn the_air_quality_case_counts_are_up_to() {
    let c = real();
    for (id, text) in [
        ("air-asthma-cases", "up to 4,200"),
        ("air-chd-cases", "up to 1,400"),
        ("air-lung-cancer-cases", "up to 300"),
        ("air-stroke-cases", "up to 1,000"),
    ] {
        assert_eq!(format_value(c.figure(id).unwrap()).as_deref(), Some(text), "{id}");
    }
}

#[test]
fn a_figure_keeps_the_decimals_its_source_prints() {
    let c = real();
    assert_eq!(
        format_value(c.figure("em-long-term-sickness-share").unwrap()).as_deref(),
        Some("26.0%")
    );
    assert_eq!(format_fixed(26.0, 1), "26.0");
    assert_eq!(format_fixed(654_600.0, 0), "654,600");
    assert_eq!(format_fixed(4.9, 2), "4.90");
    assert_eq!(format_fixed(0.9999, 2), "1.00");
    let mut v = minimal_value();
    set(&mut v, "/figures/1/decimals", json!(9));
    common::assert_problem(&problems_of(&v), "figure \"alpha-gva\"", "decimals");
}

#[test]
fn a_figure_that_is_only_a_share_reads_with_one_of_phrase() {
    let c = real();
    let share_only: Vec<_> = c.data().figures.iter().filter(|f| f.value.is_none()).collect();
    assert!(share_only.len() >= 5);
    for f in share_only {
        let reads = format!("{} {}", format_headline(f), f.label);
        assert_eq!(reads.matches(" of ").count(), 1, "{}: {reads}", f.id);
    }
    let innovate = c.figure("hls-innovate-uk-share").unwrap();
    assert_eq!(format_headline(innovate), "over 10%");
}

#[test]
fn the_health_innovation_west_midlands_labels_carry_their_verb() {
    let c = real();
    for f in c
        .figures_of("hiwm-impact-report-2023-24")
        .into_iter()
        .filter(|f| f.source.is_some() && f.measure != "programmes")
    {
        let verb = ["supported", "worked with"].iter().any(|v| f.label.ends_with(v));
        assert!(verb, "{}: {:?} says what the network did with them", f.id, f.label);
    }
    assert_eq!(c.figure("hiwm-social-enterprises").unwrap().label, "social enterprises supported");
}

// 7. Claims no source supports -------------------------------------------------------------

fn assert_never_says(claims: &[&str]) {
    for claim in claims {
        assert!(!common::REAL.contains(claim), "the dataset still says {claim:?}");
    }
}

#[test]
fn no_text_makes_the_claims_no_source_supports() {
    assert_never_says(&[
        "from later reports",
        "drawing on the region's diverse population",
        "has set up",
        "medical technology is concentrated in the East Midlands",
        "on this page",
        "Read alongside",
        "read alongside",
        "UK-wide",
    ]);
    let c = real();
    let courses = c.resource("innovator-short-courses").unwrap();
    assert!(!courses.tags.iter().any(|t| t == "uk"), "nothing says the platform is UK-wide");
}

/// The audit of every other sentence found these only partly supported; each is now reworded
/// to what its source says (the closing note of issue 16 names the sources).
#[test]
fn sentences_the_audit_found_only_partly_supported_stay_reworded() {
    assert_never_says(&[
        "the other reports do not say",
        "not as an amount in pounds",
        "rolling out an innovation",
        "(NO2 and PM2.5)",
        "neither in work nor looking for work",
        "when the 2023-2024 report was published",
    ]);
    let text = common::REAL;
    // "Internationally recognised" is the source page's own claim, so it is only said as such.
    for (at, _) in text.match_indices("internationally recognised") {
        let before = &text[at.saturating_sub(40)..at];
        assert!(before.contains("MI Health's page calls"), "unattributed: …{before}");
    }
}

// 8. Names people search for ----------------------------------------------------------------

#[test]
fn a_search_for_hein_finds_the_equality_analysis_template() {
    let c = real();
    let index = index_catalog(&c);
    for query in ["HEIN", "hein equality analysis"] {
        let hits = index.search(query, QueryOptions { limit: 3, prefix_last: false }).hits;
        let first = hits.first().map(|h| c.data().resources[h.doc as usize].id.as_str());
        assert_eq!(first, Some("east-midlands-health-inequalities-summaries"), "{query}");
    }
}

#[test]
fn the_diabetes_blueprint_links_the_verified_networks_page_and_says_it_is_not_the_blueprint() {
    let c = real();
    let blueprint = c.resource("midlands-diabetes-blueprint").unwrap();
    let urls: Vec<&str> = blueprint.links.iter().map(|l| l.url.as_str()).collect();
    assert_eq!(urls, ["https://www.midlandshealthalliance.org.uk/networks"]);
    assert!(blueprint.link_note.as_deref().is_some_and(|n| n.contains("not the blueprint")));
}
