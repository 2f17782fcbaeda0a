//! wasm-opt over many modules: the batch runner's output is the program's own, a failure is
//! reported, and the work is shared out evenly.

use std::path::{Path, PathBuf};

use crate::finish::temp_dir;
use xtask::wasm_opt::{optimise_with, share_out, WasmOpt};

/// binaryen's npm wasm-opt, as `make setup` installs it.
fn binaryen() -> PathBuf {
    let script =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../.tools/node_modules/binaryen/bin/wasm-opt");
    assert!(script.is_file(), "{} is missing: run `make setup`", script.display());
    std::fs::canonicalize(script).unwrap()
}

/// A module exporting `f`, which returns 1 + 2: wasm-opt folds the sum to 3.
const MODULE: [u8; 37] = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version
    0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f, // type: [] -> [i32]
    0x03, 0x02, 0x01, 0x00, // function 0 has type 0
    0x07, 0x05, 0x01, 0x01, b'f', 0x00, 0x00, // export "f"
    0x0a, 0x09, 0x01, 0x07, 0x00, 0x41, 0x01, 0x41, 0x02, 0x6a, 0x0b, // 1 + 2
];

fn write_modules(dir: &Path, names: &[&str], bytes: &[u8]) -> Vec<PathBuf> {
    names
        .iter()
        .map(|n| {
            let path = dir.join(n);
            std::fs::write(&path, bytes).unwrap();
            path
        })
        .collect()
}

#[test]
fn one_node_process_per_worker_writes_what_wasm_opt_writes_module_by_module() {
    let dir = temp_dir("wasm-opt-same");
    let script = binaryen();
    let batched = write_modules(&dir, &["a.wasm", "b.wasm", "c.wasm"], &MODULE);
    let single = write_modules(&dir, &["d.wasm"], &MODULE);
    let log = optimise_with(&WasmOpt::NodeScript(script.clone()), &batched, 2, &dir).unwrap();
    assert!(log.contains("3 modules, 2 workers"), "{log}");
    optimise_with(&WasmOpt::Program(script), &single, 1, &dir).unwrap();
    let expected = std::fs::read(&single[0]).unwrap();
    assert_ne!(expected, &MODULE, "wasm-opt changed nothing");
    for path in &batched {
        assert_eq!(std::fs::read(path).unwrap(), expected, "{}", path.display());
    }
}

#[test]
fn a_module_wasm_opt_cannot_read_fails_the_batch_and_the_others_are_still_optimised() {
    let dir = temp_dir("wasm-opt-fails");
    let script = binaryen();
    let good = write_modules(&dir, &["good.wasm", "after.wasm"], &MODULE);
    // The largest goes first: the unreadable one, so the others come after its failure.
    let bad = write_modules(&dir, &["bad.wasm"], &[b'?'; 100]);
    let all = vec![good[0].clone(), bad[0].clone(), good[1].clone()];
    let error = optimise_with(&WasmOpt::NodeScript(script), &all, 1, &dir).unwrap_err();
    assert!(error.to_string().contains("wasm-opt failed"), "{error}");
    for path in &good {
        assert_ne!(std::fs::read(path).unwrap(), &MODULE, "{}", path.display());
    }
}

#[test]
fn modules_are_shared_out_by_size_with_no_worker_idle() {
    let dir = temp_dir("wasm-opt-share");
    let sizes = [
        ("main.wasm", 1000),
        ("pages.wasm", 300),
        ("compare.wasm", 250),
        ("x.wasm", 200),
        ("y.wasm", 100),
        ("z.wasm", 10),
    ];
    let modules: Vec<PathBuf> = sizes
        .iter()
        .map(|(name, size)| {
            let path = dir.join(name);
            std::fs::write(&path, vec![0u8; *size]).unwrap();
            path
        })
        .collect();
    let lists = share_out(&modules, 2);
    let names = |list: &Vec<PathBuf>| -> Vec<String> {
        list.iter().map(|p| p.file_name().unwrap().to_string_lossy().into()).collect()
    };
    // The largest alone on one worker; the rest, largest first, on the other.
    assert_eq!(names(&lists[0]), ["main.wasm"]);
    assert_eq!(names(&lists[1]), ["pages.wasm", "compare.wasm", "x.wasm", "y.wasm", "z.wasm"]);
    // More workers than modules: one module each, no empty list.
    let many = share_out(&modules[..2], 8);
    assert_eq!(many.len(), 2);
    assert!(many.iter().all(|l| l.len() == 1));
    assert!(share_out(&[], 2).is_empty());
}
