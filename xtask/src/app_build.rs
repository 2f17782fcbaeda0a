//! The site's app and the partners' widget, each built in chunks: a first visit downloads the
//! code its first view needs, and every other view's code downloads when the view is first
//! shown (`src/ui/split.rs` declares where both binaries split; `src/ui/deferred.rs` shows a
//! page while its chunk loads).
//!
//! Trunk builds a binary with cargo and wasm-bindgen back to back, and splitting has to happen
//! in between, so neither binary goes through trunk's Rust pipeline (index.html's Rust link
//! tells trunk to skip its build) and [`build_all`] builds both as a pre-build hook instead:
//!
//! 1. cargo builds both binaries for wasm32 in one run ([`link`]), with `--emit-relocs`
//!    passed to their links alone (the crate's `build.rs`), so the libraries they share are
//!    built once and the two links run side by side;
//! 2. `wasm-split-cli` (`make setup` installs it) cuts the module at the split points into
//!    a main module, chunks, and a script that loads them (`__wasm_split.js`);
//! 3. wasm-bindgen writes the main module's glue, keeping the exports the chunks import;
//!    in release builds, the classes it exports that nothing uses are then taken out of both
//!    ([`crate::unused_classes`]), and the functions the module imports from it get short
//!    names in both ([`crate::import_names`]);
//! 4. in release builds, wasm-opt shrinks the main modules and chunks of both binaries, all
//!    at once, a worker per core ([`crate::wasm_opt`]).
//!
//! Steps 2 to 4 depend only on the linked module and the tools, so their output is kept with
//! a key made of those ([`KEY_FILE`]): a build whose module did not change (nothing changed,
//! or the same app built for another path prefix) reuses it.
//!
//! Its output, in `app-pkg/` (the site's) or `widget-app-pkg/` under cargo's target directory
//! (`…-pkg-debug/` for debug builds), is unnamed; after trunk's build [`install`] copies it
//! into the site under names from one hash of all of it, and [`start_up_script`] writes the
//! site's start-up script.

use std::path::Path;
use std::process::Command;

use crate::{content_hash, io, FinishError};

/// The glue's name, as wasm-bindgen and wasm-split-cli are told to write it.
const GLUE: &str = "app.js";
/// The main module's name, as wasm-bindgen writes it.
const MAIN: &str = "app_bg.wasm";
/// The module name the main module imports its glue's functions from, as wasm-bindgen writes
/// it (the glue's own name, from `--out-name app`, with `_bg`).
const GLUE_MODULE: &str = "./app_bg.js";
/// The chunk loader's name, as wasm-split-cli writes it and the glue imports it.
const LOADER: &str = "__wasm_split.js";

/// What these steps do, in the key of their output: changed whenever they change what they
/// make from the same module, so that a target directory from before is not reused.
const STEPS: &str =
    "split, bind, unused classes out and short import names (release), optimise (release)";

/// The file in the output directory naming what it was made from (see the module
/// documentation).
const KEY_FILE: &str = ".made-from";

/// The binaries built this way: the site's app and the partners' widget.
pub const BINARIES: [&str; 2] = ["app", "widget-app"];

/// Where [`build_all`] leaves the binary `bin` built in release (`release`) or debug, under
/// cargo's target directory `target`: a directory per profile, so that switching between
/// `make serve` (debug) and `make test` (release) redoes neither's splitting and binding, and
/// the two can build at once.
pub fn pkg_dir(target: &Path, bin: &str, release: bool) -> std::path::PathBuf {
    target.join(if release { format!("{bin}-pkg") } else { format!("{bin}-pkg-debug") })
}

/// Whether the app in cargo's target directory `target` was last split and bound for a
/// release build rather than a debug one (for `cargo xtask finish` run by hand, which no
/// profile is given to): the newer of the two [`pkg_dir`]s' keys.
pub fn release_built_last(target: &Path) -> bool {
    let made = |release| {
        std::fs::metadata(pkg_dir(target, BINARIES[0], release).join(KEY_FILE))
            .and_then(|m| m.modified())
            .ok()
    };
    made(true) >= made(false)
}

