//! A page per route: every address the dataset lists is written as a file with that page's
//! content (`resource/x/index.html`), rendered by the app's own components
//! ([`mhr::ui::prerender`]), so any static host serves it with status 200 and a reader,
//! a search engine or a link preview gets the page without running the app. Also written:
//! `404.html`, the "not found" page hosts serve for unknown addresses, and `shell.html`, what
//! the service worker answers offline for a page it has no copy of.
//!
//! Each page is the finished `index.html` (its head, with the app's tags) with the page's
//! title, its own head tags ([`crate::head`]: description, Open Graph, and for a resource
//! its citation) and its rendered content in `<div id="app" data-mhr-root>`, which the app
//! takes over once it runs; a page whose view is in a chunk also asks for that chunk's files
//! in its head ([`chunk_preloads`]), so they download beside the main module rather than
//! after it. Beside each resource's page go its citation files
//! (`citation.ris`, `citation.bib`), and when the site's address is known, `sitemap.xml`
//! and `robots.txt` ([`crate::sitemap`]). Also written, though not pages: browse and each
//! section filtered by each tag, each view alone under `views/` ([`tag_views`],
//! [`widget_view`]), for a widget of one tag and a visit to such an address.

use std::path::Path;
use std::sync::Arc;

use mhr::core::catalog::Catalog;
use mhr::core::page_meta::page_meta;
use mhr::core::paths::{Paths, CITATION_FILES};
use mhr::core::reference_files::{bibtex, ris};
use mhr::core::route::Route;
use mhr::core::written;
use mhr::ui::prerender;
use mhr::ui::{Indexed, SiteAddress};

use crate::{head, io, sitemap, FinishError};

/// The split point of the app whose chunk holds `route`'s view (`src/ui/split.rs`); `None`
/// for home, whose written content the app keeps rather than rendering it from the chunk
/// `pages` (`src/ui/written.rs`).
pub fn split_of(route: &Route) -> Option<&'static str> {
    match route {
        Route::Home => None,
        Route::NotFound => Some("pages"),
        Route::Compare => Some("compare"),
        Route::Embed => Some("builder"),
        Route::Section(_)
        | Route::Resource(_)
        | Route::Tag(_)
        | Route::Browse
        | Route::Search
        | Route::About => Some("pages"),
    }
}

/// Preload tags, marked as the page's own (see [`head::without_page_tags`]), for the files
/// the split point of `route` downloads, from the app's entry in `chunks.json` (`app`):
/// the app downloads them first when it takes the page over, and without these it would ask
/// for them only once its main module had arrived and started. `as="fetch"` with
/// `crossorigin="anonymous"` matches the chunk loader's own `fetch`, so the download is
/// reused. Nothing when `app` has no such split point. A list's or a resource's page
/// ([`Route::starts_written`]) keeps its written content until the visitor first uses it
/// (`src/ui/kept.rs`), so its view's code is not needed before the app is ready: its preloads
/// are written inert (`media="not all"`, [`WITH_QUERY`]), and the start-up script turns them
/// on when the address has a query string (a filter, a search), which the written content
/// cannot stand for.
pub fn chunk_preloads(app: &serde_json::Value, base: &str, route: &Route) -> String {
    let Some(files) = split_of(route).and_then(|split| app[split].as_array()) else {
        return String::new();
    };
    let inert = if route.starts_written() {
        format!(" media=\"not all\" {WITH_QUERY}")
    } else {
        String::new()
    };
    files
        .iter()
        .filter_map(serde_json::Value::as_str)
        .map(|file| {
            format!(
                "\n    <link rel=\"preload\" href=\"{base}{file}\" as=\"fetch\" type=\"application/wasm\" crossorigin=\"anonymous\" fetchpriority=\"low\"{inert} {}>",
                head::MARK
            )
        })
        .collect()
}

/// Marks a preload that the start-up script turns on only for an address with a query string
/// (see [`chunk_preloads`] and `app_build::start_up_script`).
pub const WITH_QUERY: &str = "data-mhr-with-query";

/// The offline fallback's file, relative to the site's root.
pub const SHELL: &str = "shell.html";

