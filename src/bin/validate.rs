//! `validate FILE...`: checks dataset files and prints every problem with its record and
//! field. Exits 0 when all are valid, 1 when any is not, 2 on wrong usage.

use std::process::ExitCode;

use mhr::core::load::load;

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() || files.iter().any(|f| f == "-h" || f == "--help") {
        eprintln!("usage: validate FILE.json [FILE.json ...]");
        return ExitCode::from(2);
    }
    let mut all_valid = true;
    for file in &files {
        let text = match std::fs::read_to_string(file) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("{file}: cannot read: {e}");
                all_valid = false;
                continue;
            }
        };
        match load(&text) {
            Ok(d) => println!(
                "{file}: valid ({} sections, {} resources, {} tags, {} figures)",
                d.sections.len(),
                d.resources.len(),
                d.tags.len(),
                d.figures.len()
            ),
            Err(e) => {
                all_valid = false;
                let problems = e.problems();
                eprintln!("{file}: {} problem(s)", problems.len());
                for p in problems {
                    eprintln!("  {p}");
                }
            }
        }
    }
    if all_valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