/// Builds every one of [`BINARIES`] for wasm32 with cargo, in one run. `root` is the crate's
/// directory.
pub fn link(root: &Path, release: bool) -> Result<(), FinishError> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command.current_dir(root).args(["build", "--target", "wasm32-unknown-unknown"]);
    // `make test` lints as it builds, with clippy-driver standing in for rustc (the
    // Makefile's `check`). The app is never built that way: clippy-driver turns off rustc's
    // optimisations of MIR (rust-lang/rust-clippy#8035), and the app is measured in bytes.
    command.env_remove("RUSTC_WORKSPACE_WRAPPER").env_remove("CLIPPY_ARGS");
    for bin in BINARIES {
        command.args(["--bin", bin]);
    }
    if release {
        command.arg("--release");
    }
    run(command, "cargo")
}

/// Builds every one of [`BINARIES`]: links them ([`link`]), splits and binds each ([`split`]),
/// then in release builds optimises every module of both with wasm-opt at once, one worker
/// per core ([`crate::wasm_opt`]). `root` is the crate's directory; each binary goes to its
/// [`pkg_dir`]. Returns a line per step for the build log.
pub fn build_all(root: &Path, release: bool) -> Result<Vec<String>, FinishError> {
    link(root, release)?;
    let target = crate::target_dir(root);
    let mut log = Vec::new();
    let mut unfinished = Vec::new();
    for bin in BINARIES {
        unfinished.extend(split(root, bin, release, &pkg_dir(&target, bin, release), &mut log)?);
    }
    let modules: Vec<_> = unfinished.iter().flat_map(|u| u.modules.iter().cloned()).collect();
    if !modules.is_empty() {
        log.push(crate::wasm_opt::optimise(&modules, &target.join("xtask"))?);
    }
    // Only once every module is optimised: a key names finished output.
    for u in unfinished {
        std::fs::write(&u.key_file, u.key).map_err(io(&u.key_file))?;
    }
    Ok(log)
}

/// A binary's output split and bound, not yet optimised or marked as made.
struct Unfinished {
    /// The modules wasm-opt still has to optimise (none in debug builds).
    modules: Vec<std::path::PathBuf>,
    key_file: std::path::PathBuf,
    key: String,
}

/// Splits and binds the binary `bin`, as [`link`] left it, into `out`, which is emptied first
/// unless it already holds what these steps (and optimising) would make; `None` then. `root`
/// is the crate's directory. Tools are found on PATH. Adds a line per step to `log`.
fn split(
    root: &Path,
    bin: &str,
    release: bool,
    out: &Path,
    log: &mut Vec<String>,
) -> Result<Option<Unfinished>, FinishError> {
    let target = crate::target_dir(root);
    let profile = if release { "release" } else { "debug" };
    let linked = target.join("wasm32-unknown-unknown").join(profile).join(format!("{bin}.wasm"));
    let key = made_from(&linked, release)?;
    let key_file = out.join(KEY_FILE);
    if std::fs::read_to_string(&key_file).is_ok_and(|k| k == key) {
        log.push(format!("{bin}: {} is up to date with the linked module", out.display()));
        return Ok(None);
    }

    let split = target.join(format!("{bin}-split-{profile}"));
    fresh_dir(&split)?;
    let mut command = Command::new("wasm-split-cli");
    command.arg(&linked).arg(&split).args(["--out-name", "app"]);
    run(command, "wasm-split-cli")?;

    fresh_dir(out)?;
    let mut command = Command::new("wasm-bindgen");
    command.args(["--target", "web", "--no-typescript", "--keep-lld-exports", "--no-demangle"]);
    command.args(["--out-name", "app", "--out-dir"]).arg(out).arg(split.join("app.wasm"));
    run(command, "wasm-bindgen")?;
    // Glue that imports JavaScript snippets of the crates would need them copied and renamed
    // too; none of ours has any, and a new one must not ship a site that cannot start.
    if out.join("snippets").exists() {
        return Err(FinishError::Unexpected(
            "wasm-bindgen wrote snippets/, which installing the app does not handle yet".into(),
        ));
    }
    if release {
        let (main, glue) = (out.join(MAIN), out.join(GLUE));
        log.push(crate::unused_classes::remove(&main, &glue, &crate::unused_classes::UNUSED)?);
        log.push(crate::import_names::shorten(&main, &glue, GLUE_MODULE)?);
    }
    let chunks = chunk_names(&split)?;
    for name in chunks.iter().map(String::as_str).chain([LOADER]) {
        let from = split.join(name);
        std::fs::copy(&from, out.join(name)).map_err(io(&from))?;
    }
    log.push(format!("{bin}: main module and {} chunks in {}", chunks.len(), out.display()));
    let modules = if release {
        chunks.iter().map(String::as_str).chain([MAIN]).map(|n| out.join(n)).collect()
    } else {
        Vec::new()
    };
    Ok(Some(Unfinished { modules, key_file, key }))
}

