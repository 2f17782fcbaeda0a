//! `finish_dist [DIR]`: finishes a trunk build (see `mhr::dist`). Trunk runs it as a
//! post-build hook, with the staged directory and public URL in `TRUNK_STAGING_DIR` and
//! `TRUNK_PUBLIC_URL`; it can also be run by hand on a `dist` directory.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let dir = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok())
        .unwrap_or_else(|| "dist".into());
    let base = std::env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".into());
    let base = mhr::core::paths::normalise_base(&base);
    match mhr::dist::finish(std::path::Path::new(&dir), &base) {
        Ok(log) => {
            for line in log {
                eprintln!("finish_dist: {line}");
            }
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("finish_dist: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
