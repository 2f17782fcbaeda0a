//! The dataset model: what `data/dataset.json` holds, as plain serde types.
//!
//! The file is a single object with a `schema_version`, some metadata, and flat lists
//! (sections, tags, expertise areas, clusters, measures, resources, figures) that refer to
//! each other by id. Flat lists keep hand edits simple and make every reference checkable by
//! [`crate::core::validate`]; [`crate::core::catalog::Catalog`] then builds the look-ups the
//! views need.
//!
//! Unknown fields are rejected (`deny_unknown_fields`) so a misspelt field name in an edit is
//! reported instead of silently ignored.

use serde::{Deserialize, Serialize};

/// The schema version this build understands. Bump it when the shape of the file changes
/// (2: a cluster may say which cluster it is part of, a figure where it is stated and its
/// decimals; tags and resources may carry `aliases`).
pub const SCHEMA_VERSION: u32 = 2;

/// The whole dataset, as stored in `data/dataset.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// Version of the file's shape; must equal [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Title, provenance and licence of the dataset.
    pub meta: Meta,
    /// The page's sections, in display order.
    pub sections: Vec<Section>,
    /// Every tag a resource can carry.
    pub tags: Vec<Tag>,
    /// The clusters of expertise the source page names (it calls them internationally recognised).
    pub expertise: Vec<Expertise>,
    /// Economic clusters whose statistics can be compared side by side.
    pub clusters: Vec<Cluster>,
    /// What a figure measures, so figures from different reports line up by measure.
    pub measures: Vec<Measure>,
    /// The reports and resources themselves.
    pub resources: Vec<Resource>,
    /// Every figure quoted from a resource.
    pub figures: Vec<Figure>,
    /// Ids of the figures shown on the home view, in order.
    pub headlines: Vec<String>,
}

/// Where the dataset comes from and under what terms it may be reused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Name of the directory.
    pub title: String,
    /// One or two sentences on what the directory is for.
    pub description: String,
    /// The page the dataset was compiled from.
    pub source: Link,
    /// Who curates the source page.
    pub curator: String,
    /// Licence of the dataset's own text (summaries, tags, structure).
    pub licence: String,
    /// When the dataset was last revised, as `YYYY-MM-DD`.
    pub updated: String,
}

/// One of the page's sections.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Stable id, used in URLs.
    pub id: String,
    /// Heading shown to visitors.
    pub title: String,
    /// What the section gathers, in a sentence or two.
    pub summary: String,
}

/// The kind of a tag: the facet it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TagKind {
    /// A subject such as diabetes or air quality.
    Theme,
    /// A place such as the West Midlands.
    Region,
    /// A publisher, partner or network.
    Organisation,
    /// What sort of thing the resource is: report, guide, course...
    ResourceType,
}

impl TagKind {
    /// Every kind, in the order facets are shown.
    pub const ALL: [TagKind; 4] =
        [TagKind::Theme, TagKind::Region, TagKind::Organisation, TagKind::ResourceType];

    /// Plural heading for the facet of this kind.
    pub fn label(self) -> &'static str {
        match self {
            TagKind::Theme => "Themes",
            TagKind::Region => "Regions",
            TagKind::Organisation => "Organisations",
            TagKind::ResourceType => "Resource types",
        }
    }
}

/// A label that groups resources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tag {
    /// Stable id, used in URLs.
    pub id: String,
    /// Text shown to visitors.
    pub label: String,
    /// The facet the tag belongs to.
    pub kind: TagKind,
    /// Other names the tag's subject is known by: abbreviations, expansions, former names.
    /// An organisation's other names are here, on its tag, and so also serve as the other
    /// names of the resources it publishes or partners. Search finds the tag's resources by
    /// them; each must be written in the source page or the verified sources.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// An area of expertise the region is recognised for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expertise {
    /// Stable id.
    pub id: String,
    /// Short name of the area.
    pub title: String,
    /// What the area covers, in our words.
    pub summary: String,
    /// Tags that lead to related resources.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Verified public pages that illustrate the area.
    #[serde(default)]
    pub links: Vec<Link>,
}

/// An economic cluster described by one report, compared in the statistics panel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cluster {
    /// Stable id, used in comparison URLs.
    pub id: String,
    /// Name of the cluster.
    pub name: String,
    /// The resource whose figures describe it.
    pub resource: String,
    /// What the cluster is, in a sentence.
    pub summary: String,
    /// The cluster this one is part of, by id, where a source says so (the data-driven
    /// healthcare cluster is a concentration inside the health and life sciences super
    /// cluster). Nested clusters' figures overlap: they are never to be added up.
    #[serde(default)]
    pub part_of: Option<String>,
}