/// Writes every page of the finished build in `dir` (served under `base`, at the public
/// address `site` when known), from its own `index.html` and `data/dataset.json`. Returns
/// lines for the build log.
pub fn write(dir: &Path, base: &str, site: Option<&str>) -> Result<Vec<String>, FinishError> {
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
    let started = std::time::Instant::now();
    let catalog = indexed.catalog();
    let site_name = catalog.data().meta.title.clone();
    // What each of the app's split points downloads, as finishing the build recorded it.
    let chunks: serde_json::Value = std::fs::read_to_string(dir.join(crate::CHUNK_MAP))
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    let head_of = |route: &Route, rendered: &prerender::Rendered| {
        let tags = head::tags(&page_meta(catalog, route, &rendered.name, site), &site_name, site);
        tags + &chunk_preloads(&chunks["app"], base, route)
    };
    let (mut largest, mut total) = ((String::new(), 0), 0);
    let mut urls = Vec::new();
    for route in &routes {
        let parsed = Route::parse(route);
        let rendered = prerender::page(&indexed, &address, route);
        let page = fill(&template, &rendered, &head_of(&parsed, &rendered))?;
        let file = dir.join(file_of(route)?);
        write_with_folder(&file, &page)?;
        let folder = file.parent().unwrap_or(dir);
        total += page.len();
        if page.len() > largest.1 {
            largest = (route.clone(), page.len());
        }
        let url = site.map(|s| Paths::absolute(s).link(route));
        if let Route::Resource(id) = &parsed {
            let resource = catalog.resource(id).ok_or_else(|| {
                FinishError::Unexpected(format!("no resource {id:?} for the route {route}"))
            })?;
            let [ris_name, bib_name] = CITATION_FILES;
            for (name, text) in [
                (ris_name, ris(catalog, resource, url.as_deref())),
                (bib_name, bibtex(catalog, resource, url.as_deref())),
            ] {
                let path = folder.join(name);
                std::fs::write(&path, text).map_err(io(&path))?;
            }
        }
        urls.extend(url);
    }
    // Browse filtered by each tag, and each section by each tag its resources carry: the
    // views a widget of one tag, or a visit to such an address, starts from.
    let fingerprint = crate::dataset_fingerprint(dir)?;
    let (mut views, mut views_bytes) = (0, 0);
    for route in tag_views(catalog) {
        let name = written::written_file(&route).ok_or_else(|| {
            FinishError::Unexpected(format!("no file can be named for the route {route}"))
        })?;
        let view = widget_view(&prerender::page(&indexed, &address, &route), &fingerprint)?;
        write_with_folder(&dir.join(&name), &view)?;
        views += 1;
        views_bytes += view.len();
    }
    // The "not found" page says so to search engines; the offline shell stands in for any
    // address, so it names none.
    let not_found = prerender::not_found(&indexed, &address);
    let not_found_tags = head_of(&Route::NotFound, &not_found);
    for (name, rendered, tags) in
        [("404.html", not_found, not_found_tags), (SHELL, prerender::shell(), String::new())]
    {
        let file = dir.join(name);
        std::fs::write(&file, fill(&template, &rendered, &tags)?).map_err(io(&file))?;
    }
    let mut log = vec![format!(
        "{} pages, {total} bytes, the largest {} ({} bytes), with the resources' citations; \
         404.html; {SHELL}; in {} ms",
        routes.len(),
        largest.0,
        largest.1,
        started.elapsed().as_millis()
    )];
    log.push(format!(
        "{views} views of one tag ({}browse/tag/<id>.html, {}section/<id>/tag/<id>.html), \
         {views_bytes} bytes",
        written::WIDGET_VIEWS,
        written::WIDGET_VIEWS
    ));
    let (map, robots) = (dir.join("sitemap.xml"), dir.join("robots.txt"));
    match site {
        Some(site) => {
            let text = sitemap::sitemap(&urls, &catalog.data().meta.updated);
            std::fs::write(&map, text).map_err(io(&map))?;
            std::fs::write(&robots, sitemap::robots(site)).map_err(io(&robots))?;
            log.push(format!("sitemap.xml ({} addresses) and robots.txt for {site}", urls.len()));
        }
        None => {
            // A build without the address has no absolute links to list: none from a
            // previous run stays behind.
            for file in [&map, &robots] {
                if file.exists() {
                    std::fs::remove_file(file).map_err(io(file))?;
                }
            }
            log.push("no SITE_URL: no canonical links, sitemap.xml or robots.txt".into());
        }
    }
    Ok(log)
}

