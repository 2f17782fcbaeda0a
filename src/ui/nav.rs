//! Where the visitor is and how to go elsewhere, the same for every place the app runs:
//! the routed site, an embedded frame, and the in-page widget.
//!
//! Views never touch the router directly. They read the path and query from [`Nav`] and go
//! places through it, and they link with [`Link`]. On the site and in a frame, [`Nav`] wraps
//! `leptos_router` (a frame adds its embed flags to every address). In the widget there is
//! no router at all: the route is a signal, so the widget never changes its host page's
//! address or history and never intercepts the host's links.

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
    path: Signal<String>,
    search: Signal<String>,
    go: Callback<(String, bool)>,
    /// Builds `href`s for routes: a base path on the site, an absolute URL in the widget.
    paths: Arc<Paths>,
    /// The site's origin for absolute links ("" when `paths` is already absolute).
    origin: Arc<str>,
}

impl Nav {
    /// A location read from the router: `path` is the full path (with the base), `search`
    /// the query string; `go(route, scroll)` navigates to a base-less route.
    pub fn routed(
        frame: Option<EmbedFlags>,
        base: &str,
        origin: String,
        full_path: Signal<String>,
        search: Signal<String>,
        navigate: impl Fn(&str, bool) + Send + Sync + 'static,
    ) -> Nav {
        let paths = Paths::new(base);
        let prefix = paths.base().trim_end_matches('/').to_string();
        let path = Signal::derive(move || {
            let p = full_path.get();
            match p.strip_prefix(&prefix) {
                Some("") => "/".to_string(),
                Some(rest) if rest.starts_with('/') => rest.to_string(),
                _ => p,
            }
        });
        let search = Signal::derive(move || EmbedFlags::split(&search.get()).1);
        let surface = if frame.is_some() { Surface::Frame } else { Surface::Site };
        let go = Callback::new(move |(route, scroll): (String, bool)| {
            let route = match &frame {
                Some(flags) => flags.apply(&route),
                None => route,
            };
            navigate(&route, scroll);
        });
        Nav { surface, path, search, go, paths: Arc::new(paths), origin: origin.into() }
    }

    /// A location held in a signal, for the widget: `site` is the site's absolute URL
    /// (ending in `/`), which links point to so that opening one in a new tab shows the full
    /// view.
    pub fn in_memory(site: &str, route: RwSignal<String>, go: Callback<(String, bool)>) -> Nav {
        Nav {
            surface: Surface::Widget,
            path: Signal::derive(move || route.with(|r| split_route(r).0.to_string())),
            search: Signal::derive(move || route.with(|r| split_route(r).1.to_string())),
            go,
            paths: Arc::new(Paths::absolute(site)),
            origin: "".into(),
        }
    }

    /// Where the app is running.
    pub fn surface(&self) -> Surface {
        self.surface
    }

    /// The base-less path of the current view (`/resource/x`).
    pub fn path(&self) -> Signal<String> {
        self.path
    }

    /// The current view's query string (`?tag=a`, or empty), without any embed flags.
    pub fn search(&self) -> Signal<String> {
        self.search
    }

    /// The current route, parsed.
    pub fn route(&self) -> Memo<Route> {
        let path = self.path;
        Memo::new(move |_| path.with(|p| Route::parse(p)))
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
        self.absolute(&format!("{}{}", self.path.get_untracked(), self.search.get_untracked()))
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
/// On the site the router takes the click. In a frame the link opens the full site in a new
/// tab. In the widget a plain click changes the widget's view, while a click with a modifier
/// (or the middle button) opens the full site, as the `href` says.
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
    let current = {
        let path = nav.path();
        let target = split_route(&to).0.to_string();
        move || (mark_current && path.with(|p| *p == target)).then_some("page")
    };
    match nav.surface() {
        Surface::Site => {
            view! { <a href=href class=class aria-current=current>{children()}</a> }.into_any()
        }
        Surface::Frame => view! {
            <a href=href class=class target="_blank" rel="noopener">
                {children()}
                <span class="visually-hidden">" (opens in a new tab)"</span>
            </a>
        }
        .into_any(),
        Surface::Widget => {
            let on_click = move |ev: MouseEvent| {
                let plain = ev.button() == 0
                    && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key());
                if plain {
                    ev.prevent_default();
                    nav.open(to.clone());
                }
            };
            view! { <a href=href class=class aria-current=current on:click=on_click>{children()}</a> }
                .into_any()
        }
    }
}
