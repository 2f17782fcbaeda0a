//! What an unknown address shows: a clear message and ways back in.

use crate::ui::nav::{use_nav, Link};
use leptos::prelude::*;

use crate::core::paths::Paths;
use crate::ui::components::title::use_document_title;

/// In context while the build writes `404.html`: the page a host serves for any address it
/// has no file for, so the address is not known when it is written.
#[derive(Clone, Copy)]
pub struct AnyAddress;

/// The view for paths that match no route.
#[component]
pub fn NotFound() -> impl IntoView {
    use_document_title(|| Some("Page not found".into()));
    let path = use_nav().path();
    let named = use_context::<AnyAddress>().is_none();
    view! {
        <div data-testid="not-found">
            <h1>"Page not found"</h1>
            {if named {
                view! { <p>"There is no page at " <code>{path}</code> "."</p> }.into_any()
            } else {
                view! { <p>"There is no page at this address."</p> }.into_any()
            }}
            <WaysBack/>
        </div>
    }
}

/// The message for a known route with an unknown id: "no section called …".
#[component]
pub fn NotFoundMessage(
    /// What was looked for: "section", "tag", "resource".
    what: &'static str,
    /// The id that matched none.
    id: String,
) -> impl IntoView {
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
            <Link to=Paths::home()>"Go to the home page"</Link>
            " or read " <Link to=Paths::about()>"about this directory"</Link> "."
        </p>
    }
}
