//! Midlands Health Resources: a directory of reports and resources about the Midlands' medical
//! and life-science sector.
//!
//! [`core`] holds every piece of logic as plain Rust, tested natively. `dist` (native only)
//! finishes a build: start-up script, 404 page, widget styles, precache list. `ui` (built only for
//! wasm32) holds the Leptos views that call into it.
#![deny(missing_docs)]

pub mod core;

#[cfg(not(target_arch = "wasm32"))]
pub mod dist;

#[cfg(target_arch = "wasm32")]
pub mod ui;
