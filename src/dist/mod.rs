//! Finishing a build: what happens to trunk's output before it is served.
//!
//! Trunk writes `index.html`, hashed scripts, wasm and stylesheets, and copies `public/`.
//! [`finish`] then, on the staged files:
//!
//! - moves trunk's inline start-up script into a hashed file, so the Content-Security-Policy
//!   needs no `'unsafe-inline'` and no hash that changes with every build;
//! - writes `404.html`, the same shell, for hosts that serve it for unknown paths (its
//!   `<base href>` is absolute, so it works at any depth);
//! - writes the widget's stylesheet ([`widget_css`]) and tells `widget.js` the hashed names
//!   of the script, wasm and stylesheet it loads;
//! - in release builds, minifies the scripts with terser ([`minify`]) and updates the app
//!   script's integrity in the page;
//! - tells `sw.js` what to precache, with a revision per file, and its version.
//!
//! Before trunk starts, [`styles::bundle`] makes the site's one stylesheet out of `style/`.
//!
//! It is plain file work, so it runs natively (a trunk hook runs the `finish_dist` command)
//! and is tested with `cargo test`.

pub mod minify;
pub mod precache;
pub mod styles;
pub mod widget_css;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// What went wrong finishing a build.
#[derive(Debug, thiserror::Error)]
pub enum FinishError {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// Trunk's output did not look as expected.
    #[error("{0}")]
    Unexpected(String),
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> FinishError + '_ {
    move |source| FinishError::Io { path: path.to_path_buf(), source }
}

/// A short, stable content hash (FNV-1a, 64 bits, hex) for file names and revisions.
pub fn content_hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Splits trunk's inline module script out of `html`: returns the script's text and the page
/// with a `<script type="module" src="…">` to `src` in its place.
pub fn externalise_bootstrap(html: &str, src: impl Fn(&str) -> String) -> Option<(String, String)> {
    let open = "<script type=\"module\">";
    let start = html.find(open)?;
    let body_start = start + open.len();
    let end = body_start + html[body_start..].find("</script>")?;
    let script = html[body_start..end].trim().to_string();
    let tag = format!("<script type=\"module\" src=\"{}\"></script>", src(&script));
    let page = format!("{}{}{}", &html[..start], tag, &html[end + "</script>".len()..]);
    Some((script, page))
}

/// The stylesheets a page links, in order, as written in their `href`s.
pub fn linked_stylesheets(html: &str) -> Vec<String> {
    links(html, "stylesheet")
}

/// The `href`s of the page's `<link rel="REL" href="…">` tags, in order.
fn links(html: &str, rel: &str) -> Vec<String> {
    let tag = format!("<link rel=\"{rel}\" href=\"");
    html.match_indices(&tag)
        .filter_map(|(i, m)| {
            let rest = &html[i + m.len()..];
            rest.find('"').map(|end| rest[..end].to_string())
        })
        .collect()
}

/// Replaces the placeholder `/*NAME*/null` in a script with `value` (JSON). Fails when the
/// placeholder is missing, so a renamed placeholder cannot ship an unfilled script.
pub fn fill_placeholder(script: &str, name: &str, value: &str) -> Result<String, FinishError> {
    let placeholder = format!("/*{name}*/null");
    if !script.contains(&placeholder) {
        return Err(FinishError::Unexpected(format!("placeholder {placeholder} not found")));
    }
    Ok(script.replacen(&placeholder, value, 1))
}

/// A JSON string literal.
pub fn json_string(s: &str) -> String {
    serde_json::Value::String(s.to_string()).to_string()
}

/// Finishes the build staged in `dir` for the public URL `base` (`/` or `/prefix/`), leaving
/// scripts as trunk wrote them. Returns a line per file written, for the build log.
pub fn finish(dir: &Path, base: &str) -> Result<Vec<String>, FinishError> {
    finish_with(dir, base, None)
}

