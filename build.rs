//! Keeps the relocations in the linked wasm of the site's binaries (`app`, `widget-app`), which
//! `wasm-split-cli` needs to cut them into chunks (`xtask/src/app_build.rs`).
//!
//! Set here rather than with `cargo rustc --bin NAME -- -Clink-arg=--emit-relocs` (one cargo
//! run per binary) so that one `cargo build` links both binaries at once: each link is a
//! single-threaded LTO pass, and run side by side on two cores they finish in the time of the
//! longer one. The flag reaches the binaries' links alone, so the libraries are built as for
//! any other target, and only for wasm32: natively it would only enlarge the `validate` tool.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
}
