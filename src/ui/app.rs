//! The site: the router, the layout around every view (or, with `?embed=1`, the compact
//! embed layout) and the routes, once the dataset is loaded. The same component renders the
//! pages the build writes (natively, [`super::prerender`]) and the running app, which takes
//! over those pages ([`super::takeover`]).

use std::sync::{Arc, OnceLock};

use leptos::prelude::*;
use leptos_router::components::Router;

use super::components::embed::{focus_heading_on_navigate, EmbedLayout};
use super::components::layout::{Header, SkipLink};
use super::components::search_box::install_slash_shortcut;
use super::components::status::{OfflineNotice, UpdateNotice};
use super::components::title::forget_page_head_on_navigate;
use super::nav::Nav;
use super::routes::{FrameLayout, Pages, SiteRoutes};
use super::search_index::{LazySearch, SearchCode};
use crate::core::browse::BrowseIndex;
use crate::core::catalog::Catalog;
use crate::core::embed::EmbedFlags;

/// The catalog with its facets and its search index, each built when first used: what every
/// view reads.
#[derive(Clone)]
pub struct Indexed {
    catalog: Arc<Catalog>,
    search: LazySearch,
    browse: Arc<LazyBrowse>,
}

/// The catalog's facets and orderings ([`BrowseIndex`]), built the first time a view asks
/// for them (see [`super::components::use_browse`]). Only the views in the chunk `pages`
/// ask, so the code that builds them (sorting titles with Unicode's lower-casing, whose
/// tables alone are 11.5 KB) is not in the main module, and home's start does not build it.
pub struct LazyBrowse {
    catalog: Arc<Catalog>,
    index: OnceLock<Arc<BrowseIndex>>,
}

impl LazyBrowse {
    /// The index, built now if no view has asked for it before.
    pub fn get(&self) -> Arc<BrowseIndex> {
        self.index.get_or_init(|| Arc::new(BrowseIndex::from_catalog(&self.catalog))).clone()
    }
}

impl Indexed {
    /// Builds the indexes of `catalog`, with the search engine linked in: the pages written
    /// at build time.
    pub fn new(catalog: Arc<Catalog>) -> Indexed {
        Indexed::with_search(catalog, SearchCode::linked())
    }

    /// Builds the indexes of `catalog`, with the search engine where `code` says.
    pub fn with_search(catalog: Arc<Catalog>, code: SearchCode) -> Indexed {
        let search = LazySearch::new(catalog.clone(), code);
        let browse = Arc::new(LazyBrowse { catalog: catalog.clone(), index: OnceLock::new() });
        Indexed { catalog, search, browse }
    }

    /// The search, built when first used.
    pub fn search(&self) -> &LazySearch {
        &self.search
    }

    /// The catalog.
    pub fn catalog(&self) -> &Arc<Catalog> {
        &self.catalog
    }

    /// Makes the catalog and its indexes available to every view below.
    pub fn provide(&self) {
        provide_context(self.search.clone());
        provide_context(self.browse.clone());
        provide_context(self.catalog.clone());
    }
}

/// Where the site is: its path prefix (`/` or `/partners/health/`) and its origin
/// (`https://example.org`), for the router and for absolute links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteAddress {
    /// The path prefix, with `/` on both sides.
    pub base: String,
    /// The origin, without a final `/`; empty when it is not known (links are then relative).
    pub origin: String,
}

/// The site, with its dataset loaded: routed by `leptos_router` under the site's prefix.
#[component]
pub fn Site(
    /// The dataset and its indexes.
    indexed: Indexed,
    /// The pages of the routes, as the binary supplies them.
    pages: Pages,
    /// Where the site is.
    address: SiteAddress,
    /// The embed flags, when the page is a partner's frame.
    frame: Option<EmbedFlags>,
    /// The frame's layout, when the page is a partner's frame and its code is there (else the
    /// site's layout, without the frame's height reports).
    frame_layout: Option<FrameLayout>,
) -> impl IntoView {
    indexed.provide();
    // The router's base has no final `/` ("" at the root), as its matching expects.
    let base = address.base.trim_end_matches('/').to_string();
    view! {
        <Router base>
            <Layout pages address frame frame_layout/>
        </Router>
    }
}

/// What surrounds every view: the site's header and footer, or the compact embed layout.
#[component]
fn Layout(
    pages: Pages,
    address: SiteAddress,
    frame: Option<EmbedFlags>,
    frame_layout: Option<FrameLayout>,
) -> impl IntoView {
    let nav = Nav::router(frame.clone(), &address.base, &address.origin);
    provide_context(nav.clone());
    focus_heading_on_navigate(nav.path(), target_of_navigation);
    forget_page_head_on_navigate(nav.path());
    match frame.zip(frame_layout) {
        Some((flags, layout)) => layout(flags.frame, pages),
        None => {
            install_slash_shortcut();
            view! {
                <SkipLink/>
                <Header search_box=pages.search_box/>
                <UpdateNotice/>
                <OfflineNotice/>
                <main id="main" tabindex="-1" class="container"><SiteRoutes pages/></main>
                {footer(pages)}
            }
            .into_any()
        }
    }
}

/// The site's footer: the written one, kept ([`super::written`]), else the binary's.
fn footer(pages: Pages) -> AnyView {
    match pages.footer {
        Some(_) if super::written::claim_footer() => ().into_any(),
        Some(footer) => footer.quiet_view(),
        None => ().into_any(),
    }
}

/// The layout of a partner's frame (`?embed=1`): the compact embed layout around the routes.
/// Reached only through [`super::routes::FrameCode`], so the site's binary can keep it in a
/// chunk (`pages`, `src/main.rs`).
pub fn frame_layout(frame_id: String, pages: Pages) -> AnyView {
    view! { <EmbedLayout frame_id search_box=pages.search_box><SiteRoutes pages/></EmbedLayout> }
        .into_any()
}

/// Where focus goes after moving to another view: the element the address's fragment names
/// (`/about#embedding`), else the view's heading.
fn target_of_navigation() -> Option<web_sys::Element> {
    let hash = window().location().hash().unwrap_or_default();
    let id = hash.trim_start_matches('#');
    if id.is_empty() {
        document().query_selector("main h1").ok().flatten()
    } else {
        document().get_element_by_id(id)
    }
}
