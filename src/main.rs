//! Entry point of the web app: mounts it with its pages, each split out of this binary's
//! wasm into a chunk that downloads when the page is first shown. Everything else lives in
//! the library.
//!
//! The split points (`mhr::split_pages!`, `mhr::split_page!`, see `mhr::ui::split`) are
//! expanded here, in the binary that is split (`xtask/src/app_build.rs`); the widget's binary
//! expands the same ones, without the embed builder. When the app takes over a page written
//! at build time, it downloads that page's chunk first ([`mhr::ui::routes::Page::preload`]).

#[cfg(target_arch = "wasm32")]
mod split {
    use leptos::wasm_split::SplitLoaderError;
    use mhr::ui::components::layout::Footer;
    use mhr::ui::components::search_box::HeaderSearchBox;
    use mhr::ui::deferred::Code;
    use mhr::ui::pages::embed::EmbedBuilder;
    use mhr::ui::routes::{FrameLayout, Page, Pages, ShowFailure};

    mhr::split_pages!();
    mhr::split_page!(builder, builder_page, EmbedBuilder);
    mhr::split_page!(pages, footer_part, Footer);
    mhr::split_page!(search, search_box_part, HeaderSearchBox);

    /// The layout of a partner's frame (`?embed=1`), which only frames ask for, beside the
    /// dataset (`mhr::ui::routes::FrameCode`). In the chunk `pages`, which holds nearly every
    /// frame's view anyway: as a chunk of its own it cut the code it shares with the views into
    /// three more small chunks, and a resource page was ready about 20 ms later (README, Size).
    #[leptos::wasm_split::wasm_split(pages, wasm_split_path = ::leptos::wasm_split, fallible)]
    fn frame_layout() -> Result<FrameLayout, SplitLoaderError> {
        Ok(mhr::ui::frame_layout)
    }

    /// Why the app could not start, with a retry: the takeover's failure view, which a
    /// visit needs only when the dataset cannot be used (`mhr::ui::routes::Pages::failure`).
    /// In the chunk `pages`: as a chunk of its own (3.1 KB brotli) it cut the code it shares
    /// with the views into more chunks (a list view's files from 7 to 11).
    #[leptos::wasm_split::wasm_split(pages, wasm_split_path = ::leptos::wasm_split, fallible)]
    fn failure_view() -> Result<ShowFailure, SplitLoaderError> {
        Ok(mhr::ui::show_failure)
    }

    /// The site's pages, each from its chunk, the search engine, and the parts only the site
    /// has: the embed builder, a frame's layout, the footer, the header's search box and the
    /// failure view.
    pub fn pages() -> Pages {
        Pages {
            builder: Some(Page::Split(|| Box::pin(builder_page()))),
            frame: Some(Code::Split(|| Box::pin(frame_layout()))),
            footer: Some(Page::Split(|| Box::pin(footer_part()))),
            search_box: Some(Page::Split(|| Box::pin(search_box_part()))),
            failure: Some(Code::Split(|| Box::pin(failure_view()))),
            ..split_pages::pages()
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
