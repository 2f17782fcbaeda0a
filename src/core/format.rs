//! How figures read: "over 5,500", "£20.5bn", "9%", "almost 1,300", "1 in 14".
//!
//! Numbers are written the way the source reports write them, so a visitor can quote them.
//! Money is stored in pounds and shortened to millions or billions; shares are percentages.

use super::model::Figure;

/// Writes a whole number with thousands separators: `5500` becomes `5,500`.
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Writes a number with separators and at most two decimals, dropping trailing zeros:
/// `26.0` becomes `26`, `4.99` stays `4.99`, `-3.5` stays `-3.5`.
pub fn format_number(v: f64) -> String {
    decimal(v, group_thousands)
}

/// Writes a number as spreadsheets and SVG read it: no separators, at most two decimals,
/// no trailing zeros (`20500000000`, `4.99`, `-3.5`).
///
/// Numbers are written here rather than with `{}` or `{:.2}`: Rust's float formatting is
/// exact for every `f64`, and costs the app about 7 KB (brotli) of tables and code that two
/// decimals never need.
pub fn plain_number(v: f64) -> String {
    decimal(v, |n| n.to_string())
}

/// Rounds to two decimals and writes the whole part with `whole`, then the decimals.
fn decimal(v: f64, whole: impl Fn(u64) -> String) -> String {
    if !v.is_finite() {
        return "not a number".into();
    }
    // Split before scaling: the whole part and the fraction are exact, so a large number
    // gains no invented decimals (1e15 + 1 times 100 is not a whole number of cents).
    let a = v.abs();
    let mut units = a.trunc();
    let mut cents = ((a - units) * 100.0).round();
    if cents >= 100.0 {
        units += 1.0;
        cents = 0.0;
    }
    let sign = if v < 0.0 && (units > 0.0 || cents > 0.0) { "-" } else { "" };
    // Past u64 (1.8e19) the number is written at u64's end; no figure comes near it.
    let mut out = format!("{sign}{}", whole(units as u64));
    let cents = cents as u8;
    if cents > 0 {
        out.push('.');
        out.push(char::from(b'0' + cents / 10));
        if cents % 10 > 0 {
            out.push(char::from(b'0' + cents % 10));
        }
    }
    out
}

/// Writes a share of a total: `9.0` becomes `9%`, `26.0` becomes `26%`.
pub fn format_percent(share: f64) -> String {
    format!("{}%", format_number(share))
}

/// Writes an amount in pounds, shortened: `20_500_000_000` becomes `£20.5bn`,
/// `51_400_000` becomes `£51.4m`.
pub fn format_pounds(v: f64) -> String {
    let a = v.abs();
    let (amount, suffix) = if a >= 1e9 {
        (format_number(a / 1e9), "bn")
    } else if a >= 1e6 {
        (format_number(a / 1e6), "m")
    } else {
        (format_number(a), "")
    };
    // Less than a penny below zero rounds to £0, not -£0.
    let sign = if v < 0.0 && amount != "0" { "-" } else { "" };
    format!("{sign}£{amount}{suffix}")
}

/// The number of a figure with its qualifier, without the noun: "over 5,500", "£20.5bn",
/// "8%", "1 in 14". `None` when the figure has only a UK share.
pub fn format_value(f: &Figure) -> Option<String> {
    let v = f.value?;
    let number = match f.unit.as_str() {
        "GBP" => format_pounds(v),
        "percent" => format_percent(v),
        "one-in" => format!("1 in {}", format_number(v)),
        _ => format_number(v),
    };
    Some(match f.qualifier {
        Some(q) => format!("{} {number}", q.words()),
        None => number,
    })
}

/// The UK share of a figure, with the qualifier when the share is all there is:
/// "9% of UK", "over 10% of UK".
pub fn format_uk_share(f: &Figure) -> Option<String> {
    let share = format_percent(f.uk_share?);
    Some(match (f.value, f.qualifier) {
        (None, Some(q)) => format!("{} {share} of UK", q.words()),
        _ => format!("{share} of UK"),
    })
}

/// The headline form of a figure: the value, or the UK share when there is no value.
pub fn format_headline(f: &Figure) -> String {
    format_value(f).or_else(|| format_uk_share(f)).unwrap_or_default()
}
