//! Embedding on a partner's page, served by the test from a second loopback origin: the
//! auto-sizing iframe, the isolated widget, and the builder's snippets pasted unchanged.
//! The site is served with the headers of its `_headers` file (CSP, CORS), as documented.

use crate::support;

use serde_json::Value;
use support::{Browser, Element, ServeOptions, StaticServer, TempDir, WAIT};

/// The site on one origin, a partner's pages on another, and a browser.
struct Partner {
    browser: Browser,
    partner: StaticServer,
    site: StaticServer,
    _pages: TempDir,
}

impl Partner {
    /// Serves the site, then writes `pages` (name, HTML with `{SITE}` for the site's URL)
    /// and serves them from a second origin.
    fn start(pages: &[(&str, &str)], width: u32) -> Partner {
        Partner::start_with(pages, width, ServeOptions::default())
    }

    /// [`Partner::start`], with the site served with `site` (its shipped headers added).
    fn start_with(pages: &[(&str, &str)], width: u32, site: ServeOptions) -> Partner {
        let site = StaticServer::start(support::dist_dir(), site.with_shipped_headers());
        let dir = TempDir::new("partner");
        for (name, html) in pages {
            let html = html.replace("{SITE}", &site.site_url(""));
            std::fs::write(dir.path().join(name), html).expect("write partner page");
        }
        let partner = StaticServer::start(dir.path(), ServeOptions::default());
        assert_ne!(partner.origin(), site.origin(), "the partner must be another origin");
        Partner { browser: Browser::launch(width, 900), partner, site, _pages: dir }
    }

    fn open(&self, page: &str) {
        self.browser.goto(&self.partner.url(page));
    }

    fn js(&self, script: &str) -> Value {
        self.browser.execute(script, vec![])
    }

    /// `expr` evaluated on the shadow root of widget `id` (see [`in_widget`]).
    fn widget(&self, id: &str, expr: &str) -> Value {
        self.js(&format!("return {};", in_widget(id, expr)))
    }

    fn number(&self, script: &str) -> f64 {
        self.js(script).as_f64().unwrap_or_else(|| panic!("not a number: {script}"))
    }
}

const IFRAME_PAGE: &str = r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Partner page</title></head>
<body>
<h1>Partner page</h1>
<iframe id="f" src="{SITE}browse?embed=1&amp;frame=t1" data-mhr-embed title="Health resources" style="width: 420px"></iframe>
<iframe id="other" src="other.html" title="Another frame"></iframe>
<script>
  window.fakes = [];
  addEventListener("message", (e) => { if (e.data && e.data.height >= 900) fakes.push(e.data.height); });
</script>
<script src="{SITE}embed.js" async></script>
</body></html>"#;

const OTHER_FRAME: &str = r#"<!doctype html><html lang="en"><head><title>Other</title></head><body>
<script>function fake(h) { parent.postMessage({ type: "mhr-embed:height", frame: "t1", height: h }, "*"); }</script>
</body></html>"#;

/// The embed layout's height, measured inside the frame.
fn content_height(p: &Partner, frame: &Element) -> f64 {
    p.browser.switch_to_frame(frame);
    let h = p.number("return document.querySelector('.embed').getBoundingClientRect().height");
    p.browser.switch_to_top();
    h
}

/// Waits until the iframe is as tall as its content (within 2 px); returns the height.
fn wait_sized(p: &Partner, frame: &Element) -> f64 {
    let want = content_height(p, frame);
    p.browser.wait_until(
        &format!(
            "Math.abs(document.getElementById('f').getBoundingClientRect().height - {want}) <= 2"
        ),
        WAIT,
        &format!("the iframe to be {want}px tall"),
    );
    want
}

