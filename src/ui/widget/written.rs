//! A list widget's first view, from the page the build wrote for its address: the widget
//! loads its views the way the site loads its own.
//!
//! A widget of a list (browse, a section, a resource, with no filter or search chosen in its
//! attributes) shows a view the build has already written as a page of the site
//! (`browse/index.html`, `section/<id>/index.html`, …), with the same components as the app's
//! ([`crate::ui::prerender`]). So rather than downloading the lists' code (the chunk `pages`
//! and its shared chunks, about 80 KB brotli, most of a list widget's first load) to render
//! that view, the widget downloads the page (about 4 KB) beside the dataset, and shows the
//! content of its `<main>`, as the site's app keeps home's written content
//! ([`crate::ui::written`]). The lists' code downloads when the visitor first reaches into
//! the widget (the pointer over it, focus in it, a touch), and the written view is then
//! replaced by the live one, the same markup: focus stays where it was, a click on a
//! control that came before the code (a filter's checkbox, a button) is held and then made on
//! the live control, and an option chosen meanwhile (the sort order) is chosen there too.
//!
//! Links in the written view are made absolute against the page's address, as the widget's
//! own links are ([`crate::ui::nav::Nav::in_memory`]), and a plain click on one of the site's
//! opens its view in the widget. The page is the site's own file, from the same build as
//! `widget.js` and the dataset, whose text its server-side rendering escaped; it is parsed
//! with `DOMParser` (which runs no script) and only the nodes of its `<main>` are taken. It is
//! used only when it was written from the very dataset the widget read (its
//! `<meta name="mhr-dataset">` fingerprint): otherwise, or when it does not come, the widget
//! renders the view from its code as before.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, Node};

use crate::core::route::{split_route, Route};
use crate::ui::data::parse_checked;
use crate::ui::nav::{use_nav, Nav};
use crate::ui::routes::{Pages, RouteView};
use crate::ui::takeover::{at_path, path_of};

/// Largest page taken, in bytes: a page of the site is a few tens of kilobytes.
const LARGEST_PAGE: usize = 4 << 20;

/// The content of a written page's `<main>`, ready to be shown in a widget, once.
pub struct WrittenView(RefCell<Option<Vec<Node>>>);

impl WrittenView {
    /// The nodes, unless they have been taken already.
    pub fn take(&self) -> Option<Vec<Node>> {
        self.0.take()
    }
}

/// Whether the build wrote a page for the widget's first `route` that the widget can start
/// from: a list view or a resource, with nothing in its query string (no page is written for
/// a filter or a search).
pub fn is_written(route: &str) -> bool {
    let (path, query) = split_route(route);
    query.is_empty()
        && matches!(
            Route::parse(path),
            Route::Browse | Route::Section(_) | Route::Resource(_) | Route::Tag(_)
        )
}

/// Starts downloading the page at `url` (read it with [`read`]).
pub fn download(url: &str) -> Option<(String, js_sys::Promise)> {
    Some((url.to_string(), web_sys::window()?.fetch_with_str(url)))
}

/// The content of the page being downloaded (`page`, from [`download`]), if it comes, has
/// such content, and was written from the dataset whose fingerprint is `dataset`.
pub async fn read(
    page: Option<(String, js_sys::Promise)>,
    dataset: u64,
) -> Option<Rc<WrittenView>> {
    use wasm_bindgen_futures::JsFuture;
    let (url, page) = page?;
    let response: web_sys::Response = JsFuture::from(page).await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?).await.ok()?.as_string()?;
    if text.len() > LARGEST_PAGE {
        return None;
    }
    let parser = web_sys::DomParser::new().ok()?;
    let page = parser.parse_from_string(&text, web_sys::SupportedType::TextHtml).ok()?;
    let written_from = page
        .query_selector("meta[name=mhr-dataset]")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .and_then(|content| parse_checked(&content));
    if written_from != Some(dataset) {
        return None;
    }
    let main = page.query_selector("[data-mhr-root] main").ok()??;
    let document = document();
    // The collection is live: each element leaves it as it is adopted.
    let children = main.children();
    let elements: Vec<Element> = (0..children.length()).filter_map(|i| children.item(i)).collect();
    let mut nodes = Vec::new();
    for child in elements {
        absolute_links(&child, &url);
        nodes.push(document.adopt_node(&child).ok()?);
    }
    Some(Rc::new(WrittenView(RefCell::new(Some(nodes)))))
}

/// Makes every `href` in `el` (itself included) absolute against `page`, the address it was
/// written for: in the widget they would otherwise resolve against the partner's page.
fn absolute_links(el: &Element, page: &str) {
    let mut linked = vec![el.clone()];
    if let Ok(list) = el.query_selector_all("[href]") {
        linked.extend((0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()));
    }
    for el in linked {
        let Some(href) = el.get_attribute("href") else { continue };
        if let Ok(url) = web_sys::Url::new_with_base(&href, page) {
            let _ = el.set_attribute("href", &url.href());
        }
    }
}

/// The widget's views: the written first view while it is kept (`written`), then each route's
/// view from its code.
#[component]
pub fn WidgetRoutes(
    /// Where the pages come from.
    pages: Pages,
    /// The first view's written content, when the widget starts from it.
    written: Option<Vec<Node>>,
) -> impl IntoView {
    let Some(nodes) = written else { return view! { <RouteView pages/> }.into_any() };
    let nav = use_nav();
    let route = nav.route();
    let first = route.get_untracked();
    // Set once the first view's code is there: the live view replaces the written one.
    let live = RwSignal::new(false);
    // Once the written view has gone, it never comes back (its nodes went with it).
    let gone = StoredValue::new(false);
    let holder = NodeRef::<Div>::new();
    holder.on_load({
        let (nav, first) = (nav.clone(), first.clone());
        move |el| keep(el.unchecked_into(), nodes, nav, pages, first, live)
    });
    (move || {
        let now = route.get();
        if live.get() || now != first || gone.get_value() {
            gone.set_value(true);
            return pages.of(&now).view();
        }
        view! { <div class="written-view" node_ref=holder></div> }.into_any()
    })
    .into_any()
}

