//! What an unknown address shows: a clear message and ways back in.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::core::paths::Paths;
use crate::ui::components::title::use_document_title;
use crate::ui::href;

/// The view for paths that match no route.
#[component]
pub fn NotFound() -> impl IntoView {
    use_document_title(|| Some("Page not found".into()));
    let location = use_location();
    view! {
        <div data-testid="not-found">
            <h1>"Page not found"</h1>
            <p>"There is no page at " <code>{move || location.pathname.get()}</code> "."</p>
            <WaysBack/>
        </div>
    }
}

/// The message for a known route with an unknown id: "no section called …".
#[component]
pub fn NotFoundMessage(what: &'static str, id: String) -> impl IntoView {
    let shown: String = id.chars().take(80).collect();
    view! {
        <div data-testid="not-found">
            <h1>{format!("No {what} found")}</h1>
            <p>{format!("There is no {what} called \u{201c}{shown}\u{201d}. It may have been renamed or removed.")}</p>
            <WaysBack/>
        </div>
    }
}

#[component]
fn WaysBack() -> impl IntoView {
    view! {
        <p>
            <A href=href(Paths::home())>"Go to the home page"</A>
            " or read " <A href=href(Paths::about())>"about this directory"</A> "."
        </p>
    }
}
