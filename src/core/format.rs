//! How figures read: "over 5,500", "£20.5bn", "9%", "26.0%", "almost 1,300", "1 in 14".
//!
//! Numbers are written the way the source reports write them, so a visitor can quote them:
//! with the source's qualifier, and with the decimals it prints where the figure records
//! them ("26.0%" stays "26.0%"). Money is stored in pounds and shortened to millions or
//! billions; shares are percentages.

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
    decimal(v, Places::AtMost(2), group_thousands)
}

/// Writes a number with separators and exactly `places` decimals, as a source prints it:
/// `(26.0, 1)` stays `26.0`. More than three places are written as three.
pub fn format_fixed(v: f64, places: u8) -> String {
    decimal(v, Places::Exactly(places), group_thousands)
}

/// Writes a number as spreadsheets and SVG read it: no separators, at most two decimals,
/// no trailing zeros (`20500000000`, `4.99`, `-3.5`).
///
/// Numbers are written here rather than with `{}` or `{:.2}`: Rust's float formatting is
/// exact for every `f64`, and costs the app about 7 KB (brotli) of tables and code that two
/// decimals never need.
pub fn plain_number(v: f64) -> String {
    decimal(v, Places::AtMost(2), |n| n.to_string())
}

/// How many decimals to write.
#[derive(Clone, Copy)]
enum Places {
    /// Up to this many, trailing zeros dropped.
    AtMost(u8),
    /// Exactly this many (at most three), zeros kept.
    Exactly(u8),
}

/// Rounds to the decimals asked for and writes the whole part with `whole`, then the
/// decimals.
fn decimal(v: f64, places: Places, whole: impl Fn(u64) -> String) -> String {
    if !v.is_finite() {
        return "not a number".into();
    }
    let (n, keep_zeros) = match places {
        Places::AtMost(n) => (n.min(3), false),
        Places::Exactly(n) => (n.min(3), true),
    };
    let scale = 10u64.pow(u32::from(n));
    // Split before scaling: the whole part and the fraction are exact, so a large number
    // gains no invented decimals (1e15 + 1 times 100 is not a whole number of cents).
    let a = v.abs();
    let mut units = a.trunc();
    let mut fraction = ((a - units) * scale as f64).round() as u64;
    if fraction >= scale {
        units += 1.0;
        fraction = 0;
    }
    let sign = if v < 0.0 && (units > 0.0 || fraction > 0) { "-" } else { "" };
    // Past u64 (1.8e19) the number is written at u64's end; no figure comes near it.
    let mut out = format!("{sign}{}", whole(units as u64));
    let mut digits: Vec<u8> =
        (0..n).rev().map(|i| b'0' + (fraction / 10u64.pow(u32::from(i)) % 10) as u8).collect();
    if !keep_zeros {
        while digits.last() == Some(&b'0') {
            digits.pop();
        }
    }
    if !digits.is_empty() {
        out.push('.');
        out.extend(digits.into_iter().map(char::from));
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
    pounds(v, None)
}

/// Pounds shortened, with exactly `places` decimals on the shortened amount where given.
fn pounds(v: f64, places: Option<u8>) -> String {
    let a = v.abs();
    let (amount, suffix) = if a >= 1e9 {
        (a / 1e9, "bn")
    } else if a >= 1e6 {
        (a / 1e6, "m")
    } else {
        (a, "")
    };
    let amount = number(amount, places);
    // Less than a penny below zero rounds to £0, not -£0.
    let sign = if v < 0.0 && amount.bytes().any(|b| (b'1'..=b'9').contains(&b)) { "-" } else { "" };
    format!("{sign}£{amount}{suffix}")
}

/// A number with separators, with exactly `places` decimals where given.
fn number(v: f64, places: Option<u8>) -> String {
    match places {
        Some(p) => format_fixed(v, p),
        None => format_number(v),
    }
}

/// The number of a figure with its qualifier, without the noun: "over 5,500", "£20.5bn",
/// "8%", "26.0%", "1 in 14". `None` when the figure has only a UK share. The decimals are
/// those the source prints, where the figure records them.
pub fn format_value(f: &Figure) -> Option<String> {
    let v = f.value?;
    let number = match f.unit.as_str() {
        "GBP" => pounds(v, f.decimals),
        "percent" => format!("{}%", number(v, f.decimals)),
        "one-in" => format!("1 in {}", number(v, f.decimals)),
        _ => number(v, f.decimals),
    };
    Some(qualified(f, number))
}

/// The value of a figure as spreadsheets read it: no separators, pounds in full, the
/// source's decimals kept (`26.0`). `None` when the figure has only a UK share.
pub fn plain_value(f: &Figure) -> Option<String> {
    let v = f.value?;
    Some(match f.decimals {
        Some(p) => decimal(v, Places::Exactly(p), |n| n.to_string()),
        None => plain_number(v),
    })
}

/// `text` after the figure's qualifier, if it has one.
fn qualified(f: &Figure, text: String) -> String {
    match f.qualifier {
        Some(q) => format!("{} {text}", q.words()),
        None => text,
    }
}

/// The UK share of a figure, with the qualifier when the share is all there is:
/// "9% of UK", "over 10% of UK". Where a figure is only a share, its headline is the share
/// ([`format_headline`]) and this is not shown beside it.
pub fn format_uk_share(f: &Figure) -> Option<String> {
    let share = format_percent(f.uk_share?);
    Some(match f.value {
        None => qualified(f, format!("{share} of UK")),
        Some(_) => format!("{share} of UK"),
    })
}

/// The headline form of a figure: the value, or, when the figure is only a share, the
/// share with its qualifier ("over 10%"). The figure's label then says what it is a share
/// of ("of Innovate UK funding to ..."), so the headline adds no "of" phrase of its own.
pub fn format_headline(f: &Figure) -> String {
    format_value(f).or_else(|| Some(qualified(f, format_percent(f.uk_share?)))).unwrap_or_default()
}
