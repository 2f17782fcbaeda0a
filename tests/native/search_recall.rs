//! Recall, measured: queries a visitor types, written from the source page's own wording and
//! from what a visitor wants to find, not from our summaries. For each, the resources a
//! visitor would be glad to see; a query counts as found when one of them is in the top three.
//!
//! The test prints every miss and the share found, and requires at least 95 %. Queries that
//! quote the page are checked against it, so "from the page" stays true.

use crate::common;

use common::{folded, RealSearch, SOURCE_PAGE};

/// Where a query's words come from.
#[derive(Debug, Clone, Copy, PartialEq)]
enum From {
    /// Quoted from the source page, word for word (checked).
    Page,
    /// A phrase of the page typed with slips.
    Slip,
    /// A visitor's need in a visitor's words.
    Visitor,
}

const HIEM: &str = "hiem-impact-report-2023-24";
const HIWM: &str = "hiwm-impact-report-2023-24";
const HIGHLIGHTS: &str = "hiem-programme-highlights";
const DATA: &str = "data-driven-healthcare-report";
const SUPER: &str = "midlands-engine-health-life-sciences-report";
const CLUSTERS: &str = "investment-potential-midlands-clusters";
const MEDTECH: &str = "medtech-report-2019";
const AIR: &str = "west-midlands-air-quality-study";
const INEQUALITIES: &str = "east-midlands-health-inequalities-summaries";
const DIABETES: &str = "midlands-diabetes-blueprint";
const COURSES: &str = "innovator-short-courses";
const ADHD: &str = "focus-adhd-guide";

/// (query, where it comes from, resources that answer it)
const TABLE: &[(&str, From, &[&str])] = &[
    // The page's abbreviations and the names organisations went by.
    ("HINWM", From::Page, &[HIWM]),
    ("HIEM", From::Page, &[HIEM]),
    ("HEIN", From::Page, &[INEQUALITIES]),
    ("HEIN Equality Analysis template", From::Page, &[INEQUALITIES]),
    ("MI Health", From::Page, &[MEDTECH]),
    ("Midlands Health Innovation", From::Page, &[MEDTECH]),
    ("Health Innovation Network West Midlands", From::Page, &[HIWM]),
    ("Report on WM air quality", From::Page, &[AIR]),
    ("medical technologies (MedTech) sector", From::Page, &[MEDTECH]),
    ("Medical Technologies Report", From::Page, &[MEDTECH]),
    // Phrases of the page.
    ("Strategic Programme Development Fund", From::Page, &[MEDTECH]),
    ("WHO guidelines on clean air", From::Page, &[AIR]),
    ("health economic burden of air pollution", From::Page, &[AIR]),
    ("West Midlands Combined Authority", From::Page, &[AIR]),
    ("economically inactive", From::Page, &[INEQUALITIES]),
    ("snapshot of health inequalities", From::Page, &[INEQUALITIES]),
    ("equity and inclusion", From::Page, &[INEQUALITIES]),
    ("regional clinical research networks for type 1 and type 2 diabetes", From::Page, &[DIABETES]),
    ("Diabetes Blueprint", From::Page, &[DIABETES]),
    ("innovation pathway", From::Page, &[COURSES]),
    ("free on-demand short courses", From::Page, &[COURSES]),
    ("Focus ADHD innovation programme", From::Page, &[ADHD]),
    ("ADHD diagnosis", From::Page, &[HIEM]),
    ("wound care", From::Page, &[HIEM]),
    ("pipeline model", From::Page, &[HIWM]),
    ("case studies of evidence-based innovations", From::Page, &[HIWM]),
    ("Data-driven healthcare innovation", From::Page, &[DATA]),
    ("Innovate UK funding", From::Page, &[DATA, SUPER]),
    ("Foreign Direct Investment", From::Page, &[DATA, SUPER]),
    ("Domestic Direct Investment Capex", From::Page, &[DATA, SUPER]),
    ("high growth companies", From::Page, &[DATA, SUPER]),
    ("Health and Life Sciences Midlands Super Cluster", From::Page, &[SUPER]),
    ("regional GVA", From::Page, &[SUPER]),
    ("East Midlands Medical Technologies Cluster", From::Page, &[SUPER, MEDTECH]),
    ("Midlands Engine Partnership", From::Page, &[CLUSTERS]),
    ("investment potential of Midlands clusters", From::Page, &[CLUSTERS]),
    ("policy development", From::Page, &[CLUSTERS]),
    (
        "innovations programmes that have taken place in the East Midlands",
        From::Page,
        &[HIGHLIGHTS],
    ),
    // The same with slips, as typed in a hurry.
    ("medtek", From::Slip, &[MEDTECH]),
    ("HINMW", From::Slip, &[HIWM]),
    ("helth inequalites", From::Slip, &[INEQUALITIES]),
    ("air polution", From::Slip, &[AIR]),
    ("diabeties blueprnt", From::Slip, &[DIABETES]),
    ("investmnet potental", From::Slip, &[CLUSTERS]),
    ("wond care", From::Slip, &[HIEM]),
    ("equalty analysis", From::Slip, &[INEQUALITIES]),
    ("Midlnds Engine", From::Slip, &[SUPER, CLUSTERS]),
    // What visitors want, in their words.
    ("air pollution deaths", From::Visitor, &[AIR]),
    ("asthma", From::Visitor, &[AIR]),
    ("jobs in health and life sciences", From::Visitor, &[SUPER]),
    ("medtech firms", From::Visitor, &[MEDTECH]),
    ("training course for innovators", From::Visitor, &[COURSES]),
    ("free online course NHS", From::Visitor, &[COURSES]),
    ("ADHD guide", From::Visitor, &[ADHD]),
    ("attention deficit", From::Visitor, &[ADHD]),
    ("diabetes research networks", From::Visitor, &[DIABETES]),
    ("health inequality data east midlands", From::Visitor, &[INEQUALITIES]),
    ("West Midlands health innovation network", From::Visitor, &[HIWM]),
    ("East Midlands impact report", From::Visitor, &[HIEM]),
    ("integrated care boards", From::Visitor, &[HIWM]),
];

