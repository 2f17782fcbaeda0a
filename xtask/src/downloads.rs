//! The CSV files a page links to for readers without the app (see
//! `src/ui/components/download.rs`; the app makes them itself, from what is shown).

use std::path::Path;

use mhr::core::catalog::Catalog;
use mhr::core::export::download_files;

use crate::{io, FinishError};

/// Writes the build's CSV files into `dir` from its `data/dataset.json`. Returns a line for
/// the build log.
pub fn write(dir: &Path) -> Result<Vec<String>, FinishError> {
    let data = dir.join("data/dataset.json");
    let text = std::fs::read_to_string(&data).map_err(io(&data))?;
    let dataset = mhr::core::load::load(&text).map_err(|e| {
        FinishError::Unexpected(format!("{}: the dataset is not valid: {e}", data.display()))
    })?;
    let mut names = Vec::new();
    for (name, csv) in download_files(&Catalog::new(dataset)) {
        let file = dir.join(name);
        if let Some(parent) = file.parent() {
            std::fs::create_dir_all(parent).map_err(io(parent))?;
        }
        std::fs::write(&file, csv).map_err(io(&file))?;
        names.push(name);
    }
    Ok(vec![format!("{}: for pages read without the app", names.join(", "))])
}