#[test]
fn the_iframe_follows_its_content_height_and_ignores_other_senders() {
    let p = Partner::start(&[("partner.html", IFRAME_PAGE), ("other.html", OTHER_FRAME)], 1000);
    p.open("partner.html");
    let frame = p.browser.wait_for("#f", WAIT);
    p.browser.switch_to_frame(&frame);
    p.browser.wait_for("[data-testid=result-count]", WAIT);
    // The frame has no site chrome, links out of it open the full site in a new tab, and
    // it credits the directory.
    assert!(p.browser.find("header.site-header").is_none(), "no site header in a frame");
    assert!(p.browser.find("footer.site-footer").is_none(), "no site footer in a frame");
    let link = p.browser.find("[data-testid=results] a").expect("a result link");
    assert_eq!(link.attr("target").as_deref(), Some("_blank"));
    assert!(link.attr("rel").unwrap_or_default().contains("noopener"));
    assert!(
        !link.attr("href").unwrap_or_default().contains("embed"),
        "links lead to the full view"
    );
    assert!(p.browser.find("[data-testid=embed-credit]").is_some());
    p.browser.switch_to_top();

    let first = wait_sized(&p, &frame);

    // Opening the filters (a narrow frame folds them away) makes it much taller.
    p.browser.switch_to_frame(&frame);
    p.browser.find(".filters-toggle").expect("filters button").click();
    p.browser.switch_to_top();
    let open = wait_sized(&p, &frame);
    assert!(open > first + 200.0, "opening the filters grew the content: {first} -> {open}");

    // Choosing a tag shrinks the list, and the frame follows, staying inside the frame.
    p.browser.switch_to_frame(&frame);
    let before = p.browser.find("[data-testid=result-count]").unwrap().text();
    p.browser
        .find_all(".facet-option label")
        .into_iter()
        .find(|l| l.text().starts_with("Air quality"))
        .expect("an Air quality option")
        .click();
    p.browser.wait_until("location.search.includes('tag=air-quality')", WAIT, "the filter");
    let inside = p.js("return location.href");
    assert!(
        inside.as_str().unwrap_or_default().contains("embed=1"),
        "navigation stays embedded: {inside}"
    );
    let after = p.browser.find("[data-testid=result-count]").unwrap().text();
    assert_ne!(before, after);
    p.browser.switch_to_top();
    let filtered = wait_sized(&p, &frame);
    assert!((filtered - open).abs() > 20.0, "the height changed: {open} -> {filtered}");

    // Messages from another frame, or from the page itself, do not resize it.
    p.js("document.getElementById('other').contentWindow.fake(1234); window.postMessage({ type: 'mhr-embed:height', frame: 't1', height: 999 }, '*');");
    p.browser.wait_until("window.fakes.length >= 2", WAIT, "both fake messages delivered");
    let now = p.number("return document.getElementById('f').getBoundingClientRect().height");
    assert!((now - filtered).abs() <= 2.0, "a fake message resized the frame to {now}");
    assert!(p.browser.console_errors().is_empty(), "{:?}", p.browser.console_errors());
}

#[test]
fn links_out_of_an_embedded_view_open_a_new_tab() {
    let p = Partner::start(&[], 1000);
    p.browser.goto(&p.site.site_url("resource/west-midlands-air-quality-study?embed=1"));
    let out = p.browser.wait_for("main a.external", WAIT);
    assert_eq!(out.attr("target").as_deref(), Some("_blank"));
    assert!(out.attr("rel").unwrap_or_default().contains("noopener"));
    // On the site itself, the same link stays in the tab.
    p.browser.goto(&p.site.site_url("resource/west-midlands-air-quality-study"));
    let out = p.browser.wait_for("main a.external", WAIT);
    assert_eq!(out.attr("target"), None);
}

const WIDGET_PAGE: &str = r##"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Partner with widgets</title>
<style id="hostile" media="not all">
  * { color: red !important; font-size: 40px !important; line-height: 3 !important; font-family: serif !important; letter-spacing: 3px !important; }
  div, a, h1, h2, p, li { margin: 30px !important; padding: 20px !important; background: yellow !important; }
</style>
</head>
<body>
<main>
<h1>Partner page</h1>
<p id="host-text">Text of the host page.</p>
<mhr-widget id="w1" view="browse" tags="economy"></mhr-widget>
<mhr-widget id="w2" view="browse" tags="air-quality" theme="dark"></mhr-widget>
<p><a id="host-link" href="#host-anchor">A link of the host page</a></p>
<p id="host-anchor">The end.</p>
</main>
<script src="{SITE}widget.js" async></script>
</body></html>"##;

/// `expr` evaluated on the shadow root of widget `id` (as `root`).
fn in_widget(id: &str, expr: &str) -> String {
    format!(
        "(() => {{ const root = document.getElementById('{id}').shadowRoot; return ({expr}); }})()"
    )
}

