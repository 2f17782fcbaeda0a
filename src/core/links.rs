//! Link safety: which addresses from the dataset may become an `href`.
//!
//! Only `https`, `http` and `mailto` are allowed. Browsers strip leading spaces and control
//! characters and ignore tabs and newlines inside a scheme, so `" java\tscript:..."` can still
//! run script. Rather than normalise like a browser and hope to agree with it, any address
//! containing whitespace or a control character is refused outright; the scheme is then
//! compared case-insensitively against the allow-list.

use std::fmt;

/// Why an address was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkProblem {
    /// The address is empty.
    Empty,
    /// It contains whitespace, a control character or an invisible character somewhere.
    HiddenCharacters,
    /// It has no `scheme:` at the start.
    NoScheme,
    /// Its scheme is not https, http or mailto.
    SchemeNotAllowed(String),
    /// An http(s) address without a host, or a mailto without a recipient.
    NoDestination,
}

impl fmt::Display for LinkProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkProblem::Empty => write!(f, "the address is empty"),
            LinkProblem::HiddenCharacters => {
                write!(f, "the address contains spaces, control or invisible characters")
            }
            LinkProblem::NoScheme => {
                write!(f, "the address does not start with https:, http: or mailto:")
            }
            LinkProblem::SchemeNotAllowed(s) => {
                write!(f, "the scheme \"{s}\" is not allowed (only https, http and mailto)")
            }
            LinkProblem::NoDestination => write!(f, "the address has no host or recipient"),
        }
    }
}

/// Checks that `url` is safe to put in an `href`.
///
/// ```
/// use mhr::core::links::{check_url, LinkProblem};
/// assert!(check_url("https://example.org/report").is_ok());
/// assert_eq!(check_url("JavaScript:alert(1)"),
///            Err(LinkProblem::SchemeNotAllowed("javascript".into())));
/// ```
pub fn check_url(url: &str) -> Result<(), LinkProblem> {
    if url.is_empty() {
        return Err(LinkProblem::Empty);
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control() || is_invisible(c)) {
        return Err(LinkProblem::HiddenCharacters);
    }
    let Some((scheme, rest)) = url.split_once(':') else {
        return Err(LinkProblem::NoScheme);
    };
    let valid_scheme = scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    if !valid_scheme {
        return Err(LinkProblem::NoScheme);
    }
    let scheme = scheme.to_ascii_lowercase();
    match scheme.as_str() {
        "https" | "http" => {
            let host = rest.trim_start_matches(['/', '\\']);
            let slashes = rest.len() - host.len();
            let host_end = host.find(['/', '?', '#', '\\']).unwrap_or(host.len());
            if slashes < 2 || host[..host_end].is_empty() {
                return Err(LinkProblem::NoDestination);
            }
            Ok(())
        }
        "mailto" if rest.contains('@') => Ok(()),
        "mailto" => Err(LinkProblem::NoDestination),
        _ => Err(LinkProblem::SchemeNotAllowed(scheme)),
    }
}

/// Zero-width and direction-changing characters: invisible, so an address containing one
/// does not read as what it is.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// True when `url` is safe to put in an `href`; see [`check_url`].
pub fn is_safe_url(url: &str) -> bool {
    check_url(url).is_ok()
}

/// The host part of an http(s) address, for showing where a link leads.
pub fn host_of(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = &rest[..end];
    Some(host.strip_prefix("www.").unwrap_or(host)).filter(|h| !h.is_empty())
}
