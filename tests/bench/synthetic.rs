//! Seeded synthetic corpora and query mixes for the search benchmark.
//!
//! Words are built from syllables so they look and stem like English (3 to 12 letters), and
//! drawn from a Zipf distribution (exponent 1) over a 30,000-word vocabulary, as real text
//! is. Titles have 4 to 10 words, summaries 40 to 90, publishers 2 to 4 from 300 names, tags
//! 2 to 6 of 80 labels. The same seed always gives the same corpus and queries, natively and
//! in wasm.
#![allow(dead_code)]

/// A document as the external corpus format has it.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Doc {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub publisher: String,
    pub tags: Vec<String>,
}

/// SplitMix64: tiny, fast and good enough to draw benchmark text.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const ONSETS: [&str; 20] = [
    "b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "v", "w", "br", "cl", "st",
    "tr", "ph",
];
const VOWELS: [&str; 8] = ["a", "e", "i", "o", "u", "ea", "io", "ou"];
const CODAS: [&str; 12] = ["", "", "", "n", "r", "s", "t", "l", "nd", "st", "ng", "ce"];
const ENDINGS: [&str; 10] = ["", "", "", "", "s", "ing", "ed", "ity", "ies", "al"];

fn word(rng: &mut Rng) -> String {
    let mut w = String::new();
    for _ in 0..rng.range(1, 3) {
        w.push_str(ONSETS[rng.below(ONSETS.len())]);
        w.push_str(VOWELS[rng.below(VOWELS.len())]);
        w.push_str(CODAS[rng.below(CODAS.len())]);
    }
    w.push_str(ENDINGS[rng.below(ENDINGS.len())]);
    w.truncate(12);
    w
}

/// A vocabulary and a Zipf sampler over it.
pub struct Vocabulary {
    pub words: Vec<String>,
    cdf: Vec<f64>,
}

impl Vocabulary {
    pub fn new(rng: &mut Rng, size: usize) -> Vocabulary {
        let mut words = Vec::with_capacity(size);
        let mut seen = std::collections::HashSet::new();
        while words.len() < size {
            let w = word(rng);
            if w.len() >= 3 && seen.insert(w.clone()) {
                words.push(w);
            }
        }
        let mut total = 0.0;
        let cdf = (1..=size)
            .map(|rank| {
                total += 1.0 / rank as f64;
                total
            })
            .collect::<Vec<_>>();
        let cdf = cdf.into_iter().map(|c| c / total).collect();
        Vocabulary { words, cdf }
    }

    pub fn sample(&self, rng: &mut Rng) -> &str {
        let u = rng.unit();
        let i = self.cdf.partition_point(|&c| c < u).min(self.words.len() - 1);
        &self.words[i]
    }

    fn sentence(&self, rng: &mut Rng, lo: usize, hi: usize) -> String {
        let n = rng.range(lo, hi);
        let mut s = String::new();
        for i in 0..n {
            if i > 0 {
                s.push(' ');
            }
            let w = self.sample(rng);
            if i == 0 {
                let mut c = w.chars();
                s.extend(c.next().map(|c| c.to_ascii_uppercase()));
                s.push_str(c.as_str());
            } else {
                s.push_str(w);
            }
        }
        s
    }
}

/// `n` documents from `seed`.
pub fn corpus(seed: u64, n: usize) -> Vec<Doc> {
    let mut rng = Rng::new(seed);
    let vocab = Vocabulary::new(&mut rng, 30_000);
    let publishers: Vec<String> = (0..300).map(|_| vocab.sentence(&mut rng, 2, 4)).collect();
    let tags: Vec<String> = (0..80).map(|_| vocab.sentence(&mut rng, 1, 2)).collect();
    (0..n)
        .map(|i| Doc {
            id: format!("doc-{i}"),
            title: vocab.sentence(&mut rng, 4, 10),
            summary: vocab.sentence(&mut rng, 40, 90),
            publisher: publishers[rng.below(publishers.len())].clone(),
            tags: (0..rng.range(2, 6)).map(|_| tags[rng.below(tags.len())].clone()).collect(),
        })
        .collect()
}

/// The kinds of query in the mix.
pub const KINDS: [&str; 4] = ["exact", "prefix", "typo", "multi"];

/// One query of a benchmark, as the query files have it: `{"query": .., "kind": ..,
/// "expect": ..}`, where `expect` is the id of the document the query was written for, when
/// one document is meant (the typo queries). A query file may also be a plain array of
/// strings.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Query {
    pub query: String,
    #[serde(default = "given")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expect: Option<String>,
}

fn given() -> String {
    "given".into()
}

/// A query file: an array of strings or of [`Query`] objects.
pub fn parse_queries(json: &str) -> Result<Vec<Query>, serde_json::Error> {
    #[derive(serde::Deserialize)]
    #[serde(untagged)]
    enum Entry {
        Text(String),
        Query(Query),
    }
    let entries: Vec<Entry> = serde_json::from_str(json)?;
    Ok(entries
        .into_iter()
        .map(|e| match e {
            Entry::Text(query) => Query { query, kind: given(), expect: None },
            Entry::Query(q) => q,
        })
        .collect())
}

