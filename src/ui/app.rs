//! The root component: loads the dataset, then shows the routed site (or, with `?embed=1`,
//! the compact embed layout), or the loading or error state while it cannot.

use std::sync::Arc;

use leptos::prelude::*;

use super::components::embed::{focus_heading_on_navigate, EmbedLayout};
use super::components::layout::{Footer, Header, SkipLink};
use super::components::search_box::install_slash_shortcut;
use super::components::state::{ErrorView, Loading};
use super::components::status::{OfflineNotice, UpdateNotice};
use super::data::{base_path, fetch_catalog};
use super::nav::Nav;
use super::routes::{Pages, RouteView};
use crate::core::browse::BrowseIndex;
use crate::core::catalog::Catalog;
use crate::core::embed::EmbedFlags;
use crate::core::search::documents::index_catalog;
use crate::core::search::SearchIndex;

/// The whole app.
#[component]
pub fn App(
    /// The pages of the routes, as the binary supplies them.
    pages: Pages,
) -> impl IntoView {
    let frame = embed_flags_of_page();
    if let Some(flags) = &frame {
        mark_document_embedded(flags);
    }
    let data = LocalResource::new(fetch_catalog);
    move || match data.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Ok(catalog)) => view! { <Site catalog frame=frame.clone() pages/> }.into_any(),
        Some(Err(failure)) => {
            view! { <ErrorView failure on_retry=move || data.refetch()/> }.into_any()
        }
    }
}

/// The catalog with its search index and facets, built once from it: what every view reads.
#[derive(Clone)]
pub struct Indexed {
    catalog: Arc<Catalog>,
    search: Arc<SearchIndex>,
    browse: Arc<BrowseIndex>,
}

impl Indexed {
    /// Builds the indexes of `catalog`.
    pub fn new(catalog: Arc<Catalog>) -> Indexed {
        let search = Arc::new(index_catalog(&catalog));
        let browse = Arc::new(BrowseIndex::from_catalog(&catalog));
        Indexed { catalog, search, browse }
    }

    /// Makes the catalog and its indexes available to every view below.
    pub fn provide(&self) {
        provide_context(self.search.clone());
        provide_context(self.browse.clone());
        provide_context(self.catalog.clone());
    }
}

/// The site (or the embed layout), once the dataset is loaded.
#[component]
fn Site(catalog: Arc<Catalog>, frame: Option<EmbedFlags>, pages: Pages) -> impl IntoView {
    Indexed::new(catalog).provide();
    let nav = Nav::history(frame.clone(), &base_path());
    provide_context(nav.clone());
    focus_heading_on_navigate(nav.path(), target_of_navigation);
    match frame {
        Some(flags) => view! {
            <EmbedLayout frame_id=flags.frame><RouteView pages/></EmbedLayout>
        }
        .into_any(),
        None => {
            install_slash_shortcut();
            view! {
                <SkipLink/>
                <Header/>
                <UpdateNotice/>
                <OfflineNotice/>
                <main id="main" tabindex="-1" class="container"><RouteView pages/></main>
                <Footer/>
            }
            .into_any()
        }
    }
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

/// The embed flags of the page's own address, if it is embedded.
fn embed_flags_of_page() -> Option<EmbedFlags> {
    let search = window().location().search().unwrap_or_default();
    EmbedFlags::split(&search).0
}

/// Marks `<html>` with the embed layout and any forced theme, before anything renders, so
/// the stylesheets apply from the first paint.
fn mark_document_embedded(flags: &EmbedFlags) {
    if let Some(html) = document().document_element() {
        let _ = html.class_list().add_1("embedded");
        let _ = html.set_attribute("data-theme", flags.theme.key());
    }
}