/// Computed styles and sizes of everything the widget renders, to compare renderings.
fn rendering(p: &Partner, id: &str) -> Value {
    p.js(&format!(
        "return {};",
        in_widget(
            id,
            "[...root.querySelectorAll('div, h1, h2, p, a, li, button, input, label, span')].map(e => {
                const s = getComputedStyle(e); const r = e.getBoundingClientRect();
                return [e.tagName, s.color, s.backgroundColor, s.fontSize, s.fontFamily, s.lineHeight,
                        s.letterSpacing, s.margin, s.padding, Math.round(r.width), Math.round(r.height)].join('|');
            })"
        )
    ))
}

/// Fails with the first differences when `after` is not the rendering `before` was.
fn assert_same_rendering(before: &Value, after: &Value, what: &str) {
    let differences: Vec<(&Value, &Value)> = before
        .as_array()
        .unwrap()
        .iter()
        .zip(after.as_array().unwrap())
        .filter(|(a, b)| a != b)
        .collect();
    assert!(
        differences.is_empty(),
        "{what} reached into the widget: {:?}",
        &differences[..differences.len().min(3)]
    );
}

fn wait_widget_ready(p: &Partner, id: &str) {
    p.browser.wait_until(
        &in_widget(id, "root && root.querySelector('[data-testid=result-count]')"),
        WAIT,
        &format!("widget {id} to show its results"),
    );
}

/// A partner's page with one widget, `<mhr-widget id=ID view=VIEW>`.
fn one_widget_page(id: &str, view: &str) -> String {
    format!(
        r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Partner {view}</title></head>
<body><h1>Partner {view}</h1>
<mhr-widget id="{id}" view="{view}"></mhr-widget>
<script src="{{SITE}}widget.js" async></script>
</body></html>"#
    )
}

#[test]
fn a_widget_downloads_the_code_of_its_own_view_and_another_views_when_it_is_shown() {
    let p = Partner::start(&[("compare.html", &one_widget_page("c", "compare"))], 1280);
    p.open("compare.html");
    p.browser.wait_until(
        &in_widget("c", "root && root.querySelector('h1') && root.querySelector('h1').textContent.includes('Compare')"),
        WAIT,
        "the comparison widget to show its heading",
    );
    let fetched = |chunk: &str| {
        p.site
            .requests()
            .iter()
            .filter(|r| r.contains(&format!("/widget-app-split_{chunk}-")))
            .count()
    };
    assert_eq!(fetched("compare"), 1, "{:?}", p.site.requests());
    assert_eq!(
        fetched("pages"),
        0,
        "the list views' code is not downloaded: {:?}",
        p.site.requests()
    );
    assert!(
        !p.site.requests().iter().any(|r| r.contains("/app-")),
        "nothing of the site's own app: {:?}",
        p.site.requests()
    );

    // The partner switches the element to a list: it shows the page the build wrote for
    // it, and the lists' code downloads, from the site, once the visitor reaches into it.
    p.js("document.getElementById('c').setAttribute('view', 'browse');");
    wait_widget_ready(&p, "c");
    assert_eq!(fetched("pages"), 0, "the list is the written one: {:?}", p.site.requests());
    assert!(
        p.site.requests().iter().any(|r| r.ends_with("/browse/")),
        "its page came from the site: {:?}",
        p.site.requests()
    );
    p.js(&in_widget(
        "c",
        "root.querySelector('h1').dispatchEvent(new Event('pointerover', {bubbles: true}))",
    ));
    p.site.wait_for_answers(&support::widget_chunk_path("split_pages"), 1, WAIT);
    p.browser.wait_until(
        &in_widget("c", "!root.querySelector('.written-view')"),
        WAIT,
        "the live list in place of the written one",
    );
    assert_eq!(fetched("pages"), 1, "{:?}", p.site.requests());
    assert!(p.browser.console_errors().is_empty(), "{:?}", p.browser.console_errors());
}

