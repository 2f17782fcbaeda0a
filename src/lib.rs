//! Midlands Health Resources: a directory of reports and resources about the Midlands' medical
//! and life-science sector.
//!
//! [`core`] holds every piece of logic as plain Rust, tested natively. `ui` holds the Leptos
//! views that call into it: built for wasm32 as the app, and natively with the `ssr` feature
//! to render the same views as HTML when the build writes a page per route (the `xtask`
//! crate, which also holds every other build step).
#![deny(missing_docs)]
// leptos_router's routes nest the views' types deeper than the compiler's default allows.
#![recursion_limit = "256"]

pub mod core;

#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod ui;
