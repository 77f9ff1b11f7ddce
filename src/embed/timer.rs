//! A one-shot `setTimeout` owned by a value: dropping it cancels the timer.
//! (Like `gloo_timers::Timeout`, but its callback goes through [`runtime::guard`], and the
//! timer id is kept as the JS value it is: web-sys reads it as an `i32`, which garbles ids
//! beyond 2³¹, as some environments hand out.)

use wasm_bindgen::prelude::*;

use super::runtime;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(callback: &js_sys::Function, delay_ms: i32) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: &JsValue);
}

pub struct Timer {
    id: JsValue,
    _callback: Closure<dyn FnMut()>,
}

impl Timer {
    /// Calls `callback` once after `delay_ms`.
    pub fn new(delay_ms: u32, callback: impl FnOnce() + 'static) -> Timer {
        let callback = Closure::once(callback);
        let guarded = runtime::guard(callback.as_ref());
        let id = set_timeout(&guarded, i32::try_from(delay_ms).unwrap_or(i32::MAX));
        Timer { id, _callback: callback }
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        clear_timeout(&self.id);
    }
}
