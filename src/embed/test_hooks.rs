//! Entry points for the browser tests only (feature `test-hooks`: built into
//! `target/test-bundle`, never published), put on the loader's runtime object as
//! `window[Symbol.for("digital-hotline")].test`; `validate` only in the `hosted-config` build.

use wasm_bindgen::prelude::*;

/// Installs the hooks, when the loader's runtime object is there.
pub fn install() {
    let Some(window) = web_sys::window() else { return };
    let Ok(runtime) = js_sys::Reflect::get(&window, &js_sys::Symbol::for_("digital-hotline"))
    else {
        return;
    };
    if !runtime.is_object() {
        return;
    }
    let hooks = js_sys::Object::new();
    #[cfg(feature = "hosted-config")]
    {
        let validate = Closure::<dyn Fn(String, f64) -> JsValue>::new(validate).into_js_value();
        let _ = js_sys::Reflect::set(&hooks, &"validate".into(), &validate);
    }
    let memory = Closure::<dyn Fn() -> f64>::new(memory_bytes).into_js_value();
    let _ = js_sys::Reflect::set(&hooks, &"memoryBytes".into(), &memory);
    let _ = js_sys::Reflect::set(&runtime, &"test".into(), &hooks);
}

/// A hosted config's text down the widget's own path (the browser's `JSON.parse`, then the
/// validator); a valid config then answers a status query at `seconds` (Unix time) and is
/// turned into the texts shown. `null` when valid, else the reason as the widget's warning
/// gives it. A broken invariant panics, which the loader's `dead` flag shows.
#[cfg(feature = "hosted-config")]
fn validate(text: String, seconds: f64) -> JsValue {
    use chrono::DateTime;

    use crate::ui::{Lang, WidgetView};

    let config = super::hosted::parse(&text);
    match config {
        Ok(config) => {
            let now = DateTime::from_timestamp(seconds as i64, 0).unwrap_or_default();
            let status = config.schedule.status_at(now);
            assert!(
                status.next_change.is_none_or(|next| next > now),
                "the next change {:?} is not after {now}",
                status.next_change
            );
            WidgetView::new(now, &status, &config, Lang::Da, false);
            JsValue::NULL
        }
        Err(reason) => reason.into(),
    }
}

/// The size of the wasm memory, which only ever grows.
fn memory_bytes() -> f64 {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    memory.buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length() as f64
}
