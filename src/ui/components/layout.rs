//! The frame around every view: skip link, header with navigation, footer with provenance.

use leptos::prelude::*;
use leptos_router::components::A;

use super::links::ExternalLink;
use super::search_box::SearchBox;
use super::title::SITE_NAME;
use super::use_catalog;
use crate::core::paths::Paths;
use crate::ui::href;

/// Lets keyboard users jump past the navigation.
#[component]
pub fn SkipLink() -> impl IntoView {
    view! { <a class="skip-link" href="#main">"Skip to content"</a> }
}

/// Site name and the main navigation.
#[component]
pub fn Header() -> impl IntoView {
    let catalog = use_catalog();
    let sections = catalog.data().sections.clone();
    view! {
        <header class="site-header">
            <div class="container header-inner">
                <A href=href(Paths::home()) attr:class="brand">
                    <span class="brand-mark" aria-hidden="true"></span>
                    {SITE_NAME}
                </A>
                <SearchBox/>
                <nav aria-label="Main">
                    <ul class="nav-list">
                        {sections
                            .into_iter()
                            .map(|s| view! { <li><A href=href(Paths::section(&s.id))>{short_title(&s.title)}</A></li> })
                            .collect_view()}
                        <li><A href=href(Paths::browse())>"Browse"</A></li>
                        <li><A href=href(Paths::compare(&[]))>"Compare"</A></li>
                        <li><A href=href(Paths::about())>"About"</A></li>
                    </ul>
                </nav>
            </div>
        </header>
    }
}

/// Where the data comes from, under every view.
#[component]
pub fn Footer() -> impl IntoView {
    let catalog = use_catalog();
    let meta = catalog.data().meta.clone();
    view! {
        <footer class="site-footer">
            <div class="container">
                <p>
                    "Compiled from the " <ExternalLink link=meta.source/> " curated by "
                    {meta.curator} ". Data updated " {meta.updated} "."
                </p>
                <p>{meta.licence} ". " <A href=href(Paths::about())>"About this directory"</A></p>
            </div>
        </footer>
    }
}

/// Section titles are long; the navigation shows their first words.
fn short_title(title: &str) -> String {
    match title {
        t if t.to_lowercase().contains("strength") => "Strengths".into(),
        t if t.to_lowercase().contains("challenge") => "Challenges".into(),
        t if t.to_lowercase().starts_with("additional") => "More resources".into(),
        t => t.into(),
    }
}
