//! Embedding: the flags that put any view in the compact embed layout, what a partner
//! chooses in the embed builder, and the snippets the builder writes.
//!
//! A view is embedded in an iframe by adding `embed=1` to its address (with an optional
//! `theme` and `frame` id). Inside the frame the flags travel with every navigation, so the
//! views themselves never see them. The in-page widget reads the same choices from the
//! attributes of its element (`<mhr-widget view="browse" tags="diabetes">`), and the builder
//! keeps them in its own query string under the same names, so one parser serves all three.

use super::paths::{encode_segment, Paths};
use super::url_state::{query_pairs, BrowseState};

/// The colour theme of an embedded view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow the visitor's system setting.
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// The value used in addresses and attributes.
    pub fn key(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// Reads a value; anything unknown is `Auto`.
    pub fn from_key(key: &str) -> Theme {
        match key.trim().to_ascii_lowercase().as_str() {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::Auto,
        }
    }
}

/// The embed flags of an address: present when it carries `embed=1`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EmbedFlags {
    /// The theme asked for.
    pub theme: Theme,
    /// The id the partner gave the frame, echoed in every height message (may be empty).
    pub frame: String,
}

/// Keys that belong to the embedding, never to a view.
const FLAG_KEYS: [&str; 3] = ["embed", "theme", "frame"];

impl EmbedFlags {
    /// Reads the flags from a query string (with or without `?`) and returns the query string
    /// the view should see, without them (starting with `?`, or empty). Without `embed=1` (or
    /// `true`) the address is not embedded and is returned unchanged.
    pub fn split(search: &str) -> (Option<EmbedFlags>, String) {
        let raw = search.trim_start_matches('?');
        let pairs = query_pairs(raw);
        let embedded =
            pairs.iter().any(|(k, v, _)| k == "embed" && matches!(v.as_str(), "1" | "true"));
        if !embedded {
            return (None, if raw.is_empty() { String::new() } else { format!("?{raw}") });
        }
        let mut flags = EmbedFlags::default();
        for (k, v, _) in &pairs {
            match k.as_str() {
                "theme" => flags.theme = Theme::from_key(v),
                "frame" => flags.frame = clean_frame_id(v),
                _ => {}
            }
        }
        // Keep the view's own parts exactly as written, so nothing is re-encoded.
        let rest: Vec<&str> = raw
            .split('&')
            .filter(|p| !p.is_empty())
            .filter(|p| {
                let key = p.split('=').next().unwrap_or_default();
                !FLAG_KEYS.contains(&key)
            })
            .collect();
        let rest = if rest.is_empty() { String::new() } else { format!("?{}", rest.join("&")) };
        (Some(flags), rest)
    }

    /// `route` (a base-less path with any query) with the flags added, so that navigating
    /// inside the frame stays in the embed layout.
    pub fn apply(&self, route: &str) -> String {
        let mut flags = vec!["embed=1".to_string()];
        if self.theme != Theme::Auto {
            flags.push(format!("theme={}", self.theme.key()));
        }
        if !self.frame.is_empty() {
            flags.push(format!("frame={}", encode_segment(&self.frame)));
        }
        let joiner = if route.contains('?') { '&' } else { '?' };
        format!("{route}{joiner}{}", flags.join("&"))
    }
}

/// A frame id keeps only letters, digits, `-` and `_`, and at most 64 of them: it is echoed
/// to the partner's page.
fn clean_frame_id(id: &str) -> String {
    id.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_')).take(64).collect()
}

/// The views a partner can embed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EmbedView {
    /// All resources, filtered by tags.
    #[default]
    Browse,
    /// One section's resources, filtered by tags.
    Section,
    /// One resource.
    Resource,
    /// Search results for a query, filtered by tags.
    Search,
    /// The comparison of cluster statistics.
    Compare,
}

impl EmbedView {
    /// Every view, in the builder's order.
    pub const ALL: [EmbedView; 5] = [
        EmbedView::Browse,
        EmbedView::Section,
        EmbedView::Resource,
        EmbedView::Search,
        EmbedView::Compare,
    ];

    /// The value used in attributes and addresses.
    pub fn key(self) -> &'static str {
        match self {
            EmbedView::Browse => "browse",
            EmbedView::Section => "section",
            EmbedView::Resource => "resource",
            EmbedView::Search => "search",
            EmbedView::Compare => "compare",
        }
    }

    /// The builder's label.
    pub fn label(self) -> &'static str {
        match self {
            EmbedView::Browse => "Browse, filtered by tags",
            EmbedView::Section => "A section",
            EmbedView::Resource => "One resource",
            EmbedView::Search => "Search results",
            EmbedView::Compare => "Cluster comparison",
        }
    }

    /// Reads a value; anything unknown is `None`.
    pub fn from_key(key: &str) -> Option<EmbedView> {
        EmbedView::ALL.into_iter().find(|v| v.key() == key.trim().to_ascii_lowercase())
    }
}

/// How the partner embeds the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EmbedKind {
    /// An iframe sized by `embed.js`.
    #[default]
    Iframe,
    /// The `<mhr-widget>` element, mounted in a shadow root by `widget.js`.
    Widget,
}

impl EmbedKind {
    /// The value used in the builder's address.
    pub fn key(self) -> &'static str {
        match self {
            EmbedKind::Iframe => "iframe",
            EmbedKind::Widget => "widget",
        }
    }
}

