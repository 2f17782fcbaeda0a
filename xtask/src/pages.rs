//! A page per route: every address the dataset lists is written as a file with that page's
//! content (`resource/x/index.html`), rendered by the app's own components
//! ([`mhr::ui::prerender`]), so any static host serves it with status 200 and a reader,
//! a search engine or a link preview gets the page without running the app. Also written:
//! `404.html`, the "not found" page hosts serve for unknown addresses, and `shell.html`, what
//! the service worker answers offline for a page it has no copy of.
//!
//! Each page is the finished `index.html` (its head, with the app's tags) with the page's
//! title and its rendered content in `<div id="app" data-mhr-root>`, which the app takes
//! over once it runs.

use std::path::Path;
use std::sync::Arc;

use mhr::core::catalog::Catalog;
use mhr::ui::prerender;
use mhr::ui::{Indexed, SiteAddress};

use crate::{io, FinishError};

/// The offline fallback's file, relative to the site's root.
pub const SHELL: &str = "shell.html";

/// Writes every page of the finished build in `dir` (served under `base`), from its own
/// `index.html` and `data/dataset.json`. Returns a line for the build log.
pub fn write(dir: &Path, base: &str) -> Result<Vec<String>, FinishError> {
    let index = dir.join("index.html");
    let template = std::fs::read_to_string(&index).map_err(io(&index))?;
    let data = dir.join("data/dataset.json");
    let text = std::fs::read_to_string(&data).map_err(io(&data))?;
    let dataset = mhr::core::load::load(&text).map_err(|e| {
        FinishError::Unexpected(format!("{}: the dataset is not valid: {e}", data.display()))
    })?;
    let indexed = Indexed::new(Arc::new(Catalog::new(dataset)));
    let address = SiteAddress { base: base.to_string(), origin: String::new() };
    let routes = prerender::routes(&indexed, &address).map_err(FinishError::Unexpected)?;
    let (mut largest, mut total) = ((String::new(), 0), 0);
    for route in &routes {
        let page = fill(&template, &prerender::page(&indexed, &address, route))?;
        let file = dir.join(file_of(route)?);
        if let Some(parent) = file.parent() {
            std::fs::create_dir_all(parent).map_err(io(parent))?;
        }
        std::fs::write(&file, &page).map_err(io(&file))?;
        total += page.len();
        if page.len() > largest.1 {
            largest = (route.clone(), page.len());
        }
    }
    for (name, rendered) in
        [("404.html", prerender::not_found(&indexed, &address)), (SHELL, prerender::shell())]
    {
        let file = dir.join(name);
        std::fs::write(&file, fill(&template, &rendered)?).map_err(io(&file))?;
    }
    Ok(vec![format!(
        "{} pages, {total} bytes, the largest {} ({} bytes); 404.html; {SHELL}",
        routes.len(),
        largest.0,
        largest.1
    )])
}

/// The file of a base-less route: `/` is `index.html`, `/resource/x/` is
/// `resource/x/index.html`. Refuses anything that could leave the site's folder.
pub fn file_of(route: &str) -> Result<String, FinishError> {
    let segments: Vec<&str> = route.split('/').filter(|s| !s.is_empty()).collect();
    let safe = |s: &&str| {
        !s.starts_with('.') && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.~%".contains(&b))
    };
    if !route.starts_with('/') || !segments.iter().all(safe) {
        return Err(FinishError::Unexpected(format!(
            "no file can be named after the route {route:?}"
        )));
    }
    Ok(segments.iter().map(|s| format!("{s}/")).collect::<String>() + "index.html")
}

/// The page `template` with `page`'s title and content: `<title>` holds the title, and the
/// body holds only the element the app takes over, with the content in it. A page filled
/// before is filled again in the same way.
pub fn fill(template: &str, page: &prerender::Rendered) -> Result<String, FinishError> {
    let missing = |what: &str| FinishError::Unexpected(format!("index.html has no {what}"));
    let start = template.find("<title>").ok_or_else(|| missing("<title>"))?;
    let end = template[start..].find("</title>").ok_or_else(|| missing("</title>"))? + start;
    let mut html =
        format!("{}<title>{}{}", &template[..start], escape(&page.title), &template[end..]);
    let body = html.find("<body").ok_or_else(|| missing("<body>"))?;
    let open = html[body..].find('>').ok_or_else(|| missing("<body>"))? + body + 1;
    let close = html.rfind("</body>").ok_or_else(|| missing("</body>"))?;
    if close < open {
        return Err(missing("</body> after <body>"));
    }
    html.replace_range(
        open..close,
        &format!("\n<div id=\"app\" data-mhr-root>{}</div>\n", page.body),
    );
    Ok(html)
}

/// Text for HTML: `&`, `<` and `>` escaped.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}
