//! The app's reader of the text the build checked (`core::load::read`, with a JSON reader of
//! its own rather than serde_json): it must give what `load` gives, for every string and
//! number the dataset may hold, and only ever decline (the app then checks the text with
//! `load`), never read a figure differently.

use mhr::core::load::{fingerprint, load, parse, read};
use proptest::prelude::*;
use serde_json::Value;

const MINIMAL: &str = include_str!("../fixtures/minimal.json");

/// The minimal fixture with `edit` applied to its parsed form, written back as serde_json
/// writes it.
fn edited(edit: impl FnOnce(&mut Value)) -> String {
    let mut dataset: Value = serde_json::from_str(MINIMAL).unwrap();
    edit(&mut dataset);
    serde_json::to_string_pretty(&dataset).unwrap()
}

/// The text with the first figure's `"value": 5500` written as `number`, as a hand edit
/// would write it (serde_json would print it in its own shortest form).
fn with_value(number: &str) -> String {
    let text = MINIMAL.replacen("\"value\": 5500", &format!("\"value\": {number}"), 1);
    assert_ne!(text, MINIMAL, "the fixture's first figure has the value 5500");
    text
}

fn read_own(text: &str) -> Option<mhr::core::model::Dataset> {
    read(text, fingerprint(text))
}

#[test]
fn the_fixture_is_read_as_load_reads_it() {
    let dataset = load(MINIMAL).unwrap();
    assert_eq!(read_own(MINIMAL), Some(dataset));
}

/// Every field of every record, set (each optional one to a value, each variant of each
/// enum in turn) and written by serde's own `Serialize`, is read back to the same model:
/// the reader takes each field by its name, so a field serde reads by another name, or whose
/// default differs, would show here.
#[test]
fn every_field_and_variant_of_the_model_is_read_as_serde_writes_it() {
    use mhr::core::model::{FigureSource, Link, Qualifier, SourcePage, TagKind};
    let link = || Link { url: "https://example.org/a".into(), label: "A page".into() };
    let mut d = load(MINIMAL).unwrap();
    d.tags[0].aliases = vec!["other name".into()];
    d.expertise[0].tags = vec![d.tags[0].id.clone()];
    d.expertise[0].links = vec![link()];
    d.clusters[0].part_of = Some(d.clusters[0].id.clone());
    d.measures[0].definition = Some("What it counts".into());
    let r = &mut d.resources[0];
    r.publisher = Some("Publisher".into());
    r.partners = vec!["Partner".into()];
    r.year = Some(2024);
    r.date = Some("2024-05".into());
    r.covers = Some("2020-2023".into());
    r.aliases = vec!["alias".into()];
    r.links = vec![link()];
    r.link_note = Some("A note".into());
    let f = &mut d.figures[0];
    f.cluster = Some("c".into());
    f.value = Some(12.5);
    f.uk_share = Some(3.25);
    f.period = Some("2023".into());
    f.note = Some("A note".into());
    f.decimals = Some(2);
    let sources = [
        FigureSource::SourcePage,
        FigureSource::Page(SourcePage { label: "A page".into(), url: None }),
        FigureSource::Page(SourcePage { label: "A page".into(), url: Some(link().url) }),
    ];
    let qualifiers = [Qualifier::Over, Qualifier::Almost, Qualifier::About, Qualifier::UpTo];
    for (i, source) in sources.into_iter().enumerate() {
        for (j, qualifier) in qualifiers.into_iter().enumerate() {
            let mut d = d.clone();
            d.figures[0].source = Some(source.clone());
            d.figures[0].qualifier = Some(qualifier);
            d.tags[0].kind = TagKind::ALL[(i + j) % TagKind::ALL.len()];
            let text = serde_json::to_string(&d).unwrap();
            assert_eq!(read_own(&text), Some(d), "{source:?}, {qualifier:?}");
        }
    }
    for kind in TagKind::ALL {
        let mut d = d.clone();
        d.tags[0].kind = kind;
        let text = serde_json::to_string_pretty(&d).unwrap();
        assert_eq!(read_own(&text), Some(d), "{kind:?}");
    }
}

#[test]
fn every_escape_is_decoded_as_serde_json_decodes_it() {
    // Written by hand: serde_json would write most of these characters unescaped.
    let escaped = r#""q\" b\\ s\/ \b\f\n\r\t e\u00e9 \u2019 \uD83D\uDE00 \u0000""#;
    let text = MINIMAL.replacen("\"A tiny dataset for tests.\"", escaped, 1);
    assert_ne!(text, MINIMAL, "the fixture has that description");
    // `parse`: the rules refuse control characters in a description; the reading is the same.
    let loaded = parse(&text).unwrap();
    assert_eq!(loaded.meta.description, "q\" b\\ s/ \u{8}\u{c}\n\r\t eé \u{2019} 😀 \u{0}");
    assert_eq!(read_own(&text), Some(loaded));
}

