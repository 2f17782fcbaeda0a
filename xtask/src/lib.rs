//! The build steps of Midlands Health Resources, apart from the product: trunk runs them as
//! hooks (`cargo xtask prepare` before its build, `cargo xtask finish` after), and nothing
//! here is linked into the app.
//!
//! Trunk writes `index.html` and copies `public/` and the dataset. [`finish`] then, on the
//! staged files:
//!
//! - writes the site's one stylesheet ([`styles`]) under a name from its content, and links
//!   it with its integrity;
//! - installs the app, which [`app_build`] built in chunks before trunk started, and links
//!   it from a start-up script in a file of its own, so the Content-Security-Policy needs no
//!   `'unsafe-inline'` and no hash that changes with every build;
//! - installs the widget, which [`app_build`] also built in chunks, writes its stylesheet
//!   ([`widget_css`]) and tells `widget.js` the hashed names of the script, chunk loader, wasm
//!   and stylesheet it loads;
//! - writes `chunks.json`, what each view's code downloads, for tools ([`chunk_map`]);
//! - in release builds, minifies the scripts with terser ([`minify`]), the app's before the
//!   page gets their integrity;
//!
//! then [`headers::write`] writes `_headers` for the build's prefix and, in release builds,
//! its Content-Security-Policy into the page as a `<meta>` element, for hosts that ignore
//! `_headers`; [`pages`] writes a page per route, `404.html` and the offline shell, each with the
//! finished head (its `<base href>` is absolute, so a page works at any depth), and
//! [`service_worker`] tells `sw.js` what to precache, with a revision per file, and its
//! version, once every file is written.
//!
//! Before trunk starts, [`app_build::build_all`] builds the app and the widget.
//!
//! It is plain file work, so it runs natively and is tested with `cargo test`.

pub mod app_build;
pub mod downloads;
pub mod head;
pub mod headers;
pub mod import_names;
pub mod minify;
pub mod pages;
pub mod precache;
pub mod sitemap;
pub mod styles;
pub mod unused_classes;
pub mod wasm_opt;
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

/// The stylesheets a page links, in order, as written in their `href`s.
pub fn linked_stylesheets(html: &str) -> Vec<String> {
    html.match_indices("<link rel=\"stylesheet\" href=\"")
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

/// The fingerprint of the dataset in the build `dir` (`mhr::core::load::fingerprint`, as 16
/// hexadecimal digits): the text the pages are written from, which writing them loads with
/// every rule, so a build whose dataset breaks one fails.
pub fn dataset_fingerprint(dir: &Path) -> Result<String, FinishError> {
    let path = dir.join("data/dataset.json");
    let text = std::fs::read_to_string(&path).map_err(io(&path))?;
    Ok(format!("{:016x}", mhr::core::load::fingerprint(&text)))
}

/// A JSON string literal.
pub fn json_string(s: &str) -> String {
    serde_json::Value::String(s.to_string()).to_string()
}

/// Where a build's inputs are, besides trunk's staged files.
#[derive(Debug, Clone)]
pub struct Sources {
    /// The product's crate (`style/site.css` is read from it).
    pub root: PathBuf,
    /// The app as [`app_build::build_all`] left it.
    pub app_pkg: PathBuf,
    /// The widget as [`app_build::build_all`] left it.
    pub widget_pkg: PathBuf,
}

impl Sources {
    /// The product's crate at `root`, with cargo's target directory: `CARGO_TARGET_DIR` if
    /// set (relative to the working directory, as cargo reads it), else `root/target`; the
    /// app and widget of a release (`release`) or debug build.
    pub fn at(root: &Path, release: bool) -> Sources {
        let target = target_dir(root);
        Sources {
            root: root.to_path_buf(),
            app_pkg: app_build::pkg_dir(&target, "app", release),
            widget_pkg: app_build::pkg_dir(&target, "widget-app", release),
        }
    }
}

/// Cargo's target directory for the crate at `root`.
pub fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"))
}

/// Finishes the build staged in `dir` for the public URL `base` (`/` or `/prefix/`), with
/// the inputs in `sources`, leaving scripts as they were written. Returns a line per file
/// written, for the build log.
pub fn finish(dir: &Path, base: &str, sources: &Sources) -> Result<Vec<String>, FinishError> {
    finish_with(dir, base, sources, None)
}

