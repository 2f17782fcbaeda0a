//! The browser's timers as the app uses them: a callback after a while, and a wait for the
//! event loop's next task. Browser only (the pages written at build time have no timers).

use wasm_bindgen::JsCast;

/// Calls `f` once, in `ms` milliseconds (nothing when there is no window).
pub fn after(ms: i32, f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let callback = wasm_bindgen::closure::Closure::once_into_js(f);
    let _ =
        window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), ms);
}

/// Calls `f` once, when the browser is next idle (`requestIdleCallback`), or after `longest_ms`
/// if it has not been idle by then. Where the browser has no `requestIdleCallback` (Safari),
/// `f` is called after `otherwise_ms`, or never when that is `None`. Nothing when there is no
/// window.
pub fn when_idle(f: impl FnOnce() + 'static, longest_ms: Option<u32>, otherwise_ms: Option<i32>) {
    let Some(window) = web_sys::window() else { return };
    let has = js_sys::Reflect::has(&window, &"requestIdleCallback".into()).unwrap_or(false);
    if has {
        let callback = wasm_bindgen::closure::Closure::once_into_js(f);
        let options = web_sys::IdleRequestOptions::new();
        if let Some(ms) = longest_ms {
            options.set_timeout(ms);
        }
        let _ = window.request_idle_callback_with_options(callback.unchecked_ref(), &options);
    } else if let Some(ms) = otherwise_ms {
        after(ms, f);
    }
}

/// Resolves in a later task of the browser's event loop, so that input and rendering run in
/// between: `scheduler.yield()` where the browser has it (Chromium), whose continuation runs
/// ahead of other ordinary tasks, else a zero-delay timer, which browsers hold back at
/// least 4 ms once timers nest five deep (at 10,000 resources that was about 60 ms of the
/// 230 to the first suggestion, waiting between slices).
pub async fn next_task() {
    let Some(window) = web_sys::window() else { return };
    let get = |target: &wasm_bindgen::JsValue, name: &str| {
        js_sys::Reflect::get(target, &wasm_bindgen::JsValue::from_str(name)).ok()
    };
    let yielded = get(&window, "scheduler").filter(|s| s.is_object()).and_then(|scheduler| {
        let call = get(&scheduler, "yield")?.dyn_into::<js_sys::Function>().ok()?;
        call.call0(&scheduler).ok()?.dyn_into::<js_sys::Promise>().ok()
    });
    let promise = yielded.unwrap_or_else(|| {
        js_sys::Promise::new(&mut |resolve, _| {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        })
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