/// A list widget shows the page the build wrote for its view until the visitor first
/// reaches into it; a click on a control before the lists' code has come is held, then made
/// on the live control, and so is an option chosen meanwhile; a link in the list opens its
/// view in the widget, never on the partner's page.
#[test]
fn a_list_widgets_written_view_holds_a_click_until_its_code_comes() {
    let chunk = support::widget_chunk_path("split_pages");
    let p = Partner::start_with(
        &[("browse.html", &one_widget_page("b", "browse"))],
        1280,
        ServeOptions::default().with_gate(&chunk),
    );
    p.open("browse.html");
    wait_widget_ready(&p, "b");
    assert!(
        p.widget("b", "!!root.querySelector('.written-view [data-testid=results] a')")
            .as_bool()
            .unwrap(),
        "the written list, with its links"
    );
    let count = || {
        p.widget("b", "root.querySelector('[data-testid=result-count]').textContent")
            .as_str()
            .unwrap()
            .to_string()
    };
    let all = count();
    let checkbox = p
        .browser
        .element(
            &p.widget("b", "root.querySelector('.facet input[type=checkbox]:not([disabled])')"),
        )
        .expect("a facet's checkbox");
    let id = checkbox.attr("id").expect("the checkbox's id");
    checkbox.click();
    p.site.wait_for_requests(&chunk, 1, WAIT);
    let checked = format!("root.getElementById('{id}').checked");
    assert_eq!(p.widget("b", &checked), Value::Bool(false), "held while the code is on its way");
    assert_eq!(count(), all, "nothing filtered yet");
    assert!(p.widget("b", "!!root.querySelector('.written-view')").as_bool().unwrap());
    // An option chosen in the written sort control meanwhile (as the browser's own picker
    // would: it opens on the press, which is not held back).
    p.widget(
        "b",
        "(() => { const s = root.getElementById('sort-order'); s.value = 'title'; \
         s.dispatchEvent(new Event('change', {bubbles: true})); return true; })()",
    );

    p.site.open_gate(&chunk);
    p.browser.wait_until(
        &in_widget(
            "b",
            "!root.querySelector('.written-view') && root.getElementById('sort-order').value === 'title'",
        ),
        WAIT,
        "the option chosen before, chosen in the live sort control",
    );
    p.browser.wait_until(
        &in_widget("b", &checked),
        WAIT,
        "the held click made on the live checkbox",
    );
    p.browser.wait_until(
        &in_widget(
            "b",
            &format!("root.querySelector('[data-testid=result-count]').textContent !== {all:?}"),
        ),
        WAIT,
        "the list filtered",
    );
    assert!(p.widget("b", "!root.querySelector('.written-view')").as_bool().unwrap());

    // A resource's link in the list opens its view in the widget.
    let partner_url = p.browser.current_url();
    let link = p
        .browser
        .element(&p.widget("b", "root.querySelector('[data-testid=results] a')"))
        .expect("a resource's link");
    let title = link.text();
    link.click();
    p.browser.wait_until(
        &in_widget(
            "b",
            &format!(
                "root.querySelector('h1') && root.querySelector('h1').textContent === {title:?}"
            ),
        ),
        WAIT,
        "the resource's view in the widget",
    );
    assert_eq!(p.browser.current_url(), partner_url, "the partner's page stays");
    assert!(p.browser.console_errors().is_empty(), "{:?}", p.browser.console_errors());
}

/// A link in the written view, clicked before anything else, opens its view in the widget.
#[test]
fn a_link_in_a_list_widgets_written_view_opens_its_view_in_the_widget() {
    let p = Partner::start_with(
        &[(
            "section.html",
            &one_widget_page("s", "section")
                .replace("view=\"section\"", "view=\"section\" section=\"strengths\""),
        )],
        1280,
        ServeOptions::default(),
    );
    p.open("section.html");
    wait_widget_ready(&p, "s");
    let partner_url = p.browser.current_url();
    let href = p.widget(
        "s",
        "root.querySelector('.written-view [data-testid=results] a').getAttribute('href')",
    );
    let href = href.as_str().expect("a written link").to_string();
    assert!(href.starts_with(&p.site.site_url("")), "made absolute on the site: {href}");
    p.widget("s", "root.querySelector('.written-view [data-testid=results] a').click()");
    p.browser.wait_until(
        &in_widget("s", "!root.querySelector('.written-view') && root.querySelector('h1') && !root.querySelector('[data-testid=page-loading]')"),
        WAIT,
        "the resource's view in the widget",
    );
    assert_eq!(p.browser.current_url(), partner_url, "the partner's page stays");
}

