//! Written content kept on the screen until the visitor first uses it, then replaced by the
//! live view: a partner's list widget's first view (`src/ui/widget/written.rs`) and the
//! site's first view of a list or a resource (`src/ui/takeover.rs`).
//!
//! A view's written content (the build wrote it with the same components as the app's,
//! [`crate::ui::prerender`]) reads and links as the live view does; what it cannot do is react
//! to its controls (filters, the sort order, "copy"), which need the view's code, a chunk of
//! the app (`src/ui/split.rs`). So that code downloads when the visitor first reaches into the
//! content (the pointer over it, focus in it, a touch), and the live view then takes the
//! content's place, the same markup: focus stays where it was, clicks on controls that came
//! before the code (filters' checkboxes, a button) are held and then made on the live
//! controls, in order, and an option chosen meanwhile (the sort order) is chosen there too. A plain click on a
//! link of the site opens its view through [`Nav`], as the app's own links do.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, Node};

use super::carry::{at_path, path_of};
use super::nav::{is_plain_click, use_nav, Nav};
use super::routes::Page;
use crate::core::route::Route;

/// `nodes`, a view's written content, in place of `page`'s view until the visitor first
/// reaches into them; then `page`'s view, once its code is there.
pub fn until_used(nodes: Vec<Node>, page: Page) -> AnyView {
    let nav = use_nav();
    let search = nav.search();
    // Set once the code is there: the live view replaces the written one.
    let live = RwSignal::new(false);
    let holder = NodeRef::<Div>::new();
    // The written view's listener: dropped, and so taken off the holder, when the live view
    // takes the written one's place or when this view goes before that (the widget removed,
    // another view opened).
    let listeners = StoredValue::new_local(None);
    holder.on_load(move |el| {
        let listener = keep(el.unchecked_into(), nodes, nav, page, live, listeners);
        listeners.set_value(Some(listener));
    });
    // The address changing under the written view (a link to the same list without its
    // filter, say: the router keeps the view of the same path) leaves it saying what the
    // address no longer does: the live view takes its place then, whatever the visitor did.
    let first = search.get_untracked();
    Effect::new(move |_| {
        if search.get() != first && live.try_get_untracked() == Some(false) {
            listeners.set_value(None);
            live.set(true);
        }
    });
    (move || match live.get() {
        true => page.view(),
        false => view! { <div class="written-view" node_ref=holder></div> }.into_any(),
    })
    .into_any()
}

/// The events by which the visitor first reaches into a written view: its code then
/// downloads.
const APPROACHES: [&str; 3] = ["pointerover", "focusin", "touchstart"];

/// The events the written view acts on before its code comes: they may be held back.
const USES: [&str; 3] = ["click", "keydown", "change"];

/// The written view's event listener on its holder, taken off it when dropped: otherwise it,
/// and the written content through it, would stay alive after the view has gone. One
/// closure for every event, rather than one each: each closure's type adds its own glue to
/// the main module.
struct Listener {
    holder: HtmlElement,
    handler: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        for event in APPROACHES.into_iter().chain(USES) {
            let handler = self.handler.as_ref().unchecked_ref();
            let _ = self.holder.remove_event_listener_with_callback(event, handler);
        }
    }
}

/// Where a written view's listener is kept ([`until_used`]).
type Stored = StoredValue<Option<Listener>, LocalStorage>;

