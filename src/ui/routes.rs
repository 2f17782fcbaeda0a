//! Which page each route shows, for the site, a frame and the widget alike.

use leptos::prelude::*;

use super::nav::use_nav;
use super::pages::{
    about::About, browse::BrowsePage, home::Home, not_found::NotFound, resource::ResourcePage,
};
use super::pages::{compare::ComparePage, embed::EmbedBuilder, search::SearchPage};
use super::pages::{section::SectionPage, tag::TagPage};
use crate::core::route::Route;

/// The page of the current route. The embed builder is offered where it is passed in: on the
/// site and in a frame ([`SiteRouteView`]). A widget inside a partner's page has no use for
/// it, and its binary leaves the builder's code out by not naming it.
#[component]
pub fn RouteView(
    /// The embed builder's page, where it is offered.
    #[prop(optional)]
    builder: Option<fn() -> AnyView>,
) -> impl IntoView {
    let route = use_nav().route();
    move || match route.get() {
        Route::Home => view! { <Home/> }.into_any(),
        Route::Section(_) => view! { <SectionPage/> }.into_any(),
        Route::Resource(_) => view! { <ResourcePage/> }.into_any(),
        Route::Tag(_) => view! { <TagPage/> }.into_any(),
        Route::Browse => view! { <BrowsePage/> }.into_any(),
        Route::Compare => view! { <ComparePage/> }.into_any(),
        Route::Search => view! { <SearchPage/> }.into_any(),
        Route::About => view! { <About/> }.into_any(),
        Route::Embed if builder.is_some() => builder.map(|b| b()).into_any(),
        Route::Embed | Route::NotFound => view! { <NotFound/> }.into_any(),
    }
}

/// [`RouteView`] with the embed builder, for the site and frames.
#[component]
pub fn SiteRouteView() -> impl IntoView {
    view! { <RouteView builder=|| view! { <EmbedBuilder/> }.into_any()/> }
}
