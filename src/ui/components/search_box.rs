//! The search box in the header: suggestions as you type, following the ARIA combobox
//! pattern (arrow keys move through suggestions, Enter opens one or all results, Escape
//! closes, the count is announced). The options themselves and what the status line says of
//! them are drawn by [`super::suggestions`], whose code comes with the search engine's.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{use_catalog, use_search};
use crate::core::paths::Paths;
use crate::core::route::Route;
use crate::core::search::{QueryOptions, SearchResults};
use crate::core::url_state::query_value;
use crate::ui::nav::{use_nav, Nav};

/// How many suggestions to show.
const SUGGESTIONS: usize = 6;
/// What the box says when the code behind its suggestions could not be downloaded (the written
/// box standing in for it says the same: `crate::ui::written`).
pub const UNAVAILABLE: &str = "Suggestions could not be downloaded. Press Enter to search.";
/// The input's id, which the "/" shortcut focuses.
pub const SEARCH_INPUT_ID: &str = "site-search";

/// The site header's search box: where the written page's search form stood in for it until
/// its code came, it takes what was typed there, and focus (`crate::ui::written`). Only the
/// site's header has a written form to take over; a frame's and the widget's layouts use
/// [`SearchBox`] itself.
#[component]
pub fn HeaderSearchBox() -> impl IntoView {
    #[cfg(target_arch = "wasm32")]
    Effect::new(|_| crate::ui::written::hand_over_search_box());
    view! { <SearchBox/> }
}

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
    let prepare = {
        let index = index.clone();
        move || index.prepare()
    };
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

    let choosing = Choosing { results, active, text, open };
    let go = {
        let nav = nav.clone();
        move |path: String| choose(choosing, &nav, path)
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

    // The options and what the status line says of them come with the engine's code
    // (`super::suggestions`), asked for once there are results to show.
    let list = {
        let index = index.clone();
        move || index.suggestions().map(|s| (s.list)(choosing))
    };

    let status = move || match results.get() {
        _ if unavailable.get() => UNAVAILABLE.to_string(),
        Some(r) if open.get() => index.suggestions().map(|s| (s.status)(&r)).unwrap_or_default(),
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

/// What the box's options need: its results, the option chosen with the arrows, its text, and
/// whether the list is open.
#[derive(Clone, Copy)]
pub struct Choosing {
    /// The suggestions, while the list is open and the box holds a query.
    pub results: Memo<Option<SearchResults>>,
    /// The option chosen with the arrow keys.
    pub active: RwSignal<Option<usize>>,
    /// What is typed in the box.
    pub text: RwSignal<String>,
    /// Whether the list is open.
    pub open: RwSignal<bool>,
}

/// Closes the list and goes to `path`: an option clicked or chosen with Enter.
pub fn choose(choosing: Choosing, nav: &Nav, path: String) {
    choosing.open.set(false);
    choosing.active.set(None);
    nav.open(path);
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
