//! Searching as a visitor does: type, see suggestions, move through them with the keyboard,
//! open one or all results, go back and forward.

use crate::support;

use support::{keys, ServeOptions, Site, WAIT};

const INPUT: &str = "#site-search";

fn start_on(path: &str) -> Site {
    let site = Site::start(ServeOptions::default());
    site.open(path);
    site.wait_for(INPUT, WAIT);
    site
}

fn attr(site: &Site, css: &str, name: &str) -> Option<String> {
    site.find(css).and_then(|e| e.attr(name))
}

#[test]
fn slash_focuses_the_search_box_and_typing_shows_suggestions() {
    let site = start_on("about");
    site.press_key("/");
    site.wait_until(
        "document.activeElement && document.activeElement.id === 'site-search'",
        WAIT,
        "'/' focuses the search box",
    );
    site.press_key("diab");
    let list = site.wait_for("#search-suggestions:not([hidden]) [role=option]", WAIT);
    assert!(list.text().contains("Diabetes"), "{}", list.text());
    assert_eq!(attr(&site, INPUT, "aria-expanded").as_deref(), Some("true"));
    assert_eq!(
        site.find("#search-suggestions [role=option] mark")
            .map(|m| m.text().to_lowercase())
            .as_deref(),
        Some("diabetes")
    );
    site.wait_for_text(".search-box [role=status]", "1 suggestion", WAIT);
    // "/" typed inside the box is text, not the shortcut.
    site.press_key("/");
    assert_eq!(site.find(INPUT).unwrap().property("value"), serde_json::json!("diab/"));
}

#[test]
fn arrows_move_through_suggestions_and_enter_opens_the_chosen_one() {
    let site = start_on("");
    site.find(INPUT).unwrap().send_keys("air qual");
    site.wait_for("#search-suggestions:not([hidden]) [role=option]", WAIT);
    site.press_key(keys::ARROW_DOWN);
    site.wait_until("document.querySelector('#site-search').getAttribute('aria-activedescendant') === 'suggestion-0'", WAIT, "first option active");
    assert_eq!(attr(&site, "#suggestion-0", "aria-selected").as_deref(), Some("true"));
    // Up from the first wraps to the last option, "see all results"; down comes back.
    site.press_key(keys::ARROW_UP);
    site.wait_until(
        "document.querySelector('[aria-selected=true]').textContent.includes('result')",
        WAIT,
        "wrap to 'see all'",
    );
    site.press_key(keys::ARROW_DOWN);
    site.press_key(keys::ENTER);
    site.wait_for_text("main h1", "Air Quality", WAIT);
    assert!(site.current_url().contains("/resource/west-midlands-air-quality-study"));
}

#[test]
fn escape_closes_the_suggestions_then_clears_the_box() {
    let site = start_on("");
    site.find(INPUT).unwrap().send_keys("health");
    site.wait_for("#search-suggestions:not([hidden])", WAIT);
    site.press_key(keys::ESCAPE);
    site.wait_until(
        "document.querySelector('#search-suggestions').hidden",
        WAIT,
        "suggestions closed",
    );
    assert_eq!(attr(&site, INPUT, "aria-expanded").as_deref(), Some("false"));
    // The browser's own Escape-clears-a-search-field must not run on the first Escape.
    assert_eq!(site.find(INPUT).unwrap().property("value"), "health");
    site.press_key(keys::ESCAPE);
    site.wait_until("document.querySelector('#site-search').value === ''", WAIT, "box cleared");
}

#[test]
fn enter_opens_results_with_the_query_in_the_url_and_back_forward_restore_it() {
    let site = start_on("about");
    site.find(INPUT).unwrap().send_keys("health inequalities");
    site.press_key(keys::ENTER);
    site.wait_for_text(
        "[data-testid=result-count]",
        "for \u{201c}health inequalities\u{201d}",
        WAIT,
    );
    assert!(
        site.current_url().ends_with("/search/?q=health%20inequalities"),
        "{}",
        site.current_url()
    );
    assert!(site.title().starts_with("Search: health inequalities"));
    let first = site.wait_for("[data-testid=search-result]", WAIT);
    assert!(first.find("mark").is_some(), "matched words are highlighted");

    // A second search, then back to the first: the box and the list follow the URL.
    let input = site.find(INPUT).unwrap();
    input.clear();
    input.send_keys("diabetes");
    site.press_key(keys::ENTER);
    site.wait_for_text("[data-testid=result-count]", "diabetes", WAIT);
    site.back();
    site.wait_for_text("[data-testid=result-count]", "health inequalities", WAIT);
    site.wait_until(
        "document.querySelector('#site-search').value === 'health inequalities'",
        WAIT,
        "box shows the URL's query",
    );
    site.forward();
    site.wait_for_text("[data-testid=result-count]", "diabetes", WAIT);
    site.refresh();
    site.wait_for_text("[data-testid=result-count]", "diabetes", WAIT);
}

