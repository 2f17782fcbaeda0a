//! The split points of the two binaries that are cut into chunks: the site's app
//! (`src/main.rs`) and the partners' widget (`src/bin/widget-app.rs`), as macros each binary
//! expands in itself.
//!
//! A split point (`#[wasm_split(NAME, …)]`) is an exported symbol, so it must live in the
//! binary that is split: in the library, every binary would keep it and all it reaches, and a
//! binary that is not split would not start (an import nothing provides). Both binaries
//! split the same pages the same way, so the declarations are written once here and expanded
//! in each; `xtask/src/app_build.rs` splits them.
//!
//! Each split point's body, and whatever only it reaches, goes into the chunk `NAME`
//! (functions naming the same chunk share it; code that several chunks reach goes into a
//! shared chunk that loads with them). Calling it downloads and instantiates the chunk once,
//! then returns the body's result. `fallible` makes a failed download an `Err` (the default
//! would abort the whole app), which [`crate::ui::deferred::deferred`] shows as a message
//! with a retry.
//!
//! The written pages preload their view's chunk, by the group named here:
//! `split_of` in `xtask/src/pages.rs` maps each route to it and must follow any regrouping.

/// `split_page!(GROUP, name, Page)`: the split point `name`, in the chunk `GROUP`, whose body
/// makes the page component `Page` (an identifier in scope where the macro is expanded).
#[macro_export]
macro_rules! split_page {
    ($group:ident, $name:ident, $page:ident) => {
        #[::leptos::wasm_split::wasm_split($group, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $name() -> $crate::ui::deferred::Loaded {
            Ok(|| ::leptos::prelude::IntoAny::into_any(::leptos::view! { <$page/> }))
        }
    };
}

/// `split_pages!()`: a module `split_pages` with the split points of every page but the embed
/// builder (the pages in the chunk `pages`, home and "not found" with them, the comparison in
/// `compare`), of the search engine (`search`), of the code that checks a dataset and
/// explains a broken one (in `compare`), and `split_pages::pages()`, which gives them as
/// [`crate::ui::routes::Pages`], without the parts only the site's binary has.
#[macro_export]
macro_rules! split_pages {
    () => {
        /// The pages, the search engine and the dataset's checks, each from its chunk
        /// (see `mhr::ui::split`).
        mod split_pages {
            use ::leptos::prelude::*;
            use ::leptos::wasm_split::SplitLoaderError;
            use $crate::core::search::Engine;
            use $crate::ui::pages::{about::About, browse::BrowsePage, compare::ComparePage};
            use $crate::ui::pages::{home::Home, not_found::NotFound};
            use $crate::ui::pages::{resource::ResourcePage, search::SearchPage};
            use $crate::ui::pages::{section::SectionPage, tag::TagPage};
            use $crate::ui::routes::{Page, Pages};
            use $crate::ui::data::{Load, LoadCode};
            use $crate::ui::components::suggestions::Suggestions;
            use $crate::ui::deferred::Code;
            use $crate::ui::search_index::SearchCode;

            $crate::split_page!(compare, compare_page, ComparePage);
            $crate::split_page!(pages, home_page, Home);
            $crate::split_page!(pages, not_found_page, NotFound);
            $crate::split_page!(pages, about_page, About);
            $crate::split_page!(pages, resource_page, ResourcePage);
            $crate::split_page!(pages, section_page, SectionPage);
            $crate::split_page!(pages, tag_page, TagPage);
            $crate::split_page!(pages, browse_page, BrowsePage);
            $crate::split_page!(pages, search_page, SearchPage);

            /// The search engine (`mhr::core::search::Engine`), until the index is first
            /// asked for: building the index and running queries. The results views link it
            /// in, so it is also in the chunk they share with this one.
            #[::leptos::wasm_split::wasm_split(search, wasm_split_path = ::leptos::wasm_split, fallible)]
            fn search_engine() -> Result<Engine, SplitLoaderError> {
                Ok(Engine::linked())
            }

            /// The search box's suggestions (`mhr::ui::components::suggestions`), which show
            /// only what the engine found: in its chunk, downloaded with it.
            #[::leptos::wasm_split::wasm_split(search, wasm_split_path = ::leptos::wasm_split, fallible)]
            fn search_suggestions() -> Result<Suggestions, SplitLoaderError> {
                Ok(Suggestions::linked())
            }

            /// The code that checks a dataset's rules and explains a broken one
            /// (`mhr::core::load::load`), downloaded only for a text other than the one the
            /// build checked: the app reads that one without it (`mhr::core::load::read`).
            /// With serde_json, it is 33 KB brotli, and where it goes was measured (README,
            /// Size; `make bench`, 100 ms and 10 Mbit/s, HTTP/1.1): in the chunk `compare`,
            /// whose view is one address, rather than in `pages`, whose six views are nearly
            /// every address and a partner's default widget (a resource page 32 KB lighter and
            /// 16 ms sooner ready, a list widget 33 KB and 37 ms; the comparison 35 KB heavier
            /// and 20 ms later, its widget 44 ms). As a chunk of its own it split the views'
            /// shared code into more, smaller chunks (a list view's files from 5 to 10), and a
            /// list widget was ready 65 to 95 ms later; in the search engine's chunk, it made
            /// the first suggestion 25 ms slower.
            #[::leptos::wasm_split::wasm_split(compare, wasm_split_path = ::leptos::wasm_split, fallible)]
            fn dataset_load() -> Result<Load, SplitLoaderError> {
                Ok($crate::core::load::load)
            }

            /// The pages, each from its chunk; none of the parts only the site's binary has
            /// (the embed builder, a frame's layout, the footer, the failure view), which it
            /// sets itself (`src/main.rs`).
            pub fn pages() -> Pages {
                Pages {
                    home: Page::Split(|| Box::pin(home_page())),
                    not_found: Page::Split(|| Box::pin(not_found_page())),
                    section: Page::Split(|| Box::pin(section_page())),
                    resource: Page::Split(|| Box::pin(resource_page())),
                    tag: Page::Split(|| Box::pin(tag_page())),
                    browse: Page::Split(|| Box::pin(browse_page())),
                    compare: Page::Split(|| Box::pin(compare_page())),
                    search: Page::Split(|| Box::pin(search_page())),
                    about: Page::Split(|| Box::pin(about_page())),
                    builder: None,
                    search_engine: SearchCode {
                        engine: Code::Split(|| Box::pin(search_engine())),
                        suggestions: Code::Split(|| Box::pin(search_suggestions())),
                    },
                    frame: None,
                    footer: None,
                    search_box: None,
                    failure: None,
                    load: LoadCode::Split(|| Box::pin(dataset_load())),
                }
            }
        }
    };
}