/// Share of queries needed in the top three.
const TARGET: f64 = 0.95;

#[test]
fn queries_marked_as_the_pages_words_are_on_the_page() {
    let page = folded(SOURCE_PAGE);
    for &(query, from, _) in TABLE {
        if from == From::Page {
            assert!(page.contains(&folded(query)), "{query:?} is not on the source page");
        }
    }
}

#[test]
fn each_query_answers_with_resources_that_exist() {
    let f = RealSearch::load();
    assert!(TABLE.len() >= 40, "the table needs at least 40 queries");
    for &(query, _, answers) in TABLE {
        for id in answers {
            assert!(f.catalog.resource(id).is_some(), "{query:?}: no resource {id}");
        }
    }
}

#[test]
fn at_least_95_percent_of_the_queries_find_what_is_meant_in_the_top_three() {
    let f = RealSearch::load();
    let misses: Vec<String> = TABLE
        .iter()
        .filter_map(|&(query, _, answers)| {
            let top = f.top(query, 3);
            (!top.iter().any(|t| answers.contains(&t.as_str())))
                .then(|| format!("{query:?}: wanted one of {answers:?}, got {top:?}"))
        })
        .collect();
    let found = TABLE.len() - misses.len();
    let share = found as f64 / TABLE.len() as f64;
    println!(
        "recall in the top 3: {found} of {} queries ({:.1} %)\n{}",
        TABLE.len(),
        share * 100.0,
        misses.join("\n")
    );
    assert!(share >= TARGET, "{found} of {} found; misses:\n{}", TABLE.len(), misses.join("\n"));
}
