//! The response headers that travel with the build: `_headers` (read by Netlify and
//! Cloudflare Pages) for the build's own path prefix, and its Content-Security-Policy as a
//! `<meta>` element in every page, for hosts that send no headers of their own choosing
//! (GitHub Pages, a plain file server).
//!
//! A policy in a `<meta>` element cannot hold every directive: browsers ignore
//! `frame-ancestors`, `report-uri`, `report-to` and `sandbox` there. So the page's copy leaves
//! them out, and those protections need the header. The rest is the same policy, so a page
//! served with both is held to the same rules.

use std::path::Path;

use crate::{io, FinishError};

/// Directives a `<meta>` policy cannot carry.
pub const HEADER_ONLY: [&str; 4] = ["frame-ancestors", "report-uri", "report-to", "sandbox"];

/// `_headers` with each path rule under `base` (`/` stays as it is): `/sw.js` becomes
/// `/partners/health/sw.js`. Rules already under `base` are left alone, so a second run
/// changes nothing.
pub fn for_prefix(headers: &str, base: &str) -> String {
    headers
        .lines()
        .map(|line| match line.strip_prefix('/') {
            Some(path) if !line.starts_with(base) => format!("{base}{path}\n"),
            _ => format!("{line}\n"),
        })
        .collect()
}

/// The Content-Security-Policy of the rule for every path (`/*`, or `PREFIX*`).
pub fn policy(headers: &str) -> Option<String> {
    let mut every_path = false;
    for line in headers.lines() {
        if line.starts_with('/') {
            every_path = line.trim_end().ends_with("/*");
        } else if let (true, Some((name, value))) = (every_path, line.trim().split_once(':')) {
            if name.trim().eq_ignore_ascii_case("content-security-policy") {
                return Some(value.trim().to_string());
            }
        }
    }
    None
}

/// `policy` without the directives a `<meta>` element cannot carry.
pub fn meta_policy(policy: &str) -> String {
    policy
        .split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .filter(|d| {
            let name = d.split_whitespace().next().unwrap_or_default().to_ascii_lowercase();
            !HEADER_ONLY.contains(&name.as_str())
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// `page` with the policy as `<meta http-equiv>` at the top of its head (after its charset),
/// before anything it governs; a page that has one already is left as it is.
pub fn with_meta_policy(page: &str, policy: &str) -> Result<String, FinishError> {
    if page.contains("http-equiv=\"Content-Security-Policy\"") {
        return Ok(page.to_string());
    }
    let missing = || FinishError::Unexpected("index.html has no <head>".into());
    let head = page.find("<head>").ok_or_else(missing)? + "<head>".len();
    let head = match page[head..].find("<meta charset") {
        Some(at) => page[head + at..].find('>').ok_or_else(missing)? + head + at + 1,
        None => head,
    };
    let meta = format!(
        "\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        policy.replace('&', "&amp;").replace('"', "&quot;")
    );
    Ok(format!("{}{meta}{}", &page[..head], &page[head..]))
}

/// Rewrites `dir/_headers` for `base` and, with `meta`, writes its policy into the finished
/// `dir/index.html`, the template of every page. Development builds (`trunk serve`) go
/// without it: trunk serves them with an inline live-reload script, which the policy
/// forbids. Returns a line for the build log; nothing when the build has no `_headers`.
pub fn write(dir: &Path, base: &str, meta: bool) -> Result<Vec<String>, FinishError> {
    let path = dir.join("_headers");
    let Ok(text) = std::fs::read_to_string(&path) else { return Ok(Vec::new()) };
    let text = for_prefix(&text, base);
    std::fs::write(&path, &text).map_err(io(&path))?;
    let Some(policy) = policy(&text).filter(|_| meta) else {
        return Ok(vec![format!("_headers: for {base}")]);
    };
    let index = dir.join("index.html");
    let page = std::fs::read_to_string(&index).map_err(io(&index))?;
    std::fs::write(&index, with_meta_policy(&page, &meta_policy(&policy))?).map_err(io(&index))?;
    Ok(vec![format!("_headers: for {base}; its Content-Security-Policy in every page")])
}