/// A fixed mix of `n` queries over `docs`, in equal parts exact (a word of a title or
/// summary), prefix (its first 3 to 5 letters), typo and multi-term (two or three words of
/// one document).
///
/// A typo query is one edit (a letter changed, dropped or swapped with its neighbour) in the
/// document's rarest word of 5 letters or more, the word a visitor looking for that document
/// would type; it expects that document, so that engines can be compared on how often they
/// still find it.
pub fn queries(seed: u64, docs: &[Doc], n: usize) -> Vec<Query> {
    let mut rng = Rng::new(seed ^ 0x5EED);
    let mut out = Vec::with_capacity(n);
    let words_of = |d: &Doc| -> Vec<String> {
        d.title
            .split(' ')
            .chain(d.summary.split(' '))
            .map(|w| w.to_lowercase())
            .filter(|w| w.len() >= 3)
            .collect()
    };
    let mut document_frequency: std::collections::HashMap<String, u32> = Default::default();
    for d in docs {
        let mut words = words_of(d);
        words.sort_unstable();
        words.dedup();
        for w in words {
            *document_frequency.entry(w).or_default() += 1;
        }
    }
    while out.len() < n {
        let d = &docs[rng.below(docs.len())];
        let words = words_of(d);
        let kind = KINDS[out.len() % KINDS.len()];
        let w = words[rng.below(words.len())].clone();
        let (query, expect) = match kind {
            "exact" => (w, None),
            "prefix" => (w.chars().take(rng.range(3, 5)).collect(), None),
            "typo" => {
                let Some(base) = words
                    .iter()
                    .filter(|w| w.len() >= 5)
                    .min_by_key(|w| (document_frequency.get(*w).copied().unwrap_or(0), *w))
                else {
                    continue;
                };
                let mut b = base.as_bytes().to_vec();
                let i = rng.range(1, b.len() - 1);
                match rng.below(3) {
                    0 => b[i] = b'a' + rng.below(26) as u8,
                    1 => {
                        b.remove(i);
                    }
                    _ => b.swap(i, i - 1),
                }
                (String::from_utf8(b).unwrap_or_default(), Some(d.id.clone()))
            }
            _ => (
                (0..rng.range(2, 3))
                    .map(|_| words[rng.below(words.len())].clone())
                    .collect::<Vec<_>>()
                    .join(" "),
                None,
            ),
        };
        out.push(Query { query, kind: kind.into(), expect });
    }
    out
}

/// Our search index over `docs`: the title, the summary, the publisher as a person and the
/// tags, as the site indexes a resource.
pub fn build_index(docs: &[Doc]) -> mhr::core::search::SearchIndex {
    index_builder(docs).finish()
}

/// Every document added to an index builder, not yet finished, so that finishing can be
/// timed apart.
pub fn index_builder(docs: &[Doc]) -> mhr::core::search::IndexBuilder {
    let mut builder = mhr::core::search::IndexBuilder::new();
    for d in docs {
        builder.add(mhr::core::search::SearchDoc {
            title: &d.title,
            summary: &d.summary,
            people: vec![d.publisher.as_str()],
            tags: d.tags.iter().map(String::as_str).collect(),
            labels: Vec::new(),
            aliases: Vec::new(),
        });
    }
    builder
}

/// p50 and p95 of a list of durations in milliseconds.
pub fn percentiles(mut ms: Vec<f64>) -> (f64, f64) {
    ms.sort_by(f64::total_cmp);
    let at = |p: f64| ms[((ms.len() as f64 - 1.0) * p).round() as usize];
    (at(0.5), at(0.95))
}

/// Facets over a synthetic corpus: three sections (by document number) and one option per
/// distinct tag label, spread over the four tag kinds; years 2000 to 2025.
pub fn browse_index(docs: &[Doc]) -> mhr::core::browse::BrowseIndex {
    use mhr::core::filter::{Facet, FacetIndex};
    use mhr::core::model::TagKind;
    let mut facets = FacetIndex::new(docs.len());
    for s in 0..3 {
        facets.add_option(
            Facet::Section,
            &format!("s{s}"),
            &format!("Section {s}"),
            (s..docs.len()).step_by(3),
        );
    }
    let mut labels: Vec<&str> =
        docs.iter().flat_map(|d| d.tags.iter().map(String::as_str)).collect();
    labels.sort_unstable();
    labels.dedup();
    for (i, label) in labels.iter().enumerate() {
        let kind = TagKind::ALL[i % 4];
        let members = docs
            .iter()
            .enumerate()
            .filter(|(_, d)| d.tags.iter().any(|t| t == label))
            .map(|(i, _)| i);
        facets.add_option(Facet::Tag(kind), &format!("t{i}"), label, members);
    }
    let years: Vec<Option<u16>> = (0..docs.len()).map(|i| Some(2000 + (i % 26) as u16)).collect();
    let titles: Vec<String> = docs.iter().map(|d| d.title.to_lowercase()).collect();
    mhr::core::browse::BrowseIndex::new(facets, &years, &titles)
}

/// A visitor's toggles: `n` states, each one tag or section away from the last.
pub fn toggle_states(
    seed: u64,
    index: &mhr::core::browse::BrowseIndex,
    n: usize,
) -> Vec<mhr::core::url_state::BrowseState> {
    use mhr::core::filter::Facet;
    let mut rng = Rng::new(seed ^ 0xF11);
    let options = index.facets.options();
    let mut state = mhr::core::url_state::BrowseState::default();
    (0..n)
        .map(|_| {
            // Keep selections small, as a visitor would: clear when four are chosen.
            if state.selected_count() >= 4 {
                state = state.cleared();
            }
            let o = &options[rng.below(options.len())];
            state = match o.facet {
                Facet::Section => state.toggled_section(&o.id),
                _ => state.toggled_tag(&o.id),
            };
            state.clone()
        })
        .collect()
}
