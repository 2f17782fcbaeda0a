//! What the visitor sees before the dataset is ready: a loading state, or an error view
//! that says what is wrong and offers a retry.

use leptos::prelude::*;

use super::title::SITE_NAME;
use crate::ui::LoadFailure;

/// Shown while the dataset downloads.
#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <main id="main" class="container loading" aria-busy="true">
            <h1>{SITE_NAME}</h1>
            <p role="status" data-testid="loading"><span class="spinner" aria-hidden="true"></span>"Loading the directory…"</p>
        </main>
    }
}

/// Shown when the dataset cannot be used: the reason in plain words, each located problem,
/// and a retry button.
#[component]
pub fn ErrorView(
    /// What went wrong.
    failure: LoadFailure,
    /// Called when the visitor asks to try again.
    on_retry: impl Fn() + 'static,
) -> impl IntoView {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(&format!("Error · {SITE_NAME}"));
    }
    let problems = failure.problems();
    let count = problems.len();
    view! {
        <main id="main" class="container error-view" data-testid="error-view">
            <h1>"The directory could not be loaded"</h1>
            <p role="alert">{failure.summary()}</p>
            {(count > 0).then(|| view! {
                <h2>{format!("{count} problem(s) found in the data")}</h2>
                <ul class="problems" data-testid="problems">
                    {problems.into_iter().take(50).map(|p| view! {
                        <li>
                            <strong>{p.record}</strong>
                            {(!p.field.is_empty()).then(|| view! { ", field " <code>{p.field}</code> })}
                            ": " {p.message}
                        </li>
                    }).collect_view()}
                </ul>
                {(count > 50).then(|| view! { <p>{format!("…and {} more.", count - 50)}</p> })}
            })}
            <p>"Your connection may have dropped, or the site may be mid-update. Trying again often helps."</p>
            <button type="button" class="button" on:click=move |_| on_retry()>"Try again"</button>
        </main>
    }
}