/// [`finish`], and with `terser` given (release builds), minifies the scripts too.
pub fn finish_with(
    dir: &Path,
    base: &str,
    sources: &Sources,
    terser: Option<&Path>,
) -> Result<Vec<String>, FinishError> {
    let mut log = Vec::new();
    // What each binary's split points download, for `chunks.json`.
    let mut chunks = Vec::new();
    let treatment = match terser {
        Some(terser) => format!("minified by {}", minify::version(terser)?),
        None => String::new(),
    };
    let index_path = dir.join("index.html");
    let html = std::fs::read_to_string(&index_path).map_err(io(&index_path))?;
    // The fingerprint of the dataset this build checked (writing the pages loads it with
    // every rule), for the pages and widget.js: the app reads that very text without the code
    // that checks it (`mhr::core::load::read`), and downloads that code for any other.
    let checked = dataset_fingerprint(dir)?;

    // 1. The app, its start-up script, and the tags that load them.
    let html = without_rust_link(&without_comments(&html))?;
    let page = if html.contains("<script type=\"module\" src=") {
        html // Already finished (a rerun on the same directory).
    } else {
        let app = install_minified(&sources.app_pkg, dir, "app", &treatment, terser)?;
        chunks.push(("app", app.needs.clone()));
        let script = app_build::start_up_script(base, &app);
        let boot = format!("boot-{}.js", content_hash(script.as_bytes()));
        let path = dir.join(&boot);
        std::fs::write(&path, &script).map_err(io(&path))?;
        let sri = |name: &str| {
            let path = dir.join(name);
            std::fs::read(&path).map(|b| minify::integrity(&b)).map_err(io(&path))
        };
        // The site's stylesheet, then the glue and the loader it imports and the main module,
        // which download in parallel.
        let css = styles::bundle(&sources.root.join("style/site.css"))?;
        let css_name = format!("site-{}.css", content_hash(css.as_bytes()));
        let css_path = dir.join(&css_name);
        std::fs::write(&css_path, &css).map_err(io(&css_path))?;
        let mut tags = format!(
            "<meta name=\"mhr-dataset\" content=\"{}\">\n    <link rel=\"stylesheet\" href=\"{base}{css_name}\" integrity=\"{}\">\n    ",
            checked,
            minify::integrity(css.as_bytes())
        );
        for script in [&app.js, &app.loader] {
            let _ = write!(
                tags,
                "<link rel=\"modulepreload\" href=\"{base}{script}\" crossorigin=\"anonymous\" integrity=\"{}\">",
                sri(script)?
            );
        }
        let _ = write!(
            tags,
            "<link rel=\"preload\" href=\"{base}{}\" crossorigin=\"anonymous\" integrity=\"{}\" as=\"fetch\" type=\"application/wasm\">\n    <script type=\"module\" src=\"{base}{boot}\"></script>\n  ",
            app.wasm,
            sri(&app.wasm)?
        );
        let at = html
            .find("</head>")
            .ok_or_else(|| FinishError::Unexpected("index.html has no </head>".into()))?;
        log.push(format!("{css_name}: the site's stylesheet, style/site.css's imports inlined"));
        log.push(format!(
            "{}, {}, {} and {} chunks: the app{}; {boot}: its start-up script",
            app.js,
            app.wasm,
            app.loader,
            app.chunks.len(),
            if terser.is_some() { ", its scripts minified" } else { "" }
        ));
        format!("{}{tags}{}", &html[..at], &html[at..])
    };
    std::fs::write(&index_path, &page).map_err(io(&index_path))?;

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

    // The widget's binary, installed as the app's is and named in widget.js (done already on
    // a rerun). The glue imports the loader, which fetches the chunks, both by names relative
    // to their own address: on a partner's page they come from the site, as the glue does.
    let widget_path = dir.join("widget.js");
    let widget = std::fs::read_to_string(&widget_path).map_err(io(&widget_path))?;
    if widget.contains("/*MHR_ASSETS*/null") {
        let app = install_minified(&sources.widget_pkg, dir, "widget-app", &treatment, terser)?;
        chunks.push(("widget-app", app.needs.clone()));
        let assets = format!(
            "{{\"js\":{},\"loader\":{},\"wasm\":{},\"css\":{},\"dataset\":{}}}",
            json_string(&app.js),
            json_string(&app.loader),
            json_string(&app.wasm),
            json_string(&css_name),
            json_string(&checked)
        );
        std::fs::write(&widget_path, fill_placeholder(&widget, "MHR_ASSETS", &assets)?)
            .map_err(io(&widget_path))?;
        log.push(format!(
            "widget.js: loads {}, {}, {}, {css_name}, and {} chunks as its views need them",
            app.js,
            app.loader,
            app.wasm,
            app.chunks.len()
        ));
    }
    if !chunks.is_empty() {
        // Merged with what an earlier, interrupted run of this step wrote for the other binary.
        let path = dir.join(CHUNK_MAP);
        let earlier = std::fs::read_to_string(&path).unwrap_or_default();
        std::fs::write(&path, chunk_map(&earlier, &chunks)).map_err(io(&path))?;
        log.push(format!("{CHUNK_MAP}: what each view's code downloads"));
    }

    // 3. Smaller scripts, before the precache list records their revisions (minifying a
    // minified script again, on a rerun, changes nothing that matters).
    if let Some(terser) = terser {
        for name in ["widget.js", "embed.js"] {
            minify::minify(terser, &dir.join(name), minify::Kind::Classic)?;
        }
        log.push("widget.js, embed.js: minified".into());
    }

    Ok(log)
}

