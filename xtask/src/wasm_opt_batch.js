// Runs binaryen's wasm-opt command line several times in one node process:
//   node wasm_opt_batch.js WASM_OPT_SCRIPT FLAG... -- FILE...
// optimises each FILE in place with the FLAGs, one after another, exactly as
// `wasm-opt FLAG... FILE -o FILE` would (the same program: binaryen's npm build of the
// command line, an Emscripten program). Compiled once, the program then starts in
// milliseconds for each file instead of about a second (see xtask/src/wasm_opt.rs).
// Exits with 1 when any file fails (the others are still optimised); binaryen's own messages
// go to stderr as they would.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const [script, ...rest] = process.argv.slice(2);
const split = rest.indexOf("--");
if (!script || split < 0) {
  console.error("usage: node wasm_opt_batch.js WASM_OPT_SCRIPT FLAG... -- FILE...");
  process.exit(2);
}
const flags = rest.slice(0, split);
const files = rest.slice(split + 1);
const source = fs.readFileSync(script, "utf8").replace(/^#!.*\n/, "");
// The program reads `Module` (its hooks) and its arguments from process.argv when it runs.
const program = new Function("Module", "require", "module", "__filename", "__dirname", source);
const node = process.argv[0];

// A trap or an abort inside the program escapes its own handling as an error thrown from a
// promise: it fails the module being optimised, and the next one still runs.
let failCurrent = null;
const fail = (e) => {
  if (failCurrent) {
    failCurrent(e instanceof Error ? e : new Error(String(e)));
  } else {
    console.error(String(e));
    process.exit(1);
  }
};
process.on("unhandledRejection", fail);
process.on("uncaughtException", fail);

function optimise(file) {
  return new Promise((resolve, reject) => {
    failCurrent = (e) => reject(new Error(`wasm-opt crashed on ${file}: ${e.message}`));
    process.argv = [node, script, ...flags, file, "-o", file];
    // The program reports its exit status through process.exitCode (Emscripten's quit_
    // under node), and its exit hook where the runtime ends.
    process.exitCode = 0;
    let status = 0;
    const Module = {
      onExit: (code) => { status = code; },
      onAbort: (what) => reject(new Error(`wasm-opt aborted on ${file}: ${what}`)),
      postRun: [() => resolve(status || process.exitCode || 0)],
    };
    program(Module, require, { exports: {} }, script, path.dirname(script));
  });
}

(async () => {
  let failed = 0;
  for (const file of files) {
    let status;
    try {
      status = await optimise(file);
    } catch (e) {
      console.error(String(e));
      status = 1;
    }
    if (status !== 0) {
      console.error(`wasm-opt failed on ${file} (exit ${status})`);
      failed += 1;
    }
  }
  process.exitCode = failed ? 1 : 0;
})();
