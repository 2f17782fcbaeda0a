//! The `validate` command an editor runs on a changed dataset.

use std::process::Command;

fn validate(args: &[&str]) -> (i32, String, String) {
    let out =
        Command::new(env!("CARGO_BIN_EXE_validate")).args(args).output().expect("validate runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn the_shipped_dataset_passes_and_exits_zero() {
    let (code, stdout, _) = validate(&["data/dataset.json"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("valid"));
}

#[test]
fn a_broken_dataset_prints_every_problem_and_exits_one() {
    let dir = std::env::temp_dir().join(format!("mhr-validate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("broken.json");
    let text = include_str!("../fixtures/minimal.json")
        .replace("\"section\": \"strengths\"", "\"section\": \"nowhere\"")
        .replace("https://example.org/alpha", "javascript:alert(1)");
    std::fs::write(&file, text).unwrap();
    let (code, _, stderr) = validate(&[file.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(code, 1);
    assert!(stderr.contains("2 problem(s)"), "{stderr}");
    assert!(stderr.contains("resource \"alpha-report\", field \"section\""), "{stderr}");
    assert!(stderr.contains("field \"links[0].url\""), "{stderr}");
}

#[test]
fn a_missing_file_and_no_arguments_fail_clearly() {
    let (code, _, stderr) = validate(&["no/such/file.json"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("cannot read"));
    assert_eq!(validate(&[]).0, 2);
}