/// Fills the service worker's precache list in the finished build `dir`, once every file of
/// the build is written, and (with `terser`) minifies it. Returns a line per step for the
/// build log.
pub fn service_worker(dir: &Path, terser: Option<&Path>) -> Result<Vec<String>, FinishError> {
    let mut log = Vec::new();
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

/// [`app_build::install`], then (with `terser`, in release builds) the glue and the chunk
/// loader minified; `treatment` names the minifier, as `install` takes it.
fn install_minified(
    pkg: &Path,
    dir: &Path,
    name: &str,
    treatment: &str,
    terser: Option<&Path>,
) -> Result<app_build::Installed, FinishError> {
    let app = app_build::install(pkg, dir, name, treatment)?;
    if let Some(terser) = terser {
        for script in [&app.js, &app.loader] {
            minify::minify(terser, &dir.join(script), minify::Kind::Module)?;
        }
    }
    Ok(app)
}

/// The file naming, for each binary, the files each of its split points downloads (see
/// [`chunk_map`]).
pub const CHUNK_MAP: &str = "chunks.json";

/// `chunks.json`: `{"app": {"pages": ["app-split_pages-….wasm", "app-chunk_6-….wasm", …],
/// …}, "widget-app": {…}}`, each binary's split points with the files calling one downloads,
/// over the `earlier` file's binaries (empty or not JSON: none). The app does not read it
/// (each loader knows its own); it is there for tools: the size report counts a widget's
/// first view with it.
pub fn chunk_map(
    earlier: &str,
    binaries: &[(&str, std::collections::BTreeMap<String, Vec<String>>)],
) -> String {
    let mut json = match serde_json::from_str(earlier) {
        Ok(serde_json::Value::Object(map)) => map,
        _ => serde_json::Map::new(),
    };
    for (name, needs) in binaries {
        json.insert((*name).to_string(), serde_json::json!(needs));
    }
    serde_json::Value::Object(json).to_string()
}

/// `html` without its comments and the blank lines they leave: index.html explains itself to
/// whoever edits it, and every page the build writes from it would carry that to every
/// visitor. Pages have no inline scripts or styles, where `<!--` could mean something else.
pub fn without_comments(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        rest = match rest[start..].find("-->") {
            Some(end) => &rest[start + end + 3..],
            None => "",
        };
    }
    out.push_str(rest);
    out.lines().filter(|l| !l.trim().is_empty()).collect::<Vec<_>>().join("\n") + "\n"
}

/// `html` without the `<link data-trunk rel="rust" … data-trunk-skip>` that only tells trunk
/// not to build a binary of its own ([`app_build`] builds both): trunk leaves it in the page.
/// An error when the page names the widget's binary afterwards, or still has a Rust link
/// (one trunk built, whose start-up the site would then run on every first visit).
pub fn without_rust_link(html: &str) -> Result<String, FinishError> {
    let mut page = html.to_string();
    while let Some(start) = page.find("<link data-trunk rel=\"rust\"") {
        let end = page[start..].find('>').map_or(page.len(), |e| start + e + 1);
        if !page[start..end].contains("data-trunk-skip") {
            return Err(FinishError::Unexpected(
                "index.html asks trunk to build a binary: the app and the widget are built by `cargo xtask prepare`".into(),
            ));
        }
        page.replace_range(start..end, "");
    }
    if page.contains("widget-app") || page.contains("import init from") {
        return Err(FinishError::Unexpected(
            "index.html starts a binary trunk built: the site's page must start only the app"
                .into(),
        ));
    }
    Ok(page)
}
