//! What was dropped from a hand-edited address, said briefly above the view.

use leptos::prelude::*;

/// The notices, as a list in a note; nothing when there are none.
#[component]
pub fn Notices(
    /// The notices, reactively.
    #[prop(into)]
    notices: Signal<Vec<String>>,
) -> impl IntoView {
    move || {
        notices.with(|list| {
            (!list.is_empty()).then(|| {
                let items = list.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view();
                view! { <div class="notice" role="note" data-testid="notices"><ul>{items}</ul></div> }
            })
        })
    }
}