/// What the output of splitting, binding and optimising `linked` depends on: the module, the
/// profile, the steps themselves ([`STEPS`], and wasm-opt's flags in release), and the tools (the versions wasm-bindgen and wasm-opt report; wasm-split-cli,
/// which reports none, by its size and time on disk).
fn made_from(linked: &Path, release: bool) -> Result<String, FinishError> {
    let mut key = std::fs::read(linked).map_err(io(linked))?;
    key.extend(if release { b"release" as &[u8] } else { b"debug" });
    key.extend(STEPS.as_bytes());
    if release {
        key.extend(crate::wasm_opt::FLAGS.join(" ").as_bytes());
    }
    let tools: &[&str] = if release { &["wasm-bindgen", "wasm-opt"] } else { &["wasm-bindgen"] };
    for tool in tools {
        key.extend(tool_version(tool)?);
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    let split =
        std::env::split_paths(&path).map(|d| d.join("wasm-split-cli")).find(|p| p.is_file());
    if let Some(meta) = split.and_then(|p| p.metadata().ok()) {
        key.extend(format!("{} {:?}", meta.len(), meta.modified().ok()).bytes());
    }
    Ok(format!("{}\n", content_hash(&key)))
}

/// What `tool --version` prints.
fn tool_version(tool: &str) -> Result<Vec<u8>, FinishError> {
    let out = Command::new(tool).arg("--version").output().map_err(|e| {
        FinishError::Unexpected(format!("{tool} could not run ({e}); `make setup` installs it"))
    })?;
    Ok(out.stdout)
}

/// A binary's files as [`install`] named them in the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Installed {
    /// The glue, which the start-up script imports.
    pub js: String,
    /// The main module.
    pub wasm: String,
    /// The chunk loader, which the glue imports.
    pub loader: String,
    /// The chunks, which the loader fetches when a view needs them.
    pub chunks: Vec<String>,
    /// Each split point's chunk (`compare`, `pages`, …) with the files calling it downloads:
    /// its own chunk, if it has one, and the shared chunks it needs, as the loader says.
    pub needs: std::collections::BTreeMap<String, Vec<String>>,
}

/// Copies the binary `name` built into `pkg` into the site `dir`, each file named with one hash
/// of all of them (`NAME-HASH.js`, `NAME-HASH_bg.wasm`, `NAME-loader-HASH.js`,
/// `NAME-CHUNK-HASH.wasm`: the hash just before the extension, where the service worker looks
/// for it): the glue and
/// the loader import each other by name, so no file's name can come from its own content
/// alone, and any change renames every file. `treatment` names what happens to the files
/// afterwards (the minifier and its version, or nothing), so that files named alike are alike.
/// The names inside the glue and the loader are rewritten to match; a name that is not where
/// it is expected is an error, so a change in the tools cannot ship a site that does not start.
pub fn install(
    pkg: &Path,
    dir: &Path,
    name: &str,
    treatment: &str,
) -> Result<Installed, FinishError> {
    let read = |name: &str| {
        let path = pkg.join(name);
        std::fs::read(&path).map_err(io(&path))
    };
    let text = |name: &str| {
        String::from_utf8(read(name)?)
            .map_err(|_| FinishError::Unexpected(format!("{name} is not UTF-8")))
    };
    let (glue, main, loader) = (text(GLUE)?, read(MAIN)?, text(LOADER)?);
    let chunks = chunk_names(pkg)?;
    let mut all = treatment.as_bytes().to_vec();
    all.extend(glue.as_bytes());
    all.extend(&main);
    all.extend(loader.as_bytes());
    let mut chunk_bytes = Vec::new();
    for name in &chunks {
        let bytes = read(name)?;
        all.extend(name.as_bytes());
        all.extend(&bytes);
        chunk_bytes.push(bytes);
    }
    let hash = content_hash(&all);
    let named: Vec<String> = chunks
        .iter()
        .map(|c| format!("{name}-{}-{hash}.wasm", c.trim_end_matches(".wasm")))
        .collect();
    let mut installed = Installed {
        js: format!("{name}-{hash}.js"),
        wasm: format!("{name}-{hash}_bg.wasm"),
        loader: format!("{name}-loader-{hash}.js"),
        chunks: named,
        needs: std::collections::BTreeMap::new(),
    };

    // Only the import statements: the module name of the wasm's imports stays as it is.
    let from = |name: &str| format!("from \"./{name}\"");
    let glue = replace_all(&glue, &from(LOADER), &from(&installed.loader))?;
    // The glue's default path of the module (the start-up script passes it anyway).
    let glue = glue.replace(&format!("'{MAIN}'"), &format!("'{}'", installed.wasm));
    let written = loader;
    let mut loader =
        replace_quoted(&written, &format!("./{GLUE}"), &format!("./{}", installed.js))?;
    for (chunk, named) in chunks.iter().zip(&installed.chunks) {
        loader = replace_quoted(&loader, &format!("./{chunk}"), &format!("./{named}"))?;
    }
    for (split, files) in split_needs(&written)? {
        let files = files
            .iter()
            .map(|f| match chunks.iter().position(|c| c == f) {
                Some(i) => Ok(installed.chunks[i].clone()),
                None => Err(FinishError::Unexpected(format!("the loader fetches {f}, not built"))),
            })
            .collect::<Result<_, _>>()?;
        installed.needs.insert(split, files);
    }

    let write = |name: &str, bytes: &[u8]| {
        let path = dir.join(name);
        std::fs::write(&path, bytes).map_err(io(&path))
    };
    write(&installed.js, glue.as_bytes())?;
    write(&installed.wasm, &main)?;
    write(&installed.loader, loader.as_bytes())?;
    for (named, bytes) in installed.chunks.iter().zip(&chunk_bytes) {
        write(named, bytes)?;
    }
    Ok(installed)
}

