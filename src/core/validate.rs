//! The rules a parsed dataset must follow beyond its types.
//!
//! [`validate`] collects every problem rather than stopping at the first, so an editor can
//! fix a file in one pass. Each problem names its record (by id where it has a readable one)
//! and field. The rules: ids are present, slug-shaped and unique in their list; every
//! reference resolves; required text is present, free of control characters and of sane
//! length; links are only https, http or mailto; figures have a unit and a number or share;
//! a resource without a link says why; another name (an alias) is a short name, given once,
//! and not the record's own title or label.

use std::collections::HashSet;

use super::error::Problem;
use super::links::check_url;
use super::load::singular;
use super::model::{Dataset, FigureSource, Link};

/// Longest title, label or name accepted, in characters.
pub const MAX_SHORT_TEXT: usize = 300;
/// Longest summary or note accepted, in characters.
pub const MAX_LONG_TEXT: usize = 4_000;
/// Longest id accepted, in characters.
pub const MAX_ID: usize = 80;
/// Most decimals a figure may ask to be written with.
pub const MAX_DECIMALS: u8 = 3;
/// Longest other name (alias) accepted, in characters: a name, not a description.
pub const MAX_ALIAS: usize = 120;

/// Returns every rule the dataset breaks; empty when it is valid.
pub fn validate(d: &Dataset) -> Vec<Problem> {
    let mut c = Checker::default();
    let m = &d.meta;
    for (field, text) in [("title", &m.title), ("curator", &m.curator), ("licence", &m.licence)] {
        c.short_text("meta", field, text);
    }
    c.long_text("meta", "description", &m.description);
    c.link("meta", "source", &m.source);
    if !is_iso_date(&m.updated) {
        c.problem("meta", "updated", "must be a date written YYYY-MM-DD");
    }

    let sections = c.ids("sections", d.sections.iter().map(|s| s.id.as_str()));
    let tags = c.ids("tags", d.tags.iter().map(|t| t.id.as_str()));
    c.ids("expertise", d.expertise.iter().map(|e| e.id.as_str()));
    let clusters = c.ids("clusters", d.clusters.iter().map(|x| x.id.as_str()));
    let measures = c.ids("measures", d.measures.iter().map(|x| x.id.as_str()));
    let resources = c.ids("resources", d.resources.iter().map(|r| r.id.as_str()));
    let figures = c.ids("figures", d.figures.iter().map(|f| f.id.as_str()));
    for (list, len) in [("sections", d.sections.len()), ("resources", d.resources.len())] {
        if len == 0 {
            c.problem("dataset", list, "is empty: the directory needs at least one");
        }
    }

    for (i, s) in d.sections.iter().enumerate() {
        let rec = record("sections", i, &s.id);
        c.short_text(&rec, "title", &s.title);
        c.long_text(&rec, "summary", &s.summary);
    }
    for (i, t) in d.tags.iter().enumerate() {
        let rec = record("tags", i, &t.id);
        c.short_text(&rec, "label", &t.label);
        c.aliases(&rec, &t.label, &t.aliases);
    }
    for (i, e) in d.expertise.iter().enumerate() {
        let rec = record("expertise", i, &e.id);
        c.short_text(&rec, "title", &e.title);
        c.long_text(&rec, "summary", &e.summary);
        c.refs(&rec, "tags", &e.tags, &tags, "tag");
        c.links(&rec, &e.links);
    }
    for (i, x) in d.clusters.iter().enumerate() {
        let rec = record("clusters", i, &x.id);
        c.short_text(&rec, "name", &x.name);
        c.long_text(&rec, "summary", &x.summary);
        c.reference(&rec, "resource", &x.resource, &resources, "resource");
        if let Some(whole) = &x.part_of {
            c.reference(&rec, "part_of", whole, &clusters, "cluster");
            if part_of_cycles(d, &x.id) {
                c.problem(
                    &rec,
                    "part_of",
                    "leads back to this cluster: a cluster cannot be part of itself",
                );
            }
        }
    }
    for (i, x) in d.measures.iter().enumerate() {
        let rec = record("measures", i, &x.id);
        c.short_text(&rec, "label", &x.label);
        if let Some(def) = &x.definition {
            c.long_text(&rec, "definition", def);
        }
    }
    for (i, r) in d.resources.iter().enumerate() {
        let rec = record("resources", i, &r.id);
        c.short_text(&rec, "title", &r.title);
        c.long_text(&rec, "summary", &r.summary);
        c.reference(&rec, "section", &r.section, &sections, "section");
        c.refs(&rec, "tags", &r.tags, &tags, "tag");
        c.aliases(&rec, &r.title, &r.aliases);
        for (field, text) in [("publisher", &r.publisher), ("date", &r.date), ("covers", &r.covers)]
        {
            if let Some(text) = text {
                c.short_text(&rec, field, text);
            }
        }
        for (j, p) in r.partners.iter().enumerate() {
            c.short_text(&rec, &format!("partners[{j}]"), p);
        }
        if let Some(year) = r.year {
            if !(1900..=2100).contains(&year) {
                c.problem(&rec, "year", "must be a year between 1900 and 2100");
            }
        }
        c.links(&rec, &r.links);
        match &r.link_note {
            Some(note) => c.long_text(&rec, "link_note", note),
            None if r.links.is_empty() => c.problem(
                &rec,
                "link_note",
                "is required when there are no links: say that no public address is known",
            ),
            None => {}
        }
    }
    for (i, f) in d.figures.iter().enumerate() {
        let rec = record("figures", i, &f.id);
        c.reference(&rec, "resource", &f.resource, &resources, "resource");
        c.reference(&rec, "measure", &f.measure, &measures, "measure");
        if let Some(cluster) = &f.cluster {
            c.reference(&rec, "cluster", cluster, &clusters, "cluster");
        }
        c.short_text(&rec, "label", &f.label);
        if f.unit.trim().is_empty() {
            c.problem(&rec, "unit", "is missing: every figure needs a unit");
        } else {
            c.short_text(&rec, "unit", &f.unit);
        }
        match (f.value, f.uk_share) {
            (None, None) => {
                c.problem(&rec, "value", "is missing: give a value, a uk_share or both")
            }
            (Some(v), _) if !v.is_finite() => c.problem(&rec, "value", "must be a finite number"),
            _ => {}
        }
        if let Some(share) = f.uk_share {
            if !(0.0..=100.0).contains(&share) {
                c.problem(&rec, "uk_share", "must be a percentage between 0 and 100");
            }
        }
        for (field, text) in [("period", &f.period), ("note", &f.note)] {
            if let Some(text) = text {
                c.long_text(&rec, field, text);
            }
        }
        if let Some(FigureSource::Page(page)) = &f.source {
            c.short_text(&rec, "source.page.label", &page.label);
            if let Some(url) = &page.url {
                if let Err(problem) = check_url(url) {
                    let message = format!("is not a safe link: {problem}");
                    c.problem(&rec, "source.page.url", &message);
                }
            }
        }
        match (f.decimals, f.value) {
            (Some(n), _) if n > MAX_DECIMALS => {
                c.problem(&rec, "decimals", &format!("must be at most {MAX_DECIMALS}"))
            }
            (Some(_), None) => c.problem(&rec, "decimals", "needs a value to apply to"),
            _ => {}
        }
    }
    for (i, h) in d.headlines.iter().enumerate() {
        c.reference("dataset", &format!("headlines[{i}]"), h, &figures, "figure");
    }
    c.problems
}

