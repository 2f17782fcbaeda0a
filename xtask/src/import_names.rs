//! Short names for the functions a wasm module imports from its wasm-bindgen glue.
//!
//! wasm-bindgen names every function the module imports from its glue after the Rust item
//! and a hash of its signature (`__wbg_getBoundingClientRect_329ca748ec918b0c`), and writes
//! each name twice: in the module's import section and as a key of the object the glue gives
//! the module when instantiating it. The site's main module imports 240 such functions, and
//! their names were 10.7 KB of it; the 16 hex digits of each hash do not compress. Renaming
//! them `a`, `b`, … `aa` in both files, as binaryen's `--minify-imports` would in the module
//! alone, took the first visit from 176.8 to 171.0 KB brotli (the main module 151.0 -> 147.7,
//! its glue 7.3 -> 4.8; README, Size).
//!
//! Only in release builds ([`crate::app_build`]): in a debug build, the glue's functions keep
//! names that say what they call, for the browser's developer tools.
//!
//! A name is renamed only where it is a whole identifier of the glue exactly once, its key in
//! that object; anything else (another glue layout from a new wasm-bindgen) fails the build
//! with the name, rather than shipping a module whose imports the glue does not provide.
//! The module is read and written with `wasmparser` and `wasm-encoder`; every section but the
//! imports is copied byte for byte.

use std::path::Path;

use wasm_encoder::reencode::{Reencode, RoundtripReencoder};

use crate::{io, FinishError};

/// Renames the functions and other items the module at `wasm` imports from the module
/// `glue_module` (wasm-bindgen's `./NAME_bg.js`) in it and in the glue script at `glue`,
/// rewriting both files. Returns a line for the build log.
pub fn shorten(wasm: &Path, glue: &Path, glue_module: &str) -> Result<String, FinishError> {
    let bytes = std::fs::read(wasm).map_err(io(wasm))?;
    let script = std::fs::read_to_string(glue).map_err(io(glue))?;
    let (module, renamed) = rename_imports(&bytes, glue_module)?;
    let script = rename_in_glue(&script, &renamed)?;
    std::fs::write(wasm, &module).map_err(io(wasm))?;
    std::fs::write(glue, script).map_err(io(glue))?;
    Ok(format!(
        "{}: {} imports from {glue_module} renamed ({} -> {} bytes)",
        wasm.display(),
        renamed.len(),
        bytes.len(),
        module.len()
    ))
}

/// Each renamed import's old name and new one.
pub type Renamed = Vec<(String, String)>;

/// The module `bytes` with every import from `glue_module` renamed, in order, to
/// [`short_name`]`(0)`, `(1)`, …; and each old name with its new one.
pub fn rename_imports(bytes: &[u8], glue_module: &str) -> Result<(Vec<u8>, Renamed), FinishError> {
    let mut renamed = Vec::new();
    let module = rebuild(bytes, |payload, module| {
        let wasmparser::Payload::ImportSection(reader) = payload else { return Ok(false) };
        let mut section = wasm_encoder::ImportSection::new();
        for import in reader.clone().into_imports() {
            let import = import.map_err(malformed)?;
            let ty = RoundtripReencoder.entity_type(import.ty).map_err(|e| {
                FinishError::Unexpected(format!("an import could not be written: {e}"))
            })?;
            if import.module == glue_module {
                let short = short_name(renamed.len());
                section.import(import.module, &short, ty);
                renamed.push((import.name.to_string(), short));
            } else {
                section.import(import.module, import.name, ty);
            }
        }
        module.section(&section);
        Ok(true)
    })?;
    Ok((module, renamed))
}

/// The module `bytes` rebuilt section by section: `rewrite` either writes a section of its own
/// for the one it is given and returns `true`, or returns `false` to have it copied byte for
/// byte.
pub(crate) fn rebuild(
    bytes: &[u8],
    mut rewrite: impl FnMut(
        &wasmparser::Payload<'_>,
        &mut wasm_encoder::Module,
    ) -> Result<bool, FinishError>,
) -> Result<Vec<u8>, FinishError> {
    let mut module = wasm_encoder::Module::new();
    for payload in wasmparser::Parser::new(0).parse_all(bytes) {
        let payload = payload.map_err(malformed)?;
        if !rewrite(&payload, &mut module)? {
            copy_section(bytes, &payload, &mut module)?;
        }
    }
    Ok(module.finish())
}

/// A module that could not be read, as the build reports it.
pub(crate) fn malformed(e: wasmparser::BinaryReaderError) -> FinishError {
    FinishError::Unexpected(format!("the wasm module could not be read: {e}"))
}

/// Adds the section `payload` of the module `bytes` to `module` as it is, if it is one (the
/// code section comes whole with its start; its entries, parts of it, are not sections).
fn copy_section(
    bytes: &[u8],
    payload: &wasmparser::Payload<'_>,
    module: &mut wasm_encoder::Module,
) -> Result<(), FinishError> {
    if let Some((id, range)) = payload.as_section() {
        let data = usize::try_from(range.start)
            .ok()
            .zip(usize::try_from(range.end).ok())
            .and_then(|(start, end)| bytes.get(start..end))
            .ok_or_else(|| FinishError::Unexpected("a wasm section out of range".into()))?;
        module.section(&wasm_encoder::RawSection { id, data });
    }
    Ok(())
}

/// `script` with each old name of `renamed` replaced by its new one, where it is a whole
/// identifier; an error names the first old name that is not one exactly once.
pub fn rename_in_glue(script: &str, renamed: &[(String, String)]) -> Result<String, FinishError> {
    let mut out = script.to_string();
    for (old, new) in renamed {
        let at: Vec<usize> = whole_identifier_at(&out, old).collect();
        let [at] = at[..] else {
            return Err(FinishError::Unexpected(format!(
                "the glue names the import {old} {} times, not once as its key: \
                 wasm-bindgen's glue may have changed (xtask/src/import_names.rs)",
                at.len()
            )));
        };
        out.replace_range(at..at + old.len(), new);
    }
    Ok(out)
}

/// Where `name` occurs in `script` as a whole JavaScript identifier (no identifier
/// character on either side).
pub(crate) fn whole_identifier_at<'a>(
    script: &'a str,
    name: &'a str,
) -> impl Iterator<Item = usize> + 'a {
    let part = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    script.match_indices(name).map(|(at, _)| at).filter(move |&at| {
        let before = script[..at].chars().next_back();
        let after = script[at + name.len()..].chars().next();
        !before.is_some_and(part) && !after.is_some_and(part)
    })
}

/// The `n`th short name: `a` … `Z`, then `aa`, `ba` …, each a JavaScript identifier (a letter
/// first, then letters, digits, `_` or `$`).
pub fn short_name(n: usize) -> String {
    const FIRST: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const REST: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$";
    let mut name = vec![FIRST[n % FIRST.len()]];
    let mut rest = n / FIRST.len();
    while rest > 0 {
        rest -= 1;
        name.push(REST[rest % REST.len()]);
        rest /= REST.len();
    }
    String::from_utf8(name).expect("ASCII")
}
