//! `make size`: the raw, gzip and brotli size of every file of the release build, the total a
//! first visit transfers, and a check against the budget in `tests/size-budget.json`.
//!
//! Every page is written with its content, so a visitor reads it once the page and its
//! stylesheet have arrived: that is the first content, budgeted for the largest page. The
//! pages are summed on a line of their own rather than listed.
//!
//! A first visit, until the app has taken home over, loads index.html, every file it references (script, wasm, styles, icon,
//! manifest), the dataset and the service worker; other files (for example the embed script,
//! and the chunks of the views other than home, summed on a line of their own) are listed but
//! not counted. A partner's page that shows a widget loads `widget.js`, the
//! widget's own script, chunk loader, wasm and stylesheet it names, the dataset, and the
//! code of the widget's default view (browse, in the chunk `pages`, with the shared chunks
//! it needs, as `chunks.json` lists them): that total is reported and budgeted too. Exits non-zero when either total is over its budget or the
//! build is missing.

#[path = "common/compressed.rs"]
mod compressed;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use mhr::core::written::WIDGET_VIEWS;

#[derive(Clone, Copy)]
struct Sizes {
    raw: usize,
    gzip: usize,
    brotli: usize,
}

fn sizes(bytes: &[u8]) -> Sizes {
    Sizes {
        raw: bytes.len(),
        gzip: compressed::gzip_len(bytes),
        brotli: compressed::brotli_len(bytes),
    }
}

/// The sizes of every file in `paths`, compressed one file per core at a time (brotli at
/// quality 11 is most of the report's time).
fn measure(paths: &[PathBuf]) -> std::collections::HashMap<PathBuf, Sizes> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..cores)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(path) = paths.get(i) else { return done };
                        let bytes = std::fs::read(path).expect("file is readable");
                        done.push((path.clone(), sizes(&bytes)));
                    }
                })
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().expect("a size worker panicked")).collect()
    })
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("dist is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// The site-relative paths index.html references through `href="..."` or `src="..."`.
fn referenced(index: &str, base: &str) -> Vec<String> {
    let mut found = Vec::new();
    for attr in ["href=\"", "src=\""] {
        for (i, _) in index.match_indices(attr) {
            let rest = &index[i + attr.len()..];
            let value = &rest[..rest.find('"').unwrap_or(0)];
            if !value.is_empty() && !value.contains("://") && !value.starts_with('#') {
                found.push(value.trim_start_matches(base).trim_start_matches('/').to_string());
            }
        }
    }
    found
}

/// The files `widget.js` loads, from the names the build filled into it.
fn widget_files(widget_js: &str) -> Vec<String> {
    ["js", "loader", "wasm", "css"]
        .iter()
        .filter_map(|key| {
            let rest = widget_js.split(&format!("\"{key}\":\"")).nth(1)?;
            Some(rest.split('"').next()?.to_string())
        })
        .collect()
}

/// The split point of the widget's default view (browse): the lists' code, which a list
/// widget downloads when the visitor first reaches into it.
const WIDGET_FIRST_VIEW: &str = "pages";

/// The page a list widget of the default view shows until then (src/ui/widget/written.rs).
const WIDGET_FIRST_PAGE: &str = "browse/index.html";

/// The widget's split points (from `chunks.json`), each with the chunks showing it first adds
/// to what `widget.js` names. `None` when the build has no such list.
fn widget_views(dist: &Path) -> Option<Vec<(String, Vec<String>)>> {
    let map: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dist.join("chunks.json")).ok()?).ok()?;
    let mut views = Vec::new();
    for (split, chunks) in map["widget-app"].as_object()? {
        let mut files = Vec::new();
        for file in chunks.as_array()? {
            files.push(file.as_str()?.to_string());
        }
        views.push((split.clone(), files));
    }
    Some(views)
}

fn kb(n: usize) -> String {
    format!("{:.1} KB", n as f64 / 1000.0)
}

