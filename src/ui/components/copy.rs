//! A button that copies text to the clipboard and says so to everyone, screen readers too.

use leptos::prelude::*;

/// Copies `text()` when pressed; the status next to it confirms, or shows the text to copy
/// by hand where the browser refuses clipboard access.
#[component]
pub fn CopyButton(
    /// The button's label.
    label: &'static str,
    /// What to copy, computed when pressed.
    text: Callback<(), String>,
) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let copy = move |_| {
        let value = text.run(());
        let Some(window) = web_sys::window() else { return };
        let promise = window.navigator().clipboard().write_text(&value);
        status.set(format!("Copying: {value}"));
        wasm_bindgen_futures::spawn_local(async move {
            let done = wasm_bindgen_futures::JsFuture::from(promise).await;
            status.set(match done {
                Ok(_) => format!("Copied: {value}"),
                Err(_) => {
                    format!("Your browser did not allow copying; select and copy this: {value}")
                }
            });
        });
    };
    view! {
        <button type="button" class="button secondary needs-app" on:click=copy>{label}</button>
        <span role="status" class="copy-status needs-app">{move || status.get()}</span>
    }
}
