//! Short names for the main module's imports from its glue: both files renamed alike, nothing
//! else in the module touched, and a glue that does not name an import exactly once refused.

use wasm_encoder::{
    CodeSection, CustomSection, EntityType, ExportKind, ExportSection, Function, FunctionSection,
    ImportSection, Instruction, Module, TypeSection,
};
use xtask::import_names::{rename_imports, rename_in_glue, short_name};

const GLUE: &str = "./app_bg.js";
const FIRST: &str = "__wbg_getBoundingClientRect_329ca748ec918b0c";
const SECOND: &str = "__wbindgen_init_externref_table";

/// A module importing `FIRST` and `SECOND` from the glue and one function from the chunk
/// loader, with a function that calls all three, an export and a custom section.
fn module() -> Vec<u8> {
    let mut module = Module::new();
    let mut types = TypeSection::new();
    types.ty().function([], []);
    module.section(&types);
    let mut imports = ImportSection::new();
    imports.import(GLUE, FIRST, EntityType::Function(0));
    imports.import("./__wasm_split.js", "__wasm_split_load_pages", EntityType::Function(0));
    imports.import(GLUE, SECOND, EntityType::Function(0));
    module.section(&imports);
    let mut functions = FunctionSection::new();
    functions.function(0);
    module.section(&functions);
    let mut exports = ExportSection::new();
    exports.export("main", ExportKind::Func, 3);
    module.section(&exports);
    let mut code = CodeSection::new();
    let mut body = Function::new([]);
    for i in 0..3 {
        body.instruction(&Instruction::Call(i));
    }
    body.instruction(&Instruction::End);
    code.function(&body);
    module.section(&code);
    module.section(&CustomSection { name: "producers".into(), data: b"kept as it was"[..].into() });
    module.finish()
}

/// A section's id and bytes.
type Section = (u8, Vec<u8>);

/// Each section's id and bytes, the import section's imports (module and name) apart.
fn sections(bytes: &[u8]) -> (Vec<Section>, Vec<(String, String)>) {
    let mut other = Vec::new();
    let mut imports = Vec::new();
    for payload in wasmparser::Parser::new(0).parse_all(bytes) {
        let payload = payload.unwrap();
        if let wasmparser::Payload::ImportSection(reader) = &payload {
            for import in reader.clone().into_imports() {
                let import = import.unwrap();
                imports.push((import.module.to_string(), import.name.to_string()));
            }
        } else if let Some((id, range)) = payload.as_section() {
            other.push((id, bytes[range.start as usize..range.end as usize].to_vec()));
        }
    }
    (other, imports)
}

#[test]
fn the_glues_imports_get_short_names_and_nothing_else_changes() {
    let before = module();
    let (after, renamed) = rename_imports(&before, GLUE).unwrap();
    wasmparser::validate(&after).expect("a valid module");
    assert_eq!(
        renamed,
        [(FIRST.to_string(), "a".to_string()), (SECOND.to_string(), "b".to_string())]
    );
    let (other_before, imports_before) = sections(&before);
    let (other_after, imports_after) = sections(&after);
    assert_eq!(other_after, other_before, "every other section byte for byte");
    assert_eq!(imports_before[1], imports_after[1], "the chunk loader's import keeps its name");
    assert_eq!(imports_after[0], (GLUE.to_string(), "a".to_string()));
    assert_eq!(imports_after[2], (GLUE.to_string(), "b".to_string()));
    assert!(after.len() < before.len());
}

#[test]
fn the_glue_is_renamed_where_each_name_is_a_whole_identifier() {
    let renamed = [(FIRST.to_string(), "a".to_string()), (SECOND.to_string(), "b".to_string())];
    let glue = format!(
        "const imports = {{ {FIRST}: function(arg0) {{ return arg0.getBoundingClientRect(); }},\n\
         {SECOND}: function() {{}}, {SECOND}_later: 1, $${FIRST}: 2 }};"
    );
    let out = rename_in_glue(&glue, &renamed).unwrap();
    assert_eq!(
        out,
        format!(
            "const imports = {{ a: function(arg0) {{ return arg0.getBoundingClientRect(); }},\n\
             b: function() {{}}, {SECOND}_later: 1, $${FIRST}: 2 }};"
        )
    );
}

#[test]
fn a_glue_that_does_not_name_an_import_once_fails_the_build_with_its_name() {
    let renamed = [(FIRST.to_string(), "a".to_string())];
    for glue in [String::from("const imports = {};"), format!("{FIRST}: f, {FIRST}: g")] {
        let error = rename_in_glue(&glue, &renamed).unwrap_err().to_string();
        assert!(error.contains(FIRST), "{error}");
    }
}

#[test]
fn short_names_are_distinct_javascript_identifiers() {
    let names: Vec<String> = (0..20_000).map(short_name).collect();
    assert_eq!(names[..3], ["a", "b", "c"]);
    assert!(names.iter().take(52).all(|n| n.len() == 1));
    let distinct: std::collections::HashSet<_> = names.iter().collect();
    assert_eq!(distinct.len(), names.len());
    for name in &names {
        assert!(name.starts_with(|c: char| c.is_ascii_alphabetic()), "{name}");
        assert!(name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$'));
    }
}
