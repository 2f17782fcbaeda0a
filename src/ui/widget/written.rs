//! A list widget's first view, from the file the build wrote for its address: the widget
//! loads its views the way the site loads its own.
//!
//! A widget of a list (browse, a section, a resource with nothing chosen in its attributes,
//! or browse or a section filtered by one tag) shows a view the build has already written,
//! with the same components as the app's ([`crate::ui::prerender`]): as a page of the site
//! (`browse/index.html`, `section/<id>/index.html`, …) or, for one tag, in a file of that view
//! alone (`views/browse/tag/<id>.html`; [`crate::core::written`] says which and where). So
//! rather than downloading the lists' code (the chunk `pages` and its shared chunks, about
//! 87 KB brotli, most of a list widget's first load) to render that view, the widget
//! downloads the file (about 3 to 5 KB) beside the dataset, and shows the content of its
//! `<main>` until the visitor first reaches into it, as the site does with its own pages
//! ([`crate::ui::kept`]: the lists' code then downloads and the live view takes the written
//! one's place).
//!
//! Links in the written view are made absolute against the page's address, as the widget's
//! own links are ([`crate::ui::nav::Nav::in_memory`]), and a plain click on one of the site's
//! opens its view in the widget. The page is the site's own file, from the same build as
//! `widget.js` and the dataset, whose text its server-side rendering escaped; it is parsed
//! with `DOMParser` (which runs no script) and only the nodes of its `<main>` are taken. It is
//! used only when it was written for the widget's very route (`data-mhr-route`, its query
//! string included) from the very dataset the widget read (its `<meta name="mhr-dataset">`
//! fingerprint): otherwise, or when it does not come, the widget renders the view from its
//! code as before.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

use crate::ui::nav::use_nav;
use crate::ui::routes::{Pages, RouteView};

/// The content of a written page's `<main>`, ready to be shown in a widget, once.
pub struct WrittenView(RefCell<Option<Vec<Node>>>);

impl WrittenView {
    /// The nodes, unless they have been taken already.
    pub fn take(&self) -> Option<Vec<Node>> {
        self.0.take()
    }
}

/// Largest written file taken, in bytes: a page of the site is a few tens of kilobytes.
const LARGEST_PAGE: usize = 4 << 20;

/// How long, from when it is read, the file may take to come before the widget renders the
/// view from its code instead.
const FILE_WAIT_MS: i32 = crate::core::written::FILE_WAIT_MS as i32;

/// The file a widget starts from (a page, or a view written alone:
/// [`crate::core::written`]), being downloaded ([`download`]).
pub struct Download {
    /// The file's address.
    url: String,
    /// The base-less route it is asked for (the widget's first), with its query string.
    route: String,
    /// The site's address, ending in `/`.
    site: String,
    /// The download.
    response: js_sys::Promise,
}

/// Starts downloading the file at `url`, written for `route` on the site at `site`.
pub fn download(url: String, route: &str, site: String) -> Option<Download> {
    let response = web_sys::window()?.fetch_with_str(&url);
    Some(Download { url, route: route.to_string(), site, response })
}

/// The content of the file being downloaded (`page`), with its links made absolute, if it
/// comes within [`FILE_WAIT_MS`], has a `<main>`, was written for the route asked for (its
/// `data-mhr-route`, query string included: a host may answer an unknown address with
/// another page and a 200) and from the dataset whose fingerprint is `dataset` (its
/// `<meta name="mhr-dataset">`).
pub async fn read(page: Option<Download>, dataset: u64) -> Option<Rc<WrittenView>> {
    use crate::core::route::{split_route, Route};
    use js_sys::{Array, Promise};
    use wasm_bindgen_futures::JsFuture;
    let Download { url, route, site, response } = page?;
    // Settles with `undefined` once the time is up, which is then what the file "is".
    let time_up = Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().map(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, FILE_WAIT_MS)
        });
    });
    let within = |promise: Promise| JsFuture::from(Promise::race(&Array::of2(&promise, &time_up)));
    let response: web_sys::Response = within(response).await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = within(response.text().ok()?).await.ok()?.as_string()?;
    if text.len() > LARGEST_PAGE {
        return None;
    }
    let parser = web_sys::DomParser::new().ok()?;
    let file = parser.parse_from_string(&text, web_sys::SupportedType::TextHtml).ok()?;
    let written_from = file
        .query_selector("meta[name=mhr-dataset]")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .and_then(|content| crate::ui::data::parse_checked(&content));
    let root = file.query_selector("[data-mhr-root]").ok()??;
    let written_route = root.get_attribute("data-mhr-route")?;
    let same_route = Route::parse(&written_route) == Route::parse(&route)
        && split_route(&written_route).1 == split_route(&route).1;
    if written_from != Some(dataset) || !same_route {
        return None;
    }
    let main = root.query_selector("main").ok()??;
    let document = document();
    // The collection is live: each element leaves it as it is adopted.
    let children = main.children();
    let elements: Vec<Element> = (0..children.length()).filter_map(|i| children.item(i)).collect();
    let mut nodes = Vec::new();
    for child in elements {
        absolute_links(&child, &url, &site);
        nodes.push(document.adopt_node(&child).ok()?);
    }
    Some(Rc::new(WrittenView(RefCell::new(Some(nodes)))))
}

/// Makes every `href` in `el` (itself included) absolute against `page`, the address it was
/// written for: in the widget they would otherwise resolve against the partner's page. A link
/// off the site (`site`) opens in a new tab, as the live widget's do: the partner's page stays.
fn absolute_links(el: &Element, page: &str, site: &str) {
    let mut linked = vec![el.clone()];
    if let Ok(list) = el.query_selector_all("[href]") {
        linked.extend((0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()));
    }
    for el in linked {
        let Some(href) = el.get_attribute("href") else { continue };
        if let Ok(url) = web_sys::Url::new_with_base(&href, page) {
            let href = url.href();
            if !href.starts_with(site) && el.tag_name() == "A" {
                let _ = el.set_attribute("target", "_blank");
                let _ = el.set_attribute("rel", "noopener noreferrer");
            }
            let _ = el.set_attribute("href", &href);
        }
    }
}

/// The widget's views: the first view's written content while it is kept (`written`, see
/// [`crate::ui::kept`]), then each route's view from its code.
#[component]
pub fn WidgetRoutes(
    /// Where the pages come from.
    pages: Pages,
    /// The first view's written content, when the widget starts from it.
    written: Option<Vec<Node>>,
) -> impl IntoView {
    let Some(nodes) = written else { return view! { <RouteView pages/> }.into_any() };
    let route = use_nav().route();
    let first = route.get_untracked();
    // For the first view only: once it has gone, the nodes have gone with it.
    let nodes = StoredValue::new_local(Some(nodes));
    (move || {
        let now = route.get();
        let kept = (now == first).then(|| nodes.try_update_value(Option::take)).flatten().flatten();
        match kept {
            Some(nodes) => crate::ui::kept::until_used(nodes, pages.of(&now)),
            None => pages.of(&now).view(),
        }
    })
    .into_any()
}
