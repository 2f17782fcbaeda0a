//! `finish_dist [DIR]`: finishes a trunk build (see `mhr::dist`). Trunk runs it as a
//! post-build hook, with the staged directory, public URL and profile in `TRUNK_STAGING_DIR`,
//! `TRUNK_PUBLIC_URL` and `TRUNK_PROFILE`; it can also be run by hand on a `dist` directory.
//! Release builds have their scripts minified by `terser`, found on PATH.
//!
//! `finish_dist prepare`: writes `target/style/site.css`, the bundle of `style/site.css`
//! that index.html links (see `mhr::dist::styles`), and builds the app in chunks into
//! `target/app-pkg/` (see `mhr::dist::app_build`). Trunk runs it as a pre-build hook, so
//! both are there before trunk reads index.html and finishes the build.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let arg = std::env::args().nth(1);
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let app_pkg = root.join("target/app-pkg");
    let release = std::env::var("TRUNK_PROFILE").is_ok_and(|p| p == "release");
    if arg.as_deref() == Some("prepare") {
        let (entry, out) = (root.join("style/site.css"), root.join("target/style/site.css"));
        return report(
            mhr::dist::styles::write_bundle(&entry, &out)
                .and_then(|_| mhr::dist::app_build::build(root, release, &app_pkg)),
        );
    }
    let dir =
        arg.or_else(|| std::env::var("TRUNK_STAGING_DIR").ok()).unwrap_or_else(|| "dist".into());
    let base = std::env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".into());
    let base = mhr::core::paths::normalise_base(&base);
    // Release builds get minified scripts, with terser from PATH (`make` puts `.tools/` there).
    let terser = release.then(find_terser).flatten();
    if release && terser.is_none() {
        eprintln!("finish_dist: terser is not on PATH, so scripts stay unminified (`make dist` installs it)");
    }
    report(mhr::dist::finish_with(std::path::Path::new(&dir), &base, &app_pkg, terser.as_deref()))
}

/// Prints the build log, or the error, and gives the exit code.
#[cfg(not(target_arch = "wasm32"))]
fn report(done: Result<Vec<String>, mhr::dist::FinishError>) -> std::process::ExitCode {
    match done {
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

/// `terser` in a directory of PATH.
#[cfg(not(target_arch = "wasm32"))]
fn find_terser() -> Option<std::path::PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|dir| dir.join("terser")).find(|p| p.is_file())
}

#[cfg(target_arch = "wasm32")]
fn main() {}
