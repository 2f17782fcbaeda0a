//! A copy of the build that a test can redeploy as a second build would be, served, with a
//! tab open on it under its service worker.

use std::path::{Path, PathBuf};

use super::{Browser, ServeOptions, StaticServer, TempDir, WAIT};

/// Waits until the service worker controls the page.
pub fn wait_controlled(browser: &Browser) {
    browser.wait_until(
        "navigator.serviceWorker.controller && navigator.serviceWorker.controller.state === 'activated'",
        WAIT,
        "the service worker to control the page",
    );
}

/// Copies a built site into `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A copy of the build that the test can redeploy, served, with a tab open on `path` (whose
/// heading shows `heading`) and controlled by the service worker.
pub struct Deployed {
    pub browser: Browser,
    pub server: StaticServer,
    pub root: PathBuf,
    pub _host: TempDir,
}

pub fn deploy_and_visit(path: &str, heading: &str) -> Deployed {
    let host = TempDir::new("deploy");
    let root = host.path().join("site");
    copy_dir(&super::dist_dir(), &root);
    let server = StaticServer::start(&root, ServeOptions::default());
    let browser = Browser::launch(1280, 900);
    browser.goto(&server.site_url(path));
    browser.wait_for_text("main h1", heading, WAIT);
    wait_controlled(&browser);
    Deployed { browser, server, root, _host: host }
}

/// Gives the service worker in `root` the version `version`: the browser then sees a new
/// worker, as after a deployment.
pub fn new_worker_version(root: &Path, version: &str) {
    let sw = std::fs::read_to_string(root.join("sw.js")).unwrap();
    let old = sw.split("\"version\":\"").nth(1).unwrap().split('"').next().unwrap().to_string();
    std::fs::write(root.join("sw.js"), sw.replace(&old, version)).unwrap();
}

/// Renames the first file at the top of `root` whose name `matches`, as a new build would
/// name it (its hash replaced), and every page and script that names it; returns the new
/// name.
pub fn rename_built_file(root: &Path, matches: impl Fn(&str) -> bool) -> String {
    let old = std::fs::read_dir(root)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .find(|n| matches(n))
        .expect("a file to rename");
    let (stem, extension) = old.rsplit_once('.').expect("a file name with an extension");
    let (name, _hash) = stem.rsplit_once('-').expect("a hashed file name");
    let new = format!("{name}-0123456789abcdef.{extension}");
    std::fs::rename(root.join(&old), root.join(&new)).unwrap();
    fn rewrite(dir: &Path, old: &str, new: &str) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                rewrite(&path, old, new);
            } else if path.extension().is_some_and(|e| e == "html" || e == "js") {
                let text = std::fs::read_to_string(&path).unwrap();
                if text.contains(old) {
                    std::fs::write(&path, text.replace(old, new)).unwrap();
                }
            }
        }
    }
    rewrite(root, &old, &new);
    new
}
