//! Which views the build writes as files, and where: what a partner's widget, or the site
//! taking over a page, can start a view from instead of rendering it from the app's code
//! (`src/ui/widget/written.rs`, `src/ui/takeover.rs`).
//!
//! Every route the router lists is written as a page at its own folder (`browse/`,
//! `section/<id>/`, …; `xtask/src/pages.rs`). A widget's view is often one of those, but the
//! example `widget.js` itself gives, `<mhr-widget view="browse" tags="diabetes">`, is browse
//! filtered by one tag, a view no page stands for (a static host serves `browse/` whatever
//! the query string). So the build also writes, for each tag of the dataset, that view alone
//! in a file of its own under [`WIDGET_VIEWS`], and for each section, the section filtered by
//! each tag its resources carry: not pages of the site (no address of the app names them,
//! search engines are told not to index them), only what a widget, or a visit to such an
//! address, shows first. Views with several tags, a search or a sort are not written (their
//! combinations have no end); they are rendered from the code.

use super::paths::Paths;
use super::route::{split_route, Route};
use super::url_state::BrowseState;

/// The folder, relative to the site's root, of the views written alone.
pub const WIDGET_VIEWS: &str = "views/";

/// The name on `window` of the start-up script's promise that it has put a list's view of one
/// tag in the page (`true`) or not (`false`), which the app waits for before keeping it
/// (`xtask/src/app_build.rs`, `src/ui/takeover.rs`).
pub const TAG_VIEW_PUT: &str = "mhrTagView";

/// How long a view written alone may take to come, from when the app or the start-up script
/// waits for it, before the view is rendered from its code instead: a stalled host never
/// holds a visit up for good.
pub const FILE_WAIT_MS: u32 = 3_000;

/// The route of the list at `path` (browse, `/browse/`, or a section, `/section/<id>/`)
/// filtered by the one tag `id` (`/browse/?tag=diabetes`), as a widget asks for it.
pub fn by_tag(path: &str, id: &str) -> String {
    let state = BrowseState { tags: vec![id.to_string()], ..BrowseState::default() };
    format!("{path}{}", state.to_query_string())
}

/// The file, relative to the site's root, the build writes the base-less `route`'s view
/// into: a page's folder for a route written as a page that the app can keep
/// ([`Route::starts_written`], with no query string), or for browse or a section filtered by
/// one tag ([`by_tag`], exactly as written there), the file of that view under
/// [`WIDGET_VIEWS`], at the list's own path (`views/browse/tag/diabetes.html`,
/// `views/section/strengths/tag/economy.html`). `None` for any other route, whose view is
/// rendered from the code. The build writes a section's file only for the tags its
/// resources carry; for another, the file is missing and the view rendered.
///
/// The tag is read from the route as text, not with [`super::url_state`]'s reader, which the
/// widget's main module would then carry: a dataset's ids are slugs
/// ([`super::validate::is_slug`]), which [`by_tag`] writes as they are, so the text after
/// `?tag=` must be letters, digits and `-` (which also keeps the file's name inside its
/// folder). Not `is_slug` itself: its search for `--` brought string searching (2.4 KB raw,
/// 1.0 KB brotli) into the widget's main module, for ids the dataset's checks have seen.
/// The start-up script reads a page's address the same way (`xtask/src/app_build.rs`).
pub fn written_file(route: &str) -> Option<String> {
    let (path, query) = split_route(route);
    let list = Route::parse(path);
    if query.is_empty() {
        return list.starts_written().then(|| path.trim_start_matches('/').to_string());
    }
    let canonical = list_path(&list)?;
    let tag = query.strip_prefix("?tag=").filter(|_| path == canonical)?;
    let slug = !tag.is_empty() && tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    slug.then(|| format!("{WIDGET_VIEWS}{}tag/{tag}.html", path.trim_start_matches('/')))
}

/// The path of a list that can be written filtered by one tag, as the app writes it (so that
/// a file's name is its route's): browse's, or a section's; `None` for any other view.
pub fn list_path(list: &Route) -> Option<String> {
    match list {
        Route::Browse => Some(Paths::browse()),
        Route::Section(id) => Some(Paths::section(id)),
        _ => None,
    }
}