/// A widget of browse filtered by one tag (widget.js's own example) starts from that view,
/// which the build wrote for widgets alone, and the live view it becomes when the visitor
/// reaches into it lists the same resources with the same filter chosen; a tag the build
/// wrote no view for is rendered from the code.
#[test]
fn a_widget_of_one_tag_starts_from_its_view_written_alone() {
    let page = one_widget_page("t", "browse")
        .replace("view=\"browse\"", "view=\"browse\" tags=\"economy\"");
    let p = Partner::start(&[("tag.html", &page)], 1280);
    p.open("tag.html");
    wait_widget_ready(&p, "t");
    let fetched = |what: &str| p.site.requests().iter().filter(|r| r.contains(what)).count();
    assert_eq!(fetched("/views/browse/tag/economy.html"), 1, "{:?}", p.site.requests());
    assert_eq!(fetched("/widget-app-split_pages-"), 0, "no lists' code: {:?}", p.site.requests());
    // What the view says: its count, the chosen filter, the resources listed and the facet
    // ticked.
    let shown = || {
        p.widget(
            "t",
            "[root.querySelector('[data-testid=result-count]').textContent, \
              root.querySelector('[data-testid=chips]').textContent, \
              [...root.querySelectorAll('[data-testid=results] h3 a, [data-testid=results] h2 a')].map(a => a.href).join(' '), \
              [...root.querySelectorAll('.facet input:checked')].map(i => i.id).join(' ')]",
        )
    };
    assert!(p.widget("t", "!!root.querySelector('.written-view')").as_bool().unwrap());
    let written = shown();
    assert!(written[1].as_str().unwrap().contains("Economy"), "the tag chosen: {written}");
    // A written control, kept to try once the written view has gone.
    p.widget(
        "t",
        "(window.writtenBox = root.querySelector('.written-view .facet input:not([disabled])'), true)",
    );
    p.widget("t", "root.querySelector('[data-testid=result-count]').dispatchEvent(new Event('pointerover', {bubbles: true}))");
    p.browser.wait_until(
        &in_widget("t", "!root.querySelector('.written-view')"),
        WAIT,
        "the live list in place of the written one",
    );
    assert_eq!(shown(), written, "the live view says what the written one did");
    // The written view's listener went with it: a click in its content, gone from the page,
    // is nobody's (while it listened, it held such a click back for the live view).
    let taken = p.js("const e = new MouseEvent('click', {bubbles: true, cancelable: true}); \
         window.writtenBox.dispatchEvent(e); return e.defaultPrevented;");
    assert_eq!(taken, Value::Bool(false), "the written view still listened");

    // Two tags: nothing is written for them, so the view renders from the code.
    p.js("document.getElementById('t').setAttribute('tags', 'economy,innovation');");
    p.browser.wait_until(
        &in_widget("t", "root && root.querySelectorAll('[data-testid=chips] li').length === 2"),
        WAIT,
        "the widget of two tags",
    );
    assert_eq!(fetched("/views/"), 1, "{:?}", p.site.requests());

    // A widget removed while its view is still the written one takes the listener with it.
    p.js("document.getElementById('t').setAttribute('tags', 'economy');");
    p.browser.wait_until(
        &in_widget("t", "root && root.querySelector('.written-view .facet input')"),
        WAIT,
        "the written view of one tag again",
    );
    p.widget("t", "(window.writtenBox = root.querySelector('.written-view .facet input:not([disabled])'), true)");
    p.js("document.getElementById('t').remove();");
    p.browser.wait_until(
        "(() => { const e = new MouseEvent('click', {bubbles: true, cancelable: true}); \
           window.writtenBox.dispatchEvent(e); return !e.defaultPrevented; })()",
        WAIT,
        "a click in the removed widget's written view to be nobody's",
    );
    assert!(p.browser.console_errors().is_empty(), "{:?}", p.browser.console_errors());
}