#[test]
fn a_search_with_no_results_offers_a_correction_and_a_way_to_browse() {
    // The misspelt word finds the blueprint on the second chance; the filter then leaves
    // nothing, and did-you-mean offers the word as spelt, without the filter.
    let site = start_on("search?q=bluprnt&tag=air-quality");
    let none = site.wait_for("[data-testid=no-results]", WAIT);
    assert!(none.text().contains("Did you mean"), "{}", none.text());
    assert!(none.text().contains("Removing a filter may help"), "{}", none.text());
    none.find("a").unwrap().click();
    site.wait_for_text("[data-testid=result-count]", "for \u{201c}blueprint\u{201d}", WAIT);
    assert!(site.find("[data-testid=search-result]").unwrap().text().contains("Diabetes"));
}

#[test]
fn a_word_with_two_slips_shows_results_for_the_word_meant_and_says_so() {
    let site = start_on("search?q=medtek");
    let count = site.wait_for_text("[data-testid=result-count]", "Showing", WAIT);
    assert!(count.text().contains("\u{201c}medtek\u{201d} as typed"), "{}", count.text());
    assert!(count.text().contains("for \u{201c}medtech\u{201d}"), "{}", count.text());
    let first = site.find("[data-testid=search-result]").unwrap();
    assert!(first.text().contains("MedTech"), "{}", first.text());
    assert!(site.find("[data-testid=no-results]").is_none());
    // As typed in the box, the suggestions are announced for the word meant.
    let input = site.find(INPUT).unwrap();
    input.clear();
    input.send_keys("medtek");
    site.wait_for_text(".search-box [role=status]", "for \u{201c}medtech\u{201d}", WAIT);
}

#[test]
fn a_result_found_by_another_name_says_which_as_text() {
    let site = start_on("search?q=HINWM");
    let result = site.wait_for("[data-testid=search-result]", WAIT);
    assert!(result.text().contains("Health Innovation West Midlands Impact Report"));
    let said = result.find("[data-testid=other-names]").expect("the other name is shown");
    assert_eq!(said.text(), "Health Innovation West Midlands, also known as HINWM.");
    assert_eq!(said.find("mark").map(|m| m.text()).as_deref(), Some("HINWM"));
    // Only a result the other name explains says so.
    site.open("search?q=health%20innovation%20west%20midlands");
    site.wait_for_text("[data-testid=result-count]", "west midlands", WAIT);
    assert!(site.find("[data-testid=other-names]").is_none());
}

#[test]
fn hostile_queries_in_the_url_show_a_calm_message() {
    let long = "x".repeat(10_000);
    let site = start_on("");
    for q in [
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "%F0%9F%98%80%F0%9F%8F%A5",
        "%22%20OR%201%3D1%20--",
        "%D7%9E%D7%99%D7%93",
        &long,
        "%E0%A4%A",
    ] {
        site.open(&format!("search?q={q}"));
        site.wait_for("[data-testid=result-count]", WAIT);
        assert!(site.find("main script").is_none());
        assert_eq!(site.find_all("main h1").len(), 1, "{q}");
    }
}

/// The site's search engine downloads when the box is first used. When it cannot, the box
/// says so where the suggestions would be, and Enter still opens the results page, whose own
/// code carries the engine.
#[test]
fn when_search_cannot_download_the_box_says_so_and_enter_still_searches() {
    let site = type_until_the_note_says_suggestions_failed(
        ServeOptions::default().with_chunk_down("split_search"),
    );
    assert_eq!(attr(&site, INPUT, "aria-expanded").as_deref(), Some("false"));
    // The written box stands in for the app's (whose code is in the same chunk) and still
    // leads to the results within the app: the page is not loaded again.
    site.execute("window.sameDocument = true", vec![]);
    site.press_key(keys::ENTER);
    site.wait_for_text("[data-testid=result-count]", "1", WAIT);
    assert!(site.current_url().contains("/search/?q=diabetes"), "{}", site.current_url());
    assert_eq!(site.execute("return window.sameDocument === true", vec![]), true);
    let results = site.wait_for("main", WAIT).text();
    assert!(results.contains("Diabetes"), "{results}");
}

