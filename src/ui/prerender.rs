//! The pages the build writes: each route's view rendered to HTML, natively, by the same
//! components the app runs ([`Site`]), with the dataset given at once and the address fixed.
//! `xtask` puts each into the page template and writes it at the route's path; the app then
//! takes it over ([`super::takeover`]).
//!
//! Which routes there are comes from the router itself ([`routes`]): every route of
//! [`super::routes::SiteRoutes`], with each `:id` filled from the dataset.

use std::sync::Arc;

use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use leptos_router::location::RequestUrl;
use leptos_router::{PathSegment, RouteList};

use super::app::{Indexed, Site, SiteAddress};
use super::components::state::Loading;
use super::components::title::{TitleSink, SITE_NAME};
use super::pages::embed::EmbedBuilder;
use super::pages::not_found::AnyAddress;
use super::routes::{Page, Pages};
use crate::core::paths::{encode_segment, Paths};

/// One page, rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The document's title, as the running app sets it.
    pub title: String,
    /// The page's own name, without the site's: the site's name for home.
    pub name: String,
    /// The markup of the page's body, for the element the app takes over.
    pub body: String,
    /// The base-less route the page was written for; `None` for a page served at any
    /// address (`404.html`, the offline shell), which the app must never keep as a view's
    /// written content.
    pub route: Option<String>,
}

/// A root owner that tells Leptos it renders on a server: no listeners, no effects.
fn server_owner() -> Owner {
    Owner::new_root(Some(Arc::new(SsrSharedContext::new())))
}

/// Every page linked in, the embed builder too: rendering needs no chunks.
fn pages() -> Pages {
    Pages {
        builder: Some(Page::Linked(|| view! { <EmbedBuilder/> }.into_any())),
        ..Pages::linked()
    }
}

/// Renders the site at the base-less `route`, with `extra` in context, keeping the title
/// the page names.
fn render(indexed: &Indexed, address: &SiteAddress, route: &str, extra: impl FnOnce()) -> Rendered {
    let owner = server_owner();
    owner.with(|| {
        let sink = TitleSink::default();
        provide_context(sink.clone());
        provide_context(RequestUrl::new(&Paths::new(&address.base).link(route)));
        extra();
        let (indexed, address) = (indexed.clone(), address.clone());
        let html =
            view! { <Site indexed pages=pages() address frame=None frame_layout=None/> }.to_html();
        let name = sink.named().flatten();
        Rendered {
            title: sink.title().unwrap_or_else(|| SITE_NAME.to_string()),
            name: name.unwrap_or_else(|| SITE_NAME.to_string()),
            body: clean(&html),
            route: Some(route.to_string()),
        }
    })
}

/// The page at the base-less `route` (`/resource/x/`).
pub fn page(indexed: &Indexed, address: &SiteAddress, route: &str) -> Rendered {
    render(indexed, address, route, || ())
}

/// `404.html`: the "not found" page, for whatever address a host serves it at.
pub fn not_found(indexed: &Indexed, address: &SiteAddress) -> Rendered {
    Rendered {
        route: None,
        ..render(indexed, address, "/404.html", || provide_context(AnyAddress))
    }
}

/// The page the service worker answers with, offline, for an address it has no copy of: a
/// loading note that the app replaces with the view of that address.
pub fn shell() -> Rendered {
    let owner = server_owner();
    let body = owner.with(|| {
        view! { <main id="main" tabindex="-1" class="container"><Loading/></main> }.to_html()
    });
    Rendered {
        title: SITE_NAME.to_string(),
        name: SITE_NAME.to_string(),
        body: clean(&body),
        route: None,
    }
}

/// Every route the dataset lists, base-less (`/`, `/section/strengths/`, …): the router's
/// routes, each `:id` filled with every id of its kind in the dataset. An error names a
/// route whose ids the dataset does not list, so a new route cannot go unwritten.
pub fn routes(indexed: &Indexed, address: &SiteAddress) -> Result<Vec<String>, String> {
    let list = {
        let indexed = indexed.clone();
        let address = address.clone();
        let owner = server_owner();
        owner.with(|| {
            provide_context(RequestUrl::new(&address.base));
            RouteList::generate(move || view! { <Site indexed pages=pages() address frame=None frame_layout=None/> })
        })
    }
    .ok_or("the router listed no routes")?;
    let catalog = indexed.catalog();
    let mut out = Vec::new();
    for listing in list.iter() {
        let segments: Vec<&PathSegment> =
            listing.path().iter().filter(|s| !matches!(s, PathSegment::Unit)).collect();
        let statics: Vec<String> = segments
            .iter()
            .filter_map(|s| match s {
                PathSegment::Static(s) => Some(s.trim_matches('/').to_string()),
                _ => None,
            })
            .filter(|s| !s.is_empty())
            .collect();
        // The router's own base, if it lists it, is not part of the route.
        let base = address.base.trim_matches('/');
        let statics: Vec<String> = match statics.split_first() {
            Some((first, rest)) if !base.is_empty() && first == base => rest.to_vec(),
            _ => statics,
        };
        let params = segments.iter().filter(|s| !matches!(s, PathSegment::Static(_))).count();
        let path = statics.join("/");
        match (params, statics.as_slice()) {
            (0, []) => out.push("/".to_string()),
            (0, _) => out.push(format!("/{path}/")),
            (1, [kind]) => {
                let ids: Vec<String> = match kind.as_str() {
                    "section" => catalog.data().sections.iter().map(|s| s.id.clone()).collect(),
                    "resource" => catalog.data().resources.iter().map(|r| r.id.clone()).collect(),
                    "tag" => catalog.data().tags.iter().map(|t| t.id.clone()).collect(),
                    other => return Err(format!("the dataset lists no ids for /{other}/:id")),
                };
                out.extend(ids.iter().map(|id| format!("/{kind}/{}/", encode_segment(id))));
            }
            _ => return Err(format!("no way to list the route {:?}", listing.path())),
        }
    }
    Ok(out)
}

/// The markup without the empty comments Leptos writes between adjacent text nodes (`<!>`),
/// which mark boundaries for hydration: a page that is replaced, not hydrated, has no use for
/// them, and HTML checkers call them errors. Text can never contain them: it is escaped.
fn clean(html: &str) -> String {
    html.replace("<!>", "")
}
