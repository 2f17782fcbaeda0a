//! Text with matched words marked, rendered as text nodes and `<mark>` elements only.

use leptos::prelude::*;

use crate::core::search::Segment;

/// Renders segments; matched ones inside `<mark>`.
#[component]
pub fn Highlighted(
    /// The text, split into matched and unmatched runs.
    segments: Vec<Segment>,
) -> impl IntoView {
    segments
        .into_iter()
        .map(|s| if s.hit { view! { <mark>{s.text}</mark> }.into_any() } else { s.text.into_any() })
        .collect_view()
}
