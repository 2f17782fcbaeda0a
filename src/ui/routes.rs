//! Which page each route shows: on the site and in a frame through `leptos_router`
//! ([`SiteRoutes`]), in the widget through [`crate::core::route::Route`] ([`RouteView`]); the
//! same page components either way.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route as RouterRoute};
use leptos_router::path;

use super::components::layout::Footer;
use super::components::search_box::HeaderSearchBox;
use super::data::LoadCode;
use super::deferred::{deferred, preload, Code, PageView};
use super::nav::use_nav;
use super::pages::{about::About, browse::BrowsePage, compare::ComparePage, home::Home};
use super::pages::{not_found::NotFound, resource::ResourcePage, search::SearchPage};
use super::pages::{section::SectionPage, tag::TagPage};
use super::search_index::SearchCode;
use crate::core::route::Route;

/// Where a page's code is: its view, linked in or in a chunk downloaded when the page is
/// first shown.
pub type Page = Code<PageView>;

impl Page {
    /// The page, shown at once when its code is there, else as it loads.
    pub fn view(self) -> AnyView {
        match self {
            Page::Linked(page) => page(),
            Page::Split(load) => deferred(load),
        }
    }

    /// The part, at once when its code is there, else nothing until it is (the footer's way,
    /// see [`super::deferred::quiet`]).
    pub fn quiet_view(self) -> AnyView {
        match self {
            Page::Linked(part) => part(),
            Page::Split(load) => super::deferred::quiet(load),
        }
    }

    /// Whether the page's code is here: linked in, or its chunk downloaded.
    pub fn is_here(self) -> bool {
        match self {
            Page::Linked(_) => true,
            Page::Split(load) => super::deferred::is_loaded(load),
        }
    }

    /// Downloads the page's code if it is in a chunk, so that [`Page::view`] shows the page
    /// at once; done when the chunk is there or failed to come (the page then says so).
    pub fn preload(self) -> Pin<Box<dyn Future<Output = ()>>> {
        match self {
            Page::Linked(_) => Box::pin(std::future::ready(())),
            Page::Split(load) => Box::pin(preload(load)),
        }
    }
}

/// The pages of every route, as the binary supplies them. The site's and the
/// widget's binaries load each on first use (`src/ui/split.rs`), so a first visit downloads
/// only what its first view needs; the pages written at build time link them all in
/// ([`Pages::linked`]).
#[derive(Clone, Copy)]
pub struct Pages {
    /// Home. The app taking home over keeps its written content instead
    /// ([`super::written`]), so a first visit to home needs none of its code.
    pub home: Page,
    /// What an unknown address shows.
    pub not_found: Page,
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
    /// declaring its split point.
    pub builder: Option<Page>,
    /// The search engine: linked in, or in a chunk of its own that downloads when the index
    /// is first asked for, after start-up (the site's and the widget's).
    pub search_engine: SearchCode,
    /// The search box of the header, or of a frame's or the widget's layout: in the site's
    /// binary in the chunk `search`, with the engine's (the written box stands in for the
    /// header's until its code is there, [`super::written`]); linked into the widget's, which
    /// shows it at once. None in `split_pages!`, which leaves it to each binary.
    pub search_box: Option<Page>,
    /// The site's footer, where the binary has one: the app keeps the written footer when it
    /// took the page over from the build's own dataset ([`super::written`]), so the site's
    /// binary has it in the chunk `pages`. None in the widget's binary.
    pub footer: Option<Page>,
    /// The layout of a partner's frame (`?embed=1`) around the routes: linked in, or in a
    /// chunk that a frame downloads beside the dataset (the site's binary). None in the
    /// widget's binary, which is never a frame.
    pub frame: Option<FrameCode>,
    /// The view that says why the app could not start, with a retry (the takeover's, when
    /// the dataset cannot be used), in a chunk: the site's binary (`src/main.rs`). None in the
    /// pages written at build time and in the widget's binary, which shows its own.
    pub failure: Option<Code<ShowFailure>>,
    /// The code that checks a dataset's rules and explains a broken one: linked in, or in the
    /// comparison's chunk, which a text other than the one the build checked downloads at
    /// start (`mhr::ui::split` says why there).
    pub load: LoadCode,
}

