//! The site's URLs, in one place, relative to the path prefix it is served under.
//!
//! The prefix ("/" by default, "/partners/health/" on a partner's host) is chosen at build
//! time. Views build every internal link through [`Paths`] so that no view hard-codes a
//! route, and navigation and the links can never disagree about the base.

/// Normalises a path prefix to start and end with `/`: `partners/health` becomes
/// `/partners/health/`, an empty prefix becomes `/`.
pub fn normalise_base(base: &str) -> String {
    let trimmed = base.trim().trim_matches('/');
    if trimmed.is_empty() {
        "/".into()
    } else {
        format!("/{trimmed}/")
    }
}

/// Builds links to every view, under the site's base.
///
/// Route paths (`Paths::resource`, ...) do not include the base: navigation adds it. Every
/// view but home ends in `/` (`/resource/x/`): the build writes each as a folder with an
/// `index.html` (`resource/x/index.html`), which any static host serves at that address
/// with status 200, no rewrite rule needed (without the `/`, most hosts first redirect).
/// [`Paths::link`] turns a route into an `href` under the base, and [`Paths::asset`] does the
/// same for files the app fetches (the dataset).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    base: String,
}

impl Paths {
    /// Paths under `base` (normalised with [`normalise_base`]).
    pub fn new(base: &str) -> Paths {
        Paths { base: normalise_base(base) }
    }

    /// Paths under an absolute site address (`https://example.org/health/`), for links
    /// made on another site's page, as the widget makes them.
    pub fn absolute(site: &str) -> Paths {
        let site = site.trim();
        Paths { base: format!("{}/", site.trim_end_matches('/')) }
    }

    /// The normalised base, with slashes on both sides.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// The home view.
    pub fn home() -> String {
        "/".into()
    }

    /// A section's view.
    pub fn section(id: &str) -> String {
        format!("/section/{}/", encode_segment(id))
    }

    /// A resource's view.
    pub fn resource(id: &str) -> String {
        format!("/resource/{}/", encode_segment(id))
    }

    /// A tag's view.
    pub fn tag(id: &str) -> String {
        format!("/tag/{}/", encode_segment(id))
    }

    /// The browse view, unfiltered.
    pub fn browse() -> String {
        "/browse/".into()
    }

    /// The comparison view with these clusters chosen (all when empty).
    pub fn compare(clusters: &[&str]) -> String {
        let q: Vec<String> = clusters.iter().map(|c| format!("c={}", encode_segment(c))).collect();
        if q.is_empty() {
            "/compare/".into()
        } else {
            format!("/compare/?{}", q.join("&"))
        }
    }

    /// The search results view for a query.
    pub fn search(query: &str) -> String {
        if query.trim().is_empty() {
            "/search/".into()
        } else {
            format!("/search/?q={}", encode_segment(query.trim()))
        }
    }

    /// A file written beside a resource's page (`citation.ris`), relative to the site's
    /// root, for [`Paths::asset`].
    pub fn resource_file(id: &str, name: &str) -> String {
        format!("resource/{}/{name}", encode_segment(id))
    }

    /// The embed builder.
    pub fn embed() -> String {
        "/embed/".into()
    }

    /// The about view.
    pub fn about() -> String {
        "/about/".into()
    }

    /// The `href` for a route: the route under the base.
    pub fn link(&self, route: &str) -> String {
        if route == "/" || route.is_empty() {
            self.base.clone()
        } else {
            format!("{}/{}", self.base.trim_end_matches('/'), route.trim_start_matches('/'))
        }
    }

    /// The base-less route (`/resource/x`) of a path under the base (`/prefix/resource/x`);
    /// the base alone is `/`, and a path outside the base is kept whole.
    pub fn route_of(&self, path: &str) -> String {
        match path.strip_prefix(self.base.trim_end_matches('/')) {
            Some("") => "/".to_string(),
            Some(rest) if rest.starts_with('/') => rest.to_string(),
            _ => path.to_string(),
        }
    }

    /// The route (with its query and fragment) that an address made by [`Paths::link`] names:
    /// `https://example.org/health/resource/x/` under `https://example.org/health/` is
    /// `/resource/x/`. `None` for an address outside the base: another site's, or another
    /// folder of the same host.
    pub fn route_of_link(&self, href: &str) -> Option<String> {
        match href.strip_prefix(self.base.trim_end_matches('/'))? {
            "" => Some("/".to_string()),
            rest if rest.starts_with('/') => Some(rest.to_string()),
            rest if rest.starts_with(['?', '#']) => Some(format!("/{rest}")),
            _ => None,
        }
    }

    /// A file shipped with the site, such as `data/dataset.json`, with the base.
    pub fn asset(&self, file: &str) -> String {
        format!("{}{}", self.base, file.trim_start_matches('/'))
    }
}

/// The citation files the build writes beside each resource's page: RIS, then BibTeX.
pub const CITATION_FILES: [&str; 2] = ["citation.ris", "citation.bib"];

/// Percent-encodes a path segment. Ids are validated slugs, but a hand-typed URL may carry
/// anything, and links built from it must stay links.
pub fn encode_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The document title for a view: `"Diabetes · Midlands Health Resources"`, or the site
/// name alone for the home view.
pub fn document_title(site: &str, page: Option<&str>) -> String {
    match page {
        Some(page) if !page.trim().is_empty() => format!("{} · {site}", page.trim()),
        _ => site.to_string(),
    }
}
