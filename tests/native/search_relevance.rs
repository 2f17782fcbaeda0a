//! Relevance on the real dataset: for each query, the resource a visitor means is first, or
//! in the top three.

use crate::common;

use common::RealSearch;

/// (query, expected resource id, must be first?)
const TABLE: &[(&str, &str, bool)] = &[
    // exact words
    ("diabetes", "midlands-diabetes-blueprint", true),
    ("air quality", "west-midlands-air-quality-study", true),
    ("ADHD", "focus-adhd-guide", true),
    ("medical technologies", "medtech-report-2019", false),
    ("MedTech", "medtech-report-2019", true),
    ("investment potential", "investment-potential-midlands-clusters", true),
    ("impact report", "hiem-impact-report-2023-24", false),
    ("short courses", "innovator-short-courses", true),
    ("equality analysis template", "east-midlands-health-inequalities-summaries", true),
    ("super cluster", "midlands-engine-health-life-sciences-report", true),
    // stemming
    ("inequality", "east-midlands-health-inequalities-summaries", true),
    ("courses", "innovator-short-courses", true),
    // prefix, as typed
    ("diab", "midlands-diabetes-blueprint", true),
    ("inequal", "east-midlands-health-inequalities-summaries", true),
    ("pollu", "west-midlands-air-quality-study", true),
    // typos
    ("diabetis", "midlands-diabetes-blueprint", true),
    ("air qualty", "west-midlands-air-quality-study", true),
    ("inequalitys", "east-midlands-health-inequalities-summaries", true),
    ("adhd gude", "focus-adhd-guide", true),
    // multi-term
    ("data driven healthcare", "data-driven-healthcare-report", true),
    ("health life sciences cluster", "midlands-engine-health-life-sciences-report", false),
    ("long term sickness", "east-midlands-health-inequalities-summaries", true),
    // publishers and organisations
    ("Health Innovation West Midlands", "hiwm-impact-report-2023-24", true),
    ("Midlands Engine", "midlands-engine-health-life-sciences-report", false),
    ("University of Birmingham", "west-midlands-air-quality-study", true),
    ("Hatch Regeneris", "medtech-report-2019", true),
    ("Midlands Health Alliance", "midlands-diabetes-blueprint", true),
    // places
    ("West Midlands", "west-midlands-air-quality-study", false),
    ("East Midlands", "hiem-impact-report-2023-24", false),
    // accents and case
    ("DIABÈTES", "midlands-diabetes-blueprint", true),
];

#[test]
fn each_query_in_the_table_finds_the_resource_meant() {
    let f = RealSearch::load();
    let mut failures = Vec::new();
    for &(query, expected, first) in TABLE {
        let top = f.top(query, 3);
        let ok = if first {
            top.first().map(String::as_str) == Some(expected)
        } else {
            top.iter().any(|t| t == expected)
        };
        if !ok {
            failures.push(format!(
                "{query:?}: expected {expected} {} — got {top:?}",
                if first { "first" } else { "in top 3" }
            ));
        }
    }
    assert!(TABLE.len() >= 25);
    assert!(
        failures.is_empty(),
        "{} of {} queries failed:\n{}",
        failures.len(),
        TABLE.len(),
        failures.join("\n")
    );
}