impl Pages {
    /// Every page but the embed builder, linked in: the pages rendered at build time.
    pub fn linked() -> Pages {
        Pages {
            home: Page::Linked(|| view! { <Home/> }.into_any()),
            not_found: Page::Linked(|| view! { <NotFound/> }.into_any()),
            section: Page::Linked(|| view! { <SectionPage/> }.into_any()),
            resource: Page::Linked(|| view! { <ResourcePage/> }.into_any()),
            tag: Page::Linked(|| view! { <TagPage/> }.into_any()),
            browse: Page::Linked(|| view! { <BrowsePage/> }.into_any()),
            compare: Page::Linked(|| view! { <ComparePage/> }.into_any()),
            search: Page::Linked(|| view! { <SearchPage/> }.into_any()),
            about: Page::Linked(|| view! { <About/> }.into_any()),
            builder: None,
            search_engine: SearchCode::linked(),
            frame: Some(Code::Linked(super::app::frame_layout)),
            footer: Some(Page::Linked(|| view! { <Footer/> }.into_any())),
            search_box: Some(Page::Linked(|| view! { <HeaderSearchBox/> }.into_any())),
            failure: None,
            load: LoadCode::Linked(crate::core::load::load),
        }
    }

    /// The page of `route`: for the embed builder where it is not offered, "not found".
    pub fn of(&self, route: &Route) -> Page {
        match route {
            Route::NotFound => self.not_found,
            Route::Home => self.home,
            Route::Section(_) => self.section,
            Route::Resource(_) => self.resource,
            Route::Tag(_) => self.tag,
            Route::Browse => self.browse,
            Route::Compare => self.compare,
            Route::Search => self.search,
            Route::About => self.about,
            Route::Embed => self.builder.unwrap_or(self.not_found),
        }
    }
}

/// The layout of a partner's frame around the site's routes, given the frame's id and the
/// pages ([`super::frame_layout`]).
pub type FrameLayout = fn(String, Pages) -> AnyView;

/// Where the layout of a partner's frame is. Only frames use it, and it was 2.5 KB brotli of
/// the main module (measured by leaving it out of a release build; README, Size), so the
/// site's binary has it in a chunk (`src/main.rs`).
pub type FrameCode = Code<FrameLayout>;

/// Shows in `host` why the app could not start (the failure), with a retry that calls the
/// last argument (`mhr::ui::show_failure`).
pub type ShowFailure = fn(web_sys::HtmlElement, super::LoadFailure, Box<dyn Fn()>);

/// Home: on the first view after the app took the written home over, its written content,
/// which the view keeps ([`super::written`]); else home's page.
fn home(pages: Pages) -> AnyView {
    if super::written::claim_home() {
        ().into_any()
    } else {
        pages.home.view()
    }
}

/// A list's or a resource's page, or, on the app's first view, the written content the
/// takeover kept for it ([`super::written::claim_kept`]), until the visitor first uses it.
fn first_or(page: Page) -> AnyView {
    #[cfg(target_arch = "wasm32")]
    if let Some(nodes) = super::written::claim_kept() {
        return super::kept::until_used(nodes, page);
    }
    page.view()
}

/// The site's routes, for the site and a frame. Inside `<Router>`; every path here is one
/// [`Route::parse`] reads the same way, which the pages themselves ask for their id.
///
/// `FlatRoutes`, not `Routes`: there is no nesting, and `Routes` renders nothing on its first
/// build and the matched page a task later, while `FlatRoutes` renders a page that is ready
/// at once, so the app's first render is the whole page and can replace the written one.
#[component]
pub fn SiteRoutes(
    /// Where the pages come from.
    pages: Pages,
) -> impl IntoView {
    view! {
        <FlatRoutes fallback=move || pages.not_found.view()>
            <RouterRoute path=path!("/") view=move || home(pages)/>
            <RouterRoute path=path!("/section/:id") view=move || first_or(pages.section)/>
            <RouterRoute path=path!("/resource/:id") view=move || first_or(pages.resource)/>
            <RouterRoute path=path!("/tag/:id") view=move || first_or(pages.tag)/>
            <RouterRoute path=path!("/browse") view=move || first_or(pages.browse)/>
            <RouterRoute path=path!("/compare") view=move || pages.compare.view()/>
            <RouterRoute path=path!("/search") view=move || pages.search.view()/>
            <RouterRoute path=path!("/about") view=move || pages.about.view()/>
            <RouterRoute path=path!("/embed") view=move || pages.of(&Route::Embed).view()/>
        </FlatRoutes>
    }
}

/// The page of the current route, without a router: the widget's.
#[component]
pub fn RouteView(
    /// Where the pages come from.
    pages: Pages,
) -> impl IntoView {
    let route = use_nav().route();
    move || pages.of(&route.get()).view()
}
