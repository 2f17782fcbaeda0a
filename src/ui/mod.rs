//! The Leptos app: layout, routes and views. Logic lives in [`crate::core`].
//!
//! In the browser (wasm32) the app takes over the page the build wrote ([`takeover`]); built
//! natively with the `ssr` feature, the same views render those pages ([`prerender`]).

mod app;
#[cfg(target_arch = "wasm32")]
mod carry;
pub mod components;
pub mod data;
pub mod deferred;
#[cfg(target_arch = "wasm32")]
mod kept;
pub mod nav;
pub mod pages;
#[cfg(target_arch = "wasm32")]
mod panic;
#[cfg(all(feature = "ssr", not(target_arch = "wasm32")))]
pub mod prerender;
pub mod routes;
pub mod search_index;
#[cfg(target_arch = "wasm32")]
mod service_worker;
#[cfg(target_arch = "wasm32")]
pub mod split;
#[cfg(target_arch = "wasm32")]
mod takeover;
#[cfg(target_arch = "wasm32")]
mod timers;
#[cfg(target_arch = "wasm32")]
pub mod widget;
pub mod written;

pub use app::{frame_layout, Indexed, Site, SiteAddress};
pub use data::LoadFailure;
#[cfg(target_arch = "wasm32")]
pub use takeover::show_failure;

/// Starts the app on its own page (marked `<body data-mhr-app>`): installs the panic hook
/// and takes the written page over. Anywhere else it does nothing: partners' pages load the
/// widget's own binary (`src/bin/widget-app.rs`), and a page that is not ours is not ours to
/// replace.
#[cfg(target_arch = "wasm32")]
pub fn start(pages: routes::Pages) {
    let own_page = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
        .is_some_and(|b| b.has_attribute("data-mhr-app"));
    if own_page {
        panic::install();
        takeover::start(pages);
    }
}