#[test]
fn a_broken_escape_is_declined_and_load_explains_it() {
    for escape in [r"\x", r"\u12G4", r"\uD83D", r"\uD83D\u0041", r"\uDE00"] {
        let text = MINIMAL.replacen("A tiny dataset for tests.", escape, 1);
        assert_eq!(read_own(&text), None, "{escape}");
        assert!(load(&text).is_err(), "{escape}");
    }
}

#[test]
fn numbers_written_by_hand_are_read_as_load_reads_them() {
    for number in [
        "0",
        "-0",
        "5500.0",
        "0.1",
        "12.5",
        "-0.75",
        "1e3",
        "2.5E-3",
        "1E+2",
        "4.2e1",
        "900719925474099.2",
    ] {
        let text = with_value(number);
        let loaded = parse(&text).unwrap_or_else(|e| panic!("{number}: {e}"));
        let read = read_own(&text).unwrap_or_else(|| panic!("{number} is declined"));
        assert_eq!(read, loaded, "{number}");
        assert_eq!(
            read.figures[0].value.map(f64::to_bits),
            loaded.figures[0].value.map(f64::to_bits),
            "{number}"
        );
    }
}

/// Numbers that one IEEE operation cannot give exactly are left to `load` rather than read
/// by a second algorithm that might round them another way.
#[test]
fn numbers_beyond_the_exact_range_are_left_to_load() {
    for number in [
        "0.30000000000000004",
        "9007199254740993",
        "1e23",
        "1.5e-30",
        "123456789012345678901",
        // Exponents whose sum with the point's scale leaves an i32 (serde_json reads 0).
        "1.0e-2147483647",
        "1.00e-2147483647",
        "1e-99999999999",
    ] {
        let text = with_value(number);
        assert!(parse(&text).is_ok(), "{number}");
        assert_eq!(read_own(&text), None, "{number}");
    }
    // Too large for an f64: parse refuses it, and the reader declines without a panic.
    for number in ["5e2147483647", "1e99999999999", "-1e-2147483648"] {
        assert_eq!(read_own(&with_value(number)), None, "{number}");
    }
}

#[test]
fn deep_nesting_is_declined_rather_than_overflowing_the_stack() {
    let deep = "[".repeat(200_000);
    assert_eq!(read_own(&deep), None);
    let text = edited(|d| {
        d["headlines"] =
            serde_json::from_str(&format!("{}{}", "[".repeat(40), "]".repeat(40))).unwrap()
    });
    assert_eq!(read_own(&text), None);
}

#[test]
fn another_schema_version_is_declined() {
    let text = edited(|d| d["schema_version"] = 3.into());
    assert_eq!(read_own(&text), None);
}

proptest! {
    /// Any figure written with up to six decimals, as an editor would, is read to the same
    /// bits as serde_json reads it at build time (`parse`, the build's reading before its rules).
    #[test]
    fn any_figure_with_a_few_decimals_is_read_to_the_same_bits(
        whole in -999_999_999i64..999_999_999, decimals in 0usize..=6, fraction in 0u32..1_000_000,
        exponent in prop::option::of(-8i32..8),
    ) {
        let mut number = whole.to_string();
        if decimals > 0 {
            number.push_str(&format!(".{:06}", fraction)[..=decimals]);
        }
        if let Some(e) = exponent {
            number.push_str(&format!("e{e}"));
        }
        let text = with_value(&number);
        let loaded = parse(&text);
        prop_assume!(loaded.is_ok());
        let loaded = loaded.unwrap();
        let read = read_own(&text);
        prop_assert!(read.is_some(), "{} is declined", number);
        let read = read.unwrap();
        prop_assert_eq!(
            read.figures[0].value.map(f64::to_bits),
            loaded.figures[0].value.map(f64::to_bits),
            "{}", number
        );
        prop_assert_eq!(read, loaded);
    }

    /// Any text in any field, written by serde_json, is read as parse reads it.
    #[test]
    fn any_text_in_a_field_is_read_as_load_reads_it(summary in "\\PC{0,40}", title in ".{0,20}") {
        let text = edited(|d| {
            d["resources"][0]["summary"] = summary.clone().into();
            d["meta"]["title"] = title.clone().into();
        });
        let loaded = parse(&text);
        prop_assume!(loaded.is_ok());
        prop_assert_eq!(read_own(&text), loaded.ok());
    }
}
