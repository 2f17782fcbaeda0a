//! Fetching the dataset and handing the loaded catalog to the views.

#[cfg(target_arch = "wasm32")]
use std::sync::Arc;

use crate::core::error::{DatasetError, Problem};
#[cfg(target_arch = "wasm32")]
use crate::core::{
    catalog::Catalog,
    load::load,
    paths::{normalise_base, Paths},
};

/// Why the dataset could not be shown, in terms the error view can explain.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadFailure {
    /// The file could not be downloaded.
    Network(String),
    /// The file arrived but could not be used.
    Invalid(DatasetError),
}

impl LoadFailure {
    /// One sentence for the error view's heading paragraph.
    pub fn summary(&self) -> String {
        match self {
            LoadFailure::Network(why) => {
                format!("The directory's data could not be downloaded: {why}.")
            }
            LoadFailure::Invalid(e) => format!("The directory's data is damaged: {e}."),
        }
    }

    /// Located problems to list under the summary.
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            LoadFailure::Network(_) => Vec::new(),
            LoadFailure::Invalid(e) => e.problems(),
        }
    }
}

/// The path prefix the site is served under, read from the `<base href>` that trunk writes
/// from its public URL, so trunk and navigation share one setting.
#[cfg(target_arch = "wasm32")]
pub fn base_path() -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("base[href]").ok().flatten())
        .and_then(|b| b.get_attribute("href"))
        .unwrap_or_else(|| "/".into());
    // An absolute base (http://host/prefix/) keeps only its path.
    let path = match base.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("/", |i| &rest[i..]).to_string(),
        None => base,
    };
    normalise_base(&path)
}

/// The dataset's file, relative to the site's base.
pub const DATASET: &str = "data/dataset.json";

/// Downloads and validates the site's own dataset.
#[cfg(target_arch = "wasm32")]
pub async fn fetch_catalog() -> Result<Arc<Catalog>, LoadFailure> {
    fetch_catalog_from(Paths::new(&base_path()).asset(DATASET)).await
}

/// Downloads and validates the dataset at `url` (the widget's is on the site's origin).
#[cfg(target_arch = "wasm32")]
pub async fn fetch_catalog_from(url: String) -> Result<Arc<Catalog>, LoadFailure> {
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|e| LoadFailure::Network(format!("the request failed ({e})")))?;
    if !response.ok() {
        return Err(LoadFailure::Network(format!(
            "the server answered {} {} for {url}",
            response.status(),
            response.status_text()
        )));
    }
    let text = response
        .text()
        .await
        .map_err(|e| LoadFailure::Network(format!("the download was cut short ({e})")))?;
    load(&text).map(|d| Arc::new(Catalog::new(d))).map_err(LoadFailure::Invalid)
}
