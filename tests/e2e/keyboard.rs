//! Keyboard only, and 400 % zoom: a whole visit with Tab, Shift+Tab, Enter, Space, arrows and
//! Escape, and every view at 320 CSS px (1280 px at 400 %) without sideways scrolling.

use crate::support;

use support::keys::{ARROW_DOWN, ENTER, ESCAPE, SHIFT, SPACE, TAB};
use support::{Browser, ServeOptions, Site, WAIT};

/// Presses Tab (or Shift+Tab) until `predicate` (JS, on `document.activeElement` as `a`)
/// holds; panics after `max` presses.
fn tab_to(browser: &Browser, predicate: &str, backwards: bool, max: usize, what: &str) {
    let check = format!(
        "return (() => {{ const a = document.activeElement; return !!(a && ({predicate})); }})();"
    );
    for _ in 0..max {
        if backwards {
            browser.key_chord(&[SHIFT, TAB]);
        } else {
            browser.press_key(TAB);
        }
        if browser.execute(&check, vec![]) == true {
            return;
        }
    }
    let at = browser.execute("return document.activeElement ? document.activeElement.outerHTML.slice(0, 200) : 'nothing';", vec![]);
    panic!("{max} presses of Tab did not reach {what}; focus is on {at}");
}

fn focused_text(browser: &Browser) -> String {
    browser
        .execute("return document.activeElement.textContent;", vec![])
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn a_whole_visit_works_with_the_keyboard_alone() {
    let site = Site::start(ServeOptions::default());
    site.open("");
    site.wait_for_text("main h1", "Midlands", WAIT);

    // "/" jumps to search; typing shows suggestions; Escape closes them; an arrow reopens and
    // moves through them; Enter opens the chosen resource.
    site.press_key("/");
    site.wait_until(
        "document.activeElement.id === 'site-search'",
        WAIT,
        "the search box to take focus",
    );
    site.press_key("diab");
    site.wait_for("#search-suggestions:not([hidden]) [role=option]", WAIT);
    site.press_key(ESCAPE);
    site.wait_until(
        "document.getElementById('site-search').getAttribute('aria-expanded') === 'false'",
        WAIT,
        "Escape to close",
    );
    site.press_key(ARROW_DOWN);
    site.wait_until(
        "document.getElementById('site-search').getAttribute('aria-activedescendant')",
        WAIT,
        "an arrow to pick a suggestion",
    );
    site.press_key(ENTER);
    site.wait_for_text("main h1", "Diabetes", WAIT);
    site.wait_until(
        "document.activeElement === document.querySelector('main h1')",
        WAIT,
        "focus on the new heading",
    );

    // To browse through the main navigation: back (Shift+Tab) from the heading into the header.
    tab_to(
        &site,
        "a.textContent.trim() === 'Browse' && a.closest('header')",
        true,
        40,
        "the Browse link",
    );
    site.press_key(ENTER);
    site.wait_for_text("main h1", "Browse all resources", WAIT);

    // Two tags with Space, focus staying on each box as the list and the address change.
    tab_to(
        &site,
        "a.type === 'checkbox' && a.labels[0].textContent.startsWith('Economy')",
        false,
        80,
        "the Economy option",
    );
    site.press_key(SPACE);
    site.wait_until("location.search === '?tag=economy'", WAIT, "the first tag in the address");
    assert!(
        site.execute("return document.activeElement.type === 'checkbox'", vec![]) == true,
        "focus stayed on the box"
    );
    tab_to(
        &site,
        "a.type === 'checkbox' && a.labels[0].textContent.startsWith('East Midlands')",
        false,
        80,
        "the East Midlands option",
    );
    site.press_key(SPACE);
    site.wait_until(
        "location.search === '?tag=economy&tag=east-midlands'",
        WAIT,
        "both tags in the address",
    );
    let count = site.find("[data-testid=result-count]").unwrap().text();
    assert!(count.ends_with("resources") || count.ends_with("resource"), "{count}");

    // Into the results, Enter on the first one.
    tab_to(&site, "a.closest('[data-testid=results]')", false, 80, "the first result");
    let title = focused_text(&site);
    site.press_key(ENTER);
    site.wait_for_text("main h1", title.trim(), WAIT);

    // The comparison, and its mode switch with Enter and Space.
    tab_to(
        &site,
        "a.textContent.trim() === 'Compare' && a.closest('header')",
        true,
        60,
        "the Compare link",
    );
    site.press_key(ENTER);
    site.wait_for_text("main h1", "Compare clusters", WAIT);
    tab_to(
        &site,
        "a.textContent.trim() === 'Chart' && a.getAttribute('aria-pressed')",
        false,
        40,
        "the Chart button",
    );
    site.press_key(ENTER);
    site.wait_until("location.search.includes('mode=chart')", WAIT, "chart mode in the address");
    tab_to(
        &site,
        "a.textContent.trim() === 'Table' && a.getAttribute('aria-pressed')",
        true,
        10,
        "the Table button",
    );
    site.press_key(SPACE);
    site.wait_until("!location.search.includes('mode=chart')", WAIT, "table mode again");
    assert!(site.console_errors().is_empty(), "{:?}", site.console_errors());
}

/// Every kind of view.
const VIEWS: [&str; 12] = [
    "",
    "section/challenges",
    "resource/west-midlands-air-quality-study",
    "tag/economy",
    "browse?tag=economy",
    "search?q=health",
    "compare",
    "compare?mode=chart",
    "about",
    "embed?view=browse&tags=economy",
    "no/such/page",
    "browse?tag=economy&embed=1",
];

#[test]
fn at_400_percent_zoom_no_view_scrolls_sideways() {
    // 1280 px at 400 % is a 320 CSS px viewport.
    let site = Site::start(ServeOptions::default());
    site.cdp(
        "Emulation.setDeviceMetricsOverride",
        serde_json::json!({"width": 320, "height": 640, "deviceScaleFactor": 4, "mobile": false}),
    );
    let mut wide = Vec::new();
    for path in VIEWS {
        site.open(path);
        site.wait_for("main h1", WAIT);
        site.wait_until("!document.querySelector('[data-testid=loading]')", WAIT, "loaded");
        let width =
            site.execute("return [innerWidth, document.documentElement.scrollWidth];", vec![]);
        let (inner, scroll) = (width[0].as_f64().unwrap(), width[1].as_f64().unwrap());
        assert_eq!(inner, 320.0, "the viewport is 320 CSS px");
        if scroll > inner {
            let culprit = site.execute(
                "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > innerWidth + 1)
                   .slice(0, 3).map(e => e.tagName + '.' + e.className).join(', ');",
                vec![],
            );
            wide.push(format!("/{path}: {scroll}px wide ({culprit})"));
        }
    }
    assert!(wide.is_empty(), "views wider than 320 px:\n{}", wide.join("\n"));
}