/// What the written view does until the live one takes its place (see the module
/// documentation): `holder` shows `nodes`; links open views through `nav`; the first
/// view's code (`first`, from `pages`) downloads on the visitor's first approach, and `live`
/// is set once it is there.
fn keep(
    holder: HtmlElement,
    nodes: Vec<Node>,
    nav: Nav,
    pages: Pages,
    first: Route,
    live: RwSignal<bool>,
) {
    for node in &nodes {
        let _ = holder.append_child(node);
    }
    let held: Rc<RefCell<Held>> = Rc::default();
    let waking = Rc::new(Cell::new(false));
    let wake = {
        let (holder, held) = (holder.clone(), held.clone());
        move || {
            if waking.replace(true) {
                return;
            }
            let (holder, held, first) = (holder.clone(), held.clone(), first.clone());
            leptos::task::spawn_local(async move {
                pages.of(&first).preload().await;
                go_live(&holder, live, held).await;
            });
        }
    };
    let listen = |event: &str, handler: Closure<dyn FnMut(web_sys::Event)>| {
        let _ = holder.add_event_listener_with_callback(event, handler.as_ref().unchecked_ref());
        // The holder, with its listeners, leaves the page with the written view.
        handler.forget();
    };
    for approach in ["pointerover", "focusin", "touchstart"] {
        let wake = wake.clone();
        listen(approach, Closure::new(move |_| wake()));
    }
    let target = |event: &web_sys::Event| event.target()?.dyn_into::<Element>().ok();
    // What a click or a key acts on: a select is left to open and change (below).
    let control = move |event: &web_sys::Event| {
        target(event)?.closest("input, button, label, textarea").ok()?
    };
    {
        let (holder, held, wake) = (holder.clone(), held.clone(), wake.clone());
        listen(
            "click",
            Closure::new(move |event: web_sys::Event| {
                let Some(mouse) = event.dyn_ref::<web_sys::MouseEvent>() else { return };
                let link = target(&event).and_then(|t| t.closest("a[href]").ok().flatten());
                if let Some(link) = link {
                    let plain = mouse.button() == 0
                        && !(mouse.ctrl_key()
                            || mouse.meta_key()
                            || mouse.shift_key()
                            || mouse.alt_key());
                    let href = link.get_attribute("href").unwrap_or_default();
                    if let Some(route) = nav.route_of_link(&href).filter(|_| plain) {
                        event.prevent_default();
                        nav.open(route);
                    }
                } else if let Some(control) = control(&event) {
                    event.prevent_default();
                    held.borrow_mut().click = path_of(&control, &holder);
                    wake();
                }
            }),
        );
    }
    {
        let (holder, held, wake) = (holder.clone(), held.clone(), wake.clone());
        listen(
            "keydown",
            Closure::new(move |event: web_sys::Event| {
                let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>().map(|k| k.key()) else {
                    return;
                };
                // A press on a control waits for its code; keys that move focus are left alone.
                if key != "Enter" && key != " " {
                    return;
                }
                if let Some(control) = control(&event) {
                    event.prevent_default();
                    held.borrow_mut().click = path_of(&control, &holder);
                    wake();
                }
            }),
        );
    }
    {
        let (holder, held) = (holder.clone(), held.clone());
        listen(
            "change",
            Closure::new(move |event: web_sys::Event| {
                let Some(select) = target(&event).filter(|t| t.tag_name() == "SELECT") else {
                    return;
                };
                let value = js_sys::Reflect::get(&select, &"value".into()).ok();
                if let Some(value) = value.and_then(|v| v.as_string()) {
                    held.borrow_mut().choice = path_of(&select, &holder).map(|p| (p, value));
                    wake();
                }
            }),
        );
    }
}

/// What the visitor did to the written view's controls before their code came, each control
/// as its path from the written view's holder.
#[derive(Default)]
struct Held {
    /// The control clicked (or pressed with Enter or Space); the click was held back.
    click: Option<Vec<u32>>,
    /// The select whose option was changed, and the value chosen.
    choice: Option<(Vec<u32>, String)>,
}

/// Replaces the written view in `holder` with the live one (`live`), then puts focus where
/// it was and does on the same controls in the live view what was done before (`held`): the
/// option chosen, then the click.
async fn go_live(holder: &HtmlElement, live: RwSignal<bool>, held: Rc<RefCell<Held>>) {
    // The view's place: the live view renders where the holder is, without it.
    let Some(place) = holder.parent_element() else { return };
    let shadow = holder.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok();
    let active = shadow.and_then(|s| s.active_element());
    let focus = active.and_then(|a| path_of(&a, holder));
    live.set(true);
    // The live view renders in the reactive system's next turn.
    let turn = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(turn).await;
    let found = |path: &Vec<u32>| at_path(&place, path)?.dyn_into::<HtmlElement>().ok();
    if let Some(el) = focus.as_ref().and_then(found) {
        let _ = el.focus();
    }
    let Held { click, choice } = held.take();
    if let Some((el, value)) = choice.and_then(|(path, value)| Some((found(&path)?, value))) {
        let _ = js_sys::Reflect::set(&el, &"value".into(), &value.into());
        if let Ok(change) = web_sys::Event::new("change") {
            let _ = el.dispatch_event(&change);
        }
    }
    if let Some(el) = click.as_ref().and_then(found) {
        el.click();
    }
}
