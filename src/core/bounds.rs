//! What a hedged number allows: "over 10%" is any share above 10, so it is not known to be
//! more or less than 11%.
//!
//! A figure's qualifier turns its number into a range. The comparison marks one share
//! higher than another, and places rows in order of a share, only as far as these ranges
//! allow: a share is higher only when it is higher whatever the qualifiers allow.
//!
//! The ranges are as wide as the words: "over 10%" has no upper bound but the whole (100%),
//! "almost" and "up to" no lower bound but zero, and "about" none on either side, since the
//! source states no margin and we invent none.

use super::model::Qualifier;

/// The values a hedged share can take: from `low` to `high`, each end open (excluded) or
/// closed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    /// The least value allowed.
    pub low: f64,
    /// Whether `low` itself is excluded ("over 10" excludes 10).
    pub low_open: bool,
    /// The greatest value allowed.
    pub high: f64,
    /// Whether `high` itself is excluded ("almost 10" excludes 10).
    pub high_open: bool,
}

impl Bounds {
    /// The range of a share in percent, stated as `share` with an optional qualifier.
    pub fn of_share(share: f64, qualifier: Option<Qualifier>) -> Bounds {
        let exact = Bounds { low: share, low_open: false, high: share, high_open: false };
        match qualifier {
            None => exact,
            Some(Qualifier::Over) => Bounds { low_open: true, high: 100.0, ..exact },
            Some(Qualifier::Almost) => Bounds { low: 0.0, high_open: true, ..exact },
            Some(Qualifier::UpTo) => Bounds { low: 0.0, ..exact },
            Some(Qualifier::About) => Bounds { low: 0.0, high: 100.0, ..exact },
        }
    }

    /// Whether every value this allows is above every value `other` allows.
    pub fn certainly_above(&self, other: &Bounds) -> bool {
        self.low > other.high || (self.low == other.high && (self.low_open || other.high_open))
    }

    /// Whether no value this allows is below any value `other` allows (equal is fine).
    pub fn certainly_not_below(&self, other: &Bounds) -> bool {
        self.low >= other.high
    }
}
