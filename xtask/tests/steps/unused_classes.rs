//! The classes nothing uses, out of the module and its glue: their exports and declarations
//! go, the rest stays, and a glue laid out otherwise, or still naming them, fails the build.

use wasm_encoder::{
    CodeSection, ExportKind, ExportSection, Function, FunctionSection, Instruction, Module,
    TypeSection,
};
use xtask::unused_classes::{is_absent, of_class, remove_exports, remove_from_glue};

const CLASS: &str = "IntoUnderlyingSink";

/// A module with four functions exported as `main`, two of the class's methods and its
/// `free`.
fn module() -> Vec<u8> {
    let mut module = Module::new();
    let mut types = TypeSection::new();
    types.ty().function([], []);
    module.section(&types);
    let mut functions = FunctionSection::new();
    let mut code = CodeSection::new();
    for _ in 0..4 {
        functions.function(0);
        let mut body = Function::new([]);
        body.instruction(&Instruction::End);
        code.function(&body);
    }
    module.section(&functions);
    let mut exports = ExportSection::new();
    for (i, name) in ["main", "intounderlyingsink_write", "intounderlyingsink_close"]
        .into_iter()
        .chain(["__wbg_intounderlyingsink_free"])
        .enumerate()
    {
        exports.export(name, ExportKind::Func, i as u32);
    }
    module.section(&exports);
    module.section(&code);
    module.finish()
}

/// The glue around the class as wasm-bindgen 0.2 writes it, with the app's own parts.
fn glue(rest: &str) -> String {
    format!(
        "import * as loader from './loader.js';\n\
         export class {CLASS} {{\n    \
             free() {{\n        wasm.__wbg_intounderlyingsink_free(this.__wbg_ptr, 0);\n    }}\n    \
             close() {{\n        return wasm.intounderlyingsink_close(this.__wbg_ptr);\n    }}\n\
         }}\n\
         if (Symbol.dispose) {CLASS}.prototype[Symbol.dispose] = {CLASS}.prototype.free;\n\
         \n\
         export function start() {{ wasm.main(); }}\n\
         const {CLASS}Finalization = (typeof FinalizationRegistry === 'undefined')\n    \
             ? {{ register: () => {{}}, unregister: () => {{}} }}\n    \
             : new FinalizationRegistry(ptr => wasm.__wbg_intounderlyingsink_free(ptr, 1));\n\
         {rest}"
    )
}

#[test]
fn a_class_s_exports_leave_the_module_and_the_rest_stays() {
    let (after, removed) = remove_exports(&module(), |name| of_class(CLASS, name)).unwrap();
    wasmparser::validate(&after).expect("a valid module");
    assert_eq!(
        removed,
        ["intounderlyingsink_write", "intounderlyingsink_close", "__wbg_intounderlyingsink_free"]
    );
    let mut left = Vec::new();
    for payload in wasmparser::Parser::new(0).parse_all(&after) {
        if let wasmparser::Payload::ExportSection(reader) = payload.unwrap() {
            left.extend(reader.into_iter().map(|e| e.unwrap().name.to_string()));
        }
    }
    assert_eq!(left, ["main"]);
    assert!(!of_class(CLASS, "intounderlyingsource_pull"), "another class's method");
}

#[test]
fn a_class_leaves_the_glue_whole_and_nothing_else_does() {
    let exports = ["__wbg_intounderlyingsink_free".to_string()];
    let out = remove_from_glue(&glue("const kept = 1;\n"), CLASS, &exports).unwrap();
    assert_eq!(
        out,
        "import * as loader from './loader.js';\n\
         \n\
         export function start() { wasm.main(); }\n\
         const kept = 1;\n"
    );
}

#[test]
fn a_glue_laid_out_otherwise_or_still_naming_the_class_fails_the_build() {
    let exports = ["intounderlyingsink_close".to_string()];
    let still_calls = glue("wasm.intounderlyingsink_close(0);\n");
    let still_names = glue("new IntoUnderlyingSink();\n");
    let without_dispose = glue("").replace("if (Symbol.dispose)", "if (dispose)");
    let twice = format!("{}{}", glue(""), glue(""));
    for script in [still_calls, still_names, without_dispose, twice, String::new()] {
        let error = remove_from_glue(&script, CLASS, &exports).unwrap_err().to_string();
        assert!(error.contains(CLASS), "{error}");
    }
}

#[test]
fn a_class_the_build_no_longer_has_is_passed_over_and_one_in_part_is_not() {
    let exports = ["intounderlyingsink_close".to_string()];
    assert!(is_absent("const kept = 1;\n", CLASS, &[]), "neither in the glue nor the module");
    assert!(!is_absent("const kept = 1;\n", CLASS, &exports), "its exports are there");
    assert!(!is_absent(&glue(""), CLASS, &[]), "its class is in the glue");
}
