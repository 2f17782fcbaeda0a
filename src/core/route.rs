//! Which view a path names, without a router.
//!
//! The site keeps its route in the browser's address and the in-page widget in a signal (it
//! lives on a partner's page, whose address it may never change); both ask [`Route::parse`]
//! which view to show, and the pages ask it for their id, so every place reads a path the
//! same way.

use super::url_state::decode;

/// A view of the site, with the id it shows where it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `/`
    Home,
    /// `/section/:id`
    Section(String),
    /// `/resource/:id`
    Resource(String),
    /// `/tag/:id`
    Tag(String),
    /// `/browse`
    Browse,
    /// `/compare`
    Compare,
    /// `/search`
    Search,
    /// `/about`
    About,
    /// `/embed`, the embed builder.
    Embed,
    /// Anything else.
    NotFound,
}

impl Route {
    /// The view a base-less path names (`/resource/diabetes-blueprint`). A query string, a
    /// fragment and a trailing slash are ignored; ids are percent-decoded.
    pub fn parse(path: &str) -> Route {
        let (path, _) = split_route(path);
        let path = path.split('#').next().unwrap_or_default();
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] => Route::Home,
            ["section", id] => Route::Section(decode_segment(id)),
            ["resource", id] => Route::Resource(decode_segment(id)),
            ["tag", id] => Route::Tag(decode_segment(id)),
            ["browse"] => Route::Browse,
            ["compare"] => Route::Compare,
            ["search"] => Route::Search,
            ["about"] => Route::About,
            ["embed"] => Route::Embed,
            _ => Route::NotFound,
        }
    }

    /// Whether the app may start this view from its written page and keep that content
    /// until the visitor first uses it (`src/ui/kept.rs`): a list or a resource, whose page
    /// the build writes as the app would render it. Callers also require an address without
    /// a query string (the build writes no page for a filter, a search or a sort).
    pub fn starts_written(&self) -> bool {
        matches!(self, Route::Browse | Route::Section(_) | Route::Resource(_) | Route::Tag(_))
    }

    /// The id in the path, or an empty string for views without one.
    pub fn id(&self) -> &str {
        match self {
            Route::Section(id) | Route::Resource(id) | Route::Tag(id) => id,
            _ => "",
        }
    }
}

/// Splits a route into its path and its query string (with the `?`, or empty).
pub fn split_route(route: &str) -> (&str, &str) {
    match route.find('?') {
        Some(i) => (&route[..i], &route[i..]),
        None => (route, ""),
    }
}

/// Percent-decodes one path segment (where `+` is a plus, not a space); broken escapes stay
/// as they are.
pub fn decode_segment(segment: &str) -> String {
    decode(segment, false).0
}
