//! `cargo xtask` resolves its dependencies as `cargo test --workspace` does, so that the
//! site's build after the tests reuses what they compiled (see "Not used by xtask's code" in
//! xtask/Cargo.toml). Read from `cargo tree`, which resolves features as a build would and
//! compiles nothing.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

/// Every package `cargo tree` lists for `selection`, each with the feature lists it is
/// resolved with: one, or two when the host (proc-macros, build scripts) and the target
/// resolve it differently.
fn feature_sets(selection: &[&str]) -> BTreeMap<String, BTreeSet<String>> {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let out = Command::new(cargo)
        .current_dir(workspace)
        .args(["tree", "--prefix", "none", "--format", "{p}|{f}"])
        .args(selection)
        .output()
        .expect("cargo tree runs");
    assert!(out.status.success(), "cargo tree: {}", String::from_utf8_lossy(&out.stderr));
    let mut sets: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for line in String::from_utf8(out.stdout).unwrap().lines().filter(|l| !l.is_empty()) {
        let line = line.strip_suffix(" (*)").unwrap_or(line);
        let (package, features) = line.split_once('|').expect("a package and its features");
        sets.entry(package.to_string()).or_default().insert(features.to_string());
    }
    sets
}

#[test]
fn cargo_xtask_resolves_its_dependencies_as_the_test_build_does() {
    let alone = feature_sets(&["--package", "xtask", "--edges", "normal,build"]);
    let tested = feature_sets(&["--workspace", "--edges", "normal,build,dev"]);
    assert!(alone.len() > 100, "cargo tree listed {} packages for xtask", alone.len());
    let differ: Vec<String> = alone
        .iter()
        .filter(|(package, features)| tested.get(*package) != Some(features))
        .map(|(package, features)| {
            format!("{package}: {features:?} for xtask, {:?} in the tests", tested.get(package))
        })
        .collect();
    assert!(
        differ.is_empty(),
        "ask for these features in xtask/Cargo.toml, or `cargo xtask` compiles them again \
         after the tests:\n{}",
        differ.join("\n")
    );
}
