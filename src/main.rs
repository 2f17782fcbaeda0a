//! Entry point of the web app: mounts it. Everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    mhr::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "The app runs in the browser: build it with `make dist` or serve it with `make serve`."
    );
    std::process::exit(2);
}