/// What each split point of the loader `wasm-split-cli` wrote downloads: for every
/// `export const __wasm_split_load_NAME = …`, its own chunk file (when it has one) and the
/// shared chunks (`__chunk_N`, fetched from `chunk_N.wasm`) in the list that ends it. An
/// error when the loader has no split point, so a change in its shape cannot go unnoticed.
fn split_needs(loader: &str) -> Result<Vec<(String, Vec<String>)>, FinishError> {
    const EXPORT: &str = "export const __wasm_split_load_";
    let mut out = Vec::new();
    for part in loader.split(EXPORT).skip(1) {
        let Some((name, body)) = part.split_once(" =") else { continue };
        let body = body.split("\nexport ").next().unwrap_or(body);
        let mut files: Vec<String> = body
            .split("new URL(\"./")
            .skip(1)
            .filter_map(|s| s.split('"').next())
            .map(str::to_string)
            .collect();
        if let Some(list) = body.rsplit_once(", [").map(|(_, l)| l.split(']').next().unwrap_or(""))
        {
            files.extend(
                list.split(',')
                    .filter_map(|v| v.trim().strip_prefix("__"))
                    .map(|chunk| format!("{chunk}.wasm")),
            );
        }
        out.push((name.trim().to_string(), files));
    }
    if out.is_empty() {
        return Err(FinishError::Unexpected("the chunk loader has no split point".into()));
    }
    Ok(out)
}

/// The start-up script: imports the glue and starts the app with the main module. Where the
/// app cannot start (no WebAssembly, a blocked download), `<html>` is marked `no-app`: the
/// page written at build time stays, and the stylesheet then hides the controls that need
/// the app and shows what to do instead, as it does with scripts off. First, on browse or a
/// section filtered by one tag ([`TAG_VIEW_SCRIPT`]), it puts that view, which the build
/// wrote alone, in the page; on any other address with a query string, it turns on the
/// view's inert preloads ([`crate::pages::chunk_preloads`]): the app renders such a view from
/// its code at once.
pub fn start_up_script(base: &str, app: &Installed) -> String {
    let with_query = crate::pages::WITH_QUERY;
    let tag_view = TAG_VIEW_SCRIPT
        .replace("{VIEWS}", &format!("{base}{}", mhr::core::written::WIDGET_VIEWS))
        .replace("{WAIT}", &mhr::core::written::FILE_WAIT_MS.to_string())
        .replace("{PUT}", mhr::core::written::TAG_VIEW_PUT);
    format!(
        "import init from '{base}{}';\nconst preloads = () => {{\n  for (const inert of document.querySelectorAll('link[{with_query}]')) {{\n    const link = inert.cloneNode();\n    link.removeAttribute('media');\n    inert.replaceWith(link);\n  }}\n}};\n{tag_view} else if (location.search) preloads();\ntry {{\n  await init({{ module_or_path: '{base}{}' }});\n}} catch (e) {{\n  document.documentElement.classList.add('no-app');\n  throw e;\n}}\n",
        app.js, app.wasm
    )
}