fn main() -> ExitCode {
    let dist = std::env::args().nth(1).map(PathBuf::from).unwrap_or_else(|| "dist".into());
    let Ok(index) = std::fs::read_to_string(dist.join("index.html")) else {
        eprintln!("no build at {}: run `make dist` first", dist.display());
        return ExitCode::FAILURE;
    };
    let base = index.split("<base href=\"").nth(1).and_then(|s| s.split('"').next()).unwrap_or("/");
    let mut first_visit = referenced(&index, base);
    first_visit.push("index.html".into());
    first_visit.push("data/dataset.json".into());
    // The service worker registers on the first visit, and its script is downloaded then.
    first_visit.push("sw.js".into());

    let widget_js = std::fs::read_to_string(dist.join("widget.js")).unwrap_or_default();
    let mut widget = widget_files(&widget_js);
    if widget.len() != 4 {
        eprintln!(
            "widget.js names no script, chunk loader, wasm and stylesheet: was the build finished?"
        );
        return ExitCode::FAILURE;
    }
    widget.extend(["widget.js".to_string(), "data/dataset.json".to_string()]);
    let views = widget_views(&dist).unwrap_or_default();
    let Some((_, first_view)) = views.iter().find(|(split, _)| split == WIDGET_FIRST_VIEW) else {
        eprintln!("chunks.json does not list the widget's {WIDGET_FIRST_VIEW} chunk: was the build finished?");
        return ExitCode::FAILURE;
    };
    let widget_base = widget.clone();
    widget.push(WIDGET_FIRST_PAGE.to_string());
    // A name the build wrote for a file it did not write would count as nothing.
    let named = widget.iter().chain(views.iter().flat_map(|(_, files)| files));
    if let Some(missing) = named.into_iter().find(|rel| !dist.join(rel).is_file()) {
        eprintln!("widget.js or chunks.json names {missing}, which the build does not have");
        return ExitCode::FAILURE;
    }

    let mut all = Vec::new();
    files(&dist, &mut all);
    all.sort();
    let measured = measure(&all);
    let size_of = |path: &Path| measured.get(path).copied();
    let is_page = |rel: &str| rel.ends_with("/index.html");
    // What a page needs before it shows its content: itself and its stylesheets.
    let css: usize = index
        .match_indices("<link rel=\"stylesheet\" href=\"")
        .filter_map(|(i, m)| index[i + m.len()..].split('"').next())
        .map(|href| size_of(&dist.join(href.trim_start_matches(base))).map_or(0, |s| s.brotli))
        .sum();
    let (mut pages, mut pages_raw, mut pages_brotli, mut largest) = (0, 0, 0, (String::new(), 0));
    for path in &all {
        let rel = path.strip_prefix(&dist).unwrap().to_string_lossy().replace('\\', "/");
        if is_page(&rel) || rel == "index.html" {
            let s = size_of(path).expect("every file is measured");
            pages += 1;
            pages_raw += s.raw;
            pages_brotli += s.brotli;
            if s.brotli > largest.1 {
                largest = (rel, s.brotli);
            }
        }
    }
    // The views of one tag written alone (browse or a section filtered by one tag), and the
    // largest.
    let (mut tag_views, mut tag_views_brotli, mut largest_view) = (0, 0, (String::new(), 0));
    for path in &all {
        let rel = path.strip_prefix(&dist).unwrap().to_string_lossy().replace('\\', "/");
        if rel.starts_with(WIDGET_VIEWS) {
            let s = size_of(path).expect("every file is measured");
            tag_views += 1;
            tag_views_brotli += s.brotli;
            if s.brotli > largest_view.1 {
                largest_view = (rel, s.brotli);
            }
        }
    }
    if tag_views == 0 {
        eprintln!("the build wrote no views under {WIDGET_VIEWS}: was the build finished?");
        return ExitCode::FAILURE;
    }
    let home_content =
        size_of(&dist.join("index.html")).expect("index.html is measured").brotli + css;
    let largest_content = largest.1 + css;
    println!("{:<52} {:>10} {:>10} {:>10}  first visit / widget", "file", "raw", "gzip", "brotli");
    let (mut site, mut partner, mut chunks) = (Sizes { raw: 0, gzip: 0, brotli: 0 }, 0, 0);
    for path in &all {
        let rel = path.strip_prefix(&dist).unwrap().to_string_lossy().replace('\\', "/");
        if is_page(&rel) || rel.starts_with(WIDGET_VIEWS) {
            continue;
        }
        let s = size_of(path).expect("every file is measured");
        let counted = first_visit.contains(&rel);
        if counted {
            site.raw += s.raw;
            site.gzip += s.gzip;
            site.brotli += s.brotli;
        }
        // The app's chunks: each view, downloaded when it is first shown (home's when the
        // visitor comes back to it: the app keeps its written content), and the search engine.
        if rel.starts_with("app-") && rel.ends_with(".wasm") && !rel.ends_with("_bg.wasm") {
            chunks += s.brotli;
        }
        let in_widget = widget.contains(&rel);
        if in_widget {
            partner += s.brotli;
        }
        println!(
            "{rel:<52} {:>10} {:>10} {:>10}  {}",
            kb(s.raw),
            kb(s.gzip),
            kb(s.brotli),
            match (counted, in_widget) {
                (true, true) => "yes / yes",
                (true, false) => "yes",
                (false, true) => "    / yes",
                (false, false) => "",
            }
        );
    }
    println!(
        "{:<52} {:>10} {:>10} {:>10}",
        "FIRST VISIT TOTAL",
        kb(site.raw),
        kb(site.gzip),
        kb(site.brotli)
    );
    println!("{:<52} {:>10} {:>10} {:>10}", "CHUNKS, NOT IN IT (brotli)", "", "", kb(chunks));
    // The page a list widget starts from (pages are not listed above).
    partner += size_of(&dist.join(WIDGET_FIRST_PAGE)).expect("the page is measured").brotli;
    println!(
        "{:<52} {:>10} {:>10} {:>10}",
        format!("WIDGET FIRST LOAD, {WIDGET_FIRST_PAGE} (brotli)"),
        "",
        "",
        kb(partner)
    );
    // A list widget of one tag starts from that view, written alone: the largest counted.
    let base_files: usize =
        widget_base.iter().map(|rel| size_of(&dist.join(rel)).map_or(0, |s| s.brotli)).sum();
    let tag_widget = base_files + largest_view.1;
    println!(
        "{:<52} {:>32}",
        format!("  a list widget of one tag, {} (brotli)", largest_view.0),
        kb(tag_widget)
    );
    let lists: usize =
        first_view.iter().map(|rel| size_of(&dist.join(rel)).map_or(0, |s| s.brotli)).sum();
    println!(
        "{:<52} {:>32}",
        format!("  then the lists' code (chunk {WIDGET_FIRST_VIEW:?}), on first use"),
        kb(partner + lists)
    );
    // A widget rendering its first view from a chunk: another view, or a list with filters
    // or a search chosen (the search engine's chunk downloads after the first view, when the
    // browser is idle, whatever the view).
    let mut rendered_list = 0;
    for (split, files) in views.iter().filter(|(s, _)| s != "search") {
        let total: usize = widget_base
            .iter()
            .chain(files)
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .map(|rel| size_of(&dist.join(rel)).map_or(0, |s| s.brotli))
            .sum();
        if split == WIDGET_FIRST_VIEW {
            rendered_list = total;
        }
        println!(
            "{:<52} {:>32}",
            format!("  a widget rendering from the chunk {split:?} first"),
            kb(total)
        );
    }
    println!(
        "{:<52} {:>10} {:>21}",
        format!("PAGES WRITTEN: {pages}, home included"),
        kb(pages_raw),
        kb(pages_brotli)
    );
    println!("{:<52} {:>32}", format!("  the largest: {}", largest.0), kb(largest.1));
    println!(
        "{:<52} {:>32}",
        format!("VIEWS OF ONE TAG, WRITTEN ALONE: {tag_views}"),
        kb(tag_views_brotli)
    );
    println!("{:<52} {:>32}", "FIRST CONTENT OF HOME (page and stylesheet)", kb(home_content));
    println!("{:<52} {:>32}", "FIRST CONTENT OF THE LARGEST PAGE", kb(largest_content));

    let budget: serde_json::Value =
        serde_json::from_str(include_str!("size-budget.json")).expect("the budget file is JSON");
    let mut over = false;
    for (key, what, total) in [
        ("first_content_brotli_bytes", "the largest page's first content", largest_content),
        ("first_visit_brotli_bytes", "first visit", site.brotli),
        ("widget_first_load_brotli_bytes", "widget's first load", partner),
        ("tag_widget_first_load_brotli_bytes", "a list widget of one tag's first load", tag_widget),
        (
            "filtered_list_widget_first_load_brotli_bytes",
            "a filtered list widget's first load",
            rendered_list,
        ),
    ] {
        let limit = budget[key].as_u64().unwrap_or_else(|| panic!("budget has {key}")) as usize;
        if total > limit {
            eprintln!("OVER BUDGET: {what} is {} brotli, the budget is {}", kb(total), kb(limit));
            over = true;
        } else {
            println!(
                "within budget: {what} {} of {} brotli ({:.0}%)",
                kb(total),
                kb(limit),
                100.0 * total as f64 / limit as f64
            );
        }
    }
    if over {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
