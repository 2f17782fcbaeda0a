//! Typo tolerance: how many edits a term may take, and a fast bounded edit distance.
//!
//! Finding dictionary terms within one or two edits of a query term is done by scanning the
//! dictionary with two cheap filters before any distance is computed: the length difference,
//! and a 32-bit "letter set" mask (one bit per letter or digit class). One edit changes at
//! most two bits of that mask, so a term whose mask differs in more than `2 * k` bits cannot
//! be within `k` edits. On real and synthetic vocabularies this rejects nearly every term at
//! the cost of an XOR and a popcount, which keeps a scan of 100,000 terms well under a
//! millisecond without the memory of a deletion index or the build time of an automaton.

/// Edits allowed for a query term of `len` characters: none under 4, one for 4 to 7, two
/// for 8 or more.
pub fn allowed_edits(len: usize) -> u8 {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// Shortest term, in characters, that a second chance allows one more edit.
pub const SECOND_CHANCE_LEN: usize = 5;

/// Edits allowed for a query term of `len` characters on the second chance, tried when a
/// query finds nothing within [`allowed_edits`]: one more for terms of
/// [`SECOND_CHANCE_LEN`] or more ("medtek" reaches "medtech", two edits away), the same for
/// shorter ones, where two edits would reach too many unrelated words.
pub fn second_chance_edits(len: usize) -> u8 {
    allowed_edits(len) + u8::from(len >= SECOND_CHANCE_LEN)
}

/// The letter-set mask of a term: bit `i` set when a character of class `i` occurs.
pub fn letter_mask(term: &str) -> u32 {
    term.bytes().fold(0u32, |m, b| {
        let bit = match b {
            b'a'..=b'z' => b - b'a',
            b'0'..=b'9' => 26 + (b - b'0') % 5,
            _ => 31,
        };
        m | (1 << bit)
    })
}

/// True when two masks differ in few enough bits for `k` edits to bridge.
#[inline]
pub fn masks_within(a: u32, b: u32, k: u8) -> bool {
    (a ^ b).count_ones() <= 2 * u32::from(k)
}

/// The optimal-string-alignment distance between `a` and `b` (insertions, deletions,
/// substitutions and swaps of neighbours each cost one), or `None` when it exceeds `k`.
/// Works on bytes: terms are folded to ASCII where possible, and a multi-byte letter then
/// simply costs an edit more.
pub fn bounded_distance(a: &[u8], b: &[u8], k: u8) -> Option<u8> {
    let k = usize::from(k);
    if a.len().abs_diff(b.len()) > k {
        return None;
    }
    if a.len() > 64 || b.len() > 64 {
        return (a == b).then_some(0);
    }
    let n = b.len();
    // Three rows of the dynamic-programming table: two back (for swaps), previous, current.
    let mut prev2 = [0u8; 65];
    let mut prev: [u8; 65] = std::array::from_fn(|j| j.min(255) as u8);
    let mut cur = [0u8; 65];
    for i in 1..a.len() + 1 {
        cur[0] = i as u8;
        let mut row_min = cur[0];
        for j in 1..n + 1 {
            let cost = u8::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(prev2[j - 2] + 1);
            }
            cur[j] = d;
            row_min = row_min.min(d);
        }
        if usize::from(row_min) > k {
            return None;
        }
        prev2[..=n].copy_from_slice(&prev[..=n]);
        prev[..=n].copy_from_slice(&cur[..=n]);
    }
    let d = prev[n];
    (usize::from(d) <= k).then_some(d)
}
