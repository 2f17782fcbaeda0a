//! Feeds arbitrary text to the dataset loader: it must return `Ok` or a located `Err`, and
//! never panic, overflow its stack or hang, whatever the input. The same for the reader of
//! the build's own text (`read`, as if the text were the one the build checked).
#![no_main]

use libfuzzer_sys::fuzz_target;
use mhr::core::load::{fingerprint, load, read};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = read(text, fingerprint(text));
    if let Err(e) = load(text) {
        assert!(!e.to_string().is_empty());
        let problems = e.problems();
        assert!(!problems.is_empty());
        assert!(problems.iter().all(|p| !p.record.is_empty() && !p.message.is_empty()));
    }
});
