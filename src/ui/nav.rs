//! Where the visitor is and how to go elsewhere, the same for every place the app runs:
//! the routed site, an embedded frame, and the in-page widget.
//!
//! Views read the path and query from [`Nav`], go places through it, and link with [`Link`];
//! [`crate::core::route::Route`] says which view a path names. On the site and in a frame,
//! [`Nav`] keeps the browser's address and history (a frame adds its embed flags to every
//! address). In the widget the route is only a signal, so the widget never changes its host
//! page's address or history and never intercepts the host's links. One small router for
//! both replaced `leptos_router`, which the widget could not use.

use std::sync::Arc;

use leptos::ev::MouseEvent;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

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
    /// The browser's own address and history, for the site and for a frame: `base` is the
    /// site's path prefix. Navigating pushes a history entry; back and forward are followed.
    pub fn history(frame: Option<EmbedFlags>, base: &str) -> Nav {
        let paths = Arc::new(Paths::new(base));
        let prefix: Arc<str> = paths.base().trim_end_matches('/').into();
        let read = {
            let prefix = prefix.clone();
            move || {
                let location = window().location();
                let path = location.pathname().unwrap_or_default();
                let path = match path.strip_prefix(&*prefix) {
                    Some("") => "/".to_string(),
                    Some(rest) if rest.starts_with('/') => rest.to_string(),
                    _ => path,
                };
                (path, location.search().unwrap_or_default())
            }
        };
        let here = RwSignal::new(read());
        let on_pop = {
            let read = read.clone();
            window_event_listener(leptos::ev::popstate, move |_| here.set(read()))
        };
        // The site's location lives as long as the page.
        std::mem::forget(on_pop);
        let surface = if frame.is_some() { Surface::Frame } else { Surface::Site };
        let go = {
            let paths = paths.clone();
            Callback::new(move |(route, scroll): (String, bool)| {
                let route = match &frame {
                    Some(flags) => flags.apply(&route),
                    None => route,
                };
                let url = paths.link(&route);
                if let Ok(history) = window().history() {
                    let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&url));
                }
                here.set(read());
                if scroll && !route.contains('#') {
                    window().scroll_to_with_x_and_y(0.0, 0.0);
                }
            })
        };
        let path = Memo::new(move |_| here.with(|h| h.0.clone()));
        let search = Memo::new(move |_| here.with(|h| EmbedFlags::split(&h.1).1));
        Nav::new(surface, path, search, go, paths, window().location().origin().unwrap_or_default())
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
/// A plain click goes to the view in place; a click with a modifier (or the middle button)
/// is left to the browser, which opens the `href` (in the widget: the full site). In a frame
/// every link opens the full site in a new tab.
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
        let target = split_route(&to).0.to_string();
        move || path.with(|p| *p == target).then_some("page")
    });
    if nav.surface() == Surface::Frame {
        return view! {
            <a href=href class=class target="_blank" rel="noopener">
                {children()}
                <span class="visually-hidden">" (opens in a new tab)"</span>
            </a>
        }
        .into_any();
    }
    let on_click = move |ev: MouseEvent| {
        let plain =
            ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key());
        if plain {
            ev.prevent_default();
            nav.open(to.clone());
        }
    };
    view! { <a href=href class=class aria-current=current on:click=on_click>{children()}</a> }
        .into_any()
}
