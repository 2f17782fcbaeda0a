//! Registers the service worker (`public/sw.js`) and hands over to a new version when the
//! visitor asks.
//!
//! A new deployment installs a new worker, which then waits: the open tab keeps running the
//! version it started with, so it never mixes old and new files. [`register`] flags that
//! wait; [`apply_update`] tells the waiting worker to take over, and the page reloads when
//! it has.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

use crate::core::paths::Paths;

thread_local! {
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
    static RELOAD_ON_CHANGE: Cell<bool> = const { Cell::new(false) };
}

/// The browser's service worker container, where there is one (not on plain http).
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = window().navigator();
    js_sys::Reflect::get(&navigator, &"serviceWorker".into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
        .map(|v| v.unchecked_into())
}

/// Registers `sw.js` under the site's base; sets `update_ready` when a new version waits.
pub fn register(base: &str, update_ready: RwSignal<bool>) {
    let Some(container) = container() else { return };
    let paths = Paths::new(base);
    let script = paths.asset("sw.js");
    let options = web_sys::RegistrationOptions::new();
    options.set_scope(paths.base());
    let on_change = Closure::<dyn Fn()>::new(|| {
        if RELOAD_ON_CHANGE.get() {
            let _ = window().location().reload();
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    let promise = container.register_with_options(&script, &options);
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = wasm_bindgen_futures::JsFuture::from(promise).await else {
            return;
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        // Only a worker that replaces a running one is an update; the first install is not.
        let is_update = move || container.controller().is_some();
        if registration.waiting().is_some() && is_update() {
            update_ready.set(true);
        }
        let watched = registration.clone();
        let on_found = Closure::<dyn Fn()>::new(move || {
            let Some(installing) = watched.installing() else { return };
            let worker = installing.clone();
            let is_update = is_update.clone();
            let on_state = Closure::<dyn Fn()>::new(move || {
                if worker.state() == ServiceWorkerState::Installed && is_update() {
                    update_ready.set(true);
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
        // A tab can stay open for days: look for a new version whenever it comes back into
        // view, not only on the next navigation.
        let checked = registration.clone();
        let on_visible = Closure::<dyn Fn()>::new(move || {
            if document().visibility_state() == web_sys::VisibilityState::Visible {
                let _ = checked.update();
            }
        });
        let _ = document().add_event_listener_with_callback(
            "visibilitychange",
            on_visible.as_ref().unchecked_ref(),
        );
        on_visible.forget();
        REGISTRATION.with(|r| *r.borrow_mut() = Some(registration));
    });
}

/// Asks the waiting worker to take over; the page reloads once it controls it.
pub fn apply_update() {
    let waiting = REGISTRATION.with(|r| r.borrow().as_ref().and_then(|r| r.waiting()));
    match waiting {
        Some(worker) => {
            RELOAD_ON_CHANGE.set(true);
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &"skip-waiting".into());
            let _ = worker.post_message(&message);
        }
        None => {
            let _ = window().location().reload();
        }
    }
}
