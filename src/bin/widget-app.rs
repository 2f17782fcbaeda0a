//! The widget's wasm binary, loaded by `public/widget.js` on partners' pages: it exports
//! mounting and unmounting `<mhr-widget>` elements and starts nothing by itself. The site's
//! own binary (`src/main.rs`) leaves these out, so a visit to the site does not download them.
//!
//! It is split as the site's binary is (`xtask/src/app_build.rs`), at the same split points
//! (`mhr::split_pages!`, see `mhr::ui::split`): a partner's page downloads the widget's
//! frame and the code of the view it shows (a list's view starts from the page the build
//! wrote for it, and its code comes when the visitor first reaches into it:
//! `mhr::ui::widget`), and another view's code when the visitor first opens it.

#[cfg(target_arch = "wasm32")]
mod exports {
    use leptos::prelude::{view, IntoAny};
    use mhr::ui::components::search_box::SearchBox;
    use mhr::ui::routes::{Page, Pages};
    use wasm_bindgen::prelude::*;

    mhr::split_pages!();

    /// See [`mhr::ui::widget::mount`].
    #[wasm_bindgen]
    pub fn mount_widget(
        host: web_sys::Element,
        container: web_sys::HtmlElement,
        site: String,
        checked: Option<String>,
    ) -> u32 {
        // Home stays in the main module: in the chunk `pages`, as on the site, it made a list
        // widget's first load 1.7 KB heavier, and the widget has no written home to keep.
        // So does the search box, which every widget shows at once.
        let search_box = Page::Linked(|| view! { <SearchBox/> }.into_any());
        let pages = Pages {
            home: Page::home_linked(),
            search_box: Some(search_box),
            ..split_pages::pages()
        };
        mhr::ui::widget::mount(host, container, site, checked, pages)
    }

    /// See [`mhr::ui::widget::unmount`].
    #[wasm_bindgen]
    pub fn unmount_widget(id: u32) {
        mhr::ui::widget::unmount(id);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The widget runs in partners' pages: `make dist` builds it beside the app.");
    std::process::exit(2);
}