#[test]
fn widgets_are_isolated_from_the_host_page_and_from_each_other() {
    let p = Partner::start(&[("partner.html", WIDGET_PAGE)], 1280);
    p.open("partner.html");
    wait_widget_ready(&p, "w1");
    wait_widget_ready(&p, "w2");
    let downloads =
        || p.site.requests().iter().filter(|r| r.ends_with("/data/dataset.json")).count();
    assert_eq!(downloads(), 1, "two widgets mounted together share one download");

    // Two widgets, two filters, each its own result count and theme.
    let count = |id: &str| {
        p.js(&format!(
            "return {};",
            in_widget(id, "root.querySelector('[data-testid=result-count]').textContent")
        ))
        .as_str()
        .unwrap_or_default()
        .to_string()
    };
    assert_eq!(count("w1"), "7 resources");
    assert_eq!(count("w2"), "1 resource");
    let background = |id: &str| {
        p.js(&format!(
            "return {};",
            in_widget(id, "getComputedStyle(root.querySelector('.mhr-widget')).backgroundColor")
        ))
    };
    assert_ne!(background("w1"), background("w2"), "the dark widget has its own theme");

    // The widget's styles stay in its shadow root.
    assert_eq!(p.number("return document.styleSheets.length"), 1.0, "only the host's own sheet");
    assert_eq!(
        p.js("return getComputedStyle(document.getElementById('host-text')).fontSize"),
        "16px"
    );

    // A hostile host stylesheet changes nothing inside the widget.
    let calm = rendering(&p, "w1");
    assert!(calm.as_array().is_some_and(|a| a.len() > 20), "the widget rendered: {calm}");
    p.js("document.getElementById('hostile').media = 'all';");
    assert_eq!(
        p.js("return getComputedStyle(document.getElementById('host-text')).color"),
        "rgb(255, 0, 0)"
    );
    assert_same_rendering(&calm, &rendering(&p, "w1"), "the host's stylesheet");

    // Navigating inside a widget leaves the host's address and history alone, and the other
    // widget where it was.
    let (href, history) = (p.browser.current_url(), p.number("return history.length"));
    let link = p.js(&format!(
        "return {};",
        in_widget("w1", "root.querySelector('[data-testid=results] h3 a')")
    ));
    let link = p.browser.element(&link).expect("a result link in the widget");
    let title = link.text();
    link.click();
    p.browser.wait_until(
        &in_widget(
            "w1",
            &format!(
                "root.querySelector('h1') && root.querySelector('h1').textContent === {}",
                serde_json::json!(title)
            ),
        ),
        WAIT,
        "the widget to show the resource",
    );
    assert_eq!(p.browser.current_url(), href, "the host's address changed");
    assert_eq!(p.number("return history.length"), history, "the host's history grew");
    assert_eq!(count("w2"), "1 resource", "the other widget kept its view");
    // The widget's back button returns to the list.
    let back = p.js(&format!("return {};", in_widget("w1", "root.querySelector('.embed-back')")));
    p.browser.element(&back).expect("back button").click();
    wait_widget_ready(&p, "w1");
    assert_eq!(count("w1"), "7 resources");

    // Changing an attribute remounts the widget with the new view, from the dataset the
    // page already has.
    let before = downloads();
    p.js("document.getElementById('w2').setAttribute('tags', 'economy');");
    p.browser.wait_until(
        &in_widget("w2", "root.querySelector('[data-testid=result-count]') && root.querySelector('[data-testid=result-count]').textContent === '7 resources'"),
        WAIT,
        "the remounted widget to show the new tag",
    );
    assert_eq!(downloads(), before, "the remount downloaded the dataset again");

    // The host's own links still work as the host meant.
    p.browser.find("#host-link").unwrap().click();
    p.browser.wait_until("location.hash === '#host-anchor'", WAIT, "the host's link to work");
    assert!(p.browser.console_errors().is_empty(), "{:?}", p.browser.console_errors());
}

/// The builder's snippet for `query`, read from the builder on the site.
fn snippet_from_builder(p: &Partner, query: &str) -> String {
    p.browser.goto(&p.site.site_url(&format!("embed{query}")));
    p.browser.wait_for("[data-testid=embed-snippet]", WAIT);
    p.browser.find("[data-testid=embed-snippet]").unwrap().text()
}

#[test]
fn the_builders_snippets_work_pasted_unchanged_on_another_origin() {
    let p = Partner::start(&[], 1280);
    let widget = snippet_from_builder(&p, "?view=browse&tags=economy,innovation&kind=widget");
    assert!(widget.contains("<mhr-widget"), "{widget}");
    let iframe = snippet_from_builder(&p, "?view=section&section=strengths&theme=dark");
    assert!(iframe.contains("data-mhr-embed"), "{iframe}");
    // The builder previews what it offers: the iframe, and the widget itself.
    p.browser.wait_for("[data-testid=embed-preview-frame]", WAIT);
    snippet_from_builder(&p, "?view=compare&kind=widget");
    p.browser.wait_until(
        "(() => { const w = document.querySelector('[data-testid=embed-preview-widget] mhr-widget'); \
         const h = w && w.shadowRoot && w.shadowRoot.querySelector('h1'); return h && h.textContent.includes('Compare'); })()",
        WAIT,
        "the widget preview to show the comparison",
    );

    let page = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Pasted</title></head>\
         <body><h1>Pasted snippets</h1>\n{widget}\n{iframe}\n</body></html>"
    );
    std::fs::write(p._pages.path().join("pasted.html"), page).unwrap();
    p.open("pasted.html");
    p.browser.wait_until(
        "(() => { const w = document.querySelector('mhr-widget'); return w && w.shadowRoot && w.shadowRoot.querySelector('[data-testid=result-count]'); })()",
        WAIT,
        "the pasted widget to render",
    );
    let chips = p.js("return [...document.querySelector('mhr-widget').shadowRoot.querySelectorAll('.chip')].length");
    assert_eq!(chips, 2, "both tags of the snippet are applied");
    let frame = p.browser.wait_for("iframe[data-mhr-embed]", WAIT);
    p.browser.wait_until(
        "parseFloat(document.querySelector('iframe[data-mhr-embed]').style.height) > 0",
        WAIT,
        "embed.js to size the pasted iframe",
    );
    p.browser.switch_to_frame(&frame);
    p.browser.wait_for("[data-testid=result-count]", WAIT);
    assert_eq!(p.js("return document.documentElement.dataset.theme"), "dark");
    p.browser.switch_to_top();
    assert!(p.browser.console_errors().is_empty(), "{:?}", p.browser.console_errors());
}