/// What the written view does until the live one takes its place (see the module
/// documentation): `holder` shows `nodes`; links open views through `nav`; `page`'s code
/// downloads on the visitor's first approach, and `live` is set once it is there, when
/// `stored`, where the returned listener is kept, lets it go.
fn keep(
    holder: HtmlElement,
    nodes: Vec<Node>,
    nav: Nav,
    page: Page,
    live: RwSignal<bool>,
    stored: Stored,
) -> Listener {
    // The site's takeover has placed them already (`crate::ui::written`): moving them again
    // would take focus away.
    for node in
        nodes.iter().filter(|n| !n.parent_node().is_some_and(|p| p.is_same_node(Some(&holder))))
    {
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
            let (holder, held, waking) = (holder.clone(), held.clone(), waking.clone());
            leptos::task::spawn_local(async move {
                page.preload().await;
                // The code did not come: a visitor who only came near keeps the readable
                // written content (the next approach tries again); one who used a control is
                // shown the view's failure, which says so and has a retry.
                let used = !held.borrow().clicks.is_empty() || held.borrow().choice.is_some();
                if !page.is_here() && !used {
                    waking.set(false);
                    return;
                }
                // Its listener goes first, in this same task: once the holder has left the
                // page, nothing reaches it.
                stored.set_value(None);
                go_live(&holder, live, held, page).await;
            });
        }
    };
    let target = |event: &web_sys::Event| event.target()?.dyn_into::<Element>().ok();
    // What a click or a key acts on: a select is left to open and change (below).
    let control = move |event: &web_sys::Event| {
        target(event)?.closest("input, button, label, textarea").ok()?
    };
    let within = holder.clone();
    let handler = Closure::new(move |event: web_sys::Event| {
        let holder = &within;
        // The control clicked or pressed, whose click is held for the live view.
        let pressed = match event.type_().as_str() {
            "click" => {
                let Some(mouse) = event.dyn_ref::<web_sys::MouseEvent>() else { return };
                match target(&event).and_then(|t| t.closest("a[href]").ok().flatten()) {
                    None => control(&event),
                    Some(link) => {
                        // As the router: a download, a link to another tab, or an address that
                        // names no view of the app (a citation file) is the browser's.
                        let own = !(link.has_attribute("download") || link.has_attribute("target"));
                        let href = link.get_attribute("href").unwrap_or_default();
                        let route =
                            nav.route_of_link(&href).filter(|r| Route::parse(r) != Route::NotFound);
                        if let Some(route) = route.filter(|_| is_plain_click(mouse) && own) {
                            event.prevent_default();
                            nav.open(route);
                        }
                        None
                    }
                }
            }
            "keydown" => {
                let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>().map(|k| k.key()) else {
                    return;
                };
                // A press on a control waits for its code; keys that move focus are left
                // alone. Enter presses a button only (a checkbox ignores it).
                let pressing = key == " " || key == "Enter";
                control(&event).filter(|c| pressing && (key == " " || c.tag_name() == "BUTTON"))
            }
            "change" => {
                let Some(select) = target(&event).filter(|t| t.tag_name() == "SELECT") else {
                    return;
                };
                let value = js_sys::Reflect::get(&select, &"value".into()).ok();
                if let Some(value) = value.and_then(|v| v.as_string()) {
                    held.borrow_mut().choice = path_of(&select, holder).map(|p| (p, value));
                    wake();
                }
                None
            }
            // An approach.
            _ => {
                wake();
                None
            }
        };
        if let Some(control) = pressed {
            event.prevent_default();
            held.borrow_mut().clicks.extend(path_of(&control, holder));
            wake();
        }
    });
    for event in APPROACHES.into_iter().chain(USES) {
        // Passive unless it may hold the event back: a touch that starts a scroll, say,
        // never waits for the listener.
        let options = web_sys::AddEventListenerOptions::new();
        options.set_passive(APPROACHES.contains(&event));
        let _ = holder.add_event_listener_with_callback_and_add_event_listener_options(
            event,
            handler.as_ref().unchecked_ref(),
            &options,
        );
    }
    Listener { holder, handler }
}

/// What the visitor did to the written view's controls before their code came, each control
/// as its path from the written view's holder.
#[derive(Default)]
struct Held {
    /// The controls clicked (or pressed with Enter or Space), in order; the clicks were held
    /// back.
    clicks: Vec<Vec<u32>>,
    /// The select whose option was changed, and the value chosen.
    choice: Option<(Vec<u32>, String)>,
}

/// Replaces the written view in `holder` with the live one (`live`), then puts focus where
/// it was and does on the same controls in the live view what was done before (`held`): the
/// option chosen, then the clicks.
async fn go_live(holder: &HtmlElement, live: RwSignal<bool>, held: Rc<RefCell<Held>>, page: Page) {
    // Gone live already (the address changed: the held interactions were for what it said),
    // or gone (another view opened while the code came).
    if live.try_get_untracked() != Some(false) {
        return;
    }
    // The view's place: the live view renders where the holder is, without it.
    let Some(place) = holder.parent_element() else { return };
    // The focused element: the widget's shadow root's, or the site's document's.
    let active = match holder.get_root_node().dyn_into::<web_sys::ShadowRoot>() {
        Ok(shadow) => shadow.active_element(),
        Err(_) => document().active_element(),
    };
    let focus = active.and_then(|a| path_of(&a, holder));
    live.set(true);
    // The live view renders in the reactive system's next turn, before the next task.
    super::timers::next_task().await;
    let found = |path: &Vec<u32>| at_path(&place, path)?.dyn_into::<HtmlElement>().ok();
    if let Some(el) = focus.as_ref().and_then(found) {
        let _ = el.focus();
    }
    let Held { clicks, choice } = held.take();
    // Without the code the view says so (and offers a retry): nothing there is the control.
    if !page.is_here() {
        return;
    }
    if let Some((el, value)) = choice.and_then(|(path, value)| Some((found(&path)?, value))) {
        let _ = js_sys::Reflect::set(&el, &"value".into(), &value.into());
        if let Ok(change) = web_sys::Event::new("change") {
            let _ = el.dispatch_event(&change);
        }
    }
    // Each found before any is made: a click may change the view (a filter applied), but not
    // before the next task.
    for el in clicks.iter().filter_map(found).collect::<Vec<_>>() {
        el.click();
    }
}
