//! An event listener owned by a value: dropping it removes the listener.
//! (Like `gloo_events::EventListener`, but its callback goes through [`runtime::guard`].)

use wasm_bindgen::prelude::*;

use super::runtime;

pub struct Listener {
    target: web_sys::EventTarget,
    event: &'static str,
    guarded: js_sys::Function,
    _callback: Closure<dyn FnMut(web_sys::Event)>,
}

impl Listener {
    pub fn new(
        target: &web_sys::EventTarget,
        event: &'static str,
        callback: impl FnMut(web_sys::Event) + 'static,
    ) -> Listener {
        let callback = Closure::<dyn FnMut(web_sys::Event)>::new(callback);
        let guarded = runtime::guard(callback.as_ref());
        let _ = target.add_event_listener_with_callback(event, &guarded);
        Listener { target: target.clone(), event, guarded, _callback: callback }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback(self.event, &self.guarded);
    }
}
