//! The build's steps: finishing trunk's output, the pages written per route and what their
//! heads say. One test binary with a module per step, as the product's own tests are
//! (tests/native/main.rs says why).

mod app_build;
mod features;
mod finish;
mod head;
mod import_names;
mod pages;
mod unused_classes;
mod wasm_opt;