/// On the results page the engine comes with the page's own code and the index is built at
/// once; the box's options come from the search chunk all the same, downloaded for them alone,
/// and when that chunk cannot be downloaded the box says so.
#[test]
fn on_the_results_page_the_boxs_suggestions_come_from_the_search_chunk() {
    for down in [false, true] {
        let opts = ServeOptions::default();
        let site = Site::start(if down { opts.with_chunk_down("split_search") } else { opts });
        site.open("search/?q=diabetes");
        site.wait_for_text("[data-testid=result-count]", "diabetes", WAIT);
        let input = site.find(INPUT).expect("the search box");
        input.clear();
        input.send_keys("diab");
        if down {
            site.wait_for_text(
                ".search-box .search-note[role=status]",
                "Suggestions could not be downloaded",
                WAIT,
            );
            assert!(site.find("#search-suggestions [role=option]").is_none());
        } else {
            let list = site.wait_for("#search-suggestions:not([hidden]) [role=option]", WAIT);
            assert!(list.text().contains("Diabetes"), "{}", list.text());
            site.wait_for_text(".search-box [role=status]", "1 suggestion", WAIT);
        }
    }
}

/// Serves the site with `opts`, types "diabetes" into the search box on home, and waits for
/// the note that the suggestions could not be downloaded; returns the site.
fn type_until_the_note_says_suggestions_failed(opts: ServeOptions) -> Site {
    let site = Site::start(opts);
    site.open("");
    site.wait_for(INPUT, WAIT);
    site.find(INPUT).expect("the search box").send_keys("diabetes");
    let note = site.wait_for_text(
        ".search-box .search-note[role=status]",
        "Suggestions could not be downloaded",
        WAIT,
    );
    assert!(note.text().contains("Press Enter to search"), "{}", note.text());
    site
}

/// A download of the engine that stalls is said as a failed one, and the suggestions still
/// come if it arrives after all.
#[test]
fn a_stalled_search_download_is_said_and_the_suggestions_come_when_it_arrives() {
    // The engine's chunk held by the server: a download that does not end.
    let chunk = support::chunk_path("split_search");
    // The box gives up waiting after ENGINE_WAIT_MS (5 s) and says so, rather than nothing.
    let site =
        type_until_the_note_says_suggestions_failed(ServeOptions::default().with_gate(&chunk));
    assert!(site.find("#search-suggestions:not([hidden]) [role=option]").is_none());
    // The chunk arrives after all: the suggestions appear, no refocus needed, the note goes.
    site.server.open_gate(&chunk);
    let list = site.wait_for("#search-suggestions:not([hidden]) [role=option]", WAIT);
    assert!(list.text().contains("Diabetes"), "{}", list.text());
    assert!(site.find(".search-box .search-note").is_none(), "the note is gone");
}

/// The box's code failed to download; once the host is back, focusing the box again downloads
/// it, and the box takes what was typed and shows its suggestions.
#[test]
fn after_a_failed_download_the_box_comes_when_focused_again_once_the_host_is_back() {
    let chunk = support::chunk_path("split_search");
    // Without the service worker, whose install would download every chunk at a moment of its
    // own, maybe after the host is back.
    let site = type_until_the_note_says_suggestions_failed(
        ServeOptions::default().with_chunk_down("split_search").without_worker(),
    );
    site.execute("window.sameDocument = true", vec![]);
    // Before the host comes back, every download asked for so far has been answered, the
    // engine's at the browser's first idle moment included (asked for once, after the app's
    // idle callback, which runs before this one): the one that brings the box is the focus's.
    site.execute_async("requestIdleCallback(arguments[arguments.length - 1]);", vec![]);
    let before = site.server.requests().iter().filter(|p| p.ends_with(&chunk)).count();
    assert_eq!(site.server.wait_for_answers(&chunk, before, WAIT), before, "answered, refused");
    site.server.lift_override(&chunk);
    site.execute("document.activeElement.blur()", vec![]);
    site.find(INPUT).expect("the search box").click();
    assert_eq!(site.server.wait_for_requests(&chunk, before + 1, WAIT), before + 1);
    let list = site.wait_for("#search-suggestions:not([hidden]) [role=option]", WAIT);
    assert!(list.text().contains("Diabetes"), "{}", list.text());
    assert!(site.find("form[data-stand-in]").is_none(), "the written form stood down");
    assert!(site.find(".search-box .search-note").is_none(), "the note is gone");
    let value = site.execute(&format!("return document.querySelector('{INPUT}').value"), vec![]);
    assert_eq!(value, "diabetes");
    assert_eq!(site.execute("return window.sameDocument === true", vec![]), true);
}
