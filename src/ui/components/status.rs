//! Banners about the app itself: offline, and a new version waiting.

use leptos::ev;
use leptos::prelude::*;

#[cfg(target_arch = "wasm32")]
use crate::ui::{
    data::base_path,
    service_worker::{apply_update, register},
};

/// "You are offline", while the browser says so. Everything already loaded keeps working.
#[component]
pub fn OfflineNotice() -> impl IntoView {
    let online = RwSignal::new(browser_says_online());
    let on = window_event_listener(ev::online, move |_| online.set(true));
    let off = window_event_listener(ev::offline, move |_| online.set(false));
    on_cleanup(move || {
        on.remove();
        off.remove();
    });
    view! {
        <div role="status" class="app-status-region">
            <Show when=move || !online.get()>
                <p class="app-status offline" data-testid="offline">
                    <span class="status-dot" aria-hidden="true"></span>
                    "You are offline. Everything in the directory still works from this device."
                </p>
            </Show>
        </div>
    }
}

/// Registers the service worker and offers a new version when one is waiting.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let ready = RwSignal::new(false);
    #[cfg(target_arch = "wasm32")]
    register(&base_path(), ready);
    view! {
        <div role="status" class="app-status-region">
            <Show when=move || ready.get()>
                <p class="app-status update" data-testid="update-available">
                    "A new version is available. "
                    <button type="button" class="button" on:click=|_| reload()>"Reload"</button>
                </p>
            </Show>
        </div>
    }
}

/// Whether the browser says it is online; a page written at build time is, when it is read.
fn browser_says_online() -> bool {
    #[cfg(target_arch = "wasm32")]
    return window().navigator().on_line();
    #[cfg(not(target_arch = "wasm32"))]
    true
}

/// Takes the waiting version.
fn reload() {
    #[cfg(target_arch = "wasm32")]
    apply_update();
}
