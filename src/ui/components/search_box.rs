//! The search box in the header: suggestions as you type, following the ARIA combobox
//! pattern (arrow keys move through suggestions, Enter opens one or all results, Escape
//! closes, the count is announced).

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::highlight::Highlighted;
use super::{use_catalog, use_search};
use crate::core::paths::Paths;
use crate::core::route::Route;
use crate::core::search::QueryOptions;
use crate::core::url_state::query_value;
use crate::ui::nav::use_nav;

/// How many suggestions to show.
const SUGGESTIONS: usize = 6;
/// The input's id, which the "/" shortcut focuses.
pub const SEARCH_INPUT_ID: &str = "site-search";

/// The search form with its suggestions.
#[component]
pub fn SearchBox() -> impl IntoView {
    let catalog = use_catalog();
    let index = use_search();
    let nav = use_nav();
    let (path, search) = (nav.path(), nav.search());
    // Submitted before the app has taken over, the form still leads to the results page.
    let action = nav.href(&Paths::search(""));
    let text = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);

    // On the results view the box shows the query of the URL, so back and forward restore it.
    Effect::new(move |_| {
        if path.with(|p| Route::parse(p) == Route::Search) {
            text.set(search.with(|s| query_value(s, "q")));
        }
    });

    // Suggestions are computed only while the list is open: the results view sets the text
    // from the URL, and that must not run a second search nobody sees.
    // The index is built after start-up (at the first idle moment, or when the box is first
    // focused or typed into), in slices between the browser's tasks; the suggestions come
    // once it is ready.
    let results = {
        let index = index.clone();
        Memo::new(move |_| {
            let q = text.get();
            if !open.get() || q.trim().is_empty() {
                return None;
            }
            let index = index.get()?;
            Some(index.search(&q, QueryOptions { limit: SUGGESTIONS, prefix_last: true }))
        })
    };
    // The engine's code could not be downloaded (the site's is in a chunk): said where the
    // suggestions would be, until the next focus tries again.
    let unavailable = {
        let index = index.clone();
        Memo::new(move |_| open.get() && !text.with(|t| t.trim().is_empty()) && index.failed())
    };
    let retry = {
        let index = index.clone();
        move || index.retry()
    };
    let prepare = move || index.prepare();
    let on_input = {
        let prepare = prepare.clone();
        move |ev: ev::Event| {
            prepare();
            text.set(event_target_value(&ev));
            open.set(true);
            active.set(None);
        }
    };
    let count = move || results.with(|r| r.as_ref().map_or(0, |r| r.hits.len()));
    // The options: each suggestion, then "all results".
    let options = move || count() + usize::from(results.with(|r| r.is_some()));
    let expanded = move || results.with(|r| r.is_some());

    let go = {
        move |path: String| {
            open.set(false);
            active.set(None);
            nav.open(path);
        }
    };
    let suggestion_path = {
        let catalog = catalog.clone();
        move |i: usize| -> String {
            results.with_untracked(|r| match r.as_ref().and_then(|r| r.hits.get(i)) {
                Some(hit) => Paths::resource(&catalog.data().resources[hit.doc as usize].id),
                None => Paths::search(&text.get_untracked()),
            })
        }
    };

    let on_keydown = {
        let go = go.clone();
        let suggestion_path = suggestion_path.clone();
        move |ev: ev::KeyboardEvent| {
            let key = ev.key();
            if matches!(key.as_str(), "ArrowDown" | "ArrowUp") {
                // Arrows reopen a closed list, as before it was closed.
                open.set(true);
            }
            let n = options();
            match key.as_str() {
                "ArrowDown" if n > 0 => {
                    ev.prevent_default();
                    active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % n)));
                }
                "ArrowUp" if n > 0 => {
                    ev.prevent_default();
                    active.update(|a| *a = Some(a.map_or(n - 1, |i| (i + n - 1) % n)));
                }
                "Enter" => {
                    if let Some(i) = active.get_untracked().filter(|_| open.get_untracked()) {
                        ev.prevent_default();
                        go(suggestion_path(i));
                    }
                }
                "Escape" => {
                    if open.get_untracked() && results.with_untracked(|r| r.is_some()) {
                        // A search field clears itself on Escape; the first Escape only closes
                        // the list, so the text must stay.
                        ev.prevent_default();
                        open.set(false);
                        active.set(None);
                    } else {
                        text.set(String::new());
                    }
                }
                _ => {}
            }
        }
    };

    let on_submit = {
        let go = go.clone();
        move |ev: ev::SubmitEvent| {
            ev.prevent_default();
            go(Paths::search(&text.get_untracked()));
        }
    };

    let list =
        {
            let catalog = catalog.clone();
            let index = use_search();
            move || {
                let Some(r) = results.get() else { return Vec::new() };
                // Results come only from a built index, whose engine marks the matches.
                let Some(searcher) = index.get() else { return Vec::new() };
                let mut items: Vec<_> =
                    r.hits
                        .iter()
                        .enumerate()
                        .map(|(i, hit)| {
                            let resource = &catalog.data().resources[hit.doc as usize];
                            let title = searcher.highlight(&r.highlight, &resource.title);
                            let section = catalog
                                .section(&resource.section)
                                .map(|s| s.title.clone())
                                .unwrap_or_default();
                            let path = Paths::resource(&resource.id);
                            option(i, active, go.clone(), path, view! {
                        <span class="suggestion-title"><Highlighted segments=title/></span>
                        <span class="suggestion-meta">{section}</span>
                    }.into_any())
                        })
                        .collect();
                let all = r.hits.len();
                let label = if r.total == 0 {
                    format!("Search for \u{201c}{}\u{201d}", text.get_untracked().trim())
                } else {
                    format!("See all {} result{}", r.total, if r.total == 1 { "" } else { "s" })
                };
                items.push(option(
                    all,
                    active,
                    go.clone(),
                    Paths::search(&text.get_untracked()),
                    view! {
                        <span class="suggestion-all">{label}</span>
                    }
                    .into_any(),
                ));
                items
            }
        };

    let status = move || match results.get() {
        _ if unavailable.get() => {
            "Suggestions could not be downloaded. Press Enter to search.".to_string()
        }
        Some(r) if open.get() && r.hits.is_empty() => {
            "No suggestions. Press Enter to search.".to_string()
        }
        Some(r) if open.get() => format!(
            "{} suggestion{}{}{}. Use the up and down arrows to choose.",
            r.hits.len(),
            if r.hits.len() == 1 { "" } else { "s" },
            r.corrected.map(|c| format!(" for \u{201c}{c}\u{201d}")).unwrap_or_default(),
            if r.partial { ", matching some of your words" } else { "" }
        ),
        _ => String::new(),
    };

    view! {
        <form role="search" class="search-box needs-app" on:submit=on_submit action=action method="get">
            <label for=SEARCH_INPUT_ID class="visually-hidden">"Search"</label>
            <input
                id=SEARCH_INPUT_ID
                name="q"
                type="search"
                role="combobox"
                aria-autocomplete="list"
                aria-controls="search-suggestions"
                aria-expanded=move || expanded().to_string()
                aria-activedescendant=move || active.get().filter(|_| expanded()).map(|i| format!("suggestion-{i}"))
                aria-keyshortcuts="/"
                autocomplete="off"
                spellcheck="false"
                placeholder="Search reports, figures, places…"
                maxlength="500"
                prop:value=move || text.get()
                on:input=on_input
                on:keydown=on_keydown
                on:focus=move |_| {
                    retry();
                    open.set(true);
                }
                on:blur=move |_| open.set(false)
            />
            <button type="submit" class="search-submit">"Search"</button>
            <ul id="search-suggestions" role="listbox" aria-label="Suggestions" class="suggestions" hidden=move || !expanded()>
                {list}
            </ul>
            <p role="status" class=move || if unavailable.get() { "search-note" } else { "visually-hidden" }>{status}</p>
        </form>
    }
}

/// One option of the listbox. Mouse-down is taken so the input keeps focus while clicking.
fn option(
    i: usize,
    active: RwSignal<Option<usize>>,
    go: impl Fn(String) + Clone + 'static,
    path: String,
    body: AnyView,
) -> AnyView {
    view! {
        <li
            id=format!("suggestion-{i}")
            role="option"
            class="suggestion"
            aria-selected=move || (active.get() == Some(i)).to_string()
            on:mousedown=move |ev| ev.prevent_default()
            on:click=move |_| go(path.clone())
        >
            {body}
        </li>
    }
    .into_any()
}

/// Installs the "/" shortcut: focus the search box from anywhere except a text field.
pub fn install_slash_shortcut() {
    let handle = window_event_listener(ev::keydown, |ev| {
        if ev.key() != "/" || ev.ctrl_key() || ev.meta_key() || ev.alt_key() || in_text_field(&ev) {
            return;
        }
        let input = document()
            .get_element_by_id(SEARCH_INPUT_ID)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(input) = input {
            ev.prevent_default();
            let _ = input.focus();
        }
    });
    on_cleanup(move || handle.remove());
}

fn in_text_field(ev: &ev::KeyboardEvent) -> bool {
    let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return false;
    };
    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.is_content_editable()
}
