//! A CSV download of what the view shows.
//!
//! In the app the file is made on the click, as a `Blob`: a `data:` address would carry the
//! whole file in the link, where browsers limit an address's length and the page would hold
//! a second copy of it. Without the app (scripts off, or the page as the build wrote it), the
//! link leads to the same file written by the build (`core::export::download_files`).

use leptos::ev::MouseEvent;
use leptos::prelude::*;

use crate::ui::nav::use_nav;

/// A link that downloads `csv()` as `name`; without the app, the build's file `file`.
#[component]
pub fn CsvDownload(
    /// The build's copy, relative to the site's root, for a page read without the app.
    file: &'static str,
    /// The name the download is saved under.
    name: &'static str,
    /// The CSV of what is shown, made when the visitor asks for it.
    csv: Callback<(), String>,
    /// Class names for the `<a>`.
    #[prop(optional, into)]
    class: Option<String>,
    /// The link's `data-testid`.
    testid: &'static str,
    /// The link text.
    children: Children,
) -> impl IntoView {
    let href = use_nav().asset(file);
    let on_click = move |ev: MouseEvent| {
        if save(name, &csv.run(())) {
            ev.prevent_default();
        }
    };
    view! {
        <a href=href class=class download=name data-testid=testid on:click=on_click>{children()}</a>
    }
}

/// Saves `csv` as the file `name` through a `Blob`; false when the browser cannot, and the
/// link's own address is followed instead.
#[cfg(target_arch = "wasm32")]
fn save(name: &str, csv: &str) -> bool {
    use wasm_bindgen::JsCast;
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let parts = js_sys::Array::of1(&csv.into());
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return false };
    let Some(link) = document()
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        let _ = web_sys::Url::revoke_object_url(&url);
        return false;
    };
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The download has started by then; the address is only for it.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 30_000);
    true
}

#[cfg(not(target_arch = "wasm32"))]
fn save(_name: &str, _csv: &str) -> bool {
    false
}
