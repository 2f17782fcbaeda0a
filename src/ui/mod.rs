//! The Leptos app: loading, layout, routes and views. Logic lives in [`crate::core`].

mod app;
pub mod components;
mod data;
mod pages;
mod panic;

pub use app::App;
pub use data::{base_path, href, LoadFailure};

/// Starts the app: installs the panic hook and mounts [`App`] into the page's body.
pub fn start() {
    panic::install();
    leptos::mount::mount_to_body(App);
}
