//! Fetching the dataset and handing the loaded catalog to the views.

#[cfg(target_arch = "wasm32")]
use std::sync::Arc;

use super::deferred::Code;
use crate::core::error::{DatasetError, Problem};
use crate::core::model::Dataset;
#[cfg(target_arch = "wasm32")]
use crate::core::{
    catalog::Catalog,
    load::{check_size, fingerprint, read_printed},
    paths::{normalise_base, Paths},
};

/// Reads dataset text, checks every rule, and says exactly what is wrong with a broken one
/// ([`crate::core::load::load`]).
pub type Load = fn(&str) -> Result<Dataset, DatasetError>;

/// Where the code that checks a dataset's rules and explains a broken one is, as the binary
/// supplies it (in a chunk, it downloads when a text needs checking). The app reads the
/// dataset the build checked with [`crate::core::load::read`], which needs none of it; any
/// other text (a copy from another build, a file changed after the build, a broken one) is
/// handed to it.
pub type LoadCode = Code<Load>;

impl LoadCode {
    /// [`Load`]s `text`; `None` when the chunk with the code could not be downloaded.
    pub async fn load(self, text: &str) -> Option<Result<Dataset, DatasetError>> {
        self.get().await.ok().map(|load| load(text))
    }
}

/// How the app turns downloaded dataset text into a dataset: the text the build checked (by
/// its fingerprint, `checked`) is read as it is; any other is checked by `code`.
#[derive(Clone, Copy)]
pub struct Reader {
    /// The fingerprint of the text the build checked, if known.
    pub checked: Option<u64>,
    /// The code that checks any other text.
    pub code: LoadCode,
}

impl Reader {
    /// The dataset in `text`, whose [`fingerprint`] is `print`, or why there is none.
    #[cfg(target_arch = "wasm32")]
    async fn dataset(self, text: &str, print: u64) -> Result<Dataset, LoadFailure> {
        if let Some(dataset) = self.checked.and_then(|checked| read_printed(text, print, checked)) {
            return Ok(dataset);
        }
        match self.code.load(text).await {
            Some(loaded) => loaded.map_err(LoadFailure::Invalid),
            None => Err(LoadFailure::Unchecked),
        }
    }
}

/// The [`crate::core::load::fingerprint`] of the dataset the build checked, as it wrote it
/// into the page (`<meta name="mhr-dataset">`, in hexadecimal); `None` if the page has none.
#[cfg(target_arch = "wasm32")]
pub fn checked_by_build() -> Option<u64> {
    let meta = leptos::prelude::document().query_selector("meta[name=mhr-dataset]").ok()??;
    parse_checked(&meta.get_attribute("content")?)
}

/// A fingerprint as the build writes it: 16 hexadecimal digits.
pub fn parse_checked(text: &str) -> Option<u64> {
    u64::from_str_radix(text.trim(), 16).ok()
}

/// Why the dataset could not be shown, in terms the error view can explain.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadFailure {
    /// The file could not be downloaded.
    Network(String),
    /// The file arrived but could not be used.
    Invalid(DatasetError),
    /// The file arrived, is not the one the build checked, and the code that checks it could
    /// not be downloaded.
    Unchecked,
}

impl LoadFailure {
    /// One sentence for the error view's heading paragraph.
    pub fn summary(&self) -> String {
        match self {
            LoadFailure::Network(why) => {
                format!("The directory's data could not be downloaded: {why}.")
            }
            LoadFailure::Invalid(e) => format!("The directory's data is damaged: {e}."),
            LoadFailure::Unchecked => "The directory's data could not be checked: the code \
                that checks it could not be downloaded."
                .to_string(),
        }
    }

