//! Registers the service worker (`public/sw.js`) and hands over to a new version when the
//! visitor asks.
//!
//! A new deployment installs a new worker, which then waits: the open tab keeps running the
//! version it started with, so it never mixes old and new files. [`register`] flags that
//! wait; [`apply_update`] tells the waiting worker to take over, and the page reloads when
//! it has.
//!
//! When the visitor accepts the update in another tab, the new worker takes this tab over
//! too, and deletes the old build's cache: this tab's app is then out of date
//! ([`is_out_of_date`]). It offers the reload, and a view whose code it can no longer
//! download reloads the page rather than fail (see [`crate::ui::deferred`]).

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

use crate::core::paths::Paths;

thread_local! {
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
    static RELOAD_ON_CHANGE: Cell<bool> = const { Cell::new(false) };
    /// Whether a worker controlled the page before the latest change of controller.
    static CONTROLLED: Cell<bool> = const { Cell::new(false) };
    /// Another worker took over from the one this page started with, without this page
    /// asking: another tab accepted an update.
    static OUT_OF_DATE: Cell<bool> = const { Cell::new(false) };
}

/// Whether a service worker controls this page (so the dataset came from its cache).
pub fn controls_page() -> bool {
    container().and_then(|c| c.controller()).is_some()
}

/// Whether a newer version has taken this tab over since it started (see the module doc).
pub fn is_out_of_date() -> bool {
    OUT_OF_DATE.get()
}

/// Hands a dataset the app has validated to the controlling worker, to keep.
pub fn keep_dataset(text: &str) {
    let Some(worker) = container().and_then(|c| c.controller()) else { return };
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"keep-dataset".into());
    let _ = js_sys::Reflect::set(&message, &"text".into(), &text.into());
    let _ = worker.post_message(&message);
}

/// The browser's service worker container, where there is one (not on plain http).
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = window().navigator();
    js_sys::Reflect::get(&navigator, &"serviceWorker".into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
        .map(|v| v.unchecked_into())
}

/// The longest the registration waits for the browser to be idle (see [`register`]).
const REGISTER_WITHIN_MS: u32 = 5_000;

/// Registers `sw.js` under the site's base when the browser is next idle (within
/// [`REGISTER_WITHIN_MS`]); sets `update_ready` when a new version waits.
///
/// Not at once: a first visit's worker downloads every file of the site as it installs, and
/// registered as the app became ready, those 26 downloads and the worker's start shared the
/// network and the two cores with the search box's code still arriving, just when a visitor
/// may start typing (README, Search).
pub fn register(base: &str, update_ready: RwSignal<bool>) {
    let Some(container) = container() else { return };
    // At once, unlike the registration: a worker that takes this page over meanwhile (another
    // tab accepted an update) must be seen as a change of version.
    CONTROLLED.set(container.controller().is_some());
    let on_change = Closure::<dyn Fn()>::new(move || {
        if RELOAD_ON_CHANGE.get() {
            let _ = window().location().reload();
        } else if CONTROLLED.replace(true) {
            // Not the first worker taking the page over, but a new version, from another tab.
            OUT_OF_DATE.set(true);
            update_ready.set(true);
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    let base = base.to_string();
    crate::ui::timers::when_idle(
        move || register_now(container, &base, update_ready),
        Some(REGISTER_WITHIN_MS),
        Some(0),
    );
}

/// Registers the worker, and watches the registration for a new version waiting.
fn register_now(container: ServiceWorkerContainer, base: &str, update_ready: RwSignal<bool>) {
    let paths = Paths::new(base);
    let script = paths.asset("sw.js");
    let options = web_sys::RegistrationOptions::new();
    options.set_scope(paths.base());
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
