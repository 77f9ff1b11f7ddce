//! The contract with the loader (`loader.js`) for internal errors.
//!
//! The release build aborts on a panic, which in wasm is a trap: an exception thrown from
//! whatever JS called into the module. So every call into the module is guarded by the loader:
//! the custom element's callbacks directly, and the timers, listeners and promise callbacks
//! here through [`guard`]. The panic hook tells the loader first, which then shows every
//! widget's fallback content, logs one error and swallows the trap, so nothing escapes into
//! the host page and no half-drawn widget stays.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// The loader's runtime object, `window[Symbol.for("digital-hotline")]`.
fn runtime() -> Option<JsValue> {
    let window = web_sys::window()?;
    js_sys::Reflect::get(&window, &js_sys::Symbol::for_("digital-hotline"))
        .ok()
        .filter(|r| r.is_object())
}

fn method(name: &str) -> Option<(JsValue, js_sys::Function)> {
    let runtime = runtime()?;
    let method = js_sys::Reflect::get(&runtime, &name.into()).ok()?.dyn_into().ok()?;
    Some((runtime, method))
}

/// `callback` wrapped so that a trap inside it, after the panic hook ran, goes no further.
/// Without a loader (e.g. a test harness) the callback is returned as it is.
pub fn guard(callback: &JsValue) -> js_sys::Function {
    method("guard")
        .and_then(|(runtime, guard)| guard.call1(&runtime, callback).ok()?.dyn_into().ok())
        .unwrap_or_else(|| callback.clone().unchecked_into())
}

/// Runs `callback` in a task of its own, before the next waiting widget starts: the loader
/// queues it (`runtime.soon`, guarded like [`guard`]). Without a loader, right away.
pub fn soon(callback: impl FnOnce() + 'static) {
    match method("soon") {
        Some((runtime, soon)) => {
            let _ = soon.call1(&runtime, &Closure::once_into_js(callback));
        }
        None => callback(),
    }
}

/// Runs when the module is instantiated: report panics to the loader before aborting.
#[wasm_bindgen(start)]
pub fn install_panic_hook() {
    #[cfg(feature = "test-hooks")]
    super::test_hooks::install();
    std::panic::set_hook(Box::new(|info| {
        if let Some((runtime, panicked)) = method("panicked") {
            let _ = panicked.call1(&runtime, &info.to_string().into());
        }
    }));
}