/// Writes `text` to `file`, making its folder first.
fn write_with_folder(file: &Path, text: &str) -> Result<(), FinishError> {
    if let Some(folder) = file.parent() {
        std::fs::create_dir_all(folder).map_err(io(folder))?;
    }
    std::fs::write(file, text).map_err(io(file))
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

/// The page `template` with `page`'s title, head tags and content: `<title>` holds the
/// title, `head_tags` follow it (in place of the template's own description), and the body
/// holds only the element the app takes over, with the content in it. A page filled before
/// is filled again in the same way.
pub fn fill(
    template: &str,
    page: &prerender::Rendered,
    head_tags: &str,
) -> Result<String, FinishError> {
    let missing = |what: &str| FinishError::Unexpected(format!("index.html has no {what}"));
    let template = head::without_page_tags(template);
    let start = template.find("<title>").ok_or_else(|| missing("<title>"))?;
    let end = template[start..].find("</title>").ok_or_else(|| missing("</title>"))? + start;
    let after = end + "</title>".len();
    let mut html = format!(
        "{}<title>{}</title>{head_tags}{}",
        &template[..start],
        escape(&page.title),
        &template[after..]
    );
    let body = html.find("<body").ok_or_else(|| missing("<body>"))?;
    let open = html[body..].find('>').ok_or_else(|| missing("<body>"))? + body + 1;
    let close = html.rfind("</body>").ok_or_else(|| missing("</body>"))?;
    if close < open {
        return Err(missing("</body> after <body>"));
    }
    // The route the page was written for, which the app checks before keeping its content.
    let route = match &page.route {
        Some(route) => format!(" data-mhr-route=\"{}\"", escape(route).replace('"', "&quot;")),
        None => String::new(),
    };
    html.replace_range(
        open..close,
        &format!("\n<div id=\"app\" data-mhr-root{route}>{}</div>\n", page.body),
    );
    Ok(html)
}

/// The routes of the views written alone ([`mhr::core::written`]): browse filtered by each
/// tag of the dataset, then each section filtered by each tag its resources carry, in the
/// dataset's order.
pub fn tag_views(catalog: &Catalog) -> Vec<String> {
    let data = catalog.data();
    let mut routes: Vec<String> =
        data.tags.iter().map(|t| written::by_tag(&Paths::browse(), &t.id)).collect();
    for section in &data.sections {
        let resources = catalog.resources_in_section(&section.id);
        for tag in data.tags.iter().filter(|t| resources.iter().any(|r| r.tags.contains(&t.id))) {
            routes.push(written::by_tag(&Paths::section(&section.id), &tag.id));
        }
    }
    routes
}

/// A view of one tag written alone ([`mhr::core::written`]): a document holding only what a
/// widget or the takeover reads of a page (`src/ui/written.rs`), the fingerprint of the
/// dataset it was written from (`fingerprint`) and, in the element the app would take over,
/// the route it was written for and the view's `<main>`; no stylesheet, script or layout,
/// since nothing shows it as a page, and search engines are asked not to index it.
pub fn widget_view(page: &prerender::Rendered, fingerprint: &str) -> Result<String, FinishError> {
    let route = page.route.as_deref().unwrap_or_default();
    // The body is the app's own markup, whose text is escaped: `<main` opens the element
    // and nothing nests another.
    let main = page
        .body
        .find("<main")
        .zip(page.body.rfind("</main>"))
        .filter(|(start, end)| start < end)
        .map(|(start, end)| &page.body[start..end + "</main>".len()])
        .ok_or_else(|| FinishError::Unexpected(format!("the view of {route} has no <main>")))?;
    Ok(format!(
        "<!doctype html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"robots\" content=\"noindex\">\n<meta name=\"mhr-dataset\" content=\"{fingerprint}\">\n<title>{}</title>\n</head>\n<body>\n<div data-mhr-root data-mhr-route=\"{}\">{main}</div>\n</body>\n</html>\n",
        escape(&page.title),
        escape(route).replace('"', "&quot;")
    ))
}

/// Text for HTML: `&`, `<` and `>` escaped.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}
