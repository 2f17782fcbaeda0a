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
    use mhr::ui::pages::embed::EmbedBuilder;
    use mhr::ui::routes::{Page, Pages};

    mhr::split_pages!();
    mhr::split_page!(builder, builder_page, EmbedBuilder);

    /// The site's pages, each from its chunk, and the search engine.
    pub fn pages() -> Pages {
        split_pages::pages(Some(Page::Split(|| Box::pin(builder_page()))))
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
