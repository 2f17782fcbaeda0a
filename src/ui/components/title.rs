//! Document titles: each view names itself, so tabs, history and screen readers can tell
//! views apart.

use leptos::prelude::*;

use crate::core::paths::document_title;
use crate::ui::nav::{use_nav, Surface};

/// The site's name in every title.
pub const SITE_NAME: &str = "Midlands Health Resources";

/// Where a page rendered at build time leaves its title, for the page's `<title>`: the
/// same words the running app puts in `document.title`.
#[derive(Clone, Default)]
pub struct TitleSink(std::sync::Arc<std::sync::Mutex<Option<String>>>);

impl TitleSink {
    /// The title the page named, once it has rendered.
    pub fn title(&self) -> Option<String> {
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
            *title = Some(untrack(|| document_title(SITE_NAME, page().as_deref())));
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