/// The start-up script's part for a list filtered by one tag (`browse/?tag=x`,
/// `section/<id>/?tag=x`), which no page stands for: on the page written for browse or a
/// section, with `?tag=` and an id as [`mhr::core::written::written_file`] reads it, it
/// downloads the view the build wrote alone for that address (`{VIEWS}`, the folder with the
/// base) and, if it comes within `{WAIT}` ms, was written for this very address and from the
/// dataset the page was written from, puts its content in the page's `<main>` at once, before
/// the app has started; `window.{PUT}` ([`mhr::core::written::TAG_VIEW_PUT`]) settles with
/// whether it did, which the app waits for before it keeps that content
/// (`src/ui/takeover.rs`). The file is parsed with
/// `DOMParser`, which runs no script; its content is the build's own rendering. Ends with
/// the `if` block, for an `else` to follow. Where it does not put the view in the page, it
/// turns the view's inert preloads on (`preloads`, defined before it), as for any other query
/// string: the app renders the view from its code then.
pub const TAG_VIEW_SCRIPT: &str = r#"const tag = /^\?tag=([A-Za-z0-9-]+)$/.exec(location.search);
const list = document.querySelector('[data-mhr-route]');
const at = list && /^\/(browse|section\/[^/]+)\/$/.test(list.dataset.mhrRoute) && list.dataset.mhrRoute;
if (tag && at) {
  let late = false;
  const dataset = (d) => d.querySelector('meta[name=mhr-dataset]')?.content;
  window.{PUT} = Promise.race([
    fetch('{VIEWS}' + at.slice(1) + 'tag/' + tag[1] + '.html')
      .then((response) => (response.ok ? response.text() : ''))
      .then((text) => {
        const page = new DOMParser().parseFromString(text, 'text/html');
        const from = page.querySelector('[data-mhr-root]');
        const view = from && from.querySelector('main');
        const main = list.querySelector('main');
        const same = dataset(document) && dataset(page) === dataset(document);
        if (late || !view || !main || !same || from.dataset.mhrRoute !== at + location.search) return false;
        main.replaceChildren(...view.childNodes);
        return true;
      })
      .catch(() => false),
    new Promise((done) => setTimeout(() => { late = true; done(false); }, {WAIT})),
  ]);
  window.{PUT}.then((put) => put || preloads());
}"#;

/// `text` with every string literal `"from"` or `'from'` made `to`; an error when there is none.
fn replace_quoted(text: &str, from: &str, to: &str) -> Result<String, FinishError> {
    let out = text
        .replace(&format!("'{from}'"), &format!("'{to}'"))
        .replace(&format!("\"{from}\""), &format!("\"{to}\""));
    if out == text {
        return Err(FinishError::Unexpected(format!("the app's scripts do not name {from}")));
    }
    Ok(out)
}

/// `text` with every `from` made `to`; an error when there is none.
fn replace_all(text: &str, from: &str, to: &str) -> Result<String, FinishError> {
    if text.contains(from) {
        Ok(text.replace(from, to))
    } else {
        Err(FinishError::Unexpected(format!("the app's scripts do not have {from}")))
    }
}

/// The chunks in `dir`: every `.wasm` file but the main module, sorted.
fn chunk_names(dir: &Path) -> Result<Vec<String>, FinishError> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(io(dir))?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".wasm") && n != MAIN && n != "app.wasm")
        .collect();
    names.sort();
    Ok(names)
}

fn fresh_dir(dir: &Path) -> Result<(), FinishError> {
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(io(dir))?;
    }
    std::fs::create_dir_all(dir).map_err(io(dir))
}

pub(crate) fn run(mut command: Command, name: &str) -> Result<(), FinishError> {
    let status = command.status().map_err(|e| {
        FinishError::Unexpected(format!("{name} could not run ({e}); `make setup` installs it"))
    })?;
    if status.success() {
        Ok(())
    } else {
        Err(FinishError::Unexpected(format!("{name} failed ({status})")))
    }
}