/// Everything a partner chooses about an embedded view.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EmbedSpec {
    /// Which view.
    pub view: EmbedView,
    /// The section, for [`EmbedView::Section`].
    pub section: String,
    /// The resource, for [`EmbedView::Resource`].
    pub resource: String,
    /// Tag filters, for the list views.
    pub tags: Vec<String>,
    /// The search, for [`EmbedView::Search`].
    pub query: String,
    /// Clusters to compare (all when empty), for [`EmbedView::Compare`].
    pub clusters: Vec<String>,
    /// The colour theme.
    pub theme: Theme,
    /// Iframe or widget (the builder's choice; the widget itself ignores it).
    pub kind: EmbedKind,
}

impl EmbedSpec {
    /// Reads a spec from named values: a widget's attributes or the builder's query. Lists
    /// (`tags`, `clusters`) are separated by commas or spaces. Unknown views fall back to
    /// browse; ids are taken as given and checked by the view that shows them.
    pub fn from_values(get: impl Fn(&str) -> Option<String>) -> EmbedSpec {
        let list = |key: &str| -> Vec<String> {
            let mut out: Vec<String> = Vec::new();
            for item in get(key).unwrap_or_default().split([',', ' ']) {
                let item = item.trim();
                if !item.is_empty() && !out.iter().any(|x| x == item) {
                    out.push(item.to_string());
                }
            }
            out
        };
        let text = |key: &str| get(key).map(|v| v.trim().to_string()).unwrap_or_default();
        EmbedSpec {
            view: get("view").and_then(|v| EmbedView::from_key(&v)).unwrap_or_default(),
            section: text("section"),
            resource: text("resource"),
            tags: list("tags"),
            query: text("q"),
            clusters: list("clusters"),
            theme: Theme::from_key(&text("theme")),
            kind: if text("kind") == "widget" { EmbedKind::Widget } else { EmbedKind::Iframe },
        }
    }

    /// Reads a spec from the builder's query string.
    pub fn from_query(search: &str) -> EmbedSpec {
        let pairs = query_pairs(search);
        EmbedSpec::from_values(|key| {
            pairs.iter().find(|(k, _, clean)| k == key && *clean).map(|(_, v, _)| v.clone())
        })
    }

    /// The named values that describe this spec, leaving out defaults and choices the view
    /// does not use. They are the widget's attributes and the builder's query.
    pub fn values(&self) -> Vec<(&'static str, String)> {
        let mut out = vec![("view", self.view.key().to_string())];
        match self.view {
            EmbedView::Section => out.push(("section", self.section.clone())),
            EmbedView::Resource => out.push(("resource", self.resource.clone())),
            EmbedView::Search => out.push(("q", self.query.clone())),
            EmbedView::Browse | EmbedView::Compare => {}
        }
        if self.uses_tags() && !self.tags.is_empty() {
            out.push(("tags", self.tags.join(",")));
        }
        if self.view == EmbedView::Compare && !self.clusters.is_empty() {
            out.push(("clusters", self.clusters.join(",")));
        }
        if self.theme != Theme::Auto {
            out.push(("theme", self.theme.key().to_string()));
        }
        out
    }

    /// The builder's own query string for this spec (starting with `?`).
    pub fn to_query_string(&self) -> String {
        let mut parts: Vec<String> =
            self.values().iter().map(|(k, v)| format!("{k}={}", encode_segment(v))).collect();
        if self.kind == EmbedKind::Widget {
            parts.push("kind=widget".into());
        }
        format!("?{}", parts.join("&"))
    }

    /// Whether the chosen view takes tag filters.
    pub fn uses_tags(&self) -> bool {
        matches!(self.view, EmbedView::Browse | EmbedView::Section | EmbedView::Search)
    }

    /// The base-less route of the chosen view (`/section/strengths?tag=diabetes`).
    pub fn route(&self) -> String {
        let state = |query: &str| BrowseState {
            query: query.to_string(),
            tags: self.tags.clone(),
            ..BrowseState::default()
        };
        match self.view {
            EmbedView::Browse => format!("{}{}", Paths::browse(), state("").to_query_string()),
            EmbedView::Section => {
                format!("{}{}", Paths::section(&self.section), state("").to_query_string())
            }
            EmbedView::Resource => Paths::resource(&self.resource),
            EmbedView::Search => {
                format!("{}{}", Paths::search(""), state(&self.query).to_query_string())
            }
            EmbedView::Compare => {
                let clusters: Vec<&str> = self.clusters.iter().map(String::as_str).collect();
                Paths::compare(&clusters)
            }
        }
    }

    /// The iframe's address on the site at `site` (an absolute URL ending in `/`).
    pub fn iframe_src(&self, site: &str, frame: &str) -> String {
        let flags = EmbedFlags { theme: self.theme, frame: clean_frame_id(frame) };
        let route = flags.apply(&self.route());
        format!("{}{}", site, route.trim_start_matches('/'))
    }

    /// The HTML a partner pastes for an auto-sizing iframe.
    pub fn iframe_snippet(&self, site: &str, frame: &str, title: &str) -> String {
        format!(
            "<iframe src=\"{}\" title=\"{}\" data-mhr-embed width=\"100%\" height=\"600\" loading=\"lazy\"></iframe>\n<script src=\"{}\" async></script>",
            escape_attribute(&self.iframe_src(site, frame)),
            escape_attribute(title),
            escape_attribute(&format!("{site}embed.js")),
        )
    }

    /// The HTML a partner pastes for the in-page widget.
    pub fn widget_snippet(&self, site: &str) -> String {
        let attributes: String = self
            .values()
            .iter()
            .map(|(k, v)| format!(" {k}=\"{}\"", escape_attribute(v)))
            .collect();
        format!(
            "<script src=\"{}\" async></script>\n<mhr-widget{attributes}></mhr-widget>",
            escape_attribute(&format!("{site}widget.js")),
        )
    }
}

/// Escapes text for a double-quoted HTML attribute.
pub fn escape_attribute(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}
