//! The browse machinery shared by the browse, search, section and tag views: read the state
//! from the URL, apply it (with any search and fixed option), show facets, chips, sort and a
//! paged result list; every choice navigates to a new URL, so back and forward step through
//! selections and any view is a link.

use crate::ui::nav::{use_nav, Link};
use leptos::prelude::*;

use super::cards::ResourceCard;
use super::facets::{FacetGroups, FilterChips, SortSelect};
use super::notices::Notices;
use super::without_app::PagesWithoutApp;
use super::{use_browse, use_catalog, use_search};
use crate::core::filter::Facet;
use crate::core::paths::Paths;
use crate::core::search::documents::other_names_matched;
use crate::core::search::{Engine, Highlighter, QueryOptions};
use crate::core::url_state::{parse_browse_state, BrowseState};

/// Results rendered at first and added by each "show more".
const PAGE: usize = 20;

/// Results on the page at first: a page, in the app; every one in a page written at build
/// time, where "show more" cannot run without the app.
const FIRST: usize = if cfg!(target_arch = "wasm32") { PAGE } else { usize::MAX };

/// Filterable, searchable, sortable list of resources.
#[component]
pub fn Browse(
    /// The view's path without query string, for the links it makes ("/browse/").
    path: String,
    /// Options fixed by the view (its section or tag).
    #[prop(optional)]
    fixed: Vec<usize>,
    /// Leave out the sections group (on a section view).
    #[prop(optional)]
    hide_sections: bool,
    /// What of the view needs the app, as the note where it cannot run begins (see
    /// [`PagesWithoutApp`]).
    #[prop(default = "Filtering and sorting need JavaScript")]
    needs: &'static str,
) -> impl IntoView {
    let catalog = use_catalog();
    let index = use_search();
    let browse = use_browse();
    let nav = use_nav();
    let search_text = nav.search();

    let parsed = {
        let c = catalog.clone();
        Memo::new(move |_| {
            parse_browse_state(
                &search_text.get(),
                |t| c.tag(t).is_some(),
                |s| c.section(s).is_some(),
            )
        })
    };
    let state = Memo::new(move |_| parsed.with(|p| p.0.clone()));
    // The search depends on the query alone: ticking a tag or changing the sort must not
    // score every document again.
    let query = Memo::new(move |_| state.with(|s| s.query.clone()));
    // A query's results are the view's content, so the index is taken at once, built now
    // if the search box has not had it built already, with the engine linked into this
    // view's code (a chunk on the site: it shares the engine's with the search box).
    let search = {
        let index = index.clone();
        Memo::new(move |_| {
            let q = query.get();
            (!q.trim().is_empty()).then(|| {
                let index = index.now(Engine::linked());
                index.search(&q, QueryOptions { limit: index.len(), prefix_last: true })
            })
        })
    };
    let outcome = {
        let browse = browse.clone();
        let fixed = fixed.clone();
        Memo::new(move |_| state.with(|s| search.with(|r| browse.run(s, &fixed, r.as_ref()))))
    };
    let shown = RwSignal::new(FIRST);
    Effect::new(move |previous: Option<()>| {
        state.track();
        if previous.is_some() {
            shown.set(PAGE);
        }
    });
    let filters_open = RwSignal::new(false);

    let go = {
        let path = path.clone();
        Callback::new(move |s: BrowseState| {
            nav.go(format!("{path}{}", s.to_query_string()));
        })
    };
    let toggle = {
        let browse = browse.clone();
        Callback::new(move |i: usize| {
            let o = &browse.facets.options()[i];
            let s = state.get_untracked();
            go.run(match o.facet {
                Facet::Section => s.toggled_section(&o.id),
                _ => s.toggled_tag(&o.id),
            });
        })
    };
    let clear = Callback::new(move |_| go.run(state.get_untracked().cleared()));
    let sort = Callback::new(move |sort| {
        go.run(BrowseState { sort: Some(sort), ..state.get_untracked() })
    });

    let selected_count = {
        let fixed = fixed.clone();
        Memo::new(move |_| {
            outcome.with(|o| o.selected.iter().filter(|i| !fixed.contains(i)).count())
        })
    };
    let notices = Signal::derive(move || parsed.with(|p| p.1.clone()));
    let status = move || {
        let n = outcome.with(|o| o.results.len());
        let q = state.with(|s| s.query.trim().to_string());
        let plural = if n == 1 { "" } else { "s" };
        match search.with(|r| r.as_ref().map(|r| (r.terms.is_empty(), r.partial, r.corrected.clone()))) {
            None => format!("{n} resource{plural}"),
            Some((true, ..)) => "Your search has no words we can look for. Try a word or two from a title or topic.".into(),
            Some(_) if n == 0 => format!("No resources match \u{201c}{q}\u{201d}."),
            Some((_, false, Some(c))) => format!(
                "Nothing matched \u{201c}{q}\u{201d} as typed. Showing {n} result{plural} for \u{201c}{c}\u{201d}."
            ),
            Some((_, true, Some(c))) => format!(
                "Nothing matched \u{201c}{q}\u{201d} as typed. Showing the {n} closest results for \u{201c}{c}\u{201d}, which match some of its words."
            ),
            Some((_, true, None)) => format!(
                "No resource matches every word of \u{201c}{q}\u{201d}. Showing the {n} closest, which match some of them."
            ),
            Some(_) => format!("{n} result{plural} for \u{201c}{q}\u{201d}"),
        }
    };
    let no_results = {
        let index = index.clone();
        move || {
            let empty = outcome.with(|o| o.results.is_empty());
            let q = state.with(|s| s.query.clone());
            let filtered = selected_count.get() > 0;
            empty.then(|| {
                let suggestion = (!q.trim().is_empty()).then(|| index.now(Engine::linked()).index().did_you_mean(&q)).flatten();
                view! {
                    <div class="no-results" data-testid="no-results">
                        {suggestion.map(|s| view! { <p>"Did you mean " <Link to=Paths::search(&s)>{s.clone()}</Link> "?"</p> })}
                        {filtered.then(|| view! { <p>"Removing a filter may help: see the chips above, or clear them all."</p> })}
                        <p>"You can also browse by section from the " <Link to=Paths::home()>"home page"</Link> "."</p>
                    </div>
                }
            })
        }
    };
    let list = move || {
        let limit = shown.get();
        let highlighter = search.with(|r| r.as_ref().map(|r| Highlighter::new(&r.highlight)));
        let results: Vec<usize> = outcome.with(|o| o.results.iter().take(limit).copied().collect());
        results
            .into_iter()
            .map(|d| {
                let r = catalog.data().resources[d].clone();
                let other_names = search.with(|s| {
                    s.as_ref().map(|s| other_names_matched(&catalog, &r, s)).unwrap_or_default()
                });
                let highlight = highlighter.clone();
                view! { <li><ResourceCard resource=r highlight other_names/></li> }
            })
            .collect_view()
    };
    let more = move || {
        let total = outcome.with(|o| o.results.len());
        let limit = shown.get();
        (total > limit).then(|| {
            view! {
                <button type="button" class="button secondary needs-app" on:click=move |_| shown.update(|s| *s += PAGE)>
                    {format!("Show more ({} of {total} shown)", limit)}
                </button>
            }
        })
    };

    view! {
        <div class="browse">
            <button
                type="button"
                class="filters-toggle button secondary needs-app"
                aria-expanded=move || filters_open.get().to_string()
                aria-controls="facets"
                on:click=move |_| filters_open.update(|o| *o = !*o)
            >
                "Filters"
                {move || match selected_count.get() { 0 => String::new(), n => format!(" ({n} selected)") }}
            </button>
            <aside id="facets" class="facets" class:open=move || filters_open.get() aria-label="Filters">
                <FacetGroups browse=browse.clone() outcome fixed=fixed.clone() hide_sections on_toggle=toggle/>
                <PagesWithoutApp needs/>
            </aside>
            <div class="results">
                <Notices notices/>
                <FilterChips browse outcome fixed on_remove=toggle on_clear=clear/>
                <div class="results-bar">
                    <p role="status" class="count" data-testid="result-count">{status}</p>
                    <SortSelect state on_sort=sort/>
                </div>
                {no_results}
                <ul class="resource-list" data-testid="results">{list}</ul>
                {more}
            </div>
        </div>
    }
}