/// What a figure measures, shared by figures from different reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// Stable id.
    pub id: String,
    /// Row label, for example "Jobs".
    pub label: String,
    /// How the reports define it, where it matters for comparison.
    #[serde(default)]
    pub definition: Option<String>,
}

/// A report or other resource listed in the directory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resource {
    /// Stable id, used in URLs.
    pub id: String,
    /// Title of the report or resource.
    pub title: String,
    /// Section it is listed in.
    pub section: String,
    /// What it is and why it matters, in our words.
    pub summary: String,
    /// Who published it, or `None` where the source does not say.
    #[serde(default)]
    pub publisher: Option<String>,
    /// Partners that contributed.
    #[serde(default)]
    pub partners: Vec<String>,
    /// Year of publication where known.
    #[serde(default)]
    pub year: Option<u16>,
    /// A more precise publication date for display ("9 July 2024"), where known.
    #[serde(default)]
    pub date: Option<String>,
    /// The period the resource covers ("2023-24"), where it says.
    #[serde(default)]
    pub covers: Option<String>,
    /// Tags, by id.
    pub tags: Vec<String>,
    /// Other names of the resource itself, as the source page or the verified sources
    /// write them (a heading, a former title). Search finds the resource by them.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Verified public addresses, the main one first. Empty when none is known.
    #[serde(default)]
    pub links: Vec<Link>,
    /// Said instead of a link when none is known, or to qualify the links given.
    #[serde(default)]
    pub link_note: Option<String>,
}

/// A public address with a label saying what it leads to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// The address: https, http or mailto only.
    pub url: String,
    /// What is at the address ("Press release", "Report page").
    pub label: String,
}

/// A hedge the source puts on a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Qualifier {
    /// "over 5,500"
    Over,
    /// "almost 1,300"
    Almost,
    /// "about 1,000"
    About,
    /// "up to 2,300"
    UpTo,
}

impl Qualifier {
    /// The word or words shown before the number.
    pub fn words(self) -> &'static str {
        match self {
            Qualifier::Over => "over",
            Qualifier::Almost => "almost",
            Qualifier::About => "about",
            Qualifier::UpTo => "up to",
        }
    }
}

/// A figure quoted from a resource.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// Stable id.
    pub id: String,
    /// The resource it comes from.
    pub resource: String,
    /// The cluster it describes, when it is one of a cluster's statistics.
    #[serde(default)]
    pub cluster: Option<String>,
    /// What it measures, by id.
    pub measure: String,
    /// What the number counts, shown beside it ("jobs", "early deaths a year").
    pub label: String,
    /// The number, or `None` where the source gives only a UK share.
    #[serde(default)]
    pub value: Option<f64>,
    /// Unit of `value`: `GBP`, `percent`, `one-in`, or a plural noun such as `jobs`.
    pub unit: String,
    /// A hedge on the number, where the source has one.
    #[serde(default)]
    pub qualifier: Option<Qualifier>,
    /// The Midlands' share of the UK total, in percent, where given.
    #[serde(default)]
    pub uk_share: Option<f64>,
    /// The period the figure covers ("since 2005", "2017-2021", "2021/22"), where stated.
    #[serde(default)]
    pub period: Option<String>,
    /// Anything a reader needs to read the figure correctly.
    #[serde(default)]
    pub note: Option<String>,
    /// Where the figure is stated, when that is not the resource itself.
    #[serde(default)]
    pub source: Option<FigureSource>,
    /// How many decimals the source prints ("26.0%" is 1), where it prints any; the number
    /// is then written with exactly that many. Without it, trailing zeros are dropped.
    #[serde(default)]
    pub decimals: Option<u8>,
}

/// Where a figure is stated, when it is not taken from the resource it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub enum FigureSource {
    /// Only the dataset's source page (the MI Health resources page) quotes it: the resource
    /// itself could not be checked. Written `"source": "source-page"`.
    SourcePage,
    /// Another public page states it, such as a launch news item. Written
    /// `"source": { "page": { "label": "...", "url": "https://..." } }`.
    Page(SourcePage),
}

/// A public page that states a figure: what it is and, where verified, its address.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcePage {
    /// What the page is, so it can be named ("Health sector page (Midlands Engine), November 2024").
    pub label: String,
    /// Its address, only where verified: https, http or mailto.
    #[serde(default)]
    pub url: Option<String>,
}
