//! The root component: loads the dataset, then shows the routed site, or the loading or
//! error state while it cannot.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;
use wasm_bindgen::JsCast;

use super::components::layout::{Footer, Header, SkipLink};
use super::components::search_box::install_slash_shortcut;
use super::components::state::{ErrorView, Loading};
use super::data::{base_path, fetch_catalog};
use super::pages::{
    about::About, browse::BrowsePage, home::Home, not_found::NotFound, resource::ResourcePage,
};
use super::pages::{compare::ComparePage, search::SearchPage, section::SectionPage, tag::TagPage};
use crate::core::browse::BrowseIndex;
use crate::core::catalog::Catalog;
use crate::core::paths::router_base;
use crate::core::search::documents::index_catalog;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let data = LocalResource::new(fetch_catalog);
    move || match data.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Ok(catalog)) => view! { <Site catalog/> }.into_any(),
        Some(Err(failure)) => {
            view! { <ErrorView failure on_retry=move || data.refetch()/> }.into_any()
        }
    }
}

/// The routed site, once the dataset is loaded.
#[component]
fn Site(catalog: Arc<Catalog>) -> impl IntoView {
    provide_context(Arc::new(index_catalog(&catalog)));
    provide_context(Arc::new(BrowseIndex::from_catalog(&catalog)));
    provide_context(catalog);
    install_slash_shortcut();
    view! {
        <Router base=router_base(&base_path())>
            <FocusOnNavigate/>
            <SkipLink/>
            <Header/>
            <main id="main" tabindex="-1" class="container">
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/section/:id") view=SectionPage/>
                    <Route path=path!("/resource/:id") view=ResourcePage/>
                    <Route path=path!("/tag/:id") view=TagPage/>
                    <Route path=path!("/browse") view=BrowsePage/>
                    <Route path=path!("/compare") view=ComparePage/>
                    <Route path=path!("/search") view=SearchPage/>
                    <Route path=path!("/about") view=About/>
                </Routes>
            </main>
            <Footer/>
        </Router>
    }
}

/// After a navigation to another page, moves focus to its heading so screen readers announce
/// the new page and keyboard users continue from its top. Changes of the query string alone
/// (filters, sort) keep focus where it is.
#[component]
fn FocusOnNavigate() -> impl IntoView {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            request_animation_frame(|| {
                let heading = document().query_selector("main h1").ok().flatten();
                if let Some(h) = heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = h.set_attribute("tabindex", "-1");
                    let _ = h.focus();
                }
            });
        }
        path
    });
}
