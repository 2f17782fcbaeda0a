//! The frame around every view: skip link, header with navigation, footer with provenance.

use crate::ui::nav::{use_nav, Link};
use leptos::prelude::*;

use super::links::ExternalLink;
use super::title::SITE_NAME;
use super::use_catalog;
use crate::core::paths::Paths;
use crate::ui::routes::Page;

/// Lets keyboard users jump past the navigation.
///
/// Its address is the page's own with `#main`: a bare `#main` resolves against `<base href>`,
/// which is the site's root, and would lead every other page to home. `target="_self"` leaves
/// it to the browser, which moves focus to `<main>` (the router would only scroll).
#[component]
pub fn SkipLink() -> impl IntoView {
    let nav = use_nav();
    let (path, search) = (nav.path(), nav.search());
    let href = move || format!("{}{}#main", nav.href(&path.get()), search.get());
    view! { <a class="skip-link" href=href target="_self">"Skip to content"</a> }
}

/// Site name, the search box and the main navigation.
#[component]
pub fn Header(
    /// The search box's code, where the binary has it (see [`search_box`]).
    search_box: Option<Page>,
) -> impl IntoView {
    let catalog = use_catalog();
    let sections = catalog.data().sections.clone();
    view! {
        <header class="site-header">
            <div class="container header-inner">
                <Link to=Paths::home() class="brand">
                    <span class="brand-mark" aria-hidden="true"></span>
                    {SITE_NAME}
                </Link>
                {search_box.map(box_from)}
                <nav aria-label="Main">
                    <ul class="nav-list">
                        {sections
                            .into_iter()
                            .map(|s| view! { <li><Link to=Paths::section(&s.id) mark_current=true>{short_title(&s.title)}</Link></li> })
                            .collect_view()}
                        <li><Link to=Paths::browse() mark_current=true>"Browse"</Link></li>
                        <li><Link to=Paths::compare(&[]) mark_current=true>"Compare"</Link></li>
                        <li><Link to=Paths::about() mark_current=true>"About"</Link></li>
                    </ul>
                </nav>
            </div>
        </header>
    }
}

/// The header's search box from its code (`search_box`): in the site's binary, in the chunk
/// `search`, which downloads as the app starts. Until it is there, the written box stands in
/// for it, a plain form that leads to the results page ([`crate::ui::written`]); if it never
/// comes, that form stays. In the main module, the box and what it reaches (the index's
/// build, its events) were 11 KB brotli (README, Size).
fn box_from(search_box: Page) -> AnyView {
    match search_box {
        Page::Linked(view) => view(),
        Page::Split(load) => {
            let shown = RwSignal::new(None);
            #[cfg(target_arch = "wasm32")]
            crate::ui::written::stand_in_for_search_box(load, shown, use_nav());
            #[cfg(not(target_arch = "wasm32"))]
            let _ = load;
            (move || shown.get().map(|view: crate::ui::deferred::PageView| view())).into_any()
        }
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
                <p>
                    {meta.licence} ". " <Link to=Paths::about()>"About this directory"</Link>
                    " · " <Link to=Paths::embed()>"Embed it on your site"</Link>
                </p>
            </div>
        </footer>
    }
}

/// Section titles are long; the navigation shows their first words. The words looked for are
/// ASCII, so ASCII lower-casing finds them as Unicode's would, without Unicode's case tables
/// in the main module (11.5 KB; see the README's Size).
fn short_title(title: &str) -> String {
    let lower = title.to_ascii_lowercase();
    if lower.contains("strength") {
        "Strengths".into()
    } else if lower.contains("challenge") {
        "Challenges".into()
    } else if lower.starts_with("additional") {
        "More resources".into()
    } else {
        title.into()
    }
}
