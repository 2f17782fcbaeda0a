//! Which views the build writes as files, and where: what a partner's widget can start its
//! first view from instead of rendering it from the app's code (`src/ui/widget/written.rs`).
//!
//! Every route the router lists is written as a page at its own folder (`browse/`,
//! `section/<id>/`, …; `xtask/src/pages.rs`). A widget's view is often one of those, but the
//! example `widget.js` itself gives, `<mhr-widget view="browse" tags="diabetes">`, is browse
//! filtered by one tag, a view no page stands for (a static host serves `browse/` whatever
//! the query string). So the build also writes, for each tag of the dataset, that view alone
//! in a file of its own under [`WIDGET_VIEWS`]: not a page of the site (no address of the app
//! names it, search engines are told not to index it), only what a widget shows first. Views
//! with several tags, a search, a section's filters or a sort are not written (their
//! combinations have no end); a widget renders them from the code.

use super::paths::Paths;
use super::route::{split_route, Route};
use super::url_state::BrowseState;

/// The folder, relative to the site's root, of the views written for widgets alone.
pub const WIDGET_VIEWS: &str = "views/";

/// The folder, relative to the site's root, of browse filtered by one tag: `<id>.html` each.
pub const TAG_VIEWS: &str = "views/browse/tag/";

/// The route of browse filtered by the one tag `id` (`/browse/?tag=diabetes`), as a widget
/// asks for it.
pub fn browse_by_tag(id: &str) -> String {
    let state = BrowseState { tags: vec![id.to_string()], ..BrowseState::default() };
    format!("{}{}", Paths::browse(), state.to_query_string())
}

/// The file, relative to the site's root, the build writes the base-less `route`'s view
/// into, for a widget to start from: a page's folder for a route written as a page that a
/// widget can keep ([`Route::starts_written`], with no query string), or the file of browse
/// filtered by one tag ([`browse_by_tag`], exactly as written there). `None` for any other
/// route, whose view a widget renders from its code.
///
/// The tag is read from the route as text, not with [`super::url_state`]'s reader, which the
/// widget's main module would then carry: a dataset's ids are slugs
/// ([`super::validate::is_slug`]), which [`browse_by_tag`] writes as they are, so the text
/// after `?tag=` must be letters, digits and `-` (which also keeps the file's name inside its
/// folder). Not `is_slug` itself: its search for `--` brought string searching (2.4 KB raw,
/// 1.0 KB brotli) into the widget's main module, for ids the dataset's checks have seen.
pub fn written_file(route: &str) -> Option<String> {
    let (path, query) = split_route(route);
    if query.is_empty() {
        return Route::parse(path)
            .starts_written()
            .then(|| path.trim_start_matches('/').to_string());
    }
    let tag = route.strip_prefix(&Paths::browse())?.strip_prefix("?tag=")?;
    let slug = !tag.is_empty() && tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    slug.then(|| format!("{TAG_VIEWS}{tag}.html"))
}
