//! Where the visitor is and how to go elsewhere, the same for every place the app runs:
//! the routed site, an embedded frame, and the in-page widget.
//!
//! Views read the path and query from [`Nav`], go places through it, and link with [`Link`];
//! [`crate::core::route::Route`] says which view a path names. On the site and in a frame,
//! [`Nav`] is a view of `leptos_router`'s location and navigation (a frame adds its embed
//! flags to every address), and the router routes ([`super::routes::SiteRoutes`]). In the
//! widget the route is only a signal, so the widget never changes its host page's address or
//! history and never intercepts the host's links: the router's window-wide listeners would
//! do both.

use std::sync::Arc;

use leptos::ev::MouseEvent;
use leptos::prelude::*;

use crate::core::embed::EmbedFlags;
use crate::core::paths::Paths;
use crate::core::route::{split_route, Route};

/// Where the app is running.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    /// The site itself, with its header, footer and router.
    Site,
    /// Any view in an iframe on a partner's page (`?embed=1`), compact, with the router.
    Frame,
    /// The `<mhr-widget>` element in a shadow root on a partner's page, without a router.
    Widget,
}

/// The current location and the ways to change it, handed to views as context.
#[derive(Clone)]
pub struct Nav {
    surface: Surface,
    path: Memo<String>,
    search: Memo<String>,
    route: Memo<Route>,
    go: Callback<(String, bool)>,
    /// Builds `href`s for routes: a base path on the site, an absolute URL in the widget.
    paths: Arc<Paths>,
    /// The site's origin for absolute links ("" when `paths` is already absolute).
    origin: Arc<str>,
}

impl Nav {
    /// The router's location, for the site and for a frame: `base` is the site's path prefix,
    /// `origin` its origin for absolute links. On the site, navigating pushes a history entry;
    /// back and forward are followed. In a frame it replaces the entry instead: a frame's
    /// entries join its partner's page's history, and the partner's Back button would step
    /// through our filters before it left their page. Call it inside `<Router>`.
    pub fn router(frame: Option<EmbedFlags>, base: &str, origin: &str) -> Nav {
        let paths = Arc::new(Paths::new(base));
        let location = leptos_router::hooks::use_location();
        let (pathname, raw_search) = (location.pathname, location.search);
        let path = {
            let paths = paths.clone();
            Memo::new(move |_| pathname.with(|p| paths.route_of(p)))
        };
        let search = Memo::new(move |_| {
            raw_search.with(|s| match s.is_empty() {
                true => String::new(),
                false => EmbedFlags::split(&format!("?{s}")).1,
            })
        });
        let surface = if frame.is_some() { Surface::Frame } else { Surface::Site };
        let navigate = leptos_router::hooks::use_navigate();
        let go = {
            let paths = paths.clone();
            Callback::new(move |(route, scroll): (String, bool)| {
                let route = match &frame {
                    Some(flags) => flags.apply(&route),
                    None => route,
                };
                let options = leptos_router::NavigateOptions {
                    resolve: false,
                    replace: frame.is_some(),
                    scroll: scroll && !route.contains('#'),
                    ..Default::default()
                };
                navigate(&paths.link(&route), options);
            })
        };
        Nav::new(surface, path, search, go, paths, origin.to_string())
    }

    /// A location held in a signal, for the widget: `site` is the site's absolute URL
    /// (ending in `/`), which links point to so that opening one in a new tab shows the full
    /// view.
    pub fn in_memory(site: &str, route: RwSignal<String>, go: Callback<(String, bool)>) -> Nav {
        let path = Memo::new(move |_| route.with(|r| split_route(r).0.to_string()));
        let search = Memo::new(move |_| route.with(|r| split_route(r).1.to_string()));
        Nav::new(Surface::Widget, path, search, go, Arc::new(Paths::absolute(site)), String::new())
    }

    /// The location from its memos; the parsed route is derived once here, for every view.
    fn new(
        surface: Surface,
        path: Memo<String>,
        search: Memo<String>,
        go: Callback<(String, bool)>,
        paths: Arc<Paths>,
        origin: String,
    ) -> Nav {
        let route = Memo::new(move |_| path.with(|p| Route::parse(p)));
        Nav { surface, path, search, route, go, paths, origin: origin.into() }
    }

