//! The Makefile's early build of the app (`app-wasm`, which `make test` runs beside its native
//! builds) builds what the pre-build hook links, so that the hook finds it built.

use xtask::app_build::BINARIES;

#[test]
fn the_makefiles_early_build_names_the_binaries_the_hook_links() {
    let makefile = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../Makefile"))
        .expect("the Makefile");
    let line = makefile
        .lines()
        .find_map(|l| l.strip_prefix("APP_BINARIES :="))
        .expect("APP_BINARIES in the Makefile");
    let named: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(named, BINARIES, "the Makefile's APP_BINARIES and app_build::BINARIES differ");
    let recipe = makefile
        .split("\napp-wasm:\n")
        .nth(1)
        .and_then(|rest| rest.lines().next())
        .expect("the app-wasm recipe");
    for arg in ["cargo build", "--target wasm32-unknown-unknown", "--release"] {
        assert!(recipe.contains(arg), "app-wasm does not pass {arg}: {recipe}");
    }
    assert!(!recipe.contains("LINT"), "the hook builds the app without clippy: {recipe}");
}
