//! The in-page widget: `<mhr-widget>` on a partner's page, mounted by `public/widget.js`
//! into a shadow root.
//!
//! It shows the same views as the site, but with no router: the route lives in a signal
//! ([`Nav::in_memory`]), so the widget never changes the host's address or history and never
//! intercepts the host's links, and several widgets on one page each keep their own view.

use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use super::app::provide_catalog;
use super::components::embed::{focus_heading_on_navigate, EmbedLayout};
use super::components::state::{ErrorView, Loading};
use super::data::fetch_catalog_from;
use super::nav::Nav;
use super::routes::RouteView;
use crate::core::catalog::Catalog;
use crate::core::embed::EmbedSpec;
use crate::core::paths::Paths;

thread_local! {
    /// Mounted widgets by id; dropping a handle unmounts its widget.
    static MOUNTED: RefCell<HashMap<u32, Box<dyn Any>>> = RefCell::new(HashMap::new());
    static NEXT_ID: std::cell::Cell<u32> = const { std::cell::Cell::new(1) };
}

/// Mounts a widget into `container` (inside the shadow root of `host`), reading its view
/// from `host`'s attributes; `site` is the site's absolute URL, ending in `/`. Returns an id
/// for [`unmount_widget`].
#[wasm_bindgen]
pub fn mount_widget(host: web_sys::Element, container: web_sys::HtmlElement, site: String) -> u32 {
    let spec = EmbedSpec::from_values(|name| host.get_attribute(name));
    let handle = leptos::mount::mount_to(container, move || view! { <Widget spec site/> });
    let id = NEXT_ID.get();
    NEXT_ID.set(id + 1);
    MOUNTED.with(|m| m.borrow_mut().insert(id, Box::new(handle)));
    id
}

/// Unmounts the widget `id` (when its element leaves the page).
#[wasm_bindgen]
pub fn unmount_widget(id: u32) {
    let handle = MOUNTED.with(|m| m.borrow_mut().remove(&id));
    drop(handle);
}

/// One widget: its own location, dataset download and views.
#[component]
fn Widget(spec: EmbedSpec, site: String) -> impl IntoView {
    let route = RwSignal::new(spec.route());
    let history = RwSignal::new(Vec::<String>::new());
    let root = NodeRef::<Div>::new();
    let go = Callback::new(move |(to, scroll): (String, bool)| {
        history.update(|h| h.push(route.get_untracked()));
        route.set(to);
        if scroll {
            scroll_into_view_if_above(root);
        }
    });
    let nav = Nav::in_memory(&site, route, go);
    provide_context(nav.clone());
    focus_heading_on_navigate(nav.path(), move || {
        root.get_untracked()?.query_selector("h1").ok()?
    });
    let back = Callback::new(move |()| {
        if let Some(previous) = history.try_update(|h| h.pop()).flatten() {
            route.set(previous);
        }
    });
    let can_go_back = Signal::derive(move || history.with(|h| !h.is_empty()));
    let dataset = Paths::absolute(&site).asset("data/dataset.json");
    let data = LocalResource::new(move || fetch_catalog_from(dataset.clone()));
    view! {
        <div class="mhr-widget" data-theme=spec.theme.key() node_ref=root>
            {move || match data.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Ok(catalog)) => view! { <WidgetViews catalog back=(can_go_back, back)/> }.into_any(),
                Some(Err(failure)) => view! { <ErrorView failure on_retry=move || data.refetch()/> }.into_any(),
            }}
        </div>
    }
}

/// The widget's views, once its dataset is loaded.
#[component]
fn WidgetViews(catalog: Arc<Catalog>, back: (Signal<bool>, Callback<()>)) -> impl IntoView {
    provide_catalog(catalog);
    view! { <EmbedLayout back><RouteView/></EmbedLayout> }
}

/// After opening another view, brings the widget's top into sight if it has scrolled away.
fn scroll_into_view_if_above(root: NodeRef<Div>) {
    if let Some(el) = root.get_untracked() {
        if el.get_bounding_client_rect().top() < 0.0 {
            el.scroll_into_view();
        }
    }
}
