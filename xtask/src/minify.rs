//! Smaller scripts for release builds: wasm-bindgen's glue, the service worker and the
//! partner scripts are written for reading (comments, long names); terser (from npm, installed
//! by `make setup` into `.tools/`) shrinks them. Trunk's own minifier cannot parse
//! wasm-bindgen's output and leaves it as it is.
//!
//! The app's scripts are minified as soon as they are installed, so the page's
//! `modulepreload`s get the [`integrity`] of the files as served.

use std::path::Path;
use std::process::Command;

use sha2::{Digest, Sha384};

use crate::{io, FinishError};

/// How a script is loaded, which decides what terser may rename.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An ES module (`import`/`export`): its top-level names are its own.
    Module,
    /// A classic script or a worker: top-level names are left as they are.
    Classic,
}

/// Minifies the script at `path` in place with `terser`, keeping no comments. Object keys
/// stay quoted, so the JSON the build fills into `sw.js` and `widget.js` still reads as JSON.
pub fn minify(terser: &Path, path: &Path, kind: Kind) -> Result<(), FinishError> {
    let mut command = Command::new(terser);
    command.arg(path).args(["--compress", "--mangle", "--comments", "false"]);
    command.args(["--format", "quote_keys=true", "--output"]);
    command.arg(path);
    if kind == Kind::Module {
        command.arg("--module");
    }
    let output = command.output().map_err(io(terser))?;
    if !output.status.success() {
        return Err(FinishError::Unexpected(format!(
            "terser failed on {}: {}",
            path.display(),
            String::from_utf8_lossy(&output.stderr).trim()
        )));
    }
    Ok(())
}

/// What `terser --version` says (`terser 5.51.4`): part of the app's file names, since
/// another version may minify the same files differently.
pub fn version(terser: &Path) -> Result<String, FinishError> {
    let output = Command::new(terser).arg("--version").output().map_err(io(terser))?;
    if !output.status.success() {
        return Err(FinishError::Unexpected(format!("{} --version failed", terser.display())));
    }
    Ok(String::from_utf8_lossy(&output.stdout).trim().to_string())
}

/// The Subresource Integrity value of `bytes`: `sha384-` and the base64 of its SHA-384.
pub fn integrity(bytes: &[u8]) -> String {
    format!("sha384-{}", base64(&Sha384::digest(bytes)))
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}
