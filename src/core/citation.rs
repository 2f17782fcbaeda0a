//! Citing a resource: the plain-text citation the "copy citation" button gives, and the
//! publication date as reference formats want it, read from the dataset's display date.
//!
//! The dataset keeps a resource's date as people read it ("9 July 2024", "May 2023", "Late
//! 2023") beside its year. [`PublicationDate::of`] takes from the text only what it states
//! plainly (a day, a month name, a year that agrees with `year`), so a machine-readable date
//! never claims more precision than the source gives.

use super::model::Resource;

/// "Publisher (2024). Title. Address." in a form that pastes cleanly into a document;
/// unknown parts are left out rather than guessed, and a resource without a known address
/// says so.
pub fn citation(r: &Resource) -> String {
    let mut out = String::new();
    if let Some(p) = &r.publisher {
        out.push_str(p);
        out.push(' ');
    }
    match PublicationDate::of(r) {
        Some(date) => out.push_str(&format!("({}). ", date.year)),
        None => out.push_str("(n.d.). "),
    }
    out.push_str(r.title.trim_end_matches('.'));
    out.push_str(". ");
    match r.links.first() {
        Some(link) => out.push_str(&format!("{}: {}", link.label, link.url)),
        None => out.push_str("No public address known"),
    }
    out.push('.');
    out
}

/// When a resource was published, as precisely as the dataset states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PublicationDate {
    /// The year.
    pub year: u16,
    /// The month, 1-12, where the date names one.
    pub month: Option<u8>,
    /// The day of the month, where the date gives one (only with a month).
    pub day: Option<u8>,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

impl PublicationDate {
    /// The date of `r`: its `year`, with the month and day its display date names when that
    /// date reads "D Month YYYY" or "Month YYYY" for the same year. Without a `year`, a
    /// display date ending in a year gives that year alone. `None` when neither says.
    pub fn of(r: &Resource) -> Option<PublicationDate> {
        let words: Vec<&str> = r.date.as_deref().unwrap_or("").split_whitespace().collect();
        let stated_year = words.last().and_then(|w| w.parse::<u16>().ok());
        let year = r.year.or(stated_year)?;
        let month_of = |w: &str| MONTHS.iter().position(|m| m.eq_ignore_ascii_case(w));
        let (month, day) = match (stated_year == Some(year), words.as_slice()) {
            (true, [day, month, _]) => match (day.parse::<u8>().ok(), month_of(month)) {
                (Some(d @ 1..=31), Some(m)) => (Some(m as u8 + 1), Some(d)),
                _ => (None, None),
            },
            (true, [month, _]) => (month_of(month).map(|m| m as u8 + 1), None),
            _ => (None, None),
        };
        Some(PublicationDate { year, month, day })
    }

    /// ISO 8601 as precise as known: `2024-07-09`, `2023-05` or `2023`.
    pub fn iso(&self) -> String {
        self.joined('-')
    }

    /// The Highwire and RIS form: `2024/07/09`, `2023/05` or `2023`.
    pub fn slashed(&self) -> String {
        self.joined('/')
    }

    /// The RIS `DA` form, always four parts: `2024/07/09/`, `2023/05//`, `2023///`.
    pub fn ris(&self) -> String {
        let two = |n: Option<u8>| n.map(|n| format!("{n:02}")).unwrap_or_default();
        format!("{}/{}/{}/", self.year, two(self.month), two(self.day))
    }

    /// The English month name, lower case (BibTeX's month macros are its first three
    /// letters).
    pub fn month_name(&self) -> Option<&'static str> {
        self.month.and_then(|m| MONTHS.get(usize::from(m).wrapping_sub(1)).copied())
    }

    fn joined(&self, sep: char) -> String {
        let mut out = self.year.to_string();
        if let Some(m) = self.month {
            out.push_str(&format!("{sep}{m:02}"));
            if let Some(d) = self.day {
                out.push_str(&format!("{sep}{d:02}"));
            }
        }
        out
    }
}
