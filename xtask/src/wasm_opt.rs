//! `wasm-opt` ([`FLAGS`]) on many modules at once, one worker per core.
//!
//! The wasm-opt `make setup` installs is binaryen's npm build: a node script holding the
//! program as WebAssembly, which node decodes and compiles on every start, about a second
//! before any work (0.7 to 1.1 s for a chunk of a few KB here). The app and the widget are
//! 17 modules, so a process per module spent about as long starting as optimising. Where
//! wasm-opt is that script, each worker is one node process that runs the same program once
//! per module ([`BATCH`], `wasm_opt_batch.js`): measured on the app's ten modules, one after
//! another, 19.6 s as ten processes against 9.7 s in one, every output byte for byte the
//! same. Any other wasm-opt (a native build) runs once per module as before.
//!
//! Hand-written: binaryen's JavaScript API would run in one process too, but its output is
//! not `wasm-opt -Oz`'s (2 KB larger for the app's main module), and no crate runs binaryen.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::app_build::run;
use crate::{io, FinishError};

/// The batch runner: node runs binaryen's wasm-opt program once per file given.
const BATCH: &str = include_str!("wasm_opt_batch.js");

/// The flags every module is optimised with, chosen by what the modules weigh brotli-compressed
/// (the app's main module, measured on one build, 2026-12-07): `-Oz` 136.1 KB; `-Os` inlines a
/// little more, 15 KB larger raw but 135.8 KB compressed; `--low-memory-unused` lets binaryen
/// fold constant address offsets into loads and stores (it assumes the first 1 KB of memory is
/// never used, and Rust's linker puts the 1 MB stack there, growing down towards it), 135.5 KB
/// with `-Oz` and 135.0 KB with `-Os`. In the build: first visit 154.7 to 153.7 KB, a list
/// widget 224.8 to 223.4 KB. `-O2`, `-O3`, `--converge`, `-iit` and `-tnh` compressed worse or
/// the same (`-tnh` would also let binaryen drop code a trap depends on); Rust's
/// `opt-level = "s"` made the first visit 161.7 KB.
pub(crate) const FLAGS: [&str; 2] = ["-Os", "--low-memory-unused"];

/// The wasm-opt to run.
#[derive(Debug, Clone)]
pub enum WasmOpt {
    /// binaryen's npm build, a node script: run in batches by [`BATCH`].
    NodeScript(PathBuf),
    /// Any other: run once per module.
    Program(PathBuf),
}

impl WasmOpt {
    /// The `wasm-opt` on PATH, or `None` when there is none.
    pub fn on_path() -> Option<WasmOpt> {
        let path = std::env::var_os("PATH")?;
        let found =
            std::env::split_paths(&path).map(|d| d.join("wasm-opt")).find(|p| p.is_file())?;
        let real = std::fs::canonicalize(&found).ok()?;
        Some(if is_node_script(&real) {
            WasmOpt::NodeScript(real)
        } else {
            WasmOpt::Program(found)
        })
    }
}

/// Optimises every module in `modules` in place with `wasm-opt` and [`FLAGS`], the work spread over
/// one worker per core (see [`share_out`]), with the wasm-opt on PATH. `scratch` is a
/// directory the batch runner can be written into. Returns a line for the build log.
pub fn optimise(modules: &[PathBuf], scratch: &Path) -> Result<String, FinishError> {
    let tool = WasmOpt::on_path().ok_or_else(|| {
        FinishError::Unexpected("wasm-opt is not on PATH; `make setup` installs it".into())
    })?;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    optimise_with(&tool, modules, cores, scratch)
}

/// [`optimise`] with the wasm-opt `tool`, on `workers` workers.
pub fn optimise_with(
    tool: &WasmOpt,
    modules: &[PathBuf],
    workers: usize,
    scratch: &Path,
) -> Result<String, FinishError> {
    if modules.is_empty() {
        return Ok("wasm-opt: nothing to optimise".into());
    }
    let lists = share_out(modules, workers);
    // Each worker's commands, run one after another. The batch runner is a file of this
    // process's own: two builds at once must not run each other's half-written copy.
    let (work, runner): (Vec<Vec<Command>>, Option<PathBuf>) = match tool {
        WasmOpt::NodeScript(script) => {
            std::fs::create_dir_all(scratch).map_err(io(scratch))?;
            let runner = scratch.join(format!("wasm_opt_batch-{}.js", std::process::id()));
            std::fs::write(&runner, BATCH).map_err(io(&runner))?;
            let batch = |files: &Vec<PathBuf>| {
                let mut command = Command::new("node");
                command.arg(&runner).arg(script).args(FLAGS).arg("--").args(files);
                vec![command]
            };
            (lists.iter().map(batch).collect(), Some(runner))
        }
        WasmOpt::Program(program) => {
            let each = |file: &PathBuf| {
                let mut command = Command::new(program);
                command.args(FLAGS).arg(file).arg("-o").arg(file);
                command
            };
            (lists.iter().map(|files| files.iter().map(each).collect()).collect(), None)
        }
    };
    let ran = std::thread::scope(|scope| {
        let running: Vec<_> = work
            .into_iter()
            .map(|commands| {
                scope.spawn(|| commands.into_iter().try_for_each(|c| run(c, "wasm-opt")))
            })
            .collect();
        running.into_iter().try_for_each(|w| w.join().expect("a wasm-opt worker panicked"))
    });
    let how = match runner {
        Some(runner) => {
            let _ = std::fs::remove_file(runner);
            "one node process each"
        }
        None => "a run per module",
    };
    ran?;
    Ok(format!(
        "wasm-opt {}: {} modules, {} workers ({how})",
        FLAGS.join(" "),
        modules.len(),
        lists.len()
    ))
}

/// `modules` shared out among at most `workers` lists of about equal bytes: the largest first,
/// each to the list with the fewest bytes so far. No list is empty (none at all for no
/// modules).
pub fn share_out(modules: &[PathBuf], workers: usize) -> Vec<Vec<PathBuf>> {
    if modules.is_empty() {
        return Vec::new();
    }
    let size = |p: &PathBuf| std::fs::metadata(p).map_or(0, |m| m.len());
    let mut sorted: Vec<(u64, &PathBuf)> = modules.iter().map(|p| (size(p), p)).collect();
    sorted.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    let mut lists: Vec<(u64, Vec<PathBuf>)> =
        vec![(0, Vec::new()); workers.clamp(1, modules.len())];
    for (bytes, path) in sorted {
        let lightest = lists.iter_mut().min_by_key(|(total, _)| *total).expect("one list at least");
        lightest.0 += bytes;
        lightest.1.push(path.clone());
    }
    lists.into_iter().map(|(_, list)| list).collect()
}

/// Whether `file` starts with a `#!` line naming node.
fn is_node_script(file: &Path) -> bool {
    let mut start = [0u8; 64];
    let Ok(read) =
        std::fs::File::open(file).and_then(|mut f| std::io::Read::read(&mut f, &mut start))
    else {
        return false;
    };
    let first_line = start[..read].split(|&b| b == b'\n').next().unwrap_or_default();
    first_line.starts_with(b"#!") && first_line.ends_with(b"node")
}
