//! The root component: loads the dataset, then shows the routed site (or, with `?embed=1`,
//! the compact embed layout), or the loading or error state while it cannot.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::{path, NavigateOptions};

use super::components::embed::{focus_heading_on_navigate, EmbedLayout};
use super::components::layout::{Footer, Header, SkipLink};
use super::components::search_box::install_slash_shortcut;
use super::components::state::{ErrorView, Loading};
use super::components::status::{OfflineNotice, UpdateNotice};
use super::data::{base_path, fetch_catalog};
use super::nav::Nav;
use super::pages::{
    about::About, browse::BrowsePage, home::Home, not_found::NotFound, resource::ResourcePage,
};
use super::pages::{compare::ComparePage, embed::EmbedBuilder, search::SearchPage};
use super::pages::{section::SectionPage, tag::TagPage};
use crate::core::browse::BrowseIndex;
use crate::core::catalog::Catalog;
use crate::core::embed::EmbedFlags;
use crate::core::paths::router_base;
use crate::core::search::documents::index_catalog;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let frame = embed_flags_of_page();
    if let Some(flags) = &frame {
        mark_document_embedded(flags);
    }
    let data = LocalResource::new(fetch_catalog);
    move || match data.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Ok(catalog)) => view! { <Site catalog frame=frame.clone()/> }.into_any(),
        Some(Err(failure)) => {
            view! { <ErrorView failure on_retry=move || data.refetch()/> }.into_any()
        }
    }
}

/// Makes the catalog, its search index and its facets available to every view below.
pub fn provide_catalog(catalog: Arc<Catalog>) {
    provide_context(Arc::new(index_catalog(&catalog)));
    provide_context(Arc::new(BrowseIndex::from_catalog(&catalog)));
    provide_context(catalog);
}

/// The routed site, once the dataset is loaded.
#[component]
fn Site(catalog: Arc<Catalog>, frame: Option<EmbedFlags>) -> impl IntoView {
    provide_catalog(catalog);
    view! {
        <Router base=router_base(&base_path())>
            <Shell frame/>
        </Router>
    }
}

/// The frame around the routes: the site's header and footer, or the embed layout.
#[component]
fn Shell(frame: Option<EmbedFlags>) -> impl IntoView {
    let location = use_location();
    let navigate = use_navigate();
    let origin = window().location().origin().unwrap_or_default();
    let nav = Nav::routed(
        frame.clone(),
        &base_path(),
        origin,
        location.pathname.into(),
        location.search.into(),
        move |route, scroll| navigate(route, NavigateOptions { scroll, ..Default::default() }),
    );
    provide_context(nav.clone());
    focus_heading_on_navigate(nav.path(), || document().query_selector("main h1").ok().flatten());
    let routes = view! {
        <Routes fallback=|| view! { <NotFound/> }>
            <Route path=path!("/") view=Home/>
            <Route path=path!("/section/:id") view=SectionPage/>
            <Route path=path!("/resource/:id") view=ResourcePage/>
            <Route path=path!("/tag/:id") view=TagPage/>
            <Route path=path!("/browse") view=BrowsePage/>
            <Route path=path!("/compare") view=ComparePage/>
            <Route path=path!("/search") view=SearchPage/>
            <Route path=path!("/about") view=About/>
            <Route path=path!("/embed") view=EmbedBuilder/>
        </Routes>
    };
    match frame {
        Some(flags) => {
            view! { <EmbedLayout frame_id=flags.frame>{routes}</EmbedLayout> }.into_any()
        }
        None => {
            install_slash_shortcut();
            view! {
                <SkipLink/>
                <Header/>
                <UpdateNotice/>
                <OfflineNotice/>
                <main id="main" tabindex="-1" class="container">{routes}</main>
                <Footer/>
            }
            .into_any()
        }
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