const START_PAGE: &str = r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Partner start</title></head>
<body><h1>Partner start</h1><p><a id="on" href="partner.html">On to the directory</a></p></body></html>"#;

#[test]
fn filter_changes_in_an_embedded_frame_add_nothing_to_the_partners_history() {
    let p = Partner::start(
        &[("start.html", START_PAGE), ("partner.html", IFRAME_PAGE), ("other.html", OTHER_FRAME)],
        1000,
    );
    p.open("start.html");
    p.browser.find("#on").unwrap().click();
    let frame = p.browser.wait_for("#f", WAIT);
    let history = p.number("return history.length");
    p.browser.switch_to_frame(&frame);
    p.browser.wait_for("[data-testid=result-count]", WAIT);
    p.browser.find(".filters-toggle").expect("filters button").click();
    for label in ["Air quality", "Economy"] {
        p.browser
            .find_all(".facet-option label")
            .into_iter()
            .find(|l| l.text().starts_with(label))
            .unwrap_or_else(|| panic!("an {label} option"))
            .click();
        p.browser.wait_until(
            &format!("location.search.includes('tag={}')", label.to_lowercase().replace(' ', "-")),
            WAIT,
            "the filter",
        );
    }
    p.browser.switch_to_top();
    assert_eq!(p.number("return history.length"), history, "the partner's history grew");
    // The partner's Back button leaves the partner's page, as it would without us.
    p.browser.back();
    p.browser.wait_until("document.title === 'Partner start'", WAIT, "Back to leave the page");
}

#[test]
fn an_iframe_whose_address_was_upgraded_to_https_still_sizes_itself() {
    let p = Partner::start(&[("partner.html", IFRAME_PAGE), ("other.html", OTHER_FRAME)], 1000);
    p.open("partner.html");
    let frame = p.browser.wait_for("#f", WAIT);
    wait_sized(&p, &frame);
    // The frame's http address redirected to https (a different origin, on the same host,
    // maybe another port): its window reports from there. Chromium here has no https site
    // to redirect to, so the report is the one that window would send, given to embed.js as
    // the browser would deliver it.
    let host = p.site.origin().replace("http://", "").split(':').next().unwrap().to_string();
    let report = |origin: &str, height: u32| {
        p.js(&format!(
            "const f = document.getElementById('f');
             window.dispatchEvent(new MessageEvent('message', {{ data: {{ type: 'mhr-embed:height', frame: 't1', height: {height} }}, origin: {origin:?}, source: f.contentWindow }}));
             return f.getBoundingClientRect().height;"
        ))
    };
    assert_eq!(report(&format!("https://{host}:8443"), 777), 777.0, "the upgraded frame sized");
    assert_eq!(report(&format!("https://{host}"), 701), 701.0, "on the default port too");
    // Another host, even over https, is not the frame's.
    assert_eq!(report("https://evil.example", 555), 701.0, "another host resized it");
    assert_eq!(report(&format!("http://{host}:1"), 556), 701.0, "another http origin resized it");
}

