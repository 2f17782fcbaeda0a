//! `cargo xtask prepare`: builds the app and the widget, each in chunks, into `app-pkg/` and
//! `widget-app-pkg/` under cargo's target directory (`…-pkg-debug/` in debug builds; see
//! [`xtask::app_build`]). Trunk runs it as a pre-build hook, so both are there when trunk
//! finishes its own build.
//!
//! `cargo xtask finish [DIR]`: finishes a trunk build (see [`xtask::finish`]). Trunk runs it
//! as a post-build hook, with the staged directory, public URL and profile in
//! `TRUNK_STAGING_DIR`, `TRUNK_PUBLIC_URL` and `TRUNK_PROFILE`; it can also be run by hand on
//! a `dist` directory (it then installs whichever app `prepare` built last). `SITE_URL`, when
//! set, is the site's public address: pages then get canonical links, and a sitemap and
//! robots.txt are written. Release builds have their scripts minified by `terser`, found on
//! PATH.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let command = args.next();
    let root = product_root();
    let release = std::env::var("TRUNK_PROFILE").is_ok_and(|p| p == "release");
    match command.as_deref() {
        Some("prepare") => report(xtask::app_build::build_all(&root, release)),
        Some("finish") => {
            let dir = args
                .next()
                .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok())
                .unwrap_or_else(|| "dist".into());
            let base = std::env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".into());
            let base = mhr::core::paths::normalise_base(&base);
            // Release builds get minified scripts, with terser from PATH (`make` puts
            // `.tools/` there).
            let terser = release.then(find_terser).flatten();
            if release && terser.is_none() {
                eprintln!("xtask: terser is not on PATH, so scripts stay unminified (`make dist` installs it)");
            }
            // Under trunk, the profile it built; by hand, whichever app was built last.
            let built = match std::env::var("TRUNK_PROFILE") {
                Ok(profile) => profile == "release",
                Err(_) => xtask::app_build::release_built_last(&xtask::target_dir(&root)),
            };
            let sources = xtask::Sources::at(&root, built);
            let dir = Path::new(&dir);
            let site = std::env::var("SITE_URL").ok();
            report(xtask::sitemap::site_url(site.as_deref(), &base).and_then(|site| {
                let mut log = xtask::finish_with(dir, &base, &sources, terser.as_deref())?;
                log.extend(xtask::headers::write(dir, &base, release)?);
                log.extend(xtask::pages::write(dir, &base, site.as_deref())?);
                log.extend(xtask::downloads::write(dir)?);
                log.extend(xtask::service_worker(dir, terser.as_deref())?);
                Ok(log)
            }))
        }
        _ => {
            eprintln!("usage: cargo xtask prepare | cargo xtask finish [DIR]");
            ExitCode::from(2)
        }
    }
}

/// The product's crate: trunk's source directory when trunk runs the hook, else the parent
/// of this crate.
fn product_root() -> PathBuf {
    std::env::var_os("TRUNK_SOURCE_DIR").map(PathBuf::from).unwrap_or_else(|| {
        Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap_or(Path::new(".")).to_path_buf()
    })
}

/// Prints the build log, or the error, and gives the exit code.
fn report(done: Result<Vec<String>, xtask::FinishError>) -> ExitCode {
    match done {
        Ok(log) => {
            for line in log {
                eprintln!("xtask: {line}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `terser` in a directory of PATH.
fn find_terser() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|dir| dir.join("terser")).find(|p| p.is_file())
}
