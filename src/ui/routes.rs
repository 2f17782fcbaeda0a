//! Which page each route shows, for the site, a frame and the widget alike.

use leptos::prelude::*;

use super::nav::use_nav;
use super::pages::{about::About, browse::BrowsePage, compare::ComparePage, home::Home};
use super::pages::{not_found::NotFound, resource::ResourcePage, search::SearchPage};
use super::pages::{section::SectionPage, tag::TagPage};
use crate::core::route::Route;

/// Makes a page's view.
pub type Page = fn() -> AnyView;

/// The pages of every route but home and "not found", as the binary supplies them. The
/// widget's binary links them in ([`Pages::linked`]); the site's loads each on first use
/// (`split::pages` in `src/main.rs`, through [`super::deferred::deferred`]), so a first
/// visit downloads only what home needs.
#[derive(Clone, Copy)]
pub struct Pages {
    /// A section.
    pub section: Page,
    /// A resource.
    pub resource: Page,
    /// A tag.
    pub tag: Page,
    /// Browse, with filters.
    pub browse: Page,
    /// The comparison of the cluster reports.
    pub compare: Page,
    /// Search results.
    pub search: Page,
    /// About this directory.
    pub about: Page,
    /// The embed builder, where it is offered: on the site and in a frame. A widget inside a
    /// partner's page has no use for it, and its binary leaves the builder's code out by not
    /// naming it.
    pub builder: Option<Page>,
}

impl Pages {
    /// Every page but the embed builder, linked into the binary: the widget's pages.
    pub fn linked() -> Pages {
        Pages {
            section: || view! { <SectionPage/> }.into_any(),
            resource: || view! { <ResourcePage/> }.into_any(),
            tag: || view! { <TagPage/> }.into_any(),
            browse: || view! { <BrowsePage/> }.into_any(),
            compare: || view! { <ComparePage/> }.into_any(),
            search: || view! { <SearchPage/> }.into_any(),
            about: || view! { <About/> }.into_any(),
            builder: None,
        }
    }
}

/// The page of the current route.
#[component]
pub fn RouteView(
    /// Where the pages come from.
    pages: Pages,
) -> impl IntoView {
    let route = use_nav().route();
    move || match route.get() {
        Route::Home => view! { <Home/> }.into_any(),
        Route::Section(_) => (pages.section)(),
        Route::Resource(_) => (pages.resource)(),
        Route::Tag(_) => (pages.tag)(),
        Route::Browse => (pages.browse)(),
        Route::Compare => (pages.compare)(),
        Route::Search => (pages.search)(),
        Route::About => (pages.about)(),
        Route::Embed if pages.builder.is_some() => pages.builder.map(|b| b()).into_any(),
        Route::Embed | Route::NotFound => view! { <NotFound/> }.into_any(),
    }
}
