//! Fetching the dataset and handing the loaded catalog to the views.

#[cfg(target_arch = "wasm32")]
use std::sync::Arc;

use std::future::Future;
use std::pin::Pin;

use crate::core::error::{DatasetError, Problem};
use crate::core::model::Dataset;
#[cfg(target_arch = "wasm32")]
use crate::core::{
    catalog::Catalog,
    load::{check_size, fingerprint, read, Unread},
    paths::{normalise_base, Paths},
};

/// Reads and checks dataset text, saying exactly what is wrong with a broken one
/// ([`crate::core::load::load`]).
pub type Load = fn(&str) -> Result<Dataset, DatasetError>;

/// Downloads the chunk with [`crate::core::load::load`] (once) and gives it.
pub type DownloadLoad =
    fn() -> Pin<Box<dyn Future<Output = Result<Load, leptos::wasm_split::SplitLoaderError>>>>;

/// Where the code that explains a broken dataset is, as the binary supplies it. The app reads
/// the dataset with [`crate::core::load::read`], which needs none of it; only a file that does
/// not parse into the model is handed to it, to be located by record and field.
#[derive(Clone, Copy)]
pub enum ExplainCode {
    /// In the binary.
    Linked(Load),
    /// In a chunk of the binary's wasm, downloaded (once) when a file needs explaining.
    Split(DownloadLoad),
}

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
///
/// A copy whose schema this app cannot read is asked for again past the service worker's
/// copy: after a deployment that changed the schema, the worker of the build before may
/// still be the one answering, with the dataset of its own build.
///
/// With the catalog comes the [`fingerprint`] of the copy the worker holds, when the page
/// started from that copy (see [`refresh_cached_dataset`]).
#[cfg(target_arch = "wasm32")]
pub async fn fetch_catalog(
    explain: ExplainCode,
) -> Result<(Arc<Catalog>, Option<u64>), LoadFailure> {
    let url = Paths::new(&base_path()).asset(DATASET);
    let first = match download(&url, web_sys::RequestCache::Default).await {
        Ok(text) => catalog_of(&text, explain).await.map(|c| (c, Some(fingerprint(&text)))),
        Err(e) => Err(e),
    };
    match first {
        Err(LoadFailure::Invalid(DatasetError::UnknownSchema { .. })) => {
            let fresh = fetch_catalog_with(url, web_sys::RequestCache::NoCache, explain).await?;
            Ok((fresh, None))
        }
        other => other,
    }
}

/// Downloads the site's dataset past the service worker's copy and, if it is valid, gives
/// it to the worker to keep for the next visit: the worker never keeps a dataset that has
/// not been validated. Does nothing when no worker controls the page (the page then had
/// the network's copy already), or when the network's copy is the one the worker gave the
/// page at start (`kept`, its fingerprint), which was checked then: at 10,000 resources a
/// second check was a task of over 100 ms, just when a returning visitor may start typing.
#[cfg(target_arch = "wasm32")]
pub async fn refresh_cached_dataset(kept: Option<u64>) {
    if !super::service_worker::controls_page() {
        return;
    }
    let url = Paths::new(&base_path()).asset(DATASET);
    if let Ok(text) = download(&url, web_sys::RequestCache::NoCache).await {
        if kept != Some(fingerprint(&text)) && read(&text).is_ok() {
            super::service_worker::keep_dataset(&text);
        }
    }
}

/// Downloads and validates the dataset at `url` (the widget's is on the site's origin).
#[cfg(target_arch = "wasm32")]
pub async fn fetch_catalog_from(
    url: String,
    explain: ExplainCode,
) -> Result<Arc<Catalog>, LoadFailure> {
    fetch_catalog_with(url, web_sys::RequestCache::Default, explain).await
}

/// As [`fetch_catalog_from`], with the request's `cache` mode. `NoCache` asks the service
/// worker for the network's copy rather than its own (see `public/sw.js`).
#[cfg(target_arch = "wasm32")]
pub async fn fetch_catalog_with(
    url: String,
    cache: web_sys::RequestCache,
    explain: ExplainCode,
) -> Result<Arc<Catalog>, LoadFailure> {
    catalog_of(&download(&url, cache).await?, explain).await
}

/// The catalog of dataset text, read and validated; a text that does not parse into the
/// model is explained by `explain`'s code, downloaded for it if need be.
#[cfg(target_arch = "wasm32")]
async fn catalog_of(text: &str, explain: ExplainCode) -> Result<Arc<Catalog>, LoadFailure> {
    let dataset = match read(text) {
        Ok(dataset) => Ok(dataset),
        Err(Unread::Refused(e)) => Err(e),
        Err(Unread::Unexplained) => match explain {
            ExplainCode::Linked(load) => load(text),
            ExplainCode::Split(download) => match download().await {
                Ok(load) => load(text),
                Err(_) => Err(DatasetError::Unexplained),
            },
        },
    };
    dataset.map(|d| Arc::new(Catalog::new(d))).map_err(LoadFailure::Invalid)
}

/// The dataset's text, refused by its announced size before it downloads, and by its real
/// size before it is copied into the app's memory: a file over the cap never reaches the
/// parser, however it is served.
#[cfg(target_arch = "wasm32")]
async fn download(url: &str, cache: web_sys::RequestCache) -> Result<String, LoadFailure> {
    let response = gloo_net::http::Request::get(url)
        .cache(cache)
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
    let announced = response.headers().get("content-length").and_then(|l| l.parse().ok());
    if let Some(bytes) = announced {
        check_size(bytes).map_err(LoadFailure::Invalid)?;
    }
    let cut_short = |e: wasm_bindgen::JsValue| {
        LoadFailure::Network(format!("the download was cut short ({e:?})"))
    };
    let promise = web_sys::Response::from(response).text().map_err(cut_short)?;
    let text: js_sys::JsString =
        wasm_bindgen_futures::JsFuture::from(promise).await.map_err(cut_short)?.into();
    // UTF-16 units: never more than the UTF-8 bytes, so this refuses nothing under the cap.
    check_size(text.length() as usize).map_err(LoadFailure::Invalid)?;
    Ok(String::from(text))
}
