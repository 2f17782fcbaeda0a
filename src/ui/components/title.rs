//! Document titles: each view names itself, so tabs, history and screen readers can tell
//! views apart.

use leptos::prelude::*;

use crate::core::paths::document_title;
use crate::ui::nav::{use_nav, Surface};

/// The site's name in every title.
pub const SITE_NAME: &str = "Midlands Health Resources";

/// Keeps `document.title` in step with the view's name (`None` for the site name alone).
/// The widget leaves the title alone: the document is its host's.
pub fn use_document_title(page: impl Fn() -> Option<String> + 'static) {
    if use_nav().surface() == Surface::Widget {
        return;
    }
    Effect::new(move |_| {
        let title = document_title(SITE_NAME, page().as_deref());
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&title);
        }
    });
}
