//! The compact layout of an embedded view (in a partner's iframe or in the widget), and
//! what keeps the iframe sized to it.
//!
//! In a frame the layout posts its height to the parent page whenever it changes, as
//! `{type: "mhr-embed:height", frame, height}` (see `public/embed.js` and the README). The
//! parent's script may load after the first message was sent, so it can ask again with
//! `{type: "mhr-embed:hello"}`.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::title::SITE_NAME;
use crate::ui::nav::{use_nav, Surface};
use crate::ui::routes::Page;

/// Message type of a height report.
const HEIGHT_MESSAGE: &str = "mhr-embed:height";
/// Message type of the parent's request for a report.
const HELLO_MESSAGE: &str = "mhr-embed:hello";

/// Compact layout: a search box, the view, and a link to the same view on the full site.
#[component]
pub fn EmbedLayout(
    /// The partner's id for this frame, echoed in height reports.
    #[prop(optional)]
    frame_id: String,
    /// In the widget: whether there is a view to go back to, and how.
    #[prop(optional)]
    back: Option<(Signal<bool>, Callback<()>)>,
    /// The search box's code, where the binary has it: linked into the widget's, in the
    /// chunk `search` in the site's (a frame shows the box once its code is there), so that
    /// the views' chunk, which holds this layout, does not reach it.
    search_box: Option<Page>,
    /// The view.
    children: Children,
) -> impl IntoView {
    let nav = use_nav();
    let root = NodeRef::<Div>::new();
    if nav.surface() == Surface::Frame {
        root.on_load(move |el| report_height(el.into(), frame_id));
    }
    let full_view = {
        let nav = nav.clone();
        move || nav.current_url_tracked()
    };
    let back_button = back.map(|(can, go)| {
        view! {
            <button type="button" class="button secondary embed-back" disabled=move || !can.get()
                on:click=move |_| go.run(())>
                <span aria-hidden="true">"← "</span>"Back"
            </button>
        }
    });
    let content = children();
    let body = if nav.surface() == Surface::Widget {
        // The host page has its own main landmark; the widget is a labelled region in it.
        view! { <section class="embed-main" aria-label=SITE_NAME>{content}</section> }.into_any()
    } else {
        view! { <main id="main" tabindex="-1" class="embed-main">{content}</main> }.into_any()
    };
    view! {
        <div class="embed" node_ref=root>
            <div class="embed-bar">
                {back_button}
                {search_box.map(Page::quiet_view)}
            </div>
            {body}
            <p class="embed-credit">
                <a href=full_view target="_blank" rel="noopener" data-testid="embed-credit">
                    "Open in " {SITE_NAME}
                    <span class="visually-hidden">" (opens in a new tab)"</span>
                    <span aria-hidden="true">" ↗"</span>
                </a>
            </p>
        </div>
    }
}

/// Posts the layout's height to the parent page now, whenever it changes, and whenever the
/// parent asks.
fn report_height(el: web_sys::Element, frame: String) {
    let Some(parent) = window().parent().ok().flatten() else { return };
    let post = {
        let el = el.clone();
        let parent = parent.clone();
        move || {
            let height = el.get_bounding_client_rect().height().ceil();
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
            let _ = js_sys::Reflect::set(&message, &"frame".into(), &frame.as_str().into());
            let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
            // The height is no secret, and the partner's origin is not known in advance.
            let _ = parent.post_message(&message, "*");
        }
    };
    post();
    let on_resize = Closure::<dyn Fn()>::new(post.clone());
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&el);
    }
    // The observer and listener live as long as the page.
    on_resize.forget();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let from_parent = ev.source().is_some_and(|s| {
                let parent: &JsValue = parent.as_ref();
                JsValue::from(s) == *parent
            });
            let kind =
                js_sys::Reflect::get(&ev.data(), &"type".into()).ok().and_then(|t| t.as_string());
            if from_parent && kind.as_deref() == Some(HELLO_MESSAGE) {
                post();
            }
        });
    let _ =
        window().add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget();
}

/// Finds the element focus should move to.
type Target = Box<dyn Fn() -> Option<web_sys::Element>>;

thread_local! {
    /// A navigation's focus move that found no heading yet (its page was still loading).
    static PENDING_FOCUS: std::cell::RefCell<Option<Target>> = const { std::cell::RefCell::new(None) };
}

/// After a navigation to another view, moves focus to its heading (found by `heading`), so
/// screen readers announce the new view and keyboard users continue from its top. Changes
/// of the query string alone (filters, sort) keep focus where it is. A view that is still
/// loading has no heading yet: it calls [`focus_pending_heading`] once it shows.
pub fn focus_heading_on_navigate(
    path: Memo<String>,
    heading: impl Fn() -> Option<web_sys::Element> + Clone + 'static,
) {
    Effect::new(move |previous: Option<String>| {
        let now = path.get();
        if previous.is_some_and(|p| p != now) {
            let heading = heading.clone();
            request_animation_frame(move || {
                PENDING_FOCUS.with(|p| p.borrow_mut().take());
                if !focus(heading()) {
                    PENDING_FOCUS.with(|p| *p.borrow_mut() = Some(Box::new(heading)));
                }
            });
        }
        now
    });
}

/// Moves focus to the heading a navigation is waiting for, if one is and it is there now.
pub fn focus_pending_heading() {
    let target = PENDING_FOCUS.with(|p| p.borrow().as_ref().and_then(|heading| heading()));
    if focus(target) {
        PENDING_FOCUS.with(|p| p.borrow_mut().take());
    }
}

fn focus(heading: Option<web_sys::Element>) -> bool {
    match heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(h) => {
            let _ = h.set_attribute("tabindex", "-1");
            let _ = h.focus();
            true
        }
        None => false,
    }
}
