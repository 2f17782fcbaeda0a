//! Entry point of the web app: mounts it with its pages, each split out of this binary's
//! wasm into a chunk that downloads when the page is first shown. Everything else lives in
//! the library.
//!
//! Each `#[wasm_split(NAME, …)]` function is a split point: its body, and whatever only it
//! reaches, goes into the chunk `NAME` (functions naming the same chunk share it; code that
//! several chunks reach goes into a shared chunk that loads with them). Calling it downloads
//! and instantiates the chunk once, then returns the body's result. `fallible` makes a
//! failed download an `Err` (the default would abort the whole app), which
//! [`mhr::ui::deferred::deferred`] shows as a message with a retry. When the app takes over
//! a page written at build time, it downloads that page's chunk first
//! ([`mhr::ui::routes::Page::preload`]).
//!
//! The split points live here, in the one binary that is split (`xtask/src/app_build.rs`):
//! they are exported symbols, so any binary of the library's would keep them and all they
//! reach, and one that is not split would not start (an import nothing provides). The
//! widget's binary links its pages in instead (`Pages::linked`).

#[cfg(target_arch = "wasm32")]
mod split {
    use leptos::prelude::*;
    use leptos::wasm_split::{wasm_split, SplitLoaderError};
    use mhr::core::search::Engine;
    use mhr::ui::deferred::Loaded;
    use mhr::ui::pages::{about::About, browse::BrowsePage, compare::ComparePage};
    use mhr::ui::pages::{embed::EmbedBuilder, resource::ResourcePage, search::SearchPage};
    use mhr::ui::pages::{section::SectionPage, tag::TagPage};
    use mhr::ui::routes::{Page, Pages};
    use mhr::ui::search_index::SearchCode;

    /// `split_page!(GROUP, name, Page)`: the split point `name`, in the chunk `GROUP`, whose
    /// body makes the page component `Page`.
    macro_rules! split_page {
        ($group:ident, $name:ident, $page:ident) => {
            #[wasm_split($group, wasm_split_path = ::leptos::wasm_split, fallible)]
            fn $name() -> Loaded {
                Ok(|| view! { <$page/> }.into_any())
            }
        };
    }

    split_page!(compare, compare_page, ComparePage);
    split_page!(builder, builder_page, EmbedBuilder);
    split_page!(pages, about_page, About);
    split_page!(pages, resource_page, ResourcePage);
    split_page!(pages, section_page, SectionPage);
    split_page!(pages, tag_page, TagPage);
    split_page!(pages, browse_page, BrowsePage);
    split_page!(pages, search_page, SearchPage);

    /// The search engine (`mhr::core::search::Engine`), until the index is first asked for
    /// (the first idle moment after start-up, or the search box's focus): building
    /// the index and running queries. The results views link it in, so it is also in the
    /// chunk they share with this one.
    #[wasm_split(search, wasm_split_path = ::leptos::wasm_split, fallible)]
    fn search_engine() -> Result<Engine, SplitLoaderError> {
        Ok(Engine::linked())
    }

    /// The site's pages, each from its chunk, and the search engine.
    pub fn pages() -> Pages {
        Pages {
            section: Page::Split(|| Box::pin(section_page())),
            resource: Page::Split(|| Box::pin(resource_page())),
            tag: Page::Split(|| Box::pin(tag_page())),
            browse: Page::Split(|| Box::pin(browse_page())),
            compare: Page::Split(|| Box::pin(compare_page())),
            search: Page::Split(|| Box::pin(search_page())),
            about: Page::Split(|| Box::pin(about_page())),
            builder: Some(Page::Split(|| Box::pin(builder_page()))),
            search_engine: SearchCode::Split(|| Box::pin(search_engine())),
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    mhr::ui::start(split::pages());
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "The app runs in the browser: build it with `make dist` or serve it with `make serve`."
    );
    std::process::exit(2);
}
