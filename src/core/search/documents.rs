//! The catalog's resources as searchable documents, and the other names that explain a hit.
//!
//! A resource is found by its own text and by its other names (aliases): its own, and those
//! of its tags, so an organisation's former name or abbreviation, kept once on its tag, finds
//! every resource it published. A result found only through another name would puzzle a
//! visitor ("HINWM" appears nowhere on the card), so [`other_names_matched`] says which
//! names to show beside it.

use std::collections::HashSet;

use super::index::{SearchDoc, SearchIndex};
use super::query::SearchResults;
use super::snippet::{Highlighter, Segment};
use super::text::terms;
use crate::core::catalog::Catalog;
use crate::core::model::{Resource, Tag};

/// Builds the index over every resource of the catalog, in dataset order: title, summary,
/// publisher and partners, tag labels, the labels of the resource's figures, and the other
/// names of the resource and of its tags.
pub fn index_catalog(catalog: &Catalog) -> SearchIndex {
    SearchIndex::build(catalog.data().resources.iter().map(|r| resource_doc(catalog, r)))
}

/// The searchable text of one resource of the catalog, as [`index_catalog`] indexes it: for
/// a caller that builds the index a few documents at a time ([`super::IndexBuilder`]).
pub fn resource_doc<'a>(catalog: &'a Catalog, r: &'a Resource) -> SearchDoc<'a> {
    SearchDoc {
        title: &r.title,
        summary: &r.summary,
        people: r.publisher.iter().chain(&r.partners).map(String::as_str).collect(),
        tags: catalog.tags_of(r).map(|t| t.label.as_str()).collect(),
        labels: catalog.figures_of(&r.id).into_iter().map(|f| f.label.as_str()).collect(),
        aliases: r
            .aliases
            .iter()
            .chain(catalog.tags_of(r).flat_map(|t| &t.aliases))
            .map(String::as_str)
            .collect(),
    }
}

/// Other names a search result matched on, grouped by what they name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherNames {
    /// The tag's label when they are a tag's other names ("Health Innovation West
    /// Midlands"); `None` when they are the resource's own.
    pub of: Option<String>,
    /// The names, as the dataset writes them ("HINWM").
    pub names: Vec<String>,
}

/// What a card says of the other names it was found by, the matched words marked: a
/// sentence per group, "Health Innovation West Midlands, also known as HINWM." or "Also
/// known as X or Y.", separated by a space.
pub fn other_names_said(groups: &[OtherNames], highlighter: &Highlighter) -> Vec<Segment> {
    let plain = |text: &str| Segment { text: text.into(), hit: false };
    let mut out = Vec::new();
    for (i, group) in groups.iter().enumerate() {
        if i > 0 {
            out.push(plain(" "));
        }
        out.push(match &group.of {
            Some(of) => plain(&format!("{of}, also known as ")),
            None => plain("Also known as "),
        });
        for (j, name) in group.names.iter().enumerate() {
            if j > 0 {
                out.push(plain(" or "));
            }
            out.extend(highlighter.highlight(name));
        }
        out.push(plain("."));
    }
    out
}

/// The other names through which `results` found `resource`, to show on its card: those
/// with a matched word that the resource's own text (title, summary, publisher, partners,
/// tag labels, figure labels) does not contain, since a match there already shows. Names
/// with a word the visitor typed (or began) are preferred to names reached only through a
/// typo correction: "HINWM" finds "HIWM" too, one edit away, but only "HINWM" is shown.
pub fn other_names_matched(
    catalog: &Catalog,
    resource: &Resource,
    results: &SearchResults,
) -> Vec<OtherNames> {
    let matched: HashSet<&str> = results.highlight.iter().map(String::as_str).collect();
    let tags: Vec<_> = catalog.tags_of(resource).collect();
    let named = resource
        .aliases
        .iter()
        .map(|a| (None, a))
        .chain(tags.iter().flat_map(|t| t.aliases.iter().map(|a| (Some(&t.label), a))));
    // (what it names, the name, whether a matched word is one the visitor typed)
    let mut found: Vec<(Option<&String>, &String, bool)> = Vec::new();
    let mut own: Option<HashSet<String>> = None;
    for (of, name) in named {
        let words: Vec<String> =
            terms(name).into_iter().filter(|w| matched.contains(w.as_str())).collect();
        if words.is_empty() {
            continue;
        }
        let own = own.get_or_insert_with(|| own_terms(catalog, resource, &tags));
        let new: Vec<&String> = words.iter().filter(|w| !own.contains(*w)).collect();
        if !new.is_empty() {
            let typed = new.iter().any(|w| results.terms.iter().any(|t| w.starts_with(t.as_str())));
            found.push((of, name, typed));
        }
    }
    if found.iter().any(|f| f.2) {
        found.retain(|f| f.2);
    }
    let mut groups: Vec<OtherNames> = Vec::new();
    for (of, name, _) in found {
        let of = of.cloned();
        match groups.iter_mut().find(|g| g.of == of) {
            Some(g) => g.names.push(name.clone()),
            None => groups.push(OtherNames { of, names: vec![name.clone()] }),
        }
    }
    groups
}

/// Every term of a resource's own indexed text, other names aside.
fn own_terms(catalog: &Catalog, r: &Resource, tags: &[&Tag]) -> HashSet<String> {
    let figures = catalog.figures_of(&r.id);
    let texts = [&r.title, &r.summary]
        .into_iter()
        .chain(&r.publisher)
        .chain(&r.partners)
        .chain(tags.iter().map(|t| &t.label))
        .chain(figures.iter().map(|f| &f.label));
    texts.flat_map(|t| terms(t)).collect()
}
