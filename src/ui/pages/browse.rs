//! Browse every resource, filtered by tags and sections, in the order chosen.

use leptos::prelude::*;

use crate::core::paths::Paths;
use crate::ui::components::browse::Browse;
use crate::ui::components::title::use_document_title;

/// The browse view.
#[component]
pub fn BrowsePage() -> impl IntoView {
    use_document_title(|| Some("Browse".into()));
    view! {
        <h1>"Browse all resources"</h1>
        <Browse path=Paths::browse()/>
    }
}
