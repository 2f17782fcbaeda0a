//! The Leptos app: loading, layout, routes and views. Logic lives in [`crate::core`].

mod app;
pub mod components;
mod data;
pub mod deferred;
pub mod nav;
pub mod pages;
mod panic;
pub mod routes;
mod service_worker;
pub mod widget;

pub use app::App;
pub use data::{base_path, LoadFailure};

/// Starts the app on its own page (marked `<body data-mhr-app>`): installs the panic hook
/// and mounts [`App`]. Anywhere else it does nothing: partners' pages load the widget's own
/// binary (`src/bin/widget-app.rs`), and a page that is not ours is not ours to replace.
pub fn start(pages: routes::Pages) {
    let own_page = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
        .is_some_and(|b| b.has_attribute("data-mhr-app"));
    if own_page {
        use leptos::prelude::*;
        panic::install();
        leptos::mount::mount_to_body(move || view! { <App pages/> });
    }
}
