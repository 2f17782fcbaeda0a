//! Key components rendered in headless Chromium with wasm-bindgen-test: what they put in the
//! DOM for real data and for hostile data.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use leptos::prelude::*;
use mhr::core::catalog::Catalog;
use mhr::core::error::{DatasetError, Problem};
use mhr::core::load::load;
use mhr::core::model::Link;
use mhr::ui::components::figures::FigureList;
use mhr::ui::components::links::ExternalLink;
use mhr::ui::components::state::ErrorView;
use mhr::ui::nav::Nav;
use mhr::ui::LoadFailure;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn catalog() -> Arc<Catalog> {
    Arc::new(Catalog::new(load(include_str!("../data/dataset.json")).expect("valid dataset")))
}

/// Mounts `view` into a fresh element and returns that element.
fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), view);
    handle.forget();
    host
}

use wasm_bindgen::JsCast;

#[wasm_bindgen_test]
fn an_external_link_is_marked_as_leading_to_another_site() {
    let host = mount(|| {
        view! { <ExternalLink link=Link { url: "https://wm-air.org.uk/project/health".into(), label: "Tool".into() }/> }
    });
    let a = host.query_selector("a.external").unwrap().expect("a link");
    assert_eq!(a.get_attribute("href").as_deref(), Some("https://wm-air.org.uk/project/health"));
    assert!(a.get_attribute("rel").unwrap().contains("noopener"));
    assert!(a.text_content().unwrap().contains("on another site"));
}

#[wasm_bindgen_test]
fn an_unsafe_address_is_shown_as_text_and_never_as_a_link() {
    let host = mount(|| {
        view! { <ExternalLink link=Link { url: " javascript:alert(1)".into(), label: "<b>Click</b>".into() }/> }
    });
    assert!(host.query_selector("a").unwrap().is_none());
    assert!(host.query_selector("b").unwrap().is_none(), "label text must not become markup");
    assert!(host.text_content().unwrap().contains("<b>Click</b>"));
}

#[wasm_bindgen_test]
fn a_figure_list_shows_value_share_period_and_source() {
    let c = catalog();
    let figures =
        c.figures_of("data-driven-healthcare-report").into_iter().cloned().collect::<Vec<_>>();
    let n = figures.len();
    let host = mount(move || {
        provide_context(c);
        // Links need a location; the widget's in-memory one needs no browser address.
        let route = RwSignal::new("/".to_string());
        let go = Callback::new(move |(to, _): (String, bool)| route.set(to));
        provide_context(Nav::in_memory("https://example.org/", route, go));
        view! { <FigureList figures show_source=true/> }
    });
    assert_eq!(host.query_selector_all(".figure").unwrap().length() as usize, n);
    let text = host.text_content().unwrap();
    assert!(text.contains("over 5,500"), "{text}");
    assert!(text.contains("9% of UK"), "{text}");
    assert!(text.contains("Source"), "{text}");
}

#[wasm_bindgen_test]
fn the_error_view_lists_each_problem_and_retries_on_click() {
    let failure = LoadFailure::Invalid(DatasetError::Invalid(vec![
        Problem::new("resource \"a\"", "links[0].url", "is not a safe link"),
        Problem::new("tag \"b\"", "label", "is empty"),
    ]));
    let retried = RwSignal::new(0);
    let host =
        mount(move || view! { <ErrorView failure on_retry=move || retried.update(|n| *n += 1)/> });
    assert_eq!(host.query_selector_all("[data-testid=problems] li").unwrap().length(), 2);
    assert!(host.text_content().unwrap().contains("links[0].url"));
    let button: web_sys::HtmlElement =
        host.query_selector("button").unwrap().unwrap().unchecked_into();
    button.click();
    assert_eq!(retried.get_untracked(), 1);
}

/// The dataset's fingerprint, which the build computes natively and writes into the pages, is
/// the one the app computes in wasm32 (`tests/native/hostile_datasets.rs` pins the same value).
#[wasm_bindgen_test]
fn a_fingerprint_is_the_same_in_wasm32_as_natively() {
    assert_eq!(mhr::core::load::fingerprint("Midlands Health Resources"), 0x130e_176b_7096_4090);
}
