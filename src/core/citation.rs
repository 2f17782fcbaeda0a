//! A plain-text citation for a resource, for the "copy citation" button.

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
    match (&r.date, r.year) {
        (_, Some(year)) => out.push_str(&format!("({year}). ")),
        _ => out.push_str("(n.d.). "),
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
