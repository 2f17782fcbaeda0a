//! How figures read, checked against the way the source reports write them.

use crate::common;

use mhr::core::format::{
    format_headline, format_number, format_pounds, format_uk_share, format_value, group_thousands,
    plain_number,
};
use mhr::core::model::{Figure, Qualifier};

fn figure(
    value: Option<f64>,
    unit: &str,
    qualifier: Option<Qualifier>,
    share: Option<f64>,
) -> Figure {
    Figure {
        id: "f".into(),
        resource: "r".into(),
        cluster: None,
        measure: "m".into(),
        label: "things".into(),
        value,
        unit: unit.into(),
        qualifier,
        uk_share: share,
        period: None,
        note: None,
        source: None,
        decimals: None,
    }
}

#[test]
fn thousands_are_grouped_with_commas() {
    for (n, text) in [
        (0, "0"),
        (999, "999"),
        (1_000, "1,000"),
        (5_500, "5,500"),
        (654_600, "654,600"),
        (1_234_567, "1,234,567"),
    ] {
        assert_eq!(group_thousands(n), text);
    }
}

#[test]
fn numbers_keep_at_most_two_decimals_without_trailing_zeros() {
    for (v, text) in
        [(26.0, "26"), (4.99, "4.99"), (20.5, "20.5"), (1.006, "1.01"), (-3.5, "-3.5"), (0.0, "0")]
    {
        assert_eq!(format_number(v), text, "{v}");
    }
}

#[test]
fn pounds_are_shortened_to_millions_and_billions() {
    assert_eq!(format_pounds(20_500_000_000.0), "£20.5bn");
    assert_eq!(format_pounds(3_200_000_000.0), "£3.2bn");
    assert_eq!(format_pounds(51_400_000.0), "£51.4m");
    assert_eq!(format_pounds(4_990_000.0), "£4.99m");
    assert_eq!(format_pounds(950.0), "£950");
    assert_eq!(format_pounds(-2_500_000.0), "-£2.5m");
    assert_eq!(format_pounds(-0.004), "£0");
}

#[test]
fn a_qualified_count_reads_like_the_source() {
    assert_eq!(
        format_value(&figure(Some(5500.0), "jobs", Some(Qualifier::Over), None)).unwrap(),
        "over 5,500"
    );
    assert_eq!(
        format_value(&figure(Some(1300.0), "businesses", Some(Qualifier::Almost), None)).unwrap(),
        "almost 1,300"
    );
    assert_eq!(
        format_value(&figure(Some(2300.0), "deaths", Some(Qualifier::UpTo), None)).unwrap(),
        "up to 2,300"
    );
}

#[test]
fn money_and_percentages_use_their_symbols() {
    assert_eq!(format_value(&figure(Some(20.5e9), "GBP", None, None)).unwrap(), "£20.5bn");
    assert_eq!(format_value(&figure(Some(9.0), "percent", None, None)).unwrap(), "9%");
    assert_eq!(format_value(&figure(Some(14.0), "one-in", None, None)).unwrap(), "1 in 14");
}

#[test]
fn a_share_only_figure_headlines_its_share_with_the_qualifier_and_leaves_the_of_to_its_label() {
    let f = figure(None, "percent", Some(Qualifier::Over), Some(10.0));
    assert_eq!(format_value(&f), None);
    assert_eq!(format_headline(&f), "over 10%");
    assert_eq!(format_uk_share(&f).unwrap(), "over 10% of UK");
}

#[test]
fn a_valued_figure_keeps_its_qualifier_off_the_share() {
    let f = figure(Some(5500.0), "jobs", Some(Qualifier::Over), Some(9.0));
    assert_eq!(format_uk_share(&f).unwrap(), "9% of UK");
    assert_eq!(format_headline(&f), "over 5,500");
}

#[test]
fn every_figure_in_the_real_dataset_has_a_headline() {
    for f in &common::real().figures {
        assert!(!format_headline(f).is_empty(), "{} has nothing to show", f.id);
    }
}

#[test]
fn plain_numbers_have_no_separators_and_at_most_two_decimals() {
    for (v, text) in [
        (20_500_000_000.0, "20500000000"),
        (4.99, "4.99"),
        (4.5, "4.5"),
        (0.05, "0.05"),
        (1.006, "1.01"),
        (-3.5, "-3.5"),
        (-0.001, "0"),
        (640.0, "640"),
        (1_000_000_000_000_001.0, "1000000000000001"),
        (9_007_199_254_740_994.0, "9007199254740994"),
        (-0.005, "-0.01"),
        (0.995, "1"),
        (f64::NAN, "not a number"),
    ] {
        assert_eq!(plain_number(v), text, "{v}");
    }
}

proptest::proptest! {
    /// Whatever the number, the text reads back as it rounded to two decimals.
    #[test]
    fn plain_numbers_read_back_within_half_a_cent(v in -1e18f64..1e18) {
        let text = plain_number(v);
        let back: f64 = text.parse().unwrap();
        proptest::prop_assert!((back - v).abs() <= 0.005 + v.abs() * 1e-15, "{v} -> {text}");
        proptest::prop_assert!(!text.contains(',') && !text.ends_with('0') || !text.contains('.'));
        // From 2^52 up every f64 is a whole number: no decimals may be invented.
        if v.abs() >= 4_503_599_627_370_496.0 {
            proptest::prop_assert!(!text.contains('.'), "{v} -> {text}");
        }
    }

    /// Separators are the only difference between the two ways of writing a number.
    #[test]
    fn grouped_numbers_are_plain_numbers_with_commas(v in -1e18f64..1e18) {
        proptest::prop_assert_eq!(format_number(v).replace(',', ""), plain_number(v));
    }
}
