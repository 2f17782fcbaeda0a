//! Shows a panic to the visitor instead of a frozen page.
//!
//! After a panic the wasm module cannot run again (release builds abort), so Leptos cannot
//! render anything: the hook writes a plain error view with DOM calls, as text only, and
//! logs the details to the console for whoever debugs it.

use wasm_bindgen::JsCast;

/// Installs the hook. Called once, before mounting.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_error_view();
    }));
}

fn show_error_view() -> Option<()> {
    let document = web_sys::window()?.document()?;
    let body = document.body()?;
    body.set_text_content(None);
    let main = document.create_element("main").ok()?;
    main.set_class_name("container error-view");
    main.set_id("main");
    main.set_attribute("role", "alert").ok()?;
    main.set_attribute("data-testid", "error-view").ok()?;
    let h1 = document.create_element("h1").ok()?;
    h1.set_text_content(Some("Something went wrong"));
    let p = document.create_element("p").ok()?;
    p.set_text_content(Some(
        "The app met an error it could not recover from. Nothing you entered is lost: reloading \
         the page starts it again. If this keeps happening, please tell us what you were doing.",
    ));
    let button = document.create_element("button").ok()?;
    button.set_text_content(Some("Reload the page"));
    button.set_attribute("type", "button").ok()?;
    button.set_class_name("button");
    let reload = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    button.dyn_ref::<web_sys::HtmlElement>()?.set_onclick(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    for child in [&h1, &p, &button] {
        main.append_child(child).ok()?;
    }
    body.append_child(&main).ok()?;
    Some(())
}
