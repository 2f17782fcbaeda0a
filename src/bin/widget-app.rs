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
        // The search box, which every widget shows at once, stays in the main module. Home is
        // in the chunk `pages`, as on the site: it was linked in while a list widget's first
        // load held that chunk anyway (it was 1.7 KB heavier with home in it), but a list
        // widget now starts from its written page and downloads the chunk only when used.
        let search_box = Page::Linked(|| view! { <SearchBox/> }.into_any());
        let pages = Pages { search_box: Some(search_box), ..split_pages::pages() };
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