    /// Located problems to list under the summary.
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            LoadFailure::Network(_) | LoadFailure::Unchecked => Vec::new(),
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

/// Downloads the site's own dataset and reads it with `reader`.
///
/// A copy whose schema this app cannot read, or that could not be checked (its code did not
/// download), is asked for again past the service worker's copy: after a deployment, the
/// worker of the build before may still be the one answering, with the dataset of its own
/// build, and the network's copy may be this build's own, which needs no check.
///
/// With the catalog comes the [`fingerprint`] of the copy the worker holds, when the page
/// started from that copy (see [`refresh_cached_dataset`]), and the fingerprint of the text
/// the catalog was read from (the build's own, or another).
#[cfg(target_arch = "wasm32")]
pub async fn fetch_catalog(reader: Reader) -> Result<Fetched, LoadFailure> {
    let url = Paths::new(&base_path()).asset(DATASET);
    let (catalog, read, past_worker) =
        match fetch_read(&url, web_sys::RequestCache::Default, reader).await {
            Ok((catalog, read)) => (catalog, read, false),
            // Another build's copy, from the worker: of another schema, or one whose check
            // could not be downloaded. The network's copy may be this build's own.
            Err(
                LoadFailure::Invalid(DatasetError::UnknownSchema { .. }) | LoadFailure::Unchecked,
            ) => {
                let (catalog, read) =
                    fetch_read(&url, web_sys::RequestCache::NoCache, reader).await?;
                (catalog, read, true)
            }
            Err(other) => return Err(other),
        };
    Ok(Fetched { catalog, read, past_worker })
}

/// The site's dataset as [`fetch_catalog`] gives it.
#[cfg(target_arch = "wasm32")]
pub struct Fetched {
    /// The catalog.
    pub catalog: Arc<Catalog>,
    /// The [`fingerprint`] of the text the catalog was read from.
    pub read: u64,
    /// Whether that text was asked for past the service worker's copy.
    pub past_worker: bool,
}

#[cfg(target_arch = "wasm32")]
impl Fetched {
    /// The fingerprint of the copy the worker gave the page at start, if the page started
    /// from it (see [`refresh_cached_dataset`]).
    pub fn kept(&self) -> Option<u64> {
        (!self.past_worker).then_some(self.read)
    }
}

/// Downloads the site's dataset past the service worker's copy and, if it is valid, gives
/// it to the worker to keep for the next visit: the worker never keeps a dataset that has
/// not been validated. Does nothing when no worker controls the page (the page then had
/// the network's copy already), or when the network's copy is the one the worker gave the
/// page at start (`kept`, its fingerprint), which was checked then: at 10,000 resources a
/// second check was a task of over 100 ms, just when a returning visitor may start typing.
#[cfg(target_arch = "wasm32")]
pub async fn refresh_cached_dataset(kept: Option<u64>, reader: Reader) {
    if !super::service_worker::controls_page() {
        return;
    }
    let url = Paths::new(&base_path()).asset(DATASET);
    if let Ok(text) = download(&url, web_sys::RequestCache::NoCache).await {
        let print = fingerprint(&text);
        if kept != Some(print) && reader.dataset(&text, print).await.is_ok() {
            super::service_worker::keep_dataset(&text);
        }
    }
}

/// Downloads the dataset at `url` (the widget's is on the site's origin) and reads it with
/// `reader`; with the catalog comes the [`fingerprint`] of the text it was read from.
#[cfg(target_arch = "wasm32")]
pub async fn fetch_catalog_from(
    url: String,
    reader: Reader,
) -> Result<(Arc<Catalog>, u64), LoadFailure> {
    fetch_read(&url, web_sys::RequestCache::Default, reader).await
}

/// The catalog of the dataset at `url`, asked for with `cache` and read by `reader`, with the
/// [`fingerprint`] of its text.
#[cfg(target_arch = "wasm32")]
async fn fetch_read(
    url: &str,
    cache: web_sys::RequestCache,
    reader: Reader,
) -> Result<(Arc<Catalog>, u64), LoadFailure> {
    let text = download(url, cache).await?;
    let print = fingerprint(&text);
    Ok((catalog_of(&text, print, reader).await?, print))
}

/// The catalog of dataset text (whose fingerprint is `print`), read by `reader`.
#[cfg(target_arch = "wasm32")]
async fn catalog_of(text: &str, print: u64, reader: Reader) -> Result<Arc<Catalog>, LoadFailure> {
    reader.dataset(text, print).await.map(|d| Arc::new(Catalog::new(d)))
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
