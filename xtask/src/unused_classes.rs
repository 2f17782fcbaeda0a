//! The classes that wasm-bindgen exports for a dependency and nothing uses, taken out of the
//! main module and its glue.
//!
//! Leptos turns on `server_fn`'s `browser` feature whatever the app uses, and with it
//! `wasm-streams`, whose three `#[wasm_bindgen]` classes (a JavaScript stream's sources and
//! sink backed by Rust) every Leptos app then exports: their methods are exports of the
//! module, so the code they reach stays, and the glue exports a class for each. The site
//! has no server functions and streams nothing. Without them the first visit went from 171.0 to
//! 169.6 KB brotli (the main module 147.8 -> 146.6 after wasm-opt, its glue 4.8 -> 4.5), and a
//! partner's list widget from 226.6 to 225.1 (README, Size).
//!
//! A class is taken out only where the glue is laid out as wasm-bindgen 0.2 writes it (the
//! class, the line that gives it `Symbol.dispose`, its `FinalizationRegistry`); anything else
//! fails the build with the class's name, as does a reference left to it or to one of its
//! exports. Only in release builds, before wasm-opt, which then drops what only they reached.

use std::path::Path;

use crate::{io, FinishError};

/// wasm-streams' classes, which no part of the site uses.
pub const UNUSED: [&str; 3] =
    ["IntoUnderlyingByteSource", "IntoUnderlyingSink", "IntoUnderlyingSource"];

/// Takes each of `classes` out of the module at `wasm` (its exports) and the glue at `glue`,
/// rewriting both files. A class that is not there at all (a new Leptos that no longer brings
/// wasm-streams in) is passed over; one that is there in part fails the build. Returns a line
/// for the build log.
pub fn remove(wasm: &Path, glue: &Path, classes: &[&str]) -> Result<String, FinishError> {
    let bytes = std::fs::read(wasm).map_err(io(wasm))?;
    let mut script = std::fs::read_to_string(glue).map_err(io(glue))?;
    let (module, removed) =
        remove_exports(&bytes, |name| classes.iter().any(|c| of_class(c, name)))?;
    let mut taken = 0;
    for class in classes {
        if !is_absent(&script, class, &removed) {
            script = remove_from_glue(&script, class, &removed)?;
            taken += 1;
        }
    }
    std::fs::write(wasm, &module).map_err(io(wasm))?;
    std::fs::write(glue, script).map_err(io(glue))?;
    Ok(format!("{}: {} exports of {taken} unused classes removed", wasm.display(), removed.len()))
}

/// Whether the class `class` is in neither the glue `script` nor the module's `exports`.
pub fn is_absent(script: &str, class: &str, exports: &[String]) -> bool {
    !exports.iter().any(|e| of_class(class, e))
        && crate::import_names::whole_identifier_at(script, class).next().is_none()
        && crate::import_names::whole_identifier_at(script, &format!("{class}Finalization"))
            .next()
            .is_none()
}

/// Whether the export `name` is one of the class `class`'s, as wasm-bindgen names them:
/// `class_method` and `__wbg_class_free`, the class's name in lower case.
pub fn of_class(class: &str, name: &str) -> bool {
    let lower = class.to_ascii_lowercase();
    name == format!("__wbg_{lower}_free") || name.starts_with(&format!("{lower}_"))
}

/// The module `bytes` without the exports `remove` names, and their names. Every other
/// section is copied byte for byte.
pub fn remove_exports(
    bytes: &[u8],
    remove: impl Fn(&str) -> bool,
) -> Result<(Vec<u8>, Vec<String>), FinishError> {
    let mut removed = Vec::new();
    let module = crate::import_names::rebuild(bytes, |payload, module| {
        let wasmparser::Payload::ExportSection(reader) = payload else { return Ok(false) };
        let mut section = wasm_encoder::ExportSection::new();
        for export in reader.clone() {
            let export = export.map_err(crate::import_names::malformed)?;
            if remove(export.name) {
                removed.push(export.name.to_string());
            } else {
                section.export(
                    export.name,
                    wasm_encoder::ExportKind::from(export.kind),
                    export.index,
                );
            }
        }
        module.section(&section);
        Ok(true)
    })?;
    Ok((module, removed))
}

/// `script` without the class `class`: its declaration, the line after it that gives it
/// `Symbol.dispose`, and its `FinalizationRegistry`. Fails unless each is there once, or if
/// the rest still names the class or one of the `exports` taken out of the module.
pub fn remove_from_glue(
    script: &str,
    class: &str,
    exports: &[String],
) -> Result<String, FinishError> {
    let unexpected = |what: &str| {
        FinishError::Unexpected(format!(
            "the glue's class {class}: {what}; wasm-bindgen's glue may have changed \
             (xtask/src/unused_classes.rs)"
        ))
    };
    let mut out = script.to_string();
    let parts = [
        (
            format!("export class {class} {{\n"),
            format!(
                "if (Symbol.dispose) {class}.prototype[Symbol.dispose] = {class}.prototype.free;\n"
            ),
        ),
        (format!("const {class}Finalization = "), ");\n".to_string()),
    ];
    for (start, end) in parts {
        let [at] = out.match_indices(&start).map(|(at, _)| at).collect::<Vec<_>>()[..] else {
            return Err(unexpected(&format!("`{}` is not there once", start.trim_end())));
        };
        let Some(length) = out[at..].find(&end).map(|e| e + end.len()) else {
            return Err(unexpected(&format!("`{}` does not end", start.trim_end())));
        };
        out.replace_range(at..at + length, "");
    }
    let left = |name: &str| crate::import_names::whole_identifier_at(&out, name).next().is_some();
    if left(class) || left(&format!("{class}Finalization")) {
        return Err(unexpected("still named after it was taken out"));
    }
    if let Some(export) = exports.iter().find(|e| of_class(class, e) && left(e)) {
        return Err(unexpected(&format!("the glue still calls {export}")));
    }
    Ok(out)
}