/// Whether following `part_of` from the cluster `id` comes back to it.
fn part_of_cycles(d: &Dataset, id: &str) -> bool {
    let mut current = id;
    for _ in 0..d.clusters.len() {
        let next = d.clusters.iter().find(|c| c.id == current).and_then(|c| c.part_of.as_deref());
        match next {
            Some(next) if next == id => return true,
            Some(next) => current = next,
            None => return false,
        }
    }
    false
}

/// `resource "id"` when the id is readable, otherwise `resources[i]`.
fn record(list: &str, index: usize, id: &str) -> String {
    if is_slug(id) {
        format!("{} \"{id}\"", singular(list))
    } else {
        format!("{list}[{index}]")
    }
}

/// Ids are lower-case ASCII letters, digits and single hyphens, so they are safe in URLs.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter()
            .enumerate()
            .all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() })
        && (1..=12).contains(&s[5..7].parse::<u8>().unwrap_or(0))
        && (1..=31).contains(&s[8..10].parse::<u8>().unwrap_or(0))
}

#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn problem(&mut self, record: &str, field: &str, message: &str) {
        self.problems.push(Problem::new(record, field, message));
    }

    /// Checks the ids of one list and returns them for reference look-ups.
    fn ids<'a>(&mut self, list: &str, ids: impl Iterator<Item = &'a str>) -> HashSet<&'a str> {
        let mut seen = HashSet::new();
        for (i, id) in ids.enumerate() {
            if !is_slug(id) {
                self.problem(
                    &format!("{list}[{i}]"),
                    "id",
                    "must be 1 to 80 lower-case letters, digits and single hyphens",
                );
            } else if !seen.insert(id) {
                self.problem(&record(list, i, id), "id", "is used by another record in this list");
            }
        }
        seen
    }

    fn reference(&mut self, rec: &str, field: &str, id: &str, known: &HashSet<&str>, what: &str) {
        if !known.contains(id) {
            let shown: String = id.chars().take(MAX_ID).collect();
            self.problem(
                rec,
                field,
                &format!("refers to {what} \"{shown}\", which does not exist"),
            );
        }
    }

    fn refs(&mut self, rec: &str, field: &str, ids: &[String], known: &HashSet<&str>, what: &str) {
        let mut seen = HashSet::new();
        for (j, id) in ids.iter().enumerate() {
            let f = format!("{field}[{j}]");
            self.reference(rec, &f, id, known, what);
            if !seen.insert(id) {
                self.problem(rec, &f, &format!("repeats {what} \"{id}\""));
            }
        }
    }

    /// Other names: each a short text; none repeated, nor the name they stand beside (compared
    /// as search compares them, ignoring case and spacing).
    fn aliases(&mut self, rec: &str, name: &str, aliases: &[String]) {
        let fold = |s: &str| s.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ");
        let mut seen = vec![fold(name)];
        for (j, alias) in aliases.iter().enumerate() {
            let field = format!("aliases[{j}]");
            self.text(rec, &field, alias, MAX_ALIAS);
            let folded = fold(alias);
            if folded.is_empty() {
                continue;
            }
            if seen[0] == folded {
                self.problem(rec, &field, "repeats the record's own name");
            } else if seen.contains(&folded) {
                self.problem(rec, &field, "repeats another alias of this record");
            }
            seen.push(folded);
        }
    }

    fn links(&mut self, rec: &str, links: &[Link]) {
        for (j, l) in links.iter().enumerate() {
            self.link(rec, &format!("links[{j}]"), l);
        }
    }

    fn link(&mut self, rec: &str, field: &str, link: &Link) {
        if let Err(problem) = check_url(&link.url) {
            self.problem(rec, &format!("{field}.url"), &format!("is not a safe link: {problem}"));
        }
        self.short_text(rec, &format!("{field}.label"), &link.label);
    }

    fn short_text(&mut self, rec: &str, field: &str, text: &str) {
        self.text(rec, field, text, MAX_SHORT_TEXT);
    }

    fn long_text(&mut self, rec: &str, field: &str, text: &str) {
        self.text(rec, field, text, MAX_LONG_TEXT);
    }

    fn text(&mut self, rec: &str, field: &str, text: &str, max: usize) {
        if text.trim().is_empty() {
            self.problem(rec, field, "is empty");
        } else if text.chars().count() > max {
            let n = text.chars().count();
            self.problem(rec, field, &format!("is {n} characters long; the limit is {max}"));
        } else if text.chars().any(char::is_control) {
            self.problem(rec, field, "contains a control character");
        }
    }
}