    /// Where the app is running.
    pub fn surface(&self) -> Surface {
        self.surface
    }

    /// The base-less path of the current view (`/resource/x`).
    pub fn path(&self) -> Memo<String> {
        self.path
    }

    /// The current view's query string (`?tag=a`, or empty), without any embed flags.
    pub fn search(&self) -> Memo<String> {
        self.search
    }

    /// The current route, parsed.
    pub fn route(&self) -> Memo<Route> {
        self.route
    }

    /// Goes to `route` as a change of the same view's state (filters, sort): the page keeps
    /// its scroll position.
    pub fn go(&self, route: String) {
        self.go.run((route, false));
    }

    /// Goes to another view, scrolled to its top.
    pub fn open(&self, route: String) {
        self.go.run((route, true));
    }

    /// The `href` of a route.
    pub fn href(&self, route: &str) -> String {
        self.paths.link(route)
    }

    /// The route an `href` made by [`Nav::href`] names, or `None` for an address that is not
    /// the site's (see [`Paths::route_of_link`]).
    pub fn route_of_link(&self, href: &str) -> Option<String> {
        self.paths.route_of_link(href)
    }

    /// The address of a file shipped with the site (`data/dataset.json`).
    pub fn asset(&self, file: &str) -> String {
        self.paths.asset(file)
    }

    /// The absolute address of a route on the full site (for "copy link").
    pub fn absolute(&self, route: &str) -> String {
        format!("{}{}", self.origin, self.paths.link(route))
    }

    /// The current view's absolute address on the full site (no embed flags).
    pub fn current_url(&self) -> String {
        untrack(|| self.current_url_tracked())
    }

    /// As [`Nav::current_url`], tracking the location (for a link that follows the view).
    pub fn current_url_tracked(&self) -> String {
        self.absolute(&format!("{}{}", self.path.get(), self.search.get()))
    }
}

/// The navigation context.
pub fn use_nav() -> Nav {
    expect_context::<Nav>()
}

/// A link to a view of the site.
///
/// A plain click goes to the view in place (on the site the router takes the click; in the
/// widget the link does); a click with a modifier (or the middle button) is left to the
/// browser, which opens the `href` (in the widget: the full site). In a frame every link
/// opens the full site in a new tab.
#[component]
pub fn Link(
    /// The base-less route (`Paths::resource(id)`).
    #[prop(into)]
    to: String,
    /// Class names for the `<a>`.
    #[prop(optional, into)]
    class: Option<String>,
    /// Mark the link `aria-current="page"` while its route is shown (navigation lists).
    #[prop(optional)]
    mark_current: bool,
    /// The link text and any markup.
    children: Children,
) -> impl IntoView {
    let nav = use_nav();
    let href = nav.href(&to);
    // Only navigation lists track the location; other links need no effect for it.
    let current = mark_current.then(|| {
        let path = nav.path();
        let target = Route::parse(&to);
        move || path.with(|p| Route::parse(p) == target).then_some("page")
    });
    match nav.surface() {
        Surface::Frame => {
            return view! {
                <a href=href class=class target="_blank" rel="noopener">
                    {children()}
                    <span class="visually-hidden">" (opens in a new tab)"</span>
                </a>
            }
            .into_any()
        }
        Surface::Site => {
            return view! { <a href=href class=class aria-current=current>{children()}</a> }
                .into_any()
        }
        Surface::Widget => {}
    }
    let on_click = move |ev: MouseEvent| {
        if is_plain_click(&ev) {
            ev.prevent_default();
            nav.open(to.clone());
        }
    };
    view! { <a href=href class=class aria-current=current on:click=on_click>{children()}</a> }
        .into_any()
}

/// A click that opens a link in place: the main button, no modifier (with one, or the middle
/// button, the browser opens the link elsewhere).
pub fn is_plain_click(ev: &MouseEvent) -> bool {
    ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key())
}
