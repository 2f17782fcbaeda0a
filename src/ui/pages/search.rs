//! Search results: the query from the URL, ranked results with highlighted titles and
//! snippets, and a did-you-mean when nothing matches.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::core::paths::Paths;
use crate::core::search::{Highlighter, QueryOptions};
use crate::ui::components::highlight::Highlighted;
use crate::ui::components::links::TagLinks;
use crate::ui::components::title::use_document_title;
use crate::ui::components::{use_catalog, use_search};

/// Most results listed.
const LIMIT: usize = 100;
/// Words in a summary snippet.
const SNIPPET_WORDS: usize = 36;

/// The search results view.
#[component]
pub fn SearchPage() -> impl IntoView {
    let catalog = use_catalog();
    let index = use_search();
    let query_map = use_query_map();
    let query = Memo::new(move |_| query_map.read().get("q").unwrap_or_default());
    use_document_title(move || {
        let q = query.get();
        Some(if q.trim().is_empty() { "Search".into() } else { format!("Search: {}", q.trim()) })
    });
    let ix = index.clone();
    let results = Memo::new(move |_| {
        ix.search(&query.get(), QueryOptions { limit: LIMIT, prefix_last: true })
    });

    let summary = move || {
        let q = query.get();
        results.with(|r| {
            if r.terms.is_empty() {
                if q.trim().is_empty() {
                    "Type what you are looking for in the search box above.".to_string()
                } else {
                    "Your search has no words we can look for. Try a word or two from a title or topic.".to_string()
                }
            } else if r.total == 0 {
                format!("No resources match \u{201c}{}\u{201d}.", q.trim())
            } else if r.partial {
                format!(
                    "No resource matches every word of \u{201c}{}\u{201d}. Showing the {} closest, which match some of them.",
                    q.trim(),
                    r.total
                )
            } else {
                format!("{} result{} for \u{201c}{}\u{201d}", r.total, if r.total == 1 { "" } else { "s" }, q.trim())
            }
        })
    };

    let list = move || {
        let r = results.get();
        let highlighter = Highlighter::new(&r.highlight);
        r.hits
            .iter()
            .map(|hit| {
                let res = catalog.data().resources[hit.doc as usize].clone();
                let tags = catalog.tags_of(&res).cloned().collect::<Vec<_>>();
                let title = highlighter.highlight(&res.title);
                let snippet = highlighter.snippet(&res.summary, SNIPPET_WORDS);
                let fuzzy = hit.fuzzy > 0;
                view! {
                    <li>
                        <article class="card resource-card" data-testid="search-result">
                            <h2 class="result-title"><A href=Paths::resource(&res.id)><Highlighted segments=title/></A></h2>
                            <p class="summary"><Highlighted segments=snippet/></p>
                            {fuzzy.then(|| view! { <p class="note">"Matched a word spelt slightly differently."</p> })}
                            <TagLinks tags/>
                        </article>
                    </li>
                }
            })
            .collect_view()
    };

    let did_you_mean = move || {
        let q = query.get();
        let none = results.with(|r| r.total == 0 && !r.terms.is_empty());
        none.then(|| {
            let suggestion = index.did_you_mean(&q);
            view! {
                <div class="no-results" data-testid="no-results">
                    {suggestion.map(|s| view! {
                        <p>"Did you mean " <A href=Paths::search(&s)>{s.clone()}</A> "?"</p>
                    })}
                    <p>"Or browse by section from the " <A href=Paths::home()>"home page"</A> ", or look through the tags of any resource."</p>
                </div>
            }
        })
    };

    view! {
        <h1>"Search"</h1>
        <p role="status" class="count" data-testid="result-count">{summary}</p>
        {did_you_mean}
        <ul class="resource-list">{list}</ul>
    }
}
