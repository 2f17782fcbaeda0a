//! Document titles: each view names itself, so tabs, history and screen readers can tell
//! views apart. Also the written page's own head tags, which stay only while the visitor is
//! on the page they describe.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::paths::document_title;
use crate::ui::nav::{use_nav, Surface};

/// The site's name in every title.
pub const SITE_NAME: &str = "Midlands Health Resources";

/// Where a page rendered at build time leaves its name, for the page's `<title>` (the
/// same words the running app puts in `document.title`) and the head tags that name it.
#[derive(Clone, Default)]
pub struct TitleSink(std::sync::Arc<std::sync::Mutex<Option<Option<String>>>>);

impl TitleSink {
    /// The title the page named, once it has rendered.
    pub fn title(&self) -> Option<String> {
        self.named().map(|name| document_title(SITE_NAME, name.as_deref()))
    }

    /// The page's own name, without the site's (`None` inside for home, which is the site),
    /// once it has rendered.
    pub fn named(&self) -> Option<Option<String>> {
        self.0.lock().ok().and_then(|t| t.clone())
    }
}

/// Keeps `document.title` in step with the view's name (`None` for the site name alone).
/// The widget leaves the title alone: the document is its host's. Rendered at build time,
/// the title goes to the [`TitleSink`] in context instead.
pub fn use_document_title(page: impl Fn() -> Option<String> + 'static) {
    if use_nav().surface() == Surface::Widget {
        return;
    }
    if let Some(sink) = use_context::<TitleSink>() {
        if let Ok(mut title) = sink.0.lock() {
            *title = Some(untrack(&page).filter(|name| !name.trim().is_empty()));
        }
        return;
    }
    Effect::new(move |_| {
        let title = document_title(SITE_NAME, page().as_deref());
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&title);
        }
    });
}

/// The mark the build puts on a written page's own head tags (its description, Open Graph
/// tags, citation tags and JSON-LD).
pub const PAGE_HEAD_MARK: &str = "data-mhr-page";

/// Removes the written page's own head tags once the visitor moves to another view: they
/// describe the page the visitor landed on, and a reference manager or a share button reading
/// the head later must not take one resource's citation for another's. The tags are not
/// rewritten for the new view (the app does not carry the code that writes them); a reload
/// of any address brings its own.
pub fn forget_page_head_on_navigate(path: Memo<String>) {
    Effect::new(move |previous: Option<String>| {
        let now = path.get();
        if previous.is_some_and(|p| p != now) {
            let selector = format!("head [{PAGE_HEAD_MARK}]");
            if let Ok(tags) = document().query_selector_all(&selector) {
                for i in 0..tags.length() {
                    if let Some(tag) =
                        tags.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                    {
                        tag.remove();
                    }
                }
            }
        }
        now
    });
}
