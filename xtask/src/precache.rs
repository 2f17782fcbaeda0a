//! The service worker's precache list: every file the app needs to run offline, with a
//! revision taken from its content, and a version for the whole build.
//!
//! `sw.js` is written by hand; this fills its `/*MHR_PRECACHE*/null` placeholder with
//! `{"version": …, "files": [{"url", "revision", "bytes"}]}`. The version changes whenever
//! any precached file changes, which is what makes the browser install the new worker and
//! what names its cache.

use std::path::Path;

use crate::{content_hash, fill_placeholder, io, json_string, FinishError};

/// One precached file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its path relative to the site's root, with `/`.
    pub url: String,
    /// A hash of its content.
    pub revision: String,
    /// Its size.
    pub bytes: u64,
}

/// Whether a built file belongs in the precache. Left out: the worker itself, the pages
/// (the worker keeps those a visitor opens; offline, any other address gets `shell.html`,
/// which is precached) and the 404 page, the partner-facing scripts and the widget's own
/// binary, chunks and stylesheet (they run on other sites, outside the worker's reach), the
/// build's chunk map for tools, the CSV files
/// for readers without the app (the app makes its own), host configuration, and the
/// resources' citation files (one pair per resource, like the pages), and the views of one
/// tag written alone (like the pages: one per tag and list; [`mhr::core::written`]).
pub fn is_precached(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    !(path.starts_with(mhr::core::written::WIDGET_VIEWS)
        || matches!(
            name,
            "sw.js"
                | "index.html"
                | "404.html"
                | "widget.js"
                | "embed.js"
                | "_headers"
                | "widget-base.css"
                | "sitemap.xml"
                | "robots.txt"
                | "chunks.json"
                | "citation.ris"
                | "citation.bib"
        )
        || name.starts_with("widget-app-")
        || name.starts_with("widget-") && name.ends_with(".css")
        || name.starts_with('.')
        || name.ends_with(".map")
        || name.ends_with(".csv"))
}

/// The entries for the files under `dir`, sorted by URL.
pub fn entries(dir: &Path) -> Result<Vec<Entry>, FinishError> {
    let mut out = Vec::new();
    collect(dir, dir, &mut out)?;
    out.sort_by(|a, b| a.url.cmp(&b.url));
    Ok(out)
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<Entry>) -> Result<(), FinishError> {
    for entry in std::fs::read_dir(dir).map_err(io(dir))?.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(root, &path, out)?;
            continue;
        }
        let url = path
            .strip_prefix(root)
            .map_err(|e| FinishError::Unexpected(e.to_string()))?
            .components()
            .map(|c| c.as_os_str().to_string_lossy().to_string())
            .collect::<Vec<_>>()
            .join("/");
        if !is_precached(&url) {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(io(&path))?;
        out.push(Entry {
            url,
            revision: content_hash(&bytes)[..12].to_string(),
            bytes: bytes.len() as u64,
        });
    }
    Ok(())
}

/// The build's version: a hash of every URL and revision.
pub fn version(entries: &[Entry]) -> String {
    let all: String = entries.iter().map(|e| format!("{} {}\n", e.url, e.revision)).collect();
    content_hash(all.as_bytes())[..12].to_string()
}

/// The manifest as JSON, for the worker.
pub fn manifest_json(entries: &[Entry]) -> String {
    let files: Vec<String> = entries
        .iter()
        .map(|e| {
            format!(
                "{{\"url\":{},\"revision\":{},\"bytes\":{}}}",
                json_string(&e.url),
                json_string(&e.revision),
                e.bytes
            )
        })
        .collect();
    format!("{{\"version\":{},\"files\":[{}]}}", json_string(&version(entries)), files.join(","))
}

/// Fills `sw.js` in `dir` with the precache list; returns a line for the build log.
pub fn write_service_worker(dir: &Path) -> Result<String, FinishError> {
    let entries = entries(dir)?;
    let path = dir.join("sw.js");
    let script = std::fs::read_to_string(&path).map_err(io(&path))?;
    if script.contains("/*MHR_PRECACHE*/null") {
        let filled = fill_placeholder(&script, "MHR_PRECACHE", &manifest_json(&entries))?;
        std::fs::write(&path, filled).map_err(io(&path))?;
    }
    let total: u64 = entries.iter().map(|e| e.bytes).sum();
    Ok(format!(
        "sw.js: precaches {} files, {} bytes, version {}",
        entries.len(),
        total,
        version(&entries)
    ))
}