/// [`finish`], and with `terser` given (release builds), minifies the scripts too.
pub fn finish_with(
    dir: &Path,
    base: &str,
    terser: Option<&Path>,
) -> Result<Vec<String>, FinishError> {
    let mut log = Vec::new();
    let index_path = dir.join("index.html");
    let html = std::fs::read_to_string(&index_path).map_err(io(&index_path))?;

    // 1. The start-up script, as a file.
    let boot_name = |script: &str| format!("boot-{}.js", content_hash(script.as_bytes()));
    let page = match externalise_bootstrap(&html, |script| format!("{base}{}", boot_name(script))) {
        Some((script, page)) => {
            let name = boot_name(&script);
            let path = dir.join(&name);
            std::fs::write(&path, format!("{script}\n")).map_err(io(&path))?;
            log.push(format!("{name}: trunk's start-up script, out of index.html"));
            page
        }
        // Already finished (a rerun on the same directory).
        None if html.contains("<script type=\"module\" src=") => html,
        None => return Err(FinishError::Unexpected("index.html has no start-up script".into())),
    };
    std::fs::write(&index_path, &page).map_err(io(&index_path))?;
    let not_found = dir.join("404.html");
    std::fs::write(&not_found, &page).map_err(io(&not_found))?;
    log.push("404.html: the app shell, for hosts without rewrite rules".into());

    // 2. The widget's stylesheet and assets.
    let mut css = String::new();
    let widget_base = dir.join("widget-base.css");
    if let Ok(widget) = std::fs::read_to_string(&widget_base) {
        css.push_str(&widget);
        std::fs::remove_file(&widget_base).map_err(io(&widget_base))?;
    }
    for href in linked_stylesheets(&page) {
        let name = href.trim_start_matches(base).to_string();
        let path = dir.join(&name);
        let text = std::fs::read_to_string(&path).map_err(io(&path))?;
        let _ = writeln!(css, "/* {name} */");
        css.push_str(&widget_css::rewrite_for_shadow_root(&text));
    }
    let css_name = format!("widget-{}.css", content_hash(css.as_bytes()));
    let css_path = dir.join(&css_name);
    std::fs::write(&css_path, &css).map_err(io(&css_path))?;
    log.push(format!("{css_name}: the site's styles, rewritten for the widget's shadow root"));

    // The widget's script is minified before it is named by its content.
    let unnamed_widget_script = dir.join("widget-app.js");
    if let (Some(terser), true) = (terser, unnamed_widget_script.exists()) {
        minify::minify(terser, &unnamed_widget_script, minify::Kind::Module)?;
    }
    let (js, wasm) = hash_widget_app(dir)?;
    let assets = format!(
        "{{\"js\":{},\"wasm\":{},\"css\":{}}}",
        json_string(&js),
        json_string(&wasm),
        json_string(&css_name)
    );
    let widget_path = dir.join("widget.js");
    let widget = std::fs::read_to_string(&widget_path).map_err(io(&widget_path))?;
    if widget.contains("/*MHR_ASSETS*/null") {
        std::fs::write(&widget_path, fill_placeholder(&widget, "MHR_ASSETS", &assets)?)
            .map_err(io(&widget_path))?;
    }
    log.push(format!("widget.js: loads {js}, {wasm} and {css_name}"));

    // 3. Smaller scripts, before the precache list records their revisions (minifying a
    // minified script again, on a rerun, changes nothing that matters).
    if let Some(terser) = terser {
        log.push(minify_app_script(dir, base, terser)?);
        for name in ["widget.js", "embed.js"] {
            minify::minify(terser, &dir.join(name), minify::Kind::Classic)?;
        }
        log.push(format!("{js}, widget.js, embed.js: minified"));
    }

    // 4. The service worker's precache list; the worker is minified once it is filled in.
    let sw = dir.join("sw.js");
    if sw.exists() {
        log.push(precache::write_service_worker(dir)?);
        if let Some(terser) = terser {
            minify::minify(terser, &sw, minify::Kind::Classic)?;
            log.push("sw.js: minified".into());
        }
    }
    Ok(log)
}

/// Minifies the app's script (the page's `modulepreload`) and gives index.html and 404.html
/// its new integrity.
fn minify_app_script(dir: &Path, base: &str, terser: &Path) -> Result<String, FinishError> {
    let index_path = dir.join("index.html");
    let page = std::fs::read_to_string(&index_path).map_err(io(&index_path))?;
    let href = links(&page, "modulepreload")
        .pop()
        .ok_or_else(|| FinishError::Unexpected("index.html has no modulepreload".into()))?;
    let name = href.strip_prefix(base).unwrap_or(&href).to_string();
    let path = dir.join(&name);
    minify::minify(terser, &path, minify::Kind::Module)?;
    let bytes = std::fs::read(&path).map_err(io(&path))?;
    let page =
        minify::set_integrity(&page, &href, &minify::integrity(&bytes)).ok_or_else(|| {
            FinishError::Unexpected(format!("index.html has no integrity for {href}"))
        })?;
    for file in ["index.html", "404.html"] {
        let path = dir.join(file);
        std::fs::write(&path, &page).map_err(io(&path))?;
    }
    Ok(format!("{name}: minified, its integrity updated in index.html and 404.html"))
}

/// The widget's script and wasm, given hashed names. Trunk builds the widget as a "worker"
/// binary, which it leaves unhashed (`widget-app.js`, `widget-app_bg.wasm`); partners' pages
/// cache what they load, so each build's files get names of their own:
/// `widget-app-HASH.js` and `widget-app-HASH_bg.wasm`. On a rerun they are found as named.
fn hash_widget_app(dir: &Path) -> Result<(String, String), FinishError> {
    let (js, wasm) = (dir.join("widget-app.js"), dir.join("widget-app_bg.wasm"));
    if js.exists() && wasm.exists() {
        let mut both = std::fs::read(&js).map_err(io(&js))?;
        both.extend(std::fs::read(&wasm).map_err(io(&wasm))?);
        let stem = format!("widget-app-{}", content_hash(&both));
        let (js_name, wasm_name) = (format!("{stem}.js"), format!("{stem}_bg.wasm"));
        std::fs::rename(&js, dir.join(&js_name)).map_err(io(&js))?;
        std::fs::rename(&wasm, dir.join(&wasm_name)).map_err(io(&wasm))?;
        return Ok((js_name, wasm_name));
    }
    let entries = std::fs::read_dir(dir).map_err(io(dir))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if let Some(stem) =
            name.strip_prefix("widget-app-").and_then(|n| n.strip_suffix("_bg.wasm"))
        {
            return Ok((format!("widget-app-{stem}.js"), name));
        }
    }
    Err(FinishError::Unexpected("no widget-app_bg.wasm in the build".into()))
}
