//! Link safety: which addresses from the dataset may become an `href`.
//!
//! Only `https`, `http` and `mailto` are allowed. Browsers strip leading spaces and control
//! characters and ignore tabs and newlines inside a scheme, so `" java\tscript:..."` can still
//! run script. Rather than normalise like a browser and hope to agree with it, any address
//! containing whitespace, a control or an invisible character is refused outright; the
//! scheme is then compared case-insensitively against the allow-list. An http(s) address
//! with a user before its host (`https://nhs.uk@evil.example`) is refused too: it reads as
//! one host and goes to another.

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
    /// An http(s) address names a user (and perhaps a password) before its host:
    /// `https://nhs.uk@evil.example` goes to evil.example while it reads as nhs.uk.
    UserInfo,
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
            LinkProblem::UserInfo => write!(
                f,
                "the address has a user name before its host (\"name@host\"), so it does not lead where it seems to"
            ),
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
            if host[..host_end].contains('@') {
                return Err(LinkProblem::UserInfo);
            }
            Ok(())
        }
        "mailto" if rest.contains('@') => Ok(()),
        "mailto" => Err(LinkProblem::NoDestination),
        _ => Err(LinkProblem::SchemeNotAllowed(scheme)),
    }
}

/// Characters that show nothing, or change how the text around them shows, so an address
/// containing one does not read as what it is: every Unicode format character (general
/// category Cf, Unicode 15.1: the soft hyphen, Arabic and Syriac marks, zero-width and
/// direction controls, invisible operators, the byte-order mark, tags...), and the other
/// blanks that are letters or marks by category (the combining grapheme joiner, Hangul
/// fillers, variation selectors).
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{0600}'..='\u{0605}'
            | '\u{061C}'
            | '\u{06DD}'
            | '\u{070F}'
            | '\u{0890}'..='\u{0891}'
            | '\u{08E2}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}'
            // Not Cf, but as blank: combining grapheme joiner, Hangul fillers, variation
            // selectors.
            | '\u{034F}'
            | '\u{115F}'..='\u{1160}'
            | '\u{3164}'
            | '\u{FFA0}'
            | '\u{180B}'..='\u{180F}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{E0100}'..='\u{E01EF}'
    )
}

/// True when `url` is safe to put in an `href`; see [`check_url`].
pub fn is_safe_url(url: &str) -> bool {
    check_url(url).is_ok()
}

/// The host part of an http(s) address, for showing where a link leads: what the browser
/// goes to, so without any `user@` before it (which [`check_url`] refuses anyway).
pub fn host_of(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let end = rest.find(['/', '?', '#', '\\']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let host = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
    Some(host.strip_prefix("www.").unwrap_or(host)).filter(|h| !h.is_empty())
}
