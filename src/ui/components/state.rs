//! What the visitor sees before the dataset is ready: a loading state, or an error view
//! that says what is wrong and offers a retry. Neither is a page of its own (no `<main>`, no
//! title): on the site they stand above a written page's content, which stays readable, and
//! in the widget they sit inside the partner's page.

use leptos::prelude::*;

use super::title::SITE_NAME;
use crate::ui::LoadFailure;

/// Shown while the dataset downloads.
#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <div class="loading" aria-busy="true">
            <h1>{SITE_NAME}</h1>
            <p role="status" data-testid="loading"><span class="spinner" aria-hidden="true"></span>"Loading the directory…"</p>
        </div>
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
    let problems = failure.problems();
    let count = problems.len();
    view! {
        <section class="error-view" data-testid="error-view" aria-labelledby="error-view-title">
            <h2 id="error-view-title">"The directory could not start"</h2>
            <p role="alert">{failure.summary()}</p>
            {(count > 0).then(|| view! {
                <h3>{format!("{count} problem(s) found in the data")}</h3>
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
        </section>
    }
}
