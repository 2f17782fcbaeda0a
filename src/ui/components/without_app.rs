//! What stands in for the controls that need the app, where it does not run: with scripts
//! off, or when it could not start (the start-up script then marks `<html class="no-app">`).
//!
//! Every page is written with its content at build time, so it reads the same without the
//! app; only searching, filtering, sorting, copying and the like need it. Those controls carry
//! the class `needs-app`, and the stylesheet hides them where the app cannot run; in their
//! place a [`WithoutApp`] note says so in plain words and points to the pages that need no
//! script: each section's and each tag's. With the app running the note is hidden, and both
//! are in the markup either way, so the app takes a page over without moving anything.

use leptos::prelude::*;

use super::links::TagLinks;
use super::use_catalog;
use crate::core::model::TagKind;
use crate::core::paths::Paths;
use crate::ui::nav::Link;

/// A note shown only where the app does not run.
#[component]
pub fn WithoutApp(
    /// What it says.
    children: Children,
) -> impl IntoView {
    view! { <div class="without-app" data-testid="without-app">{children()}</div> }
}

/// "What needs the app", then every section and every tag as links, by kind.
#[component]
pub fn PagesWithoutApp(
    /// What needs the app, as a sentence: "Filtering needs JavaScript".
    needs: &'static str,
) -> impl IntoView {
    let catalog = use_catalog();
    let sections = catalog.data().sections.clone();
    let kinds = TagKind::ALL
        .into_iter()
        .filter_map(|kind| {
            let tags: Vec<_> =
                catalog.tags_of_kind(kind).into_iter().map(|(t, _)| t.clone()).collect();
            (!tags.is_empty()).then(|| {
                view! {
                    <p class="without-app-kind">{kind.label()}</p>
                    <TagLinks tags label=kind.label()/>
                }
            })
        })
        .collect_view();
    view! {
        <WithoutApp>
            <p>
                {needs} ", which is off or could not start in this browser. Every section and every tag has a page of its own:"
            </p>
            <p class="without-app-kind">"Sections"</p>
            <ul class="tags" aria-label="Sections">
                {sections.into_iter().map(|s| view! {
                    <li><Link to=Paths::section(&s.id) class="tag">{s.title}</Link></li>
                }).collect_view()}
            </ul>
            {kinds}
        </WithoutApp>
    }
}
