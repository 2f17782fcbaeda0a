//! The term dictionary's hash table: term text to term id.
//!
//! Building the index looks up every token, so this is the hottest loop of the build. An
//! open-addressing table of `u64` slots (a 32-bit hash and the term id) keeps the probe in
//! one array; the term text, kept in the index's term list, is compared only when the hashes
//! agree. Compared with `std::collections::HashMap<Box<str>, u32>` it halves the instructions
//! per look-up, and the hash is a word-at-a-time multiply (no protection against hash
//! flooding is needed for a dataset we ship).

/// Hashes a term eight bytes at a time.
#[inline]
pub fn hash(term: &str) -> u32 {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let mut h = term.len() as u64;
    let mut chunks = term.as_bytes().chunks_exact(8);
    for chunk in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    (h >> 32) as u32 ^ h as u32
}

/// Term text to id, for ids of a separate list of terms.
#[derive(Debug, Clone, Default)]
pub struct TermTable {
    /// 0 for an empty slot, else `hash << 32 | (id + 1)`.
    slots: Vec<u64>,
    len: usize,
}

impl TermTable {
    /// The id of `term`, looked up in `terms` (the text of each id).
    #[inline]
    pub fn get(&self, terms: &[Box<str>], term: &str) -> Option<u32> {
        self.find(terms, term, hash(term)).ok()
    }

    /// Found: `Ok(id)`; not found: `Err(slot)` where it would go.
    #[inline]
    fn find(&self, terms: &[Box<str>], term: &str, h: u32) -> Result<u32, usize> {
        if self.slots.is_empty() {
            return Err(0);
        }
        let mask = self.slots.len() - 1;
        let mut i = h as usize & mask;
        loop {
            let e = self.slots[i];
            if e == 0 {
                return Err(i);
            }
            if (e >> 32) as u32 == h {
                let id = (e as u32) - 1;
                if &*terms[id as usize] == term {
                    return Ok(id);
                }
            }
            i = (i + 1) & mask;
        }
    }

    /// Records that `terms[id]` is `term`; the caller has checked it is not there yet.
    pub fn insert(&mut self, terms: &[Box<str>], term: &str, id: u32) {
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let h = hash(term);
        if let Err(slot) = self.find(terms, term, h) {
            self.slots[slot] = (u64::from(h) << 32) | u64::from(id + 1);
            self.len += 1;
        }
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(1024);
        let old = std::mem::replace(&mut self.slots, vec![0; size]);
        let mask = size - 1;
        for e in old.into_iter().filter(|&e| e != 0) {
            let mut i = (e >> 32) as usize & mask;
            while self.slots[i] != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = e;
        }
    }

    /// Heap bytes held.
    pub fn memory_bytes(&self) -> usize {
        self.slots.capacity() * 8
    }
}