#[test]
fn a_host_pages_custom_properties_do_not_restyle_the_widget() {
    let p = Partner::start(&[("partner.html", WIDGET_PAGE)], 1280);
    p.open("partner.html");
    wait_widget_ready(&p, "w1");
    let calm = rendering(&p, "w1");
    // Every custom property the widget's stylesheet uses, set on the element by the host.
    p.browser.execute_async(
        "const done = arguments[arguments.length - 1];
         const link = document.getElementById('w1').shadowRoot.querySelector('link[rel=stylesheet]');
         fetch(link.href).then((r) => r.text()).then((text) => {
           const names = [...new Set(text.match(/--[a-z0-9-]+/g))];
           const style = document.createElement('style');
           style.textContent = 'mhr-widget { ' + names.map((n) => n + ': ' + (n === '--mhr-rem' ? '40px' : 'red')).join('; ') + ' }';
           document.head.append(style);
           window.__names = names;
           requestAnimationFrame(() => done(names.length));
         });",
        vec![],
    );
    assert!(p.number("return window.__names.length") > 20.0, "the widget's tokens were found");
    assert_same_rendering(&calm, &rendering(&p, "w1"), "the host's custom properties");
}

/// A partner's widget reads the site's dataset as the site does (`Reader`, with the
/// fingerprint from widget.js): the build's own text without the code that checks a dataset
/// (in the comparison's chunk, which a list widget does not otherwise need); any other text
/// downloads that code from the site, and a good one is shown, a broken one explained in the
/// widget.
#[test]
fn a_widget_checks_only_a_dataset_other_than_the_builds() {
    const DATA: &str = "/data/dataset.json";
    let checks = support::widget_chunk_path("split_compare");
    let start = |site: ServeOptions| {
        let p = Partner::start_with(&[("list.html", &one_widget_page("l", "browse"))], 1280, site);
        p.open("list.html");
        p
    };
    let error_views = |p: &Partner| {
        p.number(&format!(
            "return {};",
            in_widget("l", "root.querySelectorAll('[data-testid=error-view]').length")
        ))
    };

    let p = start(ServeOptions::default());
    wait_widget_ready(&p, "l");
    assert_eq!(error_views(&p), 0.0);
    assert!(!p.site.requests().iter().any(|r| r.ends_with(&checks)), "{:?}", p.site.requests());
    drop(p);

    let changed = format!("{}\n", crate::common::REAL);
    let p = start(ServeOptions::default().with_override(
        DATA,
        200,
        "application/json",
        changed.as_bytes(),
    ));
    wait_widget_ready(&p, "l");
    assert_eq!(error_views(&p), 0.0);
    assert_eq!(p.site.wait_for_requests(&checks, 1, WAIT), 1, "{:?}", p.site.requests());
    drop(p);

    let p = start(ServeOptions::default().with_override(DATA, 200, "application/json", b"{\"oops"));
    p.browser.wait_until(
        &in_widget("l", "root && root.querySelector('[data-testid=error-view]')"),
        WAIT,
        "the widget's error view",
    );
    let view = p.js(&format!(
        "return {};",
        in_widget("l", "root.querySelector('[data-testid=error-view]').textContent")
    ));
    let view = view.as_str().unwrap_or_default();
    assert!(view.contains("not valid JSON") && view.contains("line 1"), "{view}");
    assert_eq!(p.site.wait_for_requests(&checks, 1, WAIT), 1, "{:?}", p.site.requests());
}

#[test]
fn the_widgets_error_view_leaves_the_host_pages_title_and_landmarks_alone() {
    let site = StaticServer::start(
        support::dist_dir(),
        ServeOptions::default().with_shipped_headers().with_override(
            "/data/dataset.json",
            503,
            "text/plain",
            b"down",
        ),
    );
    let dir = TempDir::new("partner");
    std::fs::write(
        dir.path().join("partner.html"),
        WIDGET_PAGE.replace("{SITE}", &site.site_url("")),
    )
    .unwrap();
    let partner = StaticServer::start(dir.path(), ServeOptions::default());
    let browser = Browser::launch(1280, 900);
    browser.goto(&partner.url("partner.html"));
    browser.wait_until(
        &in_widget("w1", "root && root.querySelector('[data-testid=error-view]')"),
        WAIT,
        "the widget's error view",
    );
    assert_eq!(browser.title(), "Partner with widgets");
    let mains = browser.execute(
        "return [document.querySelectorAll('main').length, document.querySelectorAll('#main').length,
                 document.getElementById('w1').shadowRoot.querySelectorAll('main, #main').length]",
        vec![],
    );
    assert_eq!(mains, serde_json::json!([1, 0, 0]), "only the host's own <main>");
}
