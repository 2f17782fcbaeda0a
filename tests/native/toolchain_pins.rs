//! The tools the build and tests install are pinned, and `make setup` checks the version of
//! each one it finds rather than only that it is there.

use std::path::Path;

fn read(file: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file))
        .unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// The recipe lines of a Makefile target, with `\`-continued lines joined.
fn recipe(makefile: &str, target: &str) -> Vec<String> {
    let joined = makefile.replace("\\\n", " ");
    let start = joined
        .lines()
        .position(|l| l.starts_with(&format!("{target}:")))
        .unwrap_or_else(|| panic!("no target {target}"));
    joined.lines().skip(start + 1).take_while(|l| l.starts_with('\t')).map(String::from).collect()
}

#[test]
fn cargo_installs_use_the_crates_lockfile_except_where_the_readme_says_it_cannot() {
    let makefile = read("Makefile");
    let installs: Vec<String> = recipe(&makefile, "setup")
        .into_iter()
        .filter(|l| l.contains("|| cargo install "))
        .collect();
    assert!(installs.len() >= 3, "{installs:#?}");
    for line in installs {
        let documented_exception = line.contains("wasm-bindgen-cli");
        assert!(line.contains("--locked") || documented_exception, "not --locked: {line}");
    }
    assert!(read("README.md").contains("wasm-bindgen-cli"), "the README says why");
}

#[test]
fn npm_tools_come_from_the_committed_lockfile_without_install_scripts() {
    let makefile = read("Makefile");
    assert!(!makefile.contains("npm install"), "npm install resolves versions anew");
    let setup = recipe(&makefile, "setup").join("\n");
    assert!(setup.contains("npm ci --ignore-scripts"), "{setup}");
    let package: serde_json::Value = serde_json::from_str(&read("tools/package.json")).unwrap();
    let lock: serde_json::Value = serde_json::from_str(&read("tools/package-lock.json")).unwrap();
    let pinned = package["dependencies"].as_object().expect("dependencies");
    for name in ["binaryen", "terser", "axe-core"] {
        let version = pinned[name].as_str().unwrap_or_else(|| panic!("{name} is not pinned"));
        assert!(version.chars().all(|c| c.is_ascii_digit() || c == '.'), "{name}: {version}");
        let locked = &lock["packages"][format!("node_modules/{name}")];
        assert_eq!(locked["version"], version, "{name}: the lockfile agrees");
        assert!(locked["integrity"].as_str().is_some_and(|i| i.starts_with("sha512-")), "{name}");
    }
}

#[test]
fn every_tool_found_is_checked_for_its_version() {
    let makefile = read("Makefile");
    let steps: Vec<String> = ["setup", "setup-browser"]
        .iter()
        .flat_map(|t| recipe(&makefile, t))
        .filter(|l| l.trim_start().starts_with('@'))
        .collect();
    for tool in
        ["trunk", "wasm-bindgen", "wasm_split_cli_support", "wasm-opt", "terser", "axe-core"]
    {
        let checks: Vec<&String> = steps.iter().filter(|l| l.contains(tool)).collect();
        assert!(!checks.is_empty(), "{tool} is not checked");
        assert!(
            checks.iter().any(|l| l.contains("version") || l.contains(" v$(")),
            "{tool}: only its presence is checked: {checks:#?}"
        );
    }
    let presence_only: Vec<&String> =
        steps.iter().filter(|l| l.contains("test -x") && !l.contains("chromium")).collect();
    assert!(presence_only.is_empty(), "{presence_only:#?}");
}
