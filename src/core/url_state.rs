//! The browse view's state as a URL query string, and back.
//!
//! The URL is the single source of truth for what the visitor is looking at:
//! `?q=air&tag=diabetes&tag=west-midlands&section=challenges&sort=title`. Reading is
//! forgiving: unknown tags or sections, a repeated search or sort, a sort that does not exist,
//! and parts with broken percent-encoding are dropped, each with a short notice saying what was ignored,
//! and never stop the view. Writing is canonical (fixed key order, tags in the order chosen),
//! so the same view always has the same link.

use super::paths::encode_segment;

/// How results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// Best search match first (the default when there is a query).
    Relevance,
    /// Most recently published first (the default without a query).
    Newest,
    /// Title A to Z.
    Title,
}

impl Sort {
    /// The value used in URLs.
    pub fn key(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Newest => "newest",
            Sort::Title => "title",
        }
    }

    /// Reads a URL value.
    pub fn from_key(key: &str) -> Option<Sort> {
        match key {
            "relevance" => Some(Sort::Relevance),
            "newest" => Some(Sort::Newest),
            "title" => Some(Sort::Title),
            _ => None,
        }
    }

    /// The label shown in the sort control.
    pub fn label(self) -> &'static str {
        match self {
            Sort::Relevance => "Best match",
            Sort::Newest => "Newest first",
            Sort::Title => "Title A to Z",
        }
    }
}

/// Everything that decides what the browse view shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BrowseState {
    /// The search text, as typed.
    pub query: String,
    /// Selected tag ids, in the order chosen.
    pub tags: Vec<String>,
    /// Selected section ids, in the order chosen.
    pub sections: Vec<String>,
    /// The chosen order, or `None` for the default.
    pub sort: Option<Sort>,
}

impl BrowseState {
    /// The order in effect: the chosen one, else relevance with a query and newest without.
    pub fn effective_sort(&self) -> Sort {
        self.sort.unwrap_or(if self.query.trim().is_empty() {
            Sort::Newest
        } else {
            Sort::Relevance
        })
    }

    /// The query string for this state, starting with `?`, or empty for the default state.
    pub fn to_query_string(&self) -> String {
        let mut parts = Vec::new();
        if !self.query.trim().is_empty() {
            parts.push(format!("q={}", encode_segment(self.query.trim())));
        }
        parts.extend(self.tags.iter().map(|t| format!("tag={}", encode_segment(t))));
        parts.extend(self.sections.iter().map(|s| format!("section={}", encode_segment(s))));
        if let Some(sort) = self.sort {
            parts.push(format!("sort={}", sort.key()));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// The state with `tag` added, or removed if it was selected.
    pub fn toggled_tag(&self, tag: &str) -> BrowseState {
        let mut s = self.clone();
        toggle(&mut s.tags, tag);
        s
    }

    /// The state with `section` added, or removed if it was selected.
    pub fn toggled_section(&self, section: &str) -> BrowseState {
        let mut s = self.clone();
        toggle(&mut s.sections, section);
        s
    }

    /// The state without any tag or section (query and sort kept).
    pub fn cleared(&self) -> BrowseState {
        BrowseState { tags: Vec::new(), sections: Vec::new(), ..self.clone() }
    }

    /// How many tags and sections are selected.
    pub fn selected_count(&self) -> usize {
        self.tags.len() + self.sections.len()
    }
}

/// Removes `id` from `list` if it is there, else adds it at the end (the order chosen).
pub fn toggle(list: &mut Vec<String>, id: &str) {
    match list.iter().position(|x| x == id) {
        Some(i) => {
            list.remove(i);
        }
        None => list.push(id.to_string()),
    }
}

/// Reads a browse state from a query string (with or without the leading `?`), keeping only
/// known tags and sections. Returns the state and a notice for each thing dropped.
pub fn parse_browse_state(
    search: &str,
    known_tag: impl Fn(&str) -> bool,
    known_section: impl Fn(&str) -> bool,
) -> (BrowseState, Vec<String>) {
    let mut state = BrowseState::default();
    let mut notices = Vec::new();
    let mut seen_query = false;
    let mut seen_sort = false;
    for (key, value, clean) in query_pairs(search) {
        if !clean {
            notices.push(format!(
                "A malformed part of the address (\u{201c}{}=\u{2026}\u{201d}) was ignored.",
                shorten(&key)
            ));
            continue;
        }
        match key.as_str() {
            "q" if seen_query => {
                notices.push("Only the first search in the address was used.".into())
            }
            "q" => {
                seen_query = true;
                state.query = value;
            }
            "tag" if value.is_empty() => {
                notices.push("An empty tag in the address was ignored.".into())
            }
            "tag" => notices.extend(add_known(&mut state.tags, value, &known_tag, "tag")),
            "section" => {
                notices.extend(add_known(&mut state.sections, value, &known_section, "section"))
            }
            "sort" if seen_sort => {
                notices.push("Only the first sort order in the address was used.".into())
            }
            "sort" => {
                seen_sort = true;
                match Sort::from_key(&value) {
                    Some(sort) => state.sort = Some(sort),
                    None => notices.push(format!(
                        "There is no sort order \u{201c}{}\u{201d}; the default is used.",
                        shorten(&value)
                    )),
                }
            }
            // Other keys (embedding options, campaign tags) belong to someone else.
            _ => {}
        }
    }
    (state, notices)
}

/// Adds `value` to `list` when it is a known, not yet chosen `what` (tag, section, ...);
/// otherwise returns the notice saying why it was ignored.
pub(crate) fn add_known(
    list: &mut Vec<String>,
    value: String,
    known: impl Fn(&str) -> bool,
    what: &str,
) -> Option<String> {
    if !known(&value) {
        Some(format!("There is no {what} \u{201c}{}\u{201d}, so it was ignored.", shorten(&value)))
    } else if list.contains(&value) {
        Some(format!(
            "The {what} \u{201c}{}\u{201d} was given twice; once is enough.",
            shorten(&value)
        ))
    } else {
        list.push(value);
        None
    }
}

/// At most 40 characters of a value, for notices.
fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// The first value of `key` in a query string, decoded, or empty when it is absent.
pub fn query_value(search: &str, key: &str) -> String {
    query_pairs(search)
        .into_iter()
        .find(|(k, _, _)| k == key)
        .map(|(_, v, _)| v)
        .unwrap_or_default()
}

/// Splits a query string into decoded (key, value, decoded-cleanly) triples. `+` is a space;
/// broken percent-escapes are kept as literal text and flagged; invalid UTF-8 is replaced.
pub fn query_pairs(search: &str) -> Vec<(String, String, bool)> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let (k, k_ok) = decode(k, true);
            let (v, v_ok) = decode(v, true);
            (k, v, k_ok && v_ok)
        })
        .collect()
}

/// Percent-decodes one component (a query's, where `+` is a space, when `plus_is_space`);
/// the flag is false when something had to be guessed.
pub(crate) fn decode(s: &str, plus_is_space: bool) -> (String, bool) {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut clean = true;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' if plus_is_space => out.push(b' '),
            b'%' => {
                let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => {
                        out.push(b'%');
                        clean = false;
                    }
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    match String::from_utf8(out) {
        Ok(s) => (s, clean),
        Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), false),
    }
}
